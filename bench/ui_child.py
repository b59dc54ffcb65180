"""Child process of `bench_ui.py`'s cold start: one fresh start, timed to the first paint.

    KIM_BENCH_T0_NS=<parent's time.monotonic_ns()> python bench/ui_child.py bare
    KIM_BENCH_T0_NS=<...> python bench/ui_child.py app --data-dir DIR

``bare``: a plain PySide6 program: `QApplication`, an empty `QMainWindow` at the app's size,
``show()``, ``exec()``. ``app``: exactly what the ``kim-desktop`` entry point does
(``kim_desktop.app.main``), with one difference made from here, so ``app.py`` stays untouched:
``kim_desktop.app.MainWindow`` is replaced by a subclass that notices its first paint (and
``build_core`` by a wrapper that notes when it returns).

Both use the same `FirstPaint` mixin: on the window's first ``paintEvent`` it posts a zero-time
timer, so the whole first paint pass (children included) has finished when it runs; it then
prints one JSON line to stdout and closes the window (the app then shuts down as usual).

The line holds ``shown_ms`` (monotonic time since the parent's timestamp taken just before it
spawned this process, so interpreter start-up and every import are included), ``marks`` (the
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

from PySide6.QtCore import QTimer  # noqa: E402  (the mark above must come first)
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def report(window: QMainWindow, rows: int | None) -> None:
    shown = since_start_ms()
    ru = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"shown_ms": round(shown, 1), "marks": MARKS,
                      "cpu_ms": round((ru.ru_utime + ru.ru_stime) * 1000, 1),
                      "rss_mb": round(rss_mb(), 1), "rows": rows}), flush=True)
    window.close()
    app = QApplication.instance()
    if app is not None:
        app.quit()


class FirstPaint:
    """Mixed into a QMainWindow subclass: report once, after the first paint pass."""

    _painted = False

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)  # type: ignore[misc]
        if not self._painted:
            self._painted = True
            MARKS["first_paint_event"] = since_start_ms()
            QTimer.singleShot(0, self._report)

    def _report(self) -> None:
        page = getattr(self, "list_page", None)
        report(self, page.model.rowCount() if page is not None else None)  # type: ignore[arg-type]


class BareWindow(FirstPaint, QMainWindow):
    pass


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
    build_core = app_module.build_core

    def timed_build_core(*a: Any, **kw: Any) -> Any:
        MARKS["build_core_start"] = since_start_ms()
        core = build_core(*a, **kw)
        MARKS["core_built"] = since_start_ms()
        return core

    class Window(FirstPaint, app_module.MainWindow):  # type: ignore[misc, valid-type]
        def __init__(self, *a: Any, **kw: Any) -> None:
            MARKS["window_init_start"] = since_start_ms()
            super().__init__(*a, **kw)
            MARKS["window_built"] = since_start_ms()

    app_module.build_core = timed_build_core
    app_module.MainWindow = Window
    return app_module.main(argv)


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else "bare"
    sys.exit(run_bare() if mode == "bare" else run_app(sys.argv[2:]))
