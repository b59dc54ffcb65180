"""Hub layer: creating and upgrading the hub database with its own Alembic scripts.

``kim-hub init`` and ``kim-hub serve`` call `upgrade`; tests call it on a fresh database. The
scripts live in ``sync/server/migrations`` and ship with the package (no alembic.ini needed).
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from sync.server.db import make_engine

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade_engine(engine: Engine, target: str = "head") -> None:
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, target)


def upgrade(url: str, target: str = "head") -> None:
    """Bring the database at ``url`` to ``target`` (creating the tables when it is empty)."""
    engine = make_engine(url, pool_size=1, max_overflow=0)
    try:
        before = current_revision(engine)
        upgrade_engine(engine, target)
        log.info("hub database at revision %s (was %s)", current_revision(engine), before)
    finally:
        engine.dispose()
