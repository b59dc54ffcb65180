"""Background tasks: outcomes come back on the GUI thread, errors are never swallowed, and an
owner deleted while its worker runs neither gets a call nor corrupts memory (the worker emits on
a relay that only the GUI thread deletes, after the outcome arrived)."""

from __future__ import annotations

import threading
import time
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool
from PySide6.QtWidgets import QApplication

from ui.tasks import run_in_background


def relays() -> list[QObject]:
    return [c for c in QCoreApplication.instance().children() if type(c).__name__ == "_Relay"]


def test_result_and_error_arrive_on_the_gui_thread(qtbot: Any) -> None:
    gui = threading.get_ident()
    seen: list[tuple[str, object, int]] = []
    run_in_background(lambda: 41 + 1, lambda r: seen.append(("done", r, threading.get_ident())))

    def boom() -> None:
        raise ValueError("rusak")

    run_in_background(boom, lambda r: seen.append(("done", r, 0)),
                      lambda e: seen.append(("error", str(e), threading.get_ident())))
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert sorted(seen, key=str) == sorted([("done", 42, gui), ("error", "rusak", gui)], key=str)
    qtbot.waitUntil(lambda: not relays())


def test_owners_deleted_while_their_workers_run_get_nothing_and_nothing_breaks(
        qtbot: Any) -> None:
    calls: list[object] = []
    for i in range(300):
        owner = QObject()
        run_in_background(lambda i=i: time.sleep(0.0005 * (i % 3)) or i, calls.append,
                          calls.append, owner=owner)
        if i % 2:
            QApplication.processEvents()
        shiboken6.delete(owner)            # gone at once, while the worker may be emitting
    QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.waitUntil(lambda: not relays())
    assert calls == []
