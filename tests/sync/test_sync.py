"""The sync guarantees of ARCHITECTURE.md, proven against a live hub over loopback."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from hub_testkit import LiveHub
from keyring.backends import fail
from sqlalchemy import func, select

from kim_desktop.core import Core
from kim_desktop.domain.enums import Status
from kim_desktop.domain.errors import (
    EnrolmentRefused,
    EnrolmentRevoked,
    KeyringUnavailable,
    NotEnrolled,
    UpdateRequired,
)
from kim_desktop.domain.models import ComplaintQuery
from kim_desktop.domain.reference import ReferenceData, load_reference_dir
from sync.client import engine as engine_module
from sync.server.models import RecordRow
from sync.server.payload_check import ContentRules
from sync.server.settings import utc_now
from tests.conftest import OTHER_VILLAGE, complaint_data
from tests.sync.conftest import enrol, make_village, running_hub


def add_complaints(core: Core, n: int, **kw: object) -> list:
    return core.complaints.add([(complaint_data(title=f"Jalan rusak nomor {i}", **kw), Path("."))
                                for i in range(n)], submit=True)


def statuses(core: Core) -> dict[str, int]:
    return core.complaints.counts_by_status()


def hub_records(hub: LiveHub) -> list[RecordRow]:
    with hub.hub.db.reads() as s:
        return list(s.scalars(select(RecordRow)))


def test_push_then_pull_end_to_end(tmp_path: Path, live_hub: LiveHub) -> None:
    core = make_village(tmp_path, "balantang")
    added = add_complaints(core, 5)
    client = enrol(core, live_hub)
    report = client.sync()
    assert (report.pushed, report.set_aside, report.pending) == (5, 0, 0)
    assert statuses(core) == {"received": 5}
    rows = hub_records(live_hub)
    assert sorted(r.id for r in rows) == sorted(c.id for c in added)
    assert {r.tracking_no for r in rows} == {c.tracking_no for c in added}
    # nothing new: a second run sends no records
    again = client.sync()
    assert again.pushed == 0 and len(hub_records(live_hub)) == 5


def test_decisions_flow_back_and_a_returned_complaint_comes_back_as_revision_2(
        tmp_path: Path, live_hub: LiveHub) -> None:
    core = make_village(tmp_path, "balantang")
    [c] = add_complaints(core, 1)
    client = enrol(core, live_hub)
    client.sync()
    live_hub.hub.feed.record_status_change(record_id=c.id, status="returned", actor="rina",
                                           note="Lengkapi lokasi kejadian (RT/RW).")
    client.sync()
    got = core.complaints.get(c.id)
    assert got.status is Status.RETURNED and got.review_note.startswith("Lengkapi lokasi")
    assert got.status_history[-1].note.startswith("Lengkapi lokasi")
    content, _ = core.complaints.validate(complaint_data(location_detail="Dusun 2, RT 01/RW 02"),
                                          for_submit=True)
    core.complaints.save_draft(content, complaint_id=c.id)
    core.complaints.submit(c.id)
    report = client.sync()
    assert report.pushed == 1 and report.set_aside == 0
    assert core.complaints.get(c.id).status is Status.RECEIVED
    assert sorted(r.revision for r in hub_records(live_hub)) == [1, 2]
    live_hub.hub.feed.record_status_change(record_id=c.id, status="verified", actor="rina")
    live_hub.hub.feed.record_status_change(record_id=c.id, status="forwarded", actor="rina",
                                           lapor_tracking_id="1234567",
                                           lapor_status_raw="Diteruskan ke instansi")
    client.sync()
    final = core.complaints.get(c.id)
    assert final.status is Status.FORWARDED and final.lapor_tracking_id == "1234567"
    assert final.lapor_status_raw == "Diteruskan ke instansi"


def test_a_record_the_hub_refuses_is_set_aside_and_the_queue_goes_on(tmp_path: Path) -> None:
    # the district retired a category the village's list still has
    retired = "kesehatan/pelayanan-obat"
    refs = load_reference_dir(Path(__file__).resolve().parents[2] / "resources" / "data")
    hub_refs = ReferenceData(refs.regions, {k: v for k, v in refs.categories.items()
                                            if k != retired}, refs.agencies)
    hubs = running_hub(tmp_path / "h", payload_check=ContentRules(hub_refs, utc_now))
    live = next(hubs)
    core = make_village(tmp_path, "balantang")
    add_complaints(core, 2)
    [odd] = add_complaints(core, 1, category_code=retired)
    add_complaints(core, 2, village_code=OTHER_VILLAGE)     # an incident in a neighbouring desa
    client = enrol(core, live)
    report = client.sync()
    hubs.close()
    assert (report.pushed, report.set_aside, report.pending) == (4, 1, 0)
    assert "category_code: unknown_category" in report.reasons[0]
    refused = core.complaints.get(odd.id)
    assert refused.status is Status.DRAFT and "invalid" in refused.set_aside_reason
    assert [x["id"] for x in client.local.set_aside()] == [odd.id]
    assert statuses(core) == {"received": 4, "draft": 1}


def test_enrolment_code_is_single_use_and_revocation_says_enrol_again(
        tmp_path: Path, live_hub: LiveHub) -> None:
    core = make_village(tmp_path, "balantang")
    code = live_hub.hub.enrolment.create_code(village_code=core.device.profile().village_code,
                                              role="operator").code
    from sync.client.service import SyncClient

    SyncClient(core).enroll(live_hub.base_url, code, require_persistent=True)
    other = make_village(tmp_path, "kedua")
    with pytest.raises(EnrolmentRefused):
        SyncClient(other).enroll(live_hub.base_url, code, require_persistent=True)
    client = SyncClient(core)
    client.sync()
    live_hub.hub.enrolment.revoke(_only_device_id(live_hub))
    with pytest.raises(EnrolmentRevoked):
        client.sync()


def _only_device_id(hub: LiveHub) -> str:
    from sync.server.models import DeviceRow

    with hub.hub.db.reads() as s:
        [d] = s.scalars(select(DeviceRow)).all()
        return str(d.id)


def test_token_lives_in_the_keyring_not_the_store(tmp_path: Path, live_hub: LiveHub,
                                                  memory_keyring) -> None:
    core = make_village(tmp_path, "balantang")
    enrol(core, live_hub)
    [(service, _user)] = [k for k in memory_keyring.store if k[1].startswith("device-token:")]
    token = memory_keyring.store[(service, _user)]
    assert service == "kim-desktop" and len(token) > 20
    for f in core.paths.root.rglob("*"):
        if f.is_file():
            assert token.encode() not in f.read_bytes(), f


def test_without_a_keyring_the_cli_path_refuses_and_the_app_path_keeps_it_in_memory(
        tmp_path: Path, live_hub: LiveHub) -> None:
    keyring.set_keyring(fail.Keyring())
    core = make_village(tmp_path, "balantang")
    code = live_hub.hub.enrolment.create_code(village_code=core.device.profile().village_code,
                                              role="operator").code
    from sync.client.service import SyncClient

    with pytest.raises(KeyringUnavailable):
        SyncClient(core).enroll(live_hub.base_url, code, require_persistent=True)
    app_client = SyncClient(core)
    done = app_client.enroll(live_hub.base_url, code, require_persistent=False)
    assert done.persistent is False
    add_complaints(core, 1)
    assert app_client.sync().pushed == 1          # works for this run
    with pytest.raises(NotEnrolled):
        SyncClient(core).sync()                   # a new run has no token


def test_old_protocol_gets_please_update(tmp_path: Path, live_hub: LiveHub,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    core = make_village(tmp_path, "balantang")
    client = enrol(core, live_hub)
    monkeypatch.setattr(engine_module, "PROTOCOL_VERSION", 0)
    with pytest.raises(UpdateRequired):
        client.sync()


def test_clock_offset_is_measured_and_stored(tmp_path: Path, live_hub: LiveHub) -> None:
    core = make_village(tmp_path, "balantang")
    report = enrol(core, live_hub).sync()
    assert report.clock_offset_seconds is not None and abs(report.clock_offset_seconds) < 5
    assert core.status.status().clock_offset_seconds == report.clock_offset_seconds


def test_pull_pages_and_cursor(tmp_path: Path, live_hub: LiveHub) -> None:
    from sync.client.engine import SyncSettings

    core = make_village(tmp_path, "balantang")
    made = add_complaints(core, 12)
    client = enrol(core, live_hub, settings=SyncSettings(page_limit=5, backoff_base=0.01))
    client.sync()
    for c in made:
        live_hub.hub.feed.record_status_change(record_id=c.id, status="verified", actor="rina")
    cursor_before = client.local.cursor()
    report = client.sync()
    assert report.pulled == 12 and client.local.cursor() != cursor_before
    assert statuses(core) == {"verified": 12}
    assert client.sync().pulled == 0


def test_search_still_works_after_sync(tmp_path: Path, live_hub: LiveHub) -> None:
    core = make_village(tmp_path, "balantang")
    add_complaints(core, 3)
    enrol(core, live_hub).sync()
    assert core.complaints.list(ComplaintQuery(text="rusak")).total == 3


def test_hub_counts(live_hub: LiveHub) -> None:
    with live_hub.hub.db.reads() as s:
        assert s.scalar(select(func.count()).select_from(RecordRow)) == 0
