"""UI layer: one complaint in full: fields, reporter (masked on anonymous complaints until
"Tampilkan", which the store records), the district's notes, LAPOR! id, deadlines with overdue
highlighting, the status timeline, and the actions its status allows."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kim_desktop.core import Core
from kim_desktop.domain.deadlines import deadlines_for
from kim_desktop.domain.enums import Status
from kim_desktop.domain.errors import KimError
from kim_desktop.domain.models import Complaint, Reporter
from kim_desktop.domain.status import EDITABLE
from ui.dialogs import ConfirmDialog
from ui.errors import show_error
from ui.formatting import date_text, datetime_text
from ui.labels import channel_label, deadline_label, gender_label, kind_label, status_colours, status_label
from ui.sync_runs import reason_text
from ui.widgets import ERROR_COLOUR

FIELDS = ("kind", "title", "body", "category", "agency", "incident_date", "village", "location",
          "coordinates", "channel", "activity", "privacy", "attachments", "recorded", "lapor")
REPORTER_FIELDS = ("name", "nik", "phone", "email", "address", "gender", "birth_year")


def _value_label() -> QLabel:
    label = QLabel(wordWrap=True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


class ComplaintDetailPage(QWidget):
    back_requested = Signal()
    edit_requested = Signal(object)        # Complaint
    submit_requested = Signal(object)      # Complaint (the form validates and submits)
    receipt_requested = Signal(object)     # Complaint
    complaints_changed = Signal()

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self.complaint: Complaint | None = None
        self.revealed: Reporter | None = None
        self.back_button, self.edit_button, self.submit_button, self.withdraw_button, \
            self.receipt_button, self.reveal_button = (QPushButton() for _ in range(6))
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.badge = QLabel()
        self.note = QLabel(wordWrap=True)
        self.note.setStyleSheet("background: #fff4d6; border: 1px solid #e7c86b; "
                                "border-radius: 4px; padding: 6px;")
        self.values = {k: _value_label() for k in FIELDS}
        self.reporter_values = {k: _value_label() for k in REPORTER_FIELDS}
        self.masked_label = QLabel(wordWrap=True)
        self.deadlines_label = QLabel(wordWrap=True)
        self.deadlines_label.setTextFormat(Qt.TextFormat.RichText)
        self.timeline = QStandardItemModel(0, 4, self)
        self.timeline_view = QTreeView()
        self.timeline_view.setModel(self.timeline)
        self.timeline_view.setRootIsDecorated(False)
        self.timeline_view.setMinimumHeight(190)
        self.timeline_view.setAlternatingRowColors(True)
        self._labels: dict[str, QLabel] = {}
        self._groups: dict[str, QGroupBox] = {}

        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.heading)
        top.addWidget(self.badge)
        top.addStretch(1)
        for b in (self.edit_button, self.submit_button, self.withdraw_button,
                  self.receipt_button):
            top.addWidget(b)
        content = QWidget()
        body = QVBoxLayout(content)
        body.addWidget(self.note)
        report = self._group("report", body)
        for k in FIELDS:
            self._row(report, k, self.values[k])
        person = self._group("reporter", body)
        mask_row = QHBoxLayout()
        mask_row.addWidget(self.masked_label, 1)
        mask_row.addWidget(self.reveal_button)
        person.addRow(mask_row)
        for k in REPORTER_FIELDS:
            self._row(person, f"reporter.{k}", self.reporter_values[k])
        self._group("deadlines", body).addRow(self.deadlines_label)
        self._group("timeline", body).addRow(self.timeline_view)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

        self.back_button.clicked.connect(self.back_requested)
        self.edit_button.clicked.connect(lambda: self.complaint and
                                         self.edit_requested.emit(self.complaint))
        self.submit_button.clicked.connect(lambda: self.complaint and
                                           self.submit_requested.emit(self.complaint))
        self.receipt_button.clicked.connect(lambda: self.complaint and
                                            self.receipt_requested.emit(self.complaint))
        self.withdraw_button.clicked.connect(self.withdraw)
        self.reveal_button.clicked.connect(self.reveal_identity)
        self.retranslate_ui()

    def _group(self, key: str, parent: QVBoxLayout) -> QFormLayout:
        box = QGroupBox()
        self._groups[key] = box
        parent.addWidget(box)
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        return form

    def _row(self, form: QFormLayout, key: str, value: QLabel) -> None:
        label = QLabel()
        self._labels[key] = label
        form.addRow(label, value)

    # -- showing ----------------------------------------------------------------------------
    def show_complaint(self, complaint_id: UUID, *, keep_revealed: bool = False) -> bool:
        """Show a complaint; a revealed identity is masked again unless this is a refresh."""
        try:
            c = self._core.complaints.get(complaint_id)
        except KimError as e:
            show_error(self, e)
            return False
        if not keep_revealed or self.complaint is None or self.complaint.id != c.id:
            self.revealed = None
        self.complaint = c
        self._render()
        return True

    def refresh(self) -> None:
        if self.complaint is not None:
            self.show_complaint(self.complaint.id, keep_revealed=True)

    def _render(self) -> None:
        c = self.complaint
        if c is None:
            return
        refs = self._core.reference.data()
        k = c.content
        self.heading.setText(self.tr("Report %1").replace("%1", c.tracking_no))
        bg, fg = status_colours(c.status)
        self.badge.setText(status_label(c.status))
        self.badge.setStyleSheet(f"background: {bg.name()}; color: {fg.name()}; "
                                 "border-radius: 9px; padding: 2px 10px;")
        agency = refs.agencies.get(k.agency_code or "")
        coords = f"{k.latitude}, {k.longitude}" if k.latitude is not None else ""
        privacy = [self.tr("Anonymous") if k.anonymous else "",
                   self.tr("Confidential") if k.confidential else ""]
        lapor = c.lapor_tracking_id or self.tr("(not yet forwarded)")
        if c.lapor_status_raw:
            lapor += f" · {c.lapor_status_raw}"
        activity = ""
        if k.activity_id:
            try:
                activity = self._core.activities.get(k.activity_id).content.title
            except KimError:
                activity = str(k.activity_id)
        values = {
            "kind": kind_label(k.kind), "title": k.title, "body": k.body,
            "category": refs.category_label(k.category_code) if k.category_code else "",
            "agency": agency.name if agency else "", "incident_date": date_text(k.incident_date),
            "village": refs.village_label(k.village_code) if k.village_code else "",
            "location": k.location_detail, "coordinates": coords,
            "channel": channel_label(k.channel), "activity": activity,
            "privacy": ", ".join(p for p in privacy if p) or self.tr("Public report"),
            "attachments": "\n".join(f"{a.filename} ({a.size // 1024} KB)"
                                     for a in c.attachments) or self.tr("None"),
            "recorded": self.tr("%1 on %2, revision %3").replace("%1", c.recorded_by)
            .replace("%2", datetime_text(c.created_at)).replace("%3", str(c.revision)),
            "lapor": lapor,
        }
        for key, v in values.items():
            self.values[key].setText(v or "–")
        self._render_reporter()
        notes = []
        if c.review_note:
            notes.append(self.tr("Note from the district: %1").replace("%1", c.review_note))
        if c.set_aside_reason:
            notes.append(self.tr("The district hub could not accept this report: %1")
                         .replace("%1", reason_text(c.set_aside_reason)))
        self.note.setText("\n".join(notes))
        self.note.setVisible(bool(notes))
        self._render_deadlines(c)
        self._render_timeline(c)
        self.edit_button.setVisible(c.status in EDITABLE)
        self.submit_button.setVisible(c.status in EDITABLE)
        self.submit_button.setText(self.tr("Submit again") if c.status is Status.RETURNED
                                   else self.tr("Submit"))
        self.withdraw_button.setVisible(c.status is Status.QUEUED)
        self.receipt_button.setVisible(c.status is not Status.DRAFT)

    def _render_reporter(self) -> None:
        c = self.complaint
        assert c is not None
        masked = c.content.anonymous and self.revealed is None
        r = self.revealed or c.content.reporter
        self.masked_label.setVisible(masked)
        self.reveal_button.setVisible(masked)
        values = {"name": r.name, "nik": r.nik, "phone": r.phone, "email": r.email,
                  "address": r.address, "gender": gender_label(r.gender) if r.gender else "",
                  "birth_year": str(r.birth_year or "")}
        for key, label in self.reporter_values.items():
            label.setText("••••••" if masked else (values[key] or "–"))

    def _render_deadlines(self, c: Complaint) -> None:
        times: dict[Status, datetime] = {}
        for h in c.status_history:
            times.setdefault(h.status, h.at)
        found = deadlines_for(kind=c.content.kind, status=c.status, status_times=times,
                              calendar=self._core.reference.calendar(),
                              today=self._core.ctx.today())
        if not found:
            self.deadlines_label.setText(self.tr("Deadlines start when the district receives "
                                                 "the report."))
            return
        lines = []
        overdue = self.tr("overdue")
        for d in found:
            line = f"{deadline_label(d.key)}: <b>{date_text(d.due)}</b>"
            if d.overdue:
                line = f"<span style='color:{ERROR_COLOUR}'>⚠ {line} · <b>{overdue}</b></span>"
            lines.append(line)
        self.deadlines_label.setText("<br>".join(lines))

    def _render_timeline(self, c: Complaint) -> None:
        self.timeline.removeRows(0, self.timeline.rowCount())
        for h in reversed(c.status_history):
            note = self.tr("withdrawn before sending") if h.note == "withdrawn" else h.note
            row = [QStandardItem(datetime_text(h.at)), QStandardItem(status_label(h.status)),
                   QStandardItem(h.actor), QStandardItem(note)]
            for item in row:
                item.setEditable(False)
            self.timeline.appendRow(row)
        for col, width in ((0, 170), (1, 200), (2, 120)):
            self.timeline_view.setColumnWidth(col, width)

    # -- actions ----------------------------------------------------------------------------
    @Slot()
    def reveal_identity(self) -> Reporter | None:
        c = self.complaint
        if c is None:
            return None
        try:
            profile = self._core.device.profile()
            self.revealed = self._core.complaints.reveal_identity(c.id,
                                                                  actor=profile.operator_name)
        except KimError as e:
            show_error(self, e)
            return None
        self._render_reporter()
        return self.revealed

    @Slot()
    def withdraw(self) -> bool:
        c = self.complaint
        if c is None or not ConfirmDialog.ask(
                self, self.tr("Withdraw report"),
                self.tr("Take report %1 back as a draft? It is not sent until it is submitted "
                        "again.").replace("%1", c.tracking_no),
                self.tr("Withdraw"), self.tr("Cancel")):
            return False
        try:
            self._core.complaints.withdraw(c.id)
        except KimError as e:
            show_error(self, e)
            return False
        self.refresh()
        self.complaints_changed.emit()
        return True

    # -- text -------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.back_button.setText(self.tr("← Back to the list"))
        self.edit_button.setText(self.tr("Edit"))
        self.withdraw_button.setText(self.tr("Withdraw"))
        self.withdraw_button.setToolTip(self.tr("Take the report back before it is sent."))
        self.receipt_button.setText(self.tr("Print receipt"))
        self.reveal_button.setText(self.tr("Show"))
        self.reveal_button.setToolTip(self.tr("Showing the identity is recorded (who and when)."))
        self.masked_label.setText(self.tr("Anonymous report: the identity is hidden. Show it only "
                                          "when needed; this is recorded."))
        titles = {"report": self.tr("Report"), "reporter": self.tr("Reporter"),
                  "deadlines": self.tr("Deadlines"), "timeline": self.tr("Status history")}
        for key, box in self._groups.items():
            box.setTitle(titles[key])
        labels = {
            "kind": self.tr("Classification"), "title": self.tr("Title"), "body": self.tr("Text"),
            "category": self.tr("Category"), "agency": self.tr("Target agency"),
            "incident_date": self.tr("Incident date"), "village": self.tr("Village"),
            "location": self.tr("Location"), "coordinates": self.tr("Coordinates"),
            "channel": self.tr("Source"), "activity": self.tr("Socialization session"),
            "privacy": self.tr("Privacy"), "attachments": self.tr("Attachments"),
            "recorded": self.tr("Recorded by"), "lapor": self.tr("SP4N-LAPOR! number"),
            "reporter.name": self.tr("Name"), "reporter.nik": self.tr("NIK"),
            "reporter.phone": self.tr("Mobile phone"), "reporter.email": self.tr("Email"),
            "reporter.address": self.tr("Address"), "reporter.gender": self.tr("Gender"),
            "reporter.birth_year": self.tr("Year of birth"),
        }
        for key, label in self._labels.items():
            label.setText(labels[key])
        self.timeline.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Status"),
                                                 self.tr("By"), self.tr("Note")])
        self._render()

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
