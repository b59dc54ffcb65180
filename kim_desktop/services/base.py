"""Services layer: what every service is built with (sessions, clock, id factory, actor)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from uuid import UUID

from sqlalchemy.orm import Session, sessionmaker

from kim_desktop.domain.deadlines import wita_date

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class ServiceContext:
    """Shared by the services of one store; inject a fixed clock and ids in tests."""

    sessions: sessionmaker[Session]
    clock: Clock = utc_now
    new_id: Callable[[], UUID] = field(default=uuid.uuid4)

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        """Today's date in WITA, the time people in Luwu Timur live by."""
        return wita_date(self.clock())
