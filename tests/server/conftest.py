"""Fixtures of the hub tests: a fresh hub database per test, on SQLite always and on PostgreSQL
too when ``KIM_TEST_PG_URL`` names a server (e.g.
``postgresql+psycopg://postgres@127.0.0.1:55432/postgres``; the role must be allowed to create
databases). Every hub is a live uvicorn server in a thread.

On PostgreSQL the run creates one throwaway database and gives each test its own fresh schema in
it (``CREATE DATABASE`` costs ~0.3 s, a schema ~1 ms); the migration test gets a whole new
database. Everything is dropped afterwards.
"""

from __future__ import annotations

import dataclasses
import json
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hub_testkit import LiveHub, MutableClock, start_live_hub
from lapor_standin import LaporStandin
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

from sync.server.migrate import upgrade
from sync.server.settings import HubSettings, sqlite_url

PG_URL = os.environ.get("KIM_TEST_PG_URL", "")
BACKENDS = [pytest.param("sqlite", id="sqlite")]
if PG_URL:
    BACKENDS.append(pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres))


def _pg_url(database: str, schema: str | None = None) -> str:
    url: URL = make_url(PG_URL).set(database=database)
    if schema:
        url = url.update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)


def _pg_admin(sql: str, database: str | None = None) -> None:
    url = _pg_url(database) if database else PG_URL
    engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """One throwaway PostgreSQL database for the run; tests get schemas in it."""
    name = f"kimhub_test_{uuid.uuid4().hex[:10]}"
    _pg_admin(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    value: str = request.param
    return value


@pytest.fixture
def empty_db_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A URL of a new, empty database of the backend under test."""
    if backend == "sqlite":
        yield sqlite_url(tmp_path / "empty.sqlite3")
        return
    name = f"t_{uuid.uuid4().hex[:12]}"
    _pg_admin(f'CREATE DATABASE "{name}"')
    yield _pg_url(name)
    _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def hub_db_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A URL of a fresh hub database at the head revision (SQLite file or PostgreSQL schema)."""
    if backend == "sqlite":
        url = sqlite_url(tmp_path / "hub.sqlite3")
    else:
        database: str = request.getfixturevalue("pg_database")
        schema = f"t_{uuid.uuid4().hex[:12]}"
        _pg_admin(f'CREATE SCHEMA "{schema}"', database)
        url = _pg_url(database, schema)
    upgrade(url)
    yield url
    if backend != "sqlite":
        _pg_admin(f'DROP SCHEMA "{schema}" CASCADE', database)


@pytest.fixture
def clock() -> MutableClock:
    return MutableClock()


@pytest.fixture
def hub_settings(hub_db_url: str, tmp_path: Path, clock: MutableClock) -> HubSettings:
    data_dir = tmp_path / "hub-data"
    data_dir.mkdir()
    return HubSettings(db_url=hub_db_url, data_dir=data_dir, clock=clock)


@pytest.fixture(scope="session")
def stopping_hubs() -> Iterator[list[LiveHub]]:
    """Hubs of finished tests wind down in the background; all must be gone at the end."""
    hubs: list[LiveHub] = []
    yield hubs
    for live in hubs:
        live.stop()


@pytest.fixture
def start_hub(hub_settings: HubSettings, clock: MutableClock,
              stopping_hubs: list[LiveHub]) -> Iterator[Callable[..., LiveHub]]:
    """Start a live hub on the test's database with some settings changed."""
    started: list[LiveHub] = []

    def start(**overrides: Any) -> LiveHub:
        live = start_live_hub(dataclasses.replace(hub_settings, **overrides), clock)
        started.append(live)
        return live

    yield start
    for live in started:
        live.begin_stop()
        stopping_hubs.append(live)


@pytest.fixture
def live_hub(start_hub: Callable[..., LiveHub]) -> LiveHub:
    return start_hub()


@pytest.fixture
def lapor_standin() -> Iterator[LaporStandin]:
    """A stand-in SP4N-LAPOR! API on a free loopback port."""
    standin = LaporStandin().start()
    yield standin
    standin.stop()


@pytest.fixture
def lapor_hub(start_hub: Callable[..., LiveHub], hub_settings: HubSettings,
              lapor_standin: LaporStandin) -> LiveHub:
    """A live hub whose ``lapor.json`` points at the stand-in LAPOR!."""
    hub_settings.lapor_config_path.write_text(json.dumps(lapor_standin.config()))
    return start_hub()
