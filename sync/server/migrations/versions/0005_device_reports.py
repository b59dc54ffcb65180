"""device reports: what each village device says about its own sync health (unsent and
set-aside counts, the oldest unsent record's time, the code and time of its last failed run),
kept on its device row with the time of the report.

Self-contained (no import of the ORM), like 0001. All columns are nullable: a device that has
not reported yet (or runs an older app) simply has none.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 10:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = ('reported_at', 'report_pending', 'report_set_aside', 'report_oldest_pending_at',
            'report_last_error', 'report_last_error_at')


def upgrade() -> None:
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reported_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('report_pending', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('report_set_aside', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('report_oldest_pending_at', sa.DateTime(timezone=True),
                                      nullable=True))
        batch_op.add_column(sa.Column('report_last_error', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('report_last_error_at', sa.DateTime(timezone=True),
                                      nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('devices', schema=None) as batch_op:
        for name in reversed(_COLUMNS):
            batch_op.drop_column(name)
