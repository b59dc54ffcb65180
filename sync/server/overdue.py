"""Hub layer: the deadlines of DOMAIN.md that the hub can know, as SQL and as overdue lists.

Each deadline starts at a moment the hub has stored and runs a number of working days (or the
60 calendar days of Perpres 76/2013), counted on WITA dates with the domain's working-day
calendar (`kim_desktop.domain.deadlines`):

=============  ===========================================  =================================
deadline       applies while                                counted from
=============  ===========================================  =================================
verify         ``received``; complaints also ``verified``   first receipt (3 working days)
information    information requests not yet closed          first receipt (10 working days)
resolution     other complaints not yet closed              first receipt (60 days)
follow_up      ``dispositioned``                            entering that status (5 w. days)
auto_close     ``in_progress``                              entering that status (10 w. days)
=============  ===========================================  =================================

"Closed" is resolved, archived or rejected. The moment a record entered its current status is
its ``status_at`` (a new raw LAPOR! text with the same status moves it too: LAPOR! said
something, so the clock starts again). The KIP extension of information requests (7 more
working days) is not known to the hub and is not assumed.

Because a deadline's due date never moves backwards when its start moves forwards, "late today"
is a single cut-off moment per deadline: late iff the start is before it. That keeps the overdue
count one SQL query over ``report_facts`` (`late_clause`, see `facts`), and the list
(`OverdueFinder.items`) takes, per deadline, the oldest starts before the cut-off.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_, select

from kim_desktop.domain.deadlines import (
    AUTO_CLOSE_WORKING_DAYS,
    FOLLOW_UP_WORKING_DAYS,
    INFORMATION_WORKING_DAYS,
    RESOLUTION_CEILING_DAYS,
    VERIFY_WORKING_DAYS,
    WITA,
    WorkingCalendar,
    indonesian_calendar,
    wita_date,
)
from sync.server.db import Database
from sync.server.facts import ensure_current, facts_join
from sync.server.models import CurrentRecordRow, RecordRow, ReportFactRow
from sync.server.settings import Clock

DEADLINES = ("verify", "information", "resolution", "follow_up", "auto_close")
CLOSED = ("resolved", "archived", "rejected")
INFORMATION_KIND = "information_request"


def kind_of() -> ColumnElement[Any]:
    """SQL: the complaint kind, from `ReportFactRow` (NULL for activities)."""
    kind: ColumnElement[Any] = ReportFactRow.kind.expression
    return kind


def current_revision_join() -> ColumnElement[bool]:
    """SQL: join condition of `CurrentRecordRow` to its latest `RecordRow`."""
    return and_(RecordRow.id == CurrentRecordRow.id,
                RecordRow.revision == CurrentRecordRow.revision)


@dataclass(frozen=True)
class Rule:
    key: str
    start: str          # "received" (first receipt) or "status" (entered the current status)
    days: int
    working: bool

    def due(self, calendar: WorkingCalendar, start: date) -> date:
        if self.working:
            return calendar.add_working_days(start, self.days)
        return start + timedelta(days=self.days)

    def applies(self) -> ColumnElement[bool]:
        """SQL: the record is in a state where this deadline runs."""
        c = ReportFactRow
        complaint = c.entity == "complaint"
        info = kind_of() == INFORMATION_KIND
        return {
            "verify": or_(c.status == "received", and_(complaint, c.status == "verified")),
            "information": and_(complaint, info, c.status.not_in(CLOSED)),
            "resolution": and_(complaint, or_(kind_of().is_(None), ~info),
                               c.status.not_in(CLOSED)),
            "follow_up": c.status == "dispositioned",
            "auto_close": c.status == "in_progress",
        }[self.key]

    def start_column(self) -> Any:
        c = ReportFactRow
        return c.first_received_at if self.start == "received" else c.status_at


RULES = (Rule("verify", "received", VERIFY_WORKING_DAYS, True),
         Rule("information", "received", INFORMATION_WORKING_DAYS, True),
         Rule("resolution", "received", RESOLUTION_CEILING_DAYS, False),
         Rule("follow_up", "status", FOLLOW_UP_WORKING_DAYS, True),
         Rule("auto_close", "status", AUTO_CLOSE_WORKING_DAYS, True))


@lru_cache(maxsize=8)
def calendar_for(first_year: int, last_year: int,
                 extra: frozenset[date] = frozenset()) -> WorkingCalendar:
    return indonesian_calendar(range(first_year, last_year + 1), extra)


def _midnight(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, tzinfo=WITA)


def cutoff(rule: Rule, calendar: WorkingCalendar, today: date) -> datetime:
    """The moment before which a start makes ``rule`` late on ``today``."""
    latest = today
    while rule.due(calendar, latest) >= today:
        latest -= timedelta(days=1)
    return _midnight(latest + timedelta(days=1))


def late_clause(today: date, calendar: WorkingCalendar,
                rules: Sequence[Rule] = RULES) -> ColumnElement[bool]:
    """SQL over `ReportFactRow` (see `facts`): at least one deadline is late on ``today``."""
    parts = [and_(r.applies(), r.start_column() < cutoff(r, calendar, today)) for r in rules]
    return or_(false(), *parts)


class OverdueFinder:
    """Overdue lists and counts for reviewers, on the hub's clock."""

    def __init__(self, db: Database, *, clock: Clock,
                 extra_holidays: frozenset[date] = frozenset()) -> None:
        self._db, self._clock, self._extra = db, clock, extra_holidays

    def today_and_calendar(self) -> tuple[date, WorkingCalendar]:
        today = wita_date(self._clock())
        return today, calendar_for(today.year - 1, today.year + 1, self._extra)

    def items(self, *, limit: int, where: Sequence[ColumnElement[bool]] = ()
              ) -> list[dict[str, Any]]:
        """One item per late deadline of a record, earliest due first (then by record id).

        Within one deadline the due date grows with the start, so each deadline's query takes
        its ``limit`` oldest starts and the merged list is cut to ``limit``."""
        today, calendar = self.today_and_calendar()
        f = ReportFactRow
        ensure_current(self._db)
        found: list[tuple[Rule, Any]] = []
        with self._db.reads() as s:
            for rule in RULES:
                start = rule.start_column()
                found += [(rule, row) for row in s.execute(
                    select(f.record_id.label("id"), f.entity, f.status, f.village_code,
                           CurrentRecordRow.tracking_no, f.first_received_at, f.status_at)
                    .join(CurrentRecordRow, facts_join())
                    .where(rule.applies(), start < cutoff(rule, calendar, today), *where)
                    .order_by(start, f.record_id).limit(limit))]
        if not found:
            return []
        first = min(wita_date(row.first_received_at) for _, row in found).year
        full = calendar_for(min(first, today.year - 1), today.year + 1, self._extra)
        lates: dict[date, int] = {}
        out: list[dict[str, Any]] = []
        for rule, row in found:
            start = row.first_received_at if rule.start == "received" else row.status_at
            due = rule.due(full, wita_date(start))
            if due not in lates:
                lates[due] = full.working_days_between(due, today)
            out.append(_item(row, rule.key, start, due, lates[due]))
        out.sort(key=lambda x: (x["due"], str(x["id"]), DEADLINES.index(x["deadline"])))
        return out[:limit]


def _applies(rule: Rule, entity: str, status: str, kind: str | None) -> bool:
    """Python twin of `Rule.applies` for one fetched row."""
    complaint, info = entity == "complaint", kind == INFORMATION_KIND
    return {
        "verify": status == "received" or (complaint and status == "verified"),
        "information": complaint and info and status not in CLOSED,
        "resolution": complaint and not info and status not in CLOSED,
        "follow_up": status == "dispositioned",
        "auto_close": status == "in_progress",
    }[rule.key]


def due_dates(calendar: WorkingCalendar, *, entity: str, status: str, kind: str | None,
              first_received_at: datetime, status_at: datetime) -> dict[str, date]:
    """The running deadlines of one record and their due dates (for exports)."""
    out = {}
    for rule in RULES:
        if _applies(rule, entity, status, kind):
            start = first_received_at if rule.start == "received" else status_at
            out[rule.key] = rule.due(calendar, wita_date(start))
    return out


def _item(row: Any, deadline: str, start: datetime, due: date, late: int) -> dict[str, Any]:
    record_id: uuid.UUID = row.id
    return {"id": record_id, "entity": row.entity, "status": row.status,
            "village_code": row.village_code, "tracking_no": row.tracking_no,
            "received_at": row.first_received_at, "deadline": deadline, "since": start,
            "due": due, "working_days_late": late}
