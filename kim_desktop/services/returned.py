"""Services layer: the village's "Perlu perbaikan" inbox: complaints and sessions the district
returned for correction, with the district's note and when it was returned, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from sqlalchemy import func, select

from kim_desktop.domain.enums import Entity, Status
from kim_desktop.services.base import ServiceContext
from kim_desktop.storage.db import transaction
from kim_desktop.storage.rows import ActivityRow, ComplaintRow, StatusHistoryRow


@dataclass(frozen=True)
class ReturnedItem:
    """One record waiting for the village's correction."""

    entity: Entity
    id: UUID
    title: str
    tracking_no: str          # "" for a session
    note: str
    returned_at: datetime


class ReturnedService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def items(self) -> list[ReturnedItem]:
        """Every live record in status returned, newest return first."""
        with transaction(self._ctx.sessions) as s:
            out: list[ReturnedItem] = []
            for entity, table in ((Entity.COMPLAINT, ComplaintRow), (Entity.ACTIVITY, ActivityRow)):
                when = (select(StatusHistoryRow.record_id,
                               func.max(StatusHistoryRow.at).label("at"))
                        .where(StatusHistoryRow.entity == entity.value,
                               StatusHistoryRow.status == Status.RETURNED.value)
                        .group_by(StatusHistoryRow.record_id).subquery())
                stmt = (select(table, when.c.at)
                        .outerjoin(when, when.c.record_id == table.id)
                        .where(table.status == Status.RETURNED.value, table.deleted.is_(False)))
                for row, at in s.execute(stmt):
                    out.append(ReturnedItem(
                        entity, row.id, row.title, getattr(row, "tracking_no", "") or "",
                        row.review_note or "", at or row.updated_at))
            out.sort(key=lambda i: (i.returned_at, str(i.id)), reverse=True)
            return out

    def count(self) -> int:
        with transaction(self._ctx.sessions) as s:
            return sum(s.scalar(select(func.count()).select_from(table).where(
                table.status == Status.RETURNED.value, table.deleted.is_(False))) or 0
                for table in (ComplaintRow, ActivityRow))
