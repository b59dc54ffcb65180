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

    def items(self, limit: int | None = None) -> list[ReturnedItem]:
        """Live records in status returned, newest return first (the newest ``limit``)."""
        with transaction(self._ctx.sessions) as s:
            out: list[ReturnedItem] = []
            for entity, table in ((Entity.COMPLAINT, ComplaintRow), (Entity.ACTIVITY, ActivityRow)):
                # per returned record, its latest return (the history index by entity and
                # record): never a pass over the whole history of a big store
                when = (select(func.max(StatusHistoryRow.at))
                        .where(StatusHistoryRow.entity == entity.value,
                               StatusHistoryRow.record_id == table.id,
                               StatusHistoryRow.status == Status.RETURNED.value)
                        .correlate(table).scalar_subquery())
                stmt = (select(table, when)
                        .where(table.status == Status.RETURNED.value, table.deleted.is_(False))
                        .order_by(when.desc()).limit(limit))
                for row, at in s.execute(stmt):
                    out.append(ReturnedItem(
                        entity, row.id, row.title, getattr(row, "tracking_no", "") or "",
                        row.review_note or "", at or row.updated_at))
            out.sort(key=lambda i: (i.returned_at, str(i.id)), reverse=True)
            return out[:limit] if limit is not None else out

    def count(self) -> int:
        with transaction(self._ctx.sessions) as s:
            return sum(s.scalar(select(func.count()).select_from(table).where(
                table.status == Status.RETURNED.value, table.deleted.is_(False))) or 0
                for table in (ComplaintRow, ActivityRow))
