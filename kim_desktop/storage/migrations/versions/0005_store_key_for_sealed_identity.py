"""store key for the sealed reporter identity

The reporter's name, NIK, phone, e-mail and address are sealed with a per-store data key
(``kim_desktop.storage.crypto``). This revision adds the table that names the key (``key_id``)
and holds a sealed check value; the key itself stays in the OS keyring. Existing plain values
are sealed when the store is opened (``crypto.attach_field_key``), not here: a migration cannot
reach the keyring, and the pass also covers stores restored from older backups.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 18:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'store_key',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('key_id', sa.String(length=32), nullable=False),
        sa.Column('key_check', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('escrow_fingerprint', sa.String(length=16), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_store_key')))


def downgrade() -> None:
    op.drop_table('store_key')
