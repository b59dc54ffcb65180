"""Upgrades: a store written by every earlier schema revision opens in this version with all its
rows intact, search working, and the copy made before migrating kept. Every file in
``fixtures/`` is tested; `make_fixtures` adds the file of each new earlier revision."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from kim_desktop.core import Core, build_core
from kim_desktop.domain.enums import Status
from kim_desktop.domain.models import ComplaintQuery
from kim_desktop.paths import DataPaths
from kim_desktop.services.backups import integrity_ok
from kim_desktop.services.base import ServiceContext
from kim_desktop.storage.db import head_revision, open_store, stored_revision
from tests.conftest import complaint_data
from tests.migrations import make_fixtures as made  # the data each fixture holds

FIXTURES = sorted(made.FIXTURES.glob("store-*.db"))


def test_every_earlier_revision_has_a_fixture() -> None:
    have = {p.stem.removeprefix("store-") for p in FIXTURES}
    assert set(made.revisions()[:-1]) <= have, "run python -m tests.migrations.make_fixtures"
    for path in FIXTURES:
        assert stored_revision(path) == path.stem.removeprefix("store-")


def upgraded(fixture: Path, tmp_path: Path) -> Core:
    paths = DataPaths(tmp_path / "store")
    paths.root.mkdir(parents=True)
    shutil.copyfile(fixture, paths.store)
    return build_core(paths, ServiceContext(open_store(paths.store, paths.backups)))


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_an_old_store_upgrades_with_every_row_intact(fixture: Path, tmp_path: Path) -> None:
    core = upgraded(fixture, tmp_path)
    assert stored_revision(core.paths.store) == head_revision()

    # the copy made before migrating is kept, sound, with the same records
    pre = list(core.paths.backups.glob("kim-*-pre-migrate.db"))
    assert len(pre) == 1 and integrity_ok(pre[0])
    with sqlite3.connect(fixture) as a, sqlite3.connect(pre[0]) as b:
        for q in ("SELECT id, tracking_no, title, status FROM complaint ORDER BY id",
                  "SELECT activity_id, position, gender, age FROM participant ORDER BY 1, 2",
                  "SELECT entity, record_id, revision, state FROM outbox ORDER BY id",
                  "SELECT record_id, status, at FROM status_history ORDER BY id"):
            assert a.execute(q).fetchall() == b.execute(q).fetchall()
    a.close()
    b.close()

    profile = core.device.profile()
    assert (profile.device_id, profile.village_code, profile.device_tag) == (
        made.DEVICE_ID, made.VILLAGE, made.TAG)
    assert core.preferences.get().backup_keep == 9
    assert core.reference.data().is_village(made.VILLAGE)
    for c in made.COMPLAINTS:
        got = core.complaints.get(c["id"].join(["", ""]))
        assert (got.tracking_no, got.status.value) == (c["no"], c["status"])
        assert (got.content.title, got.content.body) == (c["title"], c["body"])
        assert got.content.anonymous is (c["reporter"] is None)
        if c["reporter"] is not None:
            r = got.content.reporter
            assert (r.name, r.nik, r.phone, r.address) == c["reporter"][:4]
        assert [h.status.value for h in got.status_history] == c["history"]
    first = core.complaints.get(made.COMPLAINTS[0]["no"])
    assert [a.filename for a in first.attachments] == ["jalan_berlubang.jpg"]
    assert core.complaints.get(made.COMPLAINTS[3]["no"]).review_note == "Lengkapi lokasi kebun"

    activity = core.activities.get(made.ACTIVITY_ID)
    assert [p.name for p in activity.content.participants] == [p[0] for p in made.PARTICIPANTS]
    assert [f.name for f in activity.content.facilitators] == [f[0] for f in made.FACILITATORS]
    assert [c.id.hex for c in core.activities.complaints_of(made.ACTIVITY_ID)] == [
        made.COMPLAINTS[1]["id"]]

    with sqlite3.connect(core.paths.store) as db:
        outbox = db.execute("SELECT entity, record_id, revision, state FROM outbox ORDER BY id"
                            ).fetchall()
        cursor = db.execute("SELECT cursor FROM sync_state").fetchone()[0]
    db.close()
    assert outbox == made.OUTBOX and cursor == made.CURSOR
    assert core.status.status().backlog.get("pending") == 2

    # search, prefix search included, finds old rows; the tracking numbers carry on
    found = core.complaints.list(ComplaintQuery(text="ja")).items
    assert made.COMPLAINTS[0]["no"] in {s.tracking_no for s in found}
    assert {s.tracking_no for s in core.complaints.list(ComplaintQuery(text="pupuk")).items} == {
        made.COMPLAINTS[3]["no"]}
    added = core.complaints.add([(complaint_data(title="Jembatan kayu lapuk"), Path("."))],
                                submit=True)
    assert added[0].tracking_no.endswith(f"-{len(made.COMPLAINTS) + 1:04d}")
    assert added[0].status is Status.QUEUED
    assert [s.tracking_no for s in core.complaints.list(ComplaintQuery(text="jemb")).items] == [
        added[0].tracking_no]
