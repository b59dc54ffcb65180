"""Sync tests: a live hub over loopback (uvicorn in a thread) and village stores enrolled in it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))

from hub_testkit import LiveHub, MutableClock, start_live_hub

from kim_desktop.core import Core, build_core
from kim_desktop.domain.enums import Role
from kim_desktop.paths import DataPaths
from kim_desktop.services.base import ServiceContext
from kim_desktop.storage.db import open_store
from sync.client.engine import SyncSettings
from sync.client.service import SyncClient
from sync.server.migrate import upgrade
from sync.server.settings import HubSettings, sqlite_url
from tests.conftest import VILLAGE

FAST = SyncSettings(backoff_base=0.01, backoff_cap=0.05)


@pytest.fixture
def live_hub(tmp_path: Path) -> Iterator[LiveHub]:
    yield from running_hub(tmp_path)


def running_hub(tmp_path: Path, **overrides: Any) -> Iterator[LiveHub]:
    """A migrated SQLite hub served on a free loopback port until the generator is closed;
    ``overrides`` change `HubSettings` fields (e.g. ``payload_check``)."""
    url = sqlite_url(tmp_path / "hub" / "hub.sqlite3")
    (tmp_path / "hub").mkdir(parents=True)
    upgrade(url)
    hub = start_live_hub(HubSettings(db_url=url, data_dir=tmp_path / "hub", **overrides),
                         MutableClock())
    yield hub
    hub.stop()
    hub.hub.close()


def make_village(root: Path, name: str, village: str = VILLAGE,
                 role: Role = Role.OPERATOR) -> Core:
    paths = DataPaths(root / name)
    core = build_core(paths, ServiceContext(open_store(paths.store, paths.backups)))
    core.device.init(village_code=village, kim_name=f"KIM {name}", operator_name="Andi",
                     role=role)
    return core


def enrol(core: Core, hub: LiveHub, url: str | None = None,
          settings: SyncSettings = FAST) -> SyncClient:
    code = hub.hub.enrolment.create_code(village_code=core.device.profile().village_code,
                                         role=core.device.profile().role.value).code
    client = SyncClient(core, settings=settings)
    client.enroll(url or hub.base_url, code, require_persistent=True)
    return client
