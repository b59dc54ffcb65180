"""Hub layer: reference-data updates (villages, LAPOR! categories, agencies, district holidays)
loaded by ``kim-hub reference import FILE…`` and published to every device through the feed.

Each file is a CSV in the format of ``resources/data`` (UTF-8, header line first); its header
tells which list it is:

* regions (wilayah): ``code,name,level,parent_code`` (optional ``has_kim``: whether the village
  has a KIM, ``1/0``, ``ya/tidak`` or ``true/false``; blank: not known)
* categories: ``code,name,parent_code``
* agencies: ``code,name,short_name`` (optional ``active`` 1/0; other columns are ignored)
* holidays (district-added days off): ``date,name`` with ``date`` as YYYY-MM-DD

A file is the whole list: devices replace their list with it. Every row of every file is checked
first; one bad row refuses the whole import with the file, line, field and rule named, and
nothing is published. The files are then published in one transaction, so devices see all of
them or none. What was published last is the hub's current reference data (`current_reference`).

The district's KIM list is the ``has_kim`` column: a village whose value is blank (or a file
without the column) keeps the value published before for it, so republishing the list to fix a
name does not lose it (`published_kim_villages`).
"""

from __future__ import annotations

import csv
import io
import logging
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from kim_desktop.domain.problems import Problem
from kim_desktop.domain.reference import Agency, Category, ReferenceData, Region, parse_has_kim
from sync.protocol import RecordEnvelope
from sync.server.db import Database
from sync.server.feed import append
from sync.server.identity import ALL_SCOPE
from sync.server.models import ChangeRow, CurrentRecordRow, DeviceRow
from sync.server.payload_check import ContentRules
from sync.server.settings import Clock, PayloadCheck

log = logging.getLogger(__name__)

HEADERS: dict[str, tuple[str, ...]] = {
    "regions": ("code", "name", "level", "parent_code"),
    "agencies": ("code", "name", "short_name"),
    "categories": ("code", "name", "parent_code"),
    "holidays": ("date", "name"),
}
#: how many dot-separated parts a region code of each level has
LEVEL_PARTS = {"provinsi": 1, "kabupaten": 2, "kecamatan": 3, "desa": 4, "kelurahan": 4}
_REGION_CODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*$")
_NAME_MAX = 200


class ReferenceFileInvalid(ValueError):
    """A file that cannot be published; the message names the file, line, field and rule."""


@dataclass(frozen=True)
class ReferenceUpdate:
    dataset: str
    source: Path
    rows: list[dict[str, Any]]


def _kind(header: Sequence[str]) -> str | None:
    names = set(header)
    for dataset in ("regions", "agencies", "categories", "holidays"):
        if set(HEADERS[dataset]) <= names:
            return dataset
    return None


class _Rows:
    """Reads one file and raises `ReferenceFileInvalid` that names the file and line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as e:
            raise ReferenceFileInvalid(f"{path.name}: the file is not UTF-8 text") from e
        except OSError as e:
            raise ReferenceFileInvalid(f"{path.name}: cannot be read ({e.strerror})") from e
        reader = csv.DictReader(io.StringIO(text, newline=""))
        header = [h.strip() for h in reader.fieldnames or []]
        reader.fieldnames = header
        dataset = _kind(header)
        if dataset is None:
            expected = "; ".join(f"{k}: {','.join(v)}" for k, v in HEADERS.items())
            raise ReferenceFileInvalid(
                f"{path.name} line 1: header: unknown columns {','.join(header) or '(none)'}; "
                f"expected one of {expected}")
        self.dataset = dataset
        self.rows: list[tuple[int, dict[str, str]]] = []
        for row in reader:
            if None in row:
                raise ReferenceFileInvalid(f"{path.name} line {reader.line_num}: more values "
                                           "than columns")
            self.rows.append((reader.line_num,
                              {k: (v or "").strip() for k, v in row.items()}))
        if not self.rows:
            raise ReferenceFileInvalid(f"{path.name}: no rows; a reference file is the whole "
                                       "list and cannot be empty")

    def fail(self, line: int, field: str, rule: str) -> ReferenceFileInvalid:
        return ReferenceFileInvalid(f"{self.path.name} line {line}: {field}: {rule}")

    def required(self, line: int, row: dict[str, str], field: str) -> str:
        value = row.get(field, "")
        if not value:
            raise self.fail(line, field, "is required")
        if len(value) > _NAME_MAX:
            raise self.fail(line, field, f"longer than {_NAME_MAX} characters")
        return value

    def unique(self, seen: dict[str, int], key: str, line: int, field: str) -> None:
        if key in seen:
            raise self.fail(line, field, f"{key!r} repeats line {seen[key]}")
        seen[key] = line


def _regions(f: _Rows) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for line, r in f.rows:
        code = f.required(line, r, "code")
        if not _REGION_CODE.match(code):
            raise f.fail(line, "code", f"{code!r} is not a Kemendagri code like 73.24.04.2010")
        level = f.required(line, r, "level")
        if level not in LEVEL_PARTS:
            raise f.fail(line, "level", f"{level!r} is not one of {', '.join(LEVEL_PARTS)}")
        if code.count(".") + 1 != LEVEL_PARTS[level]:
            raise f.fail(line, "code", f"{code!r} does not have the form of a {level} code")
        parent = r.get("parent_code") or None
        if parent is not None and not code.startswith(parent + "."):
            raise f.fail(line, "parent_code", f"{parent!r} does not contain {code!r}")
        f.unique(seen, code, line, "code")
        try:
            has_kim = parse_has_kim(r.get("has_kim", ""), level)
        except ValueError as e:
            raise f.fail(line, "has_kim", str(e)) from None
        out.append({"code": code, "name": f.required(line, r, "name"), "level": level,
                    "parent_code": parent, "has_kim": has_kim})
    codes = {row["code"] for row in out}
    for (line, _), region in zip(f.rows, out, strict=True):
        if region["parent_code"] and region["parent_code"] not in codes:
            raise f.fail(line, "parent_code", f"{region['parent_code']!r} is not in the file")
    if not any(row["level"] in ("desa", "kelurahan") for row in out):
        raise ReferenceFileInvalid(f"{f.path.name}: no desa or kelurahan rows")
    return out


def _categories(f: _Rows) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for line, r in f.rows:
        code = f.required(line, r, "code")
        if not _SLUG.match(code):
            raise f.fail(line, "code", f"{code!r} must be lower-case words joined by - "
                                       "(a sub-category: parent/child)")
        f.unique(seen, code, line, "code")
        out.append({"code": code, "name": f.required(line, r, "name"),
                    "parent_code": r.get("parent_code") or None})
    for (line, _), c in zip(f.rows, out, strict=True):
        if c["parent_code"] and c["parent_code"] not in seen:
            raise f.fail(line, "parent_code", f"{c['parent_code']!r} is not in the file")
    return out


def _agencies(f: _Rows) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for line, r in f.rows:
        code = f.required(line, r, "code")
        if not _SLUG.match(code) or "/" in code:
            raise f.fail(line, "code", f"{code!r} must be lower-case words joined by -")
        f.unique(seen, code, line, "code")
        active = r.get("active", "") or "1"
        if active not in ("1", "0", "true", "false"):
            raise f.fail(line, "active", f"{active!r} must be 1 or 0")
        name = f.required(line, r, "name")
        out.append({"code": code, "name": name, "short_name": r.get("short_name") or name,
                    "active": active in ("1", "true")})
    return out


def _holidays(f: _Rows) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for line, r in f.rows:
        text = f.required(line, r, "date")
        try:
            day = date.fromisoformat(text)
        except ValueError:
            raise f.fail(line, "date", f"{text!r} is not a date in the form YYYY-MM-DD") from None
        if not 2000 <= day.year <= 2100:
            raise f.fail(line, "date", f"{text!r} is outside 2000-2100")
        f.unique(seen, day.isoformat(), line, "date")
        out.append({"day": day.isoformat(), "name": f.required(line, r, "name")})
    return sorted(out, key=lambda h: str(h["day"]))


_CHECKS = {"regions": _regions, "categories": _categories, "agencies": _agencies,
           "holidays": _holidays}


def read_updates(paths: Sequence[Path]) -> list[ReferenceUpdate]:
    """Read and check every file; raises `ReferenceFileInvalid` on the first bad row."""
    updates: dict[str, ReferenceUpdate] = {}
    for path in paths:
        f = _Rows(path)
        if f.dataset in updates:
            raise ReferenceFileInvalid(f"{path.name}: a second {f.dataset} list in one import "
                                       f"(the first is {updates[f.dataset].source.name})")
        updates[f.dataset] = ReferenceUpdate(f.dataset, path, _CHECKS[f.dataset](f))
    return list(updates.values())


def _villages_in_use(db: Database) -> set[str]:
    with db.reads() as s:
        used = set(s.scalars(select(CurrentRecordRow.village_code).distinct()))
        used |= set(s.scalars(select(DeviceRow.village_code).where(
            DeviceRow.revoked_at.is_(None)).distinct()))
    return used


def publish_updates(db: Database, updates: Sequence[ReferenceUpdate], *, clock: Clock,
                    actor: str = "kim-hub reference import") -> list[int]:
    """Publish the checked lists in one transaction; returns their feed sequence numbers.

    A regions list must keep every village that has a device or records on this hub (their
    records would lose their village), or nothing is published.
    """
    for u in updates:
        if u.dataset == "regions":
            kept = {r["code"] for r in u.rows}
            missing = sorted(_villages_in_use(db) - kept)
            if missing:
                raise ReferenceFileInvalid(
                    f"{u.source.name}: code: village {missing[0]} is missing, but devices or "
                    "records on this hub use it (a village in use cannot be removed)")
    known = published_kim_marks(db)
    now = clock()
    rows = [ChangeRow(scope=ALL_SCOPE, village_code=None, device_id=None, entity=None,
                      record_id=None, kind="reference", status=None, revision=None, at=now,
                      actor=actor, note=u.source.name, lapor_tracking_id=None,
                      lapor_status_raw=None,
                      data={"dataset": u.dataset,
                            "rows": _keep_kim(u.rows, known) if u.dataset == "regions"
                            else u.rows})
            for u in updates]
    with db.writes.begin() as s:
        append(s, rows)
        seqs = [r.seq for r in rows]
    for u, seq in zip(updates, seqs, strict=True):
        log.info("reference published dataset=%s rows=%d seq=%d", u.dataset, len(u.rows), seq)
    return seqs


def _keep_kim(rows: list[dict[str, Any]], known: dict[str, bool]) -> list[dict[str, Any]]:
    """The regions rows with a blank ``has_kim`` taking the value published before."""
    return [{**r, "has_kim": known.get(r["code"])} if r.get("has_kim") is None else r
            for r in rows]


def published_kim_marks(db: Database) -> dict[str, bool]:
    """``has_kim`` of each village the newest published regions list says it of."""
    with db.reads() as s:
        for data in s.scalars(select(ChangeRow.data).where(
                ChangeRow.kind == "reference", ChangeRow.scope == ALL_SCOPE)
                .order_by(ChangeRow.seq.desc())):
            if isinstance(data, dict) and data.get("dataset") == "regions":
                return {str(r["code"]): r["has_kim"] for r in data.get("rows") or []
                        if isinstance(r, dict) and isinstance(r.get("has_kim"), bool)}
    return {}


def published_kim_villages(db: Database) -> set[str] | None:
    """The villages the district published as having a KIM; None while it has published no KIM
    list (no village of the newest regions list says whether it has one)."""
    marks = published_kim_marks(db)
    return {code for code, has_kim in marks.items() if has_kim} if marks else None


def latest_published(db: Database) -> dict[str, list[dict[str, Any]]]:
    """The newest published list of each dataset (reference data shared by all devices)."""
    out: dict[str, list[dict[str, Any]]] = {}
    with db.reads() as s:
        for data in s.scalars(select(ChangeRow.data).where(
                ChangeRow.kind == "reference", ChangeRow.scope == ALL_SCOPE)
                .order_by(ChangeRow.seq.desc())):
            if isinstance(data, dict) and data.get("dataset") not in out:
                out[str(data.get("dataset"))] = list(data.get("rows") or [])
    return out


def current_reference(db: Database, shipped: ReferenceData) -> ReferenceData:
    """The shipped lists with what was published since laid over them."""
    published = latest_published(db)
    regions = ([Region(r["code"], r["name"], r["level"], r.get("parent_code"),
                       r.get("has_kim") if isinstance(r.get("has_kim"), bool) else None)
                for r in published["regions"]] if "regions" in published
               else list(shipped.regions.values()))
    categories = ([Category(c["code"], c["name"], c.get("parent_code"))
                   for c in published["categories"]] if "categories" in published
                  else list(shipped.categories.values()))
    agencies = ([Agency(a["code"], a["name"], a["short_name"], bool(a.get("active", True)))
                 for a in published["agencies"]] if "agencies" in published
                else list(shipped.agencies.values()))
    return ReferenceData.build(regions, categories, agencies)


class PublishedReferenceRules:
    """The hub's content rules against the reference data as last published, so records that
    use a village or category published since are taken. `refresh` reads the feed's newest
    reference ``seq`` (an index lookup) and rebuilds the lists only when it changed; the push
    calls it once per batch, before its write transaction, so checking a record never needs a
    second database connection while the batch holds one."""

    def __init__(self, rules: ContentRules, db: Database, clock: Clock) -> None:
        self._shipped, self._db, self._clock = rules.refs, db, clock
        self._lock = threading.Lock()
        self._seq: int | None = None
        self._rules = rules

    def refresh(self) -> None:
        with self._db.reads() as s:
            seq = s.scalar(select(func.max(ChangeRow.seq)).where(
                ChangeRow.scope == ALL_SCOPE, ChangeRow.kind == "reference"))
        with self._lock:
            if seq != self._seq:
                self._rules = ContentRules(current_reference(self._db, self._shipped),
                                           self._clock)
                self._seq = seq

    def __call__(self, envelope: RecordEnvelope) -> Sequence[Problem]:
        with self._lock:
            rules = self._rules
        return rules(envelope)


def with_published_reference(check: PayloadCheck, db: Database, clock: Clock) -> PayloadCheck:
    """The default content rules made to follow published reference data (a custom check is
    returned as it is)."""
    return PublishedReferenceRules(check, db, clock) if isinstance(check, ContentRules) \
        else check
