"""Services layer: the local side of sync. Every step the engine takes against the store is one
short transaction here, so a crash between steps loses nothing and duplicates nothing:

* `claim_batch` marks outbox entries ``sending`` (committed before the first byte is sent);
* `record_results` applies the hub's per-record receipts;
* `release` puts entries back to ``pending`` with a backoff after a transient failure;
* `apply_changes` applies one page of the change feed *and* its cursor together.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from kim_desktop.domain.enums import Entity, Status
from kim_desktop.domain.models import Activity, Complaint
from kim_desktop.domain.reference import Agency, Category, ReferenceData, Region
from kim_desktop.domain.status import allowed
from kim_desktop.services.base import ServiceContext
from kim_desktop.services.mapping import record_status, to_activity, to_complaint
from kim_desktop.services.outbox import DONE, PENDING, SENDING, SET_ASIDE
from kim_desktop.services.reference import replace_regions
from kim_desktop.storage.db import transaction
from kim_desktop.storage.rows import (
    ActivityAttachmentRow,
    ActivityRow,
    AgencyRow,
    BlobRow,
    CategoryRow,
    ComplaintAttachmentRow,
    ComplaintRow,
    DeviceRow,
    HolidayRow,
    OutboxRow,
    SyncRunRow,
    SyncStateRow,
)

log = logging.getLogger(__name__)
HUB_ACTOR = "kabupaten"


@dataclass(frozen=True)
class Outgoing:
    """One record revision claimed for a push."""

    entity: Entity
    record: Complaint | Activity
    revision: int
    base_version: int | None


@dataclass(frozen=True)
class Receipt:
    """The hub's answer for one record (protocol-free)."""

    entity: Entity
    id: UUID
    revision: int
    outcome: str                    # accepted | duplicate | conflict | rejected
    reason_code: str | None = None
    reason: str | None = None
    server_version: int | None = None
    received_at: datetime | None = None


@dataclass(frozen=True)
class IncomingChange:
    seq: int
    kind: str                       # status | reference
    entity: Entity | None
    id: UUID | None
    status: str | None
    revision: int | None
    at: datetime
    actor: str
    note: str = ""
    lapor_tracking_id: str | None = None
    lapor_status_raw: str | None = None
    data: dict[str, Any] | None = None


@dataclass(frozen=True)
class UploadItem:
    sha256: str                     # local content
    media_type: str
    upload_sha256: str | None
    upload_size: int | None
    uploaded_bytes: int


@dataclass
class RunTotals:
    pushed: int = 0
    pulled: int = 0
    set_aside: int = 0
    bytes_sent: int = 0
    reasons: list[str] = field(default_factory=list)


def _get(s: Session, entity: Entity, record_id: UUID | None) -> ComplaintRow | ActivityRow | None:
    if record_id is None:
        return None
    if entity is Entity.COMPLAINT:
        return s.get(ComplaintRow, record_id)
    return s.get(ActivityRow, record_id)


def _load_rows(s: Session, keys: Sequence[tuple[Entity, UUID]]
               ) -> dict[tuple[Entity, UUID], ComplaintRow | ActivityRow]:
    """The rows of many records in two queries (one per entity)."""
    out: dict[tuple[Entity, UUID], ComplaintRow | ActivityRow] = {}
    c_ids = [rid for e, rid in keys if e is Entity.COMPLAINT]
    a_ids = [rid for e, rid in keys if e is Entity.ACTIVITY]
    for i in range(0, len(c_ids), 500):
        for c in s.scalars(select(ComplaintRow).where(ComplaintRow.id.in_(c_ids[i:i + 500]))):
            out[(Entity.COMPLAINT, c.id)] = c
    for i in range(0, len(a_ids), 500):
        for a in s.scalars(select(ActivityRow).where(ActivityRow.id.in_(a_ids[i:i + 500]))):
            out[(Entity.ACTIVITY, a.id)] = a
    return out


def _load_for_push(s: Session, keys: Sequence[tuple[Entity, UUID]]
                   ) -> dict[tuple[Entity, UUID], ComplaintRow | ActivityRow]:
    """`_load_rows` with what a payload needs loaded eagerly (attachments and their blobs,
    participants, facilitators, linked complaints), so mapping issues no query per record."""
    out = _load_rows(s, keys)
    c_ids = [rid for e, rid in keys if e is Entity.COMPLAINT]
    a_ids = [rid for e, rid in keys if e is Entity.ACTIVITY]
    if c_ids:
        s.scalars(select(ComplaintRow).where(ComplaintRow.id.in_(c_ids))
                  .options(selectinload(ComplaintRow.attachments))).all()
    if a_ids:
        s.scalars(select(ActivityRow).where(ActivityRow.id.in_(a_ids)).options(
            selectinload(ActivityRow.attachments), selectinload(ActivityRow.participants),
            selectinload(ActivityRow.facilitators),
            selectinload(ActivityRow.complaint_links))).all()
    shas = {a.sha256 for row in out.values() for a in row.attachments}
    if shas:
        s.scalars(select(BlobRow).where(BlobRow.sha256.in_(shas))).all()   # into the session
    return out


def _state(s: Session) -> SyncStateRow:
    st = s.get(SyncStateRow, 1)
    if st is None:
        st = SyncStateRow(id=1)
        s.add(st)
    return st


class SyncLocalService:
    def __init__(self, ctx: ServiceContext, on_reference: Any = None) -> None:
        self._ctx = ctx
        self._on_reference = on_reference   # called after reference lists changed

    # -- push ------------------------------------------------------------------------------
    def claim_batch(self, *, limit: int) -> tuple[UUID, list[Outgoing]]:
        """Mark up to ``limit`` due entries ``sending`` under a new batch id, oldest first.

        Records are loaded for the whole batch at once (a push sends content and attachments,
        not the status history), so the cost per record stays small.
        """
        now = self._ctx.now()
        batch_id = uuid.uuid4()
        out: list[Outgoing] = []
        with transaction(self._ctx.sessions) as s:
            entries = s.scalars(select(OutboxRow).where(
                OutboxRow.state == PENDING,
                or_(OutboxRow.next_attempt_at.is_(None), OutboxRow.next_attempt_at <= now))
                .order_by(OutboxRow.id).limit(limit)).all()
            rows = _load_for_push(s, [(Entity(e.entity), e.record_id) for e in entries])
            for e in entries:
                entity = Entity(e.entity)
                row = rows.get((entity, e.record_id))
                if row is None or row.revision != e.revision:
                    e.state, e.done_at = DONE, now     # superseded by a newer revision
                    continue
                e.state, e.batch_id, e.attempts = SENDING, batch_id, e.attempts + 1
                if Status(row.status) is Status.QUEUED:
                    row.status = Status.SENDING.value
                    record_status(s, entity, row.id, Status.SENDING, now, "sync")
                record = to_complaint(s, row, with_history=False) \
                    if isinstance(row, ComplaintRow) else to_activity(s, row, with_history=False)
                base = row.server_version if row.revision > 1 else None
                out.append(Outgoing(entity, record, e.revision, base))
        return batch_id, out

    def claim_for_bundle(self) -> list[Outgoing]:
        """Everything not yet confirmed by the hub, for a USB bundle: pending entries become
        ``sending`` (their outcome is unknown until a receipt or a network reconcile), entries
        already in flight go along again (a lost stick loses nothing)."""
        out: list[Outgoing] = []
        while True:
            _, batch = self.claim_batch(limit=500)
            if not batch:
                break
            out += batch
        claimed = {(o.entity, o.record.id, o.revision) for o in out}
        with transaction(self._ctx.sessions) as s:
            for e in s.scalars(select(OutboxRow).where(OutboxRow.state == SENDING)
                               .order_by(OutboxRow.id)):
                entity = Entity(e.entity)
                if (entity, e.record_id, e.revision) in claimed:
                    continue
                row = _get(s, entity, e.record_id)
                if row is None or row.revision != e.revision:
                    continue
                record = to_complaint(s, row) if isinstance(row, ComplaintRow) \
                    else to_activity(s, row)
                out.append(Outgoing(entity, record, e.revision,
                                    row.server_version if row.revision > 1 else None))
        return out

    def hub_bundle_key(self) -> str | None:
        with transaction(self._ctx.sessions) as s:
            st = s.get(SyncStateRow, 1)
            return st.hub_bundle_key if st else None

    def pin_hub_bundle_key(self, key: str) -> None:
        with transaction(self._ctx.sessions) as s:
            st = _state(s)
            if st.hub_bundle_key is None:
                st.hub_bundle_key = key

    def in_flight(self) -> list[tuple[Entity, UUID, int]]:
        """Entries whose last send has an unknown outcome (``sending``, e.g. after a crash)."""
        with transaction(self._ctx.sessions) as s:
            return [(Entity(e.entity), e.record_id, e.revision) for e in s.scalars(
                select(OutboxRow).where(OutboxRow.state == SENDING).order_by(OutboxRow.id))]

    def due_count(self) -> int:
        """Entries a push would send now (for progress)."""
        now = self._ctx.now()
        with transaction(self._ctx.sessions) as s:
            return s.scalar(select(func.count()).select_from(OutboxRow).where(
                OutboxRow.state == PENDING,
                or_(OutboxRow.next_attempt_at.is_(None), OutboxRow.next_attempt_at <= now))) or 0

    def has_due(self) -> bool:
        now = self._ctx.now()
        with transaction(self._ctx.sessions) as s:
            return s.scalar(select(OutboxRow.id).where(
                OutboxRow.state == PENDING,
                or_(OutboxRow.next_attempt_at.is_(None), OutboxRow.next_attempt_at <= now))
                .limit(1)) is not None

    def record_results(self, receipts: Sequence[Receipt]) -> RunTotals:
        totals = RunTotals()
        now = self._ctx.now()
        with transaction(self._ctx.sessions) as s:
            ids = [r.id for r in receipts]
            entries = {(e.entity, e.record_id, e.revision): e for e in s.scalars(
                select(OutboxRow).where(OutboxRow.record_id.in_(ids)))} if ids else {}
            rows = _load_rows(s, [(r.entity, r.id) for r in receipts])
            for r in receipts:
                entry = entries.get((r.entity.value, r.id, r.revision))
                row = rows.get((r.entity, r.id))
                if entry is None or row is None:
                    continue
                if r.outcome in ("accepted", "duplicate"):
                    entry.state, entry.done_at, entry.last_error = DONE, now, None
                    totals.pushed += 1
                    if row.revision == r.revision:
                        row.server_version = r.server_version
                        row.dirty = False
                        if Status(row.status) in (Status.SENDING, Status.QUEUED):
                            row.status = Status.RECEIVED.value
                            record_status(s, r.entity, row.id, Status.RECEIVED,
                                          r.received_at or now, HUB_ACTOR)
                else:
                    reason = f"{r.reason_code or r.outcome}: {r.reason or ''}".strip(": ")
                    entry.state, entry.last_error = SET_ASIDE, reason
                    totals.set_aside += 1
                    totals.reasons.append(reason)
                    if row.revision == r.revision and Status(row.status) in (
                            Status.SENDING, Status.QUEUED):
                        row.status, row.set_aside_reason = Status.DRAFT.value, reason
                        record_status(s, r.entity, row.id, Status.DRAFT, now, "sync", reason)
        return totals

    def release(self, keys: Sequence[tuple[Entity, UUID, int]], *, error_code: str,
                delay: timedelta) -> None:
        """Back to ``pending`` after a transient failure, not to be tried before ``delay``."""
        now = self._ctx.now()
        with transaction(self._ctx.sessions) as s:
            for entity, rid, rev in keys:
                entry = s.scalar(select(OutboxRow).where(
                    OutboxRow.entity == entity.value, OutboxRow.record_id == rid,
                    OutboxRow.revision == rev))
                if entry is None or entry.state != SENDING:
                    continue
                entry.state, entry.last_error = PENDING, error_code
                entry.next_attempt_at = now + delay
                row = _get(s, entity, rid)
                if row is not None and Status(row.status) is Status.SENDING:
                    row.status = Status.QUEUED.value
                    record_status(s, entity, rid, Status.QUEUED, now, "sync", error_code)

    def retry_set_aside(self) -> int:
        """Put set-aside records back in the queue (after the user fixed the cause)."""
        with transaction(self._ctx.sessions) as s:
            entries = s.scalars(select(OutboxRow).where(OutboxRow.state == SET_ASIDE)).all()
            for e in entries:
                e.state, e.next_attempt_at = PENDING, None
            return len(entries)

    # -- attachments -----------------------------------------------------------------------
    def pending_uploads(self) -> list[UploadItem]:
        """Blobs of records the hub has received, not yet uploaded completely."""
        with transaction(self._ctx.sessions) as s:
            shas = set(s.scalars(select(ComplaintAttachmentRow.sha256).join(
                ComplaintRow, ComplaintRow.id == ComplaintAttachmentRow.complaint_id)
                .where(ComplaintRow.server_version.is_not(None))))
            shas |= set(s.scalars(select(ActivityAttachmentRow.sha256).join(
                ActivityRow, ActivityRow.id == ActivityAttachmentRow.activity_id)
                .where(ActivityRow.server_version.is_not(None))))
            blobs = s.scalars(select(BlobRow).where(BlobRow.sha256.in_(shas),
                                                    BlobRow.uploaded.is_(False)))
            return [UploadItem(b.sha256, b.media_type, b.upload_sha256, b.upload_size,
                               b.uploaded_bytes) for b in blobs]

    def upload_forms(self, shas: Sequence[str]) -> dict[str, tuple[str, int]]:
        with transaction(self._ctx.sessions) as s:
            return {b.sha256: (b.upload_sha256, b.upload_size) for b in s.scalars(
                select(BlobRow).where(BlobRow.sha256.in_(shas)))
                if b.upload_sha256 and b.upload_size is not None}

    def set_upload_form(self, sha256: str, upload_sha256: str, upload_size: int) -> None:
        with transaction(self._ctx.sessions) as s:
            b = s.get(BlobRow, sha256)
            if b is not None and b.upload_sha256 is None:
                b.upload_sha256, b.upload_size = upload_sha256, upload_size

    def record_upload(self, sha256: str, received_bytes: int, complete: bool) -> None:
        with transaction(self._ctx.sessions) as s:
            b = s.get(BlobRow, sha256)
            if b is not None:
                b.uploaded_bytes, b.uploaded = received_bytes, complete

    # -- pull ------------------------------------------------------------------------------
    def cursor(self) -> str | None:
        with transaction(self._ctx.sessions) as s:
            st = s.get(SyncStateRow, 1)
            return st.cursor if st else None

    def apply_changes(self, changes: Sequence[IncomingChange], next_cursor: str) -> int:
        """Apply one page and store its cursor in the same transaction."""
        reference_changed = False
        with transaction(self._ctx.sessions) as s:
            for c in changes:
                if c.kind == "reference" and c.data:
                    reference_changed |= _apply_reference(s, c.data)
                elif c.kind == "status" and c.entity and c.id and c.status:
                    _apply_status(s, c)
            _state(s).cursor = next_cursor
        if reference_changed and self._on_reference is not None:
            self._on_reference()
        return len(changes)

    # -- bookkeeping -----------------------------------------------------------------------
    def record_handshake(self, *, clock_offset_seconds: float, protocol_version: int,
                         hub_device_id: str | None = None) -> None:
        """What the hub said at a handshake, and the id it knows this device by (a device
        enrolled before the store kept that id learns it here; USB bundles carry it)."""
        with transaction(self._ctx.sessions) as s:
            st = _state(s)
            st.clock_offset_seconds, st.hub_protocol_version = clock_offset_seconds, protocol_version
            device = s.get(DeviceRow, 1)
            if hub_device_id and device is not None and device.hub_device_id != hub_device_id:
                device.hub_device_id = hub_device_id

    def start_run(self) -> int:
        with transaction(self._ctx.sessions) as s:
            _state(s).last_attempt_at = self._ctx.now()
            run = SyncRunRow(started_at=self._ctx.now(), outcome="running")
            s.add(run)
            s.flush()
            return run.id

    def finish_run(self, run_id: int, totals: RunTotals, *, outcome: str,
                   error_code: str | None) -> None:
        with transaction(self._ctx.sessions) as s:
            run = s.get(SyncRunRow, run_id)
            if run is not None:
                run.finished_at, run.outcome, run.error_code = self._ctx.now(), outcome, error_code
                run.pushed, run.pulled, run.set_aside = totals.pushed, totals.pulled, totals.set_aside
                run.bytes_sent = totals.bytes_sent
            st = _state(s)
            st.last_error_code = error_code
            if outcome == "ok":
                st.last_success_at = self._ctx.now()

    def recent_runs(self, limit: int = 20) -> list[dict[str, Any]]:
        with transaction(self._ctx.sessions) as s:
            return [{"started_at": r.started_at, "finished_at": r.finished_at,
                     "pushed": r.pushed, "pulled": r.pulled, "set_aside": r.set_aside,
                     "bytes_sent": r.bytes_sent, "outcome": r.outcome, "error_code": r.error_code}
                    for r in s.scalars(select(SyncRunRow).order_by(SyncRunRow.id.desc())
                                       .limit(limit))]

    def set_aside(self) -> list[dict[str, Any]]:
        """Records the hub refused, with the reason, for the sync page."""
        with transaction(self._ctx.sessions) as s:
            out = []
            for e in s.scalars(select(OutboxRow).where(OutboxRow.state == SET_ASIDE)
                               .order_by(OutboxRow.id)):
                row = _get(s, Entity(e.entity), e.record_id)
                out.append({"entity": e.entity, "id": e.record_id, "revision": e.revision,
                            "reason": e.last_error, "title": row.title if row else "",
                            "tracking_no": getattr(row, "tracking_no", None)})
            return out


def _apply_status(s: Session, c: IncomingChange) -> None:
    assert c.entity is not None and c.status is not None
    row = _get(s, c.entity, c.id)
    if row is None:
        return
    if c.revision is not None and c.revision < row.revision:
        return      # about an older revision; the village has moved on
    try:
        target = Status(c.status)
    except ValueError:
        log.warning("unknown status in feed seq=%d", c.seq)
        return
    current = Status(row.status)
    if target == current:
        changed = False
    elif allowed(c.entity, current, target) or (current in (Status.QUEUED, Status.SENDING)
                                                and target is not Status.RECEIVED):
        changed = True
    else:
        # the feed is authoritative for district statuses; an odd jump is logged, still applied
        log.warning("feed moves %s %s from %s to %s", c.entity.value, c.id, current, target)
        changed = True
    if changed:
        row.status = target.value
        record_status(s, c.entity, row.id, target, c.at, c.actor or HUB_ACTOR, c.note)
    if c.note and target in (Status.RETURNED, Status.REJECTED):
        row.review_note = c.note
    if isinstance(row, ComplaintRow):
        if c.lapor_tracking_id:
            row.lapor_tracking_id = c.lapor_tracking_id
        if c.lapor_status_raw:
            row.lapor_status_raw = c.lapor_status_raw
    if target is Status.RETURNED:
        # nothing in flight for this record is still wanted: it comes back as a new revision
        for e in s.scalars(select(OutboxRow).where(OutboxRow.record_id == row.id,
                                                   OutboxRow.state != DONE)):
            e.state = DONE


def _kim_mark(value: Any) -> bool | None:
    """A published ``has_kim`` (checked by the hub): True, False or None (not known)."""
    return value if isinstance(value, bool) else None


def _apply_reference(s: Session, data: dict[str, Any]) -> bool:
    dataset, rows = data.get("dataset"), data.get("rows")
    if not isinstance(rows, list):
        return False
    if dataset in ("regions", "wilayah"):
        refs = ReferenceData.build([Region(r["code"], r["name"], r["level"], r.get("parent_code"),
                                           _kim_mark(r.get("has_kim"))) for r in rows], [], [])
        replace_regions(s, refs.regions.values())
    elif dataset == "categories":
        s.query(CategoryRow).delete()
        s.add_all(CategoryRow(code=c.code, name=c.name, parent_code=c.parent_code) for c in (
            Category(r["code"], r["name"], r.get("parent_code")) for r in rows))
    elif dataset == "agencies":
        s.query(AgencyRow).delete()
        s.add_all(AgencyRow(code=a.code, name=a.name, short_name=a.short_name, active=a.active)
                  for a in (Agency(r["code"], r["name"], r.get("short_name") or r["name"],
                                   bool(r.get("active", True))) for r in rows))
    elif dataset == "holidays":
        s.query(HolidayRow).delete()
        s.add_all(HolidayRow(day=datetime.fromisoformat(r["day"]).date(), name=r.get("name", ""))
                  for r in rows)
    else:
        log.warning("unknown reference dataset in feed")
        return False
    return True
