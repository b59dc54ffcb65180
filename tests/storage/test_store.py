"""The local store: migrations match the models, pragmas, refusal of newer stores, backups."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from kim_desktop.domain.errors import StoreCorrupt, StoreTooNew
from kim_desktop.storage import db
from kim_desktop.storage.db import create_store_engine, is_managed_table, open_store
from kim_desktop.storage.rows import Base


def test_empty_store_migrated_to_head_matches_the_models(tmp_path: Path) -> None:
    open_store(tmp_path / "kim.db")
    engine = create_store_engine(tmp_path / "kim.db")
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_name": lambda n, t, _p: (
            t != "table" or is_managed_table(n))})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_pragmas_wal_foreign_keys_busy_timeout(tmp_path: Path) -> None:
    sessions = open_store(tmp_path / "kim.db")
    with sessions() as s:
        conn = s.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_fts5_index_exists(tmp_path: Path) -> None:
    open_store(tmp_path / "kim.db")
    with sqlite3.connect(tmp_path / "kim.db") as c:
        names = {r[0] for r in c.execute("SELECT name FROM sqlite_master")}
    assert {"complaint_fts", "complaint_fts_ai", "complaint_fts_au"} <= names


def test_store_from_a_newer_app_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "kim.db"
    open_store(path)
    with sqlite3.connect(path) as c:
        c.execute("UPDATE alembic_version SET version_num = 'fffffffffff9'")
    c.close()
    before = path.read_bytes()
    with pytest.raises(StoreTooNew):
        open_store(path)
    assert path.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_a_copy_is_taken_before_migrating(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                         ) -> None:
    path = tmp_path / "kim.db"
    open_store(path)
    current = db.head_revision()
    with sqlite3.connect(path) as c:
        c.execute("CREATE TABLE marker(x)")
    c.close()
    # an app one revision ahead opens this store: it must copy the file before migrating
    monkeypatch.setattr(db, "head_revision", lambda: "future")
    monkeypatch.setattr(db, "known_revisions", lambda: {current, "future"})
    monkeypatch.setattr(db.command, "upgrade", lambda cfg, rev: None)
    open_store(path, tmp_path / "backups")
    copies = list((tmp_path / "backups").glob("kim-*-pre-migrate.db"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as c:
        assert c.execute("SELECT count(*) FROM sqlite_master WHERE name='marker'").fetchone()[0]


def test_garbage_file_is_reported_as_damaged(tmp_path: Path) -> None:
    path = tmp_path / "kim.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreCorrupt):
        open_store(path)
