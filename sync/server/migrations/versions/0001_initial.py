"""Initial hub schema: devices, enrolment codes, batches, records, change feed, attachments.

Revision ID: 0001
Revises:
Create Date: 2025-01-15

Self-contained on purpose (no import of the ORM): a later change of the models must never
change what this script creates.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _utc() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def _json() -> sa.types.TypeEngine[object]:
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "devices",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("village_code", sa.String(32), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("device_tag", sa.String(16), nullable=False),
        sa.Column("device_name", sa.String(128), nullable=False),
        sa.Column("app_version", sa.String(64), nullable=False),
        sa.Column("protocol_version", sa.Integer(), nullable=True),
        sa.Column("enrolled_at", _utc(), nullable=False),
        sa.Column("revoked_at", _utc(), nullable=True),
        sa.Column("last_seen_at", _utc(), nullable=True),
        sa.Column("clock_offset_seconds", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_devices"),
        sa.UniqueConstraint("token_hash", name="uq_devices_token_hash"),
    )
    op.create_table(
        "enrolment_codes",
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("village_code", sa.String(32), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("expires_at", _utc(), nullable=False),
        sa.Column("used_at", _utc(), nullable=True),
        sa.Column("device_id", sa.String(36), nullable=True),
        sa.ForeignKeyConstraint(["device_id"], ["devices.id"],
                                name="fk_enrolment_codes_device_id_devices"),
        sa.PrimaryKeyConstraint("code_hash", name="pk_enrolment_codes"),
    )
    op.create_table(
        "batches",
        sa.Column("batch_id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("received_at", _utc(), nullable=False),
        sa.Column("record_count", sa.Integer(), nullable=False),
        sa.Column("response_json", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["device_id"], ["devices.id"],
                                name="fk_batches_device_id_devices"),
        sa.PrimaryKeyConstraint("batch_id", name="pk_batches"),
    )
    op.create_index("ix_batches_device_id", "batches", ["device_id"])
    op.create_table(
        "records",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("revision", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("entity", sa.String(16), nullable=False),
        sa.Column("batch_id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("village_code", sa.String(32), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("payload", _json(), nullable=False),
        sa.Column("tracking_no", sa.String(32), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("received_at", _utc(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["batches.batch_id"],
                                name="fk_records_batch_id_batches"),
        sa.ForeignKeyConstraint(["device_id"], ["devices.id"],
                                name="fk_records_device_id_devices"),
        # the exactly-once guarantee: one row per (id, revision), enforced by the database
        sa.PrimaryKeyConstraint("id", "revision", name="pk_records"),
    )
    op.create_index("ix_records_batch_id", "records", ["batch_id"])
    op.create_table(
        "current_records",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("entity", sa.String(16), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(64), nullable=False),
        sa.Column("owner_device_id", sa.String(36), nullable=False),
        sa.Column("village_code", sa.String(32), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("tracking_no", sa.String(32), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.Column("first_received_at", _utc(), nullable=False),
        sa.Column("received_at", _utc(), nullable=False),
        sa.Column("status_at", _utc(), nullable=False),
        sa.Column("lapor_tracking_id", sa.String(64), nullable=True),
        sa.Column("lapor_status_raw", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["id", "revision"], ["records.id", "records.revision"],
                                name="fk_current_records_revision_records"),
        sa.ForeignKeyConstraint(["owner_device_id"], ["devices.id"],
                                name="fk_current_records_owner_device_id_devices"),
        sa.PrimaryKeyConstraint("id", name="pk_current_records"),
        sa.UniqueConstraint("tracking_no", name="uq_current_records_tracking_no"),
    )
    op.create_index("ix_current_records_scope", "current_records", ["scope"])
    op.create_index("ix_current_records_village_code", "current_records", ["village_code"])
    op.create_table(
        "changes",
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                  autoincrement=True, nullable=False),
        sa.Column("scope", sa.String(64), nullable=False),
        sa.Column("village_code", sa.String(32), nullable=True),
        sa.Column("device_id", sa.String(36), nullable=True),
        sa.Column("entity", sa.String(16), nullable=True),
        sa.Column("record_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=True),
        sa.Column("at", _utc(), nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("lapor_tracking_id", sa.String(64), nullable=True),
        sa.Column("lapor_status_raw", sa.Text(), nullable=True),
        sa.Column("data", _json(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name="pk_changes"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_changes_record_id", "changes", ["record_id"])
    op.create_index("ix_changes_scope_seq", "changes", ["scope", "seq"])
    op.create_table(
        "attachments",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("received_bytes", sa.BigInteger(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("stored_path", sa.String(255), nullable=True),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("completed_at", _utc(), nullable=True),
        sa.PrimaryKeyConstraint("sha256", name="pk_attachments"),
    )
    op.create_table(
        "attachment_links",
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("revision", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("filename", sa.String(255), nullable=False),
        sa.Column("media_type", sa.String(128), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["record_id", "revision"], ["records.id", "records.revision"],
                                name="fk_attachment_links_revision_records"),
        sa.ForeignKeyConstraint(["sha256"], ["attachments.sha256"],
                                name="fk_attachment_links_sha256_attachments"),
        sa.PrimaryKeyConstraint("record_id", "revision", "sha256", name="pk_attachment_links"),
    )
    op.create_index("ix_attachment_links_sha256", "attachment_links", ["sha256"])


def downgrade() -> None:
    for table in ("attachment_links", "attachments", "changes", "current_records", "records",
                  "batches", "enrolment_codes", "devices"):
        op.drop_table(table)
