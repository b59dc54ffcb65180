"""Services layer: complaints in their exported form, read in bulk straight from stored rows.

The exported form of a complaint is its data-dictionary dict (laid out by
`domain.models.complaint_dict`, the same as `complaint_to_dict`) with an anonymous reporter's
identity removed. `read_chunk` is the only code that builds it: ``kim complaint list --json``,
``kim complaint show`` and ``kim export complaints`` (JSON, CSV and XLSX) all read through it.

Why not domain objects: an export of the whole store reads ~100,000 complaints and ~755,000
status changes. Parsing every stored UUID and time into a Python object only to format it back as
text, and a SQLAlchemy result row per status change, made up most of the 8.7 s that
``list --json`` took (docs/benchmarks.md). Here each value goes from its stored text straight to
its exported text (`storage.rows.stored_utc_iso` and friends), and the status changes and
attachments of a chunk of complaints are read with one query each, as plain DBAPI tuples.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import ColumnElement, String, literal, select, tuple_, type_coerce
from sqlalchemy.orm import Session

from kim_desktop.domain.enums import Entity
from kim_desktop.domain.models import (
    Reporter,
    attachment_dict,
    complaint_content_dict,
    complaint_dict,
    reporter_dict,
    reporter_to_dict,
    status_change_dict,
)
from kim_desktop.storage.crypto import IDENTITY_COLUMNS
from kim_desktop.storage.rows import (
    ComplaintRow,
    stored_date_iso,
    stored_utc_iso,
    stored_uuid_str,
)

#: Where a walk in export order stands: the last ``(created_at, id)`` read, as stored.
Position = tuple[str, str]

_C = ComplaintRow


def _stored(col: Any) -> ColumnElement[Any]:
    """The column as SQLite holds it: no SQLAlchemy type conversion of what is read."""
    return type_coerce(col, String)


# The columns `_record` unpacks, in this order; the reporter's identity is read through its
# column type, which opens the sealed values (storage.crypto).
_COLUMNS = [c if c.key in IDENTITY_COLUMNS else _stored(c) for c in (
    _C.id, _C.tracking_no, _C.kind, _C.title, _C.body, _C.incident_date, _C.village_code,
    _C.location_detail, _C.latitude, _C.longitude, _C.category_code, _C.agency_code,
    _C.reporter_name, _C.reporter_nik, _C.reporter_phone, _C.reporter_email,
    _C.reporter_address, _C.reporter_gender, _C.reporter_birth_year, _C.anonymous,
    _C.confidential, _C.consent, _C.channel, _C.activity_id, _C.status, _C.lapor_tracking_id,
    _C.lapor_status_raw, _C.review_note, _C.set_aside_reason, _C.revision, _C.created_at,
    _C.updated_at, _C.recorded_by, _C.device_id)]

# Plain SQL over the tables of `storage.rows`, run on the DBAPI cursor (a SQLAlchemy result row
# per status change costs ~0.5 s over the store); ``{marks}`` becomes one ``?`` per id of the
# chunk. Status changes come in index order (ix_status_history_record): no sort step.
_HISTORY_SQL = ("SELECT record_id, status, at, actor, note FROM status_history"
                " WHERE entity = ? AND record_id IN ({marks}) ORDER BY record_id, id")
_ATTACHMENTS_SQL = ("SELECT a.complaint_id, a.filename, b.media_type, b.size, a.sha256"
                    " FROM complaint_attachment AS a JOIN blob AS b ON b.sha256 = a.sha256"
                    " WHERE a.complaint_id IN ({marks}) ORDER BY a.complaint_id, a.position")

Grouped = dict[str, list[dict[str, Any]]]


def read_chunk(s: Session, where: Sequence[ColumnElement[bool]], after: Position | None,
               limit: int) -> tuple[Iterator[dict[str, Any]], Position | None]:
    """Up to ``limit`` complaints matching ``where``, oldest first (``created_at``, then ``id``)
    from just after ``after``: their records in exported form, and the position to continue
    from (None when none was left).

    The rows are read now; each record is built when it is taken, which needs no database (the
    chunk's transaction may be closed by then). Built one at a time just before it is written,
    a record is still in the CPU cache when it is encoded: ~0.25 s less over 100,000 complaints
    than building the whole chunk first.
    """
    stmt = select(*_COLUMNS).where(*where)
    if after is not None:
        stmt = stmt.where(_past(after))
    conn = s.connection()
    rows = conn.execute(stmt.order_by(_C.created_at, _C.id).limit(limit)).all()
    if not rows:
        return iter(()), None
    ids = [r.id for r in rows]
    cursor = conn.connection.cursor()
    try:
        histories = _histories(cursor, ids)
        attachments = _attachments(cursor, ids)
    finally:
        cursor.close()
    records = (_record(r, histories, attachments) for r in rows)
    return records, (rows[-1].created_at, rows[-1].id)


def _past(position: Position) -> ColumnElement[bool]:
    """Rows after ``position`` in export order: a range of ix_complaint_created_id."""
    created_at, cid = position
    return (tuple_(_stored(_C.created_at), _stored(_C.id))
            > tuple_(literal(created_at, String), literal(cid, String)))


def _histories(cursor: Any, ids: list[str]) -> Grouped:
    """Status changes per stored complaint id, oldest first."""
    out: Grouped = defaultdict(list)
    cursor.execute(_HISTORY_SQL.format(marks=",".join("?" * len(ids))),
                   [Entity.COMPLAINT.value, *ids])
    for record_id, status, at, actor, note in cursor.fetchall():
        out[record_id].append(
            status_change_dict(status=status, at=stored_utc_iso(at), actor=actor, note=note))
    return out


def _attachments(cursor: Any, ids: list[str]) -> Grouped:
    """Attachments per stored complaint id, in their order; a link whose blob row is missing is
    left out (as `mapping.attachments` does)."""
    out: Grouped = defaultdict(list)
    cursor.execute(_ATTACHMENTS_SQL.format(marks=",".join("?" * len(ids))), ids)
    for complaint_id, filename, media_type, size, sha256 in cursor.fetchall():
        out[complaint_id].append(
            attachment_dict(filename=filename, media_type=media_type, size=size, sha256=sha256))
    return out


def _record(row: Sequence[Any], histories: Grouped, attachments: Grouped) -> dict[str, Any]:
    (cid, tracking_no, kind, title, body, incident_date, village_code, location_detail,
     latitude, longitude, category_code, agency_code, name, nik, phone, email, address, gender,
     birth_year, anonymous, confidential, consent, channel, activity_id, status,
     lapor_tracking_id, lapor_status_raw, review_note, set_aside_reason, revision, created_at,
     updated_at, recorded_by, device_id) = row
    if anonymous:       # the identity of an anonymous reporter never leaves in an export
        reporter = reporter_to_dict(Reporter())
    else:
        reporter = reporter_dict(name=name, nik=nik, phone=phone, email=email, address=address,
                                 gender=gender, birth_year=birth_year)
    content = complaint_content_dict(
        kind=kind, title=title, body=body, incident_date=stored_date_iso(incident_date),
        village_code=village_code, location_detail=location_detail, latitude=latitude,
        longitude=longitude, category_code=category_code, agency_code=agency_code,
        reporter=reporter, anonymous=bool(anonymous), confidential=bool(confidential),
        consent=bool(consent), channel=channel,
        activity_id=stored_uuid_str(activity_id) if activity_id else None)
    return complaint_dict(
        id=stored_uuid_str(cid), tracking_no=tracking_no, content=content,
        attachments=attachments.get(cid) or [], status=status,
        status_history=histories.get(cid) or [], lapor_tracking_id=lapor_tracking_id,
        lapor_status_raw=lapor_status_raw, review_note=review_note,
        set_aside_reason=set_aside_reason, revision=revision,
        created_at=stored_utc_iso(created_at), updated_at=stored_utc_iso(updated_at),
        recorded_by=recorded_by, device_id=device_id)
