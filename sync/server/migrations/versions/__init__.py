"""Hub layer: Alembic revisions of the hub database."""
