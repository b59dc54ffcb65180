"""The hub's Alembic scripts create exactly the schema of its ORM models, on both databases."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from sync.server.db import make_engine
from sync.server.migrate import current_revision, head_revision, upgrade
from sync.server.models import Base


def test_empty_database_migrated_to_head_matches_the_models(empty_db_url: str) -> None:
    upgrade(empty_db_url)
    upgrade(empty_db_url)  # idempotent: a second init changes nothing
    engine = make_engine(empty_db_url)
    try:
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_sqlite_database_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    upgrade(url)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000
    finally:
        engine.dispose()


@pytest.mark.skipif(not os.environ.get("KIM_TEST_PG_URL"),
                    reason="KIM_TEST_PG_URL not set: the PostgreSQL variants of the hub tests "
                           "did not run")
def test_postgresql_variants_are_enabled() -> None:
    engine = make_engine(os.environ["KIM_TEST_PG_URL"])
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SHOW server_version_num").scalar_one() >= "130000"
    finally:
        engine.dispose()
