"""The sync controller's thread against a live hub: runs, failures, and sync that starts by
itself when the hub comes back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kim_desktop.domain.errors import Offline
from tests.conftest import complaint_data
from tests.sync.conftest import LiveHub, enrol, make_village, running_hub
from tests.sync.faultproxy import FaultProxy
from ui.sync_controller import SyncController


@pytest.fixture
def live_hub(tmp_path: Path) -> Iterator[LiveHub]:
    yield from running_hub(tmp_path)


def has_work(core) -> bool:  # type: ignore[no-untyped-def]
    backlog = core.status.status().backlog
    return bool(backlog.get("pending") or backlog.get("sending"))


def test_sync_now_runs_on_the_sync_thread_and_reports(qtbot: QtBot, tmp_path: Path,
                                                      live_hub: LiveHub) -> None:
    core = make_village(tmp_path, "balantang")
    core.complaints.add([(complaint_data(), Path("."))], submit=True)
    controller = SyncController(enrol(core, live_hub), auto=False)
    try:
        with qtbot.waitSignal(controller.sync_finished, timeout=20_000) as done:
            assert controller.sync_now()
            assert not controller.sync_now()          # one run at a time
        assert done.args[0].pushed == 1
        assert core.complaints.counts_by_status() == {"received": 1}
    finally:
        controller.shutdown()


def test_complaint_recorded_while_the_hub_is_down_arrives_by_itself(
        qtbot: QtBot, tmp_path: Path, live_hub: LiveHub) -> None:
    core = make_village(tmp_path, "balantang")
    proxy = FaultProxy(int(live_hub.base_url.rsplit(":", 1)[1]), fault_rate=0.0)
    client = enrol(core, live_hub, url=proxy.url)
    proxy.down = True
    controller = SyncController(client, has_work=lambda: has_work(core), poll_ms=100,
                                retry_base_ms=100)
    try:
        core.complaints.add([(complaint_data(), Path("."))], submit=True)
        with qtbot.waitSignal(controller.sync_failed, timeout=20_000) as failed:
            controller.sync_now()
        assert isinstance(failed.args[0], Offline)
        qtbot.waitUntil(lambda: controller.online is False, timeout=5_000)
        proxy.down = False                           # the hub is back
        with qtbot.waitSignal(controller.sync_finished, timeout=30_000):
            pass
        qtbot.waitUntil(lambda: core.complaints.counts_by_status() == {"received": 1},
                        timeout=10_000)
        assert controller.online is True
    finally:
        controller.shutdown()
        proxy.close()
