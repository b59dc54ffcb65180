"""search prefix index

The search box matches every word as a prefix (``ja`` finds ``jalan``). Without a prefix index
FTS5 answers a one- or two-letter prefix by merging the lists of every term that starts with
it, which at 100,000 complaints takes over 100 ms per keystroke. The full-text table is rebuilt
with prefix indexes for one, two and three characters; its content and triggers are unchanged
(the triggers name the table, so they keep working once it exists again).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 18:05:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = ("title, body, location_detail, content='complaint', content_rowid='rowid', "
            "tokenize='unicode61 remove_diacritics 2'")


def _recreate(extra: str) -> None:
    op.execute("DROP TABLE complaint_fts")
    op.execute(f"CREATE VIRTUAL TABLE complaint_fts USING fts5({_COLUMNS}{extra})")
    op.execute("INSERT INTO complaint_fts(complaint_fts) VALUES ('rebuild')")


def upgrade() -> None:
    _recreate(", prefix='1 2 3'")


def downgrade() -> None:
    _recreate("")
