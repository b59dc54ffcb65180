"""Sync client: domain records → wire payloads (`sync.protocol`)."""

from __future__ import annotations

from collections.abc import Mapping

from kim_desktop.domain.models import Activity, AttachmentRef, Complaint
from sync.protocol import (
    ActivityPayload,
    AttachmentPayload,
    ComplaintPayload,
    FacilitatorPayload,
    ParticipantPayload,
    RecordEnvelope,
    ReporterPayload,
)

#: local sha256 → (sha256, size) of the form that is uploaded (downscaled, metadata stripped)
UploadForms = Mapping[str, tuple[str, int]]


def _attachments(refs: tuple[AttachmentRef, ...], forms: UploadForms) -> list[AttachmentPayload]:
    out = []
    for a in refs:
        sha, size = forms.get(a.sha256, (a.sha256, a.size))
        out.append(AttachmentPayload(filename=a.filename, media_type=a.media_type, size=size,
                                     sha256=sha))
    return out


def complaint_payload(c: Complaint, forms: UploadForms) -> ComplaintPayload:
    x, r = c.content, c.content.reporter
    return ComplaintPayload(
        kind=x.kind.value, title=x.title, body=x.body, incident_date=x.incident_date,
        village_code=x.village_code, location_detail=x.location_detail, latitude=x.latitude,
        longitude=x.longitude, category_code=x.category_code, agency_code=x.agency_code,
        reporter=ReporterPayload(name=r.name or None, nik=r.nik or None, phone=r.phone or None,
                                 email=r.email or None, address=r.address or None,
                                 gender=r.gender or None, birth_year=r.birth_year),
        anonymous=x.anonymous, confidential=x.confidential, consent=x.consent,
        channel=x.channel.value, activity_id=x.activity_id,
        attachments=_attachments(c.attachments, forms), tracking_no=c.tracking_no,
        recorded_by=c.recorded_by, created_at=c.created_at, updated_at=c.updated_at)


def activity_payload(a: Activity, forms: UploadForms) -> ActivityPayload:
    x = a.content
    return ActivityPayload(
        title=x.title, topic=x.topic, starts_at=x.starts_at, ends_at=x.ends_at,
        village_code=x.village_code, venue=x.venue, organizer=x.organizer,
        facilitators=[FacilitatorPayload(name=f.name, institution=f.institution or None)
                      for f in x.facilitators],
        summary=x.summary, outcomes=x.outcomes,
        participants=[ParticipantPayload(name=p.name, gender=p.gender or None, age=p.age,
                                         role=p.role or None, dusun=p.dusun or None,
                                         phone=p.phone or None) for p in x.participants],
        complaint_ids=list(x.complaint_ids), attachments=_attachments(a.attachments, forms),
        recorded_by=a.recorded_by, created_at=a.created_at, updated_at=a.updated_at)


def envelope(record: Complaint | Activity, revision: int, base_version: int | None,
             forms: UploadForms) -> RecordEnvelope:
    payload = complaint_payload(record, forms) if isinstance(record, Complaint) \
        else activity_payload(record, forms)
    return RecordEnvelope.wrap(record.id, revision, payload, base_version)
