"""Fixtures for the review workspace tests: a live hub over loopback with reviewer accounts, a
village device that pushes real batches, and the real `ReviewPage` on the `core` fixture's store,
pointed at that hub through the preferences."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kim_desktop.core import Core
from sync.protocol import RecordEnvelope
from sync.server.migrate import upgrade
from sync.server.settings import HubSettings, sqlite_url
from tests.sync.conftest import LiveHub  # also puts tests/server on sys.path
from ui.review_page import ReviewPage

from hub_testkit import VILLAGE_A, Device, MutableClock, start_live_hub  # isort: skip
from review_kit import PASSWORD, Reviewer, add_account, login  # isort: skip

WAIT = 20_000
REVIEWER = "rina"


@dataclass
class ReviewApp:
    page: ReviewPage
    hub: LiveHub
    qtbot: Any
    village: Device
    logins: dict[str, Reviewer] = field(default_factory=dict)

    def api(self, username: str = "admin", role: str = "admin") -> Reviewer:
        """The hub's own API as another account (created and logged in on first use)."""
        if username not in self.logins:
            self.logins[username] = login(self.hub, username, role,
                                          create=username != REVIEWER)
        return self.logins[username]

    def push(self, *records: RecordEnvelope) -> uuid.UUID:
        batch = uuid.uuid4()
        self.village.push_ok(records, batch)
        return batch

    def log_in(self, password: str = PASSWORD) -> None:
        box = self.page.login_box
        box.user_edit.setText(REVIEWER)
        box.password_edit.setText(password)
        QTest.mouseClick(box.login_button, Qt.MouseButton.LeftButton)
        if password == PASSWORD:
            self.qtbot.waitUntil(lambda: self.page.logged_in, timeout=WAIT)

    def open_first_record(self, row: int = 0) -> uuid.UUID:
        """Choose the first batch and the ``row``-th record; wait until it is shown."""
        inbox = self.page.inbox
        self.qtbot.waitUntil(lambda: inbox.record_model.rowCount() > row, timeout=WAIT)
        inbox.record_view.selectRow(row)
        rid = inbox.selected_record_ids()[0]
        self.qtbot.waitUntil(lambda: self.page.opened is not None
                             and self.page.opened.detail.id == rid, timeout=WAIT)
        return rid

    def status_at_hub(self, record_id: uuid.UUID) -> dict[str, Any]:
        data: dict[str, Any] = self.api().ok("GET", f"/records/{record_id}")
        return data


@pytest.fixture
def review_hub(tmp_path: Path) -> Iterator[LiveHub]:
    """A migrated SQLite hub on a free loopback port whose clock the test moves
    (``review_hub.clock.advance``): login expiry, deadlines."""
    url = sqlite_url(tmp_path / "hub" / "hub.sqlite3")
    (tmp_path / "hub").mkdir(parents=True)
    upgrade(url)
    clock = MutableClock()
    live = start_live_hub(HubSettings(db_url=url, data_dir=tmp_path / "hub", clock=clock), clock)
    yield live
    live.stop()
    live.hub.close()


@pytest.fixture
def review_app(qtbot: Any, core: Core, translations: Any,
               review_hub: LiveHub) -> Iterator[ReviewApp]:
    core.preferences.save(replace(core.preferences.get(), hub_url=review_hub.base_url))
    add_account(review_hub, REVIEWER, "reviewer")
    page = ReviewPage(core)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    village = review_hub.enrol(VILLAGE_A)
    yield ReviewApp(page, review_hub, qtbot, village)
    page.close()
