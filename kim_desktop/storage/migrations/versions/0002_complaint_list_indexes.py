"""complaint list indexes

Indexes for the complaint list and the export walk (index changes only: the table and its FTS5
triggers are untouched):

* ``ix_complaint_status_filter`` (status, created_at, id, category_code, deleted) replaces
  ``ix_complaint_status_created`` and the plain ``status`` index: a status + date filter is
  counted and paged from the index, category and tombstone tests included, without reading
  the table;
* ``ix_complaint_created_id`` (created_at, id) replaces the plain ``created_at`` index:
  newest-first pages and the export walk read rows in index order instead of sorting;
* ``ix_complaint_live_status`` (status) WHERE deleted IS 0: counts of live complaints (all,
  per status) read this small partial index instead of the table.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 16:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # index operations only, so batch mode does not recreate the table (which would drop the
    # FTS5 triggers)
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.drop_index('ix_complaint_status_created')
        batch_op.drop_index(batch_op.f('ix_complaint_status'))
        batch_op.drop_index(batch_op.f('ix_complaint_created_at'))
        batch_op.create_index('ix_complaint_status_filter',
                              ['status', 'created_at', 'id', 'category_code', 'deleted'],
                              unique=False)
        batch_op.create_index('ix_complaint_created_id', ['created_at', 'id'], unique=False)
        batch_op.create_index('ix_complaint_live_status', ['status'], unique=False,
                              sqlite_where=sa.text('deleted IS 0'))


def downgrade() -> None:
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.drop_index('ix_complaint_live_status', sqlite_where=sa.text('deleted IS 0'))
        batch_op.drop_index('ix_complaint_created_id')
        batch_op.drop_index('ix_complaint_status_filter')
        batch_op.create_index(batch_op.f('ix_complaint_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_status'), ['status'], unique=False)
        batch_op.create_index('ix_complaint_status_created', ['status', 'created_at'],
                              unique=False)
