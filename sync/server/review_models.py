"""Hub layer: request and response bodies of the /v1/review routes (pydantic, ``extra="forbid"``).

They live with the hub, not in `sync.protocol`, until the desktop review workspace exists; then
they move to the shared protocol module unchanged.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Action = Literal["verify", "return", "reject"]
Reason = Literal["duplicate_of", "not_public_service", "unclear", "abusive"]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LoginRequest(_Body):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)


class LoginResponse(_Body):
    token: str
    username: str
    role: str
    expires_at: datetime


class BatchSummary(_Body):
    batch_id: uuid.UUID
    device_id: str
    village_code: str
    received_at: datetime
    record_count: int
    counts: dict[str, int]
    state: Literal["open", "decided"]


class BatchRecord(_Body):
    id: uuid.UUID
    entity: str
    revision: int
    latest_revision: int
    village_code: str
    tracking_no: str | None
    status: str
    lapor_tracking_id: str | None
    payload: dict[str, Any]


class RecordDetail(_Body):
    id: uuid.UUID
    entity: str
    revision: int
    village_code: str
    tracking_no: str | None
    status: str
    status_at: datetime
    first_received_at: datetime
    batch_id: uuid.UUID
    lapor_tracking_id: str | None
    lapor_status_raw: str | None
    category_code: str | None
    agency_code: str | None
    locked_by: str | None
    payload: dict[str, Any]
    history: list[dict[str, Any]]
    classification_history: list[dict[str, Any]]


class Decision(_Body):
    action: Action
    note: str = Field(default="", max_length=2000)
    reason: Reason | None = None
    duplicate_of: uuid.UUID | None = None


class BulkItem(Decision):
    record_id: uuid.UUID


class BulkRequest(_Body):
    items: list[BulkItem] = Field(min_length=1, max_length=500)


class DecisionResult(_Body):
    record_id: uuid.UUID
    ok: bool
    status: str | None = None
    error_code: str | None = None
    message: str | None = None


class BulkResponse(_Body):
    results: list[DecisionResult]


class Classification(_Body):
    category_code: str | None = Field(default=None, min_length=1, max_length=128)
    agency_code: str | None = Field(default=None, min_length=1, max_length=64)


class LockInfo(_Body):
    record_id: uuid.UUID
    locked_by: str
    expires_at: datetime


class RevealEntry(_Body):
    record_id: uuid.UUID
    actor: str
    at: datetime


class ForwardRequest(_Body):
    via: Literal["http", "manual"]


class ForwardState(_Body):
    record_id: uuid.UUID
    via: str
    state: str
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    lapor_tracking_id: str | None


class TrackingIdRequest(_Body):
    lapor_tracking_id: str = Field(pattern=r"^\s*[0-9A-Za-z-]{1,64}\s*$")


class LaporStatusRequest(_Body):
    raw: str = Field(min_length=1, max_length=200)
    status: Literal["forwarded", "dispositioned", "in_progress", "resolved",
                    "archived"] | None = None


class StatusResponse(_Body):
    record_id: uuid.UUID
    status: str


class RunResponse(_Body):
    sent: int
    statuses_changed: int


class OverdueItem(_Body):
    id: uuid.UUID
    entity: str
    status: str
    village_code: str
    tracking_no: str | None
    received_at: datetime
    #: which deadline is late: verify | information | resolution | follow_up | auto_close
    deadline: Literal["verify", "information", "resolution", "follow_up", "auto_close"]
    #: when that deadline started (first receipt, or entering the current status)
    since: datetime
    due: date
    working_days_late: int


class DeviceHealth(_Body):
    device_id: str
    role: str
    app_version: str
    last_seen_at: datetime | None
    clock_offset_seconds: float | None
    #: when the device last reported on itself (None: never, e.g. an older app)
    reported_at: datetime | None = None
    #: records not yet sent from the device, and those the hub refused (set aside there)
    pending: int | None = None
    set_aside: int | None = None
    oldest_pending_at: datetime | None = None
    #: the error code of the device's most recent failed sync run, and when it ended
    last_error: str | None = None
    last_error_at: datetime | None = None


class VillageHealth(_Body):
    village_code: str
    last_contact_at: datetime | None
    backlog_received: int
    oldest_received_at: datetime | None
    #: the largest unsent backlog any of its devices reported, and the oldest unsent record
    pending: int | None = None
    oldest_pending_at: datetime | None = None
    devices: list[DeviceHealth]


class DuplicateHint(_Body):
    id: uuid.UUID
    tracking_no: str | None
    village_code: str
    village_name: str
    title: str
    category_code: str
    status: str
    created_at: datetime | None
    score: float = Field(ge=0.0, le=1.0)


class PlaceCount(_Body):
    code: str
    name: str
    count: int


class VillageCount(PlaceCount):
    kecamatan_code: str


class StatusCount(_Body):
    status: str
    count: int


class MonthCount(_Body):
    month: str
    count: int


class PlaceSessions(_Body):
    code: str
    name: str
    sessions: int
    participants: int


class VillageSessions(PlaceSessions):
    kecamatan_code: str


class QuietVillage(_Body):
    code: str
    name: str
    kecamatan_name: str
    last_session: date | None


class Coverage(_Body):
    sessions_by_kecamatan: list[PlaceSessions]
    sessions_by_village: list[VillageSessions]
    participants_by_gender: dict[Literal["L", "P"], int]
    #: KIM villages: those the district published (published) or with an operator desk (enrolled)
    kim_basis: Literal["published", "enrolled"]
    kim_villages_without_session_90d: list[QuietVillage]


class ReportSummary(_Body):
    total: int
    by_kecamatan: list[PlaceCount]
    by_village: list[VillageCount]
    by_category: list[PlaceCount]
    by_status: list[StatusCount]
    by_month: list[MonthCount]
    overdue: int
    coverage: Coverage


class BundleUploaded(_Body):
    device_id: str
    village_code: str
    accepted: int
    duplicates: int
    set_aside: int
    receipt_b64: str
    receipt_name: str
