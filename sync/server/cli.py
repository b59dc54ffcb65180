"""Hub layer: the ``kim-hub`` command (district IT and automation; the contract is stable).

``kim-hub [--db URL] [--data-dir DIR] init | serve | enroll | user add | device revoke | export |
import-bundle | forward-run | escrow keygen | escrow export | reference import``.
``KIM_HUB_DB`` and ``KIM_HUB_DATA_DIR`` stand in for the flags. Exit codes: 0 done, 2 invalid input
or usage (the message names the field; nothing was written), 1 anything unexpected (the message
gives the log file).
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from kim_desktop.domain.errors import KimError, NotFound
from kim_desktop.domain.reference import ReferenceData, load_reference_dir
from sync.server.db import make_engine
from sync.server.export import ENTITIES, FORMATS, export
from sync.server.migrate import current_revision, head_revision, upgrade
from sync.server.ratelimit import RateLimit
from sync.server.settings import HubSettings

log = logging.getLogger(__name__)

RESOURCES_DATA = Path(__file__).resolve().parents[2] / "resources" / "data"
LOG_NAME = "kim-hub.log"


class UsageError(Exception):
    """Invalid input: exit 2. The message starts with the field it is about."""


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _settings(args: argparse.Namespace) -> HubSettings:
    data_dir = Path(args.data_dir or os.environ.get("KIM_HUB_DATA_DIR")
                    or user_data_dir("kim-hub", appauthor=False))
    data_dir.mkdir(parents=True, exist_ok=True)
    return HubSettings.for_data_dir(data_dir, args.db or os.environ.get("KIM_HUB_DB") or None)


def _require_head(settings: HubSettings) -> None:
    engine = make_engine(settings.db_url, pool_size=1, max_overflow=0)
    try:
        current = current_revision(engine)
    except SQLAlchemyError as exc:
        raise UsageError(f"db: cannot open the hub database ({type(exc).__name__})") from exc
    finally:
        engine.dispose()
    if current != head_revision():
        raise UsageError("db: the hub database is not initialised or is out of date; "
                         "run `kim-hub init`")


def _hub(settings: HubSettings):  # type: ignore[no-untyped-def]
    from sync.server.context import build_hub  # heavy: FastAPI is only needed past this point

    _require_head(settings)
    return build_hub(settings)


def cmd_init(args: argparse.Namespace, settings: HubSettings) -> int:
    upgrade(settings.db_url)
    _hub(settings).close()  # a new hub gets its identity key; older rows are sealed (sealing)
    _out(f"hub database ready at revision {head_revision()}")
    return 0


def cmd_serve(args: argparse.Namespace, settings: HubSettings) -> int:
    import uvicorn

    from sync.server.app import create_app

    upgrade(settings.db_url)
    if args.enrol_burst is not None:
        limits = settings.rate_limits
        settings = dataclasses.replace(settings, rate_limits=dataclasses.replace(
            limits, enrol=RateLimit(burst=args.enrol_burst, per_minute=limits.enrol.per_minute)))
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info")
    return 0


def _reference() -> ReferenceData:
    return load_reference_dir(RESOURCES_DATA)


def _known_villages(settings: HubSettings) -> ReferenceData:
    """The shipped wilayah list, with what `reference import` published since when the hub
    database is ready."""
    from sync.server.reference_import import current_reference

    shipped = _reference()
    try:
        hub = _hub(settings)
    except UsageError:
        return shipped
    try:
        return current_reference(hub.db, shipped)
    finally:
        hub.close()


def cmd_enroll(args: argparse.Namespace, settings: HubSettings) -> int:
    ref = _known_villages(settings)
    if not ref.is_village(args.village):
        raise UsageError(f"village: {args.village!r} is not a desa/kelurahan code of the "
                         "wilayah list (e.g. 73.24.04.2010)")
    hub = _hub(settings)
    try:
        issued = hub.enrolment.create_code(village_code=args.village, role=args.role)
    finally:
        hub.close()
    _out(f"{args.role} device for {ref.village_label(args.village)} ({args.village})")
    _out(f"valid until {issued.expires_at:%Y-%m-%d %H:%M} UTC, one use only")
    _out(f"enrolment code: {issued.code}")
    return 0


def _read_password() -> str:
    """The new password from stdin: prompted without echo on a terminal, else the first line."""
    if sys.stdin.isatty():
        import getpass

        first = getpass.getpass("Password: ")
        if getpass.getpass("Password (again): ") != first:
            raise UsageError("password: the two entries differ")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def cmd_user_add(args: argparse.Namespace, settings: HubSettings) -> int:
    from sync.server.accounts import AccountExists

    password = _read_password()
    hub = _hub(settings)
    try:
        hub.accounts.add_user(username=args.username, role=args.role, password=password)
    except (ValueError, AccountExists) as exc:
        raise UsageError(str(exc)) from exc
    finally:
        hub.close()
    _out(f"{args.role} account {args.username} created")
    return 0


def cmd_forward_run(args: argparse.Namespace, settings: HubSettings) -> int:
    hub = _hub(settings)
    try:
        sent = hub.forwarding.run_due()
        changed = hub.forwarding.poll_statuses()
    finally:
        hub.close()
    _out(f"{sent} complaints forwarded to SP4N-LAPOR!, {changed} LAPOR! statuses changed")
    return 0


def cmd_device_revoke(args: argparse.Namespace, settings: HubSettings) -> int:
    hub = _hub(settings)
    try:
        changed = hub.enrolment.revoke(args.device_id)
    except NotFound as exc:
        raise UsageError(f"device_id: no device {args.device_id!r}") from exc
    finally:
        hub.close()
    _out(f"device {args.device_id} {'revoked' if changed else 'was already revoked'}")
    return 0


def cmd_export(args: argparse.Namespace, settings: HubSettings) -> int:
    out = Path(args.out)
    if not out.parent.is_dir():
        raise UsageError(f"out: folder {str(out.parent)!r} does not exist")
    hub = _hub(settings)
    try:
        count = export(hub.records, args.entity, args.format, out)
    finally:
        hub.close()
    _out(f"{count} {args.entity} written to {out}")
    return 0


def cmd_import_bundle(args: argparse.Namespace, settings: HubSettings) -> int:
    from sync.bundle import BundleRefused
    from sync.server.bundles import BundleImporter

    source = Path(args.file)
    receipt = Path(args.receipt_out) if args.receipt_out else source.with_name(
        source.name + ".receipt")
    hub = _hub(settings)
    try:
        done = BundleImporter(hub).import_push(source, receipt)
    except BundleRefused as exc:
        raise UsageError(f"file: bundle refused ({exc.reason}): {exc}") from exc
    finally:
        hub.close()
    _out(f"bundle from device {done.device_id}: {done.accepted} new, {done.duplicate} already "
         f"here, {done.refused} refused, {done.attachments} attachments stored")
    _out(f"receipt for the village: {done.receipt}")
    return 0


# --- escrow (sync.server.escrow) ---------------------------------------------------------------


def cmd_escrow(args: argparse.Namespace, settings: HubSettings) -> int:
    from sync.server.escrow import EscrowStore, keygen

    if args.escrow_command == "keygen":
        public, private, print_ = keygen(Path(args.out))
        _out(f"escrow public key: {public} (fingerprint {print_}); copy it into the hub's "
             "data folder")
        _out(f"escrow private key: {private}; keep it offline, never on the hub")
        return 0
    text = EscrowStore(settings, settings.clock).export(args.device)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        _out(f"wrapped key of device {args.device} written to {args.out}")
    else:
        _out(text.rstrip("\n"))
    return 0


def _add_escrow(sub: Any) -> None:
    escrow = sub.add_parser("escrow", help="key escrow of the devices' data keys")
    escrow_sub = escrow.add_subparsers(dest="escrow_command", required=True)
    gen = escrow_sub.add_parser("keygen", help="make the district's escrow key pair")
    gen.add_argument("--out", required=True, help="folder for escrow.pub and "
                                                  "escrow-private.key (owner-only)")
    gen.set_defaults(func=cmd_escrow)
    exp = escrow_sub.add_parser("export", help="print a device's wrapped data key")
    exp.add_argument("--device", required=True, help="device id")
    exp.add_argument("--out", help="write it to this file instead of printing it")
    exp.set_defaults(func=cmd_escrow)


def cmd_reference_import(args: argparse.Namespace, settings: HubSettings) -> int:
    from sync.server.reference_import import ReferenceFileInvalid, publish_updates, read_updates

    try:
        updates = read_updates([Path(f) for f in args.files])
    except ReferenceFileInvalid as exc:
        raise UsageError(f"file: {exc}; nothing was published") from exc
    hub = _hub(settings)
    try:
        seqs = publish_updates(hub.db, updates, clock=settings.clock)
    except ReferenceFileInvalid as exc:
        raise UsageError(f"file: {exc}; nothing was published") from exc
    finally:
        hub.close()
    for u, seq in zip(updates, seqs, strict=True):
        _out(f"{u.dataset}: {len(u.rows)} rows from {u.source.name} published (feed {seq})")
    _out("devices receive them at their next sync")
    return 0


def _add_reference(sub: Any) -> None:
    ref = sub.add_parser("reference", help="reference data for every device")
    ref_sub = ref.add_subparsers(dest="reference_command", required=True)
    imp = ref_sub.add_parser(
        "import", help="check and publish villages, categories, agencies or holidays (CSV; "
                       "each file is the whole list; all files or none are published)")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.set_defaults(func=cmd_reference_import)


Command = Callable[[argparse.Namespace, HubSettings], int]


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kim-hub", description="KIM district hub")
    p.add_argument("--db", help="database URL (default: SQLite in the data dir; env KIM_HUB_DB)")
    p.add_argument("--data-dir", help="data folder (env KIM_HUB_DATA_DIR)")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("init", help="create or upgrade the hub database").set_defaults(
        func=cmd_init)
    serve = sub.add_parser("serve", help="run the hub (migrates first)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--enrol-burst", type=int, metavar="N",
                       help="enrolments one client address may make at once (default 30; "
                            "raise it for a roll-out where many PCs share one address)")
    serve.set_defaults(func=cmd_serve)
    enroll = sub.add_parser("enroll", help="print a one-time enrolment code")
    enroll.add_argument("--village", required=True, help="desa/kelurahan code, e.g. 73.24.04.2010")
    enroll.add_argument("--role", choices=("operator", "trainer"), default="operator")
    enroll.set_defaults(func=cmd_enroll)
    user = sub.add_parser("user", help="manage district accounts")
    user_sub = user.add_subparsers(dest="user_command", required=True)
    user_add = user_sub.add_parser("add", help="create a reviewer or admin account "
                                               "(password read from stdin)")
    user_add.add_argument("username")
    user_add.add_argument("--role", required=True, choices=("reviewer", "admin"))
    user_add.set_defaults(func=cmd_user_add)
    sub.add_parser("forward-run", help="send what is due in the SP4N-LAPOR! queue and pull "
                                       "LAPOR! statuses").set_defaults(func=cmd_forward_run)
    device = sub.add_parser("device", help="manage enrolled devices")
    device_sub = device.add_subparsers(dest="device_command", required=True)
    revoke = device_sub.add_parser("revoke", help="revoke a device's token")
    revoke.add_argument("device_id")
    revoke.set_defaults(func=cmd_device_revoke)
    exp = sub.add_parser("export", help="export stored records")
    exp.add_argument("entity", choices=ENTITIES)
    exp.add_argument("--format", required=True, choices=FORMATS)
    exp.add_argument("--out", required=True)
    exp.set_defaults(func=cmd_export)
    imp = sub.add_parser("import-bundle", help="import a village's USB sync bundle")
    imp.add_argument("file")
    imp.add_argument("--receipt-out", help="receipt bundle for the village "
                                           "(default: FILE.receipt)")
    imp.set_defaults(func=cmd_import_bundle)
    _add_escrow(sub)
    _add_reference(sub)
    return p


def _log_to_file(data_dir: Path) -> logging.FileHandler:
    path = data_dir / "logs" / LOG_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)  # usage errors exit 2 here
    try:
        settings = _settings(args)
    except OSError as exc:
        sys.stderr.write(f"kim-hub: error: data-dir: cannot use it ({exc.strerror})\n")
        return 2
    level = logging.getLogger().level
    handler = _log_to_file(settings.data_dir)
    log_path = handler.baseFilename
    command: Command = args.func
    try:
        return command(args, settings)
    except UsageError as exc:
        sys.stderr.write(f"kim-hub: error: {exc}\n")
        return 2
    except KimError as exc:
        sys.stderr.write(f"kim-hub: error: {exc}\n")
        return exc.exit_code
    except OperationalError:
        log.exception("kim-hub %s: database unavailable", args.command)
        sys.stderr.write(f"kim-hub: error: db: cannot use the database; details in {log_path}\n")
        return 1
    except Exception:
        log.exception("kim-hub %s failed", args.command)
        sys.stderr.write(f"kim-hub: unexpected error; details in {log_path}\n")
        return 1
    finally:
        logging.getLogger().removeHandler(handler)
        logging.getLogger().setLevel(level)
        handler.close()


if __name__ == "__main__":
    sys.exit(main())
