"""The `kim recover-contacts` command: district IT opens a dead PC's store copy.

Inputs: a copy of the store file, the device's wrapped data key (``kim-hub escrow export``) and
the district's escrow private key (``kim-hub escrow keygen``, kept offline). Output: a CSV of the
reporters' contacts, one line per complaint, written owner-only. An anonymous reporter's identity
stays out, as in every export. The store copy is only read.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
from pathlib import Path
from typing import Any

from kim_desktop.cli_text import say
from kim_desktop.domain.errors import InvalidInput
from kim_desktop.paths import DataPaths
from kim_desktop.storage.crypto import IDENTITY_COLUMNS, open_store_copy, unwrap_key

COLUMNS = ["tracking_no", "created_at", "village_code", "anonymous", "reporter.name",
           "reporter.nik", "reporter.phone", "reporter.email", "reporter.address"]


def add_recover_command(sub: Any) -> None:
    r = sub.add_parser("recover-contacts", help="district IT: reporters' contacts from a store "
                                                "copy, with the escrowed key")
    r.add_argument("--store", type=Path, required=True, help="copy of the dead PC's kim.db")
    r.add_argument("--wrapped-key", type=Path, required=True,
                   help="the device's wrapped key (kim-hub escrow export)")
    r.add_argument("--private-key", type=Path, required=True,
                   help="the district's escrow private key")
    r.add_argument("--out", type=Path, required=True, help="CSV file to write")


def _read(path: Path, field: str) -> str:
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError as e:
        raise InvalidInput(f"{field}: cannot read {path} ({e.strerror})") from e


def _wrapped(path: Path) -> tuple[str, str]:
    try:
        doc = json.loads(_read(path, "wrapped-key"))
        return str(doc["key_id"]), str(doc["wrapped_key"])
    except (ValueError, KeyError, TypeError) as e:
        raise InvalidInput("wrapped-key: not a file written by `kim-hub escrow export`") from e


def cmd_recover_contacts(_paths: DataPaths, args: argparse.Namespace) -> int:
    if not args.store.is_file():
        raise InvalidInput(f"store: file not found: {args.store}")
    key_id, wrapped = _wrapped(args.wrapped_key)
    try:
        key = unwrap_key(wrapped, _read(args.private_key, "private-key"), key_id)
    except ValueError as e:
        raise InvalidInput("private-key: not an escrow private key") from e
    conn, cipher = open_store_copy(args.store, key)
    try:
        if cipher.key_id != key_id:
            raise InvalidInput("wrapped-key: it belongs to another store")
        rows = conn.execute(
            f"SELECT tracking_no, created_at, village_code, anonymous, {', '.join(IDENTITY_COLUMNS)}"
            " FROM complaint WHERE deleted IS 0 ORDER BY created_at, id").fetchall()
    finally:
        conn.close()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    part = args.out.with_name(args.out.name + ".part")
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        for tracking_no, created_at, village, anonymous, *identity in rows:
            opened = [""] * len(identity) if anonymous else [
                cipher.open(c, v or "") for c, v in zip(IDENTITY_COLUMNS, identity, strict=True)]
            w.writerow([tracking_no, created_at, village, int(bool(anonymous)), *opened])
    part.replace(args.out)
    print(say("contacts_recovered", count=len(rows), path=args.out))
    return 0
