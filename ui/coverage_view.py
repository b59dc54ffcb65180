"""UI layer: socialization coverage (``services/coverage.py``): sessions and participants by
gender per kecamatan (charts) and per village (table), and the villages with a KIM but no
session in the last 90 days. Opened from the sessions page as a window of its own."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kim_desktop.core import Core
from kim_desktop.services.coverage import Coverage, CoverageService, Tally
from ui.charts import BarChart
from ui.errors import show_error
from ui.formatting import date_text
from ui.tasks import run_in_background

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
COL_VILLAGE, COL_KECAMATAN, COL_SESSIONS, COL_MALE, COL_FEMALE, COL_TOTAL, COL_LAST = range(7)
SortRole = Qt.ItemDataRole.UserRole + 2


class VillageCoverageModel(QAbstractTableModel):
    """One row per village with sessions: counts by gender and the last session's date."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Tally] = []

    def set_rows(self, rows: Sequence[Tally]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (self.tr("Village"), self.tr("Kecamatan"), self.tr("Sessions"),
                 self.tr("Men (L)"), self.tr("Women (P)"), self.tr("Participants"),
                 self.tr("Last session"))
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        t = self._rows[index.row()]
        values: tuple[Any, ...] = (t.name, t.kecamatan, t.sessions, t.male, t.female, t.participants,
                                   t.last_session)
        value = values[index.column()]
        if role == SortRole:
            return value.isoformat() if index.column() == COL_LAST and value else value
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in range(2, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DisplayRole:
            return date_text(value) if index.column() == COL_LAST else value
        return None

    def refresh_labels(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)


class CoverageView(QWidget):
    """The coverage figures; `reload()` computes them again from the store (in background)."""

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = CoverageService(core.ctx, core.reference)
        self.coverage: Coverage | None = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.intro = QLabel(wordWrap=True)
        self.reload_button = QPushButton()
        self.reload_button.clicked.connect(self.reload)
        self.sessions_chart = BarChart()
        self.people_chart = BarChart()
        self.model = VillageCoverageModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)   # headers in full
        header.setSectionResizeMode(COL_VILLAGE, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(160)
        self.table_label = QLabel()
        self.table_label.setBuddy(self.table)
        self.idle_label = QLabel()
        self.idle = QLabel(wordWrap=True)
        self.idle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                          | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.idle.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.idle_label.setBuddy(self.idle)
        self.kim_note = QLabel(wordWrap=True)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.reload_button)
        charts = QHBoxLayout()
        charts.addWidget(self.sessions_chart, 1)
        charts.addWidget(self.people_chart, 1)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addLayout(charts)
        for w in (self.table_label, self.table, self.idle_label, self.idle, self.kim_note):
            inner.addWidget(w)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        self.retranslate_ui()

    @Slot()
    def reload(self) -> None:
        self.reload_button.setEnabled(False)
        run_in_background(self._service.coverage, self._on_loaded, self._on_load_failed,
                          owner=self, name="coverage")

    def _on_load_failed(self, error: BaseException) -> None:
        self.reload_button.setEnabled(True)
        show_error(self, error)

    def _on_loaded(self, coverage: Coverage) -> None:
        self.coverage = coverage
        self.reload_button.setEnabled(True)
        self._show()

    def _show(self) -> None:
        c = self.coverage
        if c is None:
            return
        kec = c.per_kecamatan
        self.sessions_chart.set_data([(t.name, t.sessions) for t in kec])
        self.people_chart.set_data([(t.name, t.male) for t in kec],
                                   second=[t.female for t in kec])
        self.model.set_rows(c.per_village)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        c = self.coverage
        self.heading.setText(self.tr("Socialization coverage"))
        self.reload_button.setText(self.tr("&Refresh"))
        self.sessions_chart.set_title(self.tr("Sessions per kecamatan"))
        self.people_chart.set_title(self.tr("Participants by gender per kecamatan"))
        self.people_chart.set_series_names(self.tr("Men (L)"), self.tr("Women (P)"))
        for chart in (self.sessions_chart, self.people_chart):
            chart.set_empty_text(self.tr("No sessions yet"))
        self.table_label.setText(self.tr("Sessions per &village"))
        self.model.refresh_labels()
        if c is None:
            self.intro.setText(self.tr("Counting…"))
            return
        t = c.totals
        self.intro.setText(
            self.tr("%1 sessions with %2 participants (men %3, women %4, not recorded %5). "
                    "Submitted sessions are counted, except rejected ones; drafts are not.")
            .replace("%1", str(t.sessions)).replace("%2", str(t.participants))
            .replace("%3", str(t.male)).replace("%4", str(t.female))
            .replace("%5", str(t.unknown)))
        self.idle_label.setText(self.tr("Villages with a KIM but no session since %1")
                                .replace("%1", date_text(c.since)))
        never = self.tr("never")
        lines = [f"{v.name} (Kec. {v.kecamatan}): "
                 + self.tr("last session %1").replace(
                     "%1", date_text(v.last_session) if v.last_session else never)
                 for v in c.idle_kim_villages]
        self.idle.setText("\n".join(lines) or self.tr("None: every KIM held a session."))
        self.kim_note.setText({
            "reference": self.tr("The villages with a KIM are those the district published."),
            "device": self.tr("The district has not published which villages have a KIM, so "
                              "only this office's own village is checked."),
            "none": self.tr("The district has not published which villages have a KIM and "
                            "this computer is not set up for one, so no village is checked."),
        }[c.kim_source])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class CoverageDialog(QDialog):
    """The coverage view in a window of its own (Esc closes it)."""

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = CoverageView(core, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(980, 700)
        self.setWindowTitle(self.view.heading.text())

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.view.reload()
