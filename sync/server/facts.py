"""Hub layer: `ReportFactRow`, one narrow row per record for the reports and deadlines.

The dashboard counts tens of thousands of complaints by village, status, month and category,
the deadlines depend on the kind (information requests run 10 working days, other complaints
60 days) and coverage counts the participants of every session. Joining ``current_records`` to
the JSON payloads in ``records`` on every request made the dashboard several times slower than
its budget, so ``report_facts`` keeps a copy of what reports read: the record's status and dates
from ``current_records``, kind and category of its latest revision, a session's WITA date and
participant counts.

Every push and every status change appends to the change feed (`feed.append`, commit order), so
the feed's ``seq`` tells what is new: `ensure_current` takes the records named by changes after
the highest ``seq`` already copied, upserts their rows in one SQL statement per chunk, then fills
the session columns of the activities among them in Python. Pushes, decisions and bundle imports
need not know about it; a report pays only for what changed since the last one. Concurrent
callers may both upsert the same rows; the result is the same. Reporter identity is never read:
only named JSON fields. The reviewer's category (``review_classification``) is not copied: reports
apply it on top.
"""

from __future__ import annotations

import logging
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal, select, update
from sqlalchemy.dialects import postgresql, sqlite

from kim_desktop.domain.deadlines import wita_date
from sync.server.db import Database
from sync.server.models import ChangeRow, CurrentRecordRow, RecordRow, ReportFactRow

log = logging.getLogger(__name__)
_CHUNK = 500
_COPIED = ["record_id", "seq", "entity", "revision", "village_code", "status",
           "first_received_at", "status_at", "kind", "category_code", "session_date",
           "participants", "participants_l", "participants_p"]


def facts_join() -> ColumnElement[bool]:
    """Join condition of `CurrentRecordRow` to its `ReportFactRow`."""
    return ReportFactRow.record_id == CurrentRecordRow.id


def ensure_current(db: Database) -> int:
    """Bring ``report_facts`` up to the change feed's last entry; the records copied."""
    with db.reads() as s:
        copied = s.scalar(select(func.coalesce(func.max(ReportFactRow.seq), 0))) or 0
        top = s.scalar(select(func.coalesce(func.max(ChangeRow.seq), 0))) or 0
        if top <= copied:
            return 0
        ids: list[uuid.UUID] = list(s.scalars(
            select(ChangeRow.record_id).where(ChangeRow.seq > copied, ChangeRow.seq <= top,
                                              ChangeRow.record_id.is_not(None))
            .distinct().order_by(ChangeRow.record_id)))   # one lock order for concurrent callers
    if not ids:
        return 0
    c, p = CurrentRecordRow, RecordRow.payload
    dialect = postgresql if db.dialect == "postgresql" else sqlite
    with db.writes.begin() as s:
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            rows = (select(c.id, literal(top), c.entity, c.revision, c.village_code, c.status,
                           c.first_received_at, c.status_at, p["kind"].as_string(),
                           p["category_code"].as_string(), literal(None), literal(None),
                           literal(None), literal(None))
                    .join(RecordRow, and_(RecordRow.id == c.id, RecordRow.revision == c.revision))
                    .where(c.id.in_(chunk)))
            ins = dialect.insert(ReportFactRow).from_select(_COPIED, rows)
            s.execute(ins.on_conflict_do_update(
                index_elements=["record_id"],
                set_={name: getattr(ins.excluded, name) for name in _COPIED[1:]}))
            for record_id, starts_at, people in s.execute(
                    select(c.id, p["starts_at"].as_string(), p["participants"])
                    .join(RecordRow, and_(RecordRow.id == c.id, RecordRow.revision == c.revision))
                    .where(c.id.in_(chunk), c.entity == "activity")):
                s.execute(update(ReportFactRow).where(ReportFactRow.record_id == record_id)
                          .values(**session_facts(starts_at, people)))
    log.info("report facts brought up to change %d: %d records", top, len(ids))
    return len(ids)


def session_facts(starts_at: str | None, people: Any) -> dict[str, Any]:
    """A session's WITA date and participant counts (counts are derived, never typed)."""
    day: date | None = None
    if starts_at:
        try:
            day = wita_date(datetime.fromisoformat(starts_at))
        except ValueError:
            day = None
    listed = [x for x in people if isinstance(x, dict)] if isinstance(people, list) else []
    return {"session_date": day, "participants": len(listed),
            "participants_l": sum(1 for x in listed if x.get("gender") == "L"),
            "participants_p": sum(1 for x in listed if x.get("gender") == "P")}
