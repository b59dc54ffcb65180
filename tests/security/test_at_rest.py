"""Reporter identity at rest: the village store (file, WAL, backups), an upgraded plain store,
a PC without a keyring, and the hub's SQLite database. Raw bytes are searched, not the API."""

from __future__ import annotations

import json
import shutil
import sqlite3
import stat
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from kim_desktop.core import Core, build_core
from kim_desktop.domain.models import ComplaintQuery
from kim_desktop.paths import DataPaths
from kim_desktop.services.backups import BackupService
from kim_desktop.storage.crypto import KEY_FILE, StoreKeyMissing, key_location
from kim_desktop.storage.db import head_revision, open_store, stored_revision
from sync.server.context import build_hub
from sync.server.export import export
from sync.server.sealing import HubKeyProblem
from tests.conftest import MemoryKeyring, complaint_data
from tests.security.conftest import (
    HIDDEN,
    NAMED,
    enrol,
    identity_needles,
    make_village,
    plain_hits,
    start_hub,
    stop_hub,
)

NEEDLES = identity_needles(NAMED, HIDDEN)


def add_two(core: Core, *, submit: bool = True) -> tuple[str, str]:
    named, hidden = core.complaints.add([
        (complaint_data(reporter={**NAMED, "gender": "P"}), Path(".")),
        (complaint_data(title="Lampu jalan padam di Dusun 3", anonymous=True,
                        reporter={**HIDDEN, "gender": "L"}), Path("."))], submit=submit)
    return named.tracking_no, hidden.tracking_no


def test_store_wal_and_backups_hold_no_identity_but_the_app_shows_it(tmp_path: Path) -> None:
    core = make_village(tmp_path)
    named, hidden = add_two(core)
    backup = BackupService(core.paths.store, core.paths.backups).create("manual")
    # a copy of the live files as they are now (WAL not checkpointed)
    copy = tmp_path / "copy"
    copy.mkdir()
    for suffix in ("", "-wal"):
        src = Path(f"{core.paths.store}{suffix}")
        if src.exists():
            shutil.copyfile(src, copy / f"kim.db{suffix}")
    assert Path(f"{core.paths.store}-wal").exists()
    assert plain_hits([core.paths.store, copy / "kim.db", backup], NEEDLES) == []
    # the control: the same search finds what is there in plain text
    assert plain_hits([core.paths.store], [b"Jalan desa berlubang"]) != []

    reporter = core.complaints.get(named).content.reporter
    assert (reporter.name, reporter.nik, reporter.phone, reporter.email, reporter.address) == (
        NAMED["name"], NAMED["nik"], NAMED["phone"], NAMED["email"], NAMED["address"])
    assert core.complaints.export_record(named)["reporter"]["nik"] == NAMED["nik"]
    assert core.complaints.export_record(hidden)["reporter"]["nik"] in ("", None)
    found = core.complaints.list(ComplaintQuery(text="lampu"))
    assert [c.tracking_no for c in found.items] == [hidden]
    assert list(core.complaints.list(ComplaintQuery(text=NAMED["nik"])).items) == []


def test_phone_numbers_on_session_sign_in_sheets_are_sealed_too(tmp_path: Path) -> None:
    from tests.services.test_activities import activity

    core = make_village(tmp_path)
    people = [{"name": f"Warga {i}", "gender": "P", "phone": f"0812776655{i:02d}"}
              for i in range(3)]
    a = core.activities.add([(activity(participants=people), Path("."))], submit=True)[0]
    files = [core.paths.store, Path(f"{core.paths.store}-wal")]
    assert plain_hits([f for f in files if f.exists()],
                      [p["phone"].encode() for p in people]) == []
    assert [p.phone for p in core.activities.get(a.id).content.participants] == [
        p["phone"] for p in people]


def test_restoring_a_backup_on_the_same_pc_opens_the_identity(tmp_path: Path) -> None:
    core = make_village(tmp_path)
    named, _hidden = add_two(core)
    service = BackupService(core.paths.store, core.paths.backups)
    backup = service.create("manual")
    core.complaints.add([(complaint_data(title="Pengaduan sesudah cadangan"), Path("."))],
                        submit=False)
    core.ctx.sessions.kw["bind"].dispose()
    service.restore(backup)
    again = build_core(core.paths)
    assert again.complaints.get(named).content.reporter.nik == NAMED["nik"]
    assert len(list(again.complaints.iter_all())) == 2


def test_a_store_whose_key_is_gone_is_refused_with_a_clear_error(
        tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    core = make_village(tmp_path)
    add_two(core)
    core.ctx.sessions.kw["bind"].dispose()
    memory_keyring.store = {k: v for k, v in memory_keyring.store.items()
                            if not k[1].startswith("store-key:")}
    with pytest.raises(StoreKeyMissing, match="not on this PC"):
        open_store(core.paths.store, core.paths.backups)


def _as_plain_0004_store(core: Core, target: Path) -> None:
    """``target``: the store of ``core`` as an app of revision 0004 wrote it (identity plain)."""
    rows = [(c.id.hex, c.content.reporter) for c in core.complaints.iter_all()]
    core.ctx.sessions.kw["bind"].dispose()
    target.parent.mkdir(parents=True)
    shutil.copyfile(core.paths.store, target)
    conn = sqlite3.connect(target)
    for cid, r in rows:
        conn.execute("UPDATE complaint SET reporter_name=?, reporter_nik=?, reporter_phone=?, "
                     "reporter_email=?, reporter_address=? WHERE id=?",
                     (r.name, r.nik, r.phone, r.email, r.address, cid))
    conn.execute("DROP TABLE store_key")                       # what 0005 added
    conn.execute("ALTER TABLE device DROP COLUMN hub_device_id")  # what 0006 added
    conn.execute("UPDATE alembic_version SET version_num='0004'")
    conn.commit()
    conn.execute("VACUUM")
    conn.close()


def test_upgrading_a_plain_store_seals_it_and_its_backups(tmp_path: Path) -> None:
    core = make_village(tmp_path / "made")
    named, _hidden = add_two(core)
    paths = DataPaths(tmp_path / "old")
    _as_plain_0004_store(core, paths.store)
    old_backup = paths.backups / "kim-20261120T010000Z-daily.db"
    old_backup.parent.mkdir()
    shutil.copyfile(paths.store, old_backup)
    assert stored_revision(paths.store) == "0004"
    assert len(plain_hits([paths.store], NEEDLES)) == len(NEEDLES)

    upgraded = build_core(paths)                # migration 0005, then the sealing pass
    assert stored_revision(paths.store) == head_revision()
    backups = sorted(paths.backups.glob("kim-*.db"))
    assert any("pre-migrate" in b.name for b in backups) and old_backup in backups
    assert plain_hits([paths.store, *backups], NEEDLES) == []
    assert upgraded.complaints.get(named).content.reporter.phone == NAMED["phone"]
    # an upgraded backup restores on this PC
    upgraded.ctx.sessions.kw["bind"].dispose()
    BackupService(paths.store, paths.backups).restore(old_backup)
    assert build_core(paths).complaints.get(named).content.reporter.email == NAMED["email"]


def test_without_a_keyring_the_key_is_an_owner_only_file_and_the_app_works(
        tmp_path: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    core = make_village(tmp_path)
    named, _ = add_two(core)
    key_file = core.paths.root / KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert key_location(core.paths.root) == "file"
    core.ctx.sessions.kw["bind"].dispose()
    assert build_core(core.paths).complaints.get(named).content.reporter.nik == NAMED["nik"]
    assert plain_hits([core.paths.store], NEEDLES) == []
    # once the PC has a keyring, the key moves into it and the file goes
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    assert build_core(core.paths).complaints.get(named).content.reporter.nik == NAMED["nik"]
    assert not key_file.exists() and key_location(core.paths.root) == "keyring"
    assert any(user.startswith("store-key:") for _service, user in ring.store)


def test_hub_database_holds_no_identity_and_exports_strip_anonymous(tmp_path: Path) -> None:
    hub = start_hub(tmp_path / "hub")
    try:
        core = make_village(tmp_path)
        named, hidden = add_two(core)
        report = enrol(core, hub).sync()
        assert report.pushed == 2
        db_file = tmp_path / "hub" / "hub.sqlite3"
        assert plain_hits([db_file], NEEDLES) == []
        assert plain_hits([db_file], [b"Jalan desa berlubang"]) != []
        out = tmp_path / "complaints.json"
        export(hub.hub.records, "complaints", "json", out)
        by_no = {r["tracking_no"]: r for r in json.loads(out.read_text(encoding="utf-8"))}
        assert by_no[named]["reporter"]["nik"] == NAMED["nik"]
        assert not any(by_no[hidden]["reporter"].get(k) for k in ("name", "nik", "phone"))
    finally:
        stop_hub(hub)


def test_hub_refuses_to_start_without_its_key_or_with_another(tmp_path: Path) -> None:
    hub = start_hub(tmp_path / "hub")
    try:
        core = make_village(tmp_path)
        add_two(core)
        enrol(core, hub).sync()
    finally:
        stop_hub(hub)
    settings = hub.settings
    key = settings.identity_key_path
    saved = key.read_bytes()
    key.unlink()
    with pytest.raises(HubKeyProblem, match="missing"):
        build_hub(settings)
    key.write_bytes(b"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")
    with pytest.raises(HubKeyProblem, match="does not open"):
        build_hub(settings)
    key.write_bytes(saved)
    build_hub(settings).close()


def test_hub_seals_plain_rows_of_an_older_database_on_start(tmp_path: Path) -> None:
    hub = start_hub(tmp_path / "hub")
    try:
        core = make_village(tmp_path)
        named, _ = add_two(core)
        enrol(core, hub).sync()
    finally:
        stop_hub(hub)
    db_file = tmp_path / "hub" / "hub.sqlite3"
    conn = sqlite3.connect(db_file)
    for rid, payload in conn.execute("SELECT id, payload FROM records").fetchall():
        doc = json.loads(payload)
        if doc["reporter"].get("nik") and doc["anonymous"] is False:
            doc["reporter"].update(NAMED)       # what a hub before sealing stored
            conn.execute("UPDATE records SET payload=? WHERE id=?", (json.dumps(doc), rid))
    conn.commit()
    conn.close()
    assert plain_hits([db_file], [NAMED["nik"].encode()]) != []
    again = build_hub(hub.settings)
    try:
        assert plain_hits([db_file], NEEDLES) == []
        out = tmp_path / "out.json"
        export(again.records, "complaints", "json", out)
        records = json.loads(out.read_text(encoding="utf-8"))
        assert [r["reporter"]["nik"] for r in records if r["tracking_no"] == named] == [
            NAMED["nik"]]
    finally:
        again.close()


def test_settings_page_warns_only_when_the_key_is_kept_in_a_file(qtbot, tmp_path: Path
                                                                 ) -> None:  # type: ignore[no-untyped-def]
    from ui.settings_page import SettingsPage

    with_ring = make_village(tmp_path, "with-ring")
    page = SettingsPage(with_ring)
    qtbot.addWidget(page)
    assert not page.key_warning.isVisibleTo(page)
    keyring.set_keyring(fail.Keyring())
    without = make_village(tmp_path, "without-ring")
    page = SettingsPage(without)
    qtbot.addWidget(page)
    assert page.key_warning.isVisibleTo(page)
    assert "keyring" in page.key_warning.text()


def test_kim_hub_init_makes_an_owner_only_key_and_seals_an_older_hub(tmp_path: Path) -> None:
    from sync.server import cli as hub_cli

    hub = start_hub(tmp_path / "hub")
    try:
        core = make_village(tmp_path)
        add_two(core)
        enrol(core, hub).sync()
    finally:
        stop_hub(hub)
    # the database as a hub before sealing left it: identity plain, no key file
    db_file, key = tmp_path / "hub" / "hub.sqlite3", hub.settings.identity_key_path
    cipher_conn = build_hub(hub.settings)
    with cipher_conn.db.reads() as s:
        from sync.server.models import RecordRow
        opened = {r.id.hex: r.payload for r in s.query(RecordRow)}
    cipher_conn.close()
    conn = sqlite3.connect(db_file)
    for rid, doc in opened.items():
        conn.execute("UPDATE records SET payload=? WHERE id=?", (json.dumps(doc), rid))
    conn.commit()
    conn.close()
    key.unlink()
    assert len(plain_hits([db_file], [NAMED["nik"].encode()])) == 1
    assert hub_cli.main(["--data-dir", str(tmp_path / "hub"), "--db", hub.settings.db_url,
                         "init"]) == 0
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert plain_hits([db_file], NEEDLES) == []
    out = tmp_path / "out.json"
    again = build_hub(hub.settings)
    try:
        export(again.records, "complaints", "json", out)
    finally:
        again.close()
    assert NAMED["nik"] in out.read_text(encoding="utf-8")
