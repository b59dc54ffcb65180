"""UI layer: the "Perlu perbaikan" inbox of the village: complaints and sessions the district
returned for correction, each with the district's note and when it was returned, newest first.
Enter or a double click asks for the record to be opened; the box hides itself when nothing is
waiting and tells its count (for a badge)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from kim_desktop.core import Core
from kim_desktop.domain.enums import Entity
from kim_desktop.domain.errors import KimError
from kim_desktop.services.returned import ReturnedItem, ReturnedService
from ui.errors import show_error
from ui.formatting import datetime_text

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
ItemRole = Qt.ItemDataRole.UserRole + 1


class ReturnedListModel(QAbstractListModel):
    """One line per returned record: what it is, its title, the note and the date."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[ReturnedItem] = []

    def set_items(self, items: Sequence[ReturnedItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[ReturnedItem]:
        return list(self._items)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def _what(self, item: ReturnedItem) -> str:
        if item.entity is Entity.COMPLAINT:
            return self.tr("Complaint %1").replace("%1", item.tracking_no).strip()
        return self.tr("Session")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        note = item.note or self.tr("(no note)")
        if role == Qt.ItemDataRole.DisplayRole:
            return (f"{self._what(item)} · {item.title}\n"
                    f"{note} · {datetime_text(item.returned_at)}")
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return (self.tr("%1 \u201c%2\u201d returned on %3. District note: %4")
                    .replace("%1", self._what(item)).replace("%2", item.title)
                    .replace("%3", datetime_text(item.returned_at)).replace("%4", note))
        if role == ItemRole:
            return item
        return None

    def refresh_labels(self) -> None:
        if self._items:
            self.dataChanged.emit(self.index(0), self.index(len(self._items) - 1))


#: the newest returns listed here; all of them are in the report list's status filter
SHOWN_AT_MOST = 50


class ReturnedInbox(QWidget):
    """Compact list of what the district returned. `reload()` reads the store again."""

    open_complaint_requested = Signal(object)    # UUID
    open_activity_requested = Signal(object)     # UUID
    count_changed = Signal(int)

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = ReturnedService(core.ctx)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        self.model = ReturnedListModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.heading.setBuddy(self.view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view)
        self.view.activated.connect(self._on_view_activated)      # Enter, double click
        self._count = 0
        self.retranslate_ui()
        self.hide()

    def count(self) -> int:
        return self._count

    @Slot()
    def reload(self) -> None:
        try:
            items = self._service.items(limit=SHOWN_AT_MOST)
            total = self._service.count() if len(items) == SHOWN_AT_MOST else len(items)
        except KimError as e:
            show_error(self, e)
            return
        self.model.set_items(items)
        self._fit_height()
        if items and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0))
        changed = total != self._count
        self._count = total
        self.retranslate_ui()
        self.setVisible(bool(items))
        if changed:
            self.count_changed.emit(self._count)

    def _fit_height(self) -> None:
        """As tall as its rows, three at most: the list of reports stays the page's content."""
        shown = min(self.model.rowCount(), 3)
        if shown:
            rows = sum(self.view.sizeHintForRow(r) for r in range(shown))
            self.view.setFixedHeight(rows + 2 * self.view.frameWidth() + 2)

    @Slot(QModelIndex)
    def _on_view_activated(self, index: QModelIndex) -> None:
        item = index.data(ItemRole)
        if not isinstance(item, ReturnedItem):
            return
        if item.entity is Entity.COMPLAINT:
            self.open_complaint_requested.emit(item.id)
        else:
            self.open_activity_requested.emit(item.id)

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("&Needs correction (%1)").replace("%1", str(self._count)))
        self.view.setAccessibleName(self.tr("Records returned by the district for correction"))
        self.model.refresh_labels()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
