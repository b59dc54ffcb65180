"""Benchmark: 71 devices x 100 records pushing at once to one hub, on SQLite and on PostgreSQL.

    .venv/bin/python bench/bench_devices.py [--pg-url postgresql+psycopg://...] [--json OUT]

1. Builds ``--devices`` template village stores (one desa each, ``--records`` queued complaints
   each) in worker processes, once; every database run works on a fresh copy of them.
2. Per database: a fresh hub (``kim-hub init`` + ``kim-hub serve`` subprocess; SQLite in its data
   folder, or PostgreSQL), one-time codes from the hub's enrolment service, then one forked
   process per device: it opens its store, enrols over HTTP, waits at a barrier, and calls
   ``SyncClient.sync()`` (again, up to ``--retries`` times, if it raises `KimError`).
   Wall time runs from the barrier's release to the last device's return.
3. Verifies at the hub: devices x records rows, all ids distinct, exactly the ids the devices
   hold; and on every device: nothing pending, everything ``received``.

PostgreSQL: with ``--pg-url`` a fresh database is created in that server and dropped after;
otherwise a throwaway cluster is started (``initdb``/``pg_ctl`` as the postgres user, see
TOOLING.md; ``apt-get install -y postgresql`` when the binaries are missing) and removed after.
"""

from __future__ import annotations

import argparse
import glob
import json
import multiprocessing
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synckit as kit

# --- stores ------------------------------------------------------------------------------------


def _build_template(job: tuple[Path, str, int, int]) -> str:
    root, village, records, seed = job
    factory = kit.ComplaintFactory(kit.Refs.load(), seed)
    today = kit.today_wita()
    core = kit.build_store(root, village, [factory.complaint(village, today)
                                           for _ in range(records)])
    kit.close_core(core)
    return village


def build_templates(folder: Path, villages: list[str], records: int, seed: int) -> list[Path]:
    jobs = [(folder / f"device-{i:03d}", v, records, seed * 1000 + i)
            for i, v in enumerate(villages)]
    with multiprocessing.get_context("fork").Pool(os.cpu_count() or 1) as pool:
        pool.map(_build_template, jobs)
    return [j[0] for j in jobs]


# --- one device --------------------------------------------------------------------------------


def device_main(i: int, store: Path, hub_url: str, code: str, retries: int,
                barrier: Any, out: Any) -> None:
    from sqlalchemy import select

    from kim_desktop.domain.errors import KimError
    from kim_desktop.storage.db import transaction
    from kim_desktop.storage.rows import ComplaintRow

    result: dict[str, Any] = {"i": i, "errors": []}
    try:
        kit.use_memory_keyring()
        core = kit.open_core(store)
        client = kit.enrol(core, hub_url, code)
        with transaction(core.ctx.sessions) as s:
            result["ids"] = [str(x) for x in s.scalars(select(ComplaintRow.id))]
    except Exception as e:
        result["errors"].append(f"setup: {type(e).__name__}: {e}")
        barrier.abort()
        out.put(result)
        return
    try:
        barrier.wait(timeout=600)
    except threading.BrokenBarrierError:
        result["errors"].append("barrier broken: another device failed to set up")
        out.put(result)
        return
    cpu0 = time.process_time()
    result["start"] = time.time()
    marks: dict[str, float] = {}

    def progress(p: Any) -> None:
        marks.setdefault(f"{p.phase}_first", time.time())
        marks[f"{p.phase}_last"] = time.time()

    for _ in range(retries + 1):
        try:
            report = client.sync(progress=progress)
            result.update(pushed=report.pushed, pending=report.pending,
                          set_aside=report.set_aside)
            if report.pending == 0:
                break
        except KimError as e:
            result["errors"].append(e.code)
            time.sleep(1.0)
    result["end"] = time.time()
    result["marks"] = marks
    result["cpu_s"] = time.process_time() - cpu0
    with transaction(core.ctx.sessions) as s:
        result["received"] = len(list(s.scalars(select(ComplaintRow.id).where(
            ComplaintRow.status == "received"))))
    kit.close_core(core)
    out.put(result)


# --- PostgreSQL --------------------------------------------------------------------------------


class PgCluster:
    """A throwaway PostgreSQL cluster in a temp folder, run as the postgres user."""

    def __init__(self, fsync: bool) -> None:
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                      key=lambda p: int(Path(p).parent.name))
        if not bins:
            subprocess.run(["apt-get", "install", "-y", "-qq", "postgresql"], check=True)
            bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                          key=lambda p: int(Path(p).parent.name))
        self.bin = Path(bins[-1])
        self.dir = Path(tempfile.mkdtemp(prefix="kim-bench-pg-"))
        shutil.chown(self.dir, "postgres")
        self.port = kit.free_port()
        run = ["runuser", "-u", "postgres", "--"]
        subprocess.run([*run, str(self.bin / "initdb"), "-D", str(self.dir / "data"), "-A", "trust",
                        "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                       cwd=self.dir, check=True, stdout=subprocess.DEVNULL)
        opts = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 "
                f"-c max_connections=200 -c fsync={'on' if fsync else 'off'}")
        subprocess.run([*run, str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-w",
                        "-l", str(self.dir / "log"), "-o", opts, "start"],
                       cwd=self.dir, check=True, stdout=subprocess.DEVNULL)
        self.url = f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def cpu_seconds(self) -> float:
        """CPU of the postmaster and its live children (the backends, WAL writer, …)."""
        pm = int((self.dir / "data" / "postmaster.pid").read_text().split()[0])
        total = kit.proc_cpu_seconds(pm)
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pm:
                total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return total

    def stop(self) -> None:
        subprocess.run(["runuser", "-u", "postgres", "--", str(self.bin / "pg_ctl"), "-D",
                        str(self.dir / "data"), "-m", "fast", "stop"], cwd=self.dir,
                       stdout=subprocess.DEVNULL, check=False)
        shutil.rmtree(self.dir, ignore_errors=True)


def fresh_database(server_url: str) -> tuple[str, str]:
    """A new, empty database in the server of ``server_url``: (its URL, its name)."""
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(server_url)
    name = f"kim_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url.set(drivername="postgresql").render_as_string(False),
                         autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return url.set(database=name).render_as_string(False), name


def drop_database(server_url: str, name: str) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(server_url).set(drivername="postgresql")
    with psycopg.connect(url.render_as_string(False), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- one run -----------------------------------------------------------------------------------


def hub_check(hub: kit.HubProcess, expected_ids: set[str]) -> dict[str, Any]:
    from sqlalchemy import func, select

    from sync.server.db import open_database
    from sync.server.models import RecordRow

    db = open_database(hub.settings().db_url, pool_size=1, max_overflow=0)
    try:
        with db.reads() as s:
            n = s.scalar(select(func.count()).select_from(RecordRow)) or 0
            ids = {str(x) for x in s.scalars(select(RecordRow.id))}
            batches = s.scalar(select(func.count(func.distinct(RecordRow.batch_id)))) or 0
    finally:
        db.dispose()
    return {"rows": n, "distinct_ids": len(ids), "batches": batches,
            "same_ids_as_devices": ids == expected_ids}


def run(name: str, work: Path, templates: list[Path], villages: list[str], db_url: str | None,
        retries: int, db_cpu: Any = None) -> dict[str, Any]:
    stores = work / f"stores-{name}"
    shutil.rmtree(stores, ignore_errors=True)
    for t in templates:
        shutil.copytree(t, stores / t.name)
    hub = kit.HubProcess(work / f"hub-{name}", db_url).start()
    try:
        codes = hub.issue_codes([(v, "operator") for v in villages])
        ctx = multiprocessing.get_context("fork")
        barrier = ctx.Barrier(len(templates) + 1)
        out = ctx.Queue()
        procs = [ctx.Process(target=device_main, args=(i, stores / t.name, hub.url, codes[i],
                                                       retries, barrier, out))
                 for i, t in enumerate(templates)]
        for p in procs:
            p.start()
        try:
            barrier.wait(timeout=600)
        except threading.BrokenBarrierError:
            for proc in procs:
                proc.terminate()
            raise SystemExit(f"a device failed to set up: {out.get(timeout=30)}") from None
        t0 = time.time()
        cpu0, db_cpu0 = hub.cpu_seconds(), db_cpu() if db_cpu else 0.0
        load0 = os.getloadavg()
        results = [out.get(timeout=1800) for _ in procs]
        hub_cpu = hub.cpu_seconds() - cpu0
        db_cpu_s = round(db_cpu() - db_cpu0, 2) if db_cpu else None
        for p in procs:
            p.join(timeout=60)
        t0 = min([t0, *(r["start"] for r in results if "start" in r)])   # the first one out
        wall = max(r["end"] for r in results) - t0
        all_ids = {x for r in results for x in r.get("ids", [])}
        check = hub_check(hub, all_ids)
        expected = len(templates) * len(results[0].get("ids", []))
        durations = sorted(r["end"] - r["start"] for r in results)

        def spread(key: str) -> dict[str, float]:
            xs = sorted(r["marks"][key] - t0 for r in results if key in r.get("marks", {}))
            return {"first": round(xs[0], 2), "median": round(xs[len(xs) // 2], 2),
                    "last": round(xs[-1], 2)} if xs else {}

        errors = [e for r in results for e in r["errors"]]
        ok = (check["rows"] == check["distinct_ids"] == expected == len(all_ids)
              and not any(code.startswith("5") for code in hub.status_counts())
              and check["same_ids_as_devices"]
              and all(r.get("pending") == 0 and r.get("received") == len(r["ids"])
                      for r in results))
        res = {
            "db": name, "ok": ok, "devices": len(results), "records": check["rows"],
            "expected": expected, "wall_s": round(wall, 2),
            "records_per_s": round(check["rows"] / wall, 1),
            "device_s": {"min": round(durations[0], 2),
                         "median": round(durations[len(durations) // 2], 2),
                         "max": round(durations[-1], 2)},
            "start_spread_s": round(max(r["start"] for r in results) - t0, 3),
            "since_release_s": {"handshake_done": spread("handshake_last"),
                                "push_done": spread("push_last"), "sync_done": spread("done_last")},
            "hub_cpu_s": round(hub_cpu, 2), "db_server_cpu_s": db_cpu_s,
            "devices_cpu_s": round(sum(r["cpu_s"] for r in results), 2),
            "retried_sync_calls": len(errors), "errors": sorted(set(errors)),
            "hub": check, "hub_http_statuses": hub.status_counts(), "load_at_start": load0,
        }
        print(f"[{name}] {json.dumps(res)}", flush=True)
        return res
    finally:
        hub.stop()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--devices", type=int, default=71)
    p.add_argument("--records", type=int, default=100)
    p.add_argument("--seed", type=int, default=3)
    p.add_argument("--retries", type=int, default=5, help="extra sync() calls after a KimError")
    p.add_argument("--pg-url", help="a PostgreSQL server to use (a fresh database is created)")
    p.add_argument("--pg-fsync", choices=("on", "off"), default="on",
                   help="fsync of the throwaway cluster (default on, like production)")
    p.add_argument("--only", choices=("sqlite", "postgresql"))
    p.add_argument("--workdir", type=Path)
    p.add_argument("--json", type=Path)
    args = p.parse_args()

    # imported once here so that the forked devices start warm
    import kim_desktop.core  # noqa: F401
    import sync.client.service  # noqa: F401

    work = args.workdir or Path(tempfile.mkdtemp(prefix="kim-bench-devices-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {kit.machine_line()}\nwork dir: {work}", flush=True)
    refs = kit.Refs.load()
    codes = sorted(refs.villages)
    if args.devices > len(codes):
        raise SystemExit(f"--devices: at most {len(codes)} (one desa/kelurahan each)")
    villages = random.Random(args.seed).sample(codes, args.devices)
    t = time.perf_counter()
    templates = build_templates(work / "templates", villages, args.records, args.seed)
    res: dict[str, Any] = {"machine": kit.machine(), "devices": args.devices,
                           "records_per_device": args.records,
                           "setup_s": round(time.perf_counter() - t, 1), "runs": []}
    print(f"{args.devices} stores x {args.records} complaints built in {res['setup_s']} s",
          flush=True)
    if args.only in (None, "sqlite"):
        res["runs"].append(run("sqlite", work, templates, villages, None, args.retries))
    if args.only in (None, "postgresql"):
        cluster = None
        server = args.pg_url
        if server is None:
            cluster = PgCluster(fsync=args.pg_fsync == "on")
            server = cluster.url
        try:
            url, dbname = fresh_database(server)
            try:
                r = run("postgresql", work, templates, villages, url, args.retries,
                        cluster.cpu_seconds if cluster else None)
                r["pg"] = ("given --pg-url" if args.pg_url else
                           f"throwaway cluster, fsync={args.pg_fsync}")
                res["runs"].append(r)
            finally:
                drop_database(server, dbname)
        finally:
            if cluster is not None:
                cluster.stop()
    kit.write_json(args.json, res)
    for r in res["runs"]:
        print(f"RESULT devices {r['devices']} x {args.records} on {r['db']}: {r['wall_s']} s wall, "
              f"{r['records_per_s']} records/s, {r['records']}/{r['expected']} rows, distinct "
              f"{r['hub']['distinct_ids']}, retried sync() calls {r['retried_sync_calls']}, "
              f"verified={r['ok']}")
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if all(r["ok"] for r in res["runs"]) else 1


if __name__ == "__main__":
    sys.exit(main())
