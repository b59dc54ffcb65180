"""Services layer: the store at a glance (counts per status, backlog, last sync), and the
sync health this device reports to the hub (`StatusService.sync_health`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from kim_desktop.services.base import ServiceContext
from kim_desktop.services.outbox import PENDING, SENDING, SET_ASIDE, backlog
from kim_desktop.storage.db import transaction
from kim_desktop.storage.rows import (
    ActivityRow,
    ComplaintRow,
    OutboxRow,
    SyncRunRow,
    SyncStateRow,
)


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


@dataclass(frozen=True)
class SyncHealth:
    """What this device tells the hub about itself: counts, times and an error code only."""

    pending: int                     # outbox entries not sent yet (pending or sending)
    set_aside: int                   # entries the hub refused, waiting for a correction here
    oldest_pending_at: datetime | None
    last_error: str | None           # the error code of the most recent failed sync run
    last_error_at: datetime | None


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
                              .where(OutboxRow.state.in_((PENDING, SENDING))))
            return StoreStatus(
                counts(ComplaintRow), counts(ActivityRow), backlog(s), oldest,
                st.last_success_at if st else None, st.last_attempt_at if st else None,
                st.last_error_code if st else None, st.clock_offset_seconds if st else None)

    def sync_health(self) -> SyncHealth:
        """The outbox backlog and the most recent failed sync run, for the hub's health view."""
        with transaction(self._ctx.sessions) as s:
            counts = backlog(s)
            oldest = s.scalar(select(func.min(OutboxRow.created_at))
                              .where(OutboxRow.state.in_((PENDING, SENDING))))
            failed = s.scalars(select(SyncRunRow).where(SyncRunRow.outcome == "failed")
                               .order_by(SyncRunRow.id.desc()).limit(1)).first()
            return SyncHealth(
                pending=counts.get(PENDING, 0) + counts.get(SENDING, 0),
                set_aside=counts.get(SET_ASIDE, 0), oldest_pending_at=oldest,
                last_error=failed.error_code if failed else None,
                last_error_at=(failed.finished_at or failed.started_at) if failed else None)
