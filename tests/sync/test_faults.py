"""Sync under faults: a hostile network, a client killed mid-sync, a hub killed mid-batch."""

from __future__ import annotations

import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hub_testkit import LiveHub
from sqlalchemy import select

from kim_desktop.core import Core
from kim_desktop.domain.errors import KimError
from sync.client.engine import SyncSettings
from sync.client.payloads import envelope
from sync.server.models import RecordRow
from tests.conftest import complaint_data
from tests.sync.conftest import enrol, make_village
from tests.sync.faultproxy import FaultProxy
from tests.sync.filering import copy_into_file


def add(core: Core, n: int, start: int = 0) -> list:
    return core.complaints.add([(complaint_data(title=f"Keluhan air bersih nomor {i}"),
                                 Path(".")) for i in range(start, start + n)], submit=True)


def assert_exactly_once(core: Core, hub: LiveHub, expected: int) -> None:
    with hub.hub.db.reads() as s:
        rows = {(r.id, r.revision): r.content_hash for r in s.scalars(select(RecordRow))}
    assert len(rows) == expected
    for c in core.complaints.iter_all():
        env = envelope(c, c.revision, None, {})
        assert rows[(c.id, c.revision)] == env.content_hash, "hub content differs"
    assert core.complaints.counts_by_status() == {"received": expected}


def sync_until_done(client, attempts: int = 60) -> int:
    runs = 0
    for _ in range(attempts):
        runs += 1
        try:
            if client.sync().pending == 0:
                return runs
        except KimError:
            continue
    raise AssertionError("sync did not converge")


def test_hostile_network_loses_and_duplicates_nothing(tmp_path: Path, live_hub: LiveHub) -> None:
    core = make_village(tmp_path, "balantang")
    add(core, 120)
    proxy = FaultProxy(int(live_hub.base_url.rsplit(":", 1)[1]), fault_rate=0.6, seed=7,
                       stall_seconds=1.2)
    settings = SyncSettings(batch_records=8, backoff_base=0.01, backoff_cap=0.05,
                            timeout=(2.0, 1.0))
    try:
        proxy.enabled = False
        client = enrol(core, live_hub, url=proxy.url, settings=settings)
        proxy.enabled = True
        sync_until_done(client)
        proxy.enabled = False
        client.sync()
    finally:
        proxy.close()
    assert sum(v for k, v in proxy.counts.items() if k != "pass") >= 5
    assert_exactly_once(core, live_hub, 120)


def test_response_lost_after_commit_is_reconciled_not_resent(tmp_path: Path,
                                                              live_hub: LiveHub) -> None:
    core = make_village(tmp_path, "balantang")
    add(core, 5)
    proxy = FaultProxy(int(live_hub.base_url.rsplit(":", 1)[1]), fault_rate=0.0)
    try:
        client = enrol(core, live_hub, url=proxy.url)
        proxy.requests.clear()
        proxy.drop_answer_to = b"POST /v1/push"     # the hub commits; the answer never arrives
        report = client.sync()
    finally:
        proxy.close()
    pushes = [r for r in proxy.requests if r.startswith(b"POST /v1/push")]
    reconciles = [r for r in proxy.requests if r.startswith(b"POST /v1/reconcile")]
    assert len(pushes) == 1 and len(reconciles) == 1      # asked, not resent
    assert report.pushed == 5
    assert_exactly_once(core, live_hub, 5)


def test_in_flight_records_after_a_crash_are_reconciled_first(tmp_path: Path,
                                                               live_hub: LiveHub) -> None:
    core = make_village(tmp_path, "balantang")
    add(core, 4)
    client = enrol(core, live_hub)
    client.sync()
    add(core, 3, start=10)
    # a run that died after claiming: entries are 'sending', the hub never saw them
    client.local.claim_batch(limit=10)
    assert core.status.status().backlog == {"sending": 3}
    report = client.sync()
    assert report.pushed == 3
    assert_exactly_once(core, live_hub, 7)


KIM = [sys.executable, "-m", "kim_desktop.cli"]


def test_client_killed_at_random_points_loses_nothing(tmp_path: Path, live_hub: LiveHub) -> None:
    core = make_village(tmp_path, "balantang")
    add(core, 40)
    proxy = FaultProxy(int(live_hub.base_url.rsplit(":", 1)[1]), fault_rate=0.0)
    proxy.delay = 0.05                      # a slow link, so runs last long enough to be hit
    enrol(core, live_hub, url=proxy.url)
    # the subprocesses read the token from a keyring file shared with this process
    ring = tmp_path / "ring.json"
    copy_into_file(ring)
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="filering.FileRing", KIM_RING_FILE=str(ring),
               PYTHONPATH=f"{Path(__file__).parent}:{os.environ.get('PYTHONPATH', '')}")
    rng = random.Random(3)
    seen = threading.Semaphore(0)
    proxy.on_request = lambda line: seen.release()
    kills, total = 0, 40
    try:
        for i in range(42):
            add(core, 15, start=total)
            total += 15
            p = subprocess.Popen([*KIM, "--data-dir", str(core.paths.root), "sync"], env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # kill after the k-th request of this run, a little into it: a random point of sync
            want, deadline = rng.randint(1, 4), time.monotonic() + 30
            while want and p.poll() is None and time.monotonic() < deadline:
                want -= seen.acquire(timeout=0.02)
            time.sleep(rng.uniform(0, 0.04))
            if p.poll() is None:
                p.send_signal(signal.SIGKILL)
                kills += 1
            p.wait()
            while seen.acquire(blocking=False):
                pass
            with sqlite3.connect(core.paths.store) as c:
                assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok", i
        assert kills >= 30
        proxy.on_request = None
        r = subprocess.run([*KIM, "--data-dir", str(core.paths.root), "sync"], env=env,
                           capture_output=True, text=True, timeout=120)
    finally:
        proxy.close()
    assert r.returncode == 0, r.stdout + r.stderr
    assert_exactly_once(core, live_hub, total)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_hub_killed_mid_batch_stores_no_partial_batch(tmp_path: Path) -> None:
    hub_dir = tmp_path / "hub"
    env = dict(os.environ)
    subprocess.run([sys.executable, "-m", "sync.server.cli", "--data-dir", str(hub_dir), "init"],
                   check=True, env=env, capture_output=True)
    code = subprocess.run([sys.executable, "-m", "sync.server.cli", "--data-dir", str(hub_dir),
                           "enroll", "--village", "73.24.04.2010"], check=True, env=env,
                          capture_output=True, text=True).stdout.split()[-1]
    core = make_village(tmp_path, "balantang")
    add(core, 400)
    port = _free_port()
    from sync.client.service import SyncClient

    def serve() -> subprocess.Popen[bytes]:
        p = subprocess.Popen([sys.executable, "-m", "sync.server.cli", "--data-dir",
                              str(hub_dir), "serve", "--port", str(port)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return p
            except OSError:
                time.sleep(0.05)
        raise AssertionError("hub did not start")

    hub = serve()
    client = SyncClient(core, settings=SyncSettings(batch_records=100, attempts=1,
                                                    backoff_base=0.01, timeout=(1.0, 5.0)))
    client.enroll(f"http://127.0.0.1:{port}", code, require_persistent=True)
    def kill_soon() -> None:
        time.sleep(0.25)
        hub.send_signal(signal.SIGKILL)
    threading.Thread(target=kill_soon).start()
    with pytest.raises(KimError):
        for _ in range(50):
            client.sync()
    hub.wait()
    db = hub_dir / "hub.sqlite3"
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        partial = c.execute(
            "SELECT b.batch_id, b.record_count, count(r.id) FROM batches b "
            "LEFT JOIN records r ON r.batch_id = b.batch_id GROUP BY b.batch_id "
            "HAVING count(r.id) > b.record_count").fetchall()
        orphans = c.execute("SELECT count(*) FROM records r WHERE NOT EXISTS "
                            "(SELECT 1 FROM batches b WHERE b.batch_id = r.batch_id)").fetchone()
    assert partial == [] and orphans[0] == 0
    hub = serve()
    try:
        client.sync()
    finally:
        hub.send_signal(signal.SIGTERM)
        hub.wait()
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT count(*), count(DISTINCT id) FROM records").fetchone() == (400,
                                                                                            400)
    assert core.complaints.counts_by_status() == {"received": 400}
