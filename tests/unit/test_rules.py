"""Tracking numbers, the status machine and working-day deadlines."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime

import pytest

from kim_desktop.domain.deadlines import (
    WorkingCalendar,
    deadlines_for,
    expected_deadlines,
    indonesian_calendar,
)
from kim_desktop.domain.enums import Entity, Kind, Status
from kim_desktop.domain.errors import InvalidTransition
from kim_desktop.domain.status import TRANSITIONS, check_transition
from kim_desktop.domain.tracking import (
    CROCKFORD,
    format_tracking_no,
    is_tracking_no,
    new_device_tag,
    normalise_tracking_no,
)


def test_tracking_number_shape_and_reading_aloud() -> None:
    no = format_tracking_no("73.24.04.2010", "K7Q", 42)
    assert no == "042010-K7Q-0042"
    assert is_tracking_no(no)
    assert normalise_tracking_no(" 042010-k7q-0042 ") == no
    assert normalise_tracking_no("042010-1O7-0001") == "042010-107-0001"
    assert format_tracking_no("73.24.04.2010", "K7Q", 12345).endswith("-12345")


def test_device_tags_avoid_confusable_letters() -> None:
    tags = {new_device_tag() for _ in range(500)}
    assert all(len(t) == 3 and set(t) <= set(CROCKFORD) for t in tags)
    assert not any(ch in "ILOU" for t in tags for ch in t)
    assert len(tags) > 400  # random, not a counter


def test_numbers_from_two_devices_in_one_village_differ() -> None:
    a = {format_tracking_no("73.24.04.2010", "AB1", n) for n in range(1, 1000)}
    b = {format_tracking_no("73.24.04.2010", "AB2", n) for n in range(1, 1000)}
    c = {format_tracking_no("73.24.04.2011", "AB1", n) for n in range(1, 1000)}
    assert not (a & b) and not (a & c)


def test_village_flow_and_district_outcomes() -> None:
    path = [Status.DRAFT, Status.QUEUED, Status.SENDING, Status.RECEIVED, Status.VERIFIED,
            Status.FORWARDED, Status.DISPOSITIONED, Status.IN_PROGRESS, Status.RESOLVED]
    for a, b in itertools.pairwise(path):
        check_transition(Entity.COMPLAINT, a, b)
    check_transition(Entity.COMPLAINT, Status.RECEIVED, Status.RETURNED)
    check_transition(Entity.COMPLAINT, Status.RETURNED, Status.QUEUED)
    check_transition(Entity.COMPLAINT, Status.QUEUED, Status.DRAFT)


@pytest.mark.parametrize(("entity", "a", "b"), [
    (Entity.COMPLAINT, Status.DRAFT, Status.RECEIVED),
    (Entity.COMPLAINT, Status.REJECTED, Status.QUEUED),
    (Entity.COMPLAINT, Status.RESOLVED, Status.FORWARDED),
    (Entity.ACTIVITY, Status.VERIFIED, Status.FORWARDED),
    (Entity.COMPLAINT, Status.RECEIVED, Status.DRAFT),
])
def test_anything_else_raises(entity: Entity, a: Status, b: Status) -> None:
    with pytest.raises(InvalidTransition):
        check_transition(entity, a, b)


def test_every_status_has_an_entry() -> None:
    assert set(TRANSITIONS[Entity.COMPLAINT]) == set(Status)


def test_working_days_skip_weekends_and_holidays() -> None:
    cal = WorkingCalendar(frozenset({date(2026, 11, 27)}))       # a district day off (Friday)
    # Wednesday 25 Nov + 3 working days: Thu 26, (Fri 27 off), Mon 30, Tue 1 Dec
    assert cal.add_working_days(date(2026, 11, 25), 3) == date(2026, 12, 1)
    assert cal.working_days_between(date(2026, 11, 25), date(2026, 12, 1)) == 3


def test_national_holidays_come_from_the_holidays_package() -> None:
    cal = indonesian_calendar([2026])
    assert not cal.is_working_day(date(2026, 8, 17))   # Hari Kemerdekaan
    assert not cal.is_working_day(date(2026, 12, 25))  # Natal
    assert cal.is_working_day(date(2026, 12, 23))


def test_deadlines_and_overdue() -> None:
    cal = WorkingCalendar()
    received = datetime(2026, 11, 2, 1, tzinfo=UTC)    # Monday 2 Nov, 09:00 WITA
    found = deadlines_for(kind=Kind.COMPLAINT, status=Status.RECEIVED,
                          status_times={Status.RECEIVED: received}, calendar=cal,
                          today=date(2026, 11, 6))
    by_key = {d.key: d for d in found}
    assert by_key["verify"].due == date(2026, 11, 5) and by_key["verify"].overdue
    assert by_key["resolution"].due == date(2027, 1, 1) and not by_key["resolution"].overdue
    info = expected_deadlines(Kind.INFORMATION_REQUEST, date(2026, 11, 2), cal)
    assert info["information"] == date(2026, 11, 16)


def test_a_returned_report_is_not_overdue_for_verification() -> None:
    received = datetime(2026, 11, 2, 1, tzinfo=UTC)
    found = deadlines_for(kind=Kind.COMPLAINT, status=Status.RETURNED,
                          status_times={Status.RECEIVED: received}, calendar=WorkingCalendar(),
                          today=date(2026, 11, 20))
    assert not {d.key: d for d in found}["verify"].overdue
