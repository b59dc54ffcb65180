"""Benchmark of the desktop app (issue 4, "Performance").

    .venv/bin/python bench/bench_ui.py [--store /tmp/kim100k] [--runs 7] [--xvfb] [--json-out F]

Targets: cold start to the main window shown ≤ 1.5× a bare PySide6 window started the same
way in the same run; with 100,000 complaints the list opens ≤ 300 ms, a search keystroke
updates the results ≤ 100 ms and the app's resident memory stays ≤ 250 MB.

1. Set-up: the ``--store`` data folder (100,000 complaints from ``generate.py``) is copied into
   a temporary work folder with SQLite's online backup (another benchmark may be using it) and
   its attachments folder; an *empty* store next to it gets only a device profile, so both
   start straight into the main window. Qt's view state goes to the work folder
   (``XDG_CONFIG_HOME``).
2. Cold start (`ui_child.py`): per store, one warm-up pair (not counted: it fills the page
   cache), then ``--runs`` rounds of two fresh processes started the same way
   (``sys.executable ui_child.py …``, same environment, same QPA platform): the bare PySide6
   window and the app (``kim_desktop.app.main``), in alternating order. Each child reports the
   time from the parent's timestamp just before it was spawned to the end of its window's first
   paint. The app paints its window as a loading frame first, then opens the store and fills
   it, so each app start also reports when its complaint list was filled and painted
   (``ready_ms``, in the same table). Medians, p95 and the ratio app / bare of the medians.
3. The list, search and memory (`ui_interact.py`, one process on the 100,000 store).

Prints markdown tables; exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

RATIO_TARGET = 1.5
TARGETS_MS = {"list_open": 300.0, "list_reload": 300.0, "keystroke": 100.0}
RSS_TARGET_MB = 250.0


def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def p95(xs: list[float]) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, round(0.95 * len(s) + 0.5) - 1))] if s else float("nan")


# -- set-up ---------------------------------------------------------------------------------
def copy_store(source: Path, dest: Path) -> Path:
    """A consistent copy of a data folder (kim.db via the backup API, attachments as files)."""
    dest.mkdir(parents=True)
    src_db = sqlite3.connect(f"file:{source / 'kim.db'}?mode=ro", uri=True)
    dst_db = sqlite3.connect(dest / "kim.db")
    with dst_db:
        src_db.backup(dst_db)
    src_db.close()
    dst_db.close()
    if (source / "attachments").is_dir():
        shutil.copytree(source / "attachments", dest / "attachments")
    return dest


def empty_store(dest: Path) -> Path:
    """A set-up store without complaints: the device profile only (no first-run dialog)."""
    from kim_desktop.core import build_core
    from kim_desktop.domain.enums import Role
    from kim_desktop.paths import DataPaths

    core = build_core(DataPaths.resolve(dest))
    core.device.init(village_code="73.24.04.1003", kim_name="KIM Malili",
                     operator_name="Inne Kurniasih", role=Role.OPERATOR)
    core.ctx.sessions.kw["bind"].dispose()
    return dest


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """An Xvfb server on a free display number (``-displayfd``)."""
    read, write = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24",
                             "-nolisten", "tcp"], pass_fds=(write,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as f:
        display = f.readline().strip()
    if not display:
        proc.kill()
        raise SystemExit("Xvfb did not start")
    return proc, f":{display}"


# -- cold start -----------------------------------------------------------------------------
def spawn(mode: str, data_dir: Path | None, env: dict[str, str]) -> dict[str, Any]:
    cmd = [sys.executable, str(HERE / "ui_child.py"), mode]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    t0 = time.monotonic_ns()
    proc = subprocess.run(cmd, env={**env, "KIM_BENCH_T0_NS": str(t0)}, capture_output=True,
                          text=True, timeout=120, check=False)
    exit_ms = (time.monotonic_ns() - t0) / 1e6
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise SystemExit(f"{mode} start failed ({proc.returncode}): {proc.stderr[-2000:]}")
    out: dict[str, Any] = json.loads(lines[-1])
    out["exit_ms"] = round(exit_ms, 1)
    return out


def cold_start(label: str, data_dir: Path, runs: int, env: dict[str, str]) -> dict[str, Any]:
    spawn("bare", None, env)                    # warm-up pair: page cache, .pyc files
    spawn("app", data_dir, env)
    samples: dict[str, list[dict[str, Any]]] = {"bare": [], "app": []}
    for i in range(runs):
        order = ("bare", "app") if i % 2 == 0 else ("app", "bare")
        for mode in order:
            samples[mode].append(spawn(mode, data_dir if mode == "app" else None, env))
    shown = {m: [s["shown_ms"] for s in samples[m]] for m in samples}
    ready = [s["ready_ms"] for s in samples["app"]]
    ratio = median(shown["app"]) / median(shown["bare"])
    marks = {k: round(median([s["marks"][k] for s in samples["app"] if k in s["marks"]]), 1)
             for k in samples["app"][0]["marks"]}
    return {"label": label, "samples": samples, "ratio": round(ratio, 2),
            "bare_median": median(shown["bare"]), "bare_p95": p95(shown["bare"]),
            "app_median": median(shown["app"]), "app_p95": p95(shown["app"]),
            "ready_median": median(ready), "ready_p95": p95(ready),
            "ready_ratio": round(median(ready) / median(shown["bare"]), 2),
            "app_cpu_median": median([s["cpu_ms"] for s in samples["app"]]),
            "bare_cpu_median": median([s["cpu_ms"] for s in samples["bare"]]),
            "app_rss_median": median([s["rss_mb"] for s in samples["app"]]),
            "app_exit_median": median([s["exit_ms"] for s in samples["app"]]),
            "app_marks": marks, "passed": ratio <= RATIO_TARGET}


# -- in-process measurements ----------------------------------------------------------------
def interact(data_dir: Path, env: dict[str, str], args: argparse.Namespace) -> dict[str, Any]:
    cmd = [sys.executable, str(HERE / "ui_interact.py"), "--data-dir", str(data_dir),
           "--repeats", str(args.repeats)]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=1800,
                          check=False)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise SystemExit(f"ui_interact failed ({proc.returncode}): {proc.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


# -- report ---------------------------------------------------------------------------------
def fmt(ms: float) -> str:
    return f"{ms:,.0f} ms" if ms >= 10 else f"{ms:.1f} ms"


def print_starts(starts: list[dict[str, Any]]) -> bool:
    ok = True
    print("\n| Cold start to the main window painted | Target | Bare PySide6 median (p95) | "
          "App median (p95) | Ratio | App CPU | App RSS | Result | Complaint list filled and "
          "painted, median (p95), ratio |")
    print("|---|---|---|---|---|---|---|---|---|")
    for s in starts:
        ok &= s["passed"]
        print(f"| {s['label']} | ≤ {RATIO_TARGET}× | {fmt(s['bare_median'])} "
              f"({fmt(s['bare_p95'])}) | {fmt(s['app_median'])} ({fmt(s['app_p95'])}) | "
              f"{s['ratio']:.2f}× | {fmt(s['app_cpu_median'])} | {s['app_rss_median']:.0f} MB "
              f"| {'pass' if s['passed'] else '**miss**'} | {fmt(s['ready_median'])} "
              f"({fmt(s['ready_p95'])}), {s['ready_ratio']:.2f}× |")
    for s in starts:
        print(f"\n{s['label']}: app marks (median ms since spawn): "
              + ", ".join(f"{k} {v:,.0f}" for k, v in s["app_marks"].items())
              + f"; process gone after {s['app_exit_median']:,.0f} ms")
    return ok


def print_interact(inter: dict[str, Any]) -> bool:
    ok = True
    print("\n| Measure (100,000 complaints) | Target | Median | p95 | CPU median | Runs | Result |")
    print("|---|---|---|---|---|---|---|")
    for key, label in (("list_open", "Open the list: page built, first page queried, painted"),
                       ("list_reload", "Reload the list (F5 / after a save), repainted"),
                       ("list_switch", "Back to Laporan from another page, painted"),
                       ("scroll_page", "Scroll to the end: next page fetched, painted"),
                       ("keystroke", "Search keystroke: typed → new results painted"),
                       ("keystroke_first", "… first letter of a word only"),
                       ("keystroke_rest", "… second letter onwards"),
                       ("keystroke_service", "… the same queries, `ComplaintService.list` alone")):
        xs = inter["samples"].get(key) or []
        if not xs:
            continue
        target = TARGETS_MS.get(key)
        passed = None if target is None else median(xs) <= target   # as bench_store.py
        if key in ("list_open", "list_reload", "keystroke"):
            ok &= bool(passed)
        verdict = "–" if passed is None else ("pass" if passed else "**miss**")
        print(f"| {label} | {'–' if target is None else f'≤ {target:.0f} ms'} | "
              f"{fmt(median(xs))} | {fmt(p95(xs))} | {fmt(median(inter['cpu'][key]))} | "
              f"{len(xs)} | {verdict} |")
    rss = inter["rss_mb"]
    rss_ok = rss["after"] <= RSS_TARGET_MB
    ok &= rss_ok
    print(f"| Resident memory after list, scrolling and searching (VmRSS; peak VmHWM "
          f"{rss['peak']:.0f} MB) | ≤ {RSS_TARGET_MB:.0f} MB | {rss['after']:.0f} MB | – | – | 1 | "
          f"{'pass' if rss_ok else '**miss**'} |")
    print(f"\nRSS: started {rss['started']:.0f} MB, list {rss['list']:.0f} MB, after scrolling "
          f"{rss['scrolled']:.0f} MB, after searching {rss['after']:.0f} MB, after every page "
          f"was shown once {rss['all_pages']:.0f} MB (peak {rss['all_pages_peak']:.0f} MB); "
          f"search debounce {inter['search_delay_ms']} ms (included in the keystroke times); "
          f"{len(inter['samples'].get('keystroke_same_query', []))} keystrokes left the query "
          f"unchanged (spaces) and are not counted")
    return ok


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--store", type=Path, default=Path("/tmp/kim100k"),
                   help="data folder with 100,000 complaints (generate.py --out)")
    p.add_argument("--runs", type=int, default=7, help="cold starts of each kind per store")
    p.add_argument("--repeats", type=int, default=10, help="list opens/reloads to time")
    p.add_argument("--xvfb", action="store_true", help="start Xvfb and use the xcb platform "
                   "(default: the offscreen platform)")
    p.add_argument("--skip-start", action="store_true")
    p.add_argument("--skip-interact", action="store_true")
    p.add_argument("--keep", action="store_true", help="keep the work folder")
    p.add_argument("--json-out", type=Path)
    args = p.parse_args(argv)
    if not (args.store / "kim.db").exists():
        raise SystemExit(f"no kim.db in {args.store}: run bench/generate.py --out {args.store}")
    work = Path(tempfile.mkdtemp(prefix="kim-bench-ui-"))
    xvfb = None
    try:
        env = {**os.environ, "XDG_CONFIG_HOME": str(work / "config")}
        env.pop("KIM_DATA_DIR", None)
        if args.xvfb:
            xvfb, display = start_xvfb()
            env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
        else:
            env["QT_QPA_PLATFORM"] = "offscreen"
        t = time.perf_counter()
        big = copy_store(args.store, work / "store-100k")
        empty = empty_store(work / "store-empty")
        print(f"work folder {work}; stores ready in {time.perf_counter() - t:.1f}s; platform "
              f"{env['QT_QPA_PLATFORM']}; load average {os.getloadavg()[0]:.2f}", file=sys.stderr)
        starts = [] if args.skip_start else [
            cold_start("Set-up store, no complaints", empty, args.runs, env),
            cold_start("Store with 100,000 complaints", big, args.runs, env)]
        ok = print_starts(starts) if starts else True
        sys.stdout.flush()
        inter = None if args.skip_interact else interact(big, env, args)
        if inter is not None:
            ok &= print_interact(inter)
        print(f"\n{platform.platform()}, Python {platform.python_version()}, "
              f"{os.cpu_count()} CPUs, load average after {os.getloadavg()[0]:.2f}")
        if args.json_out:
            args.json_out.write_text(json.dumps({"cold_start": starts, "interact": inter,
                                                 "platform": env["QT_QPA_PLATFORM"]}, indent=1))
        return 0 if ok else 1
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
