"""USB sync bundles: export → hub import (twice) → receipt → village import (twice), tampered
and re-keyed bundles refused, attachments carried, decisions brought back."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hub_testkit import LiveHub
from sqlalchemy import func, select

from kim_desktop.core import Core
from sync.bundle import SIG_TRAILER, BundleRefused
from sync.client.bundles import BundleInvalid, export_bundle, import_receipt
from sync.server.bundles import BundleImporter
from sync.server.models import AttachmentRow, RecordRow
from tests.conftest import complaint_data
from tests.sync.conftest import make_village

JPEG_HEAD = b"\xff\xd8\xff"


def photo(path: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (2400, 1800), (120, 160, 90)).save(path, "JPEG", quality=90)
    return path


def add(core: Core, n: int, tmp: Path, with_photo: bool = False) -> list:
    items = []
    for i in range(n):
        d = complaint_data(title=f"Jembatan gantung rusak {i}")
        if with_photo and i == 0:
            d["attachments"] = [photo(tmp / "jembatan.jpg").name]
        items.append((d, tmp))
    return core.complaints.add(items, submit=True)


def hub_count(hub: LiveHub) -> int:
    with hub.hub.db.reads() as s:
        return s.scalar(select(func.count()).select_from(RecordRow)) or 0


def test_bundle_round_trip_is_idempotent_both_ways(tmp_path: Path, live_hub: LiveHub) -> None:
    core = make_village(tmp_path, "ujung-baru", village="73.24.08.2018")
    made = add(core, 4, tmp_path, with_photo=True)
    out = export_bundle(core, tmp_path / "desa.kimbundle")
    assert (out.records, out.attachments) == (4, 1)
    assert core.status.status().backlog == {"sending": 4}       # outcome unknown until receipt
    importer = BundleImporter(live_hub.hub)
    first = importer.import_push(out.path, tmp_path / "r1.kimbundle")
    second = importer.import_push(out.path, tmp_path / "r2.kimbundle")
    assert (first.accepted, first.attachments) == (4, 1)
    # the same batch again: the hub answers with the original receipt and stores nothing
    assert (second.accepted, second.attachments) == (4, 0)
    assert hub_count(live_hub) == 4
    with live_hub.hub.db.reads() as s:
        [att] = s.scalars(select(AttachmentRow)).all()
        assert att.complete
    stored = live_hub.hub.attachments.path(att.sha256).read_bytes()
    assert stored.startswith(JPEG_HEAD) and b"Exif" not in stored[:200]
    # the district decides before the village imports the receipt
    live_hub.hub.feed.record_status_change(record_id=made[0].id, status="returned",
                                           actor="rina", note="Foto kurang jelas")
    importer.import_push(out.path, tmp_path / "r3.kimbundle")
    got = import_receipt(core, tmp_path / "r3.kimbundle")
    assert got.confirmed == 4
    again = import_receipt(core, tmp_path / "r3.kimbundle")
    assert again.set_aside == 0
    assert core.complaints.counts_by_status() == {"received": 3, "returned": 1}
    assert core.complaints.get(made[0].id).review_note == "Foto kurang jelas"
    assert core.status.status().backlog == {}


def test_a_modified_bundle_is_refused(tmp_path: Path, live_hub: LiveHub) -> None:
    core = make_village(tmp_path, "desa")
    add(core, 3, tmp_path)
    out = export_bundle(core, tmp_path / "b.kimbundle").path
    data = out.read_bytes()
    # a byte flipped anywhere: in the manifest, the signature, compressed or stored members
    for offset in range(40, len(data) - 22, max(1, len(data) // 97)):
        bad = bytearray(data)
        bad[offset] ^= 0x55
        (tmp_path / "bad.kimbundle").write_bytes(bytes(bad))
        with pytest.raises(BundleRefused):
            BundleImporter(live_hub.hub).import_push(tmp_path / "bad.kimbundle", None)
    # a well-formed zip whose records were edited after signing
    with zipfile.ZipFile(out) as z:
        members = {n: z.read(n) for n in z.namelist()}
    push_name = next(n for n in members if n.startswith("push-"))
    body = bytearray(members[push_name])
    body[len(body) // 2] ^= 0x01
    members[push_name] = bytes(body)
    with zipfile.ZipFile(tmp_path / "edited.kimbundle", "w") as z:
        for n, b in members.items():
            z.writestr(n, b)
        z.comment = data[-SIG_TRAILER:]                 # the original signature, kept
    with pytest.raises(BundleRefused) as e:
        BundleImporter(live_hub.hub).import_push(tmp_path / "edited.kimbundle", None)
    assert e.value.reason == "signature"
    assert hub_count(live_hub) == 0


def test_a_bundle_signed_by_another_key_for_the_same_device_is_refused(
        tmp_path: Path, live_hub: LiveHub, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    core = make_village(tmp_path, "desa")
    add(core, 1, tmp_path)
    importer = BundleImporter(live_hub.hub)
    importer.import_push(export_bundle(core, tmp_path / "a.kimbundle").path, None)
    memory_keyring.store = {k: v for k, v in memory_keyring.store.items()
                            if not k[1].startswith("device-key:")}      # a new key appears
    add(core, 1, tmp_path)
    with pytest.raises(BundleRefused) as e:
        importer.import_push(export_bundle(core, tmp_path / "b.kimbundle").path, None)
    assert e.value.reason == "key_changed"


def test_a_receipt_for_another_device_or_from_another_hub_is_refused(
        tmp_path: Path, live_hub: LiveHub) -> None:
    a, b = make_village(tmp_path, "a"), make_village(tmp_path, "b")
    add(a, 1, tmp_path)
    add(b, 1, tmp_path)
    importer = BundleImporter(live_hub.hub)
    importer.import_push(export_bundle(a, tmp_path / "a.kimbundle").path, tmp_path / "ra")
    with pytest.raises(BundleInvalid):
        import_receipt(b, tmp_path / "ra")
    import_receipt(a, tmp_path / "ra")
    (live_hub.hub.settings.data_dir / "bundle-signing.key").unlink()   # the hub's key changes
    importer.import_push(export_bundle(a, tmp_path / "a2.kimbundle").path, tmp_path / "ra2")
    with pytest.raises(BundleInvalid):
        import_receipt(a, tmp_path / "ra2")


def test_a_trainer_syncing_by_network_and_by_usb_is_one_device_at_the_hub(
        tmp_path: Path, live_hub: LiveHub) -> None:
    """A trainer sees only the records it pushed itself: its USB bundles must arrive as the
    device the hub enrolled, with the bundle key it registered, or its own sessions would be
    out of its scope."""
    from kim_desktop.domain.enums import Role
    from sync.server.models import DeviceRow
    from tests.services.test_activities import activity
    from tests.sync.conftest import enrol

    core = make_village(tmp_path, "pelatih", role=Role.TRAINER)
    client = enrol(core, live_hub)
    hub_id = core.device.profile().hub_device_id
    assert hub_id and hub_id != core.device.profile().device_id
    client.sync()                                   # one session over the network
    core.activities.add([(activity(4), tmp_path)], submit=True)
    client.sync()
    # then a blank spot: the next session goes by USB stick
    core.activities.add([(activity(6, title="Sosialisasi di Dusun Lembah"), tmp_path)],
                        submit=True)
    out = export_bundle(core, tmp_path / "pelatih.kimbundle")
    done = BundleImporter(live_hub.hub).import_push(out.path, tmp_path / "r.kimbundle")
    assert (done.device_id, done.accepted, done.refused) == (hub_id, 1, 0)
    with live_hub.hub.db.reads() as s:
        assert s.scalar(select(func.count()).select_from(DeviceRow)) == 1
    assert import_receipt(core, tmp_path / "r.kimbundle").confirmed == 1
