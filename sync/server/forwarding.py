"""Hub layer: forwarding verified complaints to SP4N-LAPOR! through a persistent outbound queue.

`forward` puts the complaint in ``lapor_outbox`` (primary key = record id: a second forward of
the same complaint is refused by the database, not by a prior lookup) and, for the HTTP path,
makes a first attempt. `run_due` retries what is due with capped exponential backoff; every
attempt carries the same idempotency key, so a retry after a lost answer is the same report at
LAPOR!. No transaction is open while LAPOR! is being called: an attempt first pushes its own
``next_attempt_at`` forward (a lease), then calls, then records the outcome.

Once LAPOR! gives a tracking id the record goes ``verified → forwarded`` through the change feed
with ``lapor_tracking_id``; later LAPOR! statuses (entered by hand or pulled by `poll_statuses`)
map to ours and carry the raw text in ``lapor_status_raw``.
"""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from kim_desktop.domain.enums import Status
from sync.protocol import ErrorCode
from sync.server.accounts import Account
from sync.server.db import Database
from sync.server.errors import HubError, not_found
from sync.server.lapor import (
    DEFAULT_STATUS_MAP,
    ForwardError,
    LaporAdapter,
    manual_sheet,
    map_status,
    outbound_fields,
)
from sync.server.models import CurrentRecordRow, LaporOutboxRow, RecordRow, ReviewClassRow
from sync.server.review import ReviewService
from sync.server.settings import Clock

log = logging.getLogger(__name__)

BACKOFF_BASE = timedelta(seconds=30)
BACKOFF_CAP = timedelta(hours=1)
LEASE = timedelta(minutes=2)
MAX_ATTEMPTS = 12
_LAPOR_STATUSES = (Status.DISPOSITIONED, Status.IN_PROGRESS, Status.RESOLVED, Status.ARCHIVED)


def backoff(attempts: int) -> timedelta:
    delay: timedelta = BACKOFF_BASE * (2 ** max(attempts - 1, 0))
    return min(delay, BACKOFF_CAP)


class ForwardingService:
    def __init__(self, db: Database, review: ReviewService, *, clock: Clock,
                 adapter: LaporAdapter | None,
                 status_map: dict[str, str] | None = None) -> None:
        self._db, self._review, self._clock = db, review, clock
        self._adapter, self._status_map = adapter, status_map or DEFAULT_STATUS_MAP

    def outbound(self, record_id: uuid.UUID) -> dict[str, Any]:
        """What would leave the district for this complaint (our field names)."""
        with self._db.reads() as s:
            found = s.execute(
                select(CurrentRecordRow, RecordRow.payload)
                .join(RecordRow, (RecordRow.id == CurrentRecordRow.id)
                      & (RecordRow.revision == CurrentRecordRow.revision))
                .where(CurrentRecordRow.id == record_id)).first()
            if found is None:
                raise not_found("record")
            current, payload = found
            cls = s.get(ReviewClassRow, record_id)
        if current.entity != "complaint":
            raise HubError(422, ErrorCode.INVALID_REQUEST, "record: only complaints go to LAPOR!")
        return outbound_fields(payload, category_code=cls.category_code if cls else None,
                               agency_code=cls.agency_code if cls else None,
                               tracking_no=current.tracking_no)

    def forward(self, account: Account, record_id: uuid.UUID, *, via: str) -> dict[str, Any]:
        """Queue a verified complaint (``via`` ``http`` or ``manual``); HTTP tries once now."""
        if via not in ("http", "manual"):
            raise HubError(422, ErrorCode.INVALID_REQUEST, "via: http or manual")
        if via == "http" and self._adapter is None:
            raise HubError(422, ErrorCode.INVALID_REQUEST,
                           "via: no LAPOR! API configured on this hub (lapor.json); use manual")
        self.outbound(record_id)  # exists and is a complaint
        now = self._clock()
        try:
            with self._db.writes.begin() as s:
                current = s.get(CurrentRecordRow, record_id, with_for_update=True)
                if current is None or current.status != Status.VERIFIED.value:
                    raise HubError(409, ErrorCode.INVALID_TRANSITION,
                                   "record: only a verified complaint can be forwarded")
                s.add(LaporOutboxRow(record_id=record_id, idempotency_key=f"kim-{record_id}",
                                     via=via, state="pending", attempts=0, next_attempt_at=now,
                                     last_error=None, lapor_tracking_id=None, created_at=now,
                                     created_by=account.username, sent_at=None))
        except IntegrityError as exc:
            raise HubError(409, ErrorCode.INVALID_TRANSITION,
                           "record: already queued for SP4N-LAPOR!") from exc
        if via == "http":
            self._attempt(record_id)
        return self.state(record_id)

    def state(self, record_id: uuid.UUID) -> dict[str, Any]:
        with self._db.reads() as s:
            row = s.get(LaporOutboxRow, record_id)
        if row is None:
            raise not_found("forwarding")
        return {"record_id": row.record_id, "via": row.via, "state": row.state,
                "attempts": row.attempts, "next_attempt_at": row.next_attempt_at,
                "last_error": row.last_error, "lapor_tracking_id": row.lapor_tracking_id}

    def run_due(self, *, limit: int = 50) -> int:
        """Attempt every pending HTTP forward whose time has come; how many were sent."""
        with self._db.reads() as s:
            unfinished = s.execute(
                select(LaporOutboxRow.record_id, LaporOutboxRow.lapor_tracking_id)
                .join(CurrentRecordRow, CurrentRecordRow.id == LaporOutboxRow.record_id)
                .where(LaporOutboxRow.state == "sent",
                       CurrentRecordRow.status == Status.VERIFIED.value)).all()
        for rid, tracking in unfinished:  # sent, but the hub stopped before the status change
            self._mark_forwarded(rid, tracking or "", "SP4N-LAPOR! API")
        with self._db.reads() as s:
            due = list(s.scalars(select(LaporOutboxRow.record_id).where(
                LaporOutboxRow.state == "pending", LaporOutboxRow.via == "http",
                LaporOutboxRow.next_attempt_at <= self._clock())
                .order_by(LaporOutboxRow.next_attempt_at).limit(limit)))
        return sum(self._attempt(rid) for rid in due)

    def _attempt(self, record_id: uuid.UUID) -> bool:
        if self._adapter is None:
            return False
        now = self._clock()
        with self._db.writes.begin() as s:  # take the lease
            row = s.get(LaporOutboxRow, record_id, with_for_update=True)
            if row is None or row.state != "pending" or row.next_attempt_at > now:
                return False
            row.attempts += 1
            row.next_attempt_at = now + LEASE
            key, attempts = row.idempotency_key, row.attempts
        fields = self.outbound(record_id)
        try:
            tracking = self._adapter.send(fields, idempotency_key=key)
        except ForwardError as exc:
            self._failed(record_id, str(exc), attempts, retryable=exc.retryable)
            return False
        self._sent(record_id, tracking, "SP4N-LAPOR! API")
        return True

    def _failed(self, record_id: uuid.UUID, error: str, attempts: int, *,
                retryable: bool) -> None:
        with self._db.writes.begin() as s:
            row = s.get(LaporOutboxRow, record_id, with_for_update=True)
            assert row is not None
            row.last_error = error
            row.next_attempt_at = self._clock() + backoff(attempts)
            if not retryable or attempts >= MAX_ATTEMPTS:
                row.state = "failed"
        log.warning("forward record=%s attempt=%d failed: %s", record_id, attempts, error)

    def _sent(self, record_id: uuid.UUID, tracking: str, actor: str) -> None:
        """Mark the outbox entry sent (once: 409 if it already is), then move the record to
        ``forwarded``; `run_due` repairs a crash between the two."""
        with self._db.writes.begin() as s:
            row = s.get(LaporOutboxRow, record_id, with_for_update=True, populate_existing=True)
            assert row is not None
            if row.state == "sent":
                raise HubError(409, ErrorCode.INVALID_TRANSITION,
                               "record: already forwarded to SP4N-LAPOR!")
            row.state, row.lapor_tracking_id, row.sent_at = "sent", tracking, self._clock()
            row.last_error = None
        self._mark_forwarded(record_id, tracking, actor)

    def _mark_forwarded(self, record_id: uuid.UUID, tracking: str, actor: str) -> None:
        self._review.set_status(record_id, Status.FORWARDED, actor=actor,
                                note=f"SP4N-LAPOR! {tracking}", lapor_tracking_id=tracking)
        log.info("forwarded record=%s", record_id)

    def retry(self, record_id: uuid.UUID) -> dict[str, Any]:
        """Put a failed HTTP forward back in the queue, due now."""
        with self._db.writes.begin() as s:
            row = s.get(LaporOutboxRow, record_id, with_for_update=True)
            if row is None:
                raise not_found("forwarding")
            if row.state == "failed":
                row.state, row.next_attempt_at = "pending", self._clock()
        return self.state(record_id)

    def sheet(self, record_id: uuid.UUID) -> str:
        return manual_sheet(self.outbound(record_id), record_id=str(record_id))

    def record_tracking_id(self, account: Account, record_id: uuid.UUID,
                           tracking_id: str) -> dict[str, Any]:
        """Staff entered the complaint at lapor.go.id by hand and got ``tracking_id``."""
        with self._db.writes.begin() as s:
            row = s.get(LaporOutboxRow, record_id, with_for_update=True)
            if row is None or row.via != "manual":
                raise HubError(409, ErrorCode.INVALID_TRANSITION,
                               "record: not queued for manual forwarding")
        self._sent(record_id, tracking_id.strip(), account.username)
        return self.state(record_id)

    def record_lapor_status(self, actor: str, record_id: uuid.UUID, *, raw: str,
                            status: str | None = None) -> str:
        """A later LAPOR! status: ``status`` if given, else mapped from ``raw``."""
        target = Status(status) if status else map_status(raw, self._status_map)
        if target is None or target not in (*_LAPOR_STATUSES, Status.FORWARDED):
            raise HubError(422, ErrorCode.INVALID_REQUEST,
                           "raw: unknown SP4N-LAPOR! status; give status explicitly")
        with self._db.reads() as s:
            current = s.get(CurrentRecordRow, record_id)
            if current is None:
                raise not_found("record")
            same = current.status == target.value
        if same:  # the raw text changed but the mapped status did not
            return self._review.update_raw(record_id, raw, actor=actor)
        return self._review.set_status(record_id, target, actor=actor, note=raw,
                                       lapor_status_raw=raw)

    def poll_statuses(self, *, limit: int = 100) -> int:
        """Ask LAPOR! (HTTP adapter) for the status of forwarded complaints; changes applied."""
        if self._adapter is None:
            return 0
        open_states = [s.value for s in (Status.FORWARDED, Status.DISPOSITIONED,
                                         Status.IN_PROGRESS)]
        with self._db.reads() as s:
            rows = s.execute(select(CurrentRecordRow.id, CurrentRecordRow.lapor_tracking_id,
                                    CurrentRecordRow.lapor_status_raw)
                             .where(CurrentRecordRow.status.in_(open_states),
                                    CurrentRecordRow.lapor_tracking_id.is_not(None))
                             .limit(limit)).all()
        changed = 0
        for rid, tracking, old_raw in rows:
            try:
                raw = self._adapter.fetch_status(tracking)
            except ForwardError as exc:
                log.warning("status poll record=%s failed: %s", rid, exc)
                continue
            if raw and raw != old_raw and map_status(raw, self._status_map) is not None:
                self.record_lapor_status("SP4N-LAPOR!", rid, raw=raw)
                changed += 1
        return changed

