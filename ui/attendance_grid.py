"""UI layer: the attendance grid, built for typing at the door.

Enter commits the cell and moves on to the next one (the next row after the last column); in the
L/P column one key (L, P, M or F) sets the gender and moves on; age accepts digits only; role
offers the usual roles and takes free text. Duplicate names are flagged and the counts by gender
and age band are shown live.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Slot
from PySide6.QtGui import QFocusEvent, QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.attendance_model import (
    AGE_BANDS,
    COL_AGE,
    COL_GENDER,
    COL_NAME,
    COL_PHONE,
    COL_ROLE,
    ROLE_CHOICES,
    AttendanceTableModel,
)

Index = QModelIndex | QPersistentModelIndex
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_GENDER_KEYS = {Qt.Key.Key_L: "L", Qt.Key.Key_M: "L", Qt.Key.Key_P: "P", Qt.Key.Key_F: "P"}


class AttendanceDelegate(QStyledItemDelegate):
    """Editors per column; Enter (and a gender key) commit and move to the next cell."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: Index) -> QWidget:
        col = index.column()
        if col == COL_ROLE:
            combo = QComboBox(parent)
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.addItems(ROLE_CHOICES)
            combo.setObjectName("role_editor")
            return combo
        edit = QLineEdit(parent)
        if col == COL_AGE:
            edit.setValidator(QIntValidator(0, 120, edit))
            edit.setMaxLength(3)
        elif col == COL_GENDER:
            edit.setMaxLength(1)
            edit.setProperty("gender_editor", True)
        elif col == COL_PHONE:
            edit.setMaxLength(32)
        return edit

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if isinstance(editor, QComboBox):
            editor.setEditText(text)
        elif isinstance(editor, QLineEdit):
            editor.setText(text)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText())
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(editor, QWidget) \
                and isinstance(event, QKeyEvent):
            key = Qt.Key(event.key())
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if key in _ENTER and mods == Qt.KeyboardModifier.NoModifier:
                self._commit_and_next(editor)
                return True
            if editor.property("gender_editor") and isinstance(editor, QLineEdit):
                if key in _GENDER_KEYS:
                    editor.setText(_GENDER_KEYS[key])
                    self._commit_and_next(editor)
                    return True
                if event.text() and event.text().isprintable():
                    return True                           # nothing else goes in L/P
        return super().eventFilter(editor, event)

    def _commit_and_next(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)


class AttendanceView(QTableView):
    """Enter on a cell that is not being edited also moves on (and starts editing there).

    Qt repaints the whole viewport whenever the view gains or loses the keyboard focus (the
    selection's colours depend on it). In this grid the focus goes back and forth between the
    view and its own cell editor at every Enter, so those two repaints would be paid on each
    cell: with a screenful of rows they made Enter the slowest key. Focus moving between the
    view and its editor therefore skips them; the cells that change repaint themselves.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._focus_in_editor = False

    def _is_own_editor(self, widget: QWidget | None) -> bool:
        return widget is not None and self.viewport().isAncestorOf(widget)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self._is_own_editor(QApplication.focusWidget()):
            self._focus_in_editor = True
            event.accept()
            return
        super().focusOutEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self._focus_in_editor:
            self._focus_in_editor = False
            event.accept()
            self.viewport().update(self.visualRect(self.currentIndex()))   # its focus frame
            return
        super().focusInEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        current = self.currentIndex()
        if key in _ENTER and current.isValid() \
                and self.state() != QAbstractItemView.State.EditingState:
            self.move_next(current)
            return
        super().keyPressEvent(event)

    def move_next(self, current: QModelIndex) -> None:
        model = self.model()
        row, col = current.row(), current.column() + 1
        if col >= model.columnCount():
            row, col = row + 1, COL_NAME
        row = min(row, model.rowCount() - 1)
        nxt = model.index(row, col)
        self.setCurrentIndex(nxt)
        self.edit(nxt)


class AttendanceGrid(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AttendanceTableModel(self)
        self.view = AttendanceView()
        self.view.setObjectName("attendance_view")
        self.view.setModel(self.model)
        self.view.setItemDelegate(AttendanceDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                  | QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setTabKeyNavigation(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_GENDER, 50), (COL_AGE, 60), (COL_ROLE, 150)):
            self.view.setColumnWidth(col, width)
        self.counts_label = QLabel()
        self.duplicate_label = QLabel()
        self.duplicate_label.setWordWrap(True)
        self.duplicate_label.setStyleSheet("color: #a15c00;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.duplicate_label)
        self.model.counts_changed.connect(self._on_model_counts_changed)
        self.model.duplicates_changed.connect(self._on_model_duplicates_changed)
        self.retranslate_ui()

    def start_entry(self) -> None:
        """Put the cursor on the blank row's name, ready to type."""
        idx = self.model.index(self.model.rowCount() - 1, COL_NAME)
        self.view.setFocus()
        self.view.setCurrentIndex(idx)

    def remove_selected(self) -> None:
        self.model.remove_rows([i.row() for i in self.view.selectionModel().selectedIndexes()])

    @Slot()
    def _on_model_counts_changed(self) -> None:
        c = self.model.counts()
        bands = " · ".join(f"{k} {c.age_bands[k]}" for k, _, _ in AGE_BANDS)
        self.counts_label.setText(
            self.tr("Participants: %1 (L %2 · P %3 · not recorded %4) · Age: %5 · unknown %6")
            .replace("%1", str(c.gender["total"])).replace("%2", str(c.gender["L"]))
            .replace("%3", str(c.gender["P"])).replace("%4", str(c.gender["unknown"]))
            .replace("%5", bands).replace("%6", str(c.age_bands["?"])))

    @Slot()
    def _on_model_duplicates_changed(self) -> None:
        names = self.model.duplicate_names()
        self.duplicate_label.setVisible(bool(names))
        self.duplicate_label.setText(
            self.tr("Listed more than once: %1").replace("%1", ", ".join(names)) if names else "")

    def retranslate_ui(self) -> None:
        self.model.refresh_labels()
        self._on_model_counts_changed()
        self._on_model_duplicates_changed()

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
