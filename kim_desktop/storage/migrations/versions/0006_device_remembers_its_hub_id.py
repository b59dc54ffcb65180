"""device remembers its hub id

The hub gives an enrolled device its own id. USB bundles must carry that id, so a device that
syncs over the network and by USB is one device at the hub (with one scope and one registered
bundle key), not two.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 19:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('device', sa.Column('hub_device_id', sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('device', schema=None) as batch_op:
        batch_op.drop_column('hub_device_id')
