"""UI layer: forwarding a verified complaint to SP4N-LAPOR! from the review workspace: through the
LAPOR! API ("Teruskan lewat API") or by hand (the manual sheet to re-key at lapor.go.id, shown,
copied or printed, then the LAPOR! tracking id entered), and a later LAPOR! status entered by
hand (the text as LAPOR! shows it, optionally mapped to one of our statuses)."""

from __future__ import annotations

import re
import uuid
from typing import Any, Literal

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kim_desktop.domain.enums import Status
from sync.client.review import LAPOR_STATUSES, ForwardState, RecordDetail
from ui.formatting import datetime_text
from ui.review_common import ReviewContext, status_text
from ui.widgets import FieldMessage, combo_data

TRACKING_ID = re.compile(r"^[0-9A-Za-z-]{1,64}$")
#: statuses from which a complaint can be forwarded or carry a LAPOR! status
FORWARDABLE = (Status.VERIFIED.value,)
LAPOR_CHAIN = (Status.FORWARDED.value, Status.DISPOSITIONED.value, Status.IN_PROGRESS.value,
               Status.RESOLVED.value)


class LaporSheetDialog(QDialog):
    """The manual sheet: read, copy or print it, then key it in at lapor.go.id."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = text
        self.view = QPlainTextEdit(text)
        self.view.setReadOnly(True)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.clicked.connect(self.copy)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.clicked.connect(self.print_sheet)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Key this in at lapor.go.id, then enter the LAPOR! "
                                        "tracking id in the review workspace."), wordWrap=True))
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Sheet for SP4N-LAPOR!"))
        self.resize(620, 520)

    @Slot()
    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text)
        self.copy_button.setText(self.tr("Copied"))

    @Slot()
    def print_sheet(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            QTextDocument(self.text).print_(printer)

    @classmethod
    def present(cls, parent: QWidget | None, text: str) -> LaporSheetDialog:
        """Shown without blocking; tests find it here."""
        dlg = cls(text, parent)
        dlg.open()
        return dlg


class ForwardPanel(QGroupBox):
    changed = Signal(object)          # record id whose forwarding or status changed

    def __init__(self, ctx: ReviewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.detail: RecordDetail | None = None
        self.allowed = False
        self.state: ForwardState | None = None
        self.sheet_dialog: LaporSheetDialog | None = None
        self.state_label = QLabel(wordWrap=True)
        self.http_button, self.manual_button = QPushButton(), QPushButton()
        self.sheet_button = QPushButton()
        self.http_button.clicked.connect(lambda: self.forward("http"))
        self.manual_button.clicked.connect(lambda: self.forward("manual"))
        self.sheet_button.clicked.connect(self.show_sheet)
        self.tracking_edit = QLineEdit()
        self.tracking_edit.setMaxLength(64)
        self.tracking_button = QPushButton()
        self.tracking_button.clicked.connect(self.save_tracking_id)
        self.raw_edit = QLineEdit()
        self.raw_edit.setMaxLength(200)
        self.status_combo = QComboBox()
        self.status_button = QPushButton()
        self.status_button.clicked.connect(self.save_lapor_status)
        self.message = FieldMessage()
        row = QHBoxLayout()
        for b in (self.http_button, self.manual_button, self.sheet_button):
            row.addWidget(b)
        track = QHBoxLayout()
        track.addWidget(self.tracking_edit, 1)
        track.addWidget(self.tracking_button)
        lapor = QHBoxLayout()
        lapor.addWidget(self.raw_edit, 2)
        lapor.addWidget(self.status_combo, 1)
        lapor.addWidget(self.status_button)
        self._labels = [QLabel(), QLabel()]
        self._labels[0].setBuddy(self.tracking_edit)
        self._labels[1].setBuddy(self.raw_edit)
        form = QFormLayout(self)
        form.addRow(self.state_label)
        form.addRow(row)
        form.addRow(self._labels[0], track)
        form.addRow(self._labels[1], lapor)
        form.addRow(self.message)
        self.retranslate_ui()
        self.set_record(None, allowed=False)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Forwarding to SP4N-LAPOR!"))
        self.http_button.setText(self.tr("Forward via the LAPOR! API"))
        self.manual_button.setText(self.tr("Forward by hand"))
        self.sheet_button.setText(self.tr("Show the manual sheet"))
        self.tracking_button.setText(self.tr("Save tracking id"))
        self.tracking_edit.setPlaceholderText(self.tr("e.g. LPR-2026-000123"))
        self.raw_edit.setPlaceholderText(self.tr("Status as shown at lapor.go.id"))
        self.status_button.setText(self.tr("Save LAPOR! status"))
        current = self.status_combo.currentData()
        self.status_combo.clear()
        self.status_combo.addItem(self.tr("(same status)"), None)
        for s in LAPOR_STATUSES:
            self.status_combo.addItem(status_text(s), s)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(current)))
        self._labels[0].setText(self.tr("LAPOR! tracking id"))
        self._labels[1].setText(self.tr("LAPOR! status"))
        self._show_state()

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- state -------------------------------------------------------------------------------
    def set_record(self, detail: RecordDetail | None, *, allowed: bool,
                   state: ForwardState | None = None) -> None:
        if detail is None or self.detail is None or detail.id != self.detail.id:
            self.tracking_edit.clear()
            self.raw_edit.clear()
            self.message.clear_problem()
        self.detail, self.allowed, self.state = detail, allowed, state
        self.setVisible(detail is not None and detail.entity == "complaint")
        self._show_state()

    def _show_state(self) -> None:
        d, st = self.detail, self.state
        if st is None:
            self.state_label.setText(self.tr("Not forwarded yet."))
        else:
            via = self.tr("LAPOR! API") if st.via == "http" else self.tr("by hand")
            text = self.tr("Forwarding (%1): %2, attempts %3.").replace("%1", via) \
                .replace("%2", st.state).replace("%3", str(st.attempts))
            if st.lapor_tracking_id:
                text += " " + self.tr("LAPOR! tracking id: %1.").replace(
                    "%1", st.lapor_tracking_id)
            if st.last_error:
                text += " " + self.tr("Last problem: %1 (next try %2).").replace(
                    "%1", st.last_error).replace("%2", datetime_text(st.next_attempt_at))
            self.state_label.setText(text)
        status = d.status if d else ""
        can = self.allowed and d is not None
        self.http_button.setEnabled(can and status in FORWARDABLE and st is None)
        self.manual_button.setEnabled(can and status in FORWARDABLE and st is None)
        self.sheet_button.setEnabled(d is not None and status in (*FORWARDABLE, *LAPOR_CHAIN))
        manual = st is not None and st.via == "manual" and not st.lapor_tracking_id
        self.tracking_edit.setEnabled(can and manual)
        self.tracking_button.setEnabled(can and manual)
        for w in (self.raw_edit, self.status_combo, self.status_button):
            w.setEnabled(can and status in LAPOR_CHAIN)

    def load_state(self) -> None:
        """Ask the hub where the forward of the shown record stands."""
        if self.detail is None or self.detail.entity != "complaint":
            return
        rid = self.detail.id
        self._ctx.call(lambda c: c.forwarding(rid), lambda s: self._on_state(rid, s), owner=self,
                       name="review-forwarding")

    def _on_state(self, record_id: uuid.UUID, state: ForwardState | None) -> None:
        if self.detail is not None and self.detail.id == record_id:
            self.state = state
            self._show_state()

    # -- actions -----------------------------------------------------------------------------
    def forward(self, via: Literal["http", "manual"]) -> None:
        if self.detail is None:
            return
        rid = self.detail.id
        self.message.show_problem(self.tr("Forwarding…"), "warning")

        def done(state: ForwardState) -> None:
            self._on_state(rid, state)
            self.message.show_problem(self.tr("Queued for SP4N-LAPOR!."), "ok")
            if via == "manual":
                self.show_sheet()
            self.changed.emit(rid)

        self._ctx.call(lambda c: c.forward(rid, via), done, owner=self, name="review-forward",
                       on_error=self._failed)

    @Slot()
    def show_sheet(self) -> None:
        if self.detail is None:
            return
        rid = self.detail.id
        self._ctx.call(lambda c: c.lapor_sheet(rid), self._present_sheet, owner=self,
                       name="review-sheet")

    def _present_sheet(self, text: str) -> None:
        self.sheet_dialog = LaporSheetDialog.present(self, text)

    @Slot()
    def save_tracking_id(self) -> None:
        value = self.tracking_edit.text().strip()
        if not TRACKING_ID.match(value):
            self.message.show_problem(self.tr("LAPOR! tracking id: letters, digits and “-” "
                                              "only, 1 to 64 characters."))
            self.tracking_edit.setFocus()
            return
        if self.detail is None:
            return
        rid = self.detail.id

        def done(state: ForwardState) -> None:
            self._on_state(rid, state)
            self.message.show_problem(self.tr("Tracking id saved."), "ok")
            self.changed.emit(rid)

        self._ctx.call(lambda c: c.set_lapor_tracking_id(rid, value), done, owner=self,
                       name="review-tracking-id", on_error=self._failed)

    @Slot()
    def save_lapor_status(self) -> None:
        raw = self.raw_edit.text().strip()
        if not raw:
            self.message.show_problem(self.tr("LAPOR! status: type the status as LAPOR! shows "
                                              "it."))
            self.raw_edit.setFocus()
            return
        if self.detail is None:
            return
        rid, mapped = self.detail.id, combo_data(self.status_combo)

        def done(_status: str) -> None:
            self.raw_edit.clear()
            self.message.show_problem(self.tr("LAPOR! status saved."), "ok")
            self.changed.emit(rid)

        self._ctx.call(lambda c: c.set_lapor_status(rid, raw, str(mapped) if mapped else None),
                       done, owner=self, name="review-lapor-status", on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        self.message.clear_problem()
        self._ctx.on_error(error)
