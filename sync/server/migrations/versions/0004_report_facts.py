"""report facts: per record its review status and dates, kind and category of its latest
revision, and a session's date and participant counts, for the district reports; batches indexed
by arrival for the review inbox.

Self-contained (no import of the ORM), like 0001. The table starts empty and is filled by the
hub itself (`sync.server.facts`) the first time a report or overdue list needs it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 18:10:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('report_facts',
    sa.Column('record_id', sa.Uuid(), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('entity', sa.String(length=16), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('village_code', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('first_received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=True),
    sa.Column('category_code', sa.String(length=128), nullable=True),
    sa.Column('session_date', sa.Date(), nullable=True),
    sa.Column('participants', sa.Integer(), nullable=True),
    sa.Column('participants_l', sa.Integer(), nullable=True),
    sa.Column('participants_p', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['record_id'], ['current_records.id'],
                            name=op.f('fk_report_facts_record_id_current_records')),
    sa.PrimaryKeyConstraint('record_id', name=op.f('pk_report_facts'))
    )
    with op.batch_alter_table('report_facts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_facts_seq'), ['seq'], unique=False)
    # the review inbox pages through batches newest first (and stops at the first page)
    with op.batch_alter_table('batches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_batches_received_at'), ['received_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('batches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_batches_received_at'))
    with op.batch_alter_table('report_facts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_facts_seq'))
    op.drop_table('report_facts')
