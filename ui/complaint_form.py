"""UI layer: the complaint form page: new complaints and corrections of drafts or returned ones.

Nothing typed is lost: every change goes to the `FormJournal` within a moment (and at most two
seconds late while typing goes on), a real draft is saved every minute and when the form closes,
and after a crash the next start restores the journal and saves it as a draft. Ctrl+S saves the
draft, Ctrl+Enter submits; submitting validates fully and shows each problem beside its field.
"""

from __future__ import annotations

import logging
from typing import Any
from uuid import UUID

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kim_desktop.core import Core
from kim_desktop.domain.enums import Status
from kim_desktop.domain.errors import InvalidTransition, KimError, NotFound, ValidationFailed
from kim_desktop.domain.models import Complaint, complaint_content_to_dict
from kim_desktop.domain.problems import Problem
from kim_desktop.domain.status import EDITABLE
from kim_desktop.domain.validation import errors_only
from ui.attachments_widget import AttachmentsWidget
from ui.complaint_fields import ComplaintFields
from ui.errors import show_error
from ui.form_journal import FormJournal
from ui.formatting import datetime_text, iso_to_display
from ui.widgets import ERROR_COLOUR

log = logging.getLogger(__name__)

MAX_JOURNAL_DELAY_MS = 2000


def form_values(c: Complaint) -> dict[str, Any]:
    """A stored complaint as the form shows it (dates dd/mm/yyyy, numbers as text)."""
    d = complaint_content_to_dict(c.content)
    d["incident_date"] = iso_to_display(d["incident_date"])
    for k in ("latitude", "longitude"):
        d[k] = "" if d[k] is None else str(d[k])
    d["reporter"]["birth_year"] = str(d["reporter"]["birth_year"] or "")
    return d


class ComplaintForm(QWidget):
    saved = Signal(object)        # Complaint: a draft was saved
    submitted = Signal(object)    # Complaint: queued for sending
    closed = Signal()

    def __init__(self, core: Core, parent: QWidget | None = None, *, autosave_ms: int = 60_000,
                 journal_delay_ms: int = 300) -> None:
        super().__init__(parent)
        self._core = core
        self.journal = FormJournal(core.paths.drafts)
        self.complaint_id: UUID | None = None
        self.tracking_no = ""
        self._status: Status | None = None
        self._open = self._dirty = self._strict = self._loading = False
        self._save_when_idle = False
        self._baseline: dict[str, Any] = {}
        self._file_problems: list[Problem] = []
        self._pending_since = QElapsedTimer()

        self.attachments = AttachmentsWidget(
            core.complaints.check_files, core.files.path_for,
            lambda: core.preferences.get().max_attachments)
        # the sessions to link to are read when a form opens (`_begin`), not at start-up
        self.fields = ComplaintFields(core.reference.data(), self.attachments, ())
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.banner = QLabel(wordWrap=True)
        self.banner.setStyleSheet("background: #fff4d6; border: 1px solid #e7c86b; "
                                  "border-radius: 4px; padding: 6px;")
        self.banner.hide()
        self.save_status = QLabel(wordWrap=True)
        self.scroll_area = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.fields)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.save_button, self.submit_button, self.close_button = (QPushButton() for _ in range(3))
        self.submit_button.setDefault(True)
        self.save_button.clicked.connect(self.save_draft)
        self.submit_button.clicked.connect(self.submit)
        self.close_button.clicked.connect(self.close_form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_status, 1)
        for b in (self.close_button, self.save_button, self.submit_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        for keys, slot in (((QKeySequence.StandardKey.Save,), self.save_draft),
                           (("Ctrl+Return", "Ctrl+Enter"), self.submit)):
            for k in keys:
                sc = QShortcut(QKeySequence(k), self)
                sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                sc.activated.connect(slot)

        self._journal_timer = QTimer(self, singleShot=True, interval=journal_delay_ms)
        self._journal_timer.timeout.connect(self._on_journal_timer_timeout)
        self._autosave_timer = QTimer(self, interval=autosave_ms)
        self._autosave_timer.timeout.connect(self._on_autosave_timer_timeout)
        self.fields.changed.connect(self._on_fields_changed)
        self.fields.today_button.clicked.connect(
            lambda: self.fields.set_today(self._core.ctx.today()))
        self.attachments.problems_found.connect(self._on_attachments_problems_found)
        self.attachments.idle.connect(self._on_attachments_idle)
        self.retranslate_ui()

    # -- starting ---------------------------------------------------------------------------
    def is_open(self) -> bool:
        return self._open

    def start_new(self, **preset: Any) -> None:
        """``preset``: field values to start with (a session's complaint: channel, activity_id)."""
        profile = self._core.device.profile_or_none()
        self._begin(None, "", None,
                    {"village_code": profile.village_code if profile else "", **preset})
        self.attachments.clear()
        self._baseline = self.fields.data()

    def edit(self, complaint: Complaint) -> None:
        if complaint.status not in EDITABLE:
            show_error(self, InvalidTransition("complaint", complaint.status.value, "edit"))
            return
        self._begin(complaint.id, complaint.tracking_no, complaint.status, form_values(complaint))
        self.attachments.set_existing(complaint.attachments)
        self._baseline = self.fields.data()
        if complaint.status is Status.RETURNED and complaint.review_note:
            self._show_banner(self.tr("Returned by the district for correction: %1")
                              .replace("%1", complaint.review_note))
        elif complaint.set_aside_reason:
            self._show_banner(self.tr("The district hub could not accept this report: %1")
                              .replace("%1", complaint.set_aside_reason))

    def restore_from_journal(self) -> bool:
        """Bring back what was typed before a crash; saves it as a real draft. False: nothing."""
        state = self.journal.read()
        if state is None:
            return False
        key = state.get("complaint_id")
        complaint = None
        if key:
            try:
                complaint = self._core.complaints.get(UUID(str(key)))
            except (NotFound, ValueError):
                complaint = None
        if complaint is not None and complaint.status in EDITABLE:
            self._begin(complaint.id, complaint.tracking_no, complaint.status, state["data"])
            keep = state.get("keep")
            self.attachments.set_existing([a for a in complaint.attachments
                                           if keep is None or a.sha256 in keep])
        else:
            self._begin(None, "", None, state["data"])
            self.attachments.clear()
        self._baseline = {}
        self.attachments.add_paths([p for p in state.get("new_files") or [] if p])
        log.info("form restored from journal (complaint %s)", self.complaint_id)
        self._show_banner(self.tr("What was typed before the app closed unexpectedly has been "
                                  "restored and saved as a draft. Check it, then continue."))
        self._dirty = True
        self.save_draft(quiet=True)
        return True

    def _begin(self, complaint_id: UUID | None, tracking_no: str, status: Status | None,
               values: dict[str, Any]) -> None:
        self._loading = True
        try:
            self.fields.set_activities(self._core.activities.list())
            self.complaint_id, self.tracking_no, self._status = complaint_id, tracking_no, status
            self.fields.set_data(values)
            self.fields.show_problems([])
        finally:
            self._loading = False
        self._open, self._dirty, self._strict = True, False, False
        self._file_problems = []
        self.banner.hide()
        self.save_status.clear()
        self.save_status.setStyleSheet("")
        self._autosave_timer.start()
        self.retranslate_ui()
        self.fields.kind.setFocus()

    def _show_banner(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.show()

    # -- saving -----------------------------------------------------------------------------
    def has_content(self) -> bool:
        return self.fields.data() != self._baseline or self.attachments.count() > 0

    def has_unsaved_changes(self) -> bool:
        return self._open and self._dirty and self.has_content()

    @Slot()
    def save_draft(self, quiet: bool = False) -> Complaint | None:
        """Store what is typed (a draft may be incomplete). Ctrl+S."""
        if not self._open:
            return None
        if self.attachments.busy:
            self._save_when_idle = True
            self.save_status.setText(self.tr("Waiting for the attachments to be checked…"))
            return None
        svc = self._core.complaints
        content, problems = svc.validate(self.fields.data(), for_submit=self._strict)
        try:
            c = svc.save_draft(content, complaint_id=self.complaint_id,
                               new_files=self.attachments.new_files(),
                               keep=self.attachments.keep() if self.complaint_id else None)
        except KimError as e:
            show_error(self, e)
            return None
        self.attachments.mark_stored()
        self.complaint_id, self.tracking_no, self._dirty = c.id, c.tracking_no, False
        self._write_journal()
        if not quiet:
            self.fields.show_problems(problems + self._file_problems)
        self.save_status.setStyleSheet("")
        self.save_status.setText(self.tr("Draft %1 saved at %2")
                                 .replace("%1", c.tracking_no)
                                 .replace("%2", datetime_text(c.updated_at)))
        self.retranslate_ui()
        self.saved.emit(c)
        return c

    @Slot()
    def submit(self) -> Complaint | None:
        """Validate fully; on success save and queue for sending. Ctrl+Enter."""
        if not self._open:
            return None
        if self.attachments.busy:
            self.save_status.setText(self.tr("The attachments are still being checked; submit "
                                             "again in a moment."))
            return None
        svc = self._core.complaints
        content, problems = svc.validate(self.fields.data(), for_submit=True)
        if errors_only(problems):      # refused files were never attached: they do not block
            self._refuse(problems + self._file_problems)
            return None
        try:
            draft = svc.save_draft(content, complaint_id=self.complaint_id,
                                   new_files=self.attachments.new_files(),
                                   keep=self.attachments.keep() if self.complaint_id else None)
            self.attachments.mark_stored()
            self.complaint_id, self.tracking_no = draft.id, draft.tracking_no
            c = svc.submit(draft.id)
        except ValidationFailed as e:
            self._refuse(list(e.problems))
            return None
        except KimError as e:
            show_error(self, e)
            return None
        log.info("complaint %s submitted from the form", c.id)
        self._finish()
        self.submitted.emit(c)
        return c

    def _refuse(self, problems: list[Problem]) -> None:
        self._strict = True
        self.fields.show_problems(problems)
        self.save_status.setText(self.tr("Not sent yet: correct the fields marked in red."))
        self.save_status.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        first = self.fields.first_problem_widget()
        if first is not None:
            first.setFocus()

    @Slot()
    def close_form(self) -> bool:
        """Save what is typed as a draft, then close. False when saving failed."""
        if self.has_unsaved_changes() and self.save_draft(quiet=True) is None:
            return False
        self._finish()
        self.closed.emit()
        return True

    def save_on_exit(self) -> None:
        """The app is closing: keep the typing as a draft (the journal stays if that fails)."""
        if self.has_unsaved_changes():
            self._journal_timer.stop()
            self._write_journal()
            if self.save_draft(quiet=True) is None:
                return
        if self._open:
            self._finish()

    def _finish(self) -> None:
        self._journal_timer.stop()
        self._autosave_timer.stop()
        self.journal.clear()
        self._open = self._dirty = False
        self.banner.hide()

    # -- autosave ---------------------------------------------------------------------------
    def _write_journal(self) -> None:
        if not self._open:
            return
        if not self.has_content() and self.complaint_id is None:
            self.journal.clear()
            return
        try:
            self.journal.write({
                "complaint_id": str(self.complaint_id) if self.complaint_id else None,
                "data": self.fields.data(), "new_files": self.attachments.new_paths(),
                "keep": self.attachments.keep() if self.complaint_id else None})
        except OSError:
            log.exception("form journal cannot be written")

    @Slot()
    def _on_fields_changed(self) -> None:
        if self._loading or not self._open:
            return
        self._dirty = True
        if not self._journal_timer.isActive():
            self._pending_since.start()
        if self._pending_since.elapsed() >= MAX_JOURNAL_DELAY_MS:
            self._on_journal_timer_timeout()      # typing without pause: write anyway
        else:
            self._journal_timer.start()

    @Slot()
    def _on_journal_timer_timeout(self) -> None:
        self._journal_timer.stop()
        self._write_journal()
        _, problems = self._core.complaints.validate(self.fields.data(), for_submit=self._strict)
        self.fields.show_problems(problems + self._file_problems,
                                  skip=self.fields.key_of(QApplication.focusWidget()))

    @Slot()
    def _on_autosave_timer_timeout(self) -> None:
        if self.has_unsaved_changes():
            self.save_draft(quiet=True)

    @Slot(object)
    def _on_attachments_problems_found(self, problems: list[Problem]) -> None:
        self._file_problems = list(problems)
        _, found = self._core.complaints.validate(self.fields.data(), for_submit=self._strict)
        self.fields.show_problems(found + self._file_problems)

    @Slot()
    def _on_attachments_idle(self) -> None:
        self._write_journal()
        if self._save_when_idle:
            self._save_when_idle = False
            self.save_draft(quiet=True)

    # -- text -------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        if self._status is Status.RETURNED:
            heading = self.tr("Correct report %1").replace("%1", self.tracking_no)
        elif self.complaint_id is not None:
            heading = self.tr("Draft report %1").replace("%1", self.tracking_no)
        else:
            heading = self.tr("New report")
        self.heading.setText(heading)
        self.save_button.setText(self.tr("Save draft"))
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.submit_button.setText(self.tr("Submit again") if self._status is Status.RETURNED
                                   else self.tr("Submit report"))
        self.submit_button.setToolTip(self.tr("Ctrl+Enter"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setToolTip(self.tr("What is typed is kept as a draft."))

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
