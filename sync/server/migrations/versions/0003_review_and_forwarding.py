"""review and forwarding: district accounts, login sessions, review audit events, locks,
classification by the reviewer and the SP4N-LAPOR! outbound queue.

Self-contained (no import of the ORM), like 0001.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 16:36:07.515867
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('review_events',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('record_id', sa.Uuid(), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('detail', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_events')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('review_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_events_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_events_record_id'), ['record_id'], unique=False)

    op.create_table('users',
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('disabled_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('username', name=op.f('pk_users'))
    )
    op.create_table('user_sessions',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['username'], ['users.username'], name=op.f('fk_user_sessions_username_users')),
    sa.PrimaryKeyConstraint('token_hash', name=op.f('pk_user_sessions'))
    )
    with op.batch_alter_table('user_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_sessions_username'), ['username'], unique=False)

    op.create_table('lapor_outbox',
    sa.Column('record_id', sa.Uuid(), nullable=False),
    sa.Column('idempotency_key', sa.String(length=64), nullable=False),
    sa.Column('via', sa.String(length=16), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('lapor_tracking_id', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['record_id'], ['current_records.id'], name=op.f('fk_lapor_outbox_record_id_current_records')),
    sa.PrimaryKeyConstraint('record_id', name=op.f('pk_lapor_outbox')),
    sa.UniqueConstraint('idempotency_key', name=op.f('uq_lapor_outbox_idempotency_key'))
    )
    with op.batch_alter_table('lapor_outbox', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lapor_outbox_state'), ['state'], unique=False)

    op.create_table('review_classification',
    sa.Column('record_id', sa.Uuid(), nullable=False),
    sa.Column('category_code', sa.String(length=128), nullable=True),
    sa.Column('agency_code', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['current_records.id'], name=op.f('fk_review_classification_record_id_current_records')),
    sa.PrimaryKeyConstraint('record_id', name=op.f('pk_review_classification'))
    )
    op.create_table('review_locks',
    sa.Column('record_id', sa.Uuid(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['record_id'], ['current_records.id'], name=op.f('fk_review_locks_record_id_current_records')),
    sa.PrimaryKeyConstraint('record_id', name=op.f('pk_review_locks'))
    )


def downgrade() -> None:
    op.drop_table('review_locks')
    op.drop_table('review_classification')
    with op.batch_alter_table('lapor_outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lapor_outbox_state'))

    op.drop_table('lapor_outbox')
    with op.batch_alter_table('user_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_sessions_username'))

    op.drop_table('user_sessions')
    op.drop_table('users')
    with op.batch_alter_table('review_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_events_record_id'))
        batch_op.drop_index(batch_op.f('ix_review_events_action'))

    op.drop_table('review_events')
