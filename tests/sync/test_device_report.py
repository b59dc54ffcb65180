"""A village device reports its own sync health to the hub after each contact: what it has not
sent yet, the oldest of it, and the code and time of its last failed run (real store, real hub
over loopback, the hub taken down in between by a proxy that refuses every connection)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hub_testkit import LiveHub
from review_kit import Reviewer, login
from sqlalchemy import func, select

from kim_desktop.domain.errors import Offline
from kim_desktop.storage.db import transaction
from kim_desktop.storage.rows import OutboxRow, SyncRunRow
from tests.conftest import VILLAGE
from tests.sync.conftest import enrol, make_village
from tests.sync.faultproxy import FaultProxy
from tests.sync.test_sync import add_complaints


def health_of(reviewer: Reviewer) -> tuple[dict[str, Any], dict[str, Any]]:
    """(village, its one device) of the district's sync-health view, read over HTTP."""
    [village] = [v for v in reviewer.ok("GET", "/sync-health") if v["village_code"] == VILLAGE]
    [device] = village["devices"]
    return village, device


def at(text: str | None) -> datetime | None:
    if text is None:
        return None
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def test_hub_shows_unsent_work_and_the_last_failure_of_a_village(tmp_path: Path,
                                                                  live_hub: LiveHub) -> None:
    core = make_village(tmp_path, "balantang")
    add_complaints(core, 3)                 # recorded before the village was registered
    with transaction(core.ctx.sessions) as s:
        oldest = s.scalar(select(func.min(OutboxRow.created_at)))
    reviewer = login(live_hub)
    proxy = FaultProxy(int(live_hub.base_url.rsplit(":", 1)[1]), fault_rate=0.0)
    try:
        client = enrol(core, live_hub, url=proxy.url)     # the first contact reports at once
        village, device = health_of(reviewer)
        assert (device["pending"], device["set_aside"]) == (3, 0)
        assert at(device["oldest_pending_at"]) == oldest is not None
        assert device["last_error"] is None and device["reported_at"] is not None
        assert village["pending"] == 3 and at(village["oldest_pending_at"]) == oldest

        proxy.down = True                   # the hub cannot be reached
        with pytest.raises(Offline):
            client.sync()
        proxy.down = False
        with transaction(core.ctx.sessions) as s:
            failed = s.scalars(select(SyncRunRow).order_by(SyncRunRow.id.desc())).first()
        assert failed is not None and (failed.outcome, failed.error_code) == ("failed", "offline")
        _, device = health_of(reviewer)
        assert device["pending"] == 3 and device["last_error"] is None   # no contact, no news

        report = client.sync()              # back again: everything goes, and the hub is told
    finally:
        proxy.close()
    assert report.pushed == 3
    village, device = health_of(reviewer)
    assert (device["pending"], device["set_aside"], device["oldest_pending_at"]) == (0, 0, None)
    assert device["last_error"] == "offline"
    assert at(device["last_error_at"]) == failed.finished_at
    assert village["pending"] == 0 and village["oldest_pending_at"] is None
    assert village["backlog_received"] == 3          # now waiting for review at the district


def test_an_older_hub_without_device_reports_does_not_fail_the_sync(
        tmp_path: Path, live_hub: LiveHub, caplog: pytest.LogCaptureFixture) -> None:
    core = make_village(tmp_path, "maleku")
    add_complaints(core, 1)
    proxy = FaultProxy(int(live_hub.base_url.rsplit(":", 1)[1]), fault_rate=0.0)
    try:
        client = enrol(core, live_hub, url=proxy.url)
        proxy.requests.clear()
        # the route answers 404 as on a hub that predates it
        live_hub.app.router.routes[:] = [r for r in live_hub.app.router.routes
                                         if getattr(r, "path", "") != "/v1/device-report"]
        with caplog.at_level(logging.WARNING, logger="sync.client.service"):
            report = client.sync()
    finally:
        proxy.close()
    assert report.pushed == 1
    assert any(r.startswith(b"PUT /v1/device-report") for r in proxy.requests)
    assert "device report not done this time (hub_refused)" in caplog.messages
