"""Alembic environment of the local store; run programmatically by ``storage.db``."""

from alembic import context

from kim_desktop.storage.rows import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
