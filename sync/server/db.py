"""Hub layer: the hub's one engine and its two session factories (SQLite or PostgreSQL).

``writes`` sessions are for use cases that change data, ``reads`` for those that only look.
On SQLite the difference matters: a write transaction starts with ``BEGIN IMMEDIATE`` so that
concurrent writers queue on the database lock (honouring ``busy_timeout``) instead of failing
when a deferred read lock cannot be upgraded; readers never wait thanks to WAL. Python's sqlite3
module is told to keep out of transaction handling so that SAVEPOINTs work as documented.
On PostgreSQL both factories share the pool and run at READ COMMITTED.

``hide_parameters`` keeps SQL parameters (names, NIK, phone numbers) out of error messages
and therefore out of the logs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.orm import Session, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 30_000
_WRITE_OPTION = "kim_hub_write"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(url: str, *, pool_size: int = 10, max_overflow: int = 20) -> Engine:
    """The hub's engine for ``url`` (``sqlite:///…`` or ``postgresql+psycopg://…``)."""
    if is_sqlite(url):
        engine = create_engine(url, hide_parameters=True, pool_size=pool_size,
                               max_overflow=max_overflow, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    return create_engine(url, hide_parameters=True, pool_size=pool_size,
                         max_overflow=max_overflow, pool_pre_ping=True)


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see _sqlite_on_begin)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    # synchronous stays FULL: a receipt the hub has sent must survive a power cut
    cursor.close()


def _sqlite_on_begin(conn: Connection) -> None:
    mode = "IMMEDIATE" if conn.get_execution_options().get(_WRITE_OPTION) else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


@dataclass(frozen=True)
class Database:
    """The engine and its session factories; services receive the factories, never a Session."""

    engine: Engine
    writes: sessionmaker[Session]
    reads: sessionmaker[Session]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, pool_size: int = 10, max_overflow: int = 20) -> Database:
    engine = make_engine(url, pool_size=pool_size, max_overflow=max_overflow)
    write_engine = engine.execution_options(**{_WRITE_OPTION: True})
    return Database(engine=engine,
                    writes=sessionmaker(write_engine, expire_on_commit=False),
                    reads=sessionmaker(engine, expire_on_commit=False))
