"""UI layer: the Sinkronisasi page: "Sinkronkan sekarang", the progress of a run (records and
bytes), what waits to be sent, the recent runs, what the hub set aside and why (with the way to
send it again), and a warning when this computer's clock is far off the hub's. The
`SyncController` (``ui/sync_controller.py``) owns the sync thread; this page only reads the
store off the GUI thread and listens to the controller's signals."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kim_desktop.core import Core
from kim_desktop.domain.errors import KimError
from ui.errors import error_text, show_error
from ui.formatting import date_text, datetime_text
from ui.labels import outbox_label
from ui.sync_controller import SyncControllerLike
from ui.sync_runs import (
    COL_ERROR,
    COL_STARTED,
    SortRole,
    SyncOverview,
    SyncRunTableModel,
    clock_warning,
    kb_text,
    load_overview,
    reason_text,
)
from ui.tasks import run_in_background

if TYPE_CHECKING:
    from sync.client.engine import SyncReport

OUTBOX_STATES = ("pending", "sending", "set_aside")
INFO_STYLE = ("background: #eef4fa; border: 1px solid #c9d9ea; border-radius: 4px; "
              "padding: 8px;")
WARNING_STYLE = ("background: #fff4df; border: 1px solid #e0b252; border-radius: 4px; "
                 "padding: 8px; color: #5c3d00;")
KeyRole = Qt.ItemDataRole.UserRole


class SyncPage(QWidget):
    open_complaint_requested = Signal(object)     # UUID
    resubmit_requested = Signal(object)           # UUID of a set-aside report
    settings_requested = Signal()

    def __init__(self, core: Core, controller: SyncControllerLike | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core, self._controller = core, controller
        self.overview: SyncOverview | None = None
        self._result: tuple[str, Any] | None = None     # ("ok", report) | ("failed", code)
        self._syncing = False
        self._done_total = (0, 0)
        self._bytes = 0
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.sync_button = QPushButton()
        self.sync_button.clicked.connect(self.sync_now)
        self.explain = QLabel(wordWrap=True)
        self.explain.setStyleSheet(INFO_STYLE)
        self.settings_button = QPushButton()
        self.settings_button.clicked.connect(self.settings_requested)
        self.clock_label = QLabel(wordWrap=True)
        self.clock_label.setStyleSheet(WARNING_STYLE)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress_label = QLabel()
        self.result_label = QLabel(wordWrap=True)
        self.values = {k: QLabel(wordWrap=True) for k in
                       ("last_sync", "last_attempt", "oldest", "clock", *OUTBOX_STATES)}
        self._labels: dict[str, QLabel] = {}
        self.runs_model = SyncRunTableModel(self)
        self.runs_proxy = QSortFilterProxyModel(self)
        self.runs_proxy.setSourceModel(self.runs_model)
        self.runs_proxy.setSortRole(SortRole)
        self.runs_view = QTableView()
        self.runs_view.setModel(self.runs_proxy)
        self.runs_view.setSortingEnabled(True)
        self.runs_view.sortByColumn(COL_STARTED, Qt.SortOrder.DescendingOrder)
        self.runs_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.runs_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.runs_view.verticalHeader().hide()
        self.runs_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.runs_view.horizontalHeader().setSectionResizeMode(COL_ERROR,
                                                               QHeaderView.ResizeMode.Stretch)
        self.runs_empty = QLabel()
        self.set_aside = QStandardItemModel(0, 3, self)
        self.set_aside_view = QTreeView()
        self.set_aside_view.setModel(self.set_aside)
        self.set_aside_view.setRootIsDecorated(False)
        self.set_aside_view.setMaximumHeight(120)     # a few rows; the runs get the rest
        self.set_aside_view.doubleClicked.connect(self._on_set_aside_double_clicked)
        self.set_aside_view.selectionModel().currentChanged.connect(self._update_aside_buttons)
        self.aside_hint = QLabel(wordWrap=True)
        self.open_button, self.resubmit_button = QPushButton(), QPushButton()
        self.open_button.clicked.connect(self._on_open_clicked)
        self.resubmit_button.clicked.connect(self._on_resubmit_clicked)
        self._build_layout()
        if controller is not None:
            controller.sync_started.connect(self._on_controller_sync_started)
            controller.progress.connect(self._on_controller_progress)
            controller.transferred.connect(self._on_controller_transferred)
            controller.sync_finished.connect(self._on_controller_sync_finished)
            controller.sync_failed.connect(self._on_controller_sync_failed)
            controller.enrolled.connect(self.reload)
        self.retranslate_ui()

    def _build_layout(self) -> None:
        self.state_box, self.backlog_box = QGroupBox(), QGroupBox()
        self.runs_box, self.aside_box = QGroupBox(), QGroupBox()
        state = QFormLayout(self.state_box)
        for k in ("last_sync", "last_attempt", "clock"):
            self._labels[k] = QLabel()
            state.addRow(self._labels[k], self.values[k])
        backlog = QFormLayout(self.backlog_box)
        for k in (*OUTBOX_STATES, "oldest"):
            self._labels[k] = QLabel()
            backlog.addRow(self._labels[k], self.values[k])
        runs = QVBoxLayout(self.runs_box)
        runs.addWidget(self.runs_view)
        runs.addWidget(self.runs_empty)
        aside = QVBoxLayout(self.aside_box)
        aside.addWidget(self.aside_hint)
        aside.addWidget(self.set_aside_view)
        aside_buttons = QHBoxLayout()
        aside_buttons.addStretch(1)
        aside_buttons.addWidget(self.open_button)
        aside_buttons.addWidget(self.resubmit_button)
        aside.addLayout(aside_buttons)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.sync_button)
        explain = QHBoxLayout()
        explain.addWidget(self.explain, 1)
        explain.addWidget(self.settings_button)
        progress = QHBoxLayout()
        progress.addWidget(self.progress, 1)
        progress.addWidget(self.progress_label)
        boxes = QHBoxLayout()
        boxes.addWidget(self.state_box, 3)
        boxes.addWidget(self.backlog_box, 2)
        layout = self._page_layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(explain)
        layout.addWidget(self.clock_label)
        layout.addLayout(progress)
        layout.addWidget(self.result_label)
        layout.addLayout(boxes)
        layout.addWidget(self.runs_box, 5)
        layout.addWidget(self.aside_box)
        layout.addStretch(1)          # takes the space while there are no runs yet
        self._show_progress(False)

    # -- data -------------------------------------------------------------------------------
    @Slot()
    def reload(self, *_: object) -> None:
        runs = self._controller.recent_runs if self._controller is not None else None
        run_in_background(lambda: load_overview(self._core, runs), self._on_overview_loaded,
                          self._on_overview_failed, owner=self, name="load sync overview")

    def _on_overview_failed(self, error: BaseException) -> None:
        show_error(self, error)

    @Slot(object)
    def _on_overview_loaded(self, overview: SyncOverview) -> None:
        self.overview = overview
        self.runs_model.set_runs(overview.runs)
        self._render()

    def _render(self) -> None:
        o = self.overview
        self._render_explain()
        if o is None:
            return
        st, never = o.status, self.tr("never")
        self.values["last_sync"].setText(datetime_text(st.last_sync_at) or never)
        attempt = datetime_text(st.last_attempt_at) or never
        if st.last_error_code:
            attempt += " · " + error_text(st.last_error_code)[0]
        self.values["last_attempt"].setText(attempt)
        warning = clock_warning(st.clock_offset_seconds)
        self.clock_label.setText("⚠ " + warning)
        self.clock_label.setVisible(bool(warning))
        self.values["clock"].setText(
            self.tr("not measured yet") if st.clock_offset_seconds is None else
            self.tr("differs from the hub (see the warning above)") if warning else self.tr("OK"))
        for k in OUTBOX_STATES:
            self.values[k].setText(str(st.backlog.get(k, 0)))
        self.values["oldest"].setText(date_text(st.oldest_unsent_at) or "–")
        self.runs_empty.setVisible(not o.runs)
        self.runs_view.setVisible(bool(o.runs))
        self._page_layout.setStretchFactor(self.runs_box, 5 if o.runs else 0)
        self.set_aside.removeRows(0, self.set_aside.rowCount())
        for c in o.complaints_set_aside:
            self._add_aside(self.tr("Report"), f"{c.tracking_no} · {c.content.title}",
                            c.set_aside_reason or "", c.id)
        for a in o.activities_set_aside:
            self._add_aside(self.tr("Session"), a.content.title, a.set_aside_reason or "", None)
        self.aside_box.setVisible(self.set_aside.rowCount() > 0)
        for col, width in ((0, 90), (1, 300)):
            self.set_aside_view.setColumnWidth(col, width)
        self._update_aside_buttons()

    def _add_aside(self, kind: str, what: str, reason: str, complaint_id: UUID | None) -> None:
        row = [QStandardItem(kind), QStandardItem(what), QStandardItem(reason_text(reason))]
        for item in row:
            item.setEditable(False)
        row[2].setToolTip(f"{row[2].text()}\n({reason})" if row[2].text() != reason else reason)
        row[0].setData(complaint_id, KeyRole)
        self.set_aside.appendRow(row)

    def selected_set_aside(self) -> UUID | None:
        index = self.set_aside_view.currentIndex()
        if not index.isValid():
            return None
        key = self.set_aside.item(index.row(), 0).data(KeyRole)
        return key if isinstance(key, UUID) else None

    @Slot()
    def _update_aside_buttons(self, *_: object) -> None:
        selected = self.selected_set_aside() is not None
        self.open_button.setEnabled(selected)
        self.resubmit_button.setEnabled(selected)

    @Slot(QModelIndex)
    def _on_set_aside_double_clicked(self, index: QModelIndex) -> None:
        key = self.set_aside.item(index.row(), 0).data(KeyRole)
        if isinstance(key, UUID):
            self.open_complaint_requested.emit(key)

    @Slot()
    def _on_open_clicked(self) -> None:
        if (key := self.selected_set_aside()) is not None:
            self.open_complaint_requested.emit(key)

    @Slot()
    def _on_resubmit_clicked(self) -> None:
        if (key := self.selected_set_aside()) is not None:
            self.resubmit_requested.emit(key)

    # -- syncing ----------------------------------------------------------------------------
    @Slot()
    def sync_now(self) -> None:
        if self._controller is not None and not self._syncing:
            self._controller.sync_now()

    @Slot()
    def _on_controller_sync_started(self) -> None:
        self._syncing = True
        self._done_total, self._bytes = (0, 0), 0
        self.progress.setRange(0, 0)
        self._show_progress(True)
        self._result = None
        self.runs_model.set_live(True)
        self.retranslate_ui()

    @Slot(int, int)
    def _on_controller_progress(self, done: int, total: int) -> None:
        self._done_total = (done, total)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        self._render_progress()

    @Slot(int)
    def _on_controller_transferred(self, n_bytes: int) -> None:
        self._bytes = n_bytes
        self._render_progress()

    @Slot(object)
    def _on_controller_sync_finished(self, report: SyncReport) -> None:
        self._end_sync(("ok", report))

    @Slot(object)
    def _on_controller_sync_failed(self, error: object) -> None:
        if not isinstance(error, KimError):
            assert isinstance(error, BaseException)
            show_error(self, error)
        self._end_sync(("failed", error.code if isinstance(error, KimError) else "unexpected"))

    def _end_sync(self, result: tuple[str, Any]) -> None:
        self._syncing = False
        self._show_progress(False)
        self.runs_model.set_live(False)
        self._result = result
        self.retranslate_ui()
        self.reload()

    def _show_progress(self, shown: bool) -> None:
        self.progress.setVisible(shown)
        self.progress_label.setVisible(shown)

    # -- text -------------------------------------------------------------------------------
    def _render_progress(self) -> None:
        done, total = self._done_total
        self.progress_label.setText(
            self.tr("%1 of %2 records · %3 sent").replace("%1", str(done))
            .replace("%2", str(total)).replace("%3", kb_text(self._bytes)))

    def _render_explain(self) -> None:
        o, configured = self.overview, self._controller is not None
        not_enrolled = configured and o is not None and not o.enrolled
        if not configured:
            text = self.tr("Synchronization is not available in this installation. Everything "
                           "stays safely on this computer.")
        elif not_enrolled:
            text = self.tr("This computer is not registered with the district hub yet. Open "
                           "Settings, section “Registration with the hub”, enter the hub address "
                           "and the one-time code from Diskominfo-SP and press “Register”. Until "
                           "then everything stays safely on this computer.")
        else:
            text = self.tr("Reports are sent to the district hub when there is a connection; the "
                           "district's decisions come back the same way.")
            if o is not None and o.hub_url:
                text += " " + self.tr("Hub: %1").replace("%1", o.hub_url)
        self.explain.setText(text)
        self.settings_button.setVisible(not_enrolled)

    def _result_text(self) -> str:
        if self._result is None:
            return ""
        kind, value = self._result
        if kind == "failed":
            message, next_step = error_text(str(value))
            return f"{message} {next_step}"
        if getattr(value, "cancelled", False):
            return self.tr("Synchronization stopped; the rest is sent next time.")
        text = (self.tr("Synchronization finished: %1 sent, %2 updates from the hub (%3 sent "
                        "over the network).")
                .replace("%1", str(value.pushed)).replace("%2", str(value.pulled))
                .replace("%3", kb_text(value.bytes_sent)))
        if value.set_aside:
            text += " " + self.tr("%1 set aside by the hub: see below.").replace(
                "%1", str(value.set_aside))
        return text

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Synchronization"))
        self.sync_button.setText(self.tr("Sync now"))
        self.sync_button.setEnabled(self._controller is not None and not self._syncing)
        self.settings_button.setText(self.tr("Open Settings"))
        self.result_label.setText(self._result_text())
        self.result_label.setVisible(self._result is not None)
        self.state_box.setTitle(self.tr("Last synchronization"))
        self.backlog_box.setTitle(self.tr("Waiting to be sent"))
        self.runs_box.setTitle(self.tr("Recent synchronizations"))
        self.runs_empty.setText(self.tr("No synchronization has run on this computer yet."))
        self.aside_box.setTitle(self.tr("Set aside by the hub (needs attention)"))
        self.aside_hint.setText(self.tr(
            "These records are back in draft. Open one (double-click or “Open”), press “Edit” "
            "and correct what the reason says, then press “Submit” in the report's detail view. "
            "“Try sending again” does the same for the selected report: it opens the detail "
            "view and submits it; the form shows anything that still needs correcting. Sessions "
            "are corrected on the Sessions page."))
        self.open_button.setText(self.tr("Open"))
        self.resubmit_button.setText(self.tr("Try sending again"))
        names = {"last_sync": self.tr("Last successful"), "last_attempt": self.tr("Last attempt"),
                 "clock": self.tr("Clock"), "oldest": self.tr("Oldest unsent since")}
        names.update({k: outbox_label(k) for k in OUTBOX_STATES})
        for k, label in self._labels.items():
            label.setText(names[k])
        self.set_aside.setHorizontalHeaderLabels([self.tr("Type"), self.tr("Record"),
                                                  self.tr("Reason")])
        self.runs_model.retranslate()
        if self._syncing:
            self._render_progress()
        self._render()

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
