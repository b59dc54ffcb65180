"""Which villages the district dashboard counts as having a KIM: the list the district published
(the villages file's ``has_kim`` column) when there is one, else the villages with an enrolled
operator desk; the summary says which (``coverage.kim_basis``)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from hub_testkit import VILLAGE_A, VILLAGE_B, LiveHub
from review_kit import login

from kim_desktop.paths import resource_path
from sync.server.reference_import import publish_updates, read_updates

HARAPAN = "73.24.04.2001"        # Desa Harapan, Kec. Malili: no desk enrolled


def _publish(hub: LiveHub, path: Path, marks: dict[str, str]) -> None:
    with resource_path("data", "luwu_timur_wilayah.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([[*rows[0], "has_kim"],
                                 *([*r, marks.get(r[0], "")] for r in rows[1:])])
    publish_updates(hub.hub.db, read_updates([path]), clock=hub.clock)


def _quiet(coverage: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    return [(q["code"], q["kecamatan_name"], q["last_session"])
            for q in coverage["kim_villages_without_session_90d"]]


def test_published_list_replaces_enrolled_desks(live_hub: LiveHub, tmp_path: Path) -> None:
    a, b = live_hub.enrol(), live_hub.enrol(VILLAGE_B)
    a.push_ok([a.activity()])
    b.push_ok([b.complaint()])
    reviewer = login(live_hub)
    cov = reviewer.ok("GET", "/reports/summary")["coverage"]
    assert cov["kim_basis"] == "enrolled"
    assert _quiet(cov) == [(VILLAGE_B, "Mangkutana", None)]

    # the district says Balantang and Harapan have a KIM, Maleku (a desk, no session) does not
    _publish(live_hub, tmp_path / "desa.csv", {VILLAGE_A: "1", HARAPAN: "ya", VILLAGE_B: "0"})
    cov = reviewer.ok("GET", "/reports/summary")["coverage"]
    assert cov["kim_basis"] == "published"
    assert _quiet(cov) == [(HARAPAN, "Malili", None)]          # Balantang held a session
    malili = reviewer.ok("GET", "/reports/summary", params={"kecamatan_code": "73.24.04"})
    assert _quiet(malili["coverage"]) == [(HARAPAN, "Malili", None)]
    mangkutana = reviewer.ok("GET", "/reports/summary", params={"kecamatan_code": "73.24.01"})
    assert mangkutana["coverage"]["kim_basis"] == "published"
    assert _quiet(mangkutana["coverage"]) == []


def test_a_list_that_says_nothing_keeps_the_fallback(live_hub: LiveHub, tmp_path: Path) -> None:
    b = live_hub.enrol(VILLAGE_B)
    b.push_ok([b.complaint()])
    _publish(live_hub, tmp_path / "desa.csv", {})               # a has_kim column, all blank
    cov = login(live_hub).ok("GET", "/reports/summary")["coverage"]
    assert cov["kim_basis"] == "enrolled"
    assert _quiet(cov) == [(VILLAGE_B, "Mangkutana", None)]
