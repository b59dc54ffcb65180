"""Hub layer: Alembic scripts of the hub database (run through `sync.server.migrate`)."""
