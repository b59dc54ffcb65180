"""UI layer: the "Dasbor" of the district review workspace: complaint counts by kecamatan,
village, category, status and month with charts, the socialization coverage, exports of the
complaint rows (CSV/XLSX from the hub) and the monthly PDF for the district leadership.

Every number comes from the hub (``/v1/review/reports/summary``), asked off the GUI thread
with the logged-in reviewer's client; without a login the panel says so and asks nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kim_desktop.domain.deadlines import WITA
from kim_desktop.domain.reference import Region
from sync.client.review import ReviewClient
from ui.charts import BarChart
from ui.dialogs import FilePicker
from ui.errors import FileNotWritten, show_error
from ui.formatting import datetime_text
from ui.monthly_report import area_text, write_monthly_report
from ui.report_common import (
    ClientGetter,
    Column,
    ReportPeriod,
    RowTableModel,
    count_of,
    download_export,
    fetch_summary,
    fill_kecamatan_combo,
    logged_in_client,
    month_label,
    region_name,
    share_text,
    shipped_regions,
    status_text,
    table_view,
)
from ui.report_coverage import CoverageTab
from ui.tasks import run_in_background
from ui.widgets import FieldMessage

MONTH, RANGE, ALL = 0, 1, 2
TOP_CATEGORIES = 12            # the category chart shows the biggest ones; the PDF lists all


class ReportsPanel(QWidget):
    """Filters, totals, charts, the table by village, coverage, exports and the monthly PDF."""

    summary_loaded = Signal(object)       # the summary dict shown now
    file_saved = Signal(str)              # path of an export or a PDF just written
    failed = Signal(object)               # the error already shown to the user

    def __init__(self, client_getter: ClientGetter, parent: QWidget | None = None, *,
                 regions: dict[str, Region] | None = None,
                 now: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self._client_getter = client_getter
        self._regions = regions if regions is not None else shipped_regions()
        self._now = now or (lambda: datetime.now(WITA))
        self._asked = 0                    # newest summary request; older answers are dropped
        self._busy = False
        self.summary: dict[str, Any] | None = None
        self.period: ReportPeriod | None = None       # the period of `summary`
        self.last_document: QTextDocument | None = None
        self.status_label = QLabel(wordWrap=True)
        self.period_kind = QComboBox()
        self.period_kind.currentIndexChanged.connect(self._on_period_kind_changed)
        today = self._now().date()
        self.month_edit = QDateEdit(QDate(today.year, today.month, 1))
        self.month_edit.setDisplayFormat("MM/yyyy")
        self.from_edit = QDateEdit(QDate(today.year, today.month, 1))
        self.to_edit = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.from_edit, self.to_edit):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
        self.kecamatan = QComboBox()
        self.show_button = QPushButton()
        self.show_button.clicked.connect(self.refresh)
        self.period_message = FieldMessage()
        self.totals = QLabel(wordWrap=True)
        self.totals.setStyleSheet("font-size: 12pt;")
        self.charts = {k: BarChart() for k in ("kecamatan", "category", "status", "month")}
        self.village_model = RowTableModel([])
        self.coverage = CoverageTab()
        self.csv_button, self.xlsx_button, self.pdf_button = (QPushButton(), QPushButton(),
                                                              QPushButton())
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.save_monthly_report())
        self._build_layout()
        self.retranslate_ui()
        self._on_period_kind_changed()

    def _build_layout(self) -> None:
        self.period_label, self.kecamatan_label = QLabel(), QLabel()
        self.from_label, self.to_label = QLabel(), QLabel()
        self.period_label.setBuddy(self.period_kind)
        self.kecamatan_label.setBuddy(self.kecamatan)
        filters = QHBoxLayout()
        for w in (self.period_label, self.period_kind, self.month_edit, self.from_label,
                  self.from_edit, self.to_label, self.to_edit, self.kecamatan_label,
                  self.kecamatan, self.show_button):
            filters.addWidget(w)
        filters.addStretch(1)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        for i, key in enumerate(("kecamatan", "category", "status", "month")):
            grid.addWidget(self.charts[key], i // 2, i % 2)
        grid.setRowStretch(2, 1)                  # charts keep their height, at the top
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        self.village_view = table_view(self.village_model, self)
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, "")
        self.tabs.addTab(self.village_view, "")
        self.tabs.addTab(self.coverage, "")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.csv_button, self.xlsx_button, self.pdf_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addLayout(filters)
        layout.addWidget(self.period_message)
        layout.addWidget(self.totals)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

    # -- filters -----------------------------------------------------------------------------
    @Slot()
    def _on_period_kind_changed(self) -> None:
        kind = self.period_kind.currentIndex()
        self.month_edit.setVisible(kind == MONTH)
        for w in (self.from_label, self.from_edit, self.to_label, self.to_edit):
            w.setVisible(kind == RANGE)
        self.pdf_button.setEnabled(kind == MONTH and not self._busy)
        self.period_message.clear_problem()

    def set_month(self, year: int, month: int) -> None:
        self.period_kind.setCurrentIndex(MONTH)
        self.month_edit.setDate(QDate(year, month, 1))

    def set_range(self, start: date, end: date) -> None:
        self.period_kind.setCurrentIndex(RANGE)
        self.from_edit.setDate(QDate(start.year, start.month, start.day))
        self.to_edit.setDate(QDate(end.year, end.month, end.day))

    def set_kecamatan(self, code: str | None) -> None:
        self.kecamatan.setCurrentIndex(max(0, self.kecamatan.findData(code)))

    def selected_period(self) -> ReportPeriod | None:
        """The period the filters describe; None (and the reason shown) when it is not valid."""
        kec = self.kecamatan.currentData()
        kind = self.period_kind.currentIndex()
        if kind == MONTH:
            d = self.month_edit.date()
            return ReportPeriod.month(d.year(), d.month(), kec)
        if kind == ALL:
            return ReportPeriod(None, None, kec)
        start, end = self.from_edit.date().toPython(), self.to_edit.date().toPython()
        assert isinstance(start, date) and isinstance(end, date)
        if end < start:
            self.period_message.show_problem(self.tr(
                "“To” date: must be the same as or after the “From” date."))
            return None
        self.period_message.clear_problem()
        return ReportPeriod(start, end, kec)

    # -- loading -----------------------------------------------------------------------------
    def _client_or_say(self) -> ReviewClient | None:
        client = logged_in_client(self._client_getter)
        if client is None:
            self.status_label.setText(self.tr("Log in first: the reports come from the hub."))
        return client

    @Slot()
    def refresh(self) -> bool:
        """Ask the hub for the summary of the chosen period; False when nothing was asked."""
        client = self._client_or_say()
        period = self.selected_period()
        if client is None or period is None:
            return False
        self._asked += 1
        asked = self._asked
        self._set_busy(True, self.tr("Loading the report…"))
        run_in_background(lambda: fetch_summary(client, period),
                          lambda s: self._on_summary_fetched(asked, period, s),
                          lambda e: self._on_summary_failed(asked, e), owner=self,
                          name="report summary")
        return True

    def _on_summary_fetched(self, asked: int, period: ReportPeriod,
                            summary: dict[str, Any]) -> None:
        if asked != self._asked:
            return
        self._set_busy(False, self.tr("Updated %1.").replace(
            "%1", datetime_text(self._now())))
        self.summary, self.period = summary, period
        self._show_summary()
        self.summary_loaded.emit(summary)

    def _on_summary_failed(self, asked: int, error: BaseException) -> None:
        if asked != self._asked:
            return
        self._set_busy(False, self.tr("The report could not be loaded."))
        self._fail(error)

    def _fail(self, error: BaseException) -> None:
        show_error(self, error)
        self.failed.emit(error)

    def _set_busy(self, busy: bool, text: str) -> None:
        self._busy = busy
        self.status_label.setText(text)
        for b in (self.show_button, self.csv_button, self.xlsx_button):
            b.setEnabled(not busy)
        self.pdf_button.setEnabled(not busy and self.period_kind.currentIndex() == MONTH)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.summary is None and not self._busy:
            self.refresh()

    # -- showing -----------------------------------------------------------------------------
    def _show_summary(self) -> None:
        s = self.summary
        if s is None:
            self.totals.clear()
            return
        self.coverage.show_coverage(s["coverage"])
        total, sessions = count_of(s["total"]), self.coverage.sessions()
        self.totals.setText(self.tr(
            "Complaints: <b>%1</b> · past the deadline: <b>%2</b> · socialization sessions: "
            "<b>%3</b>").replace("%1", str(total)).replace("%2", str(count_of(s["overdue"])))
            .replace("%3", str(sessions)))
        named = [(str(r.get("name") or r.get("code")), float(count_of(r.get("count"))))
                 for r in sorted(s["by_kecamatan"], key=lambda r: -count_of(r.get("count")))]
        self.charts["kecamatan"].set_data(named)
        cats = sorted(s["by_category"], key=lambda r: -count_of(r.get("count")))[:TOP_CATEGORIES]
        self.charts["category"].set_data([(str(r.get("name") or r.get("code")),
                                           float(count_of(r.get("count")))) for r in cats])
        self.charts["status"].set_data([(status_text(r.get("status")),
                                         float(count_of(r.get("count")))) for r in s["by_status"]])
        months = sorted(s["by_month"], key=lambda r: str(r.get("month")))
        self.charts["month"].set_data([(month_label(str(r.get("month"))),
                                        float(count_of(r.get("count")))) for r in months])
        self.village_model.set_rows(s["by_village"])

    def _set_columns(self) -> None:
        total = count_of(self.summary["total"]) if self.summary else 0
        self.village_model.set_columns([
            Column(self.tr("Village"), lambda r: r.get("name") or r.get("code")),
            Column(self.tr("Kecamatan"),
                   lambda r: region_name(self._regions, r.get("kecamatan_code"))),
            Column(self.tr("Complaints"), lambda r: count_of(r.get("count")), numeric=True),
            Column(self.tr("Share"), lambda r: count_of(r.get("count")),
                   text=lambda v: share_text(v, total), numeric=True)])

    # -- files -------------------------------------------------------------------------------
    def export(self, fmt: str, path: Path | None = None) -> bool:
        """Download the complaint rows of the chosen period as CSV or XLSX and save them."""
        client = self._client_or_say()
        period = self.selected_period()
        if client is None or period is None:
            return False
        if path is None:
            name_filter = (self.tr("CSV files (*.csv)") if fmt == "csv"
                           else self.tr("Excel workbooks (*.xlsx)"))
            path = FilePicker.ask_save_file(self, self.tr("Save the export"),
                                            Path(f"{period.file_stem()}.{fmt}"), name_filter)
            if path is None:
                return False
        target = path
        self._set_busy(True, self.tr("Downloading the export…"))
        run_in_background(lambda: download_export(client, period, fmt, target),
                          self._on_file_written, self._on_file_failed, owner=self,
                          name=f"report export {fmt}")
        return True

    def save_monthly_report(self, path: Path | None = None) -> bool:
        """The monthly PDF of the chosen month (and kecamatan), built from a fresh summary."""
        client = self._client_or_say()
        period = self.selected_period()
        if client is None or period is None or self.period_kind.currentIndex() != MONTH:
            return False
        if path is None:
            path = FilePicker.ask_save_file(self, self.tr("Save the monthly report"),
                                            Path(f"{period.file_stem()}.pdf"),
                                            self.tr("PDF files (*.pdf)"))
            if path is None:
                return False
        target = path
        area = area_text(self.kecamatan.currentText() if period.kecamatan_code else None)
        self._set_busy(True, self.tr("Preparing the monthly report…"))
        run_in_background(lambda: fetch_summary(client, period),
                          lambda s: self._write_report(s, period, area, target),
                          self._on_file_failed, owner=self, name="monthly report")
        return True

    def _write_report(self, summary: dict[str, Any], period: ReportPeriod, area: str,
                      path: Path) -> None:
        try:
            written, self.last_document = write_monthly_report(summary, period, area,
                                                               self._now(), path)
        except OSError as e:
            self._on_file_failed(FileNotWritten(type(e).__name__))
            return
        self._on_file_written(written)

    def _on_file_written(self, path: Path) -> None:
        self._set_busy(False, self.tr("Saved: %1").replace("%1", str(path)))
        self.file_saved.emit(str(path))

    def _on_file_failed(self, error: BaseException) -> None:
        self._set_busy(False, self.tr("Nothing was saved."))
        self._fail(error)

    # -- language ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        kind = max(0, self.period_kind.currentIndex())
        self.period_kind.blockSignals(True)
        self.period_kind.clear()
        self.period_kind.addItems([self.tr("Month"), self.tr("Date range"), self.tr("All")])
        self.period_kind.setCurrentIndex(kind)
        self.period_kind.blockSignals(False)
        fill_kecamatan_combo(self.kecamatan, self._regions, self.tr("All kecamatan"))
        self.period_label.setText(self.tr("&Period:"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.kecamatan_label.setText(self.tr("&Kecamatan:"))
        self.show_button.setText(self.tr("&Show"))
        self.csv_button.setText(self.tr("Export CSV…"))
        self.xlsx_button.setText(self.tr("Export XLSX…"))
        self.pdf_button.setText(self.tr("Monthly report (PDF)…"))
        self.pdf_button.setToolTip(self.tr("For one month: choose “Month” as the period."))
        for key, title in (("kecamatan", self.tr("Complaints by kecamatan")),
                           ("category", self.tr("Complaints by category (largest)")),
                           ("status", self.tr("Complaints by status")),
                           ("month", self.tr("Complaints by month"))):
            self.charts[key].set_title(title)
            self.charts[key].set_empty_text(self.tr("No data for this period."))
        self.tabs.setTabText(0, self.tr("Charts"))
        self.tabs.setTabText(1, self.tr("By village"))
        self.tabs.setTabText(2, self.tr("Socialization coverage"))
        self._set_columns()
        self._show_summary()
        if logged_in_client(self._client_getter) is None:
            self.status_label.setText(self.tr("Log in first: the reports come from the hub."))

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

