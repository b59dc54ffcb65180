"""The district reports and sync health in the review workspace, on the real widgets against a
live hub over loopback that villages pushed complaints and sessions to: the dashboard shows
what was pushed, the CSV/XLSX exports are written and read back, the monthly PDF carries the
expected text on the expected pages, and the health table shows the villages with their
highlights. Nothing is mocked."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication

from kim_desktop.domain.deadlines import WITA
from sync.client.review import ReviewClient
from tests.ui import reports_fixtures
from tests.ui.reports_fixtures import (
    CLOCK_BEHIND,
    MALEKU_OLDEST_UNSENT,
    MALEKU_UNSENT,
    ODD_ERROR,
    OTHER_CATEGORY,
    ROAD,
    VILLAGE_A,
    VILLAGE_B,
    Pushed,
    push_villages,
)
from ui.errors import ErrorDialog
from ui.formatting import datetime_text
from ui.monthly_report import TEXT as PDF_TEXT
from ui.report_common import status_text
from ui.review_health import CLOCK_COLOUR, SILENT_COLOUR, SyncHealthPanel
from ui.review_reports import ReportsPanel

MALILI, MANGKUTANA = "73.24.04", "73.24.01"
report_hub, review_client = reports_fixtures.report_hub, reports_fixtures.review_client


def _pdf_text(path: Path) -> str:
    assert shutil.which("pdftotext"), "pdftotext is needed to read the PDF back"
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def _pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                         text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))  # type: ignore[union-attr]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def pushed(report_hub: Any, review_client: ReviewClient) -> Pushed:
    return push_villages(report_hub, review_client)


@pytest.fixture
def panel(qtbot: Any, translations: Any, report_hub: Any, review_client: ReviewClient,
          pushed: Pushed) -> ReportsPanel:
    w = ReportsPanel(lambda: review_client, now=lambda: report_hub.clock().astimezone(WITA))
    qtbot.addWidget(w)
    return w


def _load(qtbot: Any, panel: ReportsPanel) -> dict[str, Any]:
    with qtbot.waitSignal(panel.summary_loaded, timeout=15_000) as got:
        assert panel.refresh()
    summary: dict[str, Any] = got.args[0]
    return summary


def test_dashboard_of_a_month_shows_what_the_villages_pushed(qtbot, panel, pushed) -> None:
    panel.set_month(2025, 3)
    _load(qtbot, panel)
    march = pushed.in_month("2025-03")
    assert len(march) == 5 and len(pushed.complaints) == 6     # the April one stays out
    assert re.search(rf"<b>{len(march)}</b>", panel.totals.text())
    bars = {label: value for label, value, _ in panel.charts["kecamatan"].data()}
    assert bars == {k: float(n) for k, n in pushed.by_kecamatan("2025-03").items()}
    assert bars == {"Malili": 3.0, "Mangkutana": 2.0}          # revised complaint counted once
    statuses = Counter(pushed.statuses[t] for t in march)
    shown = {label: value for label, value, _ in panel.charts["status"].data()}
    assert shown == {status_text(s): float(n) for s, n in statuses.items()}
    categories = Counter(cat for _, cat, _ in march.values())
    assert sorted(v for _, v, _ in panel.charts["category"].data()) == sorted(
        float(n) for n in categories.values())
    assert categories == {ROAD: 4, OTHER_CATEGORY: 1}
    assert [(m, v) for m, v, _ in panel.charts["month"].data()] == [("03/2025", 5.0)]
    villages = {row[0]: row[2] for row in panel.village_model.as_text()}
    assert villages == {"Balantang": "3", "Maleku": "2"}
    # coverage: two sessions, participants by gender as pushed, the silent KIM village listed
    genders = Counter(g for _, _, people in pushed.sessions for g in people)
    assert (f"(L) {genders['L']}" in panel.coverage.gender_label.text()
            and f"(P) {genders['P']}" in panel.coverage.gender_label.text())
    sessions = {r[0]: (r[1], r[2]) for r in panel.coverage.sessions_model.as_text()}
    assert sessions == {"Malili": ("1", "2"), "Mangkutana": ("1", "3")}
    silent = panel.coverage.silent_model.as_text()
    assert [r[0] for r in silent] == ["Ujung Baru"] and silent[0][1] == "Tomoni"


def test_dashboard_filters_by_kecamatan_and_date_range(qtbot, panel, pushed) -> None:
    panel.set_range(date(2025, 3, 1), date(2025, 4, 30))
    panel.set_kecamatan(MANGKUTANA)
    summary = _load(qtbot, panel)
    expected = [t for t, (v, _, _) in pushed.complaints.items() if v == VILLAGE_B]
    assert summary["total"] == len(expected) == 3
    assert [(m, v) for m, v, _ in panel.charts["month"].data()] == [("03/2025", 2.0),
                                                                    ("04/2025", 1.0)]
    assert {r[0] for r in panel.village_model.as_text()} == {"Maleku"}


def test_a_reversed_date_range_is_refused_before_asking_the_hub(qtbot, panel) -> None:
    panel.set_range(date(2025, 4, 30), date(2025, 3, 1))
    assert panel.refresh() is False
    assert not panel.period_message.isHidden() and panel.summary is None
    assert panel.period_message.text() == QCoreApplication.translate(
        "ReportsPanel", "“To” date: must be the same as or after the “From” date.")


def test_without_login_the_panels_say_so_and_ask_nothing(qtbot, translations) -> None:
    reports, health = ReportsPanel(lambda: None), SyncHealthPanel(lambda: None)
    for w in (reports, health):
        qtbot.addWidget(w)
        w.show()
    assert reports.refresh() is False and reports.export("csv", Path("x.csv")) is False
    assert reports.save_monthly_report(Path("x.pdf")) is False and health.refresh() is False
    assert reports.summary is None and health.rows is None
    assert reports.status_label.text() == QCoreApplication.translate(
        "ReportsPanel", "Log in first: the reports come from the hub.")
    assert health.status_label.text() == QCoreApplication.translate(
        "SyncHealthPanel", "Log in first: sync health comes from the hub.")


def test_csv_and_xlsx_exports_are_saved_and_read_back(qtbot, panel, pushed, tmp_path) -> None:
    panel.set_month(2025, 3)
    march = pushed.in_month("2025-03")
    target = tmp_path / "out" / "maret.csv"
    with qtbot.waitSignal(panel.file_saved, timeout=15_000):
        assert panel.export("csv", target)
    raw = target.read_bytes()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {r["tracking_no"] for r in rows} == set(march)
    assert {r["tracking_no"]: r["status"] for r in rows} == {t: pushed.statuses[t] for t in march}
    assert {r["kecamatan_code"] for r in rows} == {MALILI, MANGKUTANA}
    for secret in (b"Warga Contoh", b"7324040101800001", b"081234567890"):
        assert secret not in raw                                  # never reporter identity
    assert not list(target.parent.glob("*.part"))
    xlsx = tmp_path / "maret.xlsx"
    with qtbot.waitSignal(panel.file_saved, timeout=15_000):
        assert panel.export("xlsx", xlsx)
    sheet = openpyxl.load_workbook(xlsx, read_only=True).active
    values = list(sheet.iter_rows(values_only=True))
    header, body = list(values[0]), values[1:]
    assert "tracking_no" in header and "reporter_name" not in header
    col = header.index("tracking_no")
    assert {r[col] for r in body} == set(march)


def test_export_into_an_unwritable_place_says_nothing_was_saved(qtbot, panel, tmp_path,
                                                                monkeypatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    shown: list[BaseException] = []
    monkeypatch.setattr(ErrorDialog, "present", classmethod(
        lambda cls, parent, error, tb_text="": shown.append(error)))
    with qtbot.waitSignal(panel.failed, timeout=15_000):
        assert panel.export("csv", blocker / "laporan.csv")
    assert [getattr(e, "code", repr(e)) for e in shown] == ["file_not_written"]
    assert not (blocker / "laporan.csv").exists()


def test_monthly_pdf_carries_the_month_the_tables_and_a_chart(qtbot, panel, pushed,
                                                              tmp_path) -> None:
    panel.set_month(2025, 3)
    path = tmp_path / "laporan-maret.pdf"
    with qtbot.waitSignal(panel.file_saved, timeout=15_000):
        assert panel.save_monthly_report(path)
    text = _pdf_text(path)
    flat = _squash(text)
    title = QCoreApplication.translate("MonthlyReport", str(PDF_TEXT["title"]))
    assert _squash(title) in flat
    assert "Maret2025" in flat and "01/03/2025" in flat and "31/03/2025" in flat
    total = len(pushed.in_month("2025-03"))
    received = QCoreApplication.translate("MonthlyReport", str(PDF_TEXT["received"]))
    assert re.search(rf"{re.escape(received)}\s+{total}\b", text), text
    for name in ("Malili", "Mangkutana", "UjungBaru", "Tomoni", "Kesehatan"):
        assert name in flat
    assert re.search(r"Malili\s+3\s+60,0%", text) and re.search(r"Mangkutana\s+2\s+40,0%", text)
    doc = panel.last_document
    assert doc is not None and doc.resource(1, "kim-report://chart-kecamatan") is not None
    assert _pages(path) == 2
    for secret in ("Warga Contoh", "7324040101800001"):
        assert secret not in text


def test_monthly_pdf_needs_a_month(qtbot, panel, tmp_path) -> None:
    panel.set_range(date(2025, 3, 1), date(2025, 4, 30))
    assert not panel.pdf_button.isEnabled()
    assert panel.save_monthly_report(tmp_path / "x.pdf") is False
    assert not (tmp_path / "x.pdf").exists()


def test_health_table_shows_pushed_villages_with_highlights(qtbot, translations, report_hub,
                                                            review_client, pushed) -> None:
    now: datetime = report_hub.clock()
    health = SyncHealthPanel(lambda: review_client, now=lambda: now)
    qtbot.addWidget(health)
    with qtbot.waitSignal(health.health_loaded, timeout=15_000):
        health.show()                                    # loads when first shown
    rows = {r["device_id"]: r for r in health.rows or []}
    a, b, c = (pushed.devices[k] for k in "abc")
    assert set(rows) == {a.id, b.id, c.id}
    assert rows[b.id]["village_name"] == "Maleku" and rows[b.id]["kecamatan"] == "Mangkutana"
    for device, village in ((a, VILLAGE_A), (b, VILLAGE_B)):     # waiting for review
        complaints = [t for t, (v, _, _) in pushed.complaints.items()
                      if v == village and pushed.statuses[t] == "received"]
        sessions = [s for s in pushed.sessions if s[0] == village]
        assert rows[device.id]["backlog"] == len(complaints) + len(sessions)
    assert rows[b.id]["backlog"] == 3 and rows[c.id]["backlog"] == 0
    assert rows[b.id]["app_version"] == "0.9.3"
    assert rows[b.id]["clock_offset"] == pytest.approx(CLOCK_BEHIND.total_seconds())
    assert rows[b.id]["clock_off"] and not rows[b.id]["silent"]
    assert rows[a.id]["silent"] and rows[c.id]["silent"] and not rows[a.id]["clock_off"]
    model = health.model
    by_device = {model.row(i)["device_id"]: i for i in range(model.rowCount())}
    colour = model.data(model.index(by_device[b.id], 0), 8)      # BackgroundRole
    assert colour == CLOCK_COLOUR
    assert model.data(model.index(by_device[c.id], 0), 8) == SILENT_COLOUR
    text = model.as_text()
    shown = {model.row(i)["device_id"]: text[i] for i in range(model.rowCount())}
    assert shown[b.id][2] == b.id[:8] and shown[b.id][8] == "0.9.3"
    assert shown[b.id][9] == QCoreApplication.translate("SyncHealthPanel", "%1 min").replace(
        "%1", "+20")
    assert shown[b.id][11] == health.problems(rows[b.id]) != ""     # the reason, in words
    assert shown[c.id][11] == health.problems(rows[c.id]) != shown[b.id][11]
    assert shown[b.id][4] == "3" and shown[c.id][4] == "0"
    # what each device reported about itself: unsent work, the oldest of it, the last error
    assert rows[b.id]["unsent"] == MALEKU_UNSENT and rows[a.id]["unsent"] == 0
    assert rows[c.id]["unsent"] is None and shown[c.id][6] == "" == shown[c.id][10]
    assert shown[b.id][6] == str(MALEKU_UNSENT) and shown[a.id][6] == "0"
    assert shown[b.id][7] == datetime_text(MALEKU_OLDEST_UNSENT) == "18/04/2025 09:30 WITA"
    offline = QCoreApplication.translate(
        "Errors", "The district hub cannot be reached (no connection).")
    assert offline.startswith("Hub kabupaten")            # Indonesian, not the raw code
    assert shown[b.id][10] == QCoreApplication.translate("SyncHealthPanel", "%1 (%2)").replace(
        "%1", offline).replace("%2", "20/04/2025 07:05 WITA")
    assert shown[a.id][10] == ODD_ERROR                   # no text for it: the code itself
    template = QCoreApplication.translate(
        "SyncHealthPanel", "%1 villages · %2 silent for more than %3 days · %4 devices with a "
        "clock off by more than %5 minutes")
    assert health.summary_label.text() == (template.replace("%1", "3").replace("%2", "2")
                                           .replace("%3", "7").replace("%4", "1")
                                           .replace("%5", "5"))
