"""Domain rules of a valid complaint and activity (DOMAIN.md data dictionary)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kim_desktop.domain.reference import load_reference_dir
from kim_desktop.domain.validation import (
    normalise_gender,
    normalise_phone,
    parse_activity,
    parse_age,
    parse_complaint,
)
from tests.conftest import complaint_data

REFS = load_reference_dir(Path(__file__).resolve().parents[2] / "resources" / "data")
TODAY = date(2026, 11, 25)


def problems(data: dict, for_submit: bool = True) -> dict[str, str]:
    _, found = parse_complaint(data, REFS, today=TODAY, for_submit=for_submit)
    return {p.field: p.code for p in found}


def test_valid_complaint_has_no_problems() -> None:
    content, found = parse_complaint(complaint_data(), REFS, today=TODAY, for_submit=True)
    assert found == []
    assert content.reporter.phone == "081234567890"
    assert content.incident_date == date(2026, 11, 20)


def test_every_problem_is_reported_at_once_with_both_languages() -> None:
    data = complaint_data(title="abc", body="pendek", incident_date="2099-01-01",
                          village_code="73.24.99.9999", category_code="nope",
                          agency_code="nope", consent=False,
                          reporter={"name": "", "nik": "12345", "phone": "12"})
    _, found = parse_complaint(data, REFS, today=TODAY, for_submit=True)
    codes = {p.field: p.code for p in found}
    assert codes == {
        "title": "too_short", "body": "too_short", "incident_date": "in_future",
        "village_code": "unknown_village", "category_code": "unknown_category",
        "agency_code": "unknown_agency", "reporter.nik": "nik_format",
        "reporter.phone": "phone_format", "reporter": "identity_required",
        "consent": "consent_required"}
    for p in found:
        assert p.message_id and p.message_en and p.message_id != p.message_en
    assert any("kim reference villages" in p.message_id for p in found)


@pytest.mark.parametrize(("field", "value", "code"), [
    ("title", "x" * 151, "too_long"),
    ("title", "", "required"),
    ("incident_date", "kemarin", "not_a_date"),
    ("kind", "pujian", "not_one_of"),
    ("channel", "fax", "not_one_of"),
    ("latitude", 95, "out_of_range"),
    ("activity_id", "not-a-uuid", "not_a_uuid"),
    ("consent", "maybe", "not_boolean"),
])
def test_single_field_rules(field: str, value: object, code: str) -> None:
    assert problems(complaint_data(**{field: value})).get(field) == code


def test_unknown_fields_are_named() -> None:
    assert problems(complaint_data(titel="typo"))["titel"] == "unknown_field"


def test_coordinates_go_in_pairs() -> None:
    assert problems(complaint_data(latitude=-2.5))["latitude"] == "coordinates_pair"
    assert "latitude" not in problems(complaint_data(latitude=-2.5, longitude=121.0))


def test_old_incident_warns_but_does_not_block() -> None:
    _, found = parse_complaint(complaint_data(incident_date="2026-09-01"), REFS, today=TODAY,
                               for_submit=True)
    assert [(p.code, p.severity) for p in found] == [("older_than_30_days", "warning")]


def test_dd_mm_yyyy_dates_are_read() -> None:
    content, _ = parse_complaint(complaint_data(incident_date="20/11/2026"), REFS, today=TODAY,
                                 for_submit=True)
    assert content.incident_date == date(2026, 11, 20)


@pytest.mark.parametrize(("nik", "ok"), [
    ("7324044101900001", True),
    ("0024044101900001", False),     # no province 00
    ("7300044101900001", False),     # kabupaten 00
    ("73240441019000", False),       # 14 digits
    ("73240441019000AB", False),
])
def test_nik(nik: str, ok: bool) -> None:
    found = problems(complaint_data(reporter={"name": "A", "phone": "081234567890", "nik": nik}))
    assert ("reporter.nik" not in found) is ok


def test_anonymous_reporter_may_stay_empty() -> None:
    assert problems(complaint_data(anonymous=True, reporter={})) == {}
    assert problems(complaint_data(anonymous=False, reporter={}))["reporter"] == \
        "identity_required"


def test_reporter_needs_a_way_to_be_reached() -> None:
    assert "reporter" in problems(complaint_data(reporter={"name": "Siti"}))
    assert "reporter" not in problems(complaint_data(reporter={"name": "Siti",
                                                                "address": "Dusun 1"}))


def test_draft_rules_are_lenient() -> None:
    assert problems({"title": "Jalan rusak"}, for_submit=False) == {}


@pytest.mark.parametrize(("raw", "normal"), [
    ("+62 812-3456-7890", "081234567890"), ("6281234567890", "081234567890"),
    ("0812 3456 7890", "081234567890")])
def test_phone_normalised(raw: str, normal: str) -> None:
    assert normalise_phone(raw) == normal


@pytest.mark.parametrize(("raw", "g"), [
    ("Laki-laki", "L"), ("perempuan", "P"), ("M", "L"), ("F", "P"), ("Pria", "L"),
    ("Wanita", "P"), ("l", "L"), ("", ""), ("x", None)])
def test_gender_words(raw: str, g: str | None) -> None:
    assert normalise_gender(raw) == g


@pytest.mark.parametrize(("raw", "age", "ok"), [
    (35, 35, True), ("35 th", 35, True), ("35 tahun", 35, True), ("-", None, True),
    ("", None, True), ("tiga", None, False), (200, None, False), (True, None, False)])
def test_ages(raw: object, age: int | None, ok: bool) -> None:
    assert parse_age(raw) == (age, ok)


def test_activity_rules_and_participants() -> None:
    data = {"title": "Sosialisasi SP4N-LAPOR!", "starts_at": "2026-11-20T09:00:00+08:00",
            "ends_at": "2026-11-20T08:00:00+08:00", "village_code": "73.24.04.2010",
            "participants": [{"name": "Andi", "gender": "Laki-laki", "age": "40 th"},
                             {"name": "", "gender": "X"}]}
    content, found = parse_activity(data, REFS, for_submit=True)
    codes = {p.field: p.code for p in found}
    assert codes == {"ends_at": "end_before_start", "participants[1].name": "required",
                     "participants[1].gender": "gender"}
    assert content.participants[0].gender == "L" and content.participants[0].age == 40
    assert any("baris 2" in p.message_id for p in found)
