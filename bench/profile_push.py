"""Where a pushed complaint's CPU goes: the client's local steps and the hub's batch store.

    .venv/bin/python bench/profile_push.py [--count 2000] [--top 25]

No HTTP and no profiler across processes: everything runs in this process, once without and
once with cProfile. Client: ``claim_batch`` (mark ``sending``, load the records), building the
envelopes, ``record_results`` (apply the receipts). Hub: ``PushService.push`` on a fresh SQLite
hub database, batches of 200 as the client sends them. Prints ms per record for each step and the
functions with the most own time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synckit as kit

VILLAGE = "73.24.04.2010"


def setup(work: Path, count: int, seed: int) -> tuple[Any, Any, Any]:
    from sync.protocol import EnrollRequest
    from sync.server.auth import device_for_token
    from sync.server.context import build_hub
    from sync.server.migrate import upgrade
    from sync.server.settings import HubSettings

    factory = kit.ComplaintFactory(kit.Refs.load(), seed)
    today = kit.today_wita()
    core = kit.build_store(work / "store", VILLAGE, [factory.complaint(VILLAGE, today)
                                                     for _ in range(count)])
    settings = HubSettings.for_data_dir(work / "hub")
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.db_url)
    hub = build_hub(settings)
    code = hub.enrolment.create_code(village_code=VILLAGE, role="operator").code
    token = hub.enrolment.enroll(EnrollRequest(code=code, device_tag="A01", app_version="bench")
                                 ).token
    return core, hub, device_for_token(hub, token)


def run(core: Any, hub: Any, device: Any, batch: int) -> dict[str, list[float]]:
    import uuid

    from kim_desktop.services.sync_local import Receipt, SyncLocalService
    from sync.client.payloads import envelope
    from sync.protocol import PushRequest

    local = SyncLocalService(core.ctx)
    steps = ("claim_batch", "envelopes", "hub_push", "record_results")
    t = {k: [0.0, 0.0] for k in steps}       # wall, CPU of this thread

    def now() -> tuple[float, float]:
        return time.perf_counter(), time.thread_time()

    while True:
        marks = [now()]
        _, items = local.claim_batch(limit=batch)
        marks.append(now())
        if not items:
            return t
        envs = [envelope(it.record, it.revision, it.base_version, {}) for it in items]
        req = PushRequest(batch_id=uuid.uuid4(), records=envs)
        marks.append(now())
        resp = hub.push.push(device, req)
        marks.append(now())
        by_id = {it.record.id: it for it in items}
        local.record_results([Receipt(by_id[r.id].entity, r.id, r.revision, r.outcome,
                                      r.reason_code, r.reason, r.server_version, r.received_at)
                              for r in resp.results])
        marks.append(now())
        for k, a, b in zip(steps, marks, marks[1:], strict=False):
            t[k][0] += b[0] - a[0]
            t[k][1] += b[1] - a[1]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--count", type=int, default=2000)
    p.add_argument("--batch", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--top", type=int, default=25)
    args = p.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kim-profile-push-"))
    print(f"machine: {kit.machine_line()}")
    try:
        core, hub, device = setup(work / "plain", args.count, args.seed)
        c0 = time.process_time()
        t = run(core, hub, device, args.batch)
        cpu = time.process_time() - c0
        print(f"{args.count} records, batches of {args.batch}, no profiler "
              f"(process CPU {cpu:.2f} s = {cpu * 1000 / args.count:.2f} ms/record):")
        for k, (wall, cpu_s) in t.items():
            print(f"  {k:15s} wall {wall:6.2f} s  CPU {cpu_s:6.2f} s = "
                  f"{cpu_s * 1000 / args.count:5.2f} ms/record")
        hub.close()
        kit.close_core(core)

        core, hub, device = setup(work / "profiled", args.count, args.seed)
        prof = cProfile.Profile()
        prof.enable()
        run(core, hub, device, args.batch)
        prof.disable()
        out = io.StringIO()
        stats = pstats.Stats(prof, stream=out)
        stats.sort_stats("tottime").print_stats(args.top)
        stats.sort_stats("cumulative").print_stats(args.top * 2)
        print(out.getvalue())
        hub.close()
        kit.close_core(core)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
