"""Hub layer: the hub's own ORM rows (SQLAlchemy 2.0, typed), shared by SQLite and PostgreSQL.

The hub's schema is its own and changes only through the Alembic scripts in ``migrations``;
a test checks that a database upgraded to head matches these classes.

``records`` keeps every revision ever received, unique on ``(id, revision)``: that constraint, not a
prior lookup, is what makes a push exactly-once. ``current_records`` holds one row per record
with its latest revision, owner scope and review status. ``changes`` is the append-only feed
devices pull by cursor. Secrets are stored only as SHA-256 hashes.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from sync.server.sealing import SealedJson

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on both databases (SQLite stores them without an offset)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


JsonDoc = JSON().with_variant(JSONB(), "postgresql")
BigId = BigInteger().with_variant(Integer(), "sqlite")  # SQLite: INTEGER PRIMARY KEY = rowid


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UtcDateTime(),
                                                     dict[str, Any]: JsonDoc}


class DeviceRow(Base):
    __tablename__ = "devices"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    village_code: Mapped[str] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(16))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    device_tag: Mapped[str] = mapped_column(String(16))
    device_name: Mapped[str] = mapped_column(String(128))
    app_version: Mapped[str] = mapped_column(String(64))
    protocol_version: Mapped[int | None]
    enrolled_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    last_seen_at: Mapped[datetime | None]
    clock_offset_seconds: Mapped[float | None]
    #: the device's own sync report (``PUT /v1/device-report``): counts, times, an error code
    reported_at: Mapped[datetime | None]
    report_pending: Mapped[int | None]
    report_set_aside: Mapped[int | None]
    report_oldest_pending_at: Mapped[datetime | None]
    report_last_error: Mapped[str | None] = mapped_column(String(64))
    report_last_error_at: Mapped[datetime | None]


class EnrolmentCodeRow(Base):
    __tablename__ = "enrolment_codes"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    village_code: Mapped[str] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    device_id: Mapped[str | None] = mapped_column(ForeignKey("devices.id"))


class BatchRow(Base):
    __tablename__ = "batches"

    batch_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"), index=True)
    #: indexed: the review inbox pages through batches newest first
    received_at: Mapped[datetime] = mapped_column(index=True)
    record_count: Mapped[int]
    #: the PushResponse sent for this batch, returned again when the batch is resent
    response_json: Mapped[str | None] = mapped_column(Text)


class RecordRow(Base):
    """One received revision of one record; never changed after insert."""

    __tablename__ = "records"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    revision: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    entity: Mapped[str] = mapped_column(String(16))
    batch_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("batches.batch_id"), index=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"))
    village_code: Mapped[str] = mapped_column(String(32))
    content_hash: Mapped[str] = mapped_column(String(64))
    #: as received, with the reporter's identity sealed (`sealing.SealedJson`)
    payload: Mapped[dict[str, Any]] = mapped_column(SealedJson())
    tracking_no: Mapped[str | None] = mapped_column(String(32))
    #: status given on receipt; the live status is on `CurrentRecordRow`
    status: Mapped[str] = mapped_column(String(16))
    received_at: Mapped[datetime]
    server_version: Mapped[int]


class CurrentRecordRow(Base):
    """The latest revision and review state of each record, and who may see it (``scope``)."""

    __tablename__ = "current_records"
    __table_args__ = (
        ForeignKeyConstraint(["id", "revision"], ["records.id", "records.revision"],
                             name="fk_current_records_revision_records"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(16))
    revision: Mapped[int]
    #: ``village:<code>`` for operator records, ``device:<id>`` for trainer records
    scope: Mapped[str] = mapped_column(String(64), index=True)
    owner_device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"))
    village_code: Mapped[str] = mapped_column(String(32), index=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    tracking_no: Mapped[str | None] = mapped_column(String(32), unique=True)
    status: Mapped[str] = mapped_column(String(16))
    server_version: Mapped[int]
    first_received_at: Mapped[datetime]
    received_at: Mapped[datetime]
    status_at: Mapped[datetime]
    lapor_tracking_id: Mapped[str | None] = mapped_column(String(64))
    lapor_status_raw: Mapped[str | None] = mapped_column(Text)


class ChangeRow(Base):
    """One entry of the change feed; ``seq`` order is commit order (see `feed.append`)."""

    __tablename__ = "changes"
    __table_args__ = (Index("ix_changes_scope_seq", "scope", "seq"),
                      {"sqlite_autoincrement": True})

    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    #: who may pull it: a record's scope, or ``all`` for reference data
    scope: Mapped[str] = mapped_column(String(64))
    village_code: Mapped[str | None] = mapped_column(String(32))
    device_id: Mapped[str | None] = mapped_column(String(36))
    entity: Mapped[str | None] = mapped_column(String(16))
    record_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str | None] = mapped_column(String(16))
    revision: Mapped[int | None]
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(128))
    note: Mapped[str] = mapped_column(Text)
    lapor_tracking_id: Mapped[str | None] = mapped_column(String(64))
    lapor_status_raw: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict[str, Any] | None]


class AttachmentRow(Base):
    """One stored content, by hash; its file lives under ``attachments/ab/cdef…``."""

    __tablename__ = "attachments"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    received_bytes: Mapped[int] = mapped_column(BigInteger)
    complete: Mapped[bool]
    stored_path: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime]
    completed_at: Mapped[datetime | None]


class AttachmentLinkRow(Base):
    """Which record revision refers to which content, under which file name."""

    __tablename__ = "attachment_links"
    __table_args__ = (
        ForeignKeyConstraint(["record_id", "revision"], ["records.id", "records.revision"],
                             name="fk_attachment_links_revision_records"),
    )

    record_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    revision: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    sha256: Mapped[str] = mapped_column(ForeignKey("attachments.sha256"), primary_key=True,
                                        index=True)
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(128))
    size: Mapped[int] = mapped_column(BigInteger)


class BundleKeyRow(Base):
    """The Ed25519 public key that signed a device's first USB bundle; later bundles from that
    device must carry the same key."""

    __tablename__ = "bundle_keys"

    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))
    pinned_at: Mapped[datetime]


class UserRow(Base):
    """A district account (reviewer or admin); the password only as an scrypt hash."""

    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime]
    failed_logins: Mapped[int]
    locked_until: Mapped[datetime | None]
    disabled_at: Mapped[datetime | None]


class UserSessionRow(Base):
    """A login token of a district account (SHA-256 only), valid until ``expires_at``."""

    __tablename__ = "user_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(ForeignKey("users.username"), index=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class ReviewEventRow(Base):
    """Audit trail of review actions that are not status changes: identity reveals,
    classification edits (old and new values in ``detail``), forwarding steps."""

    __tablename__ = "review_events"
    __table_args__ = ({"sqlite_autoincrement": True},)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    record_id: Mapped[uuid.UUID] = mapped_column(index=True)
    action: Mapped[str] = mapped_column(String(32), index=True)
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]
    detail: Mapped[dict[str, Any] | None]


class ReviewLockRow(Base):
    """Who is deciding a record right now; a lock past ``expires_at`` is free to take."""

    __tablename__ = "review_locks"

    record_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("current_records.id"),
                                                 primary_key=True)
    username: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime]


class ReviewClassRow(Base):
    """The category and agency a reviewer set for a record (the payload stays as received)."""

    __tablename__ = "review_classification"

    record_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("current_records.id"),
                                                 primary_key=True)
    category_code: Mapped[str | None] = mapped_column(String(128))
    agency_code: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(64))


class LaporOutboxRow(Base):
    """One complaint to forward to SP4N-LAPOR!; unique per record, so never forwarded twice.

    ``idempotency_key`` goes out with every attempt so that a retry after a lost answer is
    recognised by LAPOR! (or the stand-in) as the same report.
    """

    __tablename__ = "lapor_outbox"

    record_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("current_records.id"),
                                                 primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    via: Mapped[str] = mapped_column(String(16))        # http | manual
    state: Mapped[str] = mapped_column(String(16), index=True)  # pending | sent | failed
    attempts: Mapped[int]
    next_attempt_at: Mapped[datetime]
    last_error: Mapped[str | None] = mapped_column(Text)
    lapor_tracking_id: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(64))
    sent_at: Mapped[datetime | None]


class ReportFactRow(Base):
    """What reports and deadlines read of a record (latest revision and review status), copied
    from ``current_records`` and the payload by `sync.server.facts` up to change ``seq``."""

    __tablename__ = "report_facts"

    record_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("current_records.id"),
                                                 primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, index=True)
    entity: Mapped[str] = mapped_column(String(16))
    revision: Mapped[int]
    village_code: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16))
    first_received_at: Mapped[datetime]
    status_at: Mapped[datetime]
    kind: Mapped[str | None] = mapped_column(String(32))
    category_code: Mapped[str | None] = mapped_column(String(128))
    #: sessions only: WITA start date and participants (all, men, women)
    session_date: Mapped[date | None]
    participants: Mapped[int | None]
    participants_l: Mapped[int | None]
    participants_p: Mapped[int | None]
