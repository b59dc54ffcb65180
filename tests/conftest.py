"""Shared test set-up: offscreen Qt, a fresh temp-file store per test, a fixed clock, an
in-memory keyring. No test shares DB rows with another."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KIM_LANG", "id")

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend

from kim_desktop.core import Core, build_core
from kim_desktop.domain.enums import Role
from kim_desktop.paths import DataPaths
from kim_desktop.services.base import ServiceContext
from kim_desktop.storage.db import open_store

VILLAGE = "73.24.04.2010"          # Desa Balantang, Malili
OTHER_VILLAGE = "73.24.08.2018"


class MemoryKeyring(KeyringBackend):
    """In-memory keyring for tests (never shipped)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


class FixedClock:
    """A clock tests move by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += timedelta(**kw)


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    monkeypatch.setenv("KIM_DATA_DIR", str(tmp_path / "kim-data"))
    monkeypatch.setenv("KIM_LOG_DIR", str(tmp_path / "logs"))
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def memory_keyring(_isolated: MemoryKeyring) -> MemoryKeyring:
    return _isolated


@pytest.fixture
def clock() -> FixedClock:
    # 10:00 WITA on Wednesday 25 November 2026
    return FixedClock(datetime(2026, 11, 25, 2, 0, tzinfo=UTC))


@pytest.fixture
def data_paths(tmp_path: Path) -> DataPaths:
    return DataPaths(tmp_path / "store")


@pytest.fixture
def core(data_paths: DataPaths, clock: FixedClock) -> Core:
    """A fresh store, set up for Desa Balantang, with a fixed clock."""
    ctx = ServiceContext(open_store(data_paths.store, data_paths.backups), clock=clock)
    c = build_core(data_paths, ctx)
    c.device.init(village_code=VILLAGE, kim_name="KIM Balantang", operator_name="Andi",
                  role=Role.OPERATOR)
    return c


def complaint_data(**overrides: Any) -> dict[str, Any]:
    """A valid complaint in data-dictionary form (incident a few days before the fixed clock)."""
    d: dict[str, Any] = {
        "kind": "complaint",
        "title": "Jalan desa berlubang di Dusun 2",
        "body": "Jalan poros dusun berlubang besar sejak dua minggu, membahayakan anak sekolah. "
                "Mohon segera ditimbun dan diaspal.",
        "incident_date": "2026-11-20",
        "village_code": VILLAGE,
        "location_detail": "Dusun 2, RT 01, dekat masjid",
        "category_code": "pekerjaan-umum-dan-penataan-ruang/jalan-berlubang",
        "reporter": {"name": "Siti Rahmawati", "nik": "7324044101900001",
                     "phone": "081234567890", "address": "Jl. Poros Malili", "gender": "P"},
        "anonymous": False, "confidential": False, "consent": True, "channel": "walk_in",
    }
    d.update(overrides)
    return d


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path
