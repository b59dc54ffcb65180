"""UI layer: the socialization activities recorded on this computer (read-only list for now;
recording sessions and attendance is issue 5)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from kim_desktop.core import Core
from kim_desktop.domain.models import Activity
from kim_desktop.domain.reference import ReferenceData
from ui.errors import show_error
from ui.formatting import datetime_text
from ui.labels import status_label
from ui.tasks import run_in_background
from ui.widgets import STATUS_ROLE, StatusBadgeDelegate

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
COL_TITLE, COL_WHEN, COL_VILLAGE, COL_PEOPLE, COL_STATUS = range(5)
ItemRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2


class ActivityTableModel(QAbstractTableModel):
    def __init__(self, refs: ReferenceData, parent: Any = None) -> None:
        super().__init__(parent)
        self._refs = refs
        self._items: list[Activity] = []

    def set_items(self, items: Sequence[Activity]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (self.tr("Session"), self.tr("Time"), self.tr("Village"),
                 self.tr("Participants"), self.tr("Status"))
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        a, col = self._items[index.row()], index.column()
        if role == ItemRole:
            return a
        if role == STATUS_ROLE and col == COL_STATUS:
            return a.status
        if role == SortRole:
            return (a.content.title, a.content.starts_at.isoformat() if a.content.starts_at
                    else "", a.content.village_code, a.gender_counts["total"], a.status.value)[col]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == COL_TITLE:
            return a.content.title
        if col == COL_WHEN:
            return datetime_text(a.content.starts_at)
        if col == COL_VILLAGE:
            r = self._refs.regions.get(a.content.village_code)
            return r.name if r else a.content.village_code
        if col == COL_PEOPLE:
            c = a.gender_counts
            return self.tr("%1 (L %2 · P %3)").replace("%1", str(c["total"])) \
                .replace("%2", str(c["L"])).replace("%3", str(c["P"]))
        return status_label(a.status)

    def refresh_labels(self) -> None:
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, 4))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)


class ActivityListPage(QWidget):
    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self.loaded = False
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.intro = QLabel(wordWrap=True)
        self.model = ActivityTableModel(core.reference.data(), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(COL_STATUS, StatusBadgeDelegate(self.table))
        self.table.horizontalHeader().setSectionResizeMode(COL_TITLE,
                                                           QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_WHEN, 170), (COL_VILLAGE, 140), (COL_PEOPLE, 150),
                           (COL_STATUS, 190)):
            self.table.setColumnWidth(col, width)
        self.empty_label = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: palette(mid); font-size: 12pt; padding: 30px;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        self.retranslate_ui()
        self._update_empty()

    def reload(self) -> None:
        run_in_background(self._core.activities.list, self._on_loaded, self._on_load_failed,
                          owner=self, name="load activities")

    def _on_load_failed(self, error: BaseException) -> None:
        show_error(self, error)

    @Slot(object)
    def _on_loaded(self, items: list[Activity]) -> None:
        self.model.set_items(items)
        self.loaded = True
        self._update_empty()

    def _update_empty(self) -> None:
        empty = self.model.rowCount() == 0
        self.empty_label.setVisible(empty)
        self.table.setVisible(not empty)

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Socialization sessions"))
        self.intro.setText(self.tr("Sessions recorded on this computer, with attendance counted "
                                   "by gender from the attendance list."))
        self.empty_label.setText(self.tr("No socialization session has been recorded yet."))
        self.model.refresh_labels()

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
