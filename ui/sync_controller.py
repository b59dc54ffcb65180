"""UI layer: the one long-lived sync thread and when it runs.

`SyncController` owns a single QThread with a `_SyncWorker` on it. A run starts through a queued
signal, one at a time; it starts by itself when connectivity returns (QNetworkInformation as a
hint, confirmed by the hub's ``/health``), on a timer while work is waiting, and after a failure
with capped exponential backoff and jitter. A failure that retrying cannot fix (not enrolled,
revoked, update required, an unexpected exception) stops the automatic runs until the user starts
one or the device enrols again, so it is reported once instead of every poll. A successful
enrolment starts a run. The worker never touches widgets; it emits signals carrying domain
objects (`SyncReport`, `Progress`, `KimError`, `Enrolment`). `SyncControllerLike` is what the
pages use of it.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from kim_desktop.domain.errors import KimError, NotEnrolled

log = logging.getLogger(__name__)

RETRY_BASE_MS = 30_000
RETRY_CAP_MS = 15 * 60_000
POLL_MS = 60_000


class SyncBackend(Protocol):
    """What the controller needs of ``sync.client.service.SyncClient``."""

    local: Any      # SyncLocalService: recent_runs(), set_aside()

    def sync(self, *, should_stop: Callable[[], bool], progress: Callable[[Any], None]) -> Any: ...
    def hub_reachable(self) -> bool: ...
    def has_token(self) -> bool: ...
    def enroll(self, hub_url: str, code: str, *, require_persistent: bool) -> Any: ...


class SyncControllerLike(Protocol):
    """What the UI uses of ``ui.sync_controller.SyncController``."""

    sync_started: Any          # Signal()
    progress: Any              # Signal(int, int): done, total
    transferred: Any           # Signal(int): bytes sent so far in this run
    sync_finished: Any         # Signal(object): the sync report
    sync_failed: Any           # Signal(object): a KimError or an unexpected exception
    online_changed: Any        # Signal(bool)
    enrolled: Any              # Signal(object): an Enrolment
    enrol_failed: Any          # Signal(object): a KimError or an unexpected exception
    online: bool | None        # None until the hub was first asked

    def sync_now(self) -> object: ...     # True when a run started
    def has_token(self) -> bool: ...

    def enroll(self, hub_url: str, code: str) -> None: ...
    def check_connectivity(self) -> None: ...
    def recent_runs(self, limit: int = 20) -> list[dict[str, Any]]: ...
    def shutdown(self) -> None: ...


class _SyncWorker(QObject):
    """Lives on the sync thread; every slot runs there."""

    progressed = Signal(object)      # Progress
    finished = Signal(object)        # SyncReport
    failed = Signal(object)          # KimError, or an unexpected Exception (logged)
    probed = Signal(bool)            # the hub answered /health
    enrolled = Signal(object)        # Enrolment
    enrol_failed = Signal(object)

    def __init__(self, backend: SyncBackend) -> None:
        super().__init__()
        self._backend = backend
        self.stop_requested = threading.Event()

    @Slot()
    def run(self) -> None:
        self.stop_requested.clear()
        try:
            report = self._backend.sync(should_stop=self.stop_requested.is_set,
                                        progress=self.progressed.emit)
        except KimError as e:
            log.info("sync failed: %s", e.code)
            self.failed.emit(e)
        except Exception as e:
            log.exception("sync failed unexpectedly")
            self.failed.emit(e)
        else:
            self.finished.emit(report)

    @Slot()
    def probe(self) -> None:
        try:
            self.probed.emit(self._backend.hub_reachable())
        except Exception:
            log.exception("hub probe failed")
            self.probed.emit(False)

    @Slot(str, str)
    def enroll(self, hub_url: str, code: str) -> None:
        try:
            self.enrolled.emit(self._backend.enroll(hub_url, code, require_persistent=False))
        except KimError as e:
            self.enrol_failed.emit(e)
        except Exception as e:
            log.exception("enrolment failed unexpectedly")
            self.enrol_failed.emit(e)


class SyncController(QObject):
    sync_started = Signal()
    progress = Signal(int, int)          # records done, total
    transferred = Signal(int)            # bytes sent so far in this run
    sync_finished = Signal(object)       # SyncReport
    sync_failed = Signal(object)         # KimError or Exception
    online_changed = Signal(bool)
    enrolled = Signal(object)            # Enrolment
    enrol_failed = Signal(object)

    _run_requested = Signal()
    _probe_requested = Signal()
    _enrol_requested = Signal(str, str)

    def __init__(self, backend: SyncBackend, *, has_work: Callable[[], bool] = lambda: True,
                 auto: bool = True, poll_ms: int = POLL_MS, retry_base_ms: int = RETRY_BASE_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._retry_base_ms = retry_base_ms
        self._has_work = has_work
        self._auto = auto
        self.running = False
        self.online: bool | None = None
        #: code of the last failure that retrying cannot fix; no automatic run until cleared
        self.halted_by: str | None = None
        self._failures = 0
        self._thread = QThread(self)
        self._thread.setObjectName("kim-sync")
        self._backend = backend
        self._worker = _SyncWorker(backend)
        self._worker.moveToThread(self._thread)
        self._run_requested.connect(self._worker.run)
        self._probe_requested.connect(self._worker.probe)
        self._enrol_requested.connect(self._worker.enroll)
        self._worker.progressed.connect(self._on_worker_progressed)
        self._worker.finished.connect(self._on_worker_finished)
        self._worker.failed.connect(self._on_worker_failed)
        self._worker.probed.connect(self._on_worker_probed)
        self._worker.enrolled.connect(self._on_worker_enrolled)
        self._worker.enrol_failed.connect(self._on_worker_enrol_failed)
        self._thread.start()
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(self._on_retry_timeout)
        self._poll = QTimer(self, interval=poll_ms)
        self._poll.timeout.connect(self.check_connectivity)
        if auto:
            self._poll.start()
            self._watch_network()
            QTimer.singleShot(0, self.check_connectivity)

    # -- public ----------------------------------------------------------------------------
    def sync_now(self) -> bool:
        """Start a run now (the user asked, or enrolment just succeeded) unless one is running.
        Lifts a halt after a non-retryable failure. Returns whether it started."""
        self.halted_by = None
        return self._start_run()

    def cancel(self) -> None:
        self._worker.stop_requested.set()

    def has_token(self) -> bool:
        """Whether the device still holds its hub token (read from the keyring, quick)."""
        try:
            return self._backend.has_token()
        except Exception:
            log.exception("could not read the device token")
            return False

    def enroll(self, hub_url: str, code: str) -> None:
        """Trade a one-time code on the sync thread; `enrolled` or `enrol_failed` follows."""
        self._enrol_requested.emit(hub_url, code)

    def recent_runs(self, limit: int = 20) -> list[dict[str, Any]]:
        """The latest sync runs from the store (a short read: call it off the GUI thread)."""
        runs: list[dict[str, Any]] = self._backend.local.recent_runs(limit)
        return runs

    def check_connectivity(self) -> None:
        """Ask the hub (on the sync thread); a reachable hub with work waiting starts a run."""
        if not self.running:
            self._probe_requested.emit()

    def shutdown(self) -> None:
        self._poll.stop()
        self._retry.stop()
        self._worker.stop_requested.set()
        self._thread.quit()
        if not self._thread.wait(30_000):
            log.warning("sync thread did not stop in time")

    # -- slots -----------------------------------------------------------------------------
    def _on_worker_progressed(self, p: Any) -> None:
        self.progress.emit(int(p.done), int(p.total))
        self.transferred.emit(int(p.bytes_sent))

    def _on_worker_finished(self, report: Any) -> None:
        self.running = False
        self._failures = 0
        self._set_online(True)
        self.sync_finished.emit(report)
        pending: int = getattr(report, "pending", 0)
        cancelled: bool = getattr(report, "cancelled", False)
        if self._auto and pending and not cancelled:
            self._schedule_retry()

    def _on_worker_failed(self, error: object) -> None:
        self.running = False
        self._failures += 1
        if isinstance(error, KimError) and error.code in ("offline", "hub_unavailable",
                                                          "outcome_unknown"):
            self._set_online(False)
        retryable = isinstance(error, KimError) and error.retryable
        if not retryable:
            self.halted_by = error.code if isinstance(error, KimError) else "unexpected"
            log.info("automatic sync paused until the user acts (%s)", self.halted_by)
        self.sync_failed.emit(error)
        if self._auto and retryable:
            self._schedule_retry()

    def _on_worker_enrolled(self, enrolment: Any) -> None:
        self._set_online(True)
        self.enrolled.emit(enrolment)
        self.sync_now()

    def _on_worker_enrol_failed(self, error: object) -> None:
        if isinstance(error, KimError) and error.code in ("offline", "hub_unavailable"):
            self._set_online(False)
        self.enrol_failed.emit(error)

    def _on_worker_probed(self, reachable: bool) -> None:
        self._set_online(reachable)
        if reachable and self._auto and not self.running and not self._retry.isActive() \
                and self.halted_by is None:
            try:
                if self._has_work():
                    self._start_run()
            except (KimError, NotEnrolled):
                log.exception("could not tell whether work is waiting")

    def _on_retry_timeout(self) -> None:
        self.check_connectivity()

    def _on_network_reachability_changed(self, *_: object) -> None:
        # the OS says the network changed: a hint only, /health decides
        self.check_connectivity()

    # -- helpers ---------------------------------------------------------------------------
    def _start_run(self) -> bool:
        if self.running:
            return False
        self.running = True
        self._retry.stop()
        self.sync_started.emit()
        self._run_requested.emit()
        return True

    def _schedule_retry(self) -> None:
        delay = min(RETRY_CAP_MS, self._retry_base_ms * 2 ** max(0, self._failures - 1))
        self._retry.start(int(random.uniform(0.5, 1.0) * delay))

    def _set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            self.online_changed.emit(online)

    def _watch_network(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if QNetworkInformation.loadDefaultBackend() and QNetworkInformation.instance():
                QNetworkInformation.instance().reachabilityChanged.connect(
                    self._on_network_reachability_changed)
        except Exception:   # no backend on this platform: the poll timer still runs
            log.info("no network-information backend; polling the hub instead")
