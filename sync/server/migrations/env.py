"""Hub layer: Alembic environment of the hub database.

Run only through `sync.server.migrate`, which hands over an open connection in
``config.attributes["connection"]`` (the URL never passes through Alembic's ini interpolation).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from sync.server.models import Base

connection: Connection | None = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable when run by the alembic CLI
    raise RuntimeError("run hub migrations through sync.server.migrate (kim-hub init)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
