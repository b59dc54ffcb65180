"""UI layer: small shared pieces: the message shown beside a field, the status badge delegate,
combo boxes that filter as you type."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from kim_desktop.domain.enums import Status
from ui.labels import status_colours, status_label

#: Role that carries a `Status` for the badge delegate.
STATUS_ROLE = Qt.ItemDataRole.UserRole + 10

ERROR_COLOUR = "#b3261e"
WARNING_COLOUR = "#8a5a00"
OK_COLOUR = "#1d7a1a"


class FieldMessage(QLabel):
    """The message beside a field: red for an error, amber for a warning, green for "ok",
    hidden when none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.severity = ""
        self.hide()

    def show_problem(self, text: str, severity: str = "error") -> None:
        self.severity = severity
        colour = {"error": ERROR_COLOUR, "ok": OK_COLOUR}.get(severity, WARNING_COLOUR)
        self.setStyleSheet(f"color: {colour};")
        self.setText(text)
        self.setVisible(bool(text))

    def clear_problem(self) -> None:
        self.severity = ""
        self.setText("")
        self.hide()


def make_filtering_combo(combo: QComboBox) -> QComboBox:
    """Editable combo whose popup filters by any part of the text, ignoring case."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = QCompleter(combo.model(), combo)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    combo.setCompleter(completer)
    return combo


def combo_select_data(combo: QComboBox, value: object) -> bool:
    """Select the item whose data is ``value``; False (and nothing selected) when absent."""
    i = combo.findData(value)
    combo.setCurrentIndex(i)
    return i >= 0


def combo_data(combo: QComboBox) -> object:
    """The data of the chosen item, or None when the typed text names no item."""
    i = combo.currentIndex()
    if i < 0 or (combo.isEditable() and combo.currentText() != combo.itemText(i)):
        return None
    return combo.itemData(i)


def fit_columns_to_text(view: QTableView) -> None:
    """Keep a table's columns as wide as their text as rows come and go. The header's
    ResizeToContents mode alone sizes them once, to the header labels, and does not look again
    when rows are inserted later (the cells were elided)."""
    model = view.model()
    header = view.horizontalHeader()
    pending = [False]

    def fit() -> None:
        pending[0] = False
        header.resizeSections(QHeaderView.ResizeMode.ResizeToContents)

    def later(*_: object) -> None:
        if not pending[0]:
            pending[0] = True
            QTimer.singleShot(0, view, fit)

    for signal in (model.rowsInserted, model.modelReset, model.dataChanged,
                   model.layoutChanged):
        signal.connect(later)


def _status_of(index: QModelIndex | QPersistentModelIndex) -> Status | None:
    """The status in STATUS_ROLE (Qt hands a StrEnum back as a plain string)."""
    raw = index.data(STATUS_ROLE)
    try:
        return Status(raw) if raw else None
    except ValueError:
        return None


class StatusBadgeDelegate(QStyledItemDelegate):
    """Paints a status as a rounded coloured badge with its translated label."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        status = _status_of(index)
        if status is None:
            super().paint(painter, option, index)
            return
        opt: Any = QStyleOptionViewItem(option)     # the stubs lack its inherited fields
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        bg, fg = status_colours(status)
        text = status_label(status)
        fm = QFontMetrics(opt.font)
        w = min(fm.horizontalAdvance(text) + 20, opt.rect.width() - 6)
        h = fm.height() + 6
        rect = QRectF(opt.rect.x() + 4, opt.rect.center().y() - h / 2 + 1, w, h)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bg)
        painter.drawRoundedRect(rect, h / 2, h / 2)
        painter.setPen(fg)
        painter.drawText(rect.adjusted(9, 0, -9, 0), int(Qt.AlignmentFlag.AlignVCenter),
                         fm.elidedText(text, Qt.TextElideMode.ElideRight, int(w) - 18))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        status = _status_of(index)
        if status is not None:
            fm = QFontMetrics(option.font)  # type: ignore[attr-defined]
            size.setWidth(fm.horizontalAdvance(status_label(status)) + 28)
            size.setHeight(max(size.height(), fm.height() + 10))
        return size
