"""UI layer: the Sinkronisasi page: what waits to be sent (by outbox state), what the hub set
aside and why, when the last sync ran, and "Sinkronkan sekarang" when a `SyncController` is
configured. The controller itself (``ui/sync_controller.py``) owns the sync thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol
from uuid import UUID

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kim_desktop.core import Core
from kim_desktop.domain.enums import Status
from kim_desktop.domain.errors import KimError
from kim_desktop.domain.models import Activity, Complaint, ComplaintQuery
from kim_desktop.services.status import StoreStatus
from ui.errors import error_text, show_error
from ui.formatting import date_text, datetime_text
from ui.labels import outbox_label
from ui.tasks import run_in_background

OUTBOX_STATES = ("pending", "sending", "set_aside")


class SyncControllerLike(Protocol):
    """What the UI uses of ``ui.sync_controller.SyncController``."""

    sync_started: Any          # Signal()
    progress: Any              # Signal(int, int): done, total
    sync_finished: Any         # Signal(object): the sync report
    sync_failed: Any           # Signal(object): a KimError or an unexpected exception
    online_changed: Any        # Signal(bool)

    def sync_now(self) -> object: ...     # True when a run started
    def shutdown(self) -> None: ...


@dataclass(frozen=True)
class SyncOverview:
    status: StoreStatus
    complaints_set_aside: tuple[Complaint, ...]
    activities_set_aside: tuple[Activity, ...]


def load_overview(core: Core) -> SyncOverview:
    """Runs off the GUI thread. Set-aside records are back in draft with a reason."""
    drafts = core.complaints.iter_all(ComplaintQuery(statuses=(Status.DRAFT, Status.QUEUED)))
    return SyncOverview(core.status.status(),
                        tuple(c for c in drafts if c.set_aside_reason),
                        tuple(a for a in core.activities.list() if a.set_aside_reason))


class SyncPage(QWidget):
    open_complaint_requested = Signal(object)     # UUID

    def __init__(self, core: Core, controller: SyncControllerLike | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core, self._controller = core, controller
        self.overview: SyncOverview | None = None
        self._result_code: str | None = None
        self._syncing = False
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.sync_button = QPushButton()
        self.sync_button.clicked.connect(self.sync_now)
        self.explain = QLabel(wordWrap=True)
        self.explain.setStyleSheet("background: #eef4fa; border: 1px solid #c9d9ea; "
                                   "border-radius: 4px; padding: 8px;")
        self.progress = QProgressBar()
        self.progress.hide()
        self.result_label = QLabel(wordWrap=True)
        self.values = {k: QLabel(wordWrap=True) for k in
                       ("last_sync", "last_attempt", "oldest", "clock", *OUTBOX_STATES)}
        self._labels: dict[str, QLabel] = {}
        self.set_aside = QStandardItemModel(0, 3, self)
        self.set_aside_view = QTreeView()
        self.set_aside_view.setModel(self.set_aside)
        self.set_aside_view.setRootIsDecorated(False)
        self.set_aside_view.doubleClicked.connect(self._on_set_aside_double_clicked)
        self.state_box, self.backlog_box, self.aside_box = QGroupBox(), QGroupBox(), QGroupBox()
        state = QFormLayout(self.state_box)
        for k in ("last_sync", "last_attempt", "clock"):
            self._labels[k] = QLabel()
            state.addRow(self._labels[k], self.values[k])
        backlog = QFormLayout(self.backlog_box)
        for k in (*OUTBOX_STATES, "oldest"):
            self._labels[k] = QLabel()
            backlog.addRow(self._labels[k], self.values[k])
        QVBoxLayout(self.aside_box).addWidget(self.set_aside_view)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.sync_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        for w in (self.explain, self.progress, self.result_label, self.state_box,
                  self.backlog_box):
            layout.addWidget(w)
        layout.addWidget(self.aside_box, 10)
        layout.addStretch(1)          # takes the space while nothing is set aside
        if controller is not None:
            controller.sync_started.connect(self._on_controller_sync_started)
            controller.progress.connect(self._on_controller_progress)
            controller.sync_finished.connect(self._on_controller_sync_finished)
            controller.sync_failed.connect(self._on_controller_sync_failed)
        self.retranslate_ui()

    # -- data -------------------------------------------------------------------------------
    def reload(self) -> None:
        run_in_background(lambda: load_overview(self._core), self._on_overview_loaded,
                          self._on_overview_failed, owner=self, name="load sync overview")

    def _on_overview_failed(self, error: BaseException) -> None:
        show_error(self, error)

    @Slot(object)
    def _on_overview_loaded(self, overview: SyncOverview) -> None:
        self.overview = overview
        self._render()

    def _render(self) -> None:
        o = self.overview
        never = self.tr("never")
        if o is None:
            return
        st = o.status
        self.values["last_sync"].setText(datetime_text(st.last_sync_at) or never)
        attempt = datetime_text(st.last_attempt_at) or never
        if st.last_error_code:
            attempt += " · " + error_text(st.last_error_code)[0]
        self.values["last_attempt"].setText(attempt)
        offset = st.clock_offset_seconds
        self.values["clock"].setText(
            self.tr("This computer's clock differs from the hub by %1 minutes. Dates are kept "
                    "correct anyway.").replace("%1", str(round(abs(offset) / 60)))
            if offset is not None and abs(offset) >= 120 else self.tr("OK"))
        for k in OUTBOX_STATES:
            self.values[k].setText(str(st.backlog.get(k, 0)))
        self.values["oldest"].setText(date_text(st.oldest_unsent_at) or "–")
        self.set_aside.removeRows(0, self.set_aside.rowCount())
        for c in o.complaints_set_aside:
            self._add_aside(self.tr("Report"), f"{c.tracking_no} · {c.content.title}",
                            c.set_aside_reason or "", c.id)
        for a in o.activities_set_aside:
            self._add_aside(self.tr("Session"), a.content.title, a.set_aside_reason or "", None)
        self.aside_box.setVisible(self.set_aside.rowCount() > 0)
        for col, width in ((0, 90), (1, 380)):
            self.set_aside_view.setColumnWidth(col, width)

    def _add_aside(self, kind: str, what: str, reason: str, complaint_id: UUID | None) -> None:
        row = [QStandardItem(kind), QStandardItem(what), QStandardItem(reason)]
        for item in row:
            item.setEditable(False)
        row[0].setData(complaint_id, Qt.ItemDataRole.UserRole)
        self.set_aside.appendRow(row)

    @Slot(QModelIndex)
    def _on_set_aside_double_clicked(self, index: QModelIndex) -> None:
        key = self.set_aside.item(index.row(), 0).data(Qt.ItemDataRole.UserRole)
        if key is not None:
            self.open_complaint_requested.emit(key)

    # -- syncing ----------------------------------------------------------------------------
    @Slot()
    def sync_now(self) -> None:
        if self._controller is not None and not self._syncing:
            self._controller.sync_now()

    @Slot()
    def _on_controller_sync_started(self) -> None:
        self._syncing = True
        self.progress.setRange(0, 0)
        self.progress.show()
        self._result_code = None
        self.retranslate_ui()

    @Slot(int, int)
    def _on_controller_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    @Slot(object)
    def _on_controller_sync_finished(self, _report: object) -> None:
        self._end_sync("ok")

    @Slot(object)
    def _on_controller_sync_failed(self, error: object) -> None:
        if not isinstance(error, KimError):
            assert isinstance(error, BaseException)
            show_error(self, error)
        self._end_sync(error.code if isinstance(error, KimError) else "unexpected")

    def _end_sync(self, code: str) -> None:
        self._syncing = False
        self.progress.hide()
        self._result_code = code
        self.retranslate_ui()
        self.reload()

    # -- text -------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Synchronization"))
        self.sync_button.setText(self.tr("Sync now"))
        configured = self._controller is not None
        self.sync_button.setEnabled(configured and not self._syncing)
        self.explain.setText(
            self.tr("Reports are sent to the district hub when there is a connection; the "
                    "district's decisions come back the same way.") if configured else
            self.tr("Synchronization is not set up on this computer yet: enter the hub address "
                    "in Settings and register this computer with the code from Diskominfo-SP. "
                    "Until then everything stays safely on this computer."))
        if self._result_code == "ok":
            self.result_label.setText(self.tr("Synchronization finished."))
        elif self._result_code:
            message, next_step = error_text(self._result_code)
            self.result_label.setText(f"{message} {next_step}")
        self.result_label.setVisible(bool(self._result_code))
        self.state_box.setTitle(self.tr("Last synchronization"))
        self.backlog_box.setTitle(self.tr("Waiting to be sent"))
        self.aside_box.setTitle(self.tr("Set aside by the hub (needs attention)"))
        names = {"last_sync": self.tr("Last successful"), "last_attempt": self.tr("Last attempt"),
                 "clock": self.tr("Clock"), "oldest": self.tr("Oldest unsent since")}
        names.update({k: outbox_label(k) for k in OUTBOX_STATES})
        for k, label in self._labels.items():
            label.setText(names[k])
        self.set_aside.setHorizontalHeaderLabels([self.tr("Type"), self.tr("Record"),
                                                  self.tr("Reason")])
        self._render()

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
