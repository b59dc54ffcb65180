"""Benchmark of the local store with 100,000 complaints (issue 2, "Performance").

    python bench/bench_store.py [--dir DIR] [--reuse] [--count 100000] [--seed 1]

Builds a store with ``generate.py`` (or reuses the one in ``--dir`` with ``--reuse``), then times,
with ``time.perf_counter`` over many repetitions (median and p95, after warm-up calls):

* submit one complaint: ``ComplaintService.submit`` of a fresh draft (submit alone), and the
  whole save + submit (``ComplaintService.add`` of a draft, then ``submit``);
* a full-text search returning the first 50 matches (varied realistic words);
* the first page (50) of a filtered list: status + category + date range;
* ``kim complaint list --json`` over the whole store, as a subprocess (wall time, output to
  /dev/null; one extra run checks the number of records);
* the store size per 1,000 complaints (WAL checkpointed first).

Prints a markdown table (target, median, p95, pass/fail) and, with ``--json-out``, the numbers.
The submit runs add complaints to the store (a few hundred); they are counted where it matters.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate
from records import Composer

from kim_desktop.core import Core, build_core
from kim_desktop.domain.enums import Status
from kim_desktop.domain.models import ComplaintQuery
from kim_desktop.paths import DataPaths

SEARCHES = [
    "jalan rusak", "air PDAM", "listrik padam", "KTP", "BPJS", "pupuk subsidi", "jembatan",
    "bantuan sosial", "sekolah", "sampah", "banjir", "elpiji", "sinyal", "dana desa", "posyandu",
    "akta kelahiran", "lampu jalan", "PKH", "irigasi", "puskesmas", "Dusun Harapan", "drainase",
    "obat", "tambang nikel", "jala", "blangko", "sawit", "kartu keluarga", "longsor", "guru",
]
FILTERS: list[tuple[tuple[Status, ...], str, int, int]] = [
    # statuses, top-level category, from (days ago), to (days ago)
    ((Status.IN_PROGRESS, Status.DISPOSITIONED), "pekerjaan-umum-dan-penataan-ruang", 90, 0),
    ((Status.RESOLVED,), "kependudukan", 180, 30),
    ((Status.QUEUED, Status.DRAFT), "kesehatan", 365, 0),
    ((Status.RECEIVED, Status.VERIFIED, Status.FORWARDED), "sosial-dan-kesejahteraan", 30, 0),
    ((Status.RETURNED,), "energi-dan-sumber-daya-alam", 120, 0),
    ((Status.REJECTED, Status.ARCHIVED), "pertanian-dan-peternakan", 365, 60),
]
TARGETS_MS = {"submit": 20.0, "save_submit": None, "search": 50.0, "filtered": 30.0,
              "first_page": 30.0, "list_json": 5000.0}


@dataclass
class Result:
    key: str
    label: str
    target_ms: float | None
    samples_ms: list[float]
    cpu_ms: list[float]
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu_ms)

    @property
    def p95(self) -> float:
        s = sorted(self.samples_ms)
        return s[min(len(s) - 1, max(0, round(0.95 * len(s) + 0.5) - 1))]

    @property
    def passed(self) -> bool | None:
        return None if self.target_ms is None else self.median <= self.target_ms


def timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall and CPU milliseconds of one call (CPU time shows what contention hides)."""
    c0, t0 = time.process_time(), time.perf_counter()
    out = fn()
    return (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000, out


def bench_submit(core: Core, reps: int, rng: random.Random) -> tuple[Result, Result]:
    comp = Composer(rng, core.reference.data(), "bench")
    base = Path(tempfile.gettempdir())
    submit_ms, total_ms, submit_cpu, total_cpu = [], [], [], []
    for i in range(reps + 3):
        data, _ = comp.complaint(comp.village(), core.ctx.now(), "walk_in")
        c0, t0 = time.process_time(), time.perf_counter()
        draft = core.complaints.add([(data, base)], submit=False)[0]
        c1, t1 = time.process_time(), time.perf_counter()
        done = core.complaints.submit(draft.id)
        c2, t2 = time.process_time(), time.perf_counter()
        assert done.status is Status.QUEUED
        if i >= 3:                                  # the first calls warm caches up
            submit_ms.append((t2 - t1) * 1000)
            total_ms.append((t2 - t0) * 1000)
            submit_cpu.append((c2 - c1) * 1000)
            total_cpu.append((c2 - c0) * 1000)
    return (Result("submit", "Submit one complaint (`submit` of a saved draft)", TARGETS_MS["submit"],
                   submit_ms, submit_cpu),
            Result("save_submit", "Save draft + submit (`add` then `submit`, two transactions)",
                   TARGETS_MS["save_submit"], total_ms, total_cpu))


def bench_search(core: Core, rounds: int) -> Result:
    samples, cpu, totals = [], [], {}
    for q in SEARCHES:                                 # warm-up
        core.complaints.list(ComplaintQuery(text=q, limit=50))
    for _ in range(rounds):
        for q in SEARCHES:
            ms, c, page = timed(lambda q=q: core.complaints.list(ComplaintQuery(text=q, limit=50)))
            samples.append(ms)
            cpu.append(c)
            totals[q] = page.total
    hits = sorted(totals.values())
    return Result("search", "Full-text search, first 50 matches", TARGETS_MS["search"], samples,
                  cpu, f"{len(SEARCHES)} queries; matches per query {hits[0]}–{hits[-1]} "
                  f"(median {statistics.median(hits):.0f})")


def bench_filtered(core: Core, rounds: int) -> tuple[Result, Result]:
    today = core.ctx.today()
    queries = [ComplaintQuery(statuses=st, category_codes=(cat,),
                              date_from=today - timedelta(days=a), date_to=today - timedelta(days=b),
                              limit=50) for st, cat, a, b in FILTERS]
    for q in queries:
        core.complaints.list(q)
    samples, cpu, totals = [], [], []
    for _ in range(rounds):
        for q in queries:
            ms, c, page = timed(lambda q=q: core.complaints.list(q))
            samples.append(ms)
            cpu.append(c)
            totals.append(page.total)
    first = [timed(lambda: core.complaints.list(ComplaintQuery(limit=50))) for _ in range(rounds * 4)]
    return (Result("filtered", "First page of a filtered list (status + category + dates)",
                   TARGETS_MS["filtered"], samples, cpu,
                   f"{len(queries)} filter sets; {min(totals)}–{max(totals)} matching"),
            Result("first_page", "First page, no filter (the list as it opens)",
                   TARGETS_MS["first_page"], [f[0] for f in first], [f[1] for f in first]))


def kim_command() -> list[str]:
    script = Path(sys.executable).with_name("kim")
    return [str(script)] if script.exists() else [sys.executable, "-m", "kim_desktop.cli"]


def bench_list_json(data_dir: Path, reps: int, expected: int) -> Result:
    cmd = [*kim_command(), "--data-dir", str(data_dir), "complaint", "list", "--json"]
    env = dict(os.environ, KIM_LOG_DIR=str(Path(tempfile.gettempdir()) / "kim-bench-logs"))
    with tempfile.TemporaryFile() as out:
        subprocess.run(cmd, stdout=out, check=True, env=env)
        out.seek(0)
        n = len(json.load(out))
    if n != expected:
        raise SystemExit(f"kim complaint list --json gave {n} records, the store holds {expected}")
    samples, cpu = [], []
    for _ in range(reps):
        with open(os.devnull, "wb") as null:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run(cmd, stdout=null, check=True, env=env)
            samples.append((time.perf_counter() - t0) * 1000)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000)
    return Result("list_json", f"`kim complaint list --json`, all {n:,} records (subprocess)",
                  TARGETS_MS["list_json"], samples, cpu, f"{n:,} records checked")


def store_size(path: Path) -> tuple[int, int]:
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        n = con.execute("SELECT count(*) FROM complaint WHERE NOT deleted").fetchone()[0]
    finally:
        con.close()
    wal = path.with_name(path.name + "-wal")
    return path.stat().st_size + (wal.stat().st_size if wal.exists() else 0), n


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"nproc": str(os.cpu_count()), "cpu": cpu, "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version, "os": platform.platform(),
            "load": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def table(results: list[Result]) -> str:
    lines = ["| Measure | Target | Median | p95 | CPU median | Runs | Result |",
             "|---|---|---|---|---|---|---|"]
    for r in results:
        target = f"≤ {r.target_ms:,.0f} ms" if r.target_ms else "–"
        verdict = {True: "pass", False: "**FAIL**", None: "–"}[r.passed]
        lines.append(f"| {r.label} | {target} | {r.median:,.1f} ms | {r.p95:,.1f} ms | "
                     f"{r.cpu_median:,.1f} ms | {len(r.samples_ms)} | {verdict} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--dir", type=Path, help="data folder of the store (default: a new temp folder)")
    p.add_argument("--reuse", action="store_true", help="use the store already in --dir")
    p.add_argument("--count", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--submit-runs", type=int, default=60)
    p.add_argument("--rounds", type=int, default=5, help="rounds over the search/filter sets")
    p.add_argument("--list-runs", type=int, default=3)
    p.add_argument("--json-out", type=Path)
    args = p.parse_args(argv)

    data_dir = args.dir or Path(tempfile.mkdtemp(prefix="kim-bench-"))
    store = DataPaths(data_dir.resolve()).store
    if args.reuse and store.exists():
        print(f"reusing {store}", file=sys.stderr)
    else:
        if store.exists():
            raise SystemExit(f"{store} exists; pass --reuse or another --dir")
        s = generate(data_dir, args.count, args.seed)
        print(f"generated {s.complaints} complaints in {s.seconds:.1f}s", file=sys.stderr)
    size, before = store_size(store)
    load0 = " ".join(f"{x:.2f}" for x in os.getloadavg())

    core = build_core(DataPaths(data_dir.resolve()))
    rng = random.Random(args.seed + 1)
    results: list[Result] = []
    results += bench_submit(core, args.submit_runs, rng)
    results.append(bench_search(core, args.rounds))
    results += bench_filtered(core, args.rounds)
    core.ctx.sessions.kw["bind"].dispose()
    _, now_count = store_size(store)
    results.append(bench_list_json(data_dir, args.list_runs, now_count))

    per_1000 = size / (before / 1000)
    info = machine()
    print(f"\nStore: {before:,} complaints, {size / 1e6:.1f} MB "
          f"→ {per_1000 / 1e6:.2f} MB per 1,000 complaints (WAL checkpointed)")
    print(f"Machine: {info['nproc']} × {info['cpu']}, Python {info['python']}, "
          f"SQLite {info['sqlite']}; load average before {load0}, after {info['load']}\n")
    print(table(results))
    for r in results:
        if r.note:
            print(f"- {r.key}: {r.note}")
    if args.json_out:
        args.json_out.write_text(json.dumps({
            "machine": info, "load_before": load0, "complaints": before, "store_bytes": size,
            "bytes_per_1000": per_1000,
            "results": [dict(asdict(r), median=r.median, p95=r.p95, cpu_median=r.cpu_median,
                             passed=r.passed)
                        for r in results]}, indent=1))
    return 0 if all(r.passed is not False for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
