"""Property tests of the domain validation (`kim_desktop.domain.validation`), with hypothesis.

Whatever a JSON import, a form or the wire hands to ``parse_complaint``/``parse_activity``, they
answer with content and problems and never raise; every problem names a field (one the input
had, or one of the data dictionary) and a rule, in both languages. Valid content read back from
its own dictionary form is the same content, with no problem.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kim_desktop.domain.models import activity_content_to_dict, complaint_content_to_dict
from kim_desktop.domain.reference import load_reference_dir
from kim_desktop.domain.validation import (
    ACTIVITY_FIELDS,
    COMPLAINT_FIELDS,
    errors_only,
    parse_activity,
    parse_complaint,
)

REFS = load_reference_dir(Path(__file__).resolve().parents[2] / "resources" / "data")
TODAY = date(2026, 11, 25)
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: anything `json.loads` can give (Python's json reads NaN and Infinity too), nested a little
scalars = (st.none() | st.booleans() | st.integers(min_value=-(10**400), max_value=10**400)
           | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=40))
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=12), inner, max_size=4),
                           max_leaves=6)


def _mapping_with(fields: frozenset[str], nested: dict[str, frozenset[str]]) -> Any:
    known = st.sampled_from(sorted(fields))
    keys = known | st.text(max_size=12)

    def with_nested(d: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
        return {**d, **extra}

    nested_values = st.fixed_dictionaries({}, optional={
        name: st.dictionaries(st.sampled_from(sorted(sub)) | st.text(max_size=8), json_values,
                              max_size=len(sub) + 1) | st.lists(
            st.dictionaries(st.sampled_from(sorted(sub)) | st.text(max_size=8), json_values,
                            max_size=len(sub) + 1), max_size=2)
        for name, sub in nested.items()})
    return st.builds(with_nested, st.dictionaries(keys, json_values, max_size=10), nested_values)


REPORTER = frozenset({"name", "nik", "phone", "email", "address", "gender", "birth_year"})
PARTICIPANT = frozenset({"name", "gender", "age", "role", "dusun", "phone"})
FACILITATOR = frozenset({"name", "institution"})
complaint_like = _mapping_with(COMPLAINT_FIELDS, {"reporter": REPORTER})
activity_like = _mapping_with(ACTIVITY_FIELDS, {"participants": PARTICIPANT,
                                                "facilitators": FACILITATOR})


def _check_problems(problems: list[Any], data: dict[str, Any], known: frozenset[str]) -> None:
    for p in problems:
        assert isinstance(p.field, str) and (p.field or "" in data), p  # "" only if given
        head = re.split(r"[.\[]", p.field, maxsplit=1)[0]
        assert p.field in data or head in known or head in data, p.field
        assert p.code and p.message_id and p.message_en, p
        assert p.severity in ("error", "warning")


@FAST
@given(data=complaint_like, for_submit=st.booleans())
def test_any_complaint_input_gives_problems_never_an_exception(data: dict[str, Any],
                                                               for_submit: bool) -> None:
    _, problems = parse_complaint(data, REFS, today=TODAY, for_submit=for_submit)
    _check_problems(problems, data, COMPLAINT_FIELDS)


@FAST
@given(data=activity_like, for_submit=st.booleans())
def test_any_activity_input_gives_problems_never_an_exception(data: dict[str, Any],
                                                              for_submit: bool) -> None:
    _, problems = parse_activity(data, REFS, for_submit=for_submit)
    _check_problems(problems, data, ACTIVITY_FIELDS)


@settings(max_examples=30, deadline=None)
@given(data=json_values)
def test_not_even_an_object_is_only_a_problem(data: Any) -> None:
    for parse in (lambda d: parse_complaint(d, REFS, today=TODAY, for_submit=True),
                  lambda d: parse_activity(d, REFS, for_submit=True)):
        _, problems = parse(data)
        if not isinstance(data, dict):
            assert errors_only(problems)


# --- round trips of valid content -------------------------------------------------------------

villages = sorted(code for code in REFS.regions if REFS.is_village(code))
words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=12).map(str.strip)


@st.composite
def valid_complaints(draw: st.DrawFn) -> dict[str, Any]:
    anonymous = draw(st.booleans())
    title = draw(st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghij0123456789-",
                         min_size=5, max_size=150).map(str.strip).filter(lambda t: len(t) >= 5))
    body = " ".join(draw(st.lists(words, min_size=6, max_size=30))).strip()
    body = (body + " jalan rusak parah sekali mohon segera").strip()
    region = draw(st.sampled_from(["7324", "7371", "1101", "3201", "9471"]))
    nik = region + draw(st.from_regex(r"[1-9][0-9]{11}", fullmatch=True))
    reporter = {"name": draw(st.sampled_from(["Siti", "Andi Baso", "Daeng Ngai"])),
                "nik": draw(st.sampled_from(["", nik])),
                "phone": "08" + draw(st.from_regex(r"[1-9][0-9]{8,10}", fullmatch=True)),
                "email": draw(st.sampled_from(["", "warga@contoh.id"])),
                "address": draw(st.sampled_from(["", "Dusun II RT 01"])),
                "gender": draw(st.sampled_from(["", "L", "P"])),
                "birth_year": draw(st.none() | st.integers(1900, TODAY.year))}
    lat = draw(st.none() | st.floats(-90, 90, allow_nan=False))
    return {
        "kind": draw(st.sampled_from(["complaint", "aspiration", "information_request"])),
        "title": title, "body": body,
        "incident_date": (TODAY - timedelta(days=draw(st.integers(0, 29)))).isoformat(),
        "village_code": draw(st.sampled_from(villages)),
        "location_detail": draw(st.sampled_from(["", "dekat masjid"])),
        "latitude": lat, "longitude": None if lat is None else draw(
            st.floats(-180, 180, allow_nan=False)),
        "category_code": draw(st.sampled_from(sorted(REFS.categories))),
        "agency_code": draw(st.none() | st.sampled_from(sorted(REFS.agencies))),
        "reporter": reporter, "anonymous": anonymous,
        "confidential": draw(st.booleans()), "consent": True,
        "channel": draw(st.sampled_from(["walk_in", "phone", "socialization", "social_media",
                                         "other"])),
        "activity_id": None}


@FAST
@given(data=valid_complaints())
def test_valid_complaints_read_back_unchanged(data: dict[str, Any]) -> None:
    content, problems = parse_complaint(data, REFS, today=TODAY, for_submit=True)
    assert errors_only(problems) == []
    again = json.loads(json.dumps(complaint_content_to_dict(content)))
    content2, problems2 = parse_complaint(again, REFS, today=TODAY, for_submit=True)
    assert errors_only(problems2) == [] and content2 == content


@st.composite
def valid_activities(draw: st.DrawFn) -> dict[str, Any]:
    start = datetime(2026, 11, 1, 9, 0) + timedelta(minutes=draw(st.integers(0, 40_000)))
    people = draw(st.lists(st.fixed_dictionaries({
        "name": st.sampled_from(["Ibu A", "Bapak B", "Sdri C"]),
        "gender": st.sampled_from(["L", "P"]), "age": st.none() | st.integers(10, 90),
        "role": st.sampled_from(["warga", "PKK", "karang taruna"])}), max_size=6))
    return {"title": "Sosialisasi SP4N-LAPOR! " + draw(words), "topic": "SP4N-LAPOR!",
            "starts_at": start.isoformat(),
            "ends_at": (start + timedelta(minutes=draw(st.integers(1, 600)))).isoformat(),
            "village_code": draw(st.sampled_from(villages)), "venue": "Balai desa",
            "organizer": "Diskominfo-SP", "participants": people,
            "facilitators": [{"name": "Rina", "institution": "Diskominfo-SP"}]}


@FAST
@given(data=valid_activities())
def test_valid_activities_read_back_unchanged(data: dict[str, Any]) -> None:
    content, problems = parse_activity(data, REFS, for_submit=True)
    assert errors_only(problems) == []
    again = json.loads(json.dumps(activity_content_to_dict(content)))
    content2, problems2 = parse_activity(again, REFS, for_submit=True)
    assert errors_only(problems2) == [] and content2 == content
