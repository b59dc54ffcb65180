"""The `kim` commands that move data off the village PC: backup and restore (sync and enrol
are added by the sync client)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kim_desktop.core import Core
from kim_desktop.storage.db import backup_file


def add_sync_commands(sub: Any) -> None:
    b = sub.add_parser("backup", help="online backup of the local store")
    b.add_argument("--out", type=Path, help="backup file (default: the backups folder)")


def cmd_backup(core: Core, args: argparse.Namespace) -> int:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = args.out or core.paths.backups / f"kim-{stamp}.db"
    backup_file(core.paths.store, out)
    print(out)
    return 0


SYNC_COMMANDS: dict[str, Callable[[Core, argparse.Namespace], int]] = {"backup": cmd_backup}
