"""Services layer: the outbox, written in the same transaction as the status change it follows.

States: ``pending`` → ``sending`` → ``done``; ``set_aside`` with a readable reason when the hub
can never accept the record. A ``sending`` entry found after a crash is an outcome unknown.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from kim_desktop.domain.enums import Entity
from kim_desktop.domain.errors import InvalidTransition
from kim_desktop.storage.rows import OutboxRow

PENDING, SENDING, DONE, SET_ASIDE = "pending", "sending", "done", "set_aside"


def enqueue(s: Session, entity: Entity, record_id: UUID, revision: int, now: datetime) -> None:
    existing = s.scalar(select(OutboxRow).where(
        OutboxRow.entity == entity.value, OutboxRow.record_id == record_id,
        OutboxRow.revision == revision))
    if existing is not None:
        # resubmitting after a withdraw or a set-aside: the same revision goes out again
        existing.state, existing.attempts, existing.next_attempt_at = PENDING, 0, None
        existing.last_error = None
        return
    s.add(OutboxRow(entity=entity.value, record_id=record_id, revision=revision, state=PENDING,
                    attempts=0, created_at=now))


def withdraw_pending(s: Session, entity: Entity, record_id: UUID, revision: int) -> None:
    entry = s.scalar(select(OutboxRow).where(
        OutboxRow.entity == entity.value, OutboxRow.record_id == record_id,
        OutboxRow.revision == revision))
    if entry is not None and entry.state != PENDING:
        raise InvalidTransition(entity.value, entry.state, "withdrawn")
    s.execute(delete(OutboxRow).where(OutboxRow.entity == entity.value,
                                      OutboxRow.record_id == record_id,
                                      OutboxRow.revision == revision))


def backlog(s: Session) -> dict[str, int]:
    return dict(s.execute(select(OutboxRow.state, func.count()).where(OutboxRow.state != DONE)
                          .group_by(OutboxRow.state)).tuples().all())
