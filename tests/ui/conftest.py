"""Fixtures for the widget tests: the real main window on the `core` fixture's temp-file
store, the Indonesian translation installed, view state in a temp QSettings file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication

from kim_desktop.core import Core
from ui.i18n import Translations
from ui.main_window import MainWindow

#: The offscreen platform warns that it cannot propagate size hints or raise; harmless here.
QT_NOISE = ("This plugin does not support propagateSizeHints",
            "This plugin does not support raise",)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(*QT_NOISE))


@pytest.fixture(autouse=True)
def _background_tasks_finish() -> Iterator[None]:
    """No worker may still touch a test's store after the test."""
    yield
    QThreadPool.globalInstance().waitForDone(10_000)
    if QApplication.instance() is not None:
        QApplication.processEvents()


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    t = Translations(qapp)
    t.apply("id")
    yield t
    t.remove()


@pytest.fixture
def view_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "view.ini"), QSettings.Format.IniFormat)


def make_window(qtbot: Any, core: Core, translations: Translations, view_settings: QSettings,
                **kw: Any) -> MainWindow:
    w = MainWindow(core, view_settings, translations=translations, **kw)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.start()
    return w


@pytest.fixture
def window(qtbot: Any, core: Core, translations: Translations, view_settings: QSettings
           ) -> MainWindow:
    return make_window(qtbot, core, translations, view_settings)
