"""Hub layer: the district dashboard (counts by kecamatan, village, category, status and month,
socialization coverage) and the rows of its export.

Complaints count once, at their latest revision (``current_records``), by the WITA date they
first reached the district; the category is the reviewer's when one was set, else the village's.
The counts come from one grouped SQL query (village × status × category × month) folded in Python,
so the database reads each complaint once. Sessions (activities that were not rejected) count by
their own WITA start date. A *KIM village* is one the district published as having a KIM (the
``has_kim`` column of `kim-hub reference import`); while it has published no such list, a village
with an enrolled, not revoked operator desk. ``coverage.kim_basis`` says which (``published`` or
``enrolled``): data the hub holds and the district changes, never a list in code. Names come from
the reference data shipped with the hub; codes are the keys (names repeat).

Reporter identity never appears here: neither in the counts nor in the export rows.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, func, literal_column, select

from kim_desktop.domain.deadlines import WITA, wita_date
from kim_desktop.domain.enums import Status
from kim_desktop.domain.reference import ReferenceData, load_reference_dir
from sync.protocol import ErrorCode
from sync.server.db import Database
from sync.server.errors import HubError
from sync.server.facts import ensure_current, facts_join
from sync.server.models import (
    CurrentRecordRow,
    DeviceRow,
    RecordRow,
    ReportFactRow,
    ReviewClassRow,
)
from sync.server.overdue import (
    OverdueFinder,
    calendar_for,
    current_revision_join,
    due_dates,
    kind_of,
    late_clause,
)
from sync.server.payload_check import RESOURCES
from sync.server.reference_import import published_kim_villages
from sync.server.settings import Clock

#: villages whose last session is older than this many days are listed under coverage
NO_SESSION_DAYS = 90
STATUS_ORDER = [s.value for s in Status]


@lru_cache(maxsize=1)
def shipped_reference() -> ReferenceData:
    return load_reference_dir(RESOURCES)


@dataclass(frozen=True)
class ReportFilter:
    date_from: date | None = None
    date_to: date | None = None
    kecamatan_code: str | None = None


def _midnight(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, tzinfo=WITA)


class ReportQueries:
    def __init__(self, db: Database, *, clock: Clock,
                 refs: ReferenceData | None = None) -> None:
        self._db, self._clock = db, clock
        self._refs = refs or shipped_reference()

    # --- filters ------------------------------------------------------------------------------

    def _villages_of(self, kecamatan_code: str) -> list[str]:
        kec = self._refs.regions.get(kecamatan_code)
        if kec is None or kec.level != "kecamatan":
            raise HubError(422, ErrorCode.INVALID_REQUEST,
                           "kecamatan_code: not a kecamatan of the wilayah list")
        return [r.code for r in self._refs.villages() if r.parent_code == kecamatan_code]

    def _where(self, f: ReportFilter) -> list[ColumnElement[bool]]:
        """SQL conditions on `ReportFactRow` for the filter (dates: first receipt, WITA)."""
        if f.date_from and f.date_to and f.date_from > f.date_to:
            raise HubError(422, ErrorCode.INVALID_REQUEST,
                           "date_from: must not be after date_to")
        c = ReportFactRow
        where: list[ColumnElement[bool]] = []
        if f.date_from:
            where.append(c.first_received_at >= _midnight(f.date_from))
        if f.date_to:
            where.append(c.first_received_at < _midnight(f.date_to + timedelta(days=1)))
        if f.kecamatan_code:
            where.append(c.village_code.in_(self._villages_of(f.kecamatan_code)))
        return where

    def _month(self) -> ColumnElement[str]:
        """SQL: ``YYYY-MM`` of the first receipt, on the WITA calendar (constants inline, so
        that PostgreSQL sees the same expression in SELECT and GROUP BY)."""
        at = ReportFactRow.first_received_at
        if self._db.dialect == "postgresql":
            return func.to_char(func.timezone(literal_column("'Asia/Makassar'"), at),
                                literal_column("'YYYY-MM'"))
        return func.strftime(literal_column("'%Y-%m'"), at, literal_column("'+8 hours'"))

    # --- names ----------------------------------------------------------------------------------

    def _kecamatan_code(self, village_code: str) -> str:
        r = self._refs.regions.get(village_code)
        return r.parent_code if r and r.parent_code else village_code.rsplit(".", 1)[0]

    def _name(self, code: str) -> str:
        r = self._refs.regions.get(code)
        return r.name if r else code

    def _category_name(self, code: str) -> str:
        return self._refs.category_label(code) if code else ""

    # --- the summary ----------------------------------------------------------------------------

    def summary(self, f: ReportFilter) -> dict[str, Any]:
        where = self._where(f)
        ensure_current(self._db)
        c = ReportFactRow
        today, calendar = OverdueFinder(self._db, clock=self._clock).today_and_calendar()
        month = self._month()
        complaints = select().select_from(c).where(c.entity == "complaint", *where)
        by_village: Counter[str] = Counter()
        by_status: Counter[str] = Counter()
        with self._db.reads() as s:
            for village, status, n in s.execute(
                    complaints.add_columns(c.village_code, c.status, func.count())
                    .group_by(c.village_code, c.status)):
                by_village[village] += n
                by_status[status] += n
            by_month = Counter(dict(s.execute(complaints.add_columns(month, func.count())
                                              .group_by(month)).tuples().all()))
            village_category = func.coalesce(c.category_code, literal_column("''"))
            by_category = Counter(dict(s.execute(
                complaints.add_columns(village_category, func.count())
                .group_by(village_category)).tuples().all()))
            # the reviewer's category replaces the village's (few rows: applied on top)
            for old, new in s.execute(complaints.add_columns(
                    village_category, ReviewClassRow.category_code)
                    .join(ReviewClassRow, ReviewClassRow.record_id == c.record_id)
                    .where(ReviewClassRow.category_code.is_not(None))).tuples():
                by_category[old] -= 1
                by_category[new] += 1
            overdue = s.scalar(complaints.add_columns(func.count())
                               .where(late_clause(today, calendar))) or 0
        by_kecamatan: Counter[str] = Counter()
        for village, n in by_village.items():
            by_kecamatan[self._kecamatan_code(village)] += n
        return {
            "total": sum(by_village.values()),
            "by_kecamatan": [{"code": k, "name": self._name(k), "count": n}
                             for k, n in sorted(by_kecamatan.items())],
            "by_village": [{"code": v, "name": self._name(v),
                            "kecamatan_code": self._kecamatan_code(v), "count": n}
                           for v, n in sorted(by_village.items())],
            "by_category": [{"code": k, "name": self._category_name(k), "count": n}
                            for k, n in sorted(by_category.items(),
                                               key=lambda kv: (-kv[1], kv[0])) if n > 0],
            "by_status": [{"status": st, "count": by_status[st]}
                          for st in sorted(by_status, key=_status_rank)],
            "by_month": [{"month": m, "count": n} for m, n in sorted(by_month.items())],
            "overdue": overdue,
            "coverage": self._coverage(f, today),
        }

    def _coverage(self, f: ReportFilter, today: date) -> dict[str, Any]:
        """Sessions and participants by kecamatan and village (by session date); KIM villages
        without a session in the last `NO_SESSION_DAYS` days (whatever the date filter)."""
        c = facts = ReportFactRow
        villages = self._villages_of(f.kecamatan_code) if f.kecamatan_code else None
        sessions = (select().select_from(facts)
                    .where(c.entity == "activity", c.status != "rejected"))
        kim = select(DeviceRow.village_code).where(DeviceRow.role == "operator",
                                                   DeviceRow.revoked_at.is_(None)).distinct()
        if villages is not None:
            sessions = sessions.where(c.village_code.in_(villages))
            kim = kim.where(DeviceRow.village_code.in_(villages))
        published = published_kim_villages(self._db)
        in_range = sessions
        if f.date_from:
            in_range = in_range.where(facts.session_date >= f.date_from)
        if f.date_to:
            in_range = in_range.where(facts.session_date <= f.date_to)
        with self._db.reads() as s:
            per_village = s.execute(in_range.add_columns(
                c.village_code, func.count(), func.sum(facts.participants),
                func.sum(facts.participants_l), func.sum(facts.participants_p))
                .group_by(c.village_code)).all()
            last = dict(s.execute(sessions.add_columns(c.village_code,
                                                       func.max(facts.session_date))
                                  .group_by(c.village_code)).tuples().all())
            kim_villages = sorted(s.scalars(kim)) if published is None else sorted(
                v for v in published if villages is None or v in villages)
        per_kec: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        men = women = 0
        for village, n, people, n_l, n_p in per_village:
            k = per_kec[self._kecamatan_code(village)]
            k[0] += n
            k[1] += people or 0
            men, women = men + (n_l or 0), women + (n_p or 0)
        quiet_since = today - timedelta(days=NO_SESSION_DAYS)
        return {
            "sessions_by_kecamatan": [{"code": k, "name": self._name(k), "sessions": v[0],
                                       "participants": v[1]} for k, v in sorted(per_kec.items())],
            "sessions_by_village": [{"code": v, "name": self._name(v),
                                     "kecamatan_code": self._kecamatan_code(v),
                                     "sessions": n, "participants": people or 0}
                                    for v, n, people, _, _ in sorted(per_village)],
            "participants_by_gender": {"L": men, "P": women},
            "kim_basis": "enrolled" if published is None else "published",
            "kim_villages_without_session_90d": [
                {"code": v, "name": self._name(v),
                 "kecamatan_name": self._name(self._kecamatan_code(v)),
                 "last_session": last.get(v)}
                for v in kim_villages if last.get(v) is None or last[v] < quiet_since],
        }

    # --- the export -----------------------------------------------------------------------------

    def export_rows(self, f: ReportFilter) -> Iterator[dict[str, Any]]:
        """The complaints of the report, one row each, oldest first; never reporter identity."""
        where = self._where(f)
        c = CurrentRecordRow
        p = RecordRow.payload
        today = wita_date(self._clock())
        ensure_current(self._db)
        with self._db.reads() as s:
            rows = s.execute(
                select(c.tracking_no, c.entity, c.status, c.status_at, c.first_received_at,
                       c.village_code, c.lapor_tracking_id, c.lapor_status_raw, kind_of(),
                       p["created_at"].as_string(), p["incident_date"].as_string(),
                       p["category_code"].as_string(), p["agency_code"].as_string(),
                       ReviewClassRow.category_code, ReviewClassRow.agency_code)
                .join(RecordRow, current_revision_join())
                .join(ReportFactRow, facts_join())
                .outerjoin(ReviewClassRow, ReviewClassRow.record_id == c.id)
                .where(c.entity == "complaint", *where)
                .order_by(c.first_received_at, c.id)).all()
        first = min((wita_date(r.first_received_at).year for r in rows), default=today.year)
        calendar = calendar_for(min(first, today.year - 1), today.year + 1)
        for r in rows:
            (tracking_no, entity, status, status_at, received, village, lapor_id, lapor_raw,
             kind, created, incident, cat, agency, cat_set, agency_set) = r
            category, agency_code = cat_set or cat or "", agency_set or agency or ""
            due = due_dates(calendar, entity=entity, status=status, kind=kind,
                            first_received_at=received, status_at=status_at)
            kec = self._kecamatan_code(village)
            yield {
                "tracking_no": tracking_no or "", "kind": kind or "",
                "created_date": _wita_day(created), "incident_date": incident or "",
                "received_date": wita_date(received).isoformat(),
                "village_code": village, "village_name": self._name(village),
                "kecamatan_code": kec, "kecamatan_name": self._name(kec),
                "category_code": category, "category_name": self._category_name(category),
                "agency_code": agency_code,
                "agency_name": (self._refs.agencies[agency_code].name
                                if agency_code in self._refs.agencies else agency_code),
                "status": status, "status_date": wita_date(status_at).isoformat(),
                "lapor_tracking_id": lapor_id or "", "lapor_status_raw": lapor_raw or "",
                **{f"due_{k}": (due[k].isoformat() if k in due else "") for k in DUE_KEYS},
                "overdue": ",".join(k for k in DUE_KEYS if k in due and today > due[k]),
            }


DUE_KEYS = ("verify", "information", "resolution", "follow_up", "auto_close")
EXPORT_COLUMNS = (
    "tracking_no", "kind", "created_date", "incident_date", "received_date", "village_code",
    "village_name", "kecamatan_code", "kecamatan_name", "category_code", "category_name",
    "agency_code", "agency_name", "status", "status_date", "lapor_tracking_id",
    "lapor_status_raw", *(f"due_{k}" for k in DUE_KEYS), "overdue")


def _status_rank(status: str) -> tuple[int, str]:
    return (STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER), status)


def _wita_day(stamp: str | None) -> str:
    """The WITA date of an ISO timestamp from a payload, or "" when there is none."""
    if not stamp:
        return ""
    try:
        return wita_date(datetime.fromisoformat(stamp)).isoformat()
    except ValueError:
        return ""
