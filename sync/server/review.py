"""Hub layer: the district review of received records (decisions, locks, classification, reveal).

Every decision goes through `ChangeFeed.record_status_change`, so it is checked against the
domain status machine and flows back to the village through the feed. A reviewer may take a lock
on a record (``LOCK_TTL``); while another reviewer's lock is live, decisions and edits answer 409
``locked``. Reporter identity is masked in every answer: the anonymous reporter's name too, and
for everybody NIK, phone, e-mail and address (UU 27/2022). `reveal` returns it and writes a
``reveal`` event (who, when, which record) that admins can list.
"""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from kim_desktop.domain.enums import Status
from kim_desktop.domain.errors import InvalidTransition, NotFound
from sync.protocol import ErrorCode
from sync.server.accounts import Account
from sync.server.db import Database
from sync.server.errors import HubError, not_found
from sync.server.feed import ChangeFeed, append, status_change
from sync.server.models import (
    ChangeRow,
    CurrentRecordRow,
    RecordRow,
    ReviewClassRow,
    ReviewEventRow,
    ReviewLockRow,
)
from sync.server.settings import Clock

log = logging.getLogger(__name__)

LOCK_TTL = timedelta(minutes=10)
REJECT_REASONS = ("duplicate_of", "not_public_service", "unclear", "abusive")
ACTIONS = ("verify", "return", "reject")
_PERSONAL = ("nik", "phone", "email", "address")
_TARGET = {"verify": Status.VERIFIED, "return": Status.RETURNED, "reject": Status.REJECTED}


def mask_payload(payload: dict[str, Any]) -> dict[str, Any]:
    """The payload as reviewers see it by default (identity hidden, see module docstring)."""
    out = dict(payload)
    reporter = dict(out.get("reporter") or {})
    if reporter:
        for key in _PERSONAL:
            if reporter.get(key):
                reporter[key] = "***"
        if out.get("anonymous") and reporter.get("name"):
            reporter["name"] = "***"
        out["reporter"] = reporter
    out["identity_hidden"] = True
    return out


class ReviewService:
    def __init__(self, db: Database, feed: ChangeFeed, *, clock: Clock) -> None:
        self._db, self._feed, self._clock = db, feed, clock

    # --- reading ------------------------------------------------------------------------

    def record(self, record_id: uuid.UUID) -> dict[str, Any]:
        """One record at its latest revision, masked, with its status and review history."""
        with self._db.reads() as s:
            found = s.execute(
                select(CurrentRecordRow, RecordRow)
                .join(RecordRow, (RecordRow.id == CurrentRecordRow.id)
                      & (RecordRow.revision == CurrentRecordRow.revision))
                .where(CurrentRecordRow.id == record_id)).first()
            if found is None:
                raise not_found("record")
            current, record = found
            cls = s.get(ReviewClassRow, record_id)
            lock = s.get(ReviewLockRow, record_id)
            history = [{"status": c.status, "at": c.at, "actor": c.actor, "note": c.note,
                        "revision": c.revision, "lapor_status_raw": c.lapor_status_raw}
                       for c in s.scalars(select(ChangeRow).where(
                           ChangeRow.record_id == record_id, ChangeRow.kind == "status")
                           .order_by(ChangeRow.seq))]
            edits = [{"at": e.at, "actor": e.actor, **(e.detail or {})}
                     for e in s.scalars(select(ReviewEventRow).where(
                         ReviewEventRow.record_id == record_id,
                         ReviewEventRow.action == "classify").order_by(ReviewEventRow.id))]
        payload = record.payload
        live_lock = lock if lock is not None and lock.expires_at > self._clock() else None
        return {
            "id": current.id, "entity": current.entity, "revision": current.revision,
            "village_code": current.village_code, "tracking_no": current.tracking_no,
            "status": current.status, "status_at": current.status_at,
            "first_received_at": current.first_received_at, "batch_id": record.batch_id,
            "lapor_tracking_id": current.lapor_tracking_id,
            "lapor_status_raw": current.lapor_status_raw,
            "category_code": cls.category_code if cls and cls.category_code
            else payload.get("category_code"),
            "agency_code": cls.agency_code if cls and cls.agency_code
            else payload.get("agency_code"),
            "locked_by": live_lock.username if live_lock else None,
            "payload": mask_payload(payload), "history": history,
            "classification_history": edits,
        }

    def reveal(self, account: Account, record_id: uuid.UUID) -> dict[str, Any]:
        """The reporter's full identity; logged as a ``reveal`` event in the same transaction."""
        with self._db.writes.begin() as s:
            found = s.execute(
                select(RecordRow.payload)
                .join(CurrentRecordRow, (RecordRow.id == CurrentRecordRow.id)
                      & (RecordRow.revision == CurrentRecordRow.revision))
                .where(CurrentRecordRow.id == record_id)).first()
            if found is None:
                raise not_found("record")
            s.add(ReviewEventRow(record_id=record_id, action="reveal", actor=account.username,
                                 at=self._clock(), detail=None))
        log.info("identity revealed record=%s by=%s", record_id, account.username)
        reporter: dict[str, Any] = found[0].get("reporter") or {}
        return reporter

    def reveals(self, *, limit: int) -> list[dict[str, Any]]:
        """Who revealed which reporter when, newest first (admins)."""
        with self._db.reads() as s:
            rows = s.scalars(select(ReviewEventRow).where(ReviewEventRow.action == "reveal")
                             .order_by(ReviewEventRow.id.desc()).limit(limit))
            return [{"record_id": r.record_id, "actor": r.actor, "at": r.at} for r in rows]

    # --- locks ----------------------------------------------------------------------------

    def lock(self, account: Account, record_id: uuid.UUID) -> dict[str, Any]:
        """Take or renew the lock; 409 ``locked`` while another reviewer's lock is live."""
        now = self._clock()
        with self._db.writes.begin() as s:
            if s.get(CurrentRecordRow, record_id) is None:
                raise not_found("record")
            row = s.get(ReviewLockRow, record_id, with_for_update=True)
            if row is not None and row.username != account.username and row.expires_at > now:
                raise _locked(row)
            if row is None:
                row = ReviewLockRow(record_id=record_id, username=account.username,
                                    expires_at=now + LOCK_TTL)
                s.add(row)
            row.username, row.expires_at = account.username, now + LOCK_TTL
            return {"record_id": record_id, "locked_by": row.username,
                    "expires_at": row.expires_at}

    def unlock(self, account: Account, record_id: uuid.UUID) -> None:
        with self._db.writes.begin() as s:
            row = s.get(ReviewLockRow, record_id, with_for_update=True)
            if row is not None and (row.username == account.username or account.is_admin
                                    or row.expires_at <= self._clock()):
                s.delete(row)

    def _check_lock(self, account: Account, record_id: uuid.UUID) -> None:
        with self._db.reads() as s:
            row = s.get(ReviewLockRow, record_id)
        if row is not None and row.username != account.username and \
                row.expires_at > self._clock():
            raise _locked(row)

    # --- decisions --------------------------------------------------------------------------

    def decide(self, account: Account, record_id: uuid.UUID, *, action: str, note: str = "",
               reason: str | None = None, duplicate_of: uuid.UUID | None = None) -> str:
        """Verify, return (note required) or reject (reason code required); the new status."""
        if action not in _TARGET:
            raise _invalid(f"action: one of {', '.join(ACTIONS)}")
        if action == "return" and not note.strip():
            raise _invalid("note: required when returning a record to the village")
        if action == "reject":
            if reason not in REJECT_REASONS:
                raise _invalid(f"reason: one of {', '.join(REJECT_REASONS)}")
            if reason == "duplicate_of":
                if duplicate_of is None or duplicate_of == record_id:
                    raise _invalid("duplicate_of: the id of the other record is required")
                with self._db.reads() as s:
                    if s.get(CurrentRecordRow, duplicate_of) is None:
                        raise _invalid("duplicate_of: no such record")
                note = f"[duplicate_of {duplicate_of}] {note}".strip()
            else:
                note = f"[{reason}] {note}".strip()
        self._check_lock(account, record_id)
        change = self.set_status(record_id, _TARGET[action], actor=account.username, note=note)
        self.unlock(account, record_id)
        return change

    def set_status(self, record_id: uuid.UUID, target: Status, *, actor: str, note: str = "",
                   **lapor: str | None) -> str:
        """`ChangeFeed.record_status_change` with its refusals as HTTP errors."""
        try:
            change = self._feed.record_status_change(record_id=record_id, status=target,
                                                     actor=actor, note=note, **lapor)
        except NotFound as exc:
            raise not_found("record") from exc
        except InvalidTransition as exc:
            raise HubError(409, ErrorCode.INVALID_TRANSITION, str(exc)) from exc
        return str(change.status)

    def update_raw(self, record_id: uuid.UUID, raw: str, *, actor: str) -> str:
        """A new raw LAPOR! status text that maps to the status the record already has: kept,
        and announced in the feed as a change with the same status."""
        with self._db.writes.begin() as s:
            current = s.get(CurrentRecordRow, record_id, with_for_update=True,
                            populate_existing=True)
            if current is None:
                raise not_found("record")
            current.lapor_status_raw, current.status_at = raw, self._clock()
            append(s, [status_change(current, at=current.status_at, actor=actor, note=raw)])
            return current.status

    def classify(self, account: Account, record_id: uuid.UUID, *, category_code: str | None,
                 agency_code: str | None) -> dict[str, Any]:
        """Set the category and/or agency; old and new values go into the record's history."""
        self._check_lock(account, record_id)
        now = self._clock()
        with self._db.writes.begin() as s:
            found = s.execute(
                select(CurrentRecordRow.status, RecordRow.payload)
                .join(RecordRow, (RecordRow.id == CurrentRecordRow.id)
                      & (RecordRow.revision == CurrentRecordRow.revision))
                .where(CurrentRecordRow.id == record_id)).first()
            if found is None:
                raise not_found("record")
            row = s.get(ReviewClassRow, record_id, with_for_update=True)
            old = {"category_code": (row.category_code if row and row.category_code
                                     else found[1].get("category_code")),
                   "agency_code": (row.agency_code if row and row.agency_code
                                   else found[1].get("agency_code"))}
            if row is None:
                row = ReviewClassRow(record_id=record_id, category_code=None, agency_code=None,
                                     updated_at=now, updated_by=account.username)
                s.add(row)
            if category_code is not None:
                row.category_code = category_code
            if agency_code is not None:
                row.agency_code = agency_code
            row.updated_at, row.updated_by = now, account.username
            new = {"category_code": category_code or old["category_code"],
                   "agency_code": agency_code or old["agency_code"]}
            s.add(ReviewEventRow(record_id=record_id, action="classify",
                                 actor=account.username, at=now,
                                 detail={"old": old, "new": new}))
        return new


def _locked(row: ReviewLockRow) -> HubError:
    return HubError(409, ErrorCode.LOCKED,
                    f"record is being reviewed by {row.username} until "
                    f"{row.expires_at:%H:%M} UTC")


def _invalid(message: str) -> HubError:
    return HubError(422, ErrorCode.INVALID_REQUEST, message)
