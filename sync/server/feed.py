"""Hub layer: the change feed devices pull by cursor, and recording district decisions.

Every status change of a record (received, returned, verified, forwarded, …) and every
reference-data update is one `ChangeRow`. Devices page through the feed in ``seq`` order with an
opaque cursor and see only their scope plus reference data (scope ``all``).

Sequence order must equal commit order, or a reader could move its cursor past a change whose
transaction commits late and never see it. SQLite writers are serialised already
(``BEGIN IMMEDIATE``); on PostgreSQL `append` takes a transaction-scoped advisory lock right before
inserting, so changes are appended one transaction at a time, at the very end of each
transaction, and the lock is held only for those inserts and the commit.
"""

from __future__ import annotations

import base64
import binascii
import logging
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kim_desktop.domain.enums import Entity, Status
from kim_desktop.domain.errors import NotFound
from kim_desktop.domain.status import check_transition
from sync.protocol import Change, ErrorCode, PullResponse
from sync.server.db import Database
from sync.server.errors import HubError
from sync.server.identity import ALL_SCOPE, DeviceInfo
from sync.server.models import ChangeRow, CurrentRecordRow
from sync.server.settings import Clock

log = logging.getLogger(__name__)

#: pg_advisory_xact_lock key guarding the feed's append order ("KIMFEED" in ASCII)
FEED_LOCK_KEY = 0x4B494D46454544
_CURSOR_PREFIX = "c1:"


def encode_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{seq}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    """The last ``seq`` a cursor points after; ``""`` is the start of the feed."""
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        if not text.startswith(_CURSOR_PREFIX):
            raise ValueError(cursor)
        seq = int(text[len(_CURSOR_PREFIX):])
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise HubError(400, ErrorCode.INVALID_CURSOR, "cursor not issued by this hub") from exc
    if seq < 0:
        raise HubError(400, ErrorCode.INVALID_CURSOR, "cursor not issued by this hub")
    return seq


def append(s: Session, rows: Sequence[ChangeRow]) -> None:
    """Append ``rows`` to the feed; call last in a write transaction (see module docstring)."""
    if not rows:
        return
    if s.get_bind().dialect.name == "postgresql":
        s.execute(select(func.pg_advisory_xact_lock(FEED_LOCK_KEY)))
    s.add_all(rows)
    s.flush()


def status_change(current: CurrentRecordRow, *, at: datetime, actor: str,
                  note: str = "") -> ChangeRow:
    """A ``status`` change row for ``current`` as it is now (scope, status, revision)."""
    return ChangeRow(scope=current.scope, village_code=current.village_code,
                     device_id=current.owner_device_id, entity=current.entity,
                     record_id=current.id, kind="status", status=current.status,
                     revision=current.revision, at=at, actor=actor, note=note,
                     lapor_tracking_id=current.lapor_tracking_id,
                     lapor_status_raw=current.lapor_status_raw, data=None)


def to_change(row: ChangeRow) -> Change:
    return Change(seq=row.seq, entity=row.entity, id=row.record_id,  # type: ignore[arg-type]
                  kind=row.kind, status=row.status,  # type: ignore[arg-type]
                  revision=row.revision, at=row.at, actor=row.actor, note=row.note,
                  lapor_tracking_id=row.lapor_tracking_id,
                  lapor_status_raw=row.lapor_status_raw, data=row.data)


class ChangeFeed:
    def __init__(self, db: Database, *, clock: Clock) -> None:
        self._db, self._clock = db, clock

    def page(self, device: DeviceInfo, *, cursor: str, limit: int) -> PullResponse:
        """The changes after ``cursor`` visible to ``device``, oldest first."""
        after = decode_cursor(cursor)
        with self._db.reads() as s:
            rows = list(s.scalars(
                select(ChangeRow)
                .where(ChangeRow.seq > after, ChangeRow.scope.in_((device.scope, ALL_SCOPE)))
                .order_by(ChangeRow.seq).limit(limit + 1)))
        has_more = len(rows) > limit
        rows = rows[:limit]
        last = rows[-1].seq if rows else after
        return PullResponse(changes=[to_change(r) for r in rows],
                            next_cursor=encode_cursor(last), has_more=has_more)

    def record_status_change(self, *, record_id: uuid.UUID, status: Status | str, actor: str,
                             note: str = "", lapor_tracking_id: str | None = None,
                             lapor_status_raw: str | None = None) -> Change:
        """Record a district decision or a later SP4N-LAPOR! status of one record.

        Checks the transition with the domain status machine (`InvalidTransition`), updates the
        record's current status and appends the change to the feed, in one transaction. Raises
        `NotFound` for an unknown record. Review code and tests call this.
        """
        target, now = Status(status), self._clock()
        with self._db.writes.begin() as s:
            current = s.get(CurrentRecordRow, record_id, with_for_update=True,
                            populate_existing=True)
            if current is None:
                raise NotFound("record", record_id)
            check_transition(Entity(current.entity), Status(current.status), target)
            current.status, current.status_at = target.value, now
            if lapor_tracking_id is not None:
                current.lapor_tracking_id = lapor_tracking_id
            if lapor_status_raw is not None:
                current.lapor_status_raw = lapor_status_raw
            row = status_change(current, at=now, actor=actor, note=note)
            append(s, [row])
            change = to_change(row)
        log.info("status change record=%s status=%s seq=%d", record_id, target.value, change.seq)
        return change

    def publish_reference(self, *, dataset: str, rows: list[dict[str, Any]], actor: str,
                          note: str = "", village_code: str | None = None) -> Change:
        """Announce new reference data (agencies, categories, …) to every device's feed."""
        now = self._clock()
        scope = f"village:{village_code}" if village_code else ALL_SCOPE
        with self._db.writes.begin() as s:
            row = ChangeRow(scope=scope, village_code=village_code, device_id=None, entity=None,
                            record_id=None, kind="reference", status=None, revision=None, at=now,
                            actor=actor, note=note, lapor_tracking_id=None,
                            lapor_status_raw=None, data={"dataset": dataset, "rows": rows})
            append(s, [row])
            change = to_change(row)
        log.info("reference change dataset=%s rows=%d seq=%d", dataset, len(rows), change.seq)
        return change
