"""UI layer: the permanent part of the status bar: connection (from the sync controller's
``online_changed``; unknown until the hub was first asked, "not registered" before enrolment),
how much waits to be sent and when the last sync succeeded (from `StatusService`, read off the
GUI thread, again after every sync run)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from kim_desktop.core import Core
from kim_desktop.services.status import StoreStatus
from ui.formatting import datetime_text
from ui.sync_controller import SyncControllerLike
from ui.tasks import log_task_error, run_in_background


@dataclass(frozen=True)
class BarState:
    status: StoreStatus
    enrolled: bool


def load_bar_state(core: Core) -> BarState:
    profile = core.device.profile_or_none()
    return BarState(core.status.status(), bool(profile and profile.enrolled))


class SyncStatusBar(QWidget):
    def __init__(self, core: Core, controller: SyncControllerLike | None,
                 parent: QWidget | None = None, refresh_ms: int = 30_000) -> None:
        super().__init__(parent)
        self._core, self._controller = core, controller
        self.online: bool | None = getattr(controller, "online", None)
        self.status: StoreStatus | None = None
        self.enrolled: bool | None = None
        self.connection, self.pending, self.last_sync = QLabel(), QLabel(), QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(18)
        for w in (self.connection, self.pending, self.last_sync):
            layout.addWidget(w)
        if controller is not None:
            controller.online_changed.connect(self._on_controller_online_changed)
            controller.sync_finished.connect(self.refresh)
            controller.sync_failed.connect(self.refresh)
            controller.enrolled.connect(self.refresh)
        self._timer = QTimer(self, interval=refresh_ms)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.retranslate_ui()

    @Slot()
    def refresh(self, *_: object) -> None:
        core = self._core
        run_in_background(lambda: load_bar_state(core), self._on_state_loaded,
                          log_task_error("status bar"), owner=self, name="status bar")

    @Slot(object)
    def _on_state_loaded(self, state: BarState) -> None:
        self.status, self.enrolled = state.status, state.enrolled
        self.retranslate_ui()

    @Slot(bool)
    def _on_controller_online_changed(self, online: bool) -> None:
        self.online = online
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        if self._controller is None:
            self.connection.setText(self.tr("Sync not available"))
            self.connection.setStyleSheet("color: palette(mid);")
        elif self.enrolled is False:
            self.connection.setText(self.tr("Not registered with the hub"))
            self.connection.setStyleSheet("color: palette(mid);")
        elif self.online is None:
            self.connection.setText("● " + self.tr("Connection not checked yet"))
            self.connection.setStyleSheet("color: palette(mid);")
        elif self.online:
            self.connection.setText("● " + self.tr("Online"))
            self.connection.setStyleSheet("color: #1d7a1a;")
        else:
            self.connection.setText("● " + self.tr("Offline"))
            self.connection.setStyleSheet("color: #8a5a00;")
        st = self.status
        if st is None:
            self.pending.setText("")
            self.last_sync.setText("")
            return
        waiting = st.backlog.get("pending", 0) + st.backlog.get("sending", 0)
        text = self.tr("%1 waiting to be sent").replace("%1", str(waiting))
        if st.backlog.get("set_aside"):
            text += " · " + self.tr("%1 need attention").replace("%1",
                                                                 str(st.backlog["set_aside"]))
        self.pending.setText(text)
        self.last_sync.setText(self.tr("Last sync: %1").replace(
            "%1", datetime_text(st.last_sync_at) if st.last_sync_at else self.tr("never")))
        self.adjustSize()
        self.updateGeometry()

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
