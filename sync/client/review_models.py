"""Sync client: the answers of the hub's /v1/review API as the desktop reads them.

Each model ignores fields it does not know, so a newer hub does not break an older desktop;
they carry no reporter identity except `ReviewClient.reveal`'s plain dict.
"""

from __future__ import annotations

import base64
import uuid
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


# -- answers --------------------------------------------------------------------------------
class _Answer(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class Login(_Answer):
    username: str
    role: str
    expires_at: datetime


class BatchSummary(_Answer):
    batch_id: uuid.UUID
    device_id: str
    village_code: str
    received_at: datetime
    record_count: int
    counts: dict[str, int]
    state: str


class BatchRecord(_Answer):
    id: uuid.UUID
    entity: str
    revision: int
    latest_revision: int
    village_code: str
    tracking_no: str | None
    status: str
    lapor_tracking_id: str | None = None
    payload: dict[str, Any]


class RecordDetail(_Answer):
    id: uuid.UUID
    entity: str
    revision: int
    village_code: str
    tracking_no: str | None
    status: str
    status_at: datetime
    first_received_at: datetime
    batch_id: uuid.UUID
    lapor_tracking_id: str | None = None
    lapor_status_raw: str | None = None
    category_code: str | None = None
    agency_code: str | None = None
    locked_by: str | None = None
    payload: dict[str, Any]
    history: list[dict[str, Any]] = Field(default_factory=list)
    classification_history: list[dict[str, Any]] = Field(default_factory=list)


class LockInfo(_Answer):
    record_id: uuid.UUID
    locked_by: str
    expires_at: datetime


class DecisionResult(_Answer):
    record_id: uuid.UUID
    ok: bool
    status: str | None = None
    error_code: str | None = None
    message: str | None = None


class Classification(_Answer):
    category_code: str | None = None
    agency_code: str | None = None


class ForwardState(_Answer):
    record_id: uuid.UUID
    via: str
    state: str
    attempts: int
    next_attempt_at: datetime
    last_error: str | None = None
    lapor_tracking_id: str | None = None


class OverdueItem(_Answer):
    id: uuid.UUID
    entity: str
    status: str
    village_code: str
    tracking_no: str | None
    received_at: datetime
    due: date
    working_days_late: int


class DeviceHealth(_Answer):
    """One village device in the sync-health view; the fields from its own report are None
    when it has not reported (an older app, or a hub that predates device reports)."""

    device_id: str
    role: str = ""
    app_version: str = ""
    last_seen_at: datetime | None = None
    clock_offset_seconds: float | None = None
    reported_at: datetime | None = None
    pending: int | None = None
    set_aside: int | None = None
    oldest_pending_at: datetime | None = None
    last_error: str | None = None
    last_error_at: datetime | None = None


class VillageHealth(_Answer):
    village_code: str
    last_contact_at: datetime | None = None
    backlog_received: int = 0
    oldest_received_at: datetime | None = None
    pending: int | None = None
    oldest_pending_at: datetime | None = None
    devices: list[DeviceHealth] = Field(default_factory=list)


class DuplicateHint(_Answer):
    id: uuid.UUID
    tracking_no: str | None = None
    village_code: str
    village_name: str | None = None
    title: str | None = None
    category_code: str | None = None
    status: str
    created_at: datetime | None = None
    score: float = Field(ge=0.0, le=1.0)


class BundleImport(_Answer):
    device_id: str
    village_code: str
    accepted: int
    duplicates: int
    set_aside: int
    receipt_b64: str
    receipt_name: str

    def receipt(self) -> bytes:
        return base64.b64decode(self.receipt_b64, validate=True)


class Download(_Answer):
    content: bytes
    media_type: str
    filename: str | None
