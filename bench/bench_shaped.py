"""Benchmark: complaints and photos over a slow, lossy link (64 kbit/s, 300 ms RTT, cut every 30 s).

    .venv/bin/python bench/bench_shaped.py [--quick] [--json OUT]

1. Makes ``--photos`` camera-like JPEGs (4000x3000, ~2 MB, EXIF with GPS) and ``--complaints``
   varied complaints; photo i is attached to one complaint (``ComplaintService.add`` with paths,
   as ``kim complaint add --file`` does). One store is built and copied, so both runs below send
   exactly the same data.
2. Clean run: the copy syncs once to a fresh hub (``kim-hub serve`` subprocess, SQLite) through an
   unshaped counting proxy: the bytes a perfect link needs.
3. Shaped run: the original syncs to another fresh hub through `synckit.LinkProxy` shaping the
   link: a token bucket of ``--rate-kbit`` each direction, ``--rtt-ms`` round trip (half added each
   way, one more round trip to open a connection), every TCP connection reset ``--cut-s``
   seconds after it opened. ``SyncClient.sync()`` is called again after any `KimError` (1 s
   later) until the outbox and the upload lane are empty.
4. Verifies on the hub: every record there once, every attachment complete, its file's SHA-256
   equal to its name, no GPS left in any uploaded photo. Reports time, bytes, and the bytes sent
   again: (shaped - clean) / clean, client to hub, HTTP headers included.

``--quick``: 20 complaints, 4 photos, 256 kbit/s (a few minutes).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synckit as kit

VILLAGE = "73.24.11.2004"   # Desa Wasuponda, Kec. Wasuponda


def _photo(args: tuple[Path, int]) -> tuple[str, int]:
    path, seed = args
    data = kit.camera_jpeg(seed)
    path.write_bytes(data)
    return path.name, len(data)


def make_photos(folder: Path, count: int, seed: int) -> list[tuple[str, int]]:
    folder.mkdir(parents=True, exist_ok=True)
    jobs = [(folder / f"IMG_2025031{i % 10}_{90000 + i * 137}.jpg", seed * 1000 + i)
            for i in range(count)]
    with multiprocessing.get_context("fork").Pool(min(4, kit.os.cpu_count() or 1)) as pool:
        return pool.map(_photo, jobs)


def sync_until_done(client: Any, deadline_s: float) -> dict[str, Any]:
    """``sync()`` again after every failure until nothing is left to send."""
    from kim_desktop.domain.errors import KimError

    t0 = time.perf_counter()
    calls, errors = 0, Counter[str]()
    while True:
        calls += 1
        try:
            report = client.sync()
            left = len(client.local.pending_uploads())
            if report.pending == 0 and left == 0:
                break
            errors[f"incomplete(pending={report.pending},uploads={left})"] += 1
        except KimError as e:
            errors[e.code] += 1
        if time.perf_counter() - t0 > deadline_s:
            raise SystemExit(f"not done after {deadline_s} s: {dict(errors)}")
        time.sleep(1.0)
    return {"seconds": round(time.perf_counter() - t0, 1), "sync_calls": calls,
            "errors": dict(errors)}


def verify_hub(hub: kit.HubProcess, client: Any, complaints: int) -> dict[str, Any]:
    from sqlalchemy import func, select

    from sync.server.db import open_database
    from sync.server.models import AttachmentLinkRow, AttachmentRow, RecordRow

    expected = {f.upload_sha256 for f in _blobs(client)}
    db = open_database(hub.settings().db_url, pool_size=1, max_overflow=0)
    try:
        with db.reads() as s:
            n, distinct = s.execute(select(func.count(), func.count(func.distinct(RecordRow.id)))
                                    ).one()
            rows = {r.sha256: r for r in s.scalars(select(AttachmentRow))}
            links = s.scalar(select(func.count()).select_from(AttachmentLinkRow))
    finally:
        db.dispose()
    bad: list[str] = []
    gps = 0
    for sha in expected:
        row = rows.get(sha)
        if row is None or not row.complete or row.stored_path is None:
            bad.append(f"{sha[:12]} not complete")
            continue
        data = (hub.settings().attachments_dir / row.stored_path).read_bytes()
        if hashlib.sha256(data).hexdigest() != sha or len(data) != row.size:
            bad.append(f"{sha[:12]} hash/size mismatch")
        gps += kit.has_gps(data)
    ok = n == distinct == complaints and not bad and gps == 0 and len(rows) == len(expected)
    return {"ok": ok, "records": int(n), "distinct_ids": int(distinct),
            "attachments_expected": len(expected), "attachments_at_hub": len(rows),
            "attachment_links": int(links or 0), "problems": bad, "photos_with_gps": gps}


def _blobs(client: Any) -> list[Any]:
    from sqlalchemy import select

    from kim_desktop.storage.db import transaction
    from kim_desktop.storage.rows import BlobRow

    with transaction(client.local._ctx.sessions) as s:
        return list(s.scalars(select(BlobRow)))


def run_once(work: Path, name: str, store: Path, complaints: int, proxy_kw: dict[str, Any],
             deadline_s: float, settings: Any) -> dict[str, Any]:
    hub = kit.HubProcess(work / f"hub-{name}").start()
    proxy = kit.LinkProxy(hub.port, **proxy_kw)
    try:
        core = kit.open_core(store)
        client = kit.enrol(core, hub.url, hub.issue_codes([(VILLAGE, "operator")])[0], settings)
        core.device.set_hub(proxy.url, enrolled=True)    # from now on every byte crosses the link
        proxy.reset_counts()
        print(f"[{name}] syncing through {proxy.url} {proxy_kw}", flush=True)
        result = sync_until_done(client, deadline_s)
        time.sleep(0.5)
        up, down = proxy.snapshot()
        result.update({"up_bytes": up, "down_bytes": down, "connections": proxy.connections,
                       "cuts": proxy.cuts, "by_request": kit.label_table(proxy.stats),
                       "verify": verify_hub(hub, client, complaints)})
        blobs = _blobs(client)
        result["photos"] = {"count": len(blobs),
                            "original_bytes": sum(b.size for b in blobs),
                            "uploaded_bytes": sum(b.upload_size or 0 for b in blobs)}
        kit.close_core(core)
        print(f"[{name}] {json.dumps({k: v for k, v in result.items() if k != 'by_request'})}",
              flush=True)
        return result
    finally:
        proxy.close()
        hub.stop()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--quick", action="store_true", help="20 complaints, 4 photos, 256 kbit/s")
    p.add_argument("--complaints", type=int)
    p.add_argument("--photos", type=int)
    p.add_argument("--rate-kbit", type=float)
    p.add_argument("--rtt-ms", type=float, default=300.0)
    p.add_argument("--cut-s", type=float, default=30.0)
    p.add_argument("--chunk-kib", type=int, help="override SyncSettings.chunk_bytes (experiments)")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--deadline-s", type=float, default=3 * 3600)
    p.add_argument("--workdir", type=Path)
    p.add_argument("--json", type=Path)
    args = p.parse_args()
    complaints = args.complaints or (20 if args.quick else 100)
    photos = args.photos if args.photos is not None else (4 if args.quick else 20)
    rate_kbit = args.rate_kbit or (256.0 if args.quick else 64.0)

    kit.use_memory_keyring()
    from sync.client.engine import SyncSettings

    settings = SyncSettings(chunk_bytes=args.chunk_kib * 1024) if args.chunk_kib else None

    work = args.workdir or Path(tempfile.mkdtemp(prefix="kim-bench-shaped-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {kit.machine_line()}\nwork dir: {work}", flush=True)
    res: dict[str, Any] = {"machine": kit.machine(), "complaints": complaints, "photos": photos,
                           "rate_kbit": rate_kbit, "rtt_ms": args.rtt_ms, "cut_s": args.cut_s,
                           "chunk_bytes": (settings or SyncSettings()).chunk_bytes,
                           "batch_records": (settings or SyncSettings()).batch_records,
                           "load_before": kit.os.getloadavg()}

    t = time.perf_counter()
    made = make_photos(work / "photos", photos, args.seed)
    factory = kit.ComplaintFactory(kit.Refs.load(), args.seed)
    today = kit.today_wita()
    data = [factory.complaint(VILLAGE, today) for _ in range(complaints)]
    for i, (name, _) in enumerate(made):
        data[i * complaints // max(1, photos)]["attachments"] = [{"path": f"photos/{name}"}]
    core = kit.build_store(work / "store-shaped", VILLAGE, data, base_dir=work)
    kit.close_core(core)
    shutil.copytree(work / "store-shaped", work / "store-clean")
    res["setup_s"] = round(time.perf_counter() - t, 1)
    print(f"{photos} photos ({sum(s for _, s in made)} bytes) and {complaints} complaints "
          f"ready in {res['setup_s']} s", flush=True)

    res["clean"] = run_once(work, "clean", work / "store-clean", complaints, {}, args.deadline_s,
                            settings)
    rate = rate_kbit * 1000 / 8
    res["shaped"] = run_once(work, "shaped", work / "store-shaped", complaints,
                             {"rate": rate, "delay": args.rtt_ms / 2000, "cut_after": args.cut_s},
                             args.deadline_s, settings)
    clean_up, shaped_up = res["clean"]["up_bytes"], res["shaped"]["up_bytes"]
    res["resent_bytes"] = shaped_up - clean_up
    res["resent_fraction"] = round((shaped_up - clean_up) / clean_up, 4)
    clean_by = {r["request"]: r for r in res["clean"]["by_request"]}
    res["resent_by_request"] = {
        r["request"]: {"extra_requests": r["requests"] - clean_by.get(r["request"], {}).get(
            "requests", 0), "extra_up_bytes": r["up"] - clean_by.get(r["request"], {}).get("up", 0),
            "unanswered_up_bytes": r["up_unanswered"]}
        for r in res["shaped"]["by_request"]}
    res["link_utilisation"] = round(shaped_up / rate / res["shaped"]["seconds"], 3)
    res["load_after"] = kit.os.getloadavg()
    kit.write_json(args.json, res)
    print(json.dumps({k: res[k] for k in ("resent_bytes", "resent_fraction", "resent_by_request",
                                          "link_utilisation")}, indent=1))
    ok = res["clean"]["verify"]["ok"] and res["shaped"]["verify"]["ok"]
    ph = res["shaped"]["photos"]
    print(f"RESULT shaped {complaints} complaints + {photos} photos at {rate_kbit:g} kbit/s, "
          f"{args.rtt_ms:g} ms RTT, cut every {args.cut_s:g} s: {res['shaped']['seconds']} s, "
          f"{res['shaped']['sync_calls']} sync() calls, {res['shaped']['cuts']} cuts; sent "
          f"{shaped_up} B vs {clean_up} B clean: resent {res['resent_fraction']:.1%} "
          f"(target <= 10 %); photos {ph['original_bytes']} B original -> {ph['uploaded_bytes']} B "
          f"uploaded; verified={ok}")
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
