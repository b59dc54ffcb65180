"""The `kim` command: the stable command-line contract of ARCHITECTURE.md.

Exit codes: 0 done; 2 invalid input or usage (the message names the field and the rule; nothing
was written); 3 the hub could not be reached or work is still pending after `sync`; 1 anything
unexpected (with the log file path). Messages are Indonesian unless ``KIM_LANG=en``.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kim_desktop import __version__
from kim_desktop.cli_text import describe_error, say
from kim_desktop.core import Core, build_core
from kim_desktop.domain.enums import Role, Status
from kim_desktop.domain.errors import InvalidInput, KimError
from kim_desktop.domain.models import ComplaintQuery, activity_to_dict, reporter_to_dict
from kim_desktop.logs import setup_logging
from kim_desktop.paths import DataPaths
from kim_desktop.services import export as exporting

log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # usage errors exit 2 with the reason
        self.print_usage(sys.stderr)
        raise InvalidInput(message)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="kim", description="KIM Desktop command line")
    p.add_argument("--data-dir", help="data folder (default: KIM_DATA_DIR or the user data folder)")
    p.add_argument("--version", action="version", version=f"kim {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    init = sub.add_parser("init", help="set up this device for a village and KIM")
    init.add_argument("--village", required=True)
    init.add_argument("--kim-name", required=True)
    init.add_argument("--operator", required=True)
    init.add_argument("--role", choices=[r.value for r in Role], default="operator")
    init.add_argument("--hub")

    c = sub.add_parser("complaint", help="complaints").add_subparsers(
        dest="action", required=True, parser_class=_Parser)
    ca = c.add_parser("add")
    ca.add_argument("--file", required=True, type=Path)
    ca.add_argument("--submit", action="store_true")
    cl = c.add_parser("list")
    cl.add_argument("--status", choices=[s.value for s in Status])
    cl.add_argument("--search")
    cl.add_argument("--json", action="store_true")
    cs = c.add_parser("show")
    cs.add_argument("key")
    cs.add_argument("--json", action="store_true")
    cs.add_argument("--reveal", action="store_true",
                    help="show an anonymous reporter's identity (recorded)")
    c.add_parser("submit").add_argument("key")
    c.add_parser("withdraw").add_argument("key")

    a = sub.add_parser("activity", help="socialization activities").add_subparsers(
        dest="action", required=True, parser_class=_Parser)
    aa = a.add_parser("add")
    aa.add_argument("--file", required=True, type=Path)
    aa.add_argument("--submit", action="store_true")
    a.add_parser("list").add_argument("--json", action="store_true")
    a.add_parser("submit").add_argument("key")

    st = sub.add_parser("status", help="counts per status, last sync, backlog")
    st.add_argument("--json", action="store_true")

    ex = sub.add_parser("export", help="export records")
    ex.add_argument("what", choices=["complaints", "activities"])
    ex.add_argument("--format", required=True, choices=list(exporting.FORMATS))
    ex.add_argument("--out", required=True, type=Path)

    ref = sub.add_parser("reference", help="list valid reference codes")
    ref.add_argument("list", choices=["villages", "categories", "agencies"])

    from kim_desktop.cli_sync import add_sync_commands

    add_sync_commands(sub)
    return p


def _read_json(path: Path) -> list[dict[str, Any]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InvalidInput(say("file_not_found", path=path)) from None
    except (OSError, UnicodeDecodeError) as e:
        raise InvalidInput(say("file_unreadable", path=path, reason=type(e).__name__)) from e
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InvalidInput(say("bad_json", path=path, line=e.lineno, col=e.colno,
                               reason=e.msg)) from None
    items = data if isinstance(data, list) else [data]
    if not items or not all(isinstance(i, dict) for i in items):
        raise InvalidInput(say("json_not_objects", path=path))
    return items


@contextmanager
def _bulk_output() -> Iterator[None]:
    """Around a command that streams the whole store: millions of short-lived rows, dicts and
    strings go by, and each full pass of the cyclic garbage collector walks every long-lived
    object, the ~80,000 of start-up (modules, the core) included. Frozen, these are left out:
    full passes cost 0.005 s instead of 0.13 s over 100,000 complaints (docs/benchmarks.md)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _print_json(obj: Any) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def cmd_init(core: Core, args: argparse.Namespace) -> int:
    prof = core.device.init(village_code=args.village, kim_name=args.kim_name,
                            operator_name=args.operator, role=Role(args.role), hub_url=args.hub)
    print(say("initialised", village=core.reference.data().village_label(prof.village_code),
              device=prof.device_id, tag=prof.device_tag))
    return 0


def cmd_complaint(core: Core, args: argparse.Namespace) -> int:
    svc = core.complaints
    if args.action == "add":
        core.device.profile()
        items = _read_json(args.file)
        base = args.file.resolve().parent
        for c in svc.add([(d, base) for d in items], submit=args.submit):
            print(c.id, c.tracking_no)
    elif args.action == "submit":
        c = svc.submit(args.key)
        print(c.id, c.tracking_no, c.status.value)
    elif args.action == "withdraw":
        c = svc.withdraw(args.key)
        print(c.id, c.tracking_no, c.status.value)
    elif args.action == "show":
        d = svc.export_record(args.key)
        if args.reveal and d["anonymous"]:
            d["reporter"] = reporter_to_dict(svc.reveal_identity(
                d["id"], actor=core.device.profile().operator_name))
        if args.json:
            _print_json(d)
        else:
            for k, v in d.items():
                print(f"{k}: {json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v}")
    else:
        q = ComplaintQuery(text=args.search or "",
                           statuses=(Status(args.status),) if args.status else ())
        if args.json:
            with _bulk_output():
                exporting.write_json_array(svc.iter_export(q), sys.stdout)
        else:
            for c in svc.iter_all(q):
                print(f"{c.tracking_no}\t{c.status.value}\t{c.created_at:%d/%m/%Y}\t{c.content.title}")
    return 0


def cmd_activity(core: Core, args: argparse.Namespace) -> int:
    svc = core.activities
    if args.action == "add":
        core.device.profile()
        items = _read_json(args.file)
        base = args.file.resolve().parent
        for a in svc.add([(d, base) for d in items], submit=args.submit):
            print(a.id)
    elif args.action == "submit":
        a = svc.submit(args.key)
        print(a.id, a.status.value)
    else:
        acts = svc.list()
        if args.json:
            _print_json([activity_to_dict(a) for a in acts])
        else:
            for a in acts:
                c = a.gender_counts
                when = f"{a.content.starts_at:%d/%m/%Y}" if a.content.starts_at else "-"
                print(f"{a.id}\t{a.status.value}\t{when}\tL={c['L']} P={c['P']}\t{a.content.title}")
    return 0


def cmd_status(core: Core, args: argparse.Namespace) -> int:
    st = core.status.status()
    d = {"complaints": st.complaints, "activities": st.activities, "backlog": st.backlog,
         "oldest_unsent_at": st.oldest_unsent_at.isoformat() if st.oldest_unsent_at else None,
         "last_sync_at": st.last_sync_at.isoformat() if st.last_sync_at else None,
         "last_attempt_at": st.last_attempt_at.isoformat() if st.last_attempt_at else None,
         "last_error": st.last_error_code, "clock_offset_seconds": st.clock_offset_seconds}
    if args.json:
        _print_json(d)
    else:
        for k, v in d.items():
            print(f"{k}: {v}")
    return 0


def cmd_export(core: Core, args: argparse.Namespace) -> int:
    with _bulk_output():
        if args.what == "complaints":
            n = exporting.export_complaints(core.complaints.iter_export(), args.format, args.out)
        else:
            n = exporting.export_activities(core.activities.iter_all(), args.format, args.out)
    print(say("exported", n=n, path=args.out))
    return 0


def cmd_reference(core: Core, args: argparse.Namespace) -> int:
    refs = core.reference.data()
    if args.list == "villages":
        for r in sorted(refs.villages(), key=lambda r: r.code):
            print(f"{r.code}\t{refs.village_label(r.code)}")
    elif args.list == "categories":
        for c in sorted(refs.categories.values(), key=lambda c: c.code):
            print(f"{c.code}\t{refs.category_label(c.code)}")
    else:
        for a in sorted(refs.agencies.values(), key=lambda a: a.code):
            print(f"{a.code}\t{a.name}")
    return 0


COMMANDS: dict[str, Callable[[Core, argparse.Namespace], int]] = {
    "init": cmd_init, "complaint": cmd_complaint, "activity": cmd_activity,
    "status": cmd_status, "export": cmd_export, "reference": cmd_reference,
}


def main(argv: Sequence[str] | None = None) -> int:
    log_path: Path | None = None
    try:
        args = build_parser().parse_args(argv)
        paths = DataPaths.resolve(args.data_dir)
        log_path = setup_logging(paths.logs)
        log.info("kim %s %s", args.command, getattr(args, "action", ""))
        from kim_desktop.cli_sync import FILE_COMMANDS, SYNC_COMMANDS

        if args.command in FILE_COMMANDS:
            return FILE_COMMANDS[args.command](paths, args)
        handler = COMMANDS.get(args.command) or SYNC_COMMANDS[args.command]
        return handler(build_core(paths), args)
    except KimError as e:
        log.info("kim failed: %s", e.code)
        print(describe_error(e), file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception:
        log.exception("unexpected failure")
        print(say("unexpected", path=log_path or "-"), file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
