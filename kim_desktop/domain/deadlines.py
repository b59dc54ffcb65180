"""Domain layer: working-day deadlines of DOMAIN.md.

Working days are Monday to Friday minus Indonesia's national holidays (from the ``holidays``
package, pure data) and the days the district adds itself (cuti bersama). Dates are WITA calendar
dates; callers convert from UTC.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from kim_desktop.domain.enums import Kind, Status

WITA = timezone(timedelta(hours=8), "WITA")

VERIFY_WORKING_DAYS = 3          # admin verifies and forwards after receipt
FOLLOW_UP_WORKING_DAYS = 5       # agency follow-up plan after disposition
AUTO_CLOSE_WORKING_DAYS = 10     # closes by itself after the agency's follow-up
RESOLUTION_CEILING_DAYS = 60     # Perpres 76/2013, calendar days
INFORMATION_WORKING_DAYS = 10    # KIP, extendable by 7
INFORMATION_EXTENSION_WORKING_DAYS = 7
LATE_COMPLAINT_DAYS = 30         # residents may complain up to 30 days after the service


@dataclass(frozen=True)
class WorkingCalendar:
    """Knows which dates are working days."""

    holidays: frozenset[date] = field(default_factory=frozenset)

    def is_working_day(self, d: date) -> bool:
        return d.weekday() < 5 and d not in self.holidays

    def add_working_days(self, start: date, days: int) -> date:
        """The date ``days`` working days after ``start`` (``start`` itself does not count)."""
        d, left = start, days
        while left > 0:
            d += timedelta(days=1)
            if self.is_working_day(d):
                left -= 1
        return d

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
        n, d = 0, start
        while d < end:
            d += timedelta(days=1)
            n += self.is_working_day(d)
        return n


def indonesian_calendar(years: Iterable[int], extra_days: Iterable[date] = ()) -> WorkingCalendar:
    """National holidays of Indonesia for ``years`` plus district-added days."""
    import holidays  # data-only package; imported here so the rest of the domain stays stdlib

    national = holidays.country_holidays("ID", years=list(years))
    return WorkingCalendar(frozenset(national.keys()) | frozenset(extra_days))


def wita_date(moment: datetime) -> date:
    return moment.astimezone(WITA).date()


@dataclass(frozen=True)
class Deadline:
    key: str          # "verify", "follow_up", "auto_close", "resolution", "information"
    due: date
    overdue: bool


def deadlines_for(*, kind: Kind, status: Status, status_times: dict[Status, datetime],
                  calendar: WorkingCalendar, today: date) -> list[Deadline]:
    """The deadlines that apply to a complaint in ``status``, given when it entered each status."""
    out: list[Deadline] = []

    def add(key: str, due: date, done: bool) -> None:
        out.append(Deadline(key, due, overdue=not done and today > due))

    received = status_times.get(Status.RECEIVED)
    closed = status in (Status.RESOLVED, Status.ARCHIVED, Status.REJECTED)
    if received is not None:
        r = wita_date(received)
        # the admin has acted once the report is returned, rejected or forwarded
        forwarded = status_times.get(Status.FORWARDED) is not None or status in (
            Status.RETURNED, Status.REJECTED, Status.DISPOSITIONED, Status.IN_PROGRESS,
            Status.RESOLVED, Status.ARCHIVED)
        add("verify", calendar.add_working_days(r, VERIFY_WORKING_DAYS), forwarded)
        if kind is Kind.INFORMATION_REQUEST:
            add("information", calendar.add_working_days(r, INFORMATION_WORKING_DAYS), closed)
        else:
            add("resolution", r + timedelta(days=RESOLUTION_CEILING_DAYS), closed)
    disp = status_times.get(Status.DISPOSITIONED)
    if disp is not None:
        done = status in (Status.IN_PROGRESS, Status.RESOLVED, Status.ARCHIVED)
        add("follow_up", calendar.add_working_days(wita_date(disp), FOLLOW_UP_WORKING_DAYS), done)
    follow = status_times.get(Status.IN_PROGRESS)
    if follow is not None and status is Status.IN_PROGRESS:
        add("auto_close", calendar.add_working_days(wita_date(follow), AUTO_CLOSE_WORKING_DAYS),
            False)
    return out


def expected_deadlines(kind: Kind, submitted: date, calendar: WorkingCalendar) -> dict[str, date]:
    """What a resident is told on the receipt: when to expect each step, counted from today."""
    out = {"verify": calendar.add_working_days(submitted, VERIFY_WORKING_DAYS)}
    if kind is Kind.INFORMATION_REQUEST:
        out["information"] = calendar.add_working_days(submitted, INFORMATION_WORKING_DAYS)
    else:
        out["resolution"] = submitted + timedelta(days=RESOLUTION_CEILING_DAYS)
    return out
