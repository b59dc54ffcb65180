"""Alembic environment of the local store; run programmatically by ``storage.db``."""

from alembic import context

from kim_desktop.storage.db import is_managed_table
from kim_desktop.storage.rows import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                  include_name=lambda name, type_, _parent: type_ != "table" or is_managed_table(name))
with context.begin_transaction():
    context.run_migrations()
