"""Forwarding to SP4N-LAPOR!: the HTTP adapter against a stand-in LAPOR! (retries with backoff,
never twice, no identity for anonymous reports, confidential marked), the manual sheet path,
and later LAPOR! statuses mapped to ours with the raw text kept."""

from __future__ import annotations

import uuid
from datetime import timedelta

from hub_testkit import Device, LiveHub
from lapor_standin import LaporStandin
from review_kit import Reviewer, login
from sqlalchemy import func, select

from sync.server.forwarding import backoff
from sync.server.lapor import DEFAULT_FIELD_MAP
from sync.server.models import LaporOutboxRow

IDENTITY_VALUES = ("Warga Contoh", "7324040101800001", "081234567890")


def verified(live: LiveHub, reviewer: Reviewer, device: Device, **overrides: object) -> uuid.UUID:
    env = device.complaint(**overrides)
    device.push_ok([env])
    assert reviewer.decide(env.id, "verify").status_code == 200
    return env.id


def test_forward_over_http_sends_once_and_flows_back(lapor_hub: LiveHub,
                                                     lapor_standin: LaporStandin) -> None:
    device, reviewer = lapor_hub.enrol(), login(lapor_hub)
    rid = verified(lapor_hub, reviewer, device)
    state = reviewer.ok("POST", f"/records/{rid}/forward", json={"via": "http"})
    assert state["state"] == "sent" and len(state["lapor_tracking_id"]) == 7
    sent = lapor_standin.received[0]
    assert sent["auth"] == "Bearer standin-secret" and sent["key"] == f"kim-{rid}"
    assert sent["body"][DEFAULT_FIELD_MAP["title"]] == "Jalan desa rusak parah"
    assert sent["body"]["nama_pelapor"] == "Warga Contoh" and sent["body"]["anonim"] is False
    again = reviewer.request("POST", f"/records/{rid}/forward", json={"via": "http"})
    assert again.status_code == 409
    reviewer.ok("POST", "/forwarding/run")
    assert len(lapor_standin.received) == 1
    last = device.all_changes().changes[-1]
    assert (last.status, last.lapor_tracking_id) == ("forwarded", state["lapor_tracking_id"])


def test_anonymous_never_carries_identity_and_confidential_is_marked(
        lapor_hub: LiveHub, lapor_standin: LaporStandin) -> None:
    device, reviewer = lapor_hub.enrol(), login(lapor_hub)
    anon = verified(lapor_hub, reviewer, device, anonymous=True, confidential=True)
    reviewer.ok("POST", f"/records/{anon}/forward", json={"via": "http"})
    body = lapor_standin.received[0]["body"]
    assert (body["anonim"], body["rahasia"]) == (True, True)
    assert not any(k.endswith("_pelapor") for k in body)
    assert not any(v in str(body) for v in IDENTITY_VALUES)
    manual = verified(lapor_hub, reviewer, device, anonymous=True)
    reviewer.ok("POST", f"/records/{manual}/forward", json={"via": "manual"})
    sheet = reviewer.ok("GET", f"/records/{manual}/lapor-sheet")
    assert "ANONIM" in sheet and not any(v in sheet for v in IDENTITY_VALUES)


def test_failures_are_retried_with_backoff_and_a_lost_answer_is_not_a_second_report(
        lapor_hub: LiveHub, lapor_standin: LaporStandin) -> None:
    device, reviewer = lapor_hub.enrol(), login(lapor_hub)
    rid = verified(lapor_hub, reviewer, device)
    lapor_standin.plan.extend(["fail", "lost", "ok"])
    state = reviewer.ok("POST", f"/records/{rid}/forward", json={"via": "http"})
    assert (state["state"], state["attempts"]) == ("pending", 1)
    assert "503" in state["last_error"]
    assert reviewer.ok("POST", "/forwarding/run")["sent"] == 0  # not due yet
    lapor_hub.clock.advance(backoff(1))
    assert reviewer.ok("POST", "/forwarding/run")["sent"] == 0  # stored at LAPOR!, answer lost
    assert reviewer.ok("GET", f"/records/{rid}/forwarding")["attempts"] == 2
    lapor_hub.clock.advance(backoff(2))
    assert reviewer.ok("POST", "/forwarding/run")["sent"] == 1
    assert len(lapor_standin.received) == 3
    assert {r["key"] for r in lapor_standin.received} == {f"kim-{rid}"}
    assert len(lapor_standin.reports) == 1  # one report at LAPOR!, however many attempts
    done = reviewer.ok("GET", f"/records/{rid}/forwarding")
    assert done["lapor_tracking_id"] == lapor_standin.reports[f"kim-{rid}"]
    with lapor_hub.hub.db.reads() as s:
        assert s.scalar(select(func.count()).select_from(LaporOutboxRow)) == 1


def test_only_verified_complaints_are_forwarded(lapor_hub: LiveHub,
                                               lapor_standin: LaporStandin) -> None:
    device, reviewer = lapor_hub.enrol(), login(lapor_hub)
    env = device.complaint()
    device.push_ok([env])
    r = reviewer.request("POST", f"/records/{env.id}/forward", json={"via": "http"})
    assert r.status_code == 409 and lapor_standin.received == []


def test_manual_path_sheet_then_tracking_id(live_hub: LiveHub) -> None:
    device, reviewer = live_hub.enrol(), login(live_hub)
    rid = verified(live_hub, reviewer, device)
    no_api = reviewer.request("POST", f"/records/{rid}/forward", json={"via": "http"})
    assert no_api.status_code == 422  # no lapor.json on this hub
    assert reviewer.ok("POST", f"/records/{rid}/forward", json={"via": "manual"})["state"] == \
        "pending"
    sheet = reviewer.ok("GET", f"/records/{rid}/lapor-sheet")
    assert "Judul laporan: Jalan desa rusak parah" in sheet and "Nama pelapor" in sheet
    done = reviewer.ok("POST", f"/records/{rid}/lapor-tracking-id",
                       json={"lapor_tracking_id": "4123456"})
    assert (done["state"], done["lapor_tracking_id"]) == ("sent", "4123456")
    twice = reviewer.request("POST", f"/records/{rid}/lapor-tracking-id",
                             json={"lapor_tracking_id": "4123457"})
    assert twice.status_code == 409
    last = device.all_changes().changes[-1]
    assert (last.status, last.lapor_tracking_id, last.actor) == ("forwarded", "4123456", "rina")


def test_lapor_statuses_by_hand_map_to_ours_with_the_raw_text(live_hub: LiveHub) -> None:
    device, reviewer = live_hub.enrol(), login(live_hub)
    rid = verified(live_hub, reviewer, device)
    reviewer.ok("POST", f"/records/{rid}/forward", json={"via": "manual"})
    reviewer.ok("POST", f"/records/{rid}/lapor-tracking-id", json={"lapor_tracking_id": "4000001"})
    post = f"/records/{rid}/lapor-status"
    assert reviewer.ok("POST", post, json={"raw": "Terdisposisi"})["status"] == "dispositioned"
    assert reviewer.request("POST", post, json={"raw": "Status aneh"}).status_code == 422
    assert reviewer.ok("POST", post, json={"raw": "Sedang diproses instansi",
                                           "status": "in_progress"})["status"] == "in_progress"
    assert reviewer.request("POST", post, json={"raw": "Terdisposisi"}).status_code == 409
    changes = [c for c in device.all_changes().changes if c.id == rid][-2:]
    assert [(c.status, c.lapor_status_raw, c.lapor_tracking_id) for c in changes] == [
        ("dispositioned", "Terdisposisi", "4000001"),
        ("in_progress", "Sedang diproses instansi", "4000001")]


def test_lapor_statuses_are_pulled_by_the_adapter(lapor_hub: LiveHub,
                                                  lapor_standin: LaporStandin) -> None:
    device, reviewer = lapor_hub.enrol(), login(lapor_hub)
    rid = verified(lapor_hub, reviewer, device)
    tracking = reviewer.ok("POST", f"/records/{rid}/forward",
                           json={"via": "http"})["lapor_tracking_id"]
    assert reviewer.ok("POST", "/forwarding/run")["statuses_changed"] == 0  # unknown text
    lapor_standin.statuses[tracking] = "Selesai"
    assert reviewer.ok("POST", "/forwarding/run")["statuses_changed"] == 1
    last = device.all_changes().changes[-1]
    assert (last.status, last.lapor_status_raw) == ("resolved", "Selesai")
    lapor_hub.clock.advance(timedelta(minutes=1))
    assert reviewer.ok("POST", "/forwarding/run")["statuses_changed"] == 0  # closed now


def test_a_stop_between_sent_and_forwarded_is_repaired(live_hub: LiveHub) -> None:
    device, reviewer = live_hub.enrol(), login(live_hub)
    rid = verified(live_hub, reviewer, device)
    reviewer.ok("POST", f"/records/{rid}/forward", json={"via": "manual"})
    with live_hub.hub.db.writes.begin() as s:  # as if the hub died right after marking it sent
        row = s.get(LaporOutboxRow, rid)
        assert row is not None
        row.state, row.lapor_tracking_id = "sent", "4000077"
    reviewer.ok("POST", "/forwarding/run")
    last = device.all_changes().changes[-1]
    assert (last.status, last.lapor_tracking_id) == ("forwarded", "4000077")
