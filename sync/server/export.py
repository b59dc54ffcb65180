"""Hub layer: exports of stored complaints and activities (``kim-hub export``) as JSON or CSV.

Each record appears once, at its latest revision, with the field names of the data dictionary
(DOMAIN.md) plus its review state. For an anonymous complaint the reporter's identity is emptied:
an export is something that leaves the hub.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kim_desktop.domain.models import Participant, gender_counts
from sync.protocol import ReporterPayload
from sync.server.records import RecordQueries, StoredRecord

ENTITIES = ("complaints", "activities")
FORMATS = ("csv", "json")

_REPORTER_FIELDS = tuple(ReporterPayload.model_fields)
_COMPLAINT_COLUMNS = (
    "id", "tracking_no", "kind", "title", "body", "incident_date", "village_code",
    "location_detail", "latitude", "longitude", "category_code", "agency_code",
    *(f"reporter.{f}" for f in _REPORTER_FIELDS), "anonymous", "confidential", "consent",
    "channel", "activity_id", "attachments", "status", "lapor_tracking_id", "lapor_status_raw",
    "revision", "created_at", "updated_at", "recorded_by", "device_id", "received_at")
_ACTIVITY_COLUMNS = (
    "id", "title", "topic", "starts_at", "ends_at", "village_code", "venue", "organizer",
    "facilitators", "summary", "outcomes", "participant_counts.L", "participant_counts.P",
    "participant_counts.unknown", "participant_counts.total", "complaint_ids", "attachments",
    "status", "revision", "created_at", "updated_at", "recorded_by", "device_id", "received_at")


def _bookkeeping(r: StoredRecord) -> dict[str, Any]:
    return {"status": r.status, "status_history": r.status_history, "revision": r.revision,
            "device_id": r.device_id, "server_version": r.server_version,
            "received_at": r.received_at.isoformat()}


def complaint_document(r: StoredRecord) -> dict[str, Any]:
    """A complaint as exported (data-dictionary names; identity stripped when anonymous)."""
    p = dict(r.payload)
    if p.get("anonymous"):
        p["reporter"] = dict.fromkeys(_REPORTER_FIELDS)
    doc: dict[str, Any] = {"id": str(r.id), "tracking_no": p.pop("tracking_no", None)}
    doc.update(p)
    doc.update(_bookkeeping(r))
    doc.update({"lapor_tracking_id": r.lapor_tracking_id, "lapor_status_raw": r.lapor_status_raw})
    return doc


def activity_document(r: StoredRecord) -> dict[str, Any]:
    p = dict(r.payload)
    people = [Participant(name=x.get("name") or "", gender=x.get("gender") or "")
              for x in p.get("participants", [])]
    doc: dict[str, Any] = {"id": str(r.id)}
    doc.update(p)
    doc["participant_counts"] = gender_counts(people)
    doc.update(_bookkeeping(r))
    return doc


def _flat(doc: dict[str, Any], columns: Iterable[str]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for col in columns:
        head, _, sub = col.partition(".")
        value = doc.get(head)
        if sub:
            value = (value or {}).get(sub)
        elif head == "attachments":
            value = "; ".join(a["filename"] for a in value or [])
        elif head == "facilitators":
            value = "; ".join(f"{f['name']} ({f['institution']})" if f.get("institution")
                              else f["name"] for f in value or [])
        elif head == "complaint_ids":
            value = "; ".join(value or [])
        row[col] = "" if value is None else value
    return row


def render(entity: str, fmt: str, records: Iterable[StoredRecord]) -> str:
    to_doc = complaint_document if entity == "complaints" else activity_document
    docs = [to_doc(r) for r in records]
    if fmt == "json":
        return json.dumps(docs, ensure_ascii=False, indent=2) + "\n"
    columns = _COMPLAINT_COLUMNS if entity == "complaints" else _ACTIVITY_COLUMNS
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(_flat(d, columns) for d in docs)
    return buf.getvalue()


def export(records: RecordQueries, entity: str, fmt: str, out: Path) -> int:
    """Write ``entity`` (complaints|activities) as ``fmt`` to ``out``; returns the count."""
    stored = list(records.current_records("complaint" if entity == "complaints" else "activity"))
    text = render(entity, fmt, stored)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(text, encoding="utf-8", newline="")
    os.replace(tmp, out)
    return len(stored)
