"""Storage layer: the ORM rows of the local store (SQLAlchemy 2.x typed mappings).

Synced tables carry a client UUID ``id``, ``revision``, ``server_version``, ``dirty`` and
``deleted``. Times are stored as UTC. Personal fields of the reporter live in their own
columns, sealed with the store's data key (`storage.crypto`), so that they never end up in
plain text in the file, a backup, a search index or a log.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID

from sqlalchemy import (
    DateTime,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from kim_desktop.storage.crypto import EncryptedText


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, naive UTC in SQLite, aware UTC out."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return value.replace(tzinfo=UTC) if value is not None else None


# Stored text to canonical text, for bulk reads that skip the column types (exports): the same
# strings ``isoformat()`` / ``str()`` give for the values SQLAlchemy would read, without building
# a datetime or UUID per value. SQLAlchemy writes fixed SQLite formats (times
# ``YYYY-MM-DD HH:MM:SS.ffffff``, dates ``YYYY-MM-DD``, UUIDs as ``UUID.hex``); anything else
# takes the general path.

def stored_utc_iso(stored: str) -> str:
    """A `UTCDateTime` column's stored text as the aware UTC datetime's ``isoformat()``."""
    if len(stored) == 26:
        return stored.replace(" ", "T").removesuffix(".000000") + "+00:00"
    return datetime.fromisoformat(stored).replace(tzinfo=UTC).isoformat()


def stored_date_iso(stored: str | None) -> str | None:
    """A date column's stored text as the date's ``isoformat()``."""
    if stored is None or len(stored) == 10:
        return stored
    return date.fromisoformat(stored).isoformat()


def stored_uuid_str(stored: str) -> str:
    """A UUID column's stored text (``UUID.hex``) as ``str(UUID)``."""
    if len(stored) == 32:
        return f"{stored[:8]}-{stored[8:12]}-{stored[12:16]}-{stored[16:20]}-{stored[20:]}"
    return str(UUID(stored))


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime, str: String}


class DeviceRow(Base):
    """The one device/KIM profile of this store (``id`` is always 1)."""

    __tablename__ = "device"
    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    device_tag: Mapped[str] = mapped_column(String(8))
    village_code: Mapped[str] = mapped_column(String(32))
    kim_name: Mapped[str]
    operator_name: Mapped[str]
    role: Mapped[str] = mapped_column(String(16))
    hub_url: Mapped[str | None]
    enrolled_at: Mapped[datetime | None]
    #: the id the hub gave this device at enrolment (USB bundles carry it)
    hub_device_id: Mapped[str | None] = mapped_column(String(36))
    next_sequence: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime]


class PreferencesRow(Base):
    """Typed preferences (see ``kim_desktop.preferences``) as versioned JSON; ``id`` is 1."""

    __tablename__ = "preferences"
    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int]
    data: Mapped[str] = mapped_column(Text)


class ComplaintRow(Base):
    __tablename__ = "complaint"
    id: Mapped[UUID] = mapped_column(primary_key=True)
    tracking_no: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    incident_date: Mapped[date | None]
    village_code: Mapped[str] = mapped_column(String(32), index=True)
    location_detail: Mapped[str] = mapped_column(Text)
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    category_code: Mapped[str] = mapped_column(String(200), index=True)
    agency_code: Mapped[str | None] = mapped_column(String(100))
    # the reporter's identity is sealed with the store's data key (storage.crypto)
    reporter_name: Mapped[str] = mapped_column(EncryptedText("reporter_name"))
    reporter_nik: Mapped[str] = mapped_column(EncryptedText("reporter_nik"))
    reporter_phone: Mapped[str] = mapped_column(EncryptedText("reporter_phone"))
    reporter_email: Mapped[str] = mapped_column(EncryptedText("reporter_email"))
    reporter_address: Mapped[str] = mapped_column(EncryptedText("reporter_address"))
    reporter_gender: Mapped[str] = mapped_column(String(1))
    reporter_birth_year: Mapped[int | None]
    anonymous: Mapped[bool]
    confidential: Mapped[bool]
    consent: Mapped[bool]
    channel: Mapped[str] = mapped_column(String(32))
    activity_id: Mapped[UUID | None] = mapped_column(index=True)
    status: Mapped[str] = mapped_column(String(32))
    revision: Mapped[int]
    server_version: Mapped[int | None]
    dirty: Mapped[bool]
    deleted: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    submitted_at: Mapped[datetime | None]
    recorded_by: Mapped[str]
    device_id: Mapped[str] = mapped_column(String(36))
    lapor_tracking_id: Mapped[str | None] = mapped_column(String(32))
    lapor_status_raw: Mapped[str | None] = mapped_column(Text)
    review_note: Mapped[str | None] = mapped_column(Text)
    set_aside_reason: Mapped[str | None] = mapped_column(Text)
    attachments: Mapped[list[ComplaintAttachmentRow]] = relationship(
        order_by="ComplaintAttachmentRow.position", cascade="all, delete-orphan")

    __table_args__ = (
        # list filters: status (+ date range) found, counted and ordered newest first with the
        # category and tombstone tests answered from the index, not from the table
        Index("ix_complaint_status_filter", "status", "created_at", "id", "category_code",
              "deleted"),
        # newest-first pages and the export walk read (created_at, id) in order: no sort
        Index("ix_complaint_created_id", "created_at", "id"),
        # live rows only: counts (all, per status) read this small index instead of the table
        Index("ix_complaint_live_status", "status", sqlite_where=text("deleted IS 0")),
    )


class ComplaintAttachmentRow(Base):
    __tablename__ = "complaint_attachment"
    complaint_id: Mapped[UUID] = mapped_column(
        ForeignKey("complaint.id", ondelete="CASCADE"), primary_key=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256"), primary_key=True)
    position: Mapped[int]
    filename: Mapped[str]


class BlobRow(Base):
    """One stored file content (content-addressed), and how far its upload got."""

    __tablename__ = "blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    media_type: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    upload_sha256: Mapped[str | None] = mapped_column(String(64))   # after EXIF strip/downscale
    upload_size: Mapped[int | None]
    uploaded_bytes: Mapped[int] = mapped_column(default=0)
    uploaded: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]


class StatusHistoryRow(Base):
    __tablename__ = "status_history"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(16))
    record_id: Mapped[UUID]
    status: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime]
    actor: Mapped[str]
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_status_history_record", "entity", "record_id", "id"),)


class ActivityRow(Base):
    __tablename__ = "activity"
    id: Mapped[UUID] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    topic: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime | None] = mapped_column(index=True)
    ends_at: Mapped[datetime | None]
    village_code: Mapped[str] = mapped_column(String(32), index=True)
    venue: Mapped[str] = mapped_column(Text)
    organizer: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text)
    outcomes: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(32), index=True)
    revision: Mapped[int]
    server_version: Mapped[int | None]
    dirty: Mapped[bool]
    deleted: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    submitted_at: Mapped[datetime | None]
    recorded_by: Mapped[str]
    device_id: Mapped[str] = mapped_column(String(36))
    review_note: Mapped[str | None] = mapped_column(Text)
    set_aside_reason: Mapped[str | None] = mapped_column(Text)
    participants: Mapped[list[ParticipantRow]] = relationship(
        order_by="ParticipantRow.position", cascade="all, delete-orphan")
    facilitators: Mapped[list[FacilitatorRow]] = relationship(
        order_by="FacilitatorRow.position", cascade="all, delete-orphan")
    complaint_links: Mapped[list[ActivityComplaintRow]] = relationship(
        order_by="ActivityComplaintRow.position", cascade="all, delete-orphan")
    attachments: Mapped[list[ActivityAttachmentRow]] = relationship(
        order_by="ActivityAttachmentRow.position", cascade="all, delete-orphan")


class ParticipantRow(Base):
    __tablename__ = "participant"
    activity_id: Mapped[UUID] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    gender: Mapped[str] = mapped_column(String(1))
    age: Mapped[int | None]
    role: Mapped[str]
    dusun: Mapped[str]
    phone: Mapped[str] = mapped_column(EncryptedText("participant_phone", short=True))


class FacilitatorRow(Base):
    __tablename__ = "facilitator"
    activity_id: Mapped[UUID] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    institution: Mapped[str]


class ActivityComplaintRow(Base):
    __tablename__ = "activity_complaint"
    activity_id: Mapped[UUID] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True)
    complaint_id: Mapped[UUID] = mapped_column(primary_key=True)
    position: Mapped[int]


class ActivityAttachmentRow(Base):
    __tablename__ = "activity_attachment"
    activity_id: Mapped[UUID] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256"), primary_key=True)
    position: Mapped[int]
    filename: Mapped[str]


class OutboxRow(Base):
    """One record revision waiting to leave the village.

    ``state``: pending → sending → done, or set_aside with a readable reason. ``sending`` that
    survives a crash means "outcome unknown": the engine reconciles before sending again.
    """

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(16))
    record_id: Mapped[UUID]
    revision: Mapped[int]
    state: Mapped[str] = mapped_column(String(16), index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None]
    batch_id: Mapped[UUID | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    done_at: Mapped[datetime | None]

    __table_args__ = (UniqueConstraint("entity", "record_id", "revision",
                                       name="uq_outbox_record_revision"),)


class SyncStateRow(Base):
    """Where sync stands (``id`` is 1): pull cursor, last contact, clock offset."""

    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(primary_key=True)
    cursor: Mapped[str | None]
    last_attempt_at: Mapped[datetime | None]
    last_success_at: Mapped[datetime | None]
    last_error_code: Mapped[str | None] = mapped_column(String(64))
    clock_offset_seconds: Mapped[float | None]
    hub_protocol_version: Mapped[int | None]
    #: the hub's bundle-signing public key, pinned by the first receipt bundle imported
    hub_bundle_key: Mapped[str | None] = mapped_column(String(64))


class SyncRunRow(Base):
    __tablename__ = "sync_run"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    pushed: Mapped[int] = mapped_column(default=0)
    pulled: Mapped[int] = mapped_column(default=0)
    set_aside: Mapped[int] = mapped_column(default=0)
    bytes_sent: Mapped[int] = mapped_column(default=0)
    outcome: Mapped[str] = mapped_column(String(32))
    error_code: Mapped[str | None] = mapped_column(String(64))


class RegionRow(Base):
    __tablename__ = "region"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str]
    level: Mapped[str] = mapped_column(String(16))
    parent_code: Mapped[str | None] = mapped_column(String(32), index=True)
    has_kim: Mapped[bool] = mapped_column(default=False)


class CategoryRow(Base):
    __tablename__ = "category"
    code: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str]
    parent_code: Mapped[str | None] = mapped_column(String(200))


class AgencyRow(Base):
    __tablename__ = "agency"
    code: Mapped[str] = mapped_column(String(100), primary_key=True)
    name: Mapped[str]
    short_name: Mapped[str]
    active: Mapped[bool] = mapped_column(default=True)


class HolidayRow(Base):
    """District-added non-working days (cuti bersama); national holidays come from ``holidays``."""

    __tablename__ = "holiday"
    day: Mapped[date] = mapped_column(primary_key=True)
    name: Mapped[str]


class IdentityViewRow(Base):
    """Who revealed an anonymous reporter's identity, and when (PDP: record who viewed)."""

    __tablename__ = "identity_view"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    complaint_id: Mapped[UUID] = mapped_column(ForeignKey("complaint.id", ondelete="CASCADE"))
    at: Mapped[datetime]
    actor: Mapped[str]


class StoreKeyRow(Base):
    """Which data key seals this store's identity fields (``id`` is 1); the key itself is in the
    OS keyring (or the data folder's key file), never here. ``key_check`` is a known text sealed
    with it, so a wrong or missing key is told apart from damage."""

    __tablename__ = "store_key"
    id: Mapped[int] = mapped_column(primary_key=True)
    key_id: Mapped[str] = mapped_column(String(32))
    key_check: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]
    #: the district escrow key this store's key was deposited to (sync.client.escrow)
    escrow_fingerprint: Mapped[str | None] = mapped_column(String(16))
