"""In-process part of `bench_ui.py`: the complaint list, search as you type and memory.

    python bench/ui_interact.py --data-dir DIR [--repeats 10]

Builds the window with its core at once (style sheet, translations in the saved language, the
sync controller, ``MainWindow(core, …)``, ``show()``, ``start()``: what ``kim_desktop.app``
does after the first frame, in one step), waits for the start-up background tasks, then times
with ``time.perf_counter`` until the table's viewport has painted the new state (an event
filter sees the first paint after the change; the time is taken once the event loop has
handled that paint):

* ``list_open``: a fresh `ComplaintListPage` put in the window's place (constructor with its
  first-page query, layout, first paint with rows);
* ``list_reload``: ``MainWindow.complaints_changed`` (what F5 and a save do) until repainted;
* ``list_switch``: Kegiatan, then back to Laporan in the navigation, until the list repainted;
* ``scroll_page``: the scroll bar to its end until the next page is in the model and painted;
* ``keystroke``: one key typed into the search box (`QTest.keyClick`, so ``textChanged`` and
  the page's debounce timer run as for a user) until the model was reset with the results of
  the new text and the table repainted. Each word is typed letter by letter from an empty box;
  every keystroke is waited for (a slow typist: each one runs its own query).

Resident memory (VmRSS, and the peak VmHWM) from /proc/self/status after start, after the
list, after scrolling and after searching. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, QThreadPool, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kim_desktop.app import load_style_sheet, make_sync_controller
from kim_desktop.core import build_core
from kim_desktop.paths import DataPaths
from ui.complaint_list_page import ComplaintListPage
from ui.i18n import Translations
from ui.main_window import PAGE_ACTIVITIES, PAGE_COMPLAINTS, PAGE_SETTINGS, PAGE_SYNC, MainWindow

WORDS = ["jalan rusak", "air PDAM", "KTP", "BPJS", "pupuk subsidi", "jembatan", "sekolah",
         "banjir", "lampu jalan", "puskesmas", "tambang nikel", "Dusun Harapan"]


def proc_status() -> dict[str, float]:
    out = {}
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(rest.split()[0]) / 1024
    return out


class PaintWatch(QObject):
    """Notes the first paint event of ``widget`` that arrives once ``ready()`` holds: that
    paint shows the new state (the widget paints after the filter returns)."""

    def __init__(self, widget: QWidget, ready: Callable[[], bool]) -> None:
        super().__init__(widget)
        self.ready, self.painted = ready, False
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted and self.ready():
            self.painted = True
        return False


def wait_until(app: QApplication, done: Callable[[], bool], timeout_s: float = 10.0) -> None:
    """Run the event loop until ``done()`` (checked after each batch of events)."""
    deadline = time.perf_counter() + timeout_s
    flags = QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents
    wake = QTimer(interval=5)       # WaitForMoreEvents must not sleep past the deadline
    wake.start()
    try:
        while not done():
            if time.perf_counter() > deadline:
                raise TimeoutError("the UI did not get there in time")
            app.processEvents(flags)
    finally:
        wake.stop()


Sample = tuple[float, float]        # wall and CPU milliseconds


def clock() -> Sample:
    return time.perf_counter(), time.process_time()


def since(start: Sample) -> Sample:
    return (time.perf_counter() - start[0]) * 1000, (time.process_time() - start[1]) * 1000


def timed_until_painted(app: QApplication, page: ComplaintListPage, action: Callable[[], Any],
                        changed: Callable[[], bool]) -> Sample:
    """Time from ``action()`` until ``changed()`` holds and the table has painted since."""
    viewport = page.table.viewport()
    watch = PaintWatch(viewport, changed)
    t0 = clock()
    action()
    try:
        wait_until(app, lambda: watch.painted)
        return since(t0)
    finally:
        viewport.removeEventFilter(watch)
        watch.deleteLater()


def settle(app: QApplication) -> None:
    QThreadPool.globalInstance().waitForDone(60_000)
    for _ in range(3):
        app.processEvents()


class Bench:
    def __init__(self, app: QApplication, window: MainWindow) -> None:
        self.app, self.window = app, window
        self.samples: dict[str, list[float]] = {}
        self.cpu: dict[str, list[float]] = {}     # this process's CPU time, same keys
        self.keystrokes: list[tuple[str, float, float, int]] = []
        self.resets = 0
        window.list_page.model.modelReset.connect(self._on_reset)

    def add(self, key: str, sample: Sample) -> None:
        self.samples.setdefault(key, []).append(round(sample[0], 2))
        self.cpu.setdefault(key, []).append(round(sample[1], 2))

    def list_open(self, repeats: int) -> None:
        for _ in range(repeats):
            self.add("list_open", self._open_once())

    def _open_once(self) -> Sample:
        w = self.window
        old = w.list_page
        t0 = clock()
        page = ComplaintListPage(w.core)
        w.complaint_stack.insertWidget(0, page)
        w.complaint_stack.setCurrentWidget(page)
        watch = PaintWatch(page.table.viewport(), lambda: page.model.rowCount() > 0)
        wait_until(self.app, lambda: watch.painted)
        ms = since(t0)
        w.complaint_stack.setCurrentWidget(old)
        w.complaint_stack.removeWidget(page)
        page.deleteLater()
        self.app.processEvents()
        return ms

    def list_reload(self, repeats: int) -> None:
        page = self.window.list_page
        for _ in range(repeats):
            before = self.resets
            self.add("list_reload", timed_until_painted(
                self.app, page, self.window.complaints_changed.emit,
                lambda b=before: self.resets > b))
            settle(self.app)        # the status bar's background refresh

    def list_switch(self, repeats: int) -> None:
        page = self.window.list_page
        nav = self.window.nav       # a click in the navigation (shortcuts need an active window)
        for _ in range(repeats):
            nav.setCurrentRow(PAGE_ACTIVITIES)
            settle(self.app)
            self.add("list_switch", timed_until_painted(
                self.app, page, lambda: nav.setCurrentRow(PAGE_COMPLAINTS), lambda: True))
        settle(self.app)

    def scroll(self, pages: int) -> None:
        page = self.window.list_page
        bar = page.table.verticalScrollBar()
        for _ in range(pages):
            rows = page.model.rowCount()
            self.add("scroll_page", timed_until_painted(
                self.app, page, lambda: bar.setValue(bar.maximum()),
                lambda n=rows: page.model.rowCount() > n))

    def search(self, words: list[str]) -> None:
        page = self.window.list_page
        page.search.setFocus()
        for word in words:
            before = self.resets
            if page.search.text():
                page.search.clear()
                wait_until(self.app,
                           lambda b=before: self.resets > b and not page.model.query.text)
            settle(self.app)
            for i, ch in enumerate(word):
                before, text = self.resets, word[:i + 1].strip()
                if text == page.model.query.text:     # a space: no new query, nothing to time
                    QTest.keyClick(page.search, ch)
                    wait_until(self.app, lambda: not page._search_timer.isActive())
                    self.add("keystroke_same_query", (0.0, 0.0))
                    continue
                ms = timed_until_painted(
                    self.app, page, lambda c=ch: QTest.keyClick(page.search, c),
                    lambda b=before, t=text: self.resets > b and page.model.query.text == t)
                self.add("keystroke", ms)
                self.add("keystroke_first" if i == 0 else "keystroke_rest", ms)
                t0 = clock()        # the same query again, the service alone
                self.window.core.complaints.list(page.model.query)
                service = since(t0)
                self.add("keystroke_service", service)
                self.keystrokes.append((text, round(ms[0], 1), round(service[0], 1),
                                        page.model.total))

    def _on_reset(self) -> None:
        self.resets += 1


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--data-dir", required=True, type=Path)
    p.add_argument("--repeats", type=int, default=10)
    p.add_argument("--scroll-pages", type=int, default=5)
    args = p.parse_args(argv)
    app = QApplication([sys.argv[0]])
    app.setStyleSheet(load_style_sheet())
    translations = Translations(app)
    core = build_core(DataPaths.resolve(args.data_dir))
    translations.apply(core.preferences.get().language)
    controller = make_sync_controller(core)
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "view.ini"), QSettings.Format.IniFormat)
        window = MainWindow(core, settings, translations=translations, sync=controller)
        window.show()
        window.start()
        settle(app)
        wait_until(app, lambda: window.isVisible() and window.list_page.model.rowCount() > 0)
        rss = {"started": proc_status()["VmRSS"]}
        bench = Bench(app, window)
        bench.list_open(args.repeats)
        bench.list_reload(args.repeats)
        rss["list"] = proc_status()["VmRSS"]
        bench.scroll(args.scroll_pages)
        rss["scrolled"] = proc_status()["VmRSS"]
        bench.search(WORDS)
        status = proc_status()
        rss.update(after=status["VmRSS"], peak=status["VmHWM"])
        bench.list_switch(args.repeats)         # visits Kegiatan: its sessions get loaded
        for row in (PAGE_ACTIVITIES, PAGE_SYNC, PAGE_SETTINGS, PAGE_COMPLAINTS):  # each once
            window.nav.setCurrentRow(row)
            settle(app)
        status = proc_status()
        rss.update(all_pages=status["VmRSS"], all_pages_peak=status["VmHWM"])
        delay = window.list_page._search_timer.interval()
        window.close()
        if controller is not None:
            controller.shutdown()
    print(json.dumps({"samples": bench.samples, "cpu": bench.cpu, "rss_mb": rss, "search_delay_ms": delay,
                      "keystrokes": bench.keystrokes, "pid": os.getpid()}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
