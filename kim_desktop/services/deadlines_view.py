"""Services layer: building list lines and full records in bulk (few queries for many rows),
with the deadline that matters now.

Full records are built from plain Core result rows, not ORM objects: a walk over the whole
store (`ComplaintService.iter_all`) reads ~100,000 complaints and ~8 status changes each, and ORM
row handling, UUID parsing and the generic datetime conversion of every change would cost most
of the time (see docs/benchmarks.md). Exports need no domain objects and take a shorter path
still (`export_rows`)."""

from __future__ import annotations

from collections import defaultdict, namedtuple
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID

from sqlalchemy import Row, String, select, type_coerce
from sqlalchemy.orm import Session

from kim_desktop.domain.deadlines import WITA, WorkingCalendar, deadlines_for
from kim_desktop.domain.enums import Entity, Kind, Status
from kim_desktop.domain.models import (
    AttachmentRef,
    Complaint,
    ComplaintSummary,
    StatusChange,
)
from kim_desktop.services.mapping import complaint_content
from kim_desktop.storage.rows import (
    BlobRow,
    ComplaintAttachmentRow,
    ComplaintRow,
    StatusHistoryRow,
)

_STATUS: dict[str, Status] = {s.value: s for s in Status}
_from_iso = datetime.fromisoformat


def wita_start(d: date, plus_days: int = 0) -> datetime:
    return datetime.combine(d + timedelta(days=plus_days), time(), WITA)


def _histories(s: Session, entity: Entity, ids: Sequence[UUID]) -> dict[str, list[StatusChange]]:
    """Status changes per record, oldest first, keyed by the record id's stored form
    (``UUID.hex``).

    Record id and time are read as the stored text: grouping on the text saves parsing a UUID
    for every change, and ``at`` (naive UTC text, see `UTCDateTime`) becomes an aware UTC
    datetime in one C call instead of a parse, a wrapper call and a ``replace``.
    """
    out: dict[str, list[StatusChange]] = defaultdict(list)
    if not ids:
        return out
    h = StatusHistoryRow
    stmt = (select(type_coerce(h.record_id, String), h.status, type_coerce(h.at, String), h.actor,
                   h.note)
            .where(h.entity == entity.value, h.record_id.in_(ids))
            .order_by(h.record_id, h.id))     # the index order: no sort step
    for key, status, at, actor, note in s.connection().execute(stmt).all():
        out[key].append(StatusChange(_STATUS[status], _from_iso(at + "+00:00"), actor, note))
    return out


def _attachments(s: Session, ids: Sequence[UUID]) -> dict[UUID, tuple[AttachmentRef, ...]]:
    """Attachment references per complaint, in their order; links whose blob row is missing are
    left out (as ``mapping.attachments`` does)."""
    a, b = ComplaintAttachmentRow, BlobRow
    found: dict[UUID, list[AttachmentRef]] = defaultdict(list)
    if ids:
        stmt = (select(a.complaint_id, a.filename, b.media_type, b.size, a.sha256)
                .join(b, b.sha256 == a.sha256).where(a.complaint_id.in_(ids))
                .order_by(a.complaint_id, a.position))
        for cid, filename, media_type, size, sha in s.connection().execute(stmt).all():
            found[cid].append(AttachmentRef(filename, media_type, size, sha))
    return {k: tuple(v) for k, v in found.items()}


def current_deadline(kind: Kind, status: Status, hist: Sequence[StatusChange],
                     calendar: WorkingCalendar, today: date) -> tuple[date | None, bool]:
    """The nearest open deadline, else the last one; (due, overdue)."""
    times: dict[Status, datetime] = {}
    for h in hist:
        times.setdefault(h.status, h.at)
    found = deadlines_for(kind=kind, status=status, status_times=times, calendar=calendar,
                          today=today)
    if not found:
        return None, False
    overdue = [d for d in found if d.overdue]
    pick = overdue[0] if overdue else min(found, key=lambda d: d.due)
    return pick.due, pick.overdue


def summaries(s: Session, rows: Sequence[ComplaintRow], calendar: WorkingCalendar,
              today: date) -> list[ComplaintSummary]:
    hist = _histories(s, Entity.COMPLAINT, [r.id for r in rows])
    out = []
    for r in rows:
        due, overdue = current_deadline(Kind(r.kind), Status(r.status), hist[r.id.hex], calendar,
                                        today)
        out.append(ComplaintSummary(r.id, r.tracking_no, r.created_at, r.incident_date, r.title,
                                    Kind(r.kind), r.category_code, r.village_code,
                                    Status(r.status), r.anonymous, due, overdue))
    return out


_TableRow = namedtuple("_TableRow", [c.key for c in ComplaintRow.__table__.columns])  # type: ignore[misc]


def full_records(s: Session, rows: Sequence[Row[Any]]) -> list[Complaint]:
    """Complete complaints for many ``complaint`` table rows (``select(ComplaintRow.__table__)``)
    with two extra queries in all (not two per row)."""
    ids = [r.id for r in rows]
    hist = _histories(s, Entity.COMPLAINT, ids)
    atts = _attachments(s, ids)
    out = []
    for row in rows:
        # A named tuple has the ORM row's attribute names (all that complaint_content reads)
        # with C-speed attribute access; a Core Row resolves each name through __getattr__.
        r: Any = _TableRow._make(row)
        out.append(Complaint(
            id=r.id, tracking_no=r.tracking_no, content=complaint_content(r),
            status=_STATUS[r.status], revision=r.revision, created_at=r.created_at,
            updated_at=r.updated_at, recorded_by=r.recorded_by, device_id=r.device_id,
            attachments=atts.get(r.id, ()), status_history=tuple(hist.get(r.id.hex, ())),
            lapor_tracking_id=r.lapor_tracking_id, lapor_status_raw=r.lapor_status_raw,
            review_note=r.review_note, set_aside_reason=r.set_aside_reason))
    return out
