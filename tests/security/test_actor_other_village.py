"""Actor: a curious (or spiteful) operator of another village (docs/security.md).

They hold a real device token of village B and B's PC with the real app. They must not read,
pull, or change village A's records or attachments. `tests/server/test_hub_scope.py` walks every
/v1 route with B's token; these tests add what that walk does not: the whole desktop sync of
B, an attempt to spoil A's photo by uploading other bytes under its hash, and a USB bundle
that claims to come from A's device.
"""

from __future__ import annotations

import gzip
import hashlib
import uuid
from pathlib import Path

import pytest
from hub_testkit import VILLAGE_A, VILLAGE_B, Device, LiveHub, attachment, revise
from PIL import Image
from sqlalchemy import select

from sync.bundle import BundleManifest, BundleRefused, created_now, new_signing_key, write_bundle
from sync.protocol import PushRequest
from sync.server.bundles import BundleImporter
from sync.server.models import AttachmentRow, CurrentRecordRow
from tests.conftest import OTHER_VILLAGE, VILLAGE, complaint_data
from tests.sync.conftest import FAST, enrol, make_village

JPEG = b"\xff\xd8\xff\xe0"


def _photo(path: Path) -> Path:
    Image.new("RGB", (640, 480), (200, 90, 40)).save(path, "JPEG", quality=80)
    return path


def _put(device: Device, sha: str, data: bytes) -> int:
    r = device.request("PUT", f"/v1/attachments/{sha}", data=data, headers={
        "Content-Range": f"bytes 0-{len(data) - 1}/{len(data)}",
        "Content-Type": "application/octet-stream"})
    return r.status_code


def test_village_b_syncing_gets_nothing_of_village_a(tmp_path: Path, live_hub: LiveHub) -> None:
    a = make_village(tmp_path, "desa-a", VILLAGE)
    b = make_village(tmp_path, "desa-b", OTHER_VILLAGE)
    secret = complaint_data(attachments=[_photo(tmp_path / "bukti.jpg").name])
    [made] = a.complaints.add([(secret, tmp_path)], submit=True)
    client_a, client_b = enrol(a, live_hub, settings=FAST), enrol(b, live_hub, settings=FAST)
    assert client_a.sync().pushed == 1
    live_hub.hub.feed.record_status_change(record_id=made.id, status="returned", actor="rina",
                                           note="Mohon lengkapi lokasi")
    client_b.sync()
    assert b.complaints.counts_by_status() == {}
    # nothing of A's complaint is anywhere in B's store files (database, WAL, attachments)
    needles = [secret["reporter"]["nik"].encode(), secret["reporter"]["name"].encode(),
               secret["title"].encode(), str(made.id).encode(), made.tracking_no.encode()]
    for path in b.paths.root.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert not [n for n in needles if n in content], path
    a_photos = {p.name for p in a.paths.attachments.rglob("*") if p.is_file()}
    assert a_photos and not [p for p in b.paths.root.rglob("*") if p.name in a_photos]


def test_village_b_cannot_spoil_a_photo_of_village_a(live_hub: LiveHub) -> None:
    owner, outsider = live_hub.enrol(VILLAGE_A), live_hub.enrol(VILLAGE_B)
    photo = JPEG + b"foto asli desa A" * 200
    env = owner.complaint(attachments=[attachment(photo)])
    owner.push_ok([env])
    sha = env.payload.attachments[0].sha256
    assert _put(outsider, sha, JPEG + b"x" * (len(photo) - 4)) == 404   # not in B's scope
    # B claims the same content in a record of its own, then sends other bytes under its hash
    outsider.push_ok([outsider.complaint(attachments=[attachment(photo)])])
    assert _put(outsider, sha, JPEG + b"x" * (len(photo) - 4)) == 422   # hash_mismatch
    assert _put(owner, sha, photo) == 200
    stored = live_hub.hub.attachments.path(sha).read_bytes()
    assert hashlib.sha256(stored).hexdigest() == sha
    # once complete it cannot be replaced by anyone
    assert _put(outsider, sha, JPEG + b"y" * (len(photo) - 4)) == 200
    assert live_hub.hub.attachments.path(sha).read_bytes() == stored


def test_village_b_cannot_pass_a_bundle_off_as_village_a(tmp_path: Path,
                                                         live_hub: LiveHub) -> None:
    """B knows the device id of A's PC (it shows in receipts and the district's views) and
    signs a USB bundle with a key of its own that claims to come from that device."""
    owner = live_hub.enrol(VILLAGE_A)
    env = owner.complaint()
    owner.push_ok([env])
    forged = revise(env, 1, title="Laporan ini ditarik kembali", body="Tidak ada masalah. " * 3)
    batch = PushRequest(batch_id=uuid.uuid4(), records=[forged])
    manifest = BundleManifest(kind="push", bundle_id=str(uuid.uuid4()), created_at=created_now(),
                              signer=owner.id, public_key="", device_id=owner.id,
                              village_code=VILLAGE_A, role="operator", device_tag=owner.tag,
                              files={})
    path = write_bundle(tmp_path / "palsu.kimbundle", manifest,
                        {"push-0001.json.gz": gzip.compress(batch.model_dump_json().encode())},
                        new_signing_key())
    with pytest.raises(BundleRefused):
        BundleImporter(live_hub.hub).import_push(path, None)
    with live_hub.hub.db.reads() as s:
        current = s.get(CurrentRecordRow, env.id)
        assert current is not None and current.revision == 1
        assert s.scalars(select(AttachmentRow)).all() == []
