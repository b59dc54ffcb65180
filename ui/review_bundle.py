"""UI layer: "Impor bundel USB…" in the review workspace: a village without internet brings its
bundle on a USB stick; the reviewer picks the file, the hub imports it (the same idempotent path
as ``kim-hub import-bundle``: importing twice changes nothing), the summary is shown, and the
signed receipt bundle is saved where the reviewer chooses, to carry back to the village."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from kim_desktop.domain.errors import InvalidInput
from sync.client.review import BundleImport
from ui.dialogs import FilePicker
from ui.errors import FileNotWritten
from ui.review_common import ReviewContext
from ui.tasks import run_in_background
from ui.widgets import OK_COLOUR

#: the hub refuses larger uploads; checked here first to say so plainly
MAX_BUNDLE_BYTES = 512 * 1024 * 1024


def read_bundle_file(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BUNDLE_BYTES:
            raise InvalidInput(f"bundle file larger than {MAX_BUNDLE_BYTES // 2**20} MB")
        return path.read_bytes()
    except OSError as exc:
        raise InvalidInput("bundle file cannot be read") from exc


def write_file(path: Path, data: bytes) -> Path:
    """Write ``data`` whole or not at all (temp file in the same folder, then rename)."""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".receipt-", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise FileNotWritten("receipt bundle could not be written") from exc
    return path


class BundleImportBar(QWidget):
    imported = Signal(object)            # BundleImport

    def __init__(self, ctx: ReviewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.result: BundleImport | None = None
        self.saved_to: Path | None = None
        self.busy = False
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.choose_and_import)
        self.save_button = QPushButton()
        self.save_button.setVisible(False)
        self.save_button.clicked.connect(self.save_receipt)
        self.summary = QLabel(wordWrap=True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.save_button)
        layout.addWidget(self.import_button)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.import_button.setText(self.tr("Import &USB bundle…"))
        self.save_button.setText(self.tr("Save receipt again…"))
        self._show_summary()

    @Slot()
    def choose_and_import(self) -> None:
        if self.busy:
            return
        files = FilePicker.ask_open_files(self, self.tr("Choose the village's USB bundle"),
                                          self.tr("KIM bundles (*.kimbundle *.zip);;All files (*)"))
        if not files:
            return
        path = files[0]
        self.busy = True
        self.import_button.setEnabled(False)
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Importing %1…").replace("%1", path.name))
        run_in_background(lambda: read_bundle_file(path), self._upload, self._failed,
                          owner=self, name="review-bundle-read")

    def _upload(self, data: bytes) -> None:
        if not self._ctx.call(lambda c: c.upload_bundle(data), self._on_imported, owner=self,
                              name="review-bundle-upload", on_error=self._failed):
            self._reset()

    def _reset(self) -> None:
        self.busy = False
        self.import_button.setEnabled(True)

    def _failed(self, error: BaseException) -> None:
        self._reset()
        self._show_summary()
        self._ctx.on_error(error)

    def _on_imported(self, result: BundleImport) -> None:
        self._reset()
        self.result, self.saved_to = result, None
        self._show_summary()
        self.imported.emit(result)
        self.save_receipt()

    @Slot()
    def save_receipt(self) -> None:
        result = self.result
        if result is None:
            return
        suggested = Path.home() / (Path(result.receipt_name).name or "receipt.kimbundle")
        target = FilePicker.ask_save_file(self, self.tr("Save the receipt for the village"),
                                          suggested,
                                          self.tr("KIM bundles (*.kimbundle *.zip);;All files (*)"))
        if target is None:
            self._show_summary()
            return
        try:
            self.saved_to = write_file(target, result.receipt())
        except FileNotWritten as exc:
            self._ctx.on_error(exc)
        self._show_summary()

    def _show_summary(self) -> None:
        r = self.result
        self.save_button.setVisible(r is not None)
        if r is None:
            self.summary.clear()
            return
        refs = self._ctx.refs()
        text = self.tr("Bundle of %1 imported: %2 accepted, %3 already at the hub, %4 set "
                       "aside.").replace("%1", refs.village_label(r.village_code)) \
            .replace("%2", str(r.accepted)).replace("%3", str(r.duplicates)) \
            .replace("%4", str(r.set_aside))
        if self.saved_to is not None:
            text += " " + self.tr("Receipt saved: %1. Take it back to the village.") \
                .replace("%1", str(self.saved_to))
        else:
            text += " " + self.tr("The receipt is not saved yet.")
        self.summary.setStyleSheet(f"color: {OK_COLOUR};" if self.saved_to else "")
        self.summary.setText(text)
