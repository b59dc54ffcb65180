"""Hub layer: storing pushed batches exactly once.

A batch is one database transaction: stored whole or not at all. It is idempotent twice over:
by ``batch_id`` (the batch row is claimed first; a resent batch gets the stored response back)
and by ``(id, revision)``, which the primary key of ``records`` enforces. Each record is applied in
its own SAVEPOINT; when a concurrent push stored the same key first, the INSERT fails, the
savepoint rolls back and the record is looked at again, so it comes out ``duplicate`` or
``conflict``, never twice. A record the hub cannot take is answered ``conflict`` or ``rejected``
with a reason code and the rest of the batch is stored.

``server_version`` counts the revisions the hub accepted for a record (1, 2, …); a new revision
must name the version it was based on (``base_version``).
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from datetime import datetime

from sqlalchemy import insert as generic_insert
from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Insert

from kim_desktop.domain.problems import Problem
from sync.protocol import (
    ComplaintPayload,
    ErrorCode,
    PushRequest,
    PushResponse,
    ReasonCode,
    RecordEnvelope,
    RecordResult,
    canonical_hash,
)
from sync.server.db import Database
from sync.server.errors import HubError
from sync.server.feed import append, status_change
from sync.server.identity import DeviceInfo
from sync.server.models import (
    AttachmentLinkRow,
    AttachmentRow,
    BatchRow,
    ChangeRow,
    CurrentRecordRow,
    DeviceRow,
    RecordRow,
)
from sync.server.payload_check import describe
from sync.server.settings import Clock, PayloadCheck

log = logging.getLogger(__name__)

#: statuses in which the village may still send a new revision
OPEN_STATUSES = frozenset({"received", "returned"})
RECEIVED = "received"
HUB_ACTOR = "hub"
_ATTEMPTS = 5


class _BatchTaken(Exception):
    """The batch id was stored meanwhile (a resend racing the original)."""


class _Raced(Exception):
    """Another transaction committed this record between two of our reads: look again."""


def _result(env: RecordEnvelope, outcome: str, reason_code: ReasonCode | None = None,
            reason: str | None = None, server_version: int | None = None,
            received_at: datetime | None = None) -> RecordResult:
    return RecordResult(id=env.id, revision=env.revision, outcome=outcome,  # type: ignore[arg-type]
                        reason_code=reason_code.value if reason_code else None, reason=reason,
                        server_version=server_version, received_at=received_at)


class PushService:
    def __init__(self, db: Database, *, clock: Clock, payload_check: PayloadCheck,
                 max_attachment_bytes: int) -> None:
        self._db, self._clock, self._check = db, clock, payload_check
        self._max_attachment = max_attachment_bytes

    def push(self, device: DeviceInfo, request: PushRequest) -> PushResponse:
        """Store a batch in one transaction and answer one `RecordResult` per record."""
        stored = self._stored_response(device, request.batch_id)
        if stored is not None:
            log.info("batch resent batch=%s device=%s", request.batch_id, device.id)
            return stored
        refresh = getattr(self._check, "refresh", None)
        if refresh is not None:     # content rules that follow published reference data
            refresh()
        now = self._clock()
        try:
            with self._db.writes.begin() as s:
                batch = self._claim(s, device, request, now)
                changes: list[ChangeRow] = []
                results: dict[int, RecordResult] = {}
                # one lock order for every batch (by id, revision): concurrent pushes never
                # deadlock; the answer keeps the request's order
                for i, env in sorted(enumerate(request.records),
                                     key=lambda item: (item[1].id, item[1].revision)):
                    results[i], change = self._apply(s, device, env, batch.batch_id, now)
                    if change is not None:
                        changes.append(change)
                append(s, changes)
                response = PushResponse(batch_id=request.batch_id,
                                        results=[results[i] for i in range(len(results))])
                batch.response_json = response.model_dump_json()
                s.execute(update(DeviceRow).where(DeviceRow.id == device.id)
                          .values(last_seen_at=now))
        except _BatchTaken:
            stored = self._stored_response(device, request.batch_id)
            if stored is None:  # pragma: no cover - the claim failed, so the row exists
                raise
            return stored
        counts = Counter(r.outcome for r in response.results)
        log.info("batch stored batch=%s device=%s records=%d accepted=%d duplicate=%d "
                 "conflict=%d rejected=%d", request.batch_id, device.id, len(response.results),
                 counts["accepted"], counts["duplicate"], counts["conflict"], counts["rejected"])
        return response

    def _stored_response(self, device: DeviceInfo, batch_id: uuid.UUID) -> PushResponse | None:
        with self._db.reads() as s:
            row = s.get(BatchRow, batch_id)
        if row is None or row.response_json is None:
            return None
        if row.device_id != device.id:
            raise HubError(409, ErrorCode.BATCH_CONFLICT, "batch id already used by another device")
        return PushResponse.model_validate_json(row.response_json)

    @staticmethod
    def _claim(s: Session, device: DeviceInfo, request: PushRequest, now: datetime) -> BatchRow:
        batch = BatchRow(batch_id=request.batch_id, device_id=device.id, received_at=now,
                         record_count=len(request.records), response_json=None)
        s.add(batch)
        try:
            s.flush()
        except IntegrityError as exc:
            raise _BatchTaken from exc
        return batch

    def _apply(self, s: Session, device: DeviceInfo, env: RecordEnvelope, batch_id: uuid.UUID,
               now: datetime) -> tuple[RecordResult, ChangeRow | None]:
        for _ in range(_ATTEMPTS):
            try:
                with s.begin_nested():
                    return self._apply_once(s, device, env, batch_id, now)
            except (IntegrityError, _Raced):
                # a concurrent push stored this key (or tracking number) first: look again
                log.info("record raced record=%s revision=%d", env.id, env.revision)
        raise RuntimeError(f"record {env.id} kept colliding with concurrent pushes")

    def _apply_once(self, s: Session, device: DeviceInfo, env: RecordEnvelope,
                    batch_id: uuid.UUID, now: datetime) -> tuple[RecordResult, ChangeRow | None]:
        # current first (locked, latest committed), then the revision: at READ COMMITTED each
        # statement sees a newer snapshot, and in this order the two reads cannot contradict
        # each other except when both rows were committed in between (then: look again)
        current = s.get(CurrentRecordRow, env.id, with_for_update=True, populate_existing=True)
        existing = s.get(RecordRow, (env.id, env.revision))
        if existing is not None:
            if current is None:
                raise _Raced
            return self._resent(device, env, existing, current), None
        if current is not None:
            refusal = self._refuse_revision(device, env, current)
            if refusal is not None:
                return refusal, None
        refusal = self._refuse_content(s, device, env)
        if refusal is not None:
            return refusal, None
        version = current.server_version + 1 if current is not None else 1
        self._insert(s, device, env, batch_id, now, version)
        if current is None:
            current = CurrentRecordRow(
                id=env.id, entity=env.entity, scope=device.scope, owner_device_id=device.id,
                first_received_at=now, lapor_tracking_id=None, lapor_status_raw=None)
            s.add(current)
        current.revision, current.server_version = env.revision, version
        current.village_code, current.content_hash = env.payload.village_code, env.content_hash
        current.tracking_no = _tracking_no(env)
        current.status, current.received_at, current.status_at = RECEIVED, now, now
        s.flush()
        change = status_change(current, at=now, actor=HUB_ACTOR)
        return _result(env, "accepted", server_version=version, received_at=now), change

    @staticmethod
    def _resent(device: DeviceInfo, env: RecordEnvelope, existing: RecordRow,
                current: CurrentRecordRow) -> RecordResult:
        if current.scope != device.scope:
            return _result(env, "rejected", ReasonCode.OUT_OF_SCOPE,
                           "record belongs to another village or device")
        if existing.content_hash == env.content_hash:
            return _result(env, "duplicate", server_version=existing.server_version,
                           received_at=existing.received_at)
        return _result(env, "conflict", ReasonCode.CONTENT_MISMATCH,
                       "the hub holds different content for this revision",
                       server_version=current.server_version)

    @staticmethod
    def _refuse_revision(device: DeviceInfo, env: RecordEnvelope,
                         current: CurrentRecordRow) -> RecordResult | None:
        """Why a new revision of a record the hub already has cannot be stored, if it cannot."""
        if current.scope != device.scope:
            return _result(env, "rejected", ReasonCode.OUT_OF_SCOPE,
                           "record belongs to another village or device")
        if current.entity != env.entity:
            return _result(env, "rejected", ReasonCode.ENTITY_MISMATCH,
                           f"id already used by a {current.entity}")
        version = current.server_version
        if env.revision < current.revision:
            return _result(env, "conflict", ReasonCode.STALE_REVISION,
                           f"the hub has revision {current.revision}", server_version=version)
        if env.base_version != version:
            return _result(env, "conflict", ReasonCode.BASE_VERSION_MISMATCH,
                           f"based on version {env.base_version}, the hub is at {version}",
                           server_version=version)
        if current.status not in OPEN_STATUSES:
            return _result(env, "conflict", ReasonCode.CLOSED_BY_DISTRICT,
                           f"the district already decided: {current.status}",
                           server_version=version)
        return None

    def _refuse_content(self, s: Session, device: DeviceInfo,
                        env: RecordEnvelope) -> RecordResult | None:
        """Why this revision's content cannot be stored, if it cannot."""
        # no rule on payload.village_code: that is where the incident happened, and a KIM records
        # what its residents bring, wherever it was; the record belongs to the recording device's
        # scope (its village for an operator, itself for a trainer)
        if canonical_hash(env.payload) != env.content_hash:
            return _result(env, "rejected", ReasonCode.CONTENT_HASH_MISMATCH,
                           "content_hash does not match the payload")
        problems = [*self._storable(env), *self._check(env)]
        if problems:
            return _result(env, "rejected", ReasonCode.INVALID, describe(problems))
        tracking_no = _tracking_no(env)
        if tracking_no is not None:
            holder = s.scalars(select(CurrentRecordRow.id).where(
                CurrentRecordRow.tracking_no == tracking_no, CurrentRecordRow.id != env.id)).first()
            if holder is not None:
                return _result(env, "rejected", ReasonCode.TRACKING_NO_TAKEN,
                               "another record holds this tracking_no")
        return None

    def _storable(self, env: RecordEnvelope) -> list[Problem]:
        """What the hub itself cannot store: attachments that could never be uploaded."""
        problems = []
        for i, att in enumerate(env.payload.attachments):
            if not 0 < att.size <= self._max_attachment:
                rule = "empty" if att.size == 0 else "too_large"
                problems.append(Problem(f"attachments.{i}.size", rule,
                                        "Ukuran lampiran tidak dapat diterima",
                                        f"attachment size must be 1..{self._max_attachment}"))
        return problems

    @staticmethod
    def _insert(s: Session, device: DeviceInfo, env: RecordEnvelope, batch_id: uuid.UUID,
                now: datetime, version: int) -> None:
        payload = env.payload
        s.add(RecordRow(id=env.id, revision=env.revision, entity=env.entity, batch_id=batch_id,
                        device_id=device.id, village_code=payload.village_code,
                        content_hash=env.content_hash, payload=payload.model_dump(mode="json"),
                        tracking_no=_tracking_no(env), status=RECEIVED, received_at=now,
                        server_version=version))
        s.flush()  # the (id, revision) primary key decides here, before anything else is written
        seen: set[str] = set()
        for att in payload.attachments:
            if att.sha256 in seen:
                continue
            seen.add(att.sha256)
            s.execute(_insert_ignore(s, AttachmentRow).values(
                sha256=att.sha256, size=att.size, received_bytes=0, complete=False,
                stored_path=None, created_at=now, completed_at=None))
            s.add(AttachmentLinkRow(record_id=env.id, revision=env.revision, sha256=att.sha256,
                                    filename=att.filename, media_type=att.media_type,
                                    size=att.size))


def _tracking_no(env: RecordEnvelope) -> str | None:
    payload = env.payload
    return payload.tracking_no or None if isinstance(payload, ComplaintPayload) else None


def _insert_ignore(s: Session, table: type[AttachmentRow]) -> Insert:
    """INSERT that does nothing when the primary key exists (content is stored once)."""
    dialect = s.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    if dialect == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing()
    return generic_insert(table)  # pragma: no cover - only SQLite and PostgreSQL are supported
