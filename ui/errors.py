"""UI layer: every error reaches the user as a plain message with a next step and "copy details".

`error_text()` maps a `KimError.code` to translated text (never the exception's text, which is
English and meant for logs). `ErrorDialog` shows it; the details that "Salin rincian" copies hold
the code, the error class, the app version and the log file, never a traceback on screen.
`ExceptionReporter` is what ``sys.excepthook`` and ``threading.excepthook`` call: it logs the
traceback and shows one generic dialog (a burst of errors shows one dialog, not a pile).
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from datetime import UTC, datetime
from types import TracebackType
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from kim_desktop import __version__
from kim_desktop.domain.errors import KimError, ValidationFailed
from ui.i18n import current_language

log = logging.getLogger(__name__)


_TEXTS: dict[str, tuple[object, object]] = {  # code: (what happened, what to do next)
    "invalid": (
        QT_TRANSLATE_NOOP("Errors", "Some entries are missing or not valid; nothing was saved."),
        QT_TRANSLATE_NOOP("Errors", "Correct the marked fields and try again.")),
    "invalid_input": (
        QT_TRANSLATE_NOOP("Errors", "The input could not be read."),
        QT_TRANSLATE_NOOP("Errors", "Check the file or the value you entered and try again.")),
    "not_found": (
        QT_TRANSLATE_NOOP("Errors", "This record no longer exists on this computer."),
        QT_TRANSLATE_NOOP("Errors", "Go back to the list and search for it again.")),
    "invalid_transition": (
        QT_TRANSLATE_NOOP("Errors", "This action is not possible in the record's current status."),
        QT_TRANSLATE_NOOP("Errors", "Go back to the list; the status may have changed meanwhile.")),
    "not_initialised": (
        QT_TRANSLATE_NOOP("Errors", "This computer has not been set up yet."),
        QT_TRANSLATE_NOOP("Errors", "Complete the first-run setup (village, KIM name, operator).")),
    "store": (
        QT_TRANSLATE_NOOP("Errors", "The data store cannot be used right now."),
        QT_TRANSLATE_NOOP("Errors", "Close the app and open it again. If it happens again, contact "
                                    "Diskominfo-SP.")),
    "store_locked": (
        QT_TRANSLATE_NOOP("Errors", "The data store is in use by another program."),
        QT_TRANSLATE_NOOP("Errors", "Close other KIM windows or the kim command, then try again.")),
    "store_read_only": (
        QT_TRANSLATE_NOOP("Errors", "The data folder cannot be written to."),
        QT_TRANSLATE_NOOP("Errors", "Check the folder's permissions or ask your IT helper.")),
    "disk_full": (
        QT_TRANSLATE_NOOP("Errors", "The disk is full; nothing was saved."),
        QT_TRANSLATE_NOOP("Errors", "Free some disk space (delete unneeded files), then try again.")),
    "store_too_new": (
        QT_TRANSLATE_NOOP("Errors", "This data was written by a newer version of KIM Desktop."),
        QT_TRANSLATE_NOOP("Errors", "Install the newest version of KIM Desktop; your data was not changed.")),
    "store_corrupt": (
        QT_TRANSLATE_NOOP("Errors", "The data store file is damaged."),
        QT_TRANSLATE_NOOP("Errors", "Restore the latest backup (ask Diskominfo-SP for help).")),
    "sync_failed": (
        QT_TRANSLATE_NOOP("Errors", "Synchronization failed."),
        QT_TRANSLATE_NOOP("Errors", "Your data is kept on this computer. Try again later.")),
    "offline": (
        QT_TRANSLATE_NOOP("Errors", "The district hub cannot be reached (no connection)."),
        QT_TRANSLATE_NOOP("Errors", "Your data is kept and will be sent when the connection returns.")),
    "hub_unavailable": (
        QT_TRANSLATE_NOOP("Errors", "The district hub has a problem right now."),
        QT_TRANSLATE_NOOP("Errors", "Your data is kept. Try again later.")),
    "outcome_unknown": (
        QT_TRANSLATE_NOOP("Errors", "It is not yet known whether the last sending arrived."),
        QT_TRANSLATE_NOOP("Errors", "Nothing is lost: it is checked at the next synchronization.")),
    "not_enrolled": (
        QT_TRANSLATE_NOOP("Errors", "This computer is not registered with the district hub."),
        QT_TRANSLATE_NOOP("Errors", "Open Settings, section “Registration with the hub”, enter the "
                                    "hub address and the one-time code from Diskominfo-SP and "
                                    "press “Register”.")),
    "enrolment_revoked": (
        QT_TRANSLATE_NOOP("Errors", "The district has revoked this computer's registration."),
        QT_TRANSLATE_NOOP("Errors", "Ask Diskominfo-SP for a new enrolment code and register again.")),
    "enrolment_refused": (
        QT_TRANSLATE_NOOP("Errors", "The enrolment code was refused (wrong, used or expired)."),
        QT_TRANSLATE_NOOP("Errors", "Ask Diskominfo-SP for a new enrolment code.")),
    "update_required": (
        QT_TRANSLATE_NOOP("Errors", "This version of KIM Desktop is too old for the district hub."),
        QT_TRANSLATE_NOOP("Errors", "Install the newest version of KIM Desktop.")),
    "hub_refused": (
        QT_TRANSLATE_NOOP("Errors", "The district hub refused the request."),
        QT_TRANSLATE_NOOP("Errors", "Copy the details and send them to Diskominfo-SP.")),
    "login_expired": (QT_TRANSLATE_NOOP("Errors", "Your login to the hub has expired."),
                      QT_TRANSLATE_NOOP("Errors", "Log in again; nothing was changed.")),
    "too_many_attempts": (QT_TRANSLATE_NOOP("Errors", "Too many login attempts."),
                          QT_TRANSLATE_NOOP("Errors", "Wait 15 minutes, then try again.")),
    "record_locked": (QT_TRANSLATE_NOOP("Errors", "Another reviewer is working on this record."),
                      QT_TRANSLATE_NOOP("Errors", "Open another record or try again later.")),
    "bundle_invalid": (QT_TRANSLATE_NOOP("Errors", "The bundle was refused: it was changed, "
                                                   "damaged or is not from a known computer."),
                       QT_TRANSLATE_NOOP("Errors", "Ask the village to make a new bundle.")),
    "file_not_written": (
        QT_TRANSLATE_NOOP("Errors", "The file could not be written."),
        QT_TRANSLATE_NOOP("Errors", "Choose another folder (for example Documents) or check that "
                                    "the disk is not full.")),
    "keyring_unavailable": (
        QT_TRANSLATE_NOOP("Errors", "The system's password store is not available."),
        QT_TRANSLATE_NOOP("Errors", "Registration is kept only while the app runs; ask your IT helper to "
                                    "enable the password store.")),
}

_UNEXPECTED = (QT_TRANSLATE_NOOP("Errors", "Something unexpected went wrong. Saved data is safe."),
               QT_TRANSLATE_NOOP("Errors", "Close the app and open it again. If it happens again, "
                                 "copy the details and send them to Diskominfo-SP."))


class FileNotWritten(KimError):
    """A file the user asked for (a receipt copy) could not be written."""

    code = "file_not_written"


def error_text(code: str) -> tuple[str, str]:
    """(What happened, what to do next) for an error code, in the current language."""
    message, next_step = _TEXTS.get(code, _UNEXPECTED)
    return (QCoreApplication.translate("Errors", str(message)),
            QCoreApplication.translate("Errors", str(next_step)))


def log_file_path() -> str:
    for h in logging.getLogger().handlers:
        name = getattr(h, "baseFilename", None)
        if name:
            return str(name)
    return ""


def error_details(error: BaseException, tb_text: str = "") -> str:
    """What "copy details" copies: ids and codes, no personal data."""
    code = error.code if isinstance(error, KimError) else "unexpected"
    lines = [f"KIM Desktop {__version__}", f"time: {datetime.now(UTC).isoformat(timespec='seconds')}",
             f"code: {code}", f"error: {type(error).__module__}.{type(error).__name__}"]
    if isinstance(error, ValidationFailed):
        lines += [f"problem: {p.field} {p.code}" for p in error.problems]
    elif isinstance(error, KimError):
        lines.append(f"message: {error}")
    if path := log_file_path():
        lines.append(f"log: {path}")
    if tb_text:
        lines += ["", tb_text.rstrip()]
    return "\n".join(lines)


class ErrorDialog(QDialog):
    """A plain message, a next step, "Salin rincian" and "Tutup"."""

    def __init__(self, error: BaseException, parent: QWidget | None = None,
                 tb_text: str = "") -> None:
        super().__init__(parent)
        self.error = error
        self.details = error_details(error, tb_text)
        self.code = error.code if isinstance(error, KimError) else "unexpected"
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(40, 40))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message_label = QLabel(wordWrap=True)
        self.message_label.setStyleSheet("font-weight: bold;")
        self.problems_label = QLabel(wordWrap=True)
        self.next_label = QLabel(wordWrap=True)
        self.copied_label = QLabel()
        self.copy_button = QPushButton()
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.close_button = QPushButton()
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.accept)
        text = QVBoxLayout()
        for w in (self.message_label, self.problems_label, self.next_label):
            text.addWidget(w)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copied_label, 1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("KIM Desktop: a problem"))
        message, next_step = error_text(self.code)
        self.message_label.setText(message)
        self.next_label.setText(next_step)
        if isinstance(self.error, ValidationFailed):
            lang = current_language()
            self.problems_label.setText("\n".join(f"• {p.message(lang)}"
                                                  for p in self.error.problems))
        self.problems_label.setVisible(isinstance(self.error, ValidationFailed))
        self.copy_button.setText(self.tr("Copy details"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @Slot()
    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copied_label.setText(self.tr("Details copied."))

    @classmethod
    def present(cls, parent: QWidget | None, error: BaseException, tb_text: str = ""
                ) -> ErrorDialog:
        """Show without blocking (window-modal); tests find or replace it here."""
        if not isinstance(error, KimError) and not tb_text:
            tb_text = "".join(traceback.format_exception(error))
            log.error("unexpected error shown to the user", exc_info=error)
        dlg = cls(error, parent, tb_text)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()
        return dlg


def show_error(parent: QWidget | None, error: BaseException) -> ErrorDialog:
    """The one way pages report an error to the user."""
    if isinstance(error, KimError):
        log.info("error shown: %s", error.code)
    return ErrorDialog.present(parent, error)


class ExceptionReporter(QObject):
    """Target of ``sys.excepthook`` and ``threading.excepthook``: log, then one generic dialog."""

    unexpected = Signal(object, str)     # exception, traceback text (queued to the GUI thread)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._dialog: ErrorDialog | None = None
        self.count = 0
        self.unexpected.connect(self._on_unexpected)
        self._previous: tuple[Any, Any] | None = None

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def handle(self, exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("unexpected error", exc_info=(exc_type, exc, tb))
        self.count += 1
        self.unexpected.emit(exc, "".join(traceback.format_exception(exc_type, exc, tb)))

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(object, str)
    def _on_unexpected(self, exc: BaseException, tb_text: str) -> None:
        if self._dialog is not None and self._dialog.isVisible():
            return          # one dialog for a burst of errors
        self._dialog = ErrorDialog.present(_active_window(), exc, tb_text)
        self._dialog.finished.connect(self._on_dialog_finished)

    @Slot()
    def _on_dialog_finished(self) -> None:
        self._dialog = None


def _active_window() -> QWidget | None:
    from PySide6.QtWidgets import QApplication

    return QApplication.activeWindow()
