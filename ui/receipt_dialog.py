"""UI layer: showing, saving and printing a complaint's receipt (see `ui.receipt`)."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from kim_desktop.core import Core
from kim_desktop.domain.deadlines import wita_date
from kim_desktop.domain.files import safe_filename
from kim_desktop.domain.models import Complaint
from ui.dialogs import FilePicker
from ui.errors import FileNotWritten, show_error
from ui.receipt import html_document, receipt_html, receipts_dir, submitted_at, write_pdf

log = logging.getLogger(__name__)


def render_receipt(core: Core, c: Complaint) -> str:
    moment = submitted_at(c)
    return receipt_html(c, core.reference.data(), core.device.profile_or_none(),
                        core.reference.calendar(), wita_date(moment))


def save_receipt(core: Core, c: Complaint) -> Path:
    """Write the receipt PDF into the data folder's receipts folder; returns its path."""
    path = receipts_dir(core.paths) / safe_filename(f"tanda-terima-{c.tracking_no}.pdf")
    write_pdf(html_document(render_receipt(core, c)), path, f"KIM {c.tracking_no}")
    log.info("receipt written for complaint %s", c.id)
    return path


class Printing:
    @classmethod
    def ask_print(cls, parent: QWidget | None, doc: QTextDocument) -> bool:
        """The print dialog; prints ``doc`` when the user confirms."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        doc.print_(printer)
        return True


class ReceiptDialog(QDialog):
    def __init__(self, core: Core, complaint: Complaint, pdf_path: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core, self.complaint, self.pdf_path = core, complaint, pdf_path
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.saved_label = QLabel(wordWrap=True)
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button, self.save_button, self.open_button, self.close_button = (
            QPushButton() for _ in range(4))
        self.print_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_receipt)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.open_button.setEnabled(pdf_path is not None)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.open_button, self.save_button, self.print_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.saved_label)
        layout.addLayout(buttons)
        self.resize(620, 760)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Receipt %1").replace("%1", self.complaint.tracking_no))
        self.preview.setHtml(render_receipt(self._core, self.complaint))
        self.saved_label.setText(
            self.tr("Saved as PDF: %1").replace("%1", str(self.pdf_path)) if self.pdf_path
            else self.tr("The PDF could not be saved; you can still print."))
        self.print_button.setText(self.tr("Print…"))
        self.save_button.setText(self.tr("Save PDF copy…"))
        self.open_button.setText(self.tr("Open PDF"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @Slot()
    def print_receipt(self) -> bool:
        return Printing.ask_print(self, html_document(render_receipt(self._core,
                                                                        self.complaint)))

    @Slot()
    def _on_save_clicked(self) -> None:
        target = FilePicker.ask_save_file(
            self, self.tr("Save receipt as PDF"),
            Path.home() / safe_filename(f"tanda-terima-{self.complaint.tracking_no}.pdf"),
            self.tr("PDF (*.pdf)"))
        if target is None:
            return
        try:
            if self.pdf_path is not None and self.pdf_path.exists():
                shutil.copyfile(self.pdf_path, target)
            else:
                write_pdf(html_document(render_receipt(self._core, self.complaint)), target,
                          f"KIM {self.complaint.tracking_no}")
        except OSError as e:
            show_error(self, FileNotWritten(type(e).__name__))

    @Slot()
    def _on_open_clicked(self) -> None:
        if self.pdf_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf_path)))
