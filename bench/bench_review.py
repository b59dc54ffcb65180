"""Benchmark: the district review with 50,000 records at the hub, on SQLite and PostgreSQL.

    .venv/bin/python bench/bench_review.py [--records 50000] [--repeat 40] [--seed 7]
        [--pg-url postgresql+psycopg://postgres@127.0.0.1:PORT/postgres] [--json OUT]

1. Loads the hub with the hub's own ORM models (`sync.server.models`), the rows a push and the
   review would have written: 71 KIM villages with an operator desk each, complaints composed by
   the complaint generator of ``bench/records.py`` (realistic Indonesian text, categories,
   agencies, villages weighted by size) created over the last 365 days, each with the status
   history the generator gives it (received, returned and resubmitted as revision 2, verified,
   forwarded with a LAPOR! id, dispositioned, in progress, resolved, archived, rejected), in
   batches of 1–12 records per village; plus socialization sessions with their participants
   (5 % of the records). Recent batches stay open, older ones are mostly decided.
2. Starts the hub as a ``kim-hub serve`` subprocess on that database (as in production), logs a
   reviewer in over HTTP and times, over one kept-alive loopback connection, repeated requests:
   the first inbox page (``GET /v1/review/batches?state=open``), the dashboard
   (``/reports/summary``, whole district and one kecamatan), duplicate hints of a record and the
   overdue list. Reports median and p95 per request after 3 warm-up requests, and the time of
   the very first report, which copies every record into ``report_facts`` (`sync.server.facts`).

Without ``--pg-url`` only SQLite is measured.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import requests
import synckit as kit
from records import Composer, pick
from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from kim_desktop.domain.enums import Status
from kim_desktop.domain.reference import load_reference_dir
from kim_desktop.domain.tracking import format_tracking_no
from sync.protocol import ActivityPayload, ComplaintPayload, canonical_hash
from sync.server.db import open_database
from sync.server.migrate import upgrade
from sync.server.models import (
    BatchRow,
    ChangeRow,
    CurrentRecordRow,
    DeviceRow,
    RecordRow,
)
from sync.server.sealing import install_identity_key

KIM_VILLAGES = 71
PASSWORD = "bench-Passw0rd-review"
CHANNELS = {"walk_in": 55, "socialization": 20, "phone": 15, "social_media": 7, "other": 3}
AT_HUB = {Status.RECEIVED, Status.RETURNED, Status.REJECTED, Status.VERIFIED, Status.FORWARDED,
          Status.DISPOSITIONED, Status.IN_PROGRESS, Status.RESOLVED, Status.ARCHIVED}


# --- loading -------------------------------------------------------------------------------------


class Loader:
    """Builds the rows of ``count`` records in memory, then inserts them in bulk."""

    def __init__(self, count: int, seed: int, now: datetime) -> None:
        self.rng = random.Random(seed)
        self.refs = load_reference_dir(kit.DATA)
        self.comp = Composer(self.rng, self.refs, "operator")
        self.now, self.count = now, count
        villages = sorted(self.refs.villages(), key=lambda r: r.code)
        self.kim = self.rng.sample(villages, KIM_VILLAGES)
        self.devices = {v.code: str(uuid.UUID(int=self.rng.getrandbits(128))) for v in self.kim}
        self.rows: dict[type[Any], list[dict[str, Any]]] = defaultdict(list)
        self.pending: dict[str, list[tuple[datetime, dict[str, Any], dict[str, Any]]]] = \
            defaultdict(list)
        self.changes: list[dict[str, Any]] = []
        self.sample_ids: list[uuid.UUID] = []

    def build(self) -> None:
        for i, village in enumerate(self.kim):
            self.rows[DeviceRow].append(dict(
                id=self.devices[village.code], village_code=village.code, role="operator",
                token_hash=f"{i:064x}", device_tag=f"{i + 100:03d}", device_name="PC kantor",
                app_version="0.1.0", protocol_version=1, enrolled_at=self.now - timedelta(400),
                revoked_at=None, last_seen_at=self.now - timedelta(hours=self.rng.uniform(0, 90)),
                clock_offset_seconds=self.rng.gauss(0, 20)))
        activities = self.count // 20
        made, counter = 0, 0
        while made < self.count - activities:
            counter += 1
            made += self._complaint(counter)
        for _ in range(activities):
            self._activity()
        self._batches()

    def _complaint(self, n: int) -> int:
        rng, now = self.rng, self.now
        village = self.kim[int(rng.triangular(0, KIM_VILLAGES, 0))] if rng.random() < 0.7 \
            else rng.choice(self.kim)
        created = now - timedelta(days=rng.uniform(0, 365) ** 1.05 / 365 ** 0.05)
        data, _ = self.comp.complaint(village, created, pick(rng, CHANNELS))
        tl = self.comp.timeline(created, now, village.code, data.get("agency_code"))
        events = [e for e in tl.events if e.status in AT_HUB]
        if not events:
            return 0
        device = self.devices[village.code]
        tag = f"{self.kim.index(village) + 100:03d}"
        payload = ComplaintPayload(**data, tracking_no=format_tracking_no(village.code, tag, n),
                                   recorded_by="operator", created_at=created, updated_at=created)
        rid = uuid.UUID(int=rng.getrandbits(128))
        receipts = [e.at for e in events if e.status is Status.RECEIVED]
        for revision, at in enumerate(receipts, start=1):
            p = payload if revision == len(receipts) else payload.model_copy(
                update={"body": payload.body + " (sebelum perbaikan)"})
            doc = p.model_dump(mode="json")
            self.pending[device].append((at, {
                "id": rid, "revision": revision, "entity": "complaint", "device_id": device,
                "village_code": village.code, "content_hash": canonical_hash(p), "payload": doc,
                "tracking_no": payload.tracking_no, "status": "received", "received_at": at,
                "server_version": revision}, {}))
        last = events[-1]
        self.rows[CurrentRecordRow].append(dict(
            id=rid, entity="complaint", revision=len(receipts), scope=f"village:{village.code}",
            owner_device_id=device, village_code=village.code, content_hash=canonical_hash(payload),
            tracking_no=payload.tracking_no, status=last.status.value,
            server_version=len(receipts), first_received_at=receipts[0],
            received_at=receipts[-1], status_at=last.at,
            lapor_tracking_id=tl.lapor_tracking_id if last.status.value in (
                "forwarded", "dispositioned", "in_progress", "resolved", "archived") else None,
            lapor_status_raw=tl.lapor_status_raw))
        revision = 0
        for e in events:
            revision += e.status is Status.RECEIVED
            self.changes.append(dict(
                scope=f"village:{village.code}", village_code=village.code, device_id=device,
                entity="complaint", record_id=rid, kind="status", status=e.status.value,
                revision=revision, at=e.at, actor=e.actor, note=e.note,
                lapor_tracking_id=None, lapor_status_raw=None, data=None))
        if len(self.sample_ids) < 200 and rng.random() < 0.02:
            self.sample_ids.append(rid)
        return 1

    def _activity(self) -> None:
        rng, now = self.rng, self.now
        village = rng.choice(self.kim)
        device = self.devices[village.code]
        starts = now - timedelta(days=rng.uniform(1, 365), hours=rng.uniform(0, 8))
        people = [{"name": f"Peserta {k}", "gender": "P" if rng.random() < 0.52 else "L",
                   "age": rng.randint(17, 70), "role": "warga"}
                  for k in range(rng.randint(8, 60))]
        payload = ActivityPayload(title="Sosialisasi SP4N-LAPOR!", topic="SP4N-LAPOR!",
                                  village_code=village.code, starts_at=starts,
                                  ends_at=starts + timedelta(hours=2), venue="Balai desa",
                                  organizer="KIM", participants=people, created_at=starts,
                                  updated_at=starts)
        rid, at = uuid.UUID(int=rng.getrandbits(128)), starts + timedelta(hours=rng.uniform(3, 72))
        at = min(at, now - timedelta(minutes=5))
        status = "verified" if at < now - timedelta(days=7) else "received"
        self.pending[device].append((at, {
            "id": rid, "revision": 1, "entity": "activity", "device_id": device,
            "village_code": village.code, "content_hash": canonical_hash(payload),
            "payload": payload.model_dump(mode="json"), "tracking_no": None,
            "status": "received", "received_at": at, "server_version": 1}, {}))
        self.rows[CurrentRecordRow].append(dict(
            id=rid, entity="activity", revision=1, scope=f"village:{village.code}",
            owner_device_id=device, village_code=village.code,
            content_hash=canonical_hash(payload), tracking_no=None, status=status,
            server_version=1, first_received_at=at, received_at=at, status_at=at,
            lapor_tracking_id=None, lapor_status_raw=None))

    def _batches(self) -> None:
        """Revisions of one device, in receipt order, go up in batches of 1-12 (a sync)."""
        for device, items in self.pending.items():
            items.sort(key=lambda x: x[0])
            i = 0
            while i < len(items):
                chunk = items[i:i + self.rng.randint(1, 12)]
                i += len(chunk)
                batch_id, at = uuid.UUID(int=self.rng.getrandbits(128)), chunk[-1][0]
                self.rows[BatchRow].append(dict(batch_id=batch_id, device_id=device,
                                                received_at=at, record_count=len(chunk),
                                                response_json=None))
                for _, rec, _ in chunk:
                    rec["batch_id"], rec["received_at"] = batch_id, at
                    self.rows[RecordRow].append(rec)
        first = {}
        for rec in self.rows[RecordRow]:
            if rec["revision"] == 1:
                first[rec["id"]] = rec["received_at"]
        for cur in self.rows[CurrentRecordRow]:
            cur["first_received_at"] = first[cur["id"]]
            cur["received_at"] = max(cur["received_at"], cur["first_received_at"])
            cur["status_at"] = max(cur["status_at"], cur["received_at"])

    def insert(self, url: str, key_file: Path) -> None:
        db = open_database(url)
        install_identity_key(db.engine, key_file)   # reporter identity sealed as the hub does
        try:
            with db.writes.begin() as s:
                for model in (DeviceRow, BatchRow, RecordRow, CurrentRecordRow):
                    rows = self.rows[model]
                    for k in range(0, len(rows), 2000):
                        s.execute(insert(model), rows[k:k + 2000])
                self.changes.sort(key=lambda c: c["at"])
                for k in range(0, len(self.changes), 5000):
                    s.execute(insert(ChangeRow), self.changes[k:k + 5000])
        finally:
            db.dispose()
        if make_url(url).get_backend_name() == "postgresql":
            engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
            with engine.connect() as conn:
                conn.execute(text("VACUUM ANALYZE"))
            engine.dispose()


# --- timing --------------------------------------------------------------------------------------


def timed(http: requests.Session, url: str, repeat: int, **params: Any) -> dict[str, float]:
    for _ in range(3):
        r = http.get(url, params=params, timeout=120)
        assert r.status_code == 200, (url, r.status_code, r.text[:300])
    ms = []
    for _ in range(repeat):
        t = time.perf_counter()
        r = http.get(url, params=params, timeout=120)
        r.content  # noqa: B018 - the whole answer is read
        ms.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200
    ms.sort()
    return {"median_ms": round(statistics.median(ms), 1),
            "p95_ms": round(ms[min(len(ms) - 1, round(0.95 * len(ms)) - 1)], 1),
            "max_ms": round(ms[-1], 1), "bytes": len(r.content)}


def measure(loader: Loader, db_url: str | None, work: Path, repeat: int) -> dict[str, Any]:
    work.mkdir(parents=True, exist_ok=True)
    hub = kit.HubProcess(work, db_url)
    settings = hub.settings()
    upgrade(settings.db_url)
    t = time.perf_counter()
    loader.insert(settings.db_url, settings.identity_key_path)
    load_s = time.perf_counter() - t
    from sync.server.context import build_hub

    built = build_hub(settings)
    try:
        built.accounts.add_user(username="bench", role="reviewer", password=PASSWORD)
    finally:
        built.close()
    hub.start()
    try:
        http = requests.Session()
        r = http.post(hub.url + "/v1/review/login",
                      json={"username": "bench", "password": PASSWORD}, timeout=30)
        r.raise_for_status()
        http.headers["Authorization"] = f"Bearer {r.json()['token']}"
        base = hub.url + "/v1/review"
        out: dict[str, Any] = {"load_seconds": round(load_s, 1)}
        # the first report after the load copies 50,000 records into report_facts (once)
        t = time.perf_counter()
        http.get(base + "/reports/summary", timeout=600).raise_for_status()
        out["first_summary_ms"] = round((time.perf_counter() - t) * 1000, 1)
        out["inbox_open_first_page"] = timed(http, base + "/batches", repeat, state="open")
        out["inbox_all_first_page"] = timed(http, base + "/batches", repeat)
        out["summary_district"] = timed(http, base + "/reports/summary", repeat)
        out["summary_kecamatan_90d"] = timed(
            http, base + "/reports/summary", repeat, kecamatan_code="73.24.04",
            date_from=(loader.now - timedelta(days=90)).date().isoformat())
        rid = loader.sample_ids[0]
        out["duplicates"] = timed(http, base + f"/records/{rid}/duplicates", repeat)
        out["overdue_500"] = timed(http, base + "/overdue", max(5, repeat // 4))
        summary = http.get(base + "/reports/summary", timeout=120).json()
        out["check"] = {"total": summary["total"], "overdue": summary["overdue"],
                        "open_batches_first_page": len(http.get(
                            base + "/batches", params={"state": "open"}, timeout=60).json())}
        return out
    finally:
        hub.stop()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--records", type=int, default=50_000)
    ap.add_argument("--repeat", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--pg-url", default="")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    now = datetime.now(UTC)
    t = time.perf_counter()
    loader = Loader(args.records, args.seed, now)
    loader.build()
    composed = time.perf_counter() - t
    counts = {m.__tablename__: len(r) for m, r in loader.rows.items()}
    statuses: dict[str, int] = defaultdict(int)
    for row in loader.rows[CurrentRecordRow]:
        statuses[f"{row['entity']}:{row['status']}"] += 1
    result: dict[str, Any] = {"machine": kit.machine(), "records": args.records,
                              "rows": counts, "changes": len(loader.changes),
                              "statuses": dict(sorted(statuses.items())),
                              "compose_seconds": round(composed, 1)}
    print(json.dumps({k: result[k] for k in ("rows", "changes", "statuses")}, indent=1))
    with tempfile.TemporaryDirectory(prefix="kim-bench-review-") as tmp:
        result["sqlite"] = measure(loader, None, Path(tmp) / "sqlite", args.repeat)
        print("sqlite", json.dumps(result["sqlite"], indent=1), flush=True)
        if args.pg_url:
            name = f"kim_bench_review_{uuid.uuid4().hex[:8]}"
            admin = create_engine(args.pg_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            try:
                url = make_url(args.pg_url).set(database=name).render_as_string(
                    hide_password=False)
                result["postgresql"] = measure(loader, url, Path(tmp) / "pg", args.repeat)
                print("postgresql", json.dumps(result["postgresql"], indent=1), flush=True)
            finally:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
