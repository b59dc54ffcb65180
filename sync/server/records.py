"""Hub layer: read-only questions about stored records (reconcile, exports).

Reconcile is how a client resolves "outcome unknown": it names ``(id, revision)`` pairs and learns
which ones the hub holds, with the same receipt data a push would have returned. Out-of-scope
records are reported absent, so a device learns nothing about other villages.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from sync.protocol import ReconcileItem, ReconcileRequest, ReconcileResponse
from sync.server.db import Database
from sync.server.identity import DeviceInfo
from sync.server.models import ChangeRow, CurrentRecordRow, RecordRow

#: ids per IN (...) list; old SQLite builds allow only 999 parameters per statement
_IN_CHUNK = 500


@dataclass(frozen=True)
class StoredRecord:
    """The latest revision of one record with its review state and history (for exports)."""

    id: uuid.UUID
    entity: str
    revision: int
    device_id: str
    status: str
    payload: dict[str, Any]
    received_at: datetime
    server_version: int
    lapor_tracking_id: str | None
    lapor_status_raw: str | None
    status_history: list[dict[str, Any]] = field(default_factory=list)


class RecordQueries:
    def __init__(self, db: Database) -> None:
        self._db = db

    def reconcile(self, device: DeviceInfo, request: ReconcileRequest) -> ReconcileResponse:
        """Which of the named revisions the hub holds (answers in request order)."""
        ids = sorted({key.id for key in request.items})
        found: dict[tuple[uuid.UUID, int], ReconcileItem] = {}
        with self._db.reads() as s:
            for i in range(0, len(ids), _IN_CHUNK):
                rows = s.execute(
                    select(RecordRow.id, RecordRow.revision, RecordRow.content_hash,
                           RecordRow.server_version, RecordRow.received_at,
                           CurrentRecordRow.status)
                    .join(CurrentRecordRow, CurrentRecordRow.id == RecordRow.id)
                    .where(RecordRow.id.in_(ids[i:i + _IN_CHUNK]),
                           CurrentRecordRow.scope == device.scope))
                for rid, rev, content_hash, version, received_at, status in rows:
                    found[(rid, rev)] = ReconcileItem(
                        id=rid, revision=rev, present=True, content_hash=content_hash,
                        server_version=version, received_at=received_at, status=status)
        return ReconcileResponse(items=[
            found.get((k.id, k.revision), ReconcileItem(id=k.id, revision=k.revision,
                                                        present=False))
            for k in request.items])

    def current_records(self, entity: str) -> Iterator[StoredRecord]:
        """Every record of ``entity`` at its latest revision, oldest first."""
        with self._db.reads() as s:
            history: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
            for ch in s.scalars(select(ChangeRow).where(ChangeRow.entity == entity,
                                                        ChangeRow.kind == "status")
                                .order_by(ChangeRow.seq)):
                assert ch.record_id is not None
                history[ch.record_id].append({"status": ch.status, "at": ch.at.isoformat(),
                                              "actor": ch.actor, "note": ch.note})
            rows = s.execute(
                select(CurrentRecordRow, RecordRow)
                .join(RecordRow, (RecordRow.id == CurrentRecordRow.id)
                      & (RecordRow.revision == CurrentRecordRow.revision))
                .where(CurrentRecordRow.entity == entity)
                .order_by(CurrentRecordRow.first_received_at, CurrentRecordRow.id))
            for current, record in rows:
                yield StoredRecord(
                    id=current.id, entity=entity, revision=current.revision,
                    device_id=record.device_id, status=current.status, payload=record.payload,
                    received_at=record.received_at, server_version=current.server_version,
                    lapor_tracking_id=current.lapor_tracking_id,
                    lapor_status_raw=current.lapor_status_raw,
                    status_history=history.get(current.id, []))
