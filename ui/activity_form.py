"""UI layer: the form of one socialization session (every field of DOMAIN.md's activity) with the
attendance grid. What is typed is journalled (``ui/form_journal.py``, its own file) a moment after
each change so a crash loses nothing; Save draft / Submit go through ``ActivityService``."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

from PySide6.QtCore import QDate, QDateTime, QStringListModel, QTime, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kim_desktop.core import Core
from kim_desktop.domain.deadlines import WITA
from kim_desktop.domain.errors import KimError
from kim_desktop.domain.models import Activity, activity_content_to_dict, participant_to_dict
from kim_desktop.domain.status import EDITABLE
from kim_desktop.domain.validation import errors_only, parse_datetime
from ui.activity_print import attendance_sheet_html, report_document, write_a4_pdf
from ui.activity_status import ActivityStatusBanner
from ui.attachments_widget import AttachmentsWidget
from ui.attendance_grid import AttendanceGrid
from ui.errors import show_error
from ui.form_journal import FormJournal
from ui.i18n import current_language
from ui.participant_import import ParticipantImportDialog
from ui.receipt import html_document
from ui.widgets import combo_data, combo_select_data, make_filtering_combo

log = logging.getLogger(__name__)
JOURNAL_NAME = "activity-form.json"
TOPICS = ("SP4N-LAPOR!", "KIM")


def _qdt(dt: datetime | None) -> QDateTime:
    local = (dt or datetime.now(WITA)).astimezone(WITA).replace(tzinfo=None)
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def _wita_iso(edit: QDateTimeEdit) -> str:
    d = edit.dateTime()
    day, t = d.date(), d.time()
    return datetime(day.year(), day.month(), day.day(), t.hour(), t.minute(),
                    tzinfo=WITA).isoformat()


class ActivityForm(QDialog):
    saved = Signal(object)            # Activity
    complaint_requested = Signal(object)   # activity id (UUID) the new complaint belongs to

    def __init__(self, core: Core, activity: Activity | None = None,
                 parent: QWidget | None = None, journal_delay_ms: int = 300) -> None:
        super().__init__(parent)
        self._core = core
        self.activity_id: UUID | None = activity.id if activity else None
        # a queued or accepted session is shown read-only (printing still works)
        self.editable = activity is None or activity.status in EDITABLE
        self._complaint_ids: list[str] = []
        self._loading = False
        self.last_document: QTextDocument | None = None      # the last printable rendered
        self.journal = FormJournal(core.paths.drafts, JOURNAL_NAME)
        self.resize(1000, 760)
        refs = core.reference.data()
        self.title = QLineEdit()
        self.topic = QComboBox()
        self.topic.setEditable(True)
        self.topic.addItems(TOPICS)
        self.starts, self.ends = QDateTimeEdit(), QDateTimeEdit()
        for edit in (self.starts, self.ends):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.village = make_filtering_combo(QComboBox())
        self.village.addItem("", "")
        for v in sorted(refs.villages(), key=lambda r: refs.village_label(r.code)):
            self.village.addItem(refs.village_label(v.code), v.code)
        self.venue = QLineEdit()
        self.organizer = QLineEdit()
        self.facilitators = QPlainTextEdit()
        self.facilitators.setFixedHeight(60)
        self.summary = QPlainTextEdit()
        self.outcomes = QPlainTextEdit()
        self.complaints_model = QStringListModel(self)
        self.complaints_view = QListView()
        self.complaints_view.setModel(self.complaints_model)
        self.complaints_view.setFixedHeight(70)
        self.attachments = AttachmentsWidget(core.activities.check_files, core.files.path_for,
                                             lambda: max(core.preferences.get().max_attachments,
                                                         20))
        self.banner = ActivityStatusBanner()
        self.grid = AttendanceGrid()
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020;")
        self.new_complaint_button = QPushButton()
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.submit_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.form = QFormLayout()
        self._labels: list[QLabel] = []
        for w in (self.title, self.topic, self.starts, self.ends, self.village, self.venue,
                  self.organizer, self.facilitators, self.summary, self.outcomes,
                  self.attachments, self.complaints_view):
            label = QLabel()
            label.setBuddy(w)
            self._labels.append(label)
            self.form.addRow(label, w)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(self.form)
        left_layout.addWidget(self.new_complaint_button)
        self.sheet_button, self.report_button = QPushButton(), QPushButton()
        prints = QHBoxLayout()
        prints.addWidget(self.sheet_button)
        prints.addWidget(self.report_button)
        left_layout.addLayout(prints)
        self.grid_heading = QLabel()
        self.grid_heading.setStyleSheet("font-weight: bold;")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.grid_heading)
        right_layout.addWidget(self.grid, 1)
        grid_buttons = QHBoxLayout()
        self.import_button = QPushButton()
        self.remove_button = QPushButton()
        for b in (self.import_button, self.remove_button):
            grid_buttons.addWidget(b)
        grid_buttons.addStretch(1)
        right_layout.addLayout(grid_buttons)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.problems, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self._journal_timer = QTimer(self, singleShot=True, interval=journal_delay_ms)
        self._journal_timer.timeout.connect(self._on_journal_timer_timeout)
        for line in (self.title, self.venue, self.organizer):
            line.textChanged.connect(self._on_any_changed)
        for text in (self.facilitators, self.summary, self.outcomes):
            text.textChanged.connect(self._on_any_changed)
        self.topic.editTextChanged.connect(self._on_any_changed)
        self.village.currentIndexChanged.connect(self._on_any_changed)
        self.starts.dateTimeChanged.connect(self._on_any_changed)
        self.ends.dateTimeChanged.connect(self._on_any_changed)
        self.grid.model.counts_changed.connect(self._on_any_changed)
        self.attachments.changed.connect(self._on_any_changed)
        self.attachments.problems_found.connect(self._on_attachments_problems_found)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.submit_button.clicked.connect(self._on_submit_clicked)
        self.close_button.clicked.connect(self.reject)
        self.new_complaint_button.clicked.connect(self._on_new_complaint_clicked)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.sheet_button.clicked.connect(lambda: self._open_file(self.print_attendance_sheet()))
        self.report_button.clicked.connect(lambda: self._open_file(self.print_report()))
        self.remove_button.clicked.connect(self.grid.remove_selected)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self).activated.connect(
            self._on_save_clicked)
        self._load(activity)
        for button in (self.save_button, self.submit_button, self.import_button,
                       self.remove_button, self.attachments.add_button,
                       self.attachments.remove_button):
            button.setEnabled(self.editable)
        for b in self.findChildren(QPushButton):  # Enter in a field must never submit
            b.setAutoDefault(False)
            b.setDefault(False)
        self.grid.view.setEditTriggers(self.grid.view.editTriggers() if self.editable
                                       else self.grid.view.EditTrigger.NoEditTriggers)
        self.retranslate_ui()

    # ---- state ----------------------------------------------------------------------------
    def _load(self, a: Activity | None) -> None:
        self._loading = True
        now = datetime.now(WITA).replace(second=0, microsecond=0)
        if a is None:
            profile = self._core.device.profile_or_none()
            if profile is not None:           # the session is usually in this office's village
                combo_select_data(self.village, profile.village_code)
                self.organizer.setText(profile.kim_name)
            self.starts.setDateTime(_qdt(now))
            self.ends.setDateTime(_qdt(now + timedelta(hours=2)))
        else:
            self.set_data(activity_content_to_dict(a.content))
            self.attachments.set_existing(a.attachments)
        self.banner.show_for(a)
        self._loading = False

    def data(self) -> dict[str, Any]:
        """The form as the activity JSON of DOMAIN.md (times in WITA with their offset)."""
        facilitators = []
        for line in self.facilitators.toPlainText().splitlines():
            name, _, institution = line.partition(";")
            if name.strip():
                facilitators.append({"name": name.strip(), "institution": institution.strip()})
        return {"title": self.title.text().strip(), "topic": self.topic.currentText().strip(),
                "starts_at": _wita_iso(self.starts), "ends_at": _wita_iso(self.ends),
                "village_code": str(combo_data(self.village) or ""),
                "venue": self.venue.text().strip(), "organizer": self.organizer.text().strip(),
                "facilitators": facilitators, "summary": self.summary.toPlainText().strip(),
                "outcomes": self.outcomes.toPlainText().strip(),
                "participants": [participant_to_dict(p) for p in self.grid.model.participants()],
                "complaint_ids": list(self._complaint_ids)}

    def set_data(self, d: dict[str, Any]) -> None:
        self.title.setText(str(d.get("title") or ""))
        self.topic.setEditText(str(d.get("topic") or ""))
        for edit, key in ((self.starts, "starts_at"), (self.ends, "ends_at")):
            if (dt := parse_datetime(d.get(key))) is not None:
                edit.setDateTime(_qdt(dt))
        combo_select_data(self.village, str(d.get("village_code") or ""))
        self.venue.setText(str(d.get("venue") or ""))
        self.organizer.setText(str(d.get("organizer") or ""))
        self.facilitators.setPlainText("\n".join(
            f"{f.get('name', '')}; {f.get('institution', '')}".rstrip("; ")
            for f in d.get("facilitators") or [] if isinstance(f, dict)))
        self.summary.setPlainText(str(d.get("summary") or ""))
        self.outcomes.setPlainText(str(d.get("outcomes") or ""))
        content, _ = self._core.activities.validate(
            {"participants": d.get("participants") or []}, for_submit=False)
        self.grid.model.set_participants(content.participants)
        self._complaint_ids = [str(c) for c in d.get("complaint_ids") or []]
        self._show_complaints()

    def _show_complaints(self) -> None:
        """List the complaints collected in this session (linked either way)."""
        found = []
        if self.activity_id is not None:
            try:
                found = self._core.activities.complaints_of(self.activity_id)
            except KimError:
                log.exception("complaints of activity %s cannot be listed", self.activity_id)
        shown = {str(c.id) for c in found}
        self._complaint_ids += [str(c.id) for c in found if str(c.id) not in self._complaint_ids]
        draft = self.tr("(draft)")
        lines = [f"{c.tracking_no or draft} · {c.content.title}" for c in found]
        lines += [cid for cid in self._complaint_ids if cid not in shown]
        self.complaints_model.setStringList(lines)

    def add_complaint(self, complaint_id: UUID | str) -> None:
        """A complaint collected during this session was saved: link it."""
        if str(complaint_id) not in self._complaint_ids:
            self._complaint_ids.append(str(complaint_id))
            self._show_complaints()
            self._on_any_changed()

    # ---- journal --------------------------------------------------------------------------
    @staticmethod
    def journal_path(core: Core) -> Any:
        return FormJournal(core.paths.drafts, JOURNAL_NAME).path

    def restore_from_journal(self) -> bool:
        state = self.journal.read()
        if state is None:
            return False
        self._loading = True
        aid = state.get("activity_id")
        self.activity_id = UUID(aid) if aid else None
        self.set_data(state["data"])
        self.attachments.add_paths([Path(p) for p in state.get("new_files") or [] if p])
        self._loading = False
        log.info("activity form restored from journal (activity %s)", self.activity_id)
        return True

    @Slot()
    def _on_any_changed(self) -> None:
        if not self._loading:
            self._journal_timer.start()

    @Slot()
    def _on_journal_timer_timeout(self) -> None:
        try:
            self.journal.write({"activity_id": str(self.activity_id) if self.activity_id
                                else None, "data": self.data(),
                                "new_files": self.attachments.new_paths()})
        except OSError:
            log.exception("activity form journal cannot be written")

    # ---- actions --------------------------------------------------------------------------
    def save(self, *, submit: bool) -> Activity | None:
        svc = self._core.activities
        content, problems = svc.validate(self.data(), for_submit=submit)
        lang = current_language()
        self.problems.setText("\n".join(p.message(lang) for p in errors_only(problems)))
        if errors_only(problems):
            return None
        if self.attachments.busy:
            self.problems.setText(self.tr("The photos are still being checked; try again in a "
                                          "moment."))
            return None
        try:
            a = svc.save_draft(content, activity_id=self.activity_id,
                               new_files=self.attachments.new_files(),
                               keep=self.attachments.keep() if self.activity_id else None)
            self.attachments.mark_stored()
            self.activity_id = a.id
            if submit:
                a = svc.submit(a.id)
        except KimError as e:
            show_error(self, e)
            return None
        self._journal_timer.stop()
        self.journal.clear()
        self.saved.emit(a)
        return a

    @Slot()
    def _on_save_clicked(self) -> None:
        self.save(submit=False)

    @Slot()
    def _on_submit_clicked(self) -> None:
        if self.save(submit=True) is not None:
            self.accept()

    def reject(self) -> None:
        """Close (button, Esc or the window's X): what was typed is kept as a draft first."""
        if self.editable and (self.grid.model.participants() or self.title.text().strip()
                              or self.attachments.new_files()) \
                and self.save(submit=False) is None:
            return
        self._journal_timer.stop()
        self.journal.clear()
        super().reject()

    def closeEvent(self, event: Any) -> None:
        self.reject()
        event.setAccepted(not self.isVisible())

    @Slot()
    def _on_new_complaint_clicked(self) -> None:
        if self.activity_id is None and self.save(submit=False) is None:
            return
        self.complaint_requested.emit(self.activity_id)

    # ---- printables -----------------------------------------------------------------------
    def _pdf_path(self, kind: str) -> Path:
        return self._core.paths.root / "printouts" / f"{kind}-{self.activity_id or 'new'}.pdf"

    def print_attendance_sheet(self) -> Path:
        """The blank daftar hadir of this session as a PDF (to print before the session)."""
        content, _ = self._core.activities.validate(self.data(), for_submit=False)
        self.last_document = html_document(attendance_sheet_html(content, self._core.reference.data()))
        return write_a4_pdf(self.last_document, self._pdf_path("daftar-hadir"), content.title)

    def print_report(self) -> Path:
        """The laporan kegiatan (as typed now) with the complaints collected, as a PDF."""
        content, _ = self._core.activities.validate(self.data(), for_submit=False)
        complaints = (self._core.activities.complaints_of(self.activity_id)
                      if self.activity_id else [])
        photos = [(e.new.path if e.new else self._core.files.path_for(e.sha256))
                  for e in self.attachments.entries() if e.media_type.startswith("image/")]
        self.last_document = report_document(content, self._core.reference.data(), complaints,
                                             photos)
        return write_a4_pdf(self.last_document, self._pdf_path("laporan-kegiatan"),
                            content.title)

    def _open_file(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    @Slot()
    def _on_import_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import participants"), "",
            self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"))
        if name:
            self.import_participants(Path(name))

    @Slot(object)
    def _on_attachments_problems_found(self, problems: list[Any]) -> None:
        lang = current_language()
        self.problems.setText("\n".join(p.message(lang) for p in problems))

    def import_participants(self, path: Path) -> ParticipantImportDialog:
        """Preview ``path``; the valid rows are added to the grid only if the user confirms."""
        dialog = ParticipantImportDialog(path, self)
        dialog.accepted.connect(
            lambda: self.grid.model.add_participants(dialog.valid_participants()))
        dialog.open()
        return dialog

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Socialization session"))
        texts = (self.tr("Session &name"), self.tr("&Topic"), self.tr("&Starts (WITA)"),
                 self.tr("&Ends (WITA)"), self.tr("&Village"), self.tr("V&enue"),
                 self.tr("&Organizer"), self.tr("&Facilitators (name; institution)"),
                 self.tr("Notes (su&mmary)"), self.tr("O&utcomes"),
                 self.tr("&Documentation (photos, signed attendance sheet)"),
                 self.tr("Complaints collected"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.grid_heading.setText(self.tr("Attendance (type a name, Enter moves on; L/P for "
                                          "gender)"))
        self.import_button.setText(self.tr("&Import participants from XLSX/CSV…"))
        self.sheet_button.setText(self.tr("Print blank attendance sheet"))
        self.report_button.setText(self.tr("Print activity report"))
        self.remove_button.setText(self.tr("Remove selected rows"))
        self.new_complaint_button.setText(self.tr("Create a complaint from this session"))
        self.save_button.setText(self.tr("Save draft"))
        self.submit_button.setText(self.tr("Submit"))
        self.close_button.setText(self.tr("Close"))
        self.grid.retranslate_ui()
        self.banner.retranslate_ui()

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
