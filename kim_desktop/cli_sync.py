"""The `kim` commands that move data off the village PC: enrol, sync, backup, restore."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kim_desktop.cli_recover import add_recover_command, cmd_recover_contacts
from kim_desktop.cli_text import say
from kim_desktop.core import Core
from kim_desktop.domain.errors import InvalidInput, NotInitialised
from kim_desktop.paths import DataPaths
from kim_desktop.services.backups import BackupService
from kim_desktop.services.diagnostics import export_diagnostics
from kim_desktop.storage.db import backup_file


def add_sync_commands(sub: Any) -> None:
    e = sub.add_parser("enroll", help="enrol this device with the district hub")
    e.add_argument("--hub", required=True)
    e.add_argument("--code", required=True)
    s = sub.add_parser("sync", help="push queued records, then pull the district's changes")
    for p in (e, s):  # kept in preferences: later runs (and the app) use them too
        p.add_argument("--ca-bundle", type=Path,
                       help="the district's CA certificates (PEM) to verify the hub with")
        p.add_argument("--allow-insecure-http", action="store_true",
                       help="INSECURE: allow plain http:// to a hub on another computer")
    b = sub.add_parser("bundle", help="USB sync bundles").add_subparsers(dest="action",
                                                                         required=True)
    b.add_parser("export", help="write queued records to a signed bundle").add_argument(
        "--out", type=Path, required=True)
    b.add_parser("import", help="apply the district's receipt bundle").add_argument(
        "file", type=Path)
    b = sub.add_parser("backup", help="online backup of the local store")
    b.add_argument("--out", type=Path, help="backup file (default: the backups folder)")
    d = sub.add_parser("diagnostics", help="support zip without personal data")
    d.add_argument("--out", type=Path, required=True)
    r = sub.add_parser("restore", help="replace the store with a backup (a copy is kept)")
    r.add_argument("file", type=Path, nargs="?", help="backup file (default: the newest sound one)")
    add_recover_command(sub)


def cmd_backup(paths: DataPaths, args: argparse.Namespace) -> int:
    if not paths.store.exists():
        raise NotInitialised("nothing to back up")
    if args.out:
        print(backup_file(paths.store, args.out, check=True))
    else:
        print(BackupService(paths.store, paths.backups).create("manual"))
    return 0


def cmd_restore(paths: DataPaths, args: argparse.Namespace) -> int:
    service = BackupService(paths.store, paths.backups)
    source = args.file
    if source is None:
        good = service.newest_good()
        if good is None:
            raise InvalidInput(say("no_backup", folder=paths.backups))
        source = good.path
    safety = service.restore(source)
    print(say("restored", source=source, safety=safety))
    return 0


def cmd_diagnostics(paths: DataPaths, args: argparse.Namespace) -> int:
    print(export_diagnostics(paths, args.out))
    return 0


#: commands that work on the data folder's files without opening the store
FILE_COMMANDS: dict[str, Callable[[DataPaths, argparse.Namespace], int]] = {
    "backup": cmd_backup, "restore": cmd_restore, "diagnostics": cmd_diagnostics,
    "recover-contacts": cmd_recover_contacts}


def _save_hub_trust(core: Core, args: argparse.Namespace) -> None:
    """Keep ``--ca-bundle`` / ``--allow-insecure-http`` in preferences (checked first)."""
    from dataclasses import replace

    from sync.client.http import check_ca_bundle

    prefs = core.preferences.get()
    if args.ca_bundle is not None:
        check_ca_bundle(str(args.ca_bundle))
        prefs = replace(prefs, ca_bundle=str(args.ca_bundle.resolve()))
    if args.allow_insecure_http:
        prefs = replace(prefs, allow_insecure_http=True)
    if prefs != core.preferences.get():
        core.preferences.save(prefs)


def cmd_enroll(core: Core, args: argparse.Namespace) -> int:
    from sync.client.service import SyncClient

    _save_hub_trust(core, args)
    done = SyncClient(core).enroll(args.hub, args.code, require_persistent=True)
    print(say("enrolled", hub=done.hub_url, village=done.village_code, role=done.role))
    return 0


def cmd_sync(core: Core, args: argparse.Namespace) -> int:
    from sync.client.service import SyncClient

    _save_hub_trust(core, args)
    report = SyncClient(core).sync()
    print(say("synced", pushed=report.pushed, set_aside=report.set_aside, pulled=report.pulled,
              uploaded=report.uploaded, kb=round(report.bytes_sent / 1024, 1),
              pending=report.pending))
    for reason in report.reasons:
        print(say("set_aside_reason", reason=reason))
    if report.clock_offset_seconds is not None and abs(report.clock_offset_seconds) > 300:
        print(say("clock_skew", minutes=round(report.clock_offset_seconds / 60)))
    return 3 if report.pending else 0


def cmd_bundle(core: Core, args: argparse.Namespace) -> int:
    from sync.client.bundles import export_bundle, import_receipt

    if args.action == "export":
        done = export_bundle(core, args.out)
        print(say("bundle_written", path=done.path, records=done.records,
                  attachments=done.attachments))
    else:
        # the receipt overwrites statuses with the district's decisions: keep a copy first
        BackupService(core.paths.store, core.paths.backups).before_destructive("receipt")
        got = import_receipt(core, args.file)
        print(say("receipt_applied", confirmed=got.confirmed, set_aside=got.set_aside,
                  changes=got.changes))
    return 0


SYNC_COMMANDS: dict[str, Callable[[Core, argparse.Namespace], int]] = {
    "enroll": cmd_enroll, "sync": cmd_sync, "bundle": cmd_bundle}
