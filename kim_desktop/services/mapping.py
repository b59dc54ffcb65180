"""Services layer: ORM rows ⇄ domain records. The only place that knows both shapes."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from kim_desktop.domain.enums import Channel, Entity, Kind, Status
from kim_desktop.domain.models import (
    Activity,
    ActivityContent,
    AttachmentRef,
    Complaint,
    ComplaintContent,
    Facilitator,
    Participant,
    Reporter,
    StatusChange,
)
from kim_desktop.storage.rows import (
    ActivityComplaintRow,
    ActivityRow,
    BlobRow,
    ComplaintRow,
    FacilitatorRow,
    ParticipantRow,
    StatusHistoryRow,
)


def history(s: Session, entity: Entity, record_id: object) -> tuple[StatusChange, ...]:
    rows = s.scalars(select(StatusHistoryRow).where(
        StatusHistoryRow.entity == entity.value, StatusHistoryRow.record_id == record_id)
        .order_by(StatusHistoryRow.id))
    return tuple(StatusChange(Status(r.status), r.at, r.actor, r.note) for r in rows)


def attachments(s: Session, links: Iterable[tuple[str, str]]) -> tuple[AttachmentRef, ...]:
    out = []
    for sha, filename in links:
        blob = s.get(BlobRow, sha)
        if blob is not None:
            out.append(AttachmentRef(filename, blob.media_type, blob.size, sha))
    return tuple(out)


def complaint_content(row: ComplaintRow) -> ComplaintContent:
    return ComplaintContent(
        kind=Kind(row.kind), title=row.title, body=row.body, incident_date=row.incident_date,
        village_code=row.village_code, location_detail=row.location_detail,
        latitude=row.latitude, longitude=row.longitude, category_code=row.category_code,
        agency_code=row.agency_code,
        reporter=Reporter(row.reporter_name, row.reporter_nik, row.reporter_phone,
                          row.reporter_email, row.reporter_address, row.reporter_gender,
                          row.reporter_birth_year),
        anonymous=row.anonymous, confidential=row.confidential, consent=row.consent,
        channel=Channel(row.channel), activity_id=row.activity_id)


def apply_complaint_content(row: ComplaintRow, c: ComplaintContent) -> None:
    row.kind, row.title, row.body = c.kind.value, c.title, c.body
    row.incident_date, row.village_code = c.incident_date, c.village_code
    row.location_detail, row.latitude, row.longitude = c.location_detail, c.latitude, c.longitude
    row.category_code, row.agency_code = c.category_code, c.agency_code
    r = c.reporter
    row.reporter_name, row.reporter_nik, row.reporter_phone = r.name, r.nik, r.phone
    row.reporter_email, row.reporter_address = r.email, r.address
    row.reporter_gender, row.reporter_birth_year = r.gender, r.birth_year
    row.anonymous, row.confidential, row.consent = c.anonymous, c.confidential, c.consent
    row.channel, row.activity_id = c.channel.value, c.activity_id


def to_complaint(s: Session, row: ComplaintRow, *, with_history: bool = True) -> Complaint:
    return Complaint(
        id=row.id, tracking_no=row.tracking_no, content=complaint_content(row),
        status=Status(row.status), revision=row.revision, created_at=row.created_at,
        updated_at=row.updated_at, recorded_by=row.recorded_by, device_id=row.device_id,
        attachments=attachments(s, ((a.sha256, a.filename) for a in row.attachments)),
        status_history=history(s, Entity.COMPLAINT, row.id) if with_history else (),
        lapor_tracking_id=row.lapor_tracking_id, lapor_status_raw=row.lapor_status_raw,
        review_note=row.review_note, set_aside_reason=row.set_aside_reason)


def activity_content(row: ActivityRow) -> ActivityContent:
    return ActivityContent(
        title=row.title, topic=row.topic, starts_at=row.starts_at, ends_at=row.ends_at,
        village_code=row.village_code, venue=row.venue, organizer=row.organizer,
        facilitators=tuple(Facilitator(f.name, f.institution) for f in row.facilitators),
        summary=row.summary, outcomes=row.outcomes,
        participants=tuple(Participant(p.name, p.gender, p.age, p.role, p.dusun, p.phone)
                           for p in row.participants),
        complaint_ids=tuple(link.complaint_id for link in row.complaint_links))


def apply_activity_content(row: ActivityRow, a: ActivityContent) -> None:
    row.title, row.topic, row.starts_at, row.ends_at = a.title, a.topic, a.starts_at, a.ends_at
    row.village_code, row.venue, row.organizer = a.village_code, a.venue, a.organizer
    row.summary, row.outcomes = a.summary, a.outcomes
    row.facilitators = [FacilitatorRow(position=i, name=f.name, institution=f.institution)
                        for i, f in enumerate(a.facilitators)]
    row.participants = [ParticipantRow(position=i, name=p.name, gender=p.gender, age=p.age,
                                       role=p.role, dusun=p.dusun, phone=p.phone)
                        for i, p in enumerate(a.participants)]
    row.complaint_links = [ActivityComplaintRow(position=i, complaint_id=cid)
                           for i, cid in enumerate(dict.fromkeys(a.complaint_ids))]


def to_activity(s: Session, row: ActivityRow, *, with_history: bool = True) -> Activity:
    return Activity(
        id=row.id, content=activity_content(row), status=Status(row.status),
        revision=row.revision, created_at=row.created_at, updated_at=row.updated_at,
        recorded_by=row.recorded_by, device_id=row.device_id,
        attachments=attachments(s, ((a.sha256, a.filename) for a in row.attachments)),
        status_history=history(s, Entity.ACTIVITY, row.id) if with_history else (),
        review_note=row.review_note, set_aside_reason=row.set_aside_reason)


def record_status(s: Session, entity: Entity, record_id: object, status: Status, at: object,
                  actor: str, note: str = "") -> None:
    s.add(StatusHistoryRow(entity=entity.value, record_id=record_id, status=status.value, at=at,
                           actor=actor, note=note))
