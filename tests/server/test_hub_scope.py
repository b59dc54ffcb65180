"""Scope: a device sees and changes only its own village's records (trainers: their own).

The walk covers every /v1 route the app serves; a new route fails this test until it is added.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

import requests
from fastapi.routing import APIRoute
from hub_testkit import VILLAGE_A, VILLAGE_B, Device, LiveHub, attachment, revise

from sync.bundle import new_signing_key, public_key_text
from sync.protocol import ESCROW_SCHEME, PROTOCOL_VERSION, HandshakeResponse, PushResponse
from sync.server.escrow import keygen
from sync.server.models import BundleKeyRow, DeviceRow

PHOTO = b"\xff\xd8\xff\xe0" + b"foto-bukti" * 100


def _v1_routes(live: LiveHub) -> set[tuple[str, str]]:
    """The device routes (the district review routes refuse device tokens altogether: see
    test_review_accounts)."""
    return {(method, route.path) for route in live.app.routes if isinstance(route, APIRoute)
            and route.path.startswith("/v1/") and not route.path.startswith("/v1/review/")
            for method in route.methods}


def _outcomes(r: requests.Response) -> list[tuple[str, str | None]]:
    assert r.status_code == 200, r.text
    return [(x.outcome, x.reason_code) for x in PushResponse.model_validate_json(r.content).results]


def test_every_v1_route_refuses_another_village(live_hub: LiveHub) -> None:
    owner = live_hub.enrol(VILLAGE_A)
    env = owner.complaint(attachments=[attachment(PHOTO)])
    owner.push_ok([env])
    sha = env.payload.attachments[0].sha256
    outsiders = [live_hub.enrol(VILLAGE_B), live_hub.enrol(VILLAGE_A, role="trainer")]

    def enroll(d: Device) -> None:  # not device-scoped: a code is needed, a token is not enough
        r = d.request("POST", "/v1/enroll", {"code": "x" * 12, "device_tag": "ABC",
                                             "app_version": "0.1"})
        assert r.status_code == 403

    def handshake(d: Device) -> None:  # answers about the caller only
        r = d.request("POST", "/v1/handshake", {"protocol_version": PROTOCOL_VERSION,
                                                "app_version": "0.1",
                                                "client_time": "2025-03-10T09:00:00Z"})
        assert HandshakeResponse.model_validate_json(r.content).device_id == d.id

    def push(d: Device) -> None:
        new_revision = revise(env, 1, title="Diubah oleh desa lain")
        own_record_elsewhere = d.complaint(village_code=VILLAGE_A)
        # the owner's revision resent as is, a new revision of it, a record for village A
        got = _outcomes(d.push([env, new_revision, own_record_elsewhere]))
        # a record is its recorder's, wherever the incident was: the outsider's own record about
        # village A is accepted into the outsider's scope, the owner's record stays untouchable
        assert got == [("rejected", "out_of_scope"), ("rejected", "out_of_scope"),
                       ("accepted", None)]

    def reconcile(d: Device) -> None:
        assert [i.present for i in d.reconcile([env]).items] == [False]

    def changes(d: Device) -> None:
        assert all(c.id != env.id for c in d.all_changes().changes)

    def attachment_status(d: Device) -> None:
        r = d.request("GET", f"/v1/attachments/{sha}")
        assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"

    def upload(d: Device) -> None:
        r = d.request("PUT", f"/v1/attachments/{sha}", data=PHOTO,
                      headers={"Content-Range": f"bytes 0-{len(PHOTO) - 1}/{len(PHOTO)}"})
        assert r.status_code == 404

    keygen(live_hub.settings.data_dir)      # escrow.pub (and a private key) for this hub
    owner_escrow = live_hub.settings.escrow_dir / f"{owner.id}.json"

    def escrow_key(d: Device) -> None:  # the district's public key: nothing of any village
        assert d.request("GET", "/v1/escrow").json()["scheme"] == ESCROW_SCHEME

    def escrow_deposit(d: Device) -> None:  # filed under the caller's own device id only
        offered = d.request("GET", "/v1/escrow").json()
        r = d.request("PUT", "/v1/escrow", {"scheme": ESCROW_SCHEME, "key_id": "0" * 32,
                                            "fingerprint": offered["fingerprint"],
                                            "wrapped_key": "AAAA"})
        assert r.status_code == 200 and not owner_escrow.exists()
        assert (live_hub.settings.escrow_dir / f"{d.id}.json").exists()

    def bundle_key(d: Device) -> None:  # pinned for the caller's own device id only
        r = d.request("PUT", "/v1/bundle-key", {"public_key": public_key_text(new_signing_key())})
        assert r.status_code == 200
        with live_hub.hub.db.reads() as s:
            assert s.get(BundleKeyRow, owner.id) is None
            assert s.get(BundleKeyRow, d.id) is not None

    def device_report(d: Device) -> None:  # stored on the caller's own device row only
        r = d.request("PUT", "/v1/device-report", {"pending": 3, "set_aside": 0,
                                                    "app_version": "0.1"})
        assert r.status_code == 200
        with live_hub.hub.db.reads() as s:
            own, first = s.get(DeviceRow, d.id), s.get(DeviceRow, owner.id)
            assert own is not None and own.report_pending == 3
            assert first is not None and first.reported_at is None

    walk: dict[tuple[str, str], Callable[[Device], None]] = {
        ("POST", "/v1/enroll"): enroll,
        ("POST", "/v1/handshake"): handshake,
        ("POST", "/v1/push"): push,
        ("POST", "/v1/reconcile"): reconcile,
        ("GET", "/v1/changes"): changes,
        ("GET", "/v1/attachments/{sha256}"): attachment_status,
        ("PUT", "/v1/attachments/{sha256}"): upload,
        ("GET", "/v1/escrow"): escrow_key,
        ("PUT", "/v1/escrow"): escrow_deposit,
        ("PUT", "/v1/bundle-key"): bundle_key,
        ("PUT", "/v1/device-report"): device_report,
    }
    assert set(walk) == _v1_routes(live_hub), "a /v1 route is missing from the scope walk"
    for outsider in outsiders:
        for check in walk.values():
            check(outsider)
    # and nothing the outsiders did changed the owner's record
    assert owner.reconcile([env]).items[0].content_hash == env.content_hash
    assert [c.status for c in owner.all_changes().changes] == ["received"]


def test_trainers_see_only_their_own_records(live_hub: LiveHub) -> None:
    trainer, other_trainer = (live_hub.enrol(VILLAGE_A, role="trainer") for _ in range(2))
    operator = live_hub.enrol(VILLAGE_A)
    session = trainer.activity(village_code=VILLAGE_B)
    trainer.push_ok([session])
    assert trainer.reconcile([session]).items[0].present
    for other in (other_trainer, operator):
        assert not other.reconcile([session]).items[0].present
        assert other.all_changes().changes == []
        result = other.push_ok([revise(session, 1, title="Diambil alih")]).results[0]
        assert (result.outcome, result.reason_code) == ("rejected", "out_of_scope")


def test_reference_changes_reach_every_device(live_hub: LiveHub) -> None:
    a, b = live_hub.enrol(VILLAGE_A), live_hub.enrol(VILLAGE_B, role="trainer")
    a.push_ok([a.complaint()])
    change = live_hub.hub.feed.publish_reference(
        dataset="agencies", rows=[{"code": "dinas-baru", "name": "Dinas Baru"}], actor="admin")
    for device in (a, b):
        ref = [c for c in device.all_changes().changes if c.kind == "reference"]
        assert [c.seq for c in ref] == [change.seq]
        assert ref[0].data == {"dataset": "agencies",
                               "rows": [{"code": "dinas-baru", "name": "Dinas Baru"}]}
        assert ref[0].entity is None and ref[0].id is None
    assert len(b.all_changes().changes) == 1


def test_unknown_attachment_is_not_found(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    r = device.request("GET", f"/v1/attachments/{uuid.uuid4().hex * 2}")
    assert r.status_code == 404
    r = device.request("GET", "/v1/attachments/NOT-A-HASH")
    assert r.status_code == 422
