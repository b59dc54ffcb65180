"""The district's KIM list end to end: `kim-hub reference import` (a real process) publishes the
villages file with its ``has_kim`` column on a live hub; an enrolled village syncs, and its
coverage view lists the KIM villages without a recent session. Reloading the lists, or a later
villages file that does not say, keeps the published marks; a bad value is refused whole."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hub_testkit import LiveHub

from kim_desktop.core import Core
from kim_desktop.domain.deadlines import WITA
from kim_desktop.domain.reference import load_reference_dir
from kim_desktop.paths import resource_path
from kim_desktop.services.coverage import CoverageService
from sync.server.reference_import import published_kim_villages
from tests.conftest import VILLAGE
from tests.services.test_activities import activity
from tests.sync.conftest import enrol, make_village, running_hub
from tests.sync.test_reference_updates import hub_cli, reference_changes, shipped, write_csv

HARAPAN, MALEKU, WONOREJO = "73.24.04.2001", "73.24.01.2001", "73.24.01.2002"


@pytest.fixture
def live_hub(tmp_path: Path) -> Iterator[LiveHub]:
    yield from running_hub(tmp_path)


def villages_file(path: Path, marks: dict[str, str] | None) -> Path:
    """The shipped wilayah list, with a ``has_kim`` column when `marks` is given."""
    rows = shipped("luwu_timur_wilayah.csv")
    if marks is None:
        return write_csv(path, rows)
    return write_csv(path, [[*rows[0], "has_kim"],
                            *([*r, marks.get(r[0], "")] for r in rows[1:])])


def idle(core: Core) -> tuple[str, list[str]]:
    cov = CoverageService(core.ctx, core.reference).coverage()
    return cov.kim_source, [v.name for v in cov.idle_kim_villages]


def test_the_published_kim_list_reaches_the_village_coverage(live_hub: LiveHub,
                                                             tmp_path: Path) -> None:
    core = make_village(tmp_path, "desa")
    client = enrol(core, live_hub)
    day = (core.ctx.now().astimezone(WITA) - timedelta(days=1)).date().isoformat()
    core.activities.add([(activity(3, starts_at=f"{day}T09:00", ends_at=f"{day}T11:00"),
                          Path("."))], submit=True)
    client.sync()
    # nothing published: only this office's own KIM (Balantang, which held a session)
    assert idle(core) == ("device", [])
    assert published_kim_villages(live_hub.hub.db) is None

    marks = {VILLAGE: "1", HARAPAN: "ya", MALEKU: "TRUE", WONOREJO: "tidak"}
    r = hub_cli(live_hub, "reference", "import", villages_file(tmp_path / "desa.csv", marks))
    assert r.returncode == 0, r.stderr
    assert published_kim_villages(live_hub.hub.db) == {VILLAGE, HARAPAN, MALEKU}
    client.sync()
    refs = core.reference.data()
    assert refs.kim_villages() == {VILLAGE, HARAPAN, MALEKU}
    assert idle(core) == ("reference", ["Harapan", "Maleku"])      # by kecamatan, then name

    # reloading the shipped lists (no has_kim column) keeps what the district published
    core.reference.replace(load_reference_dir(resource_path("data")))
    assert idle(core) == ("reference", ["Harapan", "Maleku"])

    # a later villages file without the column keeps the marks, on the hub and in the village
    r = hub_cli(live_hub, "reference", "import", villages_file(tmp_path / "lagi.csv", None))
    assert r.returncode == 0, r.stderr
    assert published_kim_villages(live_hub.hub.db) == {VILLAGE, HARAPAN, MALEKU}
    client.sync()
    assert idle(core) == ("reference", ["Harapan", "Maleku"])

    # the district takes one back: the published value wins over the mark the village had
    r = hub_cli(live_hub, "reference", "import",
                villages_file(tmp_path / "ralat.csv", {MALEKU: "0", WONOREJO: "1"}))
    assert r.returncode == 0, r.stderr
    client.sync()
    assert core.reference.data().kim_villages() == {VILLAGE, HARAPAN, WONOREJO}
    assert idle(core) == ("reference", ["Harapan", "Wonorejo"])


@pytest.mark.parametrize(("marks", "message"), [
    ({HARAPAN: "mungkin"}, "has_kim: 'mungkin' must be one of 1/0, ya/tidak, true/false"),
    ({"73.24.04": "1"}, "has_kim: only a desa or kelurahan can have a KIM, not a kecamatan"),
])
def test_a_bad_kim_value_publishes_nothing(live_hub: LiveHub, tmp_path: Path,
                                           marks: dict[str, str], message: str) -> None:
    path = villages_file(tmp_path / "salah.csv", marks)
    line = next(i for i, row in enumerate(shipped("luwu_timur_wilayah.csv"), start=1)
                if row[0] in marks)
    r = hub_cli(live_hub, "reference", "import", path)
    assert r.returncode == 2
    assert f"salah.csv line {line}: {message}" in r.stderr, r.stderr
    assert "nothing was published" in r.stderr and "Traceback" not in r.stderr
    assert reference_changes(live_hub) == 0
