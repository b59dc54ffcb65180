"""UI layer: the district review workspace (reviewer role, online against the hub).

First a login box; then the workspace: the inbox (batches with counts per status, the records
of the chosen batch, filters "Perlu ditinjau" and "Lewat tenggat"), the chosen record beside its
status history, the decision bar (Alt+V verify, Alt+K return, Alt+T reject), duplicate hints,
forwarding to SP4N-LAPOR! and "Impor bundel USB…". Opening a record takes its review lock (kept
alive while it stays open, released when leaving it); a lock held by someone else is shown and
the decision buttons stay off. Tabs "Dasbor" and "Kesehatan sinkronisasi" come from
``ui/review_reports.py``. Every hub call runs off the GUI thread.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kim_desktop.core import Core
from kim_desktop.domain.errors import KimError
from sync.client.review import (
    DuplicateHint,
    HubNotFound,
    LockInfo,
    LoginExpired,
    RecordDetail,
    RecordLocked,
    ReviewClient,
)
from ui.errors import show_error
from ui.review_bundle import BundleImportBar
from ui.review_common import ReviewContext
from ui.review_decision import DecisionPanel
from ui.review_forward import ForwardPanel
from ui.review_inbox import ReviewInbox
from ui.review_login import ReviewLoginBox
from ui.review_record import RecordPanel
from ui.review_reports import ReportsPanel, SyncHealthPanel
from ui.tasks import run_in_background

log = logging.getLogger(__name__)
LOCK_RENEW_MS = 4 * 60 * 1000          # the hub's lock lasts 10 minutes


@dataclass(frozen=True)
class OpenedRecord:
    detail: RecordDetail
    lock: LockInfo | None
    holder: str | None
    hints: list[DuplicateHint]
    hints_available: bool


def open_record(client: ReviewClient, record_id: uuid.UUID) -> OpenedRecord:
    """Take the lock (or learn who holds it), then read the record and its duplicate hints."""
    lock: LockInfo | None = None
    holder: str | None = None
    try:
        lock = client.lock(record_id)
    except RecordLocked as exc:
        holder = exc.holder
    detail = client.record(record_id)
    hints: list[DuplicateHint] = []
    available = True
    if detail.entity == "complaint":
        try:
            hints = [h for h in client.duplicates(record_id) if h.id != record_id]
        except HubNotFound:
            available = False
    return OpenedRecord(detail, lock, holder or (detail.locked_by if lock is None else None),
                        hints, available)


class ReviewPage(QWidget):
    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self.client: ReviewClient | None = None
        self.current: uuid.UUID | None = None
        self.opened: OpenedRecord | None = None
        self.ctx = ReviewContext(client=lambda: self.client, refs=core.reference.data,
                                 on_error=self.handle_error)
        self.login_box = ReviewLoginBox(core)
        self.login_box.logged_in.connect(self._on_logged_in)
        login_page = QWidget()
        ll = QVBoxLayout(login_page)
        ll.addStretch(1)
        ll.addWidget(self.login_box, 0, Qt.AlignmentFlag.AlignHCenter)
        ll.addStretch(2)

        self.who_label = QLabel()
        self.bundle_bar = BundleImportBar(self.ctx)
        self.logout_button = QPushButton()
        self.logout_button.clicked.connect(self.log_out)
        top = QHBoxLayout()
        top.addWidget(self.who_label)
        top.addWidget(self.bundle_bar, 1)
        top.addWidget(self.logout_button)

        self.inbox = ReviewInbox(self.ctx)
        self.inbox.record_chosen.connect(self.choose_record)
        self.inbox.decided.connect(self._reopen)
        self.record_panel = RecordPanel(self.ctx)
        self.decision = DecisionPanel(self.ctx)
        self.decision.duplicate_source = self.record_panel.chosen_hint
        self.decision.decided.connect(self._on_decided)
        self.decision.classified.connect(lambda _rid: self._reopen())
        self.record_panel.duplicate_chosen.connect(
            lambda dup: self.decision.decide("reject", duplicate_of=dup))
        self.forward_panel = ForwardPanel(self.ctx)
        self.forward_panel.changed.connect(lambda _rid: self._on_decided(None, ""))
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.decision)
        sl.addWidget(self.forward_panel)
        sl.addStretch(1)
        side_scroll = QScrollArea()
        side_scroll.setWidgetResizable(True)
        side_scroll.setWidget(side)
        detail = QSplitter(Qt.Orientation.Vertical)
        detail.addWidget(self.record_panel)
        detail.addWidget(side_scroll)
        detail.setStretchFactor(0, 3)
        detail.setStretchFactor(1, 2)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.inbox)
        split.addWidget(detail)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([560, 840])      # the inbox wide enough for its columns at first
        self.tabs = QTabWidget()
        self.review_tab = split
        self.tabs.addTab(split, "")
        regions = core.reference.data().regions
        self.reports_panel = ReportsPanel(lambda: self.client, regions=regions)
        self.health_panel = SyncHealthPanel(lambda: self.client, regions=regions)
        for panel in (self.reports_panel, self.health_panel):
            self.tabs.addTab(panel, "")
            panel.failed.connect(self._on_panel_failed)
        workspace = QWidget()
        wl = QVBoxLayout(workspace)
        wl.setContentsMargins(0, 0, 0, 0)
        wl.addLayout(top)
        wl.addWidget(self.tabs, 1)

        self.stack = QStackedWidget()
        self.stack.addWidget(login_page)
        self.stack.addWidget(workspace)
        self.workspace = workspace
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.renew_timer = QTimer(self)
        self.renew_timer.setInterval(LOCK_RENEW_MS)
        self.renew_timer.timeout.connect(self._renew_lock)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.logout_button.setText(self.tr("Log &out"))
        self.tabs.setTabText(0, self.tr("Review"))
        self.tabs.setTabText(1, self.tr("Dashboard"))
        self.tabs.setTabText(2, self.tr("Sync health"))
        self._show_who()

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_who(self) -> None:
        c = self.client
        if c is None or c.login_info is None:
            self.who_label.clear()
            return
        self.who_label.setText(self.tr("Logged in as %1 at %2").replace(
            "%1", c.login_info.username).replace("%2", c.base_url))

    # -- login -------------------------------------------------------------------------------
    @property
    def logged_in(self) -> bool:
        return self.client is not None and self.client.logged_in

    @Slot(object)
    def _on_logged_in(self, client: ReviewClient) -> None:
        if self.client is not None:
            self.client.close()
        self.client = client
        self._show_who()
        self.stack.setCurrentWidget(self.workspace)
        self.inbox.refresh()
        self.inbox.record_view.setFocus()

    @Slot()
    def log_out(self) -> None:
        client, rid = self.client, self.current
        self._leave_record()
        self.client = None
        self.stack.setCurrentIndex(0)
        self._show_who()
        if client is not None:
            def end() -> None:
                if rid is not None:
                    with contextlib.suppress(KimError):
                        client.unlock(rid)
                client.logout()
                client.close()
            run_in_background(end, lambda _r: None, owner=None, name="review-logout")
        self.login_box.user_edit.setFocus()

    def handle_error(self, error: BaseException) -> None:
        """The one error path of the workspace: an expired login goes back to the login box."""
        if isinstance(error, LoginExpired):
            self._login_expired()
            return
        show_error(self, error)

    @Slot(object)
    def _on_panel_failed(self, error: object) -> None:
        """The report panels show their errors themselves; an expired login ends the visit."""
        if isinstance(error, LoginExpired) and self.client is not None:
            self._login_expired()

    def _login_expired(self) -> None:
        if self.client is not None:
            self.client.close()
        self.client = None
        self._leave_record()
        self.stack.setCurrentIndex(0)
        self._show_who()
        self.login_box.show_expired()

    # -- records -----------------------------------------------------------------------------
    @Slot(object)
    def choose_record(self, record_id: uuid.UUID | None) -> None:
        if record_id == self.current:
            return
        self._release(self.current)
        self._leave_record()
        if record_id is None:
            return
        self.current = record_id
        self.ctx.call(lambda c: open_record(c, record_id),
                      lambda opened: self._show_opened(record_id, opened), owner=self,
                      name="review-open")

    def _show_opened(self, record_id: uuid.UUID, opened: OpenedRecord) -> None:
        if record_id != self.current:      # the reviewer moved on meanwhile: let go
            if opened.lock is not None:
                self.ctx.call(lambda c: c.unlock(record_id), lambda _r: None, owner=self,
                              name="review-unlock", on_error=self._log_unlock_error)
            return
        self.opened = opened
        mine = opened.lock is not None
        self.record_panel.show_record(opened.detail, holder=opened.holder, mine=mine,
                                      hints=opened.hints, hints_available=opened.hints_available)
        self.record_panel.set_decisions_allowed(mine)
        self.decision.set_record(opened.detail, allowed=mine)
        self.forward_panel.set_record(opened.detail, allowed=mine)
        self.forward_panel.load_state()
        if mine:
            self.renew_timer.start()

    def _leave_record(self) -> None:
        self.renew_timer.stop()
        self.current, self.opened = None, None
        self.record_panel.show_record(None)
        self.record_panel.set_decisions_allowed(False)
        self.decision.set_record(None, allowed=False)
        self.forward_panel.set_record(None, allowed=False)

    def _release(self, record_id: uuid.UUID | None) -> None:
        """Give back the lock of ``record_id`` if this reviewer holds it."""
        o = self.opened
        if record_id is None or o is None or o.detail.id != record_id or o.lock is None:
            return
        self.ctx.call(lambda c: c.unlock(record_id), lambda _r: None, owner=self,
                      name="review-unlock", on_error=self._log_unlock_error)

    @staticmethod
    def _log_unlock_error(error: BaseException) -> None:
        # the lock runs out by itself after 10 minutes; nothing for the reviewer to do
        log.info("releasing a review lock failed: %s", getattr(error, "code", "unexpected"))

    @Slot()
    def _renew_lock(self) -> None:
        rid = self.current
        if rid is None or self.opened is None or self.opened.lock is None:
            return
        self.ctx.call(lambda c: c.lock(rid), lambda _l: None, owner=self, name="review-renew",
                      on_error=self._on_renew_failed)

    def _on_renew_failed(self, error: BaseException) -> None:
        if isinstance(error, RecordLocked) and self.opened is not None:
            self.record_panel.show_lock(error.holder, mine=False)
            self.decision.set_record(self.opened.detail, allowed=False)
            self.forward_panel.set_record(self.opened.detail, allowed=False)
            self.record_panel.set_decisions_allowed(False)
            return
        self.handle_error(error)

    @Slot()
    def _reopen(self) -> None:
        """Read the open record again (after a change at the hub), keeping its place."""
        rid = self.current
        if rid is None:
            return
        self.ctx.call(lambda c: open_record(c, rid),
                      lambda opened: self._show_opened(rid, opened), owner=self,
                      name="review-reopen")

    def _on_decided(self, _record_id: object, _status: str) -> None:
        self._reopen()
        self.inbox.refresh()
