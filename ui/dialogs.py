"""UI layer: the small questions and notices (confirm, pick files, pick a save path, tell).

Each is a classmethod (``ask*``, ``tell``) so tests replace it with ``monkeypatch.setattr`` instead of
clicking through a modal dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class ConfirmDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, yes_text: str,
            no_text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                          parent)
        yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(no_text, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.exec()
        return box.clickedButton() is yes


class FilePicker:
    @classmethod
    def ask_open_files(cls, parent: QWidget | None, title: str, name_filter: str) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(parent, title, "", name_filter)
        return [Path(n) for n in names]

    @classmethod
    def ask_save_file(cls, parent: QWidget | None, title: str, suggested: Path,
                      name_filter: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), name_filter)
        return Path(name) if name else None


class Notice:
    @classmethod
    def tell(cls, parent: QWidget | None, title: str, text: str, *,
             warning: bool = True) -> QMessageBox:
        """A message with one OK button, shown without blocking (window-modal)."""
        icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box
