"""Security tests: real store files, a live hub over loopback, the real `kim` and `kim-hub`."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import UTC, datetime
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

#: identity values that must never appear in plain bytes of a file at rest
NAMED = {"name": "Rahmawati Sulastri Pabbicara", "nik": "7324044101907531",
         "phone": "081298765432", "email": "rahma.pabbicara@contoh.id",
         "address": "Jl. Lingkar Balantang Nomor 17"}
HIDDEN = {"name": "Andi Baso Tanra Samudera", "nik": "7324045202887777",
          "phone": "085211119999", "email": "", "address": "Dusun Lamaranggo RT 04"}


def identity_needles(*reporters: dict[str, str]) -> list[bytes]:
    return [v.encode() for r in reporters for v in r.values() if v]


def plain_hits(paths: list[Path], needles: list[bytes]) -> list[tuple[str, bytes]]:
    """Which needle shows up in which file (raw bytes, also in the WAL)."""
    hits = []
    for p in paths:
        for f in (p, Path(f"{p}-wal"), Path(f"{p}-journal")):
            if f.exists():
                data = f.read_bytes()
                hits += [(f.name, n) for n in needles if n in data]
    return hits


def make_village(root: Path, name: str = "balantang") -> Core:
    paths = DataPaths(root / name)
    core = build_core(paths, ServiceContext(open_store(paths.store, paths.backups)))
    core.device.init(village_code=VILLAGE, kim_name=f"KIM {name}", operator_name="Andi",
                     role=Role.OPERATOR)
    return core


def now_clock() -> MutableClock:
    """A hub clock that starts at the real time (certificates, rate limits)."""
    return MutableClock(datetime.now(UTC))


def hub_settings_in(folder: Path, clock: MutableClock | None = None,
                    **overrides: Any) -> HubSettings:
    """Settings of a new, migrated SQLite hub in ``folder``; ``overrides`` change fields."""
    folder.mkdir(parents=True, exist_ok=True)
    url = sqlite_url(folder / "hub.sqlite3")
    upgrade(url)
    return HubSettings(db_url=url, data_dir=folder, clock=clock or now_clock(), **overrides)


def start_hub(hub_dir: Path) -> LiveHub:
    clock = now_clock()
    return start_live_hub(hub_settings_in(hub_dir, clock), clock)


def stop_hub(hub: LiveHub) -> None:
    hub.stop()
    hub.hub.close()


@pytest.fixture
def live_hub(tmp_path: Path) -> Iterator[LiveHub]:
    hub = start_hub(tmp_path / "hub")
    yield hub
    stop_hub(hub)


def enrol(core: Core, hub: LiveHub) -> SyncClient:
    code = hub.hub.enrolment.create_code(village_code=core.device.profile().village_code,
                                         role="operator").code
    client = SyncClient(core, settings=FAST)
    client.enroll(hub.base_url, code, require_persistent=True)
    return client
