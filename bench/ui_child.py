"""Child process of `bench_ui.py`'s cold start: one fresh start, timed to the first paint.

    KIM_BENCH_T0_NS=<parent's time.monotonic_ns()> python bench/ui_child.py bare
    KIM_BENCH_T0_NS=<...> python bench/ui_child.py app --data-dir DIR

``bare``: a plain PySide6 program: `QApplication`, an empty `QMainWindow` at the app's size,
``show()``, ``exec()``. ``app``: exactly what the ``kim-desktop`` entry point does
(``kim_desktop.app.main``), with one difference made from here, so ``app.py`` stays untouched:
``kim_desktop.app.MainWindow`` is replaced by a subclass that notices its first paint, when it
is attached to the core and when its complaint list has painted.

Both use the same `FirstPaint` mixin: on the window's first ``paintEvent`` it posts a zero-time
timer, so the whole first paint pass (children included) has finished when it runs. ``bare``
then prints one JSON line to stdout and closes the window. The app paints a first frame before
it opens the store, so it goes on until the complaint list has been filled and has painted
(``ready_ms``); then it prints its line and closes the window (the app shuts down as usual).

The line holds ``shown_ms`` (the end of the first paint, in monotonic time since the parent's
timestamp taken just before it spawned this process, so interpreter start-up and every import
are included), ``ready_ms`` (the list filled and painted, same clock; app only), ``marks`` (the
same clock at a few points), this process's CPU time so far and its resident memory.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from typing import Any

T0_NS = int(os.environ.get("KIM_BENCH_T0_NS") or time.monotonic_ns())


def since_start_ms() -> float:
    return (time.monotonic_ns() - T0_NS) / 1e6


MARKS: dict[str, float] = {"script": since_start_ms()}

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402  (the mark above comes first)
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def report(window: QMainWindow, rows: int | None) -> None:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"shown_ms": MARKS["first_paint"], "ready_ms": MARKS.get("list_ready"),
                      "marks": MARKS, "cpu_ms": round((ru.ru_utime + ru.ru_stime) * 1000, 1),
                      "rss_mb": round(rss_mb(), 1), "rows": rows}), flush=True)
    window.close()
    app = QApplication.instance()
    if app is not None:
        app.quit()


class FirstPaint:
    """Mixed into a QMainWindow subclass: notes the end of the first paint pass (a zero-time
    timer posted from the first ``paintEvent`` runs once the children have painted too)."""

    _painted = False

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)  # type: ignore[misc]
        if not self._painted:
            self._painted = True
            MARKS["first_paint_event"] = since_start_ms()
            QTimer.singleShot(0, self._first_paint_done)

    def _first_paint_done(self) -> None:
        MARKS["first_paint"] = since_start_ms()
        self.first_paint_done()

    def first_paint_done(self) -> None:
        report(self, None)  # type: ignore[arg-type]


class BareWindow(FirstPaint, QMainWindow):
    pass


class ListPainted(QObject):
    """Calls ``done`` after the first paint of ``widget`` (the list page) has finished."""

    def __init__(self, widget: QWidget, done: Any) -> None:
        super().__init__(widget)
        self._done, self._seen = done, False
        widget.installEventFilter(self)
        widget.update()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            QTimer.singleShot(0, self._done)
        return False


def run_bare() -> int:
    MARKS["imports"] = since_start_ms()
    app = QApplication([sys.argv[0]])
    window = BareWindow()
    window.resize(1200, 780)
    MARKS["window_built"] = since_start_ms()
    window.show()
    return app.exec()


def run_app(argv: list[str]) -> int:
    import kim_desktop.app as app_module

    MARKS["imports"] = since_start_ms()

    class Window(FirstPaint, app_module.MainWindow):  # type: ignore[misc, valid-type]
        """The real window; reports once it has painted and its complaint list has painted
        with the rows (both in one start when the window paints a loading frame first)."""

        def __init__(self, *a: Any, **kw: Any) -> None:
            MARKS["window_init_start"] = since_start_ms()
            super().__init__(*a, **kw)
            MARKS["window_built"] = since_start_ms()

        def attach(self, *a: Any, **kw: Any) -> None:
            MARKS["attach_start"] = since_start_ms()
            super().attach(*a, **kw)
            MARKS["attached"] = since_start_ms()

        def start(self) -> None:
            super().start()
            MARKS["started"] = since_start_ms()
            page = self.list_page
            ListPainted(page.table if page.table.isVisible() else page, self._list_painted)

        def _list_painted(self) -> None:
            MARKS["list_ready"] = since_start_ms()
            if "first_paint" in MARKS:
                report(self, self.list_page.model.rowCount())

        def first_paint_done(self) -> None:
            if "list_ready" in MARKS:
                report(self, self.list_page.model.rowCount())

    app_module.MainWindow = Window
    return app_module.main(argv)


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else "bare"
    sys.exit(run_bare() if mode == "bare" else run_app(sys.argv[2:]))
