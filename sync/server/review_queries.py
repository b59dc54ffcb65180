"""Hub layer: read-only views for reviewers: the batch inbox, overdue lists, village sync health.

Batch ``state``: ``open`` while at least one of its records (at the revision the batch carried,
still the latest) waits in ``received``; ``decided`` otherwise. Overdue lists cover every deadline
of DOMAIN.md the hub can know (`sync.server.overdue`).
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, exists, func, select

from sync.server.db import Database
from sync.server.models import BatchRow, CurrentRecordRow, DeviceRow, RecordRow
from sync.server.overdue import OverdueFinder
from sync.server.review import mask_payload
from sync.server.settings import Clock

BATCH_STATES = ("open", "decided")


def _pending_in(batch_id: Any) -> Any:
    """SQL: the batch holds a record at its latest revision that waits for review."""
    return exists().where(RecordRow.batch_id == batch_id, CurrentRecordRow.id == RecordRow.id,
                          CurrentRecordRow.revision == RecordRow.revision,
                          CurrentRecordRow.status == "received")


class ReviewQueries:
    def __init__(self, db: Database, *, clock: Clock) -> None:
        self._db, self._clock = db, clock

    def batches(self, *, village_code: str | None, date_from: date | None, date_to: date | None,
                state: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
        """Batches newest first, with record counts per current status."""
        q = (select(BatchRow, DeviceRow.village_code)
             .join(DeviceRow, DeviceRow.id == BatchRow.device_id))
        if village_code:
            q = q.where(DeviceRow.village_code == village_code)
        if date_from:
            q = q.where(BatchRow.received_at >= _start_of(date_from))
        if date_to:
            q = q.where(BatchRow.received_at < _start_of(date_to, plus_days=1))
        if state == "open":
            q = q.where(_pending_in(BatchRow.batch_id))
        elif state == "decided":
            q = q.where(~_pending_in(BatchRow.batch_id))
        q = q.order_by(BatchRow.received_at.desc(), BatchRow.batch_id).limit(limit).offset(offset)
        with self._db.reads() as s:
            page = s.execute(q).all()
            ids = [b.batch_id for b, _ in page]
            counts: dict[uuid.UUID, Counter[str]] = defaultdict(Counter)
            if ids:
                for batch_id, status, n in s.execute(
                        select(RecordRow.batch_id, CurrentRecordRow.status, func.count())
                        .join(CurrentRecordRow, and_(CurrentRecordRow.id == RecordRow.id))
                        .where(RecordRow.batch_id.in_(ids))
                        .group_by(RecordRow.batch_id, CurrentRecordRow.status)):
                    counts[batch_id][status] += n
        return [{"batch_id": b.batch_id, "device_id": b.device_id, "village_code": village,
                 "received_at": b.received_at, "record_count": b.record_count,
                 "counts": dict(counts[b.batch_id]),
                 "state": "open" if counts[b.batch_id].get("received") else "decided"}
                for b, village in page]

    def batch_records(self, batch_id: uuid.UUID) -> list[dict[str, Any]] | None:
        """The records of a batch (masked payload, current status); None for an unknown batch."""
        with self._db.reads() as s:
            if s.get(BatchRow, batch_id) is None:
                return None
            rows = s.execute(
                select(RecordRow, CurrentRecordRow)
                .join(CurrentRecordRow, CurrentRecordRow.id == RecordRow.id)
                .where(RecordRow.batch_id == batch_id).order_by(RecordRow.received_at,
                                                                 RecordRow.id)).all()
        return [{"id": r.id, "entity": r.entity, "revision": r.revision,
                 "latest_revision": c.revision, "village_code": r.village_code,
                 "tracking_no": r.tracking_no, "status": c.status,
                 "lapor_tracking_id": c.lapor_tracking_id, "payload": mask_payload(r.payload)}
                for r, c in rows]

    def overdue(self, *, limit: int = 500) -> list[dict[str, Any]]:
        """Records past any deadline the hub can know (`overdue`), earliest due first."""
        return OverdueFinder(self._db, clock=self._clock).items(limit=limit)

    def sync_health(self) -> list[dict[str, Any]]:
        """Per village: last contact, review backlog, oldest waiting record, the unsent work its
        devices reported, and per device its contact, clock and own report."""
        with self._db.reads() as s:
            devices = s.scalars(select(DeviceRow).where(DeviceRow.revoked_at.is_(None))
                                .order_by(DeviceRow.village_code, DeviceRow.id)).all()
            backlog = {v: (n, oldest) for v, n, oldest in s.execute(
                select(CurrentRecordRow.village_code, func.count(),
                       func.min(CurrentRecordRow.first_received_at))
                .where(CurrentRecordRow.status == "received")
                .group_by(CurrentRecordRow.village_code))}
        villages: dict[str, dict[str, Any]] = {}
        for d in devices:
            v = villages.setdefault(d.village_code, {
                "village_code": d.village_code, "last_contact_at": None, "devices": []})
            v["devices"].append(_device_health(d))
            v["last_contact_at"] = _latest(v["last_contact_at"], d.last_seen_at)
        for code in backlog:
            villages.setdefault(code, {"village_code": code, "last_contact_at": None,
                                       "devices": []})
        for code, v in villages.items():
            n, oldest = backlog.get(code, (0, None))
            v["backlog_received"], v["oldest_received_at"] = n, oldest
            reported = [d for d in v["devices"] if d["reported_at"] is not None]
            # the village's unsent work as its devices last reported it: the largest backlog
            # and the oldest unsent record of any of them (None: no device has reported)
            v["pending"] = max((d["pending"] for d in reported), default=None)
            v["oldest_pending_at"] = min((d["oldest_pending_at"] for d in reported
                                          if d["oldest_pending_at"] is not None), default=None)
        return sorted(villages.values(), key=lambda v: v["village_code"])


def _device_health(d: DeviceRow) -> dict[str, Any]:
    """One device: what the hub saw of it and what it last reported about itself."""
    return {"device_id": d.id, "role": d.role, "app_version": d.app_version,
            "last_seen_at": d.last_seen_at, "clock_offset_seconds": d.clock_offset_seconds,
            "reported_at": d.reported_at, "pending": d.report_pending,
            "set_aside": d.report_set_aside, "oldest_pending_at": d.report_oldest_pending_at,
            "last_error": d.report_last_error, "last_error_at": d.report_last_error_at}


def _latest(a: datetime | None, b: datetime | None) -> datetime | None:
    return b if a is None or (b is not None and b > a) else a


def _start_of(d: date, plus_days: int = 0) -> datetime:
    """Midnight WITA of ``d`` (+ days) as an aware datetime (dates are WITA calendar dates)."""
    from datetime import timedelta

    from kim_desktop.domain.deadlines import WITA

    return datetime(d.year, d.month, d.day, tzinfo=WITA) + timedelta(days=plus_days)
