"""UI layer: the socialization coverage tab of the district dashboard: sessions and participants
per kecamatan (table and chart), participants by gender, and the KIM villages without a session
in the last 90 days, all from the ``coverage`` part of the hub's report summary, with a note of
which villages count as having a KIM (``kim_basis``: the district's published list, or the
villages with an enrolled operator desk while none was published)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from ui.charts import BarChart
from ui.report_common import Column, RowTableModel, count_of, iso_date_text, table_view


def _name(r: Any) -> Any:
    return r.get("name") or r.get("code")


class CoverageTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.coverage: dict[str, Any] | None = None
        self.gender_label = QLabel(wordWrap=True)
        self.sessions_model = RowTableModel([])
        self.silent_model = RowTableModel([])
        self.chart = BarChart()
        self.sessions_title, self.silent_title = QLabel(), QLabel()
        self.basis_label = QLabel(wordWrap=True)
        grid = QGridLayout(self)
        grid.addWidget(self.gender_label, 0, 0, 1, 2)
        grid.addWidget(self.sessions_title, 1, 0)
        grid.addWidget(self.silent_title, 1, 1)
        grid.addWidget(table_view(self.sessions_model, self), 2, 0)
        grid.addWidget(table_view(self.silent_model, self), 2, 1)
        grid.addWidget(self.basis_label, 3, 1)
        grid.addWidget(self.chart, 4, 0, 1, 2)
        self.retranslate_ui()

    def sessions(self) -> int:
        return sum(count_of(r.get("sessions"))
                   for r in (self.coverage or {}).get("sessions_by_kecamatan", []))

    def show_coverage(self, coverage: dict[str, Any] | None) -> None:
        self.coverage = coverage
        if coverage is None:
            self.gender_label.clear()
            self.basis_label.clear()
            return
        self.basis_label.setText({
            "published": self.tr("KIM villages: as published by the district."),
            "enrolled": self.tr("KIM villages: the district has not published its list, so the "
                                "villages with an enrolled operator desk count."),
        }.get(str(coverage.get("kim_basis")), ""))
        gender = coverage.get("participants_by_gender") or {}
        self.gender_label.setText(self.tr("Participants: men (L) %1, women (P) %2.")
                                  .replace("%1", str(count_of(gender.get("L"))))
                                  .replace("%2", str(count_of(gender.get("P")))))
        by_kec = coverage["sessions_by_kecamatan"]
        self.chart.set_data([(str(_name(r)), float(count_of(r.get("sessions")))) for r in by_kec])
        self.sessions_model.set_rows(by_kec)
        self.silent_model.set_rows(coverage["kim_villages_without_session_90d"])

    def retranslate_ui(self) -> None:
        self.sessions_title.setText(self.tr("Sessions per kecamatan"))
        self.silent_title.setText(self.tr("KIM villages without a session in 90 days"))
        self.chart.set_title(self.tr("Socialization sessions by kecamatan"))
        self.chart.set_empty_text(self.tr("No sessions in this period."))
        self.sessions_model.set_columns([
            Column(self.tr("Kecamatan"), _name),
            Column(self.tr("Sessions"), lambda r: count_of(r.get("sessions")), numeric=True),
            Column(self.tr("Participants"), lambda r: count_of(r.get("participants")),
                   numeric=True)])
        self.silent_model.set_columns([
            Column(self.tr("Village"), _name),
            Column(self.tr("Kecamatan"), lambda r: r.get("kecamatan_name") or ""),
            Column(self.tr("Last session"), lambda r: r.get("last_session") or "",
                   text=lambda v: iso_date_text(v) or self.tr("never"))])
        self.show_coverage(self.coverage)

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
