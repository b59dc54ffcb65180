"""Reference-data updates end to end: `kim-hub reference import` (a real process) checks and
publishes villages, categories, agencies and holidays through the change feed of a live hub; an
enrolled village syncs and uses them, deadlines included. Bad files are refused whole."""

from __future__ import annotations

import csv
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hub_testkit import LiveHub

from kim_desktop.domain.deadlines import VERIFY_WORKING_DAYS, indonesian_calendar, wita_date
from kim_desktop.domain.enums import Status
from kim_desktop.domain.models import ComplaintQuery
from kim_desktop.paths import resource_path
from sync.server.models import ChangeRow
from tests.conftest import VILLAGE, complaint_data
from tests.sync.conftest import enrol, make_village, running_hub

HUB = [sys.executable, "-m", "sync.server.cli"]
NEW_VILLAGE = ("73.24.04.2099", "Sumber Harapan Baru", "desa", "73.24.04")
NEW_TOP = ("bencana-alam", "BENCANA ALAM", "")
NEW_CATEGORY = ("bencana-alam/banjir-bandang", "Banjir Bandang", "bencana-alam")


@pytest.fixture
def live_hub(tmp_path: Path) -> Iterator[LiveHub]:
    yield from running_hub(tmp_path)


def shipped(name: str) -> list[list[str]]:
    with resource_path("data", name).open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def write_csv(path: Path, rows: list[list[str]] | list[tuple[str, ...]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def regions_file(tmp: Path, *extra: tuple[str, ...]) -> Path:
    return write_csv(tmp / "wilayah.csv", [*shipped("luwu_timur_wilayah.csv"), *extra])


def categories_file(tmp: Path) -> Path:
    return write_csv(tmp / "kategori.csv", [*shipped("lapor_categories.csv"), NEW_TOP,
                                            NEW_CATEGORY])


def hub_cli(hub: LiveHub, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*HUB, "--db", hub.settings.db_url, "--data-dir",
                           str(hub.settings.data_dir), *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def reference_changes(hub: LiveHub) -> int:
    with hub.hub.db.reads() as s:
        return s.query(ChangeRow).filter(ChangeRow.kind == "reference").count()


def test_a_village_receives_new_villages_categories_and_holidays(live_hub: LiveHub,
                                                                 tmp_path: Path) -> None:
    core = make_village(tmp_path, "desa")
    client = enrol(core, live_hub)
    core.complaints.add([(complaint_data(), Path("."))], submit=True)
    client.sync()
    listed = core.complaints.list(ComplaintQuery()).items
    assert listed[0].status is Status.RECEIVED and listed[0].due is not None
    received = next(h.at for h in core.complaints.get(listed[0].id).status_history
                    if h.status is Status.RECEIVED)
    received_day = wita_date(received)
    calendar = core.reference.calendar()
    before_due = listed[0].due
    assert before_due == calendar.add_working_days(received_day, VERIFY_WORKING_DAYS)
    # a district holiday inside the verification period: the working day before its end
    day_off = date.fromordinal(before_due.toordinal() - 1)
    while not calendar.is_working_day(day_off):
        day_off = date.fromordinal(day_off.toordinal() - 1)
    assert day_off > received_day
    holidays = write_csv(tmp_path / "libur.csv", [("date", "name"),
                                                  (day_off.isoformat(), "Hari jadi Luwu Timur")])
    assert not core.reference.data().is_village(NEW_VILLAGE[0])

    r = hub_cli(live_hub, "reference", "import", regions_file(tmp_path, NEW_VILLAGE),
                categories_file(tmp_path), holidays)
    assert r.returncode == 0, r.stderr
    assert "regions: 141 rows" in r.stdout and "holidays: 1 rows" in r.stdout

    client.sync()
    refs = core.reference.data()
    assert refs.is_village(NEW_VILLAGE[0])
    assert "Sumber Harapan Baru" in refs.village_label(NEW_VILLAGE[0])
    assert refs.category_label(NEW_CATEGORY[0]) == "Bencana Alam › Banjir Bandang"
    assert (day_off, "Hari jadi Luwu Timur") in core.reference.district_holidays()
    after_due = core.complaints.list(ComplaintQuery()).items[0].due
    years = range(received_day.year - 1, received_day.year + 2)
    assert after_due == indonesian_calendar(years, [day_off]).add_working_days(
        received_day, VERIFY_WORKING_DAYS)
    assert after_due is not None and after_due > before_due

    core.complaints.add([(complaint_data(category_code=NEW_CATEGORY[0]), Path("."))],
                        submit=True)
    report = client.sync()
    assert (report.pushed, report.set_aside) == (1, 0), report.reasons

    # the new village can enrol a device of its own, and its complaints are taken
    r = hub_cli(live_hub, "enroll", "--village", NEW_VILLAGE[0])
    assert r.returncode == 0 and "Sumber Harapan Baru" in r.stdout, r.stderr


@pytest.mark.parametrize(("rows", "message"), [
    ([("code", "name", "level", "parent_code"), ("73.24", "Kabupaten Luwu Timur", "kabupaten", ""),
      ("73.24.04", "Malili", "kecamatan", "73.24"),
      ("73.24.04.2010", "Balantang", "desa", "73.24.04"),
      ("73.24.04.99", "Salah", "desa", "73.24.04")],
     "line 5: code: '73.24.04.99' is not a Kemendagri code"),
    ([("code", "name", "level", "parent_code"), ("73.24", "Kabupaten Luwu Timur", "kabupaten", ""),
      ("73.24.04.2010", "Balantang", "desa", "73.24.04")],
     "line 3: parent_code: '73.24.04' is not in the file"),
    ([("code", "name", "level", "parent_code"), ("73.24", "Kabupaten Luwu Timur", "kota", "")],
     "line 2: level: 'kota' is not one of"),
    ([("date", "name"), ("2026-12-07", "Libur"), ("2026-02-30", "Tidak ada")],
     "line 3: date: '2026-02-30' is not a date in the form YYYY-MM-DD"),
    ([("date", "name"), ("2026-12-07", "Libur"), ("2026-12-07", "Lagi")],
     "line 3: date: '2026-12-07' repeats line 2"),
    ([("code", "name", "parent_code"), ("Bencana Alam", "BENCANA", "")],
     "line 2: code: 'Bencana Alam' must be lower-case"),
    ([("code", "name", "short_name"), ("dinas-baru", "", "DB")],
     "line 2: name: is required"),
    ([("kode", "nama")], "line 1: header: unknown columns kode,nama"),
])
def test_a_bad_row_refuses_every_file_and_publishes_nothing(
        live_hub: LiveHub, tmp_path: Path, rows: list[tuple[str, ...]], message: str) -> None:
    regions = tuple(rows[0]) == ("code", "name", "level", "parent_code")
    good = categories_file(tmp_path) if regions else regions_file(tmp_path)  # a sound file too
    bad = write_csv(tmp_path / "salah.csv", rows)
    before = reference_changes(live_hub)
    r = hub_cli(live_hub, "reference", "import", good, bad)
    assert r.returncode == 2
    assert f"salah.csv {message}" in r.stderr and "nothing was published" in r.stderr
    assert "Traceback" not in r.stderr
    assert reference_changes(live_hub) == before


def test_a_village_in_use_cannot_be_removed(live_hub: LiveHub, tmp_path: Path) -> None:
    core = make_village(tmp_path, "desa")
    enrol(core, live_hub)
    rows = [r for r in shipped("luwu_timur_wilayah.csv") if r[0] != VILLAGE]
    r = hub_cli(live_hub, "reference", "import", write_csv(tmp_path / "w.csv", rows))
    assert r.returncode == 2 and f"village {VILLAGE} is missing" in r.stderr
    assert reference_changes(live_hub) == 0
