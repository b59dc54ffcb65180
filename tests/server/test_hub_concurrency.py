"""Many devices at once: nothing lost, nothing duplicated, no change skipped by a reader.

Runs on SQLite (writers queue on the database lock) and on PostgreSQL (concurrent transactions;
uniqueness comes from constraints, feed order from the append lock).
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hub_testkit import VILLAGE_A, Device, LiveHub
from sqlalchemy import func, select

from kim_desktop.domain.reference import load_reference_dir
from sync.protocol import PushResponse, RecordEnvelope
from sync.server.models import BatchRow, ChangeRow, CurrentRecordRow, RecordRow
from sync.server.ratelimit import RateLimit, RateLimits

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "data"
DEVICES, RECORDS_EACH, BATCH = 71, 20, 10


def _count(live: LiveHub, model: type) -> int:
    with live.hub.db.reads() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


@pytest.mark.slow
def test_71_devices_push_at_once_and_nothing_is_lost_or_duplicated(
        start_hub: Callable[..., LiveHub]) -> None:
    # 71 village offices have 71 addresses; here they all share the loopback address, so the
    # per-address enrolment limit is raised to let every one of them enrol
    live_hub = start_hub(rate_limits=RateLimits(enrol=RateLimit(burst=DEVICES, per_minute=1)))
    villages = [v.code for v in load_reference_dir(RESOURCES).villages()][:DEVICES]
    assert len(set(villages)) == DEVICES
    start = threading.Barrier(DEVICES, timeout=60)

    def village_office(village: str) -> tuple[Device, list[RecordEnvelope], list[PushResponse]]:
        device = live_hub.enrol(village)
        records = [device.complaint() for _ in range(RECORDS_EACH)]
        batches = [records[i:i + BATCH] for i in range(0, RECORDS_EACH, BATCH)]
        ids = [uuid.uuid4() for _ in batches]
        start.wait()
        answers = [device.push_ok(batch, batch_id) for batch, batch_id in zip(batches, ids,
                                                                            strict=True)]
        answers.append(device.push_ok(batches[1], ids[1]))  # a retry after a lost answer
        return device, records, answers

    with ThreadPoolExecutor(DEVICES) as pool:
        offices = list(pool.map(village_office, villages))

    for device, records, answers in offices:
        assert answers[-1] == answers[1]
        outcomes = Counter(r.outcome for a in answers[:-1] for r in a.results)
        assert outcomes == {"accepted": RECORDS_EACH}
        assert all(item.present for item in device.reconcile(records).items)
        feed = device.all_changes().changes
        assert sorted(str(c.id) for c in feed) == sorted(str(e.id) for e in records)
    total = DEVICES * RECORDS_EACH
    assert _count(live_hub, RecordRow) == total
    assert _count(live_hub, CurrentRecordRow) == total
    assert _count(live_hub, ChangeRow) == total
    assert _count(live_hub, BatchRow) == DEVICES * (RECORDS_EACH // BATCH)


def test_racing_resends_are_stored_once(live_hub: LiveHub) -> None:
    """A retry racing its original (same batch id), and one record in several batches at once."""
    device = live_hub.enrol()
    threads, rounds = 8, 4

    def race(send: Callable[[Device], PushResponse]) -> list[PushResponse]:
        start = threading.Barrier(threads, timeout=30)

        def go(connection: Device) -> PushResponse:
            start.wait()
            return send(connection)

        with ThreadPoolExecutor(threads) as pool:
            return list(pool.map(go, [device.clone() for _ in range(threads)]))

    same_batch, batch_id = [device.complaint() for _ in range(3)], uuid.uuid4()
    batch_answers = race(lambda d: d.push_ok(same_batch, batch_id))
    assert all(a == batch_answers[0] for a in batch_answers)
    assert [r.outcome for r in batch_answers[0].results] == ["accepted"] * 3
    for _ in range(rounds):
        record = device.complaint()

        def send_record(d: Device, record: RecordEnvelope = record) -> PushResponse:
            return d.push_ok([record])  # a new batch id each time

        answers = race(send_record)
        outcomes = Counter(a.results[0].outcome for a in answers)
        assert outcomes == {"accepted": 1, "duplicate": threads - 1}
        receipts = {(a.results[0].received_at, a.results[0].server_version) for a in answers}
        assert len(receipts) == 1  # every duplicate carries the original receipt
    assert _count(live_hub, RecordRow) == 3 + rounds == _count(live_hub, ChangeRow)


def test_a_reader_tailing_the_feed_never_skips_a_change(live_hub: LiveHub) -> None:
    writers = [live_hub.enrol(VILLAGE_A) for _ in range(6)]
    reader = live_hub.enrol(VILLAGE_A)
    per_writer, per_batch = 10, 3
    expected = per_writer * per_batch * len(writers)
    done = threading.Event()
    seen: list[tuple[int, uuid.UUID | None]] = []

    reader = reader.clone()

    def tail() -> None:
        cursor = ""
        deadline = time.monotonic() + 60
        while len(seen) < expected and time.monotonic() < deadline:
            page = reader.changes(cursor, limit=7)
            seen.extend((c.seq, c.id) for c in page.changes)
            cursor = page.next_cursor
            if not page.changes and done.is_set() and not page.has_more:
                break

    def write(device: Device) -> None:
        for _ in range(per_writer):
            device.push_ok([device.complaint() for _ in range(per_batch)])

    tailer = threading.Thread(target=tail)
    tailer.start()
    with ThreadPoolExecutor(len(writers)) as pool:
        list(pool.map(write, writers))
    done.set()
    tailer.join(timeout=90)
    seqs = [s for s, _ in seen]
    assert seqs == sorted(set(seqs))
    assert len({i for _, i in seen}) == expected == len(seen)
