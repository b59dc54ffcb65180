"""Domain layer: frozen records handed out by services and shown by the UI.

``*Content`` is what a person edits; the record types add identity, status and bookkeeping.
``*_to_dict`` give the data-dictionary field names of DOMAIN.md used by JSON import/export.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Generic, TypeVar
from uuid import UUID

from kim_desktop.domain.enums import Channel, Kind, Role, Status


@dataclass(frozen=True, slots=True)
class Reporter:
    name: str = ""
    nik: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    gender: str = ""
    birth_year: int | None = None

    def is_empty(self) -> bool:
        return not any((self.name, self.nik, self.phone, self.email, self.address))


@dataclass(frozen=True, slots=True)
class AttachmentRef:
    filename: str
    media_type: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class StatusChange:
    status: Status
    at: datetime
    actor: str
    note: str = ""


@dataclass(frozen=True)
class ComplaintContent:
    kind: Kind = Kind.COMPLAINT
    title: str = ""
    body: str = ""
    incident_date: date | None = None
    village_code: str = ""
    location_detail: str = ""
    latitude: float | None = None
    longitude: float | None = None
    category_code: str = ""
    agency_code: str | None = None
    reporter: Reporter = field(default_factory=Reporter)
    anonymous: bool = False
    confidential: bool = False
    consent: bool = False
    channel: Channel = Channel.WALK_IN
    activity_id: UUID | None = None


@dataclass(frozen=True)
class Complaint:
    id: UUID
    tracking_no: str
    content: ComplaintContent
    status: Status
    revision: int
    created_at: datetime
    updated_at: datetime
    recorded_by: str
    device_id: str
    attachments: tuple[AttachmentRef, ...] = ()
    status_history: tuple[StatusChange, ...] = ()
    lapor_tracking_id: str | None = None
    lapor_status_raw: str | None = None
    review_note: str | None = None
    set_aside_reason: str | None = None


@dataclass(frozen=True, slots=True)
class Facilitator:
    name: str
    institution: str = ""


@dataclass(frozen=True, slots=True)
class Participant:
    name: str
    gender: str = ""        # "L" | "P" | "" when not recorded
    age: int | None = None
    role: str = ""
    dusun: str = ""
    phone: str = ""


@dataclass(frozen=True)
class ActivityContent:
    title: str = ""
    topic: str = ""
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    village_code: str = ""
    venue: str = ""
    organizer: str = ""
    facilitators: tuple[Facilitator, ...] = ()
    summary: str = ""
    outcomes: str = ""
    participants: tuple[Participant, ...] = ()
    complaint_ids: tuple[UUID, ...] = ()


@dataclass(frozen=True)
class Activity:
    id: UUID
    content: ActivityContent
    status: Status
    revision: int
    created_at: datetime
    updated_at: datetime
    recorded_by: str
    device_id: str
    attachments: tuple[AttachmentRef, ...] = ()
    status_history: tuple[StatusChange, ...] = ()
    review_note: str | None = None
    set_aside_reason: str | None = None

    @property
    def gender_counts(self) -> dict[str, int]:
        return gender_counts(self.content.participants)


def gender_counts(participants: tuple[Participant, ...] | list[Participant]) -> dict[str, int]:
    """Counts by gender, derived from the list (never typed): keys L, P, unknown, total."""
    c = Counter(p.gender if p.gender in ("L", "P") else "unknown" for p in participants)
    return {"L": c["L"], "P": c["P"], "unknown": c["unknown"], "total": len(participants)}


@dataclass(frozen=True)
class DeviceProfile:
    device_id: str
    device_tag: str
    village_code: str
    kim_name: str
    operator_name: str
    role: Role
    hub_url: str | None = None
    enrolled: bool = False
    #: the id the hub gave this device at enrolment (None: never enrolled over the network)
    hub_device_id: str | None = None

    @property
    def id_at_hub(self) -> str:
        """The id the hub knows this device by: its own, or ours until it enrolled."""
        return self.hub_device_id or self.device_id


T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: tuple[T, ...]
    total: int
    offset: int
    limit: int
    total_exact: bool = True    # False: ``total`` is a lower bound (a capped count)


def _iso(v: date | datetime | None) -> str | None:
    return v.isoformat() if v is not None else None


# -- The data dictionary of DOMAIN.md: field names and their order ---------------------------
# The ``*_dict`` functions below are the only place that lays a complaint out by field name; they
# take values already in their exported form (UUIDs and times as ISO text, enums as their value).
# ``*_to_dict`` feed them from domain records; `services.export_rows` feeds them from stored rows.

def reporter_dict(*, name: str, nik: str, phone: str, email: str, address: str, gender: str,
                  birth_year: int | None) -> dict[str, Any]:
    return {"name": name, "nik": nik, "phone": phone, "email": email, "address": address,
            "gender": gender, "birth_year": birth_year}


def status_change_dict(*, status: str, at: str | None, actor: str, note: str) -> dict[str, Any]:
    return {"status": status, "at": at, "actor": actor, "note": note}


def attachment_dict(*, filename: str, media_type: str, size: int, sha256: str) -> dict[str, Any]:
    return {"filename": filename, "media_type": media_type, "size": size, "sha256": sha256}


def complaint_content_dict(
        *, kind: str, title: str, body: str, incident_date: str | None, village_code: str,
        location_detail: str, latitude: float | None, longitude: float | None,
        category_code: str, agency_code: str | None, reporter: dict[str, Any], anonymous: bool,
        confidential: bool, consent: bool, channel: str, activity_id: str | None,
) -> dict[str, Any]:
    return {
        "kind": kind, "title": title, "body": body, "incident_date": incident_date,
        "village_code": village_code, "location_detail": location_detail, "latitude": latitude,
        "longitude": longitude, "category_code": category_code, "agency_code": agency_code,
        "reporter": reporter, "anonymous": anonymous, "confidential": confidential,
        "consent": consent, "channel": channel, "activity_id": activity_id,
    }


def complaint_dict(
        *, id: str, tracking_no: str, content: dict[str, Any], attachments: list[dict[str, Any]],
        status: str, status_history: list[dict[str, Any]], lapor_tracking_id: str | None,
        lapor_status_raw: str | None, review_note: str | None, set_aside_reason: str | None,
        revision: int, created_at: str | None, updated_at: str | None, recorded_by: str,
        device_id: str,
) -> dict[str, Any]:
    """A whole complaint; ``content`` is a `complaint_content_dict`."""
    return {
        "id": id, "tracking_no": tracking_no, **content, "attachments": attachments,
        "status": status, "status_history": status_history,
        "lapor_tracking_id": lapor_tracking_id, "lapor_status_raw": lapor_status_raw,
        "review_note": review_note, "set_aside_reason": set_aside_reason, "revision": revision,
        "created_at": created_at, "updated_at": updated_at, "recorded_by": recorded_by,
        "device_id": device_id,
    }


def reporter_to_dict(r: Reporter) -> dict[str, Any]:
    return reporter_dict(name=r.name, nik=r.nik, phone=r.phone, email=r.email,
                         address=r.address, gender=r.gender, birth_year=r.birth_year)


def status_change_to_dict(h: StatusChange) -> dict[str, Any]:
    return status_change_dict(status=h.status.value, at=_iso(h.at), actor=h.actor, note=h.note)


def attachment_to_dict(a: AttachmentRef) -> dict[str, Any]:
    return attachment_dict(filename=a.filename, media_type=a.media_type, size=a.size,
                           sha256=a.sha256)


def complaint_content_to_dict(c: ComplaintContent) -> dict[str, Any]:
    return complaint_content_dict(
        kind=c.kind.value, title=c.title, body=c.body, incident_date=_iso(c.incident_date),
        village_code=c.village_code, location_detail=c.location_detail, latitude=c.latitude,
        longitude=c.longitude, category_code=c.category_code, agency_code=c.agency_code,
        reporter=reporter_to_dict(c.reporter), anonymous=c.anonymous,
        confidential=c.confidential, consent=c.consent, channel=c.channel.value,
        activity_id=str(c.activity_id) if c.activity_id else None)


def complaint_to_dict(c: Complaint) -> dict[str, Any]:
    return complaint_dict(
        id=str(c.id), tracking_no=c.tracking_no, content=complaint_content_to_dict(c.content),
        attachments=[attachment_to_dict(a) for a in c.attachments], status=c.status.value,
        status_history=[status_change_to_dict(h) for h in c.status_history],
        lapor_tracking_id=c.lapor_tracking_id, lapor_status_raw=c.lapor_status_raw,
        review_note=c.review_note, set_aside_reason=c.set_aside_reason, revision=c.revision,
        created_at=_iso(c.created_at), updated_at=_iso(c.updated_at),
        recorded_by=c.recorded_by, device_id=c.device_id)


def participant_to_dict(p: Participant) -> dict[str, Any]:
    return {"name": p.name, "gender": p.gender, "age": p.age, "role": p.role, "dusun": p.dusun,
            "phone": p.phone}


def activity_content_to_dict(a: ActivityContent) -> dict[str, Any]:
    return {
        "title": a.title, "topic": a.topic, "starts_at": _iso(a.starts_at),
        "ends_at": _iso(a.ends_at), "village_code": a.village_code, "venue": a.venue,
        "organizer": a.organizer,
        "facilitators": [{"name": f.name, "institution": f.institution} for f in a.facilitators],
        "summary": a.summary, "outcomes": a.outcomes,
        "participants": [participant_to_dict(p) for p in a.participants],
        "complaint_ids": [str(i) for i in a.complaint_ids],
    }


def activity_to_dict(a: Activity) -> dict[str, Any]:
    d: dict[str, Any] = {"id": str(a.id)}
    d.update(activity_content_to_dict(a.content))
    d.update({
        "participant_counts": a.gender_counts,
        "attachments": [attachment_to_dict(x) for x in a.attachments],
        "status": a.status.value,
        "status_history": [status_change_to_dict(h) for h in a.status_history],
        "review_note": a.review_note, "set_aside_reason": a.set_aside_reason,
        "revision": a.revision, "created_at": _iso(a.created_at),
        "updated_at": _iso(a.updated_at), "recorded_by": a.recorded_by,
        "device_id": a.device_id,
    })
    return d


@dataclass(frozen=True)
class ComplaintQuery:
    """What the complaint list shows: search text, filters, sort and page."""

    text: str = ""
    statuses: tuple[Status, ...] = ()
    kinds: tuple[Kind, ...] = ()
    category_codes: tuple[str, ...] = ()   # a top-level code matches its sub-categories too
    village_code: str | None = None
    date_from: date | None = None          # created, WITA date, inclusive
    date_to: date | None = None
    sort: str = "created_at"    # a key of ComplaintService SORT_COLUMNS
    descending: bool = True
    offset: int = 0
    limit: int = 50


@dataclass(frozen=True)
class ComplaintSummary:
    """One line of the complaint list (no reporter identity)."""

    id: UUID
    tracking_no: str
    created_at: datetime
    incident_date: date | None
    title: str
    kind: Kind
    category_code: str
    village_code: str
    status: Status
    anonymous: bool
    due: date | None = None
    overdue: bool = False
