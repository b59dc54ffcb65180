"""UI layer: the decision bar of the review workspace: "Verifikasi" (Alt+V), "Kembalikan" (Alt+K,
a note for the village is required), "Tolak" (Alt+T, a reason is required; "duplicate" takes
the record chosen in the duplicate hints), and the category/agency edit. The buttons are off
while the record is locked by another reviewer or not open for a decision."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kim_desktop.domain.enums import Entity, Status
from kim_desktop.domain.status import allowed
from sync.client.review import REASONS, Classification, RecordDetail, RecordLocked
from ui.review_common import ReviewContext, reason_text
from ui.widgets import FieldMessage, combo_data, combo_select_data, make_filtering_combo

TARGETS = {"verify": Status.VERIFIED, "return": Status.RETURNED, "reject": Status.REJECTED}
SHORTCUTS = {"verify": "Alt+V", "return": "Alt+K", "reject": "Alt+T"}
MAX_NOTE = 2000


class DecisionPanel(QWidget):
    decided = Signal(object, str)          # record id, new status
    classified = Signal(object)            # record id

    def __init__(self, ctx: ReviewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.detail: RecordDetail | None = None
        self.allowed = False
        self.busy = False
        self.duplicate_source: Callable[[], uuid.UUID | None] = lambda: None
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(70)
        self.reason_combo = QComboBox()
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for action in ("verify", "return", "reject"):
            b = QPushButton()
            b.clicked.connect(lambda _=False, a=action: self.decide(a))
            sc = QShortcut(QKeySequence(SHORTCUTS[action]), self)
            sc.activated.connect(lambda a=action: self.decide(a))
            self.buttons[action] = b
            row.addWidget(b)
        self.message = FieldMessage()
        self.decision_box = QGroupBox()
        self._labels = [QLabel() for _ in range(4)]
        form = QFormLayout(self.decision_box)
        form.addRow(self._labels[0], self.note_edit)
        form.addRow(self._labels[1], self.reason_combo)
        form.addRow(row)
        form.addRow(self.message)
        self.category_combo = make_filtering_combo(QComboBox())
        self.agency_combo = make_filtering_combo(QComboBox())
        self.classify_button = QPushButton()
        self.classify_button.clicked.connect(self.save_classification)
        self.class_message = FieldMessage()
        self.class_box = QGroupBox()
        cform = QFormLayout(self.class_box)
        cform.addRow(self._labels[2], self.category_combo)
        cform.addRow(self._labels[3], self.agency_combo)
        cform.addRow("", self.classify_button)
        cform.addRow(self.class_message)
        for label, w in zip(self._labels, (self.note_edit, self.reason_combo,
                                           self.category_combo, self.agency_combo), strict=True):
            label.setBuddy(w)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.decision_box)
        layout.addWidget(self.class_box)
        self._fill_lists()
        self.retranslate_ui()
        self.set_record(None, allowed=False)

    def _fill_lists(self) -> None:
        refs = self._ctx.refs()
        cats = [c for c in refs.categories.values() if c.parent_code] or \
            list(refs.categories.values())
        for c in sorted(cats, key=lambda c: refs.category_label(c.code)):
            self.category_combo.addItem(refs.category_label(c.code), c.code)
        for a in sorted(refs.agencies.values(), key=lambda a: a.name):
            if a.active:
                self.agency_combo.addItem(a.name, a.code)

    def retranslate_ui(self) -> None:
        self.decision_box.setTitle(self.tr("Decision"))
        self.class_box.setTitle(self.tr("Category and agency"))
        texts = {"verify": self.tr("Verify"), "return": self.tr("Return to village"),
                 "reject": self.tr("Reject")}
        for action, b in self.buttons.items():
            b.setText(f"{texts[action]} ({SHORTCUTS[action]})")
        self.note_edit.setPlaceholderText(self.tr("Note for the village (required when "
                                                  "returning)"))
        current = self.reason_combo.currentData()
        self.reason_combo.clear()
        self.reason_combo.addItem(self.tr("— reason for rejecting —"), None)
        for r in REASONS:
            self.reason_combo.addItem(reason_text(r), r)
        combo_select_data(self.reason_combo, current)
        for label, text in zip(self._labels, (self.tr("&Note"), self.tr("&Reason"),
                                              self.tr("&Category"), self.tr("&Agency")),
                               strict=True):
            label.setText(text)
        self.classify_button.setText(self.tr("Save category and agency"))

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- state -------------------------------------------------------------------------------
    def set_record(self, detail: RecordDetail | None, *, allowed: bool) -> None:
        """Show ``detail``; ``allowed``: this reviewer holds the lock."""
        changed = detail is None or self.detail is None or detail.id != self.detail.id
        self.detail, self.allowed = detail, allowed
        if changed:
            self.note_edit.clear()
            self.reason_combo.setCurrentIndex(0)
            self.message.clear_problem()
            self.class_message.clear_problem()
        if detail is not None:
            combo_select_data(self.category_combo, detail.category_code)
            combo_select_data(self.agency_combo, detail.agency_code)
        self._update_buttons()

    def can_decide(self, action: str | None = None) -> bool:
        """This reviewer holds the lock and the status machine allows ``action`` (any)."""
        d = self.detail
        if not self.allowed or self.busy or d is None:
            return False
        try:
            entity, current = Entity(d.entity), Status(d.status)
        except ValueError:
            return False
        actions = [action] if action else list(TARGETS)
        return any(allowed(entity, current, TARGETS[a]) for a in actions)

    def _update_buttons(self) -> None:
        decide = self.can_decide()
        for action, b in self.buttons.items():
            b.setEnabled(self.can_decide(action))
        self.note_edit.setEnabled(decide)
        self.reason_combo.setEnabled(decide)
        edit = self.allowed and not self.busy and self.detail is not None and \
            self.detail.entity == "complaint"
        for w in (self.category_combo, self.agency_combo, self.classify_button):
            w.setEnabled(edit)

    # -- decisions ---------------------------------------------------------------------------
    @Slot()
    def decide(self, action: str, duplicate_of: uuid.UUID | None = None) -> None:
        if duplicate_of is not None:
            action = "reject"
        if not self.can_decide(action) or self.detail is None:
            return
        note = self.note_edit.toPlainText().strip()
        reason: Any = self.reason_combo.currentData()
        if duplicate_of is not None:
            action, reason = "reject", "duplicate_of"
        if len(note) > MAX_NOTE:
            self._refuse(self.tr("Note: at most %1 characters.").replace("%1", str(MAX_NOTE)),
                         self.note_edit)
            return
        if action == "return" and not note:
            self._refuse(self.tr("Note: required when returning a record to the village; "
                                 "say what the village must correct."), self.note_edit)
            return
        if action == "reject" and reason is None:
            self._refuse(self.tr("Reason: choose why the record is rejected."),
                         self.reason_combo)
            return
        if action == "reject" and reason == "duplicate_of" and duplicate_of is None:
            duplicate_of = self.duplicate_source()
            if duplicate_of is None:
                self._refuse(self.tr("Reason “duplicate”: choose the other report in "
                                     "“Possible duplicates” first."), self.reason_combo)
                return
        if action != "reject":
            reason = None
        rid = self.detail.id
        self.busy = True
        self._update_buttons()
        self.message.show_problem(self.tr("Sending the decision…"), "warning")
        started = self._ctx.call(
            lambda c: c.decide(rid, action, note=note, reason=reason,  # type: ignore[arg-type]
                               duplicate_of=duplicate_of),
            lambda status: self._on_decided(rid, status), owner=self, name="review-decide",
            on_error=self._on_failed)
        if not started:
            self.busy = False
            self._update_buttons()

    def _refuse(self, text: str, field: QWidget) -> None:
        self.message.show_problem(text)
        field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_decided(self, record_id: uuid.UUID, status: str) -> None:
        self.busy = False
        self.message.show_problem(self.tr("Decision saved at the hub."), "ok")
        self.note_edit.clear()
        self.reason_combo.setCurrentIndex(0)
        self._update_buttons()
        self.decided.emit(record_id, status)

    def _on_failed(self, error: BaseException) -> None:
        self.busy = False
        self.message.clear_problem()
        if isinstance(error, RecordLocked):
            self.allowed = False
            self.message.show_problem(self.tr("Locked: %1 is reviewing this record.")
                                      .replace("%1", error.holder or "?"))
        self._update_buttons()
        if not isinstance(error, RecordLocked):
            self._ctx.on_error(error)

    # -- classification ----------------------------------------------------------------------
    @Slot()
    def save_classification(self) -> None:
        if self.detail is None or not self.allowed:
            return
        cat, agency = combo_data(self.category_combo), combo_data(self.agency_combo)
        if cat is None and agency is None:
            self.class_message.show_problem(self.tr("Category: choose one from the list."))
            self.category_combo.setFocus()
            return
        rid = self.detail.id
        self.class_message.show_problem(self.tr("Saving…"), "warning")
        self._ctx.call(lambda c: c.classify(rid, category_code=str(cat) if cat else None,
                                            agency_code=str(agency) if agency else None),
                       lambda r: self._on_classified(rid, r), owner=self,
                       name="review-classify", on_error=self._on_class_failed)

    def _on_classified(self, record_id: uuid.UUID, _result: Classification) -> None:
        self.class_message.show_problem(self.tr("Category and agency saved."), "ok")
        self.classified.emit(record_id)

    def _on_class_failed(self, error: BaseException) -> None:
        self.class_message.clear_problem()
        self._ctx.on_error(error)
