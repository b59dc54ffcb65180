"""UI layer: slow work off the GUI thread (QThreadPool + QRunnable + QObject signals).

``run_in_background(fn, on_done, on_error, owner=widget)`` runs ``fn()`` on the shared thread pool
and calls ``on_done(result)`` or ``on_error(exception)`` back on the GUI thread. Every task has an
error path: an exception is never swallowed, it reaches ``on_error`` (by default: logged with its
traceback). Workers never touch widgets; they only emit signals carrying plain objects. When the
``owner`` is destroyed first, the outcome is dropped quietly (the page that asked is gone).

Lifetimes: the worker emits on a relay object that nothing but the relay itself ever deletes,
on the GUI thread once its outcome arrived (``deleteLater``). The relay is a child of the
application, not of the owner: the owner may be deleted at any moment while the worker runs, and
emitting on an object that another thread is destroying corrupts memory. It checks that the owner
still exists when the outcome arrives instead (and holds its Python wrapper until then, so an
owner only Python holds is not collected half-way). Being owned by its Qt parent, the relay is
never deleted when the worker drops its last Python reference to it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; queued signals bring the outcome back to it."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, owner: QObject | None, on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None], name: str) -> None:
        super().__init__(QCoreApplication.instance())
        self._on_done, self._on_error, self._name = on_done, on_error, name
        self._owner = owner
        self.succeeded.connect(self._on_relay_succeeded)
        self.failed.connect(self._on_relay_failed)

    def _owner_alive(self) -> bool:
        owner, self._owner = self._owner, None
        self.deleteLater()
        return owner is None or shiboken6.isValid(owner)

    @Slot(object)
    def _on_relay_succeeded(self, result: object) -> None:
        if self._owner_alive():
            self._on_done(result)

    @Slot(object)
    def _on_relay_failed(self, error: object) -> None:
        assert isinstance(error, BaseException)
        if self._owner_alive():
            self._on_error(error)
        else:
            log.warning("task %s failed after its owner was closed", self._name, exc_info=error)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay, name: str) -> None:
        super().__init__()
        self._fn, self._relay, self._name = fn, relay, name

    def run(self) -> None:
        relay = self._relay
        try:
            result = self._fn()
        except Exception as e:  # handed to the error path on the GUI thread, never swallowed
            relay.failed.emit(e)
        else:
            relay.succeeded.emit(result)


def log_task_error(name: str) -> Callable[[BaseException], None]:
    def on_error(error: BaseException) -> None:
        log.error("background task %s failed", name, exc_info=error)
    return on_error


def run_in_background(fn: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException], None] | None = None, *,
                      owner: QObject | None = None, name: str = "task",
                      pool: QThreadPool | None = None) -> None:
    """Run ``fn`` on a worker thread; deliver its result or exception on the GUI thread."""
    relay = _Relay(owner, on_done, on_error or log_task_error(name), name)
    (pool or QThreadPool.globalInstance()).start(_Task(fn, relay, name))
