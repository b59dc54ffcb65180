"""Services layer: the store at a glance (counts per status, backlog, last sync)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from kim_desktop.services.base import ServiceContext
from kim_desktop.services.outbox import backlog
from kim_desktop.storage.db import transaction
from kim_desktop.storage.rows import ActivityRow, ComplaintRow, OutboxRow, SyncStateRow


@dataclass(frozen=True)
class StoreStatus:
    complaints: dict[str, int]
    activities: dict[str, int]
    backlog: dict[str, int]          # outbox entries not done, by state
    oldest_unsent_at: datetime | None
    last_sync_at: datetime | None
    last_attempt_at: datetime | None
    last_error_code: str | None
    clock_offset_seconds: float | None


class StatusService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def status(self) -> StoreStatus:
        with transaction(self._ctx.sessions) as s:
            def counts(row: type[ComplaintRow] | type[ActivityRow]) -> dict[str, int]:
                return dict(s.execute(select(row.status, func.count())
                                      .where(row.deleted.is_(False))
                                      .group_by(row.status)).tuples().all())

            st = s.get(SyncStateRow, 1)
            oldest = s.scalar(select(func.min(OutboxRow.created_at))
                              .where(OutboxRow.state.in_(("pending", "sending"))))
            return StoreStatus(
                counts(ComplaintRow), counts(ActivityRow), backlog(s), oldest,
                st.last_success_at if st else None, st.last_attempt_at if st else None,
                st.last_error_code if st else None, st.clock_offset_seconds if st else None)
