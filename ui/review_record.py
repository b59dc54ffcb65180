"""UI layer: one record in the review workspace: its content (reporter identity hidden) beside its
status history, who holds the review lock, "Tampilkan identitas" (asks the hub, which logs who
asked, when, for which record) and the list of likely duplicates with "Duplikat dari ini"."""

from __future__ import annotations

import uuid
from datetime import datetime
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kim_desktop.domain.enums import Channel
from sync.client.review import DuplicateHint, RecordDetail
from ui.formatting import datetime_text, iso_to_display
from ui.labels import channel_label
from ui.review_common import (
    KeyRole,
    ReviewContext,
    item,
    review_table,
    status_item,
    status_text,
)
from ui.widgets import (
    ERROR_COLOUR,
    OK_COLOUR,
    WARNING_COLOUR,
    StatusBadgeDelegate,
)

_SHOWN_FIELDS = ("title", "body", "incident_date", "location_detail", "channel", "topic",
                 "date", "place", "summary")


class RecordPanel(QWidget):
    duplicate_chosen = Signal(object)      # uuid.UUID of the record this one duplicates

    def __init__(self, ctx: ReviewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.detail: RecordDetail | None = None
        self.hints: list[DuplicateHint] = []
        self.hints_available = True
        self.revealed: dict[str, Any] | None = None
        self.allowed_duplicate = False
        self.heading = QLabel(wordWrap=True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.lock_label = QLabel(wordWrap=True)
        self.content = QTextBrowser()
        self.content.setOpenLinks(False)
        self.reveal_button = QPushButton()
        self.reveal_button.clicked.connect(self.reveal)
        self.reveal_label = QLabel(wordWrap=True)
        self.reveal_label.setTextFormat(Qt.TextFormat.PlainText)
        self.history_model = QStandardItemModel(0, 4, self)
        self.history_view = review_table(self.history_model)
        self.history_view.setItemDelegateForColumn(0, StatusBadgeDelegate(self.history_view))
        self.hint_model = QStandardItemModel(0, 5, self)
        self.hint_view = review_table(self.hint_model)
        self.hint_view.setItemDelegateForColumn(3, StatusBadgeDelegate(self.hint_view))
        self.hint_view.selectionModel().selectionChanged.connect(self._update_hint_button)
        self.hint_view.doubleClicked.connect(self.mark_duplicate)
        self.hint_label = QLabel(wordWrap=True)
        self.duplicate_button = QPushButton()
        self.duplicate_button.setEnabled(False)
        self.duplicate_button.clicked.connect(self.mark_duplicate)
        self.history_box, self.hint_box = QGroupBox(), QGroupBox()
        hl = QVBoxLayout(self.history_box)
        hl.addWidget(self.history_view)
        dl = QVBoxLayout(self.hint_box)
        dl.addWidget(self.hint_label)
        dl.addWidget(self.hint_view)
        dl.addWidget(self.duplicate_button, 0, Qt.AlignmentFlag.AlignRight)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.content, 1)
        reveal_row = QHBoxLayout()
        reveal_row.addWidget(self.reveal_label, 1)
        reveal_row.addWidget(self.reveal_button)
        ll.addLayout(reveal_row)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.history_box)
        right.addWidget(self.hint_box)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.lock_label)
        layout.addWidget(split, 1)
        self.retranslate_ui()
        self.show_record(None)

    def retranslate_ui(self) -> None:
        self.reveal_button.setText(self.tr("Show &identity"))
        self.reveal_button.setToolTip(self.tr("The hub records who looked at the reporter's "
                                              "identity, when, and for which record."))
        self.history_box.setTitle(self.tr("Status history"))
        self.hint_box.setTitle(self.tr("Possible duplicates"))
        self.duplicate_button.setText(self.tr("&Duplicate of this"))
        self.history_model.setHorizontalHeaderLabels(
            [self.tr("Status"), self.tr("When"), self.tr("By"), self.tr("Note")])
        self.hint_model.setHorizontalHeaderLabels(
            [self.tr("Similarity"), self.tr("Tracking no."), self.tr("Village"),
             self.tr("Status"), self.tr("Title")])
        self._render()

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- showing -----------------------------------------------------------------------------
    def show_record(self, detail: RecordDetail | None, *, holder: str | None = None,
                    mine: bool = False, hints: list[DuplicateHint] | None = None,
                    hints_available: bool = True) -> None:
        self.detail, self.revealed = detail, None
        self.hints, self.hints_available = hints or [], hints_available
        self.show_lock(holder, mine)
        self.reveal_label.clear()
        self.reveal_button.setEnabled(detail is not None)
        self.history_model.removeRows(0, self.history_model.rowCount())
        for h in (detail.history if detail else []):
            self.history_model.appendRow([status_item(str(h.get("status") or "")),
                                          item(_when(h.get("at"))), item(h.get("actor") or ""),
                                          item(h.get("note") or "")])
        self._show_hints()
        self._render()

    def show_lock(self, holder: str | None, mine: bool) -> None:
        if self.detail is None:
            self.lock_label.clear()
        elif mine:
            self.lock_label.setStyleSheet(f"color: {OK_COLOUR};")
            self.lock_label.setText(self.tr("You are reviewing this record; other reviewers "
                                            "cannot change it meanwhile."))
        elif holder:
            self.lock_label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
            self.lock_label.setText(self.tr("Locked: %1 is reviewing this record. You can read "
                                            "it, but not decide.").replace("%1", holder))
        else:
            self.lock_label.setStyleSheet(f"color: {WARNING_COLOUR};")
            self.lock_label.setText(self.tr("This record could not be locked for you."))

    def _show_hints(self) -> None:
        refs = self._ctx.refs()
        self.hint_model.removeRows(0, self.hint_model.rowCount())
        for h in self.hints:
            self.hint_model.appendRow([item(f"{round(h.score * 100)}%", h.id),
                                       item(h.tracking_no or "—"),
                                       item(h.village_name or refs.village_label(h.village_code)),
                                       status_item(h.status), item(h.title or "")])
        if self.detail is None or self.detail.entity != "complaint":
            self.hint_label.setText("")
        elif not self.hints_available:
            self.hint_label.setText(self.tr("The hub does not offer duplicate hints yet."))
        elif not self.hints:
            self.hint_label.setText(self.tr("No similar reports found."))
        else:
            self.hint_label.setText(self.tr("Similar reports from the last weeks; choose one "
                                            "and press “Duplicate of this” to reject this "
                                            "record as its duplicate."))
        self._update_hint_button()

    def _render(self) -> None:
        d = self.detail
        if d is None:
            self.heading.setText(self.tr("Choose a record in the list."))
            self.content.clear()
            return
        refs = self._ctx.refs()
        cat = refs.category_label(d.category_code) if d.category_code else "—"
        agency = refs.agencies.get(d.agency_code) if d.agency_code else None
        # tr() outside the f-strings: the translation tools do not look inside them
        category_l, agency_l, received_l = (self.tr("Category"), self.tr("Agency"),
                                            self.tr("Received"))
        self.heading.setText(
            f"<b>{escape(d.tracking_no or '—')}</b> · {escape(refs.village_label(d.village_code))}"
            f" · {escape(status_text(d.status))}<br>"
            f"{escape(category_l)}: {escape(cat)} · {escape(agency_l)}: "
            f"{escape(agency.name if agency else (d.agency_code or '—'))} · "
            f"{escape(received_l)}: {escape(datetime_text(d.first_received_at))}")
        rows = []
        for key in _SHOWN_FIELDS:
            value = d.payload.get(key)
            if value in (None, ""):
                continue
            text = iso_to_display(value) if key in ("incident_date", "date") else \
                self._value(key, str(value))
            rows.append(f"<tr><td valign='top'><b>{escape(self._field(key))}</b></td>"
                        f"<td>{escape(text).replace(chr(10), '<br>')}</td></tr>")
        tracking_l, lapor_status_l = self.tr("LAPOR! tracking id"), self.tr("LAPOR! status")
        if d.lapor_tracking_id:
            rows.append(f"<tr><td><b>{escape(tracking_l)}</b></td>"
                        f"<td>{escape(d.lapor_tracking_id)}</td></tr>")
        if d.lapor_status_raw:
            rows.append(f"<tr><td><b>{escape(lapor_status_l)}</b></td>"
                        f"<td>{escape(d.lapor_status_raw)}</td></tr>")
        hidden_l, reporter_l = (self.tr("The reporter’s identity is hidden."),
                                self.tr("Reporter"))
        who = (self._identity_html() if self.revealed is not None else
               f"<i>{escape(hidden_l)}</i>")
        rows.append(f"<tr><td valign='top'><b>{escape(reporter_l)}</b></td>"
                    f"<td>{who}</td></tr>")
        self.content.setHtml(f"<table cellspacing='6'>{''.join(rows)}</table>")

    @staticmethod
    def _value(key: str, value: str) -> str:
        """A coded value in words (the channel), other values as they are."""
        if key == "channel":
            try:
                return channel_label(Channel(value))
            except ValueError:
                return value
        return value

    def _field(self, key: str) -> str:
        return {"title": self.tr("Title"), "body": self.tr("Description"),
                "incident_date": self.tr("Date of the incident"), "date": self.tr("Date"),
                "location_detail": self.tr("Location"), "place": self.tr("Place"),
                "channel": self.tr("Channel"), "topic": self.tr("Topic"),
                "summary": self.tr("Summary")}.get(key, key)

    def _identity_html(self) -> str:
        r = self.revealed or {}
        names = {"name": self.tr("Name"), "nik": self.tr("NIK"), "phone": self.tr("Phone"),
                 "address": self.tr("Address"), "email": self.tr("Email")}
        parts = [f"{escape(names.get(k, k))}: {escape(str(v))}" for k, v in r.items()
                 if v not in (None, "")]
        return "<br>".join(parts) or escape(self.tr("(no identity given)"))

    # -- actions -----------------------------------------------------------------------------
    @Slot()
    def reveal(self) -> None:
        if self.detail is None:
            return
        rid = self.detail.id
        self.reveal_button.setEnabled(False)
        self._ctx.call(lambda c: c.reveal(rid), lambda r: self._on_revealed(rid, r),
                       owner=self, name="review-reveal", on_error=self._on_reveal_failed)

    def _on_revealed(self, record_id: uuid.UUID, identity: dict[str, Any]) -> None:
        if self.detail is None or self.detail.id != record_id:
            return
        self.revealed = identity
        self.reveal_label.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.reveal_label.setText(self.tr("Identity shown. This was logged at the hub under "
                                          "your name, with the time and the record."))
        self._render()

    def _on_reveal_failed(self, error: BaseException) -> None:
        self.reveal_button.setEnabled(self.detail is not None)
        self._ctx.on_error(error)

    def hide_identity(self) -> None:
        """Forget what was revealed (when leaving the record)."""
        self.revealed = None
        self._render()

    @Slot()
    def _update_hint_button(self, *_: Any) -> None:
        self.duplicate_button.setEnabled(self.allowed_duplicate and
                                         self.chosen_hint() is not None)

    def set_decisions_allowed(self, allowed: bool) -> None:
        self.allowed_duplicate = allowed
        self._update_hint_button()

    def chosen_hint(self) -> uuid.UUID | None:
        rows = self.hint_view.selectionModel().selectedRows()
        return rows[0].data(KeyRole) if rows else None

    @Slot()
    def mark_duplicate(self, *_: Any) -> None:
        hint = self.chosen_hint()
        if hint is not None and self.allowed_duplicate:
            self.duplicate_chosen.emit(hint)


def _when(value: Any) -> str:
    if not value:
        return ""
    try:
        return datetime_text(datetime.fromisoformat(str(value)))
    except ValueError:
        return str(value)
