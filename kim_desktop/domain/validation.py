"""Domain layer: the rules of a valid complaint and socialization activity (DOMAIN.md).

``parse_complaint`` and ``parse_activity`` read a mapping with the data-dictionary field names
(from JSON, a form or the wire), return typed content plus *every* problem found, each as
``(field, code, message)`` in Indonesian and English. A draft may be incomplete; ``for_submit``
adds the rules that only apply when the record leaves the village.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, TypeVar
from uuid import UUID

from kim_desktop.domain.deadlines import LATE_COMPLAINT_DAYS, WITA
from kim_desktop.domain.enums import Channel, Kind
from kim_desktop.domain.messages import render
from kim_desktop.domain.models import (
    ActivityContent,
    ComplaintContent,
    Facilitator,
    Participant,
    Reporter,
)
from kim_desktop.domain.problems import Problem
from kim_desktop.domain.reference import ReferenceData

TITLE_MIN, TITLE_MAX = 5, 150
BODY_MIN, BODY_MAX = 20, 10_000
TEXT_MAX = 500

#: First two NIK digits: Indonesia's province codes (Kemendagri).
PROVINCE_CODES = frozenset({
    11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64,
    65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97})

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^08[1-9]\d{7,10}$")

COMPLAINT_FIELDS = frozenset({
    "id", "tracking_no", "kind", "title", "body", "incident_date", "village_code",
    "location_detail", "latitude", "longitude", "category_code", "agency_code", "reporter",
    "anonymous", "confidential", "consent", "channel", "activity_id", "attachments", "status",
    "status_history", "lapor_tracking_id", "lapor_status_raw", "revision", "created_at",
    "updated_at", "recorded_by", "device_id", "review_note", "set_aside_reason"})
REPORTER_FIELDS = frozenset({"name", "nik", "phone", "email", "address", "gender", "birth_year"})
ACTIVITY_FIELDS = frozenset({
    "id", "title", "topic", "starts_at", "ends_at", "village_code", "venue", "organizer",
    "facilitators", "summary", "outcomes", "participants", "complaint_ids", "attachments",
    "status", "status_history", "revision", "created_at", "updated_at", "recorded_by",
    "device_id", "participant_counts", "review_note", "set_aside_reason"})
PARTICIPANT_FIELDS = frozenset({"name", "gender", "age", "role", "dusun", "phone"})

E = TypeVar("E")


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, field: str, code: str, severity: str = "error", **params: object) -> None:
        mid, men = render(code, field, **params)
        self.problems.append(Problem(field, code, mid, men, severity))


def _text(c: _Collector, data: Mapping[str, Any], field: str, *, path: str | None = None,
          required: bool = False, min_len: int = 0, max_len: int = TEXT_MAX) -> str:
    path = path or field
    v = data.get(field)
    if v is None:
        v = ""
    if not isinstance(v, str):
        if isinstance(v, int | float) and not isinstance(v, bool):
            v = str(v)
        else:
            c.add(path, "required" if required else "too_short", min=min_len, n=0)
            return ""
    v = v.strip()
    if not v:
        if required:
            c.add(path, "required")
        return ""
    if len(v) < min_len:
        c.add(path, "too_short", min=min_len, n=len(v))
    elif len(v) > max_len:
        c.add(path, "too_long", max=max_len, n=len(v))
    return v


def _enum(c: _Collector, data: Mapping[str, Any], field: str, enum: type[E], default: E) -> E:
    v = data.get(field)
    if v in (None, ""):
        return default
    try:
        return enum(v)  # type: ignore[call-arg]
    except ValueError:
        c.add(field, "not_one_of", choices=", ".join(e.value for e in enum))  # type: ignore[attr-defined]
        return default


def _bool(c: _Collector, data: Mapping[str, Any], field: str) -> bool:
    v = data.get(field, False)
    if v is None:
        return False
    if isinstance(v, bool):
        return v
    if isinstance(v, str) and v.lower() in ("true", "false", "ya", "tidak", "1", "0"):
        return v.lower() in ("true", "ya", "1")
    c.add(field, "not_boolean")
    return False


def parse_date(v: Any) -> date | None:
    """ISO ``YYYY-MM-DD`` or ``dd/mm/yyyy``; ``None`` when it is not a date."""
    if isinstance(v, date) and not isinstance(v, datetime):
        return v
    if not isinstance(v, str):
        return None
    s = v.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    return None


def parse_datetime(v: Any) -> datetime | None:
    """ISO 8601; a time without a zone is WITA, the time people in Luwu Timur read."""
    if isinstance(v, datetime):
        dt = v
    elif isinstance(v, str):
        try:
            dt = datetime.fromisoformat(v.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    else:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=WITA)


def _float(c: _Collector, data: Mapping[str, Any], field: str, lo: float, hi: float) -> float | None:
    v = data.get(field)
    if v in (None, ""):
        return None
    try:
        f = float(v) if isinstance(v, int | float | str) and not isinstance(v, bool) \
            else float("nan")
    except ValueError:
        f = float("nan")
    except OverflowError:   # an integer too large for a float: certainly out of range
        f = float("inf")
    if f != f:      # NaN: not a number
        c.add(field, "not_a_number")
        return None
    if not lo <= f <= hi:
        c.add(field, "out_of_range", min=lo, max=hi)
        return None
    return f


def _uuid(c: _Collector, v: Any, field: str) -> UUID | None:
    if v in (None, ""):
        return None
    try:
        return v if isinstance(v, UUID) else UUID(str(v))
    except ValueError:
        c.add(field, "not_a_uuid")
        return None


def normalise_phone(raw: str) -> str:
    """``+62 812-3456-7890`` → ``081234567890``; other text is returned without separators."""
    s = re.sub(r"[\s\-().]", "", raw)
    if s.startswith("+62"):
        s = "0" + s[3:]
    elif s.startswith("62") and len(s) > 10:
        s = "0" + s[2:]
    return s


def nik_problem(nik: str) -> str | None:
    """The rule a NIK breaks, or None. Only the region part can be checked offline."""
    if not re.fullmatch(r"\d{16}", nik):
        return "nik_format"
    prov, kab, kec = int(nik[0:2]), int(nik[2:4]), int(nik[4:6])
    if prov not in PROVINCE_CODES or kab == 0 or kec == 0:
        return "nik_region"
    return None


def _reporter(c: _Collector, raw: Any, anonymous: bool, today: date) -> Reporter:
    if raw in (None, ""):
        raw = {}
    if not isinstance(raw, Mapping):
        c.add("reporter", "not_an_object")
        raw = {}
    for k in raw:
        if k not in REPORTER_FIELDS:
            c.add(f"reporter.{k}", "unknown_field", value=k)
    name = _text(c, raw, "name", path="reporter.name", max_len=150)
    nik = _text(c, raw, "nik", path="reporter.nik", max_len=32).replace(" ", "")
    if nik and (rule := nik_problem(nik)):
        c.add("reporter.nik", rule)
    phone = _text(c, raw, "phone", path="reporter.phone", max_len=32)
    if phone:
        phone = normalise_phone(phone)
        if not _PHONE.match(phone):
            c.add("reporter.phone", "phone_format")
    email = _text(c, raw, "email", path="reporter.email", max_len=254)
    if email and not _EMAIL.match(email):
        c.add("reporter.email", "email_format")
    address = _text(c, raw, "address", path="reporter.address")
    gender = _text(c, raw, "gender", path="reporter.gender", max_len=1).upper()
    if gender and gender not in ("L", "P"):
        c.add("reporter.gender", "gender")
        gender = ""
    birth_year: int | None = None
    by = raw.get("birth_year")
    if by not in (None, ""):
        try:
            birth_year = int(by)
        except (TypeError, ValueError, OverflowError):  # OverflowError: infinity
            c.add("reporter.birth_year", "not_a_number")
        else:
            if not 1900 <= birth_year <= today.year:
                c.add("reporter.birth_year", "out_of_range", min=1900, max=today.year)
                birth_year = None
    if not anonymous and not (name and (phone or address)):
        c.add("reporter", "identity_required")
    return Reporter(name, nik, phone, email, address, gender, birth_year)


def parse_complaint(data: Mapping[str, Any], refs: ReferenceData, *, today: date,
                    for_submit: bool) -> tuple[ComplaintContent, list[Problem]]:
    """Typed content and every problem. ``today`` is the WITA date. Attachments are checked by
    the service (they are files); bookkeeping fields are ignored here."""
    c = _Collector()
    if not isinstance(data, Mapping):
        c.add("reporter", "not_an_object")
        return ComplaintContent(), c.problems
    for k in data:
        if k not in COMPLAINT_FIELDS:
            c.add(k, "unknown_field", value=k)
    req = for_submit
    kind = _enum(c, data, "kind", Kind, Kind.COMPLAINT)
    title = _text(c, data, "title", required=req, min_len=TITLE_MIN, max_len=TITLE_MAX)
    body = _text(c, data, "body", required=req, min_len=BODY_MIN, max_len=BODY_MAX)
    incident: date | None = None
    raw_date = data.get("incident_date")
    if raw_date in (None, ""):
        if req:
            c.add("incident_date", "required")
    else:
        incident = parse_date(raw_date)
        if incident is None:
            c.add("incident_date", "not_a_date")
        elif incident > today:
            c.add("incident_date", "in_future")
            incident = None
        elif incident < today - timedelta(days=LATE_COMPLAINT_DAYS):
            c.add("incident_date", "older_than_30_days", severity="warning")
    village = _text(c, data, "village_code", required=req, max_len=32)
    if village and not refs.is_village(village):
        c.add("village_code", "unknown_village", value=village)
    location = _text(c, data, "location_detail")
    lat = _float(c, data, "latitude", -90, 90)
    lon = _float(c, data, "longitude", -180, 180)
    if (lat is None) != (lon is None) and not any(
            p.field in ("latitude", "longitude") for p in c.problems):
        c.add("latitude", "coordinates_pair")
    category = _text(c, data, "category_code", required=req, max_len=200)
    if category and category not in refs.categories:
        c.add("category_code", "unknown_category", value=category)
    agency = _text(c, data, "agency_code", max_len=100) or None
    if agency and agency not in refs.agencies:
        c.add("agency_code", "unknown_agency", value=agency)
    anonymous = _bool(c, data, "anonymous")
    confidential = _bool(c, data, "confidential")
    consent = _bool(c, data, "consent")
    reporter = _reporter(c, data.get("reporter"), anonymous, today)
    if not for_submit:
        # identity is only demanded when the report leaves the village
        c.problems = [p for p in c.problems if p.code != "identity_required"]
    elif not consent and not any(p.field == "consent" for p in c.problems):
        c.add("consent", "consent_required")
    channel = _enum(c, data, "channel", Channel, Channel.WALK_IN)
    activity_id = _uuid(c, data.get("activity_id"), "activity_id")
    content = ComplaintContent(kind, title, body, incident, village, location, lat, lon, category,
                               agency, reporter, anonymous, confidential, consent, channel,
                               activity_id)
    return content, c.problems


GENDER_WORDS: dict[str, str] = {
    "l": "L", "lk": "L", "laki": "L", "laki-laki": "L", "lakilaki": "L", "laki laki": "L",
    "pria": "L", "m": "L", "male": "L", "cowok": "L",
    "p": "P", "pr": "P", "perempuan": "P", "wanita": "P", "f": "P", "female": "P", "w": "P",
}


def normalise_gender(raw: Any) -> str | None:
    """``Laki-laki``/``Pria``/``M`` → ``L``; ``Perempuan``/``Wanita``/``F`` → ``P``; ``""`` for
    blank; ``None`` when the text is not a gender we recognise (never guessed)."""
    if raw is None:
        return ""
    s = str(raw).strip().lower().rstrip(".")
    if not s:
        return ""
    return GENDER_WORDS.get(s)


def parse_age(raw: Any) -> tuple[int | None, bool]:
    """``35``, ``"35 th"``, ``"35 tahun"`` → 35; ``"-"`` or blank → None. Second value: ok."""
    if raw is None:
        return None, True
    if isinstance(raw, bool):
        return None, False
    if isinstance(raw, int | float):
        n = int(raw)
        return (n, True) if 0 <= n <= 120 and n == raw else (None, False)
    s = str(raw).strip().lower()
    if s in ("", "-", "–", "?"):
        return None, True
    m = re.fullmatch(r"(\d{1,3})\s*(th|thn|tahun|tahun\.|yo|y)?\.?", s)
    if not m:
        return None, False
    n = int(m.group(1))
    return (n, True) if n <= 120 else (None, False)


def _list(c: _Collector, data: Mapping[str, Any], field: str) -> list[Any]:
    v = data.get(field)
    if v in (None, ""):
        return []
    if not isinstance(v, list):
        c.add(field, "not_a_list")
        return []
    return v


def parse_participant(c: _Collector, raw: Any, path: str) -> Participant | None:
    if not isinstance(raw, Mapping):
        c.add(path, "not_an_object")
        return None
    for k in raw:
        if k not in PARTICIPANT_FIELDS:
            c.add(f"{path}.{k}", "unknown_field", value=k)
    name = _text(c, raw, "name", path=f"{path}.name", required=True, max_len=150)
    gender = normalise_gender(raw.get("gender"))
    if gender is None:
        c.add(f"{path}.gender", "gender")
        gender = ""
    age, ok = parse_age(raw.get("age"))
    if not ok:
        c.add(f"{path}.age", "out_of_range", min=0, max=120)
    phone = _text(c, raw, "phone", path=f"{path}.phone", max_len=32)
    if phone:
        phone = normalise_phone(phone)
        if not _PHONE.match(phone):
            c.add(f"{path}.phone", "phone_format")
    return Participant(name, gender, age, _text(c, raw, "role", path=f"{path}.role", max_len=100),
                       _text(c, raw, "dusun", path=f"{path}.dusun", max_len=100), phone)


def parse_activity(data: Mapping[str, Any], refs: ReferenceData, *,
                   for_submit: bool) -> tuple[ActivityContent, list[Problem]]:
    c = _Collector()
    if not isinstance(data, Mapping):
        c.add("title", "not_an_object")
        return ActivityContent(), c.problems
    for k in data:
        if k not in ACTIVITY_FIELDS:
            c.add(k, "unknown_field", value=k)
    req = for_submit
    title = _text(c, data, "title", required=True, max_len=200)
    topic = _text(c, data, "topic", max_len=200)
    starts = _when(c, data, "starts_at", req)
    ends = _when(c, data, "ends_at", req)
    if starts and ends and ends <= starts:
        c.add("ends_at", "end_before_start")
    village = _text(c, data, "village_code", required=req, max_len=32)
    if village and not refs.is_village(village):
        c.add("village_code", "unknown_village", value=village)
    facilitators: list[Facilitator] = []
    for i, f in enumerate(_list(c, data, "facilitators")):
        if not isinstance(f, Mapping):
            c.add(f"facilitators[{i}]", "not_an_object")
            continue
        name = _text(c, f, "name", path=f"facilitators[{i}].name", required=True, max_len=150)
        facilitators.append(Facilitator(name, _text(c, f, "institution",
                                                    path=f"facilitators[{i}].institution")))
    participants = [p for i, raw in enumerate(_list(c, data, "participants"))
                    if (p := parse_participant(c, raw, f"participants[{i}]")) is not None]
    complaint_ids = tuple(u for i, v in enumerate(_list(c, data, "complaint_ids"))
                          if (u := _uuid(c, v, f"complaint_ids[{i}]")) is not None)
    content = ActivityContent(
        title, topic, starts, ends, village, _text(c, data, "venue"),
        _text(c, data, "organizer", max_len=200), tuple(facilitators),
        _text(c, data, "summary", max_len=20_000), _text(c, data, "outcomes", max_len=20_000),
        tuple(participants), complaint_ids)
    return content, c.problems


def _when(c: _Collector, data: Mapping[str, Any], field: str, required: bool) -> datetime | None:
    v = data.get(field)
    if v in (None, ""):
        if required:
            c.add(field, "required")
        return None
    dt = parse_datetime(v)
    if dt is None:
        c.add(field, "not_a_datetime")
    return dt


def errors_only(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


@dataclass(frozen=True)
class Limits:
    """Attachment limits (configurable in preferences)."""

    max_file_bytes: int = 10 * 1024 * 1024
    max_files: int = 5


Validator = Callable[[Mapping[str, Any]], list[Problem]]
