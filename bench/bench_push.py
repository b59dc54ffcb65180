"""Benchmark: push 10,000 queued text complaints to a loopback hub on SQLite, and the bytes.

    .venv/bin/python bench/bench_push.py [--count 10000] [--seed 1] [--json OUT]

1. Builds one village store with ``--count`` varied complaints (submitted: queued, one outbox
   entry each), the way the app does (``ComplaintService.add(..., submit=True)``).
2. Starts the hub as a ``kim-hub serve`` subprocess on SQLite, enrols the device over HTTP, and
   times one ``SyncClient.sync()`` (handshake, push, pull of the resulting change feed). The
   exact gzip request bodies of every ``POST /v1/push`` are captured with a response hook on the
   client's session.
3. In the same run: plain ``requests`` POSTs those captured bodies, same headers, over one
   kept-alive session to a trivial FastAPI app (``uvicorn`` subprocess, same log level) that
   reads the body and answers a tiny JSON. Reported as the ratio sync / baseline.
4. Bytes on the wire: a copy of the same store, taken before the timed sync, synced to a fresh
   hub through a counting TCP proxy (request+response bytes, HTTP headers included).
5. The same complaints sent one per request over a kept-alive session through the counting
   proxy, as OpenRosa submissions (multipart/form-data with ``xml_submission_file``) and as
   Open311 GeoReport v2 form posts, to trivial endpoints.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from email.utils import formatdate
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synckit as kit

DEFAULT_VILLAGE = "73.24.04.2010"   # Desa Balantang, Kec. Malili


class Recorder:
    """A `requests` response hook: what each call sent and how long the hub took to answer."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def hook(self, resp: Any, *args: Any, **kwargs: Any) -> None:
        req = resp.request
        path = urlsplit(req.url).path
        body = req.body if isinstance(req.body, bytes) else (req.body or "").encode()
        self.calls.append({"method": req.method, "path": path, "body": body,
                           "headers": dict(req.headers), "status": resp.status_code,
                           "elapsed": resp.elapsed.total_seconds(),
                           "response_bytes": len(resp.content)})


def recording_client(core: Any, recorder: Recorder) -> Any:
    from sync.client.service import SyncClient

    class RecordingSyncClient(SyncClient):
        def _hub(self, url: str | None = None, token: str | None = None) -> Any:
            hub = super()._hub(url, token)
            hub._session.hooks["response"].append(recorder.hook)
            return hub

    return RecordingSyncClient(core)


class StepTimers:
    """Wall time spent inside some client methods during one sync (wrapped for the run only)."""

    TARGETS = (("kim_desktop.services.sync_local", "SyncLocalService",
                ("claim_batch", "record_results", "apply_changes")),
               ("sync.client.engine", "SyncEngine", ("_by_bytes",)),
               ("sync.client.http", "HubClient", ("push", "changes", "handshake")))

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._saved: list[tuple[Any, str, Any]] = []

    def __enter__(self) -> StepTimers:
        import importlib

        for module, cls_name, names in self.TARGETS:
            cls = getattr(importlib.import_module(module), cls_name)
            for name in names:
                original = getattr(cls, name)
                self._saved.append((cls, name, original))
                setattr(cls, name, self._wrap(f"{cls_name}.{name}", original))
        return self

    def _wrap(self, key: str, fn: Any) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[key] = self.seconds.get(key, 0.0) + time.perf_counter() - t
        return timed

    def __exit__(self, *exc: object) -> None:
        for cls, name, original in self._saved:
            setattr(cls, name, original)


def timed_sync(client: Any) -> tuple[Any, float, dict[str, float]]:
    marks: dict[str, float] = {}
    t0 = time.perf_counter()

    def progress(p: Any) -> None:
        now = time.perf_counter() - t0
        marks.setdefault(f"{p.phase}_first", now)
        marks[f"{p.phase}_last"] = now

    report = client.sync(progress=progress)
    return report, time.perf_counter() - t0, marks


def hub_counts(hub: kit.HubProcess) -> tuple[int, int]:
    from sqlalchemy import func, select

    from sync.server.db import open_database
    from sync.server.models import RecordRow

    db = open_database(hub.settings().db_url, pool_size=1, max_overflow=0)
    try:
        with db.reads() as s:
            n, distinct = s.execute(select(func.count(), func.count(func.distinct(RecordRow.id))
                                           )).one()
            return int(n), int(distinct)
    finally:
        db.dispose()


# --- the same complaint as OpenRosa and Open311 submissions --------------------------------------


def _xml_value(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return escape(str(v))


def openrosa_instance(env: dict[str, Any]) -> bytes:
    """An XForms instance of the complaint, as ODK Collect would submit it."""
    c = env["complaint"]
    fields = "".join(f"<{k}>{_xml_value(v)}</{k}>" for k, v in c.items()
                     if k not in ("reporter", "attachments"))
    reporter = "".join(f"<{k}>{_xml_value(v)}</{k}>" for k, v in c["reporter"].items())
    return ("<?xml version='1.0' ?><data id=\"kim_complaint\" version=\"2025031001\" "
            "xmlns:jr=\"http://openrosa.org/javarosa\" xmlns:orx=\"http://openrosa.org/xforms\">"
            f"{fields}<reporter>{reporter}</reporter>"
            f"<meta><instanceID>uuid:{env['id']}</instanceID></meta></data>").encode()


def open311_form(env: dict[str, Any]) -> list[tuple[str, str]]:
    """The complaint as a GeoReport v2 ``POST /requests`` form: standard fields where they exist,
    everything else as ``attribute[...]`` so that no information is dropped."""
    c, r = env["complaint"], env["complaint"]["reporter"]
    first, _, last = (r.get("name") or "").partition(" ")
    form: list[tuple[str, Any]] = [
        ("service_code", c["category_code"]), ("description", c["body"]),
        ("lat", c.get("latitude")), ("long", c.get("longitude")),
        ("address_string", c["location_detail"]), ("email", r.get("email")),
        ("first_name", first), ("last_name", last), ("phone", r.get("phone")),
    ]
    extra = {"record_id": env["id"], "revision": env["revision"], "title": c["title"],
             "kind": c["kind"], "incident_date": c["incident_date"],
             "village_code": c["village_code"], "agency_code": c["agency_code"],
             "nik": r.get("nik"), "reporter_address": r.get("address"), "gender": r.get("gender"),
             "birth_year": r.get("birth_year"), "anonymous": c["anonymous"],
             "confidential": c["confidential"], "consent": c["consent"], "channel": c["channel"],
             "tracking_no": c["tracking_no"], "recorded_by": c["recorded_by"],
             "created_at": c["created_at"], "updated_at": c["updated_at"]}
    form += [(f"attribute[{k}]", v) for k, v in extra.items()]
    return [(k, str(v).lower() if isinstance(v, bool) else str(v)) for k, v in form
            if v not in (None, "")]


def envelopes(push_bodies: list[bytes]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for body in push_bodies:
        out += json.loads(gzip.decompress(body))["records"]
    return out


def per_request_bytes(target_port: int, send: Any, items: list[Any]) -> dict[str, float]:
    proxy = kit.LinkProxy(target_port)
    try:
        t0 = time.perf_counter()
        for it in items:
            send(proxy.url, it)
        elapsed = time.perf_counter() - t0
        time.sleep(0.2)
        up, down = proxy.snapshot()
    finally:
        proxy.close()
    n = len(items)
    return {"requests": n, "up": up, "down": down, "per_item": (up + down) / n,
            "per_item_request": up / n, "seconds": elapsed, "connections": proxy.connections}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--count", type=int, default=10_000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--village", default=DEFAULT_VILLAGE)
    p.add_argument("--baseline-repeats", type=int, default=3)
    p.add_argument("--workdir", type=Path, help="keep the stores and hubs here (default: temp)")
    p.add_argument("--json", type=Path, help="write the results here as JSON")
    args = p.parse_args()

    import requests

    from kim_desktop.domain.errors import KimError

    kit.use_memory_keyring()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kim-bench-push-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {kit.machine_line()}\nwork dir: {work}", flush=True)
    res: dict[str, Any] = {"machine": kit.machine(), "count": args.count, "seed": args.seed,
                           "village": args.village}

    # -- the data: one store, copied before anything is sent -----------------------------------
    refs = kit.Refs.load()
    if args.village not in refs.villages:
        raise SystemExit(f"--village: {args.village} is not a desa/kelurahan code")
    factory = kit.ComplaintFactory(refs, args.seed)
    today = kit.today_wita()
    complaints = [factory.complaint(args.village, today) for _ in range(args.count)]
    t = time.perf_counter()
    core = kit.build_store(work / "store-a", args.village, complaints)
    kit.close_core(core)
    shutil.copytree(work / "store-a", work / "store-b")
    res["setup_store_s"] = round(time.perf_counter() - t, 1)
    print(f"store with {args.count} queued complaints built in {res['setup_store_s']} s", flush=True)

    hubs: list[kit.HubProcess] = []
    trivial: kit.TrivialProcess | None = None
    try:
        # -- the timed sync, straight to the hub ------------------------------------------------
        hub = kit.HubProcess(work / "hub-a").start()
        hubs.append(hub)
        core = kit.open_core(work / "store-a")
        recorder = Recorder()
        client = recording_client(core, recorder)
        client.enroll(hub.url, hub.issue_codes([(args.village, "operator")])[0],
                      require_persistent=True)
        recorder.calls.clear()
        token = client.credentials.get()
        load0 = os.getloadavg()
        cpu0, client_cpu0 = hub.cpu_seconds(), time.process_time()
        with StepTimers() as steps:
            report, seconds, marks = timed_sync(client)
        hub_cpu, client_cpu = hub.cpu_seconds() - cpu0, time.process_time() - client_cpu0
        n, distinct = hub_counts(hub)
        statuses = hub.status_counts()
        ok = (report.pushed == args.count and report.pending == 0 and report.set_aside == 0
              and n == distinct == args.count
              and not any(code.startswith("5") for code in statuses))
        pushes = [c for c in recorder.calls if c["path"] == "/v1/push"]
        by_path: dict[str, dict[str, float]] = {}
        for c in recorder.calls:
            d = by_path.setdefault(f"{c['method']} {c['path']}", {"requests": 0, "hub_s": 0.0})
            d["requests"] += 1
            d["hub_s"] += c["elapsed"]
        res["sync"] = {
            "seconds": round(seconds, 2), "ok": ok, "pushed": report.pushed,
            "pending": report.pending, "set_aside": report.set_aside, "pulled": report.pulled,
            "hub_records": n, "hub_distinct_ids": distinct, "hub_http_statuses": statuses,
            "records_per_s": round(args.count / seconds),
            "push_phase_s": round(marks.get("push_last", 0) - marks.get("handshake_last", 0), 2),
            "after_push_s": round(seconds - marks.get("push_last", 0), 2),
            "hub_cpu_s": round(hub_cpu, 2), "client_cpu_s": round(client_cpu, 2),
            "client_steps_s": {k: round(v, 2) for k, v in sorted(steps.seconds.items())},
            "requests": {k: {"requests": v["requests"],
                                                             "wait_for_hub_s": round(v["hub_s"], 2)}
                                                         for k, v in by_path.items()},
            "push_request_bytes": sum(len(c["body"]) for c in pushes),
            "push_json_bytes": sum(len(gzip.decompress(c["body"])) for c in pushes),
            "load_before": load0, "load_after": os.getloadavg(),
        }
        print(f"sync: {seconds:.2f} s for {args.count} complaints ({res['sync']}); ok={ok}",
              flush=True)
        kit.close_core(core)

        # -- baseline: the same gzip bodies to a trivial endpoint -----------------------------------
        trivial = kit.TrivialProcess()
        runs = []
        for _ in range(args.baseline_repeats):
            with requests.Session() as s:
                s.headers.update({"User-Agent": pushes[0]["headers"]["User-Agent"],
                                  "Accept-Encoding": "gzip",
                                  "Authorization": f"Bearer {token}"})
                t0 = time.perf_counter()
                for c in pushes:
                    r = s.post(trivial.url + "/v1/push", data=c["body"], timeout=60, headers={
                        "Content-Type": "application/json", "Content-Encoding": "gzip"})
                    r.raise_for_status()
                runs.append(time.perf_counter() - t0)
        base = statistics.median(runs)
        res["baseline"] = {"requests": len(pushes), "runs_s": [round(x, 3) for x in runs],
                           "median_s": round(base, 3),
                           "ratio_sync_to_baseline": round(seconds / base, 1),
                           "ratio_push_phase_to_baseline": round(
                               res["sync"]["push_phase_s"] / base, 1)}
        print(f"baseline: {res['baseline']}", flush=True)

        # -- bytes on the wire: the copy, through a counting proxy, to a fresh hub -----------------
        hub_b = kit.HubProcess(work / "hub-b").start()
        hubs.append(hub_b)
        proxy = kit.LinkProxy(hub_b.port)
        core_b = kit.open_core(work / "store-b")
        from sync.client.service import SyncClient

        client_b = SyncClient(core_b)
        client_b.enroll(proxy.url, hub_b.issue_codes([(args.village, "operator")])[0],
                        require_persistent=True)
        proxy.reset_counts()
        t0 = time.perf_counter()
        report_b = client_b.sync()
        seconds_b = time.perf_counter() - t0
        time.sleep(0.3)
        up, down = proxy.snapshot()
        proxy.close()
        nb, db = hub_counts(hub_b)
        res["wire"] = {
            "seconds_through_proxy": round(seconds_b, 2),
            "ok": report_b.pushed == args.count and nb == db == args.count,
            "up_bytes": up, "down_bytes": down,
            "per_complaint": round((up + down) / args.count, 1),
            "per_complaint_request_only": round(up / args.count, 1),
            "connections": proxy.connections,
            "by_request": kit.label_table(proxy.stats),
        }
        for row in res["wire"]["by_request"]:
            row["per_complaint"] = round((row["up"] + row["down"]) / args.count, 1)
        print(f"wire: {json.dumps(res['wire'], indent=1)}", flush=True)
        kit.close_core(core_b)

        # -- the same complaints as OpenRosa / Open311 submissions ------------------------------------
        envs = envelopes([c["body"] for c in pushes])
        ua = pushes[0]["headers"]["User-Agent"]
        session = requests.Session()
        session.headers.update({"User-Agent": ua, "Accept-Encoding": "gzip",
                                "Authorization": f"Bearer {token}"})

        def openrosa(url: str, env: dict[str, Any]) -> None:
            xml = openrosa_instance(env)
            r = session.post(url + "/submission", timeout=30, files={
                "xml_submission_file": (f"kim_complaint_{env['id']}.xml", xml, "text/xml")},
                headers={"X-OpenRosa-Version": "1.0", "Date": formatdate(usegmt=True)})
            if r.status_code != 201:
                raise KimError(f"openrosa {r.status_code}")

        def open311(url: str, env: dict[str, Any]) -> None:
            r = session.post(url + "/requests.json", data=open311_form(env), timeout=30)
            if r.status_code != 201:
                raise KimError(f"open311 {r.status_code}")

        ours = res["wire"]["per_complaint"]
        ours_req = res["wire"]["per_complaint_request_only"]
        for name, send in (("openrosa", openrosa), ("open311", open311)):
            session.close()
            stats = per_request_bytes(trivial.port, send, envs)
            stats["ratio_to_kim"] = round(stats["per_item"] / ours, 2)
            stats["ratio_to_kim_request_only"] = round(stats["per_item_request"] / ours_req, 2)
            res[name] = {k: round(v, 2) if isinstance(v, float) else v for k, v in stats.items()}
            print(f"{name}: {res[name]}", flush=True)
        session.close()
    finally:
        if trivial is not None:
            trivial.stop()
        for h in hubs:
            h.stop()
    kit.write_json(args.json, res)
    print(json.dumps({k: v for k, v in res.items() if k != "wire"}, indent=1, default=str))
    ok = res["sync"]["ok"] and res["wire"]["ok"]
    print(f"RESULT push {args.count}: {res['sync']['seconds']} s (target <= 20 s), "
          f"{res['baseline']['ratio_sync_to_baseline']}x the trivial baseline; "
          f"{res['wire']['per_complaint']} B/complaint on the wire (target <= 700), "
          f"OpenRosa {res['openrosa']['ratio_to_kim']}x, Open311 {res['open311']['ratio_to_kim']}x; "
          f"verified={ok}")
    if args.workdir is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
