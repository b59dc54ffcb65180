"""UI layer: the main window's page table: one row per navigation entry (label, icon, the
factory that builds the page, what to do each time it is shown, who sees it).

A page is built the first time it is shown (`MainWindow.page`), so start-up pays only for the
complaint list. The factories import their page modules themselves: this module and
``ui.main_window`` import Qt only, which lets the window's first frame paint before the store and
the services are loaded. A new page is one more row in `PAGES`; its position is its navigation
row, its index in the window's page stack and its Ctrl+<position> shortcut.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from kim_desktop.core import Core
    from ui.main_window import MainWindow


def everyone(_core: Core) -> bool:
    return True


@dataclass(frozen=True)
class PageSpec:
    key: str
    #: English source text, translated in the ``MainWindow`` context (mark it with
    #: ``QT_TRANSLATE_NOOP("MainWindow", …)`` so the translation tools find it)
    label: str
    #: the name of a ``QStyle.StandardPixmap`` (a name, so that the first frame, which has no
    #: icons yet, does not load QStyle's enums)
    icon: str
    #: builds the page and connects its signals to the window; called once, on first show
    factory: Callable[[MainWindow], QWidget]
    #: called every time the page is shown (e.g. to load what may have changed)
    on_show: Callable[[Any], None] | None = None
    #: whether the device's user sees the page (e.g. reviewers only)
    visible: Callable[[Core], bool] = everyone
    #: built with the window rather than on first show: the page follows signals while hidden
    #: (the sync page shows the outcome of a run that ended while another page was shown)
    eager: bool = False


def _complaints(w: MainWindow) -> QWidget:
    return w.build_complaint_pages()


def _activities(w: MainWindow) -> QWidget:
    from ui.activity_page import ActivityListPage

    page = ActivityListPage(w.core)
    page.complaint_requested.connect(w.new_complaint_for_activity)
    return page


def _sync(w: MainWindow) -> QWidget:
    from ui.sync_page import SyncPage

    page = SyncPage(w.core, w.sync)
    page.open_complaint_requested.connect(w.open_complaint)
    page.resubmit_requested.connect(w.resubmit_set_aside)
    page.settings_requested.connect(lambda: w.show_page(PAGE_SETTINGS))
    return page


def _settings(w: MainWindow) -> QWidget:
    from ui.settings_page import SettingsPage

    page = SettingsPage(w.core, w.sync)
    page.enrolment.outcome_shown.connect(w.on_enrolment_outcome_shown)
    page.language_requested.connect(w.set_language)
    page.profile_changed.connect(w.on_profile_changed)
    return page


def _review(w: MainWindow) -> QWidget:
    from ui.review_page import ReviewPage

    return ReviewPage(w.core)


def reviewers(core: Core) -> bool:
    """The district's review workspace is for devices set up with the reviewer role."""
    profile = core.device.profile_or_none()
    return profile is not None and profile.role.value == "reviewer"


PAGES: list[PageSpec] = [
    PageSpec("complaints", str(QT_TRANSLATE_NOOP("MainWindow", "Reports")),
             "SP_FileDialogDetailedView", _complaints),
    PageSpec("activities", str(QT_TRANSLATE_NOOP("MainWindow", "Sessions")),
             "SP_FileDialogInfoView", _activities,
             on_show=lambda page: page.reload()),
    PageSpec("sync", str(QT_TRANSLATE_NOOP("MainWindow", "Synchronization")),
             "SP_BrowserReload", _sync, on_show=lambda page: page.reload(),
             eager=True),
    PageSpec("settings", str(QT_TRANSLATE_NOOP("MainWindow", "Settings")),
             "SP_FileDialogContentsView", _settings,
             on_show=lambda page: page.load()),
    PageSpec("review", str(QT_TRANSLATE_NOOP("MainWindow", "Review")),
             "SP_DialogApplyButton", _review, visible=reviewers),
]


def page_row(key: str) -> int:
    """The navigation row (and page stack index) of the page ``key``."""
    return next(i for i, spec in enumerate(PAGES) if spec.key == key)


PAGE_COMPLAINTS, PAGE_ACTIVITIES, PAGE_SYNC, PAGE_SETTINGS = (
    page_row(k) for k in ("complaints", "activities", "sync", "settings"))
