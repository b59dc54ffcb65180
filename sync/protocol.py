"""Sync protocol layer: the versioned wire models shared by the desktop client and the hub.

Everything that crosses the network between a KIM device and the district hub is one of these
pydantic v2 models. They forbid unknown fields, so a mismatch between client and hub shows up as a
clear refusal instead of silently dropped data; the handshake checks ``PROTOCOL_VERSION`` first.

Field names follow the data dictionary of DOMAIN.md. The models check *structure* only (types,
shapes, hashes); content rules (title length, NIK format, consent, …) belong to
``kim_desktop.domain`` validation, which the hub applies per record so that one bad record is set
aside without failing the rest of its batch.

Record identity and exactly-once delivery: every record carries its client UUID ``id``, a
``revision`` counter and the ``content_hash`` of its payload (`canonical_hash`). The hub stores each
``(id, revision)`` once; resending it returns the original receipt.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

#: The protocol this code speaks. Bump on any incompatible change of the models below.
PROTOCOL_VERSION = 1
#: The oldest protocol the hub still accepts; older clients are told to update (HTTP 426).
MIN_PROTOCOL_VERSION = 1

#: Most records in one push request.
MAX_BATCH_RECORDS = 500
#: Most keys in one reconcile request.
MAX_RECONCILE_ITEMS = 1000
#: Change-feed page sizes.
DEFAULT_PAGE_LIMIT = 200
MAX_PAGE_LIMIT = 1000

EntityName = Literal["complaint", "activity"]
Outcome = Literal["accepted", "duplicate", "conflict", "rejected"]
ChangeKind = Literal["status", "reference"]
DeviceRole = Literal["operator", "trainer"]
Sha256Hex = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]


class ErrorCode(StrEnum):
    """``error.code`` values of hub error responses; the client maps them to user messages."""

    UNAUTHORIZED = "unauthorized"              # 401: no or unknown token
    ENROLMENT_REVOKED = "enrolment_revoked"    # 401: the device must enrol again
    ENROLMENT_REFUSED = "enrolment_refused"    # 403: code unknown, used or expired
    UPDATE_REQUIRED = "update_required"        # 426: protocol version not supported
    MALFORMED_JSON = "malformed_json"          # 400
    INVALID_REQUEST = "invalid_request"        # 422: body or parameters have the wrong shape
    INVALID_CURSOR = "invalid_cursor"          # 400
    BAD_RANGE = "bad_range"                    # 400: Content-Range missing or inconsistent
    NOT_FOUND = "not_found"                    # 404 (also: not in this device's scope)
    METHOD_NOT_ALLOWED = "method_not_allowed"  # 405
    BATCH_CONFLICT = "batch_conflict"          # 409: batch id already used by another device
    RANGE_MISMATCH = "range_mismatch"          # 409: upload must resume at ``received_bytes``
    KEY_CONFLICT = "key_conflict"              # 409: another bundle key is registered already
    PAYLOAD_TOO_LARGE = "payload_too_large"    # 413
    UNSUPPORTED_ENCODING = "unsupported_encoding"  # 415
    HASH_MISMATCH = "hash_mismatch"            # 422: uploaded bytes do not match the sha256
    SIZE_MISMATCH = "size_mismatch"            # 422: upload total differs from the declared size
    FORBIDDEN = "forbidden"                    # 403: this account's role may not do this
    LOCKED = "locked"                          # 409: another reviewer holds the record's lock
    INVALID_TRANSITION = "invalid_transition"  # 409: not allowed from the record's status
    TOO_MANY_ATTEMPTS = "too_many_attempts"    # 429: login locked after repeated failures
    FORWARDING_FAILED = "forwarding_failed"    # 502: SP4N-LAPOR! did not take it (queued)
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"  # 415: content is not JPEG, PNG or PDF
    INTERNAL = "internal"                      # 500


class ReasonCode(StrEnum):
    """``RecordResult.reason_code`` values for ``conflict`` and ``rejected`` outcomes."""

    # conflict: the hub holds something else for this record; the client must look again
    CONTENT_MISMATCH = "content_mismatch"      # same (id, revision), different content
    STALE_REVISION = "stale_revision"          # the hub already has a newer revision
    BASE_VERSION_MISMATCH = "base_version_mismatch"
    CLOSED_BY_DISTRICT = "closed_by_district"  # already verified/rejected/forwarded…
    # rejected: the hub will never accept this record as it is
    OUT_OF_SCOPE = "out_of_scope"              # another village's / device's record
    ENTITY_MISMATCH = "entity_mismatch"        # the id is already used by the other entity
    TRACKING_NO_TAKEN = "tracking_no_taken"    # another record holds this tracking number
    CONTENT_HASH_MISMATCH = "content_hash_mismatch"
    INVALID = "invalid"                        # content rules broken (reason names the fields)


class _Wire(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- records --------------------------------------------------------------------------------


class ReporterPayload(_Wire):
    name: str | None = None
    nik: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    gender: str | None = None
    birth_year: int | None = None


class AttachmentPayload(_Wire):
    filename: str
    media_type: str
    size: int = Field(ge=0)
    sha256: Sha256Hex


class ComplaintPayload(_Wire):
    """The content of one complaint revision (field names of the data dictionary)."""

    kind: str = "complaint"
    title: str = ""
    body: str = ""
    incident_date: date | None = None
    village_code: str
    location_detail: str = ""
    latitude: float | None = None
    longitude: float | None = None
    category_code: str = ""
    agency_code: str | None = None
    reporter: ReporterPayload = Field(default_factory=ReporterPayload)
    anonymous: bool = False
    confidential: bool = False
    consent: bool = False
    channel: str = "walk_in"
    activity_id: UUID | None = None
    attachments: list[AttachmentPayload] = Field(default_factory=list)
    tracking_no: str | None = None
    recorded_by: str = ""
    created_at: AwareDatetime
    updated_at: AwareDatetime


class ParticipantPayload(_Wire):
    name: str
    gender: str | None = None
    age: int | None = None
    role: str | None = None
    dusun: str | None = None
    phone: str | None = None


class FacilitatorPayload(_Wire):
    name: str
    institution: str | None = None


class ActivityPayload(_Wire):
    """The content of one socialization-session revision."""

    title: str = ""
    topic: str = ""
    starts_at: AwareDatetime | None = None
    ends_at: AwareDatetime | None = None
    village_code: str
    venue: str = ""
    organizer: str = ""
    facilitators: list[FacilitatorPayload] = Field(default_factory=list)
    summary: str = ""
    outcomes: str = ""
    participants: list[ParticipantPayload] = Field(default_factory=list)
    complaint_ids: list[UUID] = Field(default_factory=list)
    attachments: list[AttachmentPayload] = Field(default_factory=list)
    recorded_by: str = ""
    created_at: AwareDatetime
    updated_at: AwareDatetime


Payload = ComplaintPayload | ActivityPayload


def canonical_json(payload: Payload) -> bytes:
    """The one byte form of a payload that both sides hash: sorted keys, no spaces, UTF-8."""
    return json.dumps(payload.model_dump(mode="json"), sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def canonical_hash(payload: Payload) -> str:
    """SHA-256 hex of `canonical_json`: the ``content_hash`` of a `RecordEnvelope`."""
    return hashlib.sha256(canonical_json(payload)).hexdigest()


class RecordEnvelope(_Wire):
    """One revision of one record, as pushed. Exactly one of ``complaint``/``activity`` is set."""

    entity: EntityName
    id: UUID
    revision: int = Field(ge=1)
    #: the ``server_version`` the client last saw for this record (None: never seen by the hub)
    base_version: int | None = Field(default=None, ge=1)
    content_hash: Sha256Hex
    complaint: ComplaintPayload | None = None
    activity: ActivityPayload | None = None

    @model_validator(mode="after")
    def _one_payload_matching_entity(self) -> RecordEnvelope:
        has = {"complaint": self.complaint is not None, "activity": self.activity is not None}
        if not has[self.entity] or sum(has.values()) != 1:
            raise ValueError(f"exactly one payload is required and it must be {self.entity!r}")
        return self

    @property
    def payload(self) -> Payload:
        payload = self.complaint if self.entity == "complaint" else self.activity
        assert payload is not None  # guaranteed by the validator
        return payload

    @classmethod
    def wrap(cls, id: UUID, revision: int, payload: Payload,
             base_version: int | None = None) -> RecordEnvelope:
        """Build an envelope for ``payload`` with its entity and content hash filled in."""
        if isinstance(payload, ComplaintPayload):
            return cls(entity="complaint", id=id, revision=revision, base_version=base_version,
                       content_hash=canonical_hash(payload), complaint=payload)
        return cls(entity="activity", id=id, revision=revision, base_version=base_version,
                   content_hash=canonical_hash(payload), activity=payload)


# --- enrolment and handshake ------------------------------------------------------------------


class EnrollRequest(_Wire):
    code: str = Field(min_length=1, max_length=64)
    device_tag: str = Field(min_length=1, max_length=16)
    app_version: str = Field(max_length=64)
    device_name: str = Field(default="", max_length=128)


class EnrollResponse(_Wire):
    device_id: str
    #: the bearer token; shown once, kept only in the OS keyring
    token: str
    village_code: str
    role: DeviceRole


class HandshakeRequest(_Wire):
    protocol_version: int
    app_version: str = Field(max_length=64)
    client_time: AwareDatetime


class HandshakeResponse(_Wire):
    protocol_version: int
    min_protocol_version: int
    server_time: datetime
    device_id: str
    village_code: str
    role: DeviceRole
    #: server_time - client_time: how far the device clock is behind the hub (seconds)
    clock_offset_seconds: float


# --- key escrow (additive: a hub without it answers 404, older clients never ask) -----------
#
# Devices enrolled with protocol 1 parse enrol and handshake answers with unknown fields
# forbidden, so the escrow key is not added to those answers: it is published at its own route,
# ``GET /v1/escrow``, which devices ask right after enrolment (and on later syncs until their
# data key is deposited). A hub that predates escrow answers 404 and the device carries on.

#: how the data key is wrapped: ephemeral X25519, HKDF-SHA256, AES-256-GCM
EscrowScheme = Literal["x25519-hkdf-sha256-aes256gcm"]
ESCROW_SCHEME: EscrowScheme = "x25519-hkdf-sha256-aes256gcm"
Base64Text = Annotated[str, Field(pattern=r"^[A-Za-z0-9_=-]+$", max_length=512)]


class EscrowKeyResponse(_Wire):
    """The district's escrow public key (hub configuration; the private key is kept offline)."""

    scheme: EscrowScheme
    public_key: Base64Text
    fingerprint: str = Field(pattern=r"^[0-9a-f]{16}$")


class EscrowDeposit(_Wire):
    """A device's store data key, encrypted to the escrow public key named by ``fingerprint``."""

    scheme: EscrowScheme
    fingerprint: str = Field(pattern=r"^[0-9a-f]{16}$")
    key_id: str = Field(pattern=r"^[0-9a-f]{32}$")
    wrapped_key: Base64Text


class EscrowReceipt(_Wire):
    fingerprint: str
    key_id: str
    received_at: datetime


class BundleKey(_Wire):
    """The Ed25519 public key that signs this device's USB bundles (base64 of 32 raw bytes),
    registered over the device's authenticated connection (``PUT /v1/bundle-key``) so that
    nobody else can pass bundles off as this device's."""

    public_key: str = Field(pattern=r"^[A-Za-z0-9+/]{43}=$")


#: an error code as the device records it (``offline``, ``hub_unavailable``, …): never a message
ERROR_CODE_PATTERN = r"^[a-z_]{1,64}$"
ErrorCodeText = Annotated[str, Field(pattern=ERROR_CODE_PATTERN)]


#: far above any village's outbox; keeps a count inside a 32-bit database integer
MAX_REPORTED_COUNT = 1_000_000_000


class DeviceReport(_Wire):
    """What only the device knows about its own sync health, sent after each contact
    (``PUT /v1/device-report``; a separate route because protocol-1 hubs forbid unknown fields
    in the handshake, and a hub without it answers 404). Counts, times and an error *code*:
    nothing of any record or person."""

    #: outbox entries not yet sent (pending or sending)
    pending: int = Field(ge=0, le=MAX_REPORTED_COUNT)
    #: outbox entries the hub refused, waiting for a correction in the village
    set_aside: int = Field(ge=0, le=MAX_REPORTED_COUNT)
    oldest_pending_at: AwareDatetime | None = None
    #: the code of the most recent failed sync run, and when it ended
    last_error: ErrorCodeText | None = None
    last_error_at: AwareDatetime | None = None
    app_version: str = Field(max_length=64)

    @field_validator("last_error_at")
    @classmethod
    def _time_needs_its_error(cls, value: datetime | None, info: ValidationInfo
                              ) -> datetime | None:
        # (a last_error that failed its own check is not in info.data: reported there)
        if value is not None and "last_error" in info.data and info.data["last_error"] is None:
            raise ValueError("given without last_error")
        return value


class DeviceReportReceipt(DeviceReport):
    """The report as the hub stored it."""

    reported_at: datetime


class HealthResponse(_Wire):
    status: str
    protocol_version: int
    server_time: datetime


# --- push and reconcile -----------------------------------------------------------------------


class PushRequest(_Wire):
    batch_id: UUID
    records: list[RecordEnvelope] = Field(max_length=MAX_BATCH_RECORDS)


class RecordResult(_Wire):
    id: UUID
    revision: int
    outcome: Outcome
    reason_code: str | None = None
    #: English, for logs and "copy details"; never contains personal data
    reason: str | None = None
    server_version: int | None = None
    received_at: datetime | None = None


class PushResponse(_Wire):
    batch_id: UUID
    results: list[RecordResult]


class RecordKey(_Wire):
    id: UUID
    revision: int = Field(ge=1)


class ReconcileRequest(_Wire):
    items: list[RecordKey] = Field(max_length=MAX_RECONCILE_ITEMS)


class ReconcileItem(_Wire):
    id: UUID
    revision: int
    present: bool
    content_hash: str | None = None
    server_version: int | None = None
    received_at: datetime | None = None
    #: the record's current status at the hub (of its latest revision)
    status: str | None = None


class ReconcileResponse(_Wire):
    items: list[ReconcileItem]


# --- pull ----------------------------------------------------------------------------------


class Change(_Wire):
    """One entry of the hub's change feed, ordered by ``seq`` (never by device clocks)."""

    seq: int
    entity: EntityName | None = None
    id: UUID | None = None
    kind: ChangeKind
    status: str | None = None
    revision: int | None = None
    at: datetime
    actor: str
    note: str = ""
    lapor_tracking_id: str | None = None
    lapor_status_raw: str | None = None
    #: for ``reference`` changes: ``{"dataset": ..., "rows": [...]}``
    data: dict[str, Any] | None = None


class PullResponse(_Wire):
    changes: list[Change]
    #: opaque; send it back as ``cursor`` to get the next page
    next_cursor: str
    has_more: bool


# --- attachments and errors ------------------------------------------------------------------


class AttachmentStatus(_Wire):
    sha256: Sha256Hex
    size: int
    received_bytes: int
    complete: bool


class ErrorDetail(_Wire):
    code: str
    message: str
    #: for ``range_mismatch``: where the upload must resume
    received_bytes: int | None = None


class ErrorBody(_Wire):
    error: ErrorDetail
