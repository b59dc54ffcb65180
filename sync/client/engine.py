"""Sync client: the push/pull engine. Blocking, free of Qt, resumable and cancellable.

One run: handshake (protocol version, clock offset) → reconcile whatever was in flight when the
last run died (outcome unknown) → push the outbox in batches bounded by count and bytes →
upload attachments in resumable byte ranges → pull the change feed page by page. Every local
step is one transaction in `SyncLocalService`; a record is marked ``sending`` before its first
byte leaves, and a send whose outcome is unknown is never repeated before the hub was asked
what it already has.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TypeVar
from uuid import UUID, uuid4

from kim_desktop import __version__
from kim_desktop.domain.enums import Entity
from kim_desktop.domain.errors import KimError, OutcomeUnknown, SyncFailed
from kim_desktop.services.sync_local import (
    IncomingChange,
    Outgoing,
    Receipt,
    RunTotals,
    SyncLocalService,
)
from sync.client.http import HubClient, RangeMismatch
from sync.client.payloads import envelope
from sync.client.uploads import prepare_uploads, upload_path
from sync.protocol import (
    MAX_BATCH_RECORDS,
    PROTOCOL_VERSION,
    HandshakeRequest,
    PushRequest,
    ReconcileRequest,
    RecordEnvelope,
    RecordKey,
)

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class SyncSettings:
    batch_records: int = 200
    batch_bytes: int = 512 * 1024          # JSON bytes before compression
    chunk_bytes: int = 32 * 1024           # attachment range size: a cut loses ~half a range
                                           # (docs/benchmarks.md: 64 KiB → 18 % resent, 32 KiB 8 %)
    page_limit: int = 500
    attempts: int = 4                      # per step within one run
    backoff_base: float = 0.5              # seconds
    backoff_cap: float = 30.0
    photo_max_side: int = 1600
    timeout: tuple[float, float] = (10.0, 60.0)   # connect, read (seconds)
    sleep: Callable[[float], None] = time.sleep


@dataclass(frozen=True)
class Progress:
    phase: str          # handshake | push | upload | pull | done
    done: int
    total: int
    bytes_sent: int


@dataclass
class SyncReport:
    pushed: int = 0
    set_aside: int = 0
    pulled: int = 0
    uploaded: int = 0
    bytes_sent: int = 0
    pending: int = 0
    clock_offset_seconds: float | None = None
    reasons: list[str] = field(default_factory=list)
    cancelled: bool = False


def backoff_delay(attempt: int, base: float, cap: float, rng: random.Random | None = None
                  ) -> float:
    """Capped exponential backoff with full jitter (attempt 1 → up to base)."""
    r = rng or random
    return r.uniform(0, min(cap, base * 2 ** (attempt - 1)))


class SyncEngine:
    def __init__(self, local: SyncLocalService, client: HubClient, attachments_dir: Path,
                 settings: SyncSettings | None = None) -> None:
        self._local, self._client = local, client
        self._files = attachments_dir
        self._s = settings or SyncSettings()

    def run(self, *, should_stop: Callable[[], bool] = lambda: False,
            progress: Callable[[Progress], None] = lambda p: None) -> SyncReport:
        report = SyncReport()
        totals = RunTotals()
        run_id = self._local.start_run()
        outcome, error_code = "ok", None
        try:
            self._handshake(report)
            progress(Progress("handshake", 1, 1, self._client.bytes_sent))
            self._reconcile(self._local.in_flight())
            self._push(totals, should_stop, progress)
            self._upload(report, should_stop, progress)
            self._pull(totals, should_stop, progress)
            report.cancelled = should_stop()
            if report.cancelled:
                outcome = "cancelled"
        except KimError as e:
            outcome, error_code = "failed", e.code
            raise
        finally:
            report.pushed, report.set_aside = totals.pushed, totals.set_aside
            report.pulled, report.reasons = totals.pulled, totals.reasons
            report.bytes_sent = totals.bytes_sent = self._client.bytes_sent
            try:
                self._local.finish_run(run_id, totals, outcome=outcome, error_code=error_code)
            except KimError:
                log.exception("could not record the end of a sync run")
            progress(Progress("done", 1, 1, self._client.bytes_sent))
        return report

    # -- steps -----------------------------------------------------------------------------
    def _handshake(self, report: SyncReport) -> None:
        resp = self._retrying(lambda: self._client.handshake(HandshakeRequest(
            protocol_version=PROTOCOL_VERSION, app_version=__version__,
            client_time=datetime.now(UTC))))
        report.clock_offset_seconds = resp.clock_offset_seconds
        self._local.record_handshake(clock_offset_seconds=resp.clock_offset_seconds,
                                     protocol_version=resp.protocol_version,
                                     hub_device_id=resp.device_id)
        if abs(resp.clock_offset_seconds) > 300:
            log.warning("device clock differs from the hub by %.0f s", resp.clock_offset_seconds)

    def _push(self, totals: RunTotals, should_stop: Callable[[], bool],
              progress: Callable[[Progress], None]) -> None:
        done, total = 0, self._local.due_count()
        while not should_stop():
            _, items = self._local.claim_batch(
                limit=min(self._s.batch_records, MAX_BATCH_RECORDS))
            if not items:
                return
            for group in self._by_bytes(items):
                self._send(group, totals)
                done += len(group)
                total = max(total, done)
                progress(Progress("push", done, total, self._client.bytes_sent))

    def _by_bytes(self, items: Sequence[Outgoing]) -> list[list[tuple[Outgoing, RecordEnvelope]]]:
        forms = self._upload_forms(items)
        groups: list[list[tuple[Outgoing, RecordEnvelope]]] = [[]]
        size = 0
        for it in items:
            env = envelope(it.record, it.revision, it.base_version, forms)
            n = len(env.model_dump_json())
            if groups[-1] and size + n > self._s.batch_bytes:
                groups.append([])
                size = 0
            groups[-1].append((it, env))
            size += n
        return [g for g in groups if g]

    def _send(self, group: list[tuple[Outgoing, RecordEnvelope]], totals: RunTotals) -> None:
        """Push one group; on any failure ask the hub what it has before sending again."""
        pending = group
        for attempt in range(1, self._s.attempts + 1):
            try:
                resp = self._client.push(PushRequest(batch_id=uuid4(),
                                                     records=[e for _, e in pending]))
            except KimError as e:
                if not e.retryable:
                    self._local.release([_key(it) for it, _ in pending], error_code=e.code,
                                        delay=timedelta(0))
                    raise
                log.info("push of %d records: outcome unknown (%s)", len(pending), e.code)
                self._pause(attempt)
                try:
                    pending = self._reconcile_group(pending, totals)
                except KimError as again:
                    if attempt == self._s.attempts or not again.retryable:
                        raise OutcomeUnknown("the hub could not confirm a push") from again
                    continue
                if not pending:
                    return
                continue
            by_key = {(it.record.id, it.revision): it for it, _ in pending}
            receipts = [Receipt(by_key[(r.id, r.revision)].entity, r.id, r.revision, r.outcome,
                                r.reason_code, r.reason, r.server_version, r.received_at)
                        for r in resp.results if (r.id, r.revision) in by_key]
            self._add(totals, self._local.record_results(receipts))
            return
        raise OutcomeUnknown("the hub could not confirm a push")

    def _reconcile_group(self, group: list[tuple[Outgoing, RecordEnvelope]], totals: RunTotals
                         ) -> list[tuple[Outgoing, RecordEnvelope]]:
        """Ask which of ``group`` the hub holds; record those; return the rest to resend."""
        resp = self._client.reconcile(ReconcileRequest(
            items=[RecordKey(id=e.id, revision=e.revision) for _, e in group]))
        have = {(i.id, i.revision): i for i in resp.items if i.present}
        receipts, rest = [], []
        for it, env in group:
            found = have.get((env.id, env.revision))
            if found is None:
                rest.append((it, env))
            elif found.content_hash == env.content_hash:
                receipts.append(Receipt(it.entity, env.id, env.revision, "duplicate",
                                        server_version=found.server_version,
                                        received_at=found.received_at))
            else:
                receipts.append(Receipt(it.entity, env.id, env.revision, "conflict",
                                        "content_mismatch",
                                        "the hub holds different content for this revision"))
        self._add(totals, self._local.record_results(receipts))
        return rest

    def _reconcile(self, keys: Sequence[tuple[Entity, UUID, int]]) -> None:
        """Entries left ``sending`` by an earlier run: recorded if the hub has them, else
        released to be sent again."""
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            request = ReconcileRequest(items=[RecordKey(id=rid, revision=rev)
                                              for _, rid, rev in chunk])
            resp = self._retrying(partial(self._client.reconcile, request))
            have = {(x.id, x.revision): x for x in resp.items if x.present}
            receipts = [Receipt(e, rid, rev, "duplicate", server_version=have[(rid, rev)]
                                .server_version, received_at=have[(rid, rev)].received_at)
                        for e, rid, rev in chunk if (rid, rev) in have]
            self._local.record_results(receipts)
            missing = [k for k in chunk if (k[1], k[2]) not in have]
            self._local.release(missing, error_code="outcome_unknown", delay=timedelta(0))
            log.info("reconciled %d in-flight records: %d at the hub", len(chunk), len(receipts))

    def _upload_forms(self, items: Sequence[Outgoing]) -> dict[str, tuple[str, int]]:
        return prepare_uploads(self._local, self._files, items, self._s.photo_max_side)

    def _upload_path(self, sha: str) -> Path:
        return upload_path(self._files, sha)

    def _upload(self, report: SyncReport, should_stop: Callable[[], bool],
                progress: Callable[[Progress], None]) -> None:
        items = [i for i in self._local.pending_uploads() if i.upload_sha256]
        for n, item in enumerate(items, start=1):
            if should_stop():
                return
            sha = item.upload_sha256
            assert sha is not None
            data = self._upload_path(sha).read_bytes()
            status = self._retrying(partial(self._client.attachment_status, sha))
            offset = status.received_bytes
            complete = status.complete
            attempt = 0
            while not complete and not should_stop():
                chunk = data[offset:offset + self._s.chunk_bytes]
                try:
                    st = self._client.upload_range(sha, chunk, offset, len(data))
                    offset, complete, attempt = st.received_bytes, st.complete, 0
                    self._local.record_upload(item.sha256, offset, complete)
                except RangeMismatch as e:
                    offset = e.received_bytes
                except KimError as e:
                    attempt += 1
                    if not e.retryable or attempt >= self._s.attempts * 3:
                        raise
                    self._pause(attempt)
                    status = self._retrying(partial(self._client.attachment_status, sha))
                    offset, complete = status.received_bytes, status.complete
            if complete:
                self._local.record_upload(item.sha256, len(data), True)
                report.uploaded += 1
            progress(Progress("upload", n, len(items), self._client.bytes_sent))

    def _pull(self, totals: RunTotals, should_stop: Callable[[], bool],
              progress: Callable[[Progress], None]) -> None:
        cursor = self._local.cursor()
        while not should_stop():
            page = self._retrying(partial(self._client.changes, cursor, self._s.page_limit))
            changes = [IncomingChange(
                c.seq, c.kind, Entity(c.entity) if c.entity else None, c.id, c.status,
                c.revision, c.at, c.actor, c.note, c.lapor_tracking_id, c.lapor_status_raw,
                c.data) for c in page.changes]
            totals.pulled += self._local.apply_changes(changes, page.next_cursor)
            cursor = page.next_cursor
            progress(Progress("pull", totals.pulled, totals.pulled, self._client.bytes_sent))
            if not page.has_more:
                return

    # -- helpers ---------------------------------------------------------------------------
    def _retrying(self, call: Callable[[], T]) -> T:
        for attempt in range(1, self._s.attempts + 1):
            try:
                return call()
            except KimError as e:
                if not e.retryable or attempt == self._s.attempts:
                    raise
                self._pause(attempt)
        raise SyncFailed("unreachable")

    def _pause(self, attempt: int) -> None:
        self._s.sleep(backoff_delay(attempt, self._s.backoff_base, self._s.backoff_cap))

    @staticmethod
    def _add(totals: RunTotals, more: RunTotals) -> None:
        totals.pushed += more.pushed
        totals.set_aside += more.set_aside
        totals.reasons += more.reasons


def _key(it: Outgoing) -> tuple[Entity, UUID, int]:
    return (it.entity, it.record.id, it.revision)


