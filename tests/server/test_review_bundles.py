"""A village USB bundle uploaded from the review workspace: the same idempotent import as
``kim-hub import-bundle``, its receipt sent back, changed bundles refused with a clear message."""

from __future__ import annotations

import base64
import gzip
import uuid
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hub_testkit import Device, LiveHub
from review_kit import login
from sqlalchemy import func, select

from sync.bundle import (
    BundleManifest,
    created_now,
    new_signing_key,
    public_key_text,
    read_bundle,
    write_bundle,
)
from sync.protocol import PullResponse, PushRequest, PushResponse, RecordEnvelope
from sync.server.models import RecordRow

OCTET = {"Content-Type": "application/octet-stream"}


def registered_key(device: Device) -> Ed25519PrivateKey:
    """A bundle key the device registered over its own connection, as the app does."""
    key = new_signing_key()
    r = device.request("PUT", "/v1/bundle-key", {"public_key": public_key_text(key)})
    assert r.status_code == 200, r.text
    return key


def push_bundle(tmp: Path, device: Device, records: list[RecordEnvelope],
                key: Ed25519PrivateKey) -> bytes:
    """A signed push bundle of ``records`` as the village app writes it."""
    request = PushRequest(batch_id=uuid.uuid4(), records=records)
    files = {"push-0001.json.gz": gzip.compress(request.model_dump_json().encode(), mtime=0)}
    manifest = BundleManifest(kind="push", bundle_id=str(uuid.uuid4()), created_at=created_now(),
                              signer="device", public_key="", device_id=device.id,
                              village_code=device.village_code, role=device.role,
                              device_tag=device.tag, cursor="", files={})
    return write_bundle(tmp / "desa.kimbundle", manifest, files, key).read_bytes()


def stored(live_hub: LiveHub) -> int:
    with live_hub.hub.db.reads() as s:
        return s.scalar(select(func.count()).select_from(RecordRow)) or 0


def test_upload_imports_once_and_returns_the_receipt(tmp_path: Path, live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    records = [device.complaint() for _ in range(3)]
    data = push_bundle(tmp_path, device, records, registered_key(device))
    reviewer = login(live_hub)
    first = reviewer.request("POST", "/bundles", data=data, headers=OCTET)
    assert first.status_code == 200, first.text
    body = first.json()
    assert (body["device_id"], body["village_code"]) == (device.id, device.village_code)
    assert (body["accepted"], body["duplicates"], body["set_aside"]) == (3, 0, 0)
    assert body["receipt_name"].startswith(f"kim-receipt-{device.village_code}-")
    receipt = tmp_path / body["receipt_name"]
    receipt.write_bytes(base64.b64decode(body["receipt_b64"], validate=True))
    manifest, files = read_bundle(receipt, kind="receipt")
    assert manifest.device_id == device.id
    [results] = [PushResponse.model_validate_json(gzip.decompress(b))
                 for n, b in files.items() if n.startswith("results-")]
    assert [r.outcome for r in results.results] == ["accepted"] * 3
    feed = PullResponse.model_validate_json(gzip.decompress(files["changes.json.gz"]))
    assert {c.id for c in feed.changes} == {r.id for r in records}
    # the same bundle again: its batch is known, so the hub answers as the first time and
    # stores nothing
    again = reviewer.ok("POST", "/bundles", data=data, headers=OCTET)
    assert (again["accepted"], again["duplicates"], again["set_aside"]) == (3, 0, 0)
    assert stored(live_hub) == 3
    batches = reviewer.ok("GET", "/batches")
    assert [b["record_count"] for b in batches] == [3]


def test_a_changed_or_foreign_bundle_is_refused_with_its_reason(tmp_path: Path,
                                                                 live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    unregistered = push_bundle(tmp_path, device, [device.complaint()], new_signing_key())
    reviewer = login(live_hub)
    # a network-enrolled device that never registered a bundle key: nobody may sign for it
    r = reviewer.request("POST", "/bundles", data=unregistered, headers=OCTET)
    assert r.status_code == 400 and "(key_unknown)" in r.json()["error"]["message"]
    key = registered_key(device)
    data = push_bundle(tmp_path, device, [device.complaint()], key)
    changed = bytearray(data)
    changed[len(changed) // 2] ^= 0x20
    r = reviewer.request("POST", "/bundles", data=bytes(changed), headers=OCTET)
    assert r.status_code == 400, r.text
    error = r.json()["error"]
    assert error["code"] == "invalid_request" and error["message"].startswith("bundle refused (")
    r = reviewer.request("POST", "/bundles", data=b"not a bundle at all", headers=OCTET)
    assert r.status_code == 400 and "(damaged)" in r.json()["error"]["message"]
    r = reviewer.request("POST", "/bundles", data=b"", headers=OCTET)
    assert r.status_code == 400 and r.json()["error"]["message"].startswith("body:")
    r = reviewer.request("POST", "/bundles", data=data, headers={"Content-Type": "text/plain"})
    assert r.status_code == 415 and "Content-Type" in r.json()["error"]["message"]
    # the same device signing with another key than the one it registered: refused
    assert reviewer.ok("POST", "/bundles", data=data, headers=OCTET)["accepted"] == 1
    other = push_bundle(tmp_path, device, [device.complaint()], new_signing_key())
    r = reviewer.request("POST", "/bundles", data=other, headers=OCTET)
    assert r.status_code == 400 and "(key_changed)" in r.json()["error"]["message"]
    # a device token cannot upload for the district
    r = device.request("POST", "/v1/review/bundles", data=data, headers=OCTET)
    assert r.status_code == 401
    # nor can it register a second key over the first
    r = device.request("PUT", "/v1/bundle-key", {"public_key": public_key_text(new_signing_key())})
    assert r.status_code == 409 and r.json()["error"]["code"] == "key_conflict"
    assert stored(live_hub) == 1
