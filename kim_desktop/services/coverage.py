"""Services layer: socialization coverage, from the sessions in the local store: sessions and
participants (by gender) per kecamatan and per village, and the villages with a KIM that had no
session in the last days (90 by default).

Which sessions count: every live session that was submitted, whatever the district decided,
except rejected ones; drafts are still being typed and are left out.

Which villages have a KIM: the villages list the district publishes through the hub says so
(its ``has_kim`` column, kept as a mark per village in the store; the shipped reference data does
not say). While no village is marked, the only KIM known for certain is this office's own (its
device profile), and the result says so (``kim_source``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal

from sqlalchemy import func, select

from kim_desktop.domain.deadlines import WITA
from kim_desktop.domain.enums import Status
from kim_desktop.services.base import ServiceContext
from kim_desktop.services.reference import ReferenceService
from kim_desktop.storage.db import transaction
from kim_desktop.storage.rows import ActivityRow, DeviceRow, ParticipantRow

NOT_COUNTED = (Status.DRAFT.value, Status.REJECTED.value)
IDLE_DAYS = 90


@dataclass
class Tally:
    """Sessions and participants of one kecamatan or village."""

    code: str
    name: str
    kecamatan: str = ""                 # a village's kecamatan name
    sessions: int = 0
    male: int = 0
    female: int = 0
    unknown: int = 0
    last_session: datetime | None = None

    @property
    def participants(self) -> int:
        return self.male + self.female + self.unknown


@dataclass(frozen=True)
class IdleVillage:
    code: str
    name: str
    kecamatan: str
    last_session: datetime | None       # None: never


@dataclass(frozen=True)
class Coverage:
    since: date                          # the start of the "recent" window
    per_kecamatan: list[Tally]           # every kecamatan, by name
    per_village: list[Tally]             # villages with at least one session, by name
    idle_kim_villages: list[IdleVillage]
    kim_source: Literal["reference", "device", "none"]
    totals: Tally = field(default_factory=lambda: Tally("", ""))


class CoverageService:
    def __init__(self, ctx: ServiceContext, refs: ReferenceService) -> None:
        self._ctx, self._refs = ctx, refs

    def coverage(self, *, idle_days: int = IDLE_DAYS) -> Coverage:
        refs = self._refs.data()
        since = self._ctx.now() - timedelta(days=idle_days)
        live = (ActivityRow.deleted.is_(False), ActivityRow.status.not_in(NOT_COUNTED))
        with transaction(self._ctx.sessions) as s:
            sessions = s.execute(
                select(ActivityRow.village_code, func.count(), func.max(ActivityRow.starts_at))
                .where(*live).group_by(ActivityRow.village_code)).all()
            people = s.execute(
                select(ActivityRow.village_code, ParticipantRow.gender, func.count())
                .join(ParticipantRow, ParticipantRow.activity_id == ActivityRow.id)
                .where(*live).group_by(ActivityRow.village_code, ParticipantRow.gender)).all()
            recent = set(s.scalars(select(ActivityRow.village_code).distinct()
                                   .where(*live, ActivityRow.starts_at >= since)))
            device = s.get(DeviceRow, 1)
        villages: dict[str, Tally] = {}
        for code, count, last in sessions:
            r, kec = refs.regions.get(code), refs.kecamatan_of(code)
            villages[code] = Tally(code, r.name if r else code, kec.name if kec else "", count,
                                   last_session=last)
        for code, gender, count in people:
            t = villages.setdefault(code, Tally(code, code))
            if gender == "L":
                t.male += count
            elif gender == "P":
                t.female += count
            else:
                t.unknown += count
        kecamatan = {r.code: Tally(r.code, r.name) for r in refs.regions.values()
                     if r.level == "kecamatan"}
        totals = Tally("", "")
        for t in villages.values():
            kec = refs.kecamatan_of(t.code)
            for target in (kecamatan.get(kec.code) if kec else None, totals):
                if target is None:
                    continue
                target.sessions += t.sessions
                target.male, target.female = target.male + t.male, target.female + t.female
                target.unknown += t.unknown
                if t.last_session and (target.last_session is None
                                       or t.last_session > target.last_session):
                    target.last_session = t.last_session
        marked = refs.kim_villages()
        if marked:
            source: Literal["reference", "device", "none"] = "reference"
            kim = marked
        elif device is not None and device.kim_name.strip():
            source, kim = "device", {device.village_code}
        else:
            source, kim = "none", set()
        idle = []
        for code in kim - recent:
            r, kec = refs.regions.get(code), refs.kecamatan_of(code)
            last = villages[code].last_session if code in villages else None
            idle.append(IdleVillage(code, r.name if r else code, kec.name if kec else "", last))
        idle.sort(key=lambda v: (v.kecamatan, v.name))
        return Coverage(
            since=since.astimezone(WITA).date(),
            per_kecamatan=sorted(kecamatan.values(), key=lambda t: t.name),
            per_village=sorted(villages.values(), key=lambda t: t.name),
            idle_kim_villages=idle, kim_source=source, totals=totals)
