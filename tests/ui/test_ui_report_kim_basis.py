"""The district dashboard's coverage tab says which villages count as having a KIM: those with an
enrolled operator desk until the district publishes its list, then the published list, against a
live hub over loopback that villages pushed complaints and sessions to."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from kim_desktop.domain.deadlines import WITA
from kim_desktop.paths import resource_path
from sync.client.review import ReviewClient
from sync.server.reference_import import publish_updates, read_updates
from tests.ui import reports_fixtures
from tests.ui.reports_fixtures import VILLAGE_A, VILLAGE_C, push_villages
from ui.review_reports import ReportsPanel

report_hub, review_client = reports_fixtures.report_hub, reports_fixtures.review_client
HARAPAN = "73.24.04.2001"        # Desa Harapan, Kec. Malili: no desk, no session


def _load(qtbot: Any, panel: ReportsPanel) -> None:
    with qtbot.waitSignal(panel.summary_loaded, timeout=15_000):
        assert panel.refresh()


@pytest.fixture
def panel(qtbot: Any, translations: Any, report_hub: Any,
          review_client: ReviewClient) -> ReportsPanel:
    push_villages(report_hub, review_client)
    w = ReportsPanel(lambda: review_client, now=lambda: report_hub.clock().astimezone(WITA))
    qtbot.addWidget(w)
    return w


def test_the_note_follows_the_basis_of_the_kim_list(qtbot: Any, panel: ReportsPanel,
                                                    report_hub: Any, tmp_path: Path) -> None:
    tab = panel.coverage
    _load(qtbot, panel)
    assert tab.basis_label.text() == tab.tr(
        "KIM villages: the district has not published its list, so the villages with an "
        "enrolled operator desk count.")
    assert [r[0] for r in tab.silent_model.as_text()] == ["Ujung Baru"]

    with resource_path("data", "luwu_timur_wilayah.csv").open(encoding="utf-8") as f:
        rows = list(csv.reader(f))
    marks = {VILLAGE_A: "1", HARAPAN: "1", VILLAGE_C: "0"}
    path = tmp_path / "desa.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([[*rows[0], "has_kim"],
                                 *([*r, marks.get(r[0], "")] for r in rows[1:])])
    publish_updates(report_hub.hub.db, read_updates([path]), clock=report_hub.clock)
    _load(qtbot, panel)
    assert tab.basis_label.text() == tab.tr("KIM villages: as published by the district.")
    assert [r[0] for r in tab.silent_model.as_text()] == ["Harapan"]
