"""Services layer: exports of complaints and activities as CSV, XLSX or JSON.

Field names are those of DOMAIN.md's data dictionary. Complaints come already in their exported
form (`ComplaintService.iter_export`, built by `export_rows`: an anonymous reporter's identity
never leaves in an export). Files are written under a temporary name and renamed when complete.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from kim_desktop.domain.errors import InvalidInput
from kim_desktop.domain.models import Activity, activity_to_dict

FORMATS = ("csv", "xlsx", "json")

COMPLAINT_COLUMNS = [
    "id", "tracking_no", "kind", "title", "body", "incident_date", "village_code",
    "location_detail", "latitude", "longitude", "category_code", "agency_code",
    "reporter.name", "reporter.nik", "reporter.phone", "reporter.email", "reporter.address",
    "reporter.gender", "reporter.birth_year", "anonymous", "confidential", "consent", "channel",
    "activity_id", "attachments", "status", "lapor_tracking_id", "lapor_status_raw",
    "review_note", "revision", "created_at", "updated_at", "recorded_by", "device_id"]

ACTIVITY_COLUMNS = [
    "id", "title", "topic", "starts_at", "ends_at", "village_code", "venue", "organizer",
    "facilitators", "summary", "outcomes", "participants_total", "participants_L",
    "participants_P", "participants_unknown", "complaint_ids", "status", "revision",
    "created_at", "updated_at", "recorded_by", "device_id"]

PARTICIPANT_COLUMNS = ["activity_id", "name", "gender", "age", "role", "dusun", "phone"]


# Records are fresh trees of dicts and lists (never circular): no reference-cycle bookkeeping.
_encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


def write_json_array(records: Iterable[dict[str, Any]], f: TextIO) -> int:
    """Write ``records`` as a JSON array, one record per line; returns how many.

    The one JSON writer of ``kim complaint list --json`` and of JSON export files: each record is
    encoded in one call and written whole (``json.dump`` would write it piece by piece).
    """
    n = 0
    f.write("[")
    for d in records:
        f.write(",\n" if n else "\n")
        f.write(_encode(d))
        n += 1
    f.write("\n]\n")
    return n


def _flat_complaint(d: dict[str, Any]) -> dict[str, Any]:
    row = {k: v for k, v in d.items() if k != "reporter"}
    row.update({f"reporter.{k}": v for k, v in d["reporter"].items()})
    row["attachments"] = ";".join(a["filename"] for a in d["attachments"])
    return {k: row.get(k) for k in COMPLAINT_COLUMNS}


def _flat_activity(d: dict[str, Any]) -> dict[str, Any]:
    counts = d["participant_counts"]
    row = dict(d)
    row["facilitators"] = "; ".join(
        f"{f['name']} ({f['institution']})" if f["institution"] else f["name"]
        for f in d["facilitators"])
    row["complaint_ids"] = ";".join(d["complaint_ids"])
    row.update({"participants_total": counts["total"], "participants_L": counts["L"],
                "participants_P": counts["P"], "participants_unknown": counts["unknown"]})
    return {k: row.get(k) for k in ACTIVITY_COLUMNS}


def _atomic_path(out: Path) -> tuple[int, Path]:
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.")
    return fd, Path(tmp)


def _write(out: Path, fmt: str, records: Iterator[dict[str, Any]],
           flat: Any, columns: list[str], extra_sheet: tuple[str, list[str], Any] | None) -> int:
    if fmt not in FORMATS:
        raise InvalidInput(f"format must be one of {', '.join(FORMATS)}")
    fd, tmp = _atomic_path(out)
    n = 0
    try:
        if fmt == "json":
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                n = write_json_array(records, f)
        elif fmt == "csv":
            with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as f:
                w = csv.DictWriter(f, fieldnames=columns)
                w.writeheader()
                for d in records:
                    w.writerow(flat(d))
                    n += 1
        else:
            os.close(fd)
            n = _write_xlsx(tmp, records, flat, columns, extra_sheet)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return n


def _write_xlsx(path: Path, records: Iterable[dict[str, Any]], flat: Any, columns: list[str],
                extra_sheet: tuple[str, list[str], Any] | None) -> int:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("data")
    ws.append(columns)
    extra_rows: list[list[Any]] = []
    n = 0
    for d in records:
        ws.append([_cell(v) for v in flat(d).values()])
        if extra_sheet:
            extra_rows += extra_sheet[2](d)
        n += 1
    if extra_sheet:
        ws2 = wb.create_sheet(extra_sheet[0])
        ws2.append(extra_sheet[1])
        for r in extra_rows:
            ws2.append([_cell(v) for v in r])
    wb.save(path)
    return n


def _cell(v: Any) -> Any:
    return v if v is None or isinstance(v, int | float | str) else str(v)


def export_complaints(records: Iterable[dict[str, Any]], fmt: str, out: Path) -> int:
    """Write complaints in their exported form (`ComplaintService.iter_export`) to ``out``."""
    return _write(out, fmt, iter(records), _flat_complaint, COMPLAINT_COLUMNS, None)


def export_activities(activities: Iterable[Activity], fmt: str, out: Path) -> int:
    def participants(d: dict[str, Any]) -> list[list[Any]]:
        return [[d["id"], p["name"], p["gender"], p["age"], p["role"], p["dusun"], p["phone"]]
                for p in d["participants"]]

    records = (activity_to_dict(a) for a in activities)
    return _write(out, fmt, records, _flat_activity, ACTIVITY_COLUMNS,
                  ("participants", PARTICIPANT_COLUMNS, participants))
