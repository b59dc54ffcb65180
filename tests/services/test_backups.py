"""Backups, restore and recovery of the local store."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kim_desktop.core import Core
from kim_desktop.domain.errors import InvalidInput, StoreCorrupt
from kim_desktop.services.backups import BackupService, integrity_ok
from tests.conftest import VILLAGE, complaint_data, write_json

KIM = [sys.executable, "-m", "kim_desktop.cli"]


def add(core: Core, n: int) -> None:
    core.complaints.add([(complaint_data(title=f"Laporan nomor {i}"), Path("."))
                         for i in range(n)], submit=True)


def backups(core: Core) -> BackupService:
    return BackupService(core.paths.store, core.paths.backups)


def test_backup_then_restore_round_trip(core: Core) -> None:
    add(core, 3)
    saved = backups(core).create("manual")
    add(core, 2)
    assert sum(core.complaints.counts_by_status().values()) == 5
    safety = backups(core).restore(saved)
    assert sum(core.complaints.counts_by_status().values()) == 3   # the live store sees it
    with sqlite3.connect(safety) as c:
        assert c.execute("SELECT count(*) FROM complaint").fetchone()[0] == 5


def tracking_numbers(core: Core) -> set[str]:
    with sqlite3.connect(core.paths.store) as c:
        return {r[0] for r in c.execute("SELECT tracking_no FROM complaint")}


def test_numbers_printed_after_the_backup_are_never_issued_again(core: Core) -> None:
    add(core, 1)
    kept = tracking_numbers(core)
    saved = backups(core).create("manual")
    add(core, 3)                                  # receipts handed out, then the disk dies
    printed = tracking_numbers(core) - kept
    backups(core).restore(saved)
    assert tracking_numbers(core) == kept
    add(core, 3)
    issued = tracking_numbers(core) - kept
    assert len(issued) == 3 and issued.isdisjoint(printed)


def test_daily_backups_rotate(core: Core) -> None:
    svc = backups(core)
    start = datetime(2026, 11, 1, 2, tzinfo=UTC)
    for day in range(6):
        assert svc.daily(keep=3, now=start + timedelta(days=day)) is not None
        assert svc.daily(keep=3, now=start + timedelta(days=day, hours=5)) is None
    kept = [b for b in svc.list() if b.reason == "daily"]
    assert [b.created_at.day for b in kept] == [6, 5, 4]


def test_restore_refuses_what_is_not_a_sound_store(core: Core, tmp_path: Path) -> None:
    junk = tmp_path / "bukan.db"
    junk.write_bytes(b"SQLite format 3\0" + os.urandom(4000))
    with pytest.raises(StoreCorrupt):
        backups(core).restore(junk)
    other = tmp_path / "lain.db"
    sqlite3.connect(other).execute("CREATE TABLE x(y)").connection.commit()
    with pytest.raises(InvalidInput):
        backups(core).restore(other)


def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):      # every page but the header page
        data[offset + 100:offset + 400] = os.urandom(300)
    path.write_bytes(bytes(data))


def test_damaged_store_is_refused_then_recovered_from_the_newest_good_backup(
        tmp_path: Path) -> None:
    d = tmp_path / "desa"
    subprocess.run([*KIM, "--data-dir", str(d), "init", "--village", VILLAGE, "--kim-name",
                    "K", "--operator", "A"], check=True, capture_output=True)
    f = write_json(tmp_path / "c.json", [complaint_data(title=f"Laporan {i}") for i in range(4)])
    subprocess.run([*KIM, "--data-dir", str(d), "complaint", "add", "--file", str(f)],
                   check=True, capture_output=True)
    subprocess.run([*KIM, "--data-dir", str(d), "backup"], check=True, capture_output=True)
    with sqlite3.connect(d / "kim.db") as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    c.close()
    _corrupt(d / "kim.db")
    r = subprocess.run([*KIM, "--data-dir", str(d), "complaint", "list"], capture_output=True,
                       text=True)
    assert r.returncode != 0 and "kim restore" in r.stderr and "Traceback" not in r.stderr
    r = subprocess.run([*KIM, "--data-dir", str(d), "restore"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    listed = subprocess.run([*KIM, "--data-dir", str(d), "complaint", "list"],
                            capture_output=True, text=True, check=True).stdout
    assert len(listed.splitlines()) == 4
    assert list((d / "backups").glob("damaged-*.db"))      # the damaged file is kept


def _grow(core: Core, doublings: int) -> None:
    """Make the store big enough that a backup takes a while: copies of its complaints."""
    cols = [r[1] for r in sqlite3.connect(core.paths.store).execute(
        "PRAGMA table_info(complaint)")]
    picked = ", ".join("lower(hex(randomblob(16)))" if c == "id" else
                       "tracking_no || '-' || hex(randomblob(4))" if c == "tracking_no" else c
                       for c in cols)
    with sqlite3.connect(core.paths.store) as db:
        for _ in range(doublings):
            db.execute(f"INSERT INTO complaint ({', '.join(cols)}) SELECT {picked} "
                       "FROM complaint")
    db.close()


def test_power_cut_during_backup_leaves_a_usable_store(core: Core) -> None:
    """The backup process is killed (SIGKILL: no clean-up runs) while its copy is being
    written: the store stays sound and usable, and the half-written copy is never taken for a
    backup, by the list, the newest-good choice, the recovery choices or the daily run."""
    from kim_desktop.services.store_health import StoreHealth, Verdict

    add(core, 40)
    _grow(core, 7)                                   # 40 * 2^7 = 5120 complaints
    total = sum(core.complaints.counts_by_status().values())
    svc = backups(core)
    svc.create("manual")
    code = ("import sys; from pathlib import Path; "
            "from kim_desktop.services.backups import BackupService; "
            "s = BackupService(Path(sys.argv[1]), Path(sys.argv[2])); "
            "[s.create('manual') for _ in range(1000)]")
    caught_mid_copy = 0
    for _ in range(5):
        p = subprocess.Popen([sys.executable, "-c", code, str(core.paths.store),
                              str(core.paths.backups)])
        deadline = time.monotonic() + 60
        while not list(core.paths.backups.glob("*.part")) and time.monotonic() < deadline:
            time.sleep(0.001)                    # polling a file the child writes
        p.send_signal(signal.SIGKILL)
        p.wait()
        parts = list(core.paths.backups.glob("*.part"))
        caught_mid_copy += bool(parts)
        assert integrity_ok(core.paths.store)
        assert StoreHealth(core.paths).check(full=True).verdict is Verdict.OK
        assert all(b.path.suffix == ".db" and integrity_ok(b.path) for b in svc.list())
        assert {c.info.path for c in StoreHealth(core.paths).choices()} == {
            b.path for b in svc.list()}
    assert caught_mid_copy >= 3                      # the kills really hit a copy in progress
    newest = svc.newest_good()
    assert newest is not None and newest.path.suffix == ".db" and integrity_ok(newest.path)
    assert svc.daily(keep=7) is not None            # the next daily run clears the leftovers
    assert not list(core.paths.backups.glob("*.part"))
    add(core, 1)                                     # and the store still works
    assert sum(core.complaints.counts_by_status().values()) == total + 1


def test_diagnostics_zip_has_no_personal_data(core: Core, tmp_path: Path) -> None:
    import json
    import logging
    import zipfile

    from kim_desktop.logs import setup_logging
    from kim_desktop.services.diagnostics import export_diagnostics

    setup_logging(core.paths.logs)
    add(core, 3)
    backups(core).create("manual")
    logging.getLogger("kim_desktop.test").info("a line of log")
    out = export_diagnostics(core.paths, tmp_path / "diag.zip")
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        blob = b"".join(z.read(n) for n in names)
        report = json.loads(z.read("diagnostics.json"))
    assert "logs/kim.log" in names
    assert report["store"]["complaints_by_status"] == {"queued": 3}
    assert report["store"]["quick_check"] == "ok"
    data = complaint_data()
    for secret in (data["reporter"]["name"], data["reporter"]["nik"], data["reporter"]["phone"],
                   data["title"], "Rahmawati"):
        assert secret.encode() not in blob


def test_rollout_preset_gives_the_hub_address(data_paths, clock, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from kim_desktop.core import build_core
    from kim_desktop.services.base import ServiceContext
    from kim_desktop.storage.db import open_store

    preset = tmp_path / "preset.json"
    preset.write_text('{"hub_url": "https://kim.luwutimurkab.go.id"}')
    monkeypatch.setenv("KIM_PRESET_FILE", str(preset))
    core = build_core(data_paths, ServiceContext(open_store(data_paths.store), clock=clock))
    assert core.preferences.get().hub_url == "https://kim.luwutimurkab.go.id"


def test_a_copy_is_kept_before_a_destructive_action(core: Core, tmp_path: Path) -> None:
    add(core, 2)
    made = backups(core).before_destructive("receipt")
    assert made is not None and integrity_ok(made)
    assert [b.reason for b in backups(core).list()] == ["pre-receipt"]
    with sqlite3.connect(made) as c:
        assert c.execute("SELECT count(*) FROM complaint").fetchone()[0] == 2
    c.close()
    assert BackupService(tmp_path / "none.db", tmp_path / "b").before_destructive("x") is None
