"""UI layer: preview of a participant list read from an XLSX/CSV file, row by row with each row's
problems, before anything is added. Reading runs in the background
(``kim_desktop/services/participants_import.py``); only the valid rows are added, and only when
the user confirms."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kim_desktop.domain.models import Participant
from kim_desktop.services.participants_import import ImportPreview, ImportRow, preview_file
from ui.errors import show_error
from ui.i18n import current_language
from ui.tasks import run_in_background

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
_FIELDS = ("name", "gender", "age", "role", "dusun", "phone")
COL_LINE, COL_PROBLEMS = 0, 7
ItemRole = Qt.ItemDataRole.UserRole + 1
_BAD_COLOUR = (255, 225, 225)


class ImportPreviewModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[ImportRow, ...] = ()

    def set_preview(self, preview: ImportPreview) -> None:
        self.beginResetModel()
        self._rows = preview.rows
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else 8

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (self.tr("Row"), self.tr("Name"), self.tr("L/P"), self.tr("Age"),
                 self.tr("Role"), self.tr("Dusun"), self.tr("Phone"), self.tr("Problems"))
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, col = self._rows[index.row()], index.column()
        if role == ItemRole:
            return r
        if role == Qt.ItemDataRole.BackgroundRole and not r.ok:
            return QBrush(QColor(*_BAD_COLOUR))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == COL_LINE:
            return str(r.line)
        if col == COL_PROBLEMS:
            lang = current_language()
            return " ".join(p.message(lang) for p in r.problems)
        p = r.participant
        if p is not None:               # normalised values (L/P, age as a number)
            v = getattr(p, _FIELDS[col - 1])
            return "" if v is None else str(v)
        return r.values.get(_FIELDS[col - 1], "")


class ParticipantImportDialog(QDialog):
    loaded = Signal()

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.preview: ImportPreview | None = None
        self.resize(900, 560)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = ImportPreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(COL_PROBLEMS,
                                                           QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox()
        self.import_button: QPushButton = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        run_in_background(lambda: preview_file(path), self._on_preview_done,
                          self._on_preview_failed, owner=self, name="preview participants")

    def valid_participants(self) -> list[Participant]:
        return self.preview.valid if self.preview else []

    @Slot(object)
    def _on_preview_done(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.model.set_preview(preview)
        self.import_button.setEnabled(bool(preview.valid))
        self.retranslate_ui()
        self.loaded.emit()

    def _on_preview_failed(self, error: BaseException) -> None:
        self.summary.setText(self.tr("This file cannot be imported."))
        show_error(self, error)
        self.loaded.emit()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import participants"))
        pv = self.preview
        if pv is None:
            self.summary.setText(self.tr("Reading %1…").replace("%1", self.path.name))
            self.import_button.setText(self.tr("Import"))
            return
        text = self.tr("%1 rows can be imported, %2 rows have problems (shown in red and not "
                       "imported), %3 blank rows skipped.") \
            .replace("%1", str(len(pv.valid))).replace("%2", str(len(pv.invalid))) \
            .replace("%3", str(pv.blank_rows))
        if pv.ignored_columns:
            text += " " + self.tr("Columns not used: %1.").replace(
                "%1", ", ".join(pv.ignored_columns))
        if pv.duplicates:
            text += " " + self.tr("Listed more than once: %1").replace(
                "%1", ", ".join(pv.duplicates))
        self.summary.setText(text)
        self.import_button.setText(self.tr("Import %1 valid rows").replace(
            "%1", str(len(pv.valid))))

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
