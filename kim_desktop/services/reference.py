"""Services layer: reference data in the store (seeded from ``resources/data``, updated by the hub)
and the working-day calendar (national holidays plus district-added days).

The store keeps a ``has_kim`` mark per village: set by the villages list the district publishes
through the hub (its ``has_kim`` column). A list that does not say (a blank value, or the shipped
list without the column) keeps the mark a village already had, so reloading the lists never
loses what the district published; an unmarked village is one not known to have a KIM."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kim_desktop.domain.deadlines import WorkingCalendar, indonesian_calendar
from kim_desktop.domain.reference import (
    Agency,
    Category,
    ReferenceData,
    Region,
    load_reference_dir,
)
from kim_desktop.services.base import ServiceContext
from kim_desktop.storage.db import transaction
from kim_desktop.storage.rows import AgencyRow, CategoryRow, HolidayRow, RegionRow


class ReferenceService:
    def __init__(self, ctx: ServiceContext, seed_dir: Path) -> None:
        self._ctx, self._seed_dir = ctx, seed_dir
        self._cache: ReferenceData | None = None

    def ensure_seeded(self) -> None:
        """Load the shipped CSV files into an empty store."""
        with transaction(self._ctx.sessions) as s:
            if s.scalar(select(func.count()).select_from(RegionRow)):
                return
            refs = load_reference_dir(self._seed_dir)
            self._write(s, refs)

    def replace(self, refs: ReferenceData) -> None:
        """Replace all reference lists (a reference update from the hub)."""
        with transaction(self._ctx.sessions) as s:
            for table in (CategoryRow, AgencyRow):
                s.query(table).delete()
            self._write(s, refs)
        self._cache = None

    @staticmethod
    def _write(s: Session, refs: ReferenceData) -> None:
        replace_regions(s, refs.regions.values())
        s.add_all(CategoryRow(code=c.code, name=c.name, parent_code=c.parent_code)
                  for c in refs.categories.values())
        s.add_all(AgencyRow(code=a.code, name=a.name, short_name=a.short_name, active=a.active)
                  for a in refs.agencies.values())

    def data(self) -> ReferenceData:
        if self._cache is None:
            with transaction(self._ctx.sessions) as s:
                self._cache = ReferenceData.build(
                    (Region(r.code, r.name, r.level, r.parent_code, True if r.has_kim else None)
                     for r in s.scalars(select(RegionRow))),
                    (Category(c.code, c.name, c.parent_code)
                     for c in s.scalars(select(CategoryRow))),
                    (Agency(a.code, a.name, a.short_name, a.active)
                     for a in s.scalars(select(AgencyRow))))
        return self._cache

    def invalidate(self) -> None:
        """Forget cached lists (after the hub sent new reference data)."""
        self._cache = None

    def district_holidays(self) -> list[tuple[date, str]]:
        with transaction(self._ctx.sessions) as s:
            return [(h.day, h.name) for h in s.scalars(select(HolidayRow).order_by(HolidayRow.day))]

    def set_district_holidays(self, days: list[tuple[date, str]]) -> None:
        with transaction(self._ctx.sessions) as s:
            s.query(HolidayRow).delete()
            s.add_all(HolidayRow(day=d, name=n) for d, n in days)

    def calendar(self) -> WorkingCalendar:
        year = self._ctx.today().year
        extra = [d for d, _ in self.district_holidays()]
        return indonesian_calendar(range(year - 1, year + 2), extra)


def replace_regions(s: Session, regions: Iterable[Region]) -> None:
    """Replace the wilayah list in the store. A region whose ``has_kim`` is known takes it; one
    whose value is not known keeps the mark it had."""
    marked = set(s.scalars(select(RegionRow.code).where(RegionRow.has_kim.is_(True))))
    s.query(RegionRow).delete()
    s.add_all(RegionRow(code=r.code, name=r.name, level=r.level, parent_code=r.parent_code,
                        has_kim=r.has_kim if r.has_kim is not None else r.code in marked)
              for r in regions)
