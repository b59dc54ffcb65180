"""Actor: whoever finds (or takes) a lost or stolen village PC, or a copy of its data folder or
backups (docs/security.md).

They can read every byte of the files but do not have the OS keyring of the operator's login.
What they must not get: a reporter's NIK, phone number, e-mail or address in plain text, in the
store, its WAL, its backups, the logs or anything else in the data folder.

It relies on field encryption at rest (`kim_desktop.storage.crypto`, docs/security.md "At
rest"): without it, it fails and names each file and field that gives a value away.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from kim_desktop.cli import main as kim
from kim_desktop.core import Core, build_core
from kim_desktop.services.backups import BackupService
from kim_desktop.services.base import ServiceContext
from kim_desktop.storage.db import open_store
from tests.conftest import complaint_data
from tests.sync.conftest import make_village

REPORTER = {"name": "Hasnah Daeng Baji", "nik": "7324045507910003", "phone": "082187654321",
            "email": "hasnah.baji@contoh.id", "address": "Jl. Ahmad Yani, Lorong Mawar No. 12",
            "gender": "P"}
#: the values that identify and reach the reporter (what UU 27/2022 protects first)
PERSONAL = ("nik", "phone", "email", "address")


def _variants(value: str) -> list[bytes]:
    """A value as it could sit in a file: UTF-8, UTF-16 (Windows), phone in +62 form."""
    out = [value.encode("utf-8"), value.encode("utf-16-le")]
    if value.startswith("08"):
        out.append(("+62" + value[1:]).encode())
        out.append(("62" + value[1:]).encode())
    return out


def _leaks(folder: Path) -> list[tuple[str, str]]:
    """(file, field) for every personal value found in plain text under ``folder``."""
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for field in PERSONAL:
            if any(v in data for v in _variants(REPORTER[field])):
                found.append((str(path.relative_to(folder)), field))
    return found


def _village_with_reports(tmp_path: Path) -> Core:
    core = make_village(tmp_path, "desa")
    named = complaint_data(reporter=REPORTER)
    draft = complaint_data(reporter=REPORTER, title="Air bersih tidak mengalir ke dusun")
    core.complaints.add([(named, tmp_path)], submit=True)
    core.complaints.add([(draft, tmp_path)], submit=False)
    return core


def test_a_copy_of_the_store_and_its_backups_holds_no_plain_identity(tmp_path: Path) -> None:
    core = _village_with_reports(tmp_path)
    BackupService(core.paths.store, core.paths.backups).create("manual")
    assert kim(["--data-dir", str(core.paths.root), "backup", "--out",
                str(tmp_path / "flashdisk" / "cadangan.db")]) == 0
    # the thief copies the files while the app still has the store open (WAL and all)
    stolen = tmp_path / "stolen"
    shutil.copytree(core.paths.root, stolen / "data")
    shutil.copytree(tmp_path / "flashdisk", stolen / "flashdisk")
    assert _leaks(stolen) == []


def test_reporter_identity_still_reads_back_for_the_operator(tmp_path: Path) -> None:
    """The other side of the coin: protection at rest must not lose what the operator typed,
    also after the store is closed and opened again."""
    core = _village_with_reports(tmp_path)
    ids = [c.id for c in core.complaints.iter_all()]
    assert len(ids) == 2
    again = build_core(core.paths, ServiceContext(open_store(core.paths.store,
                                                             core.paths.backups)))
    for cid in ids:
        reporter = again.complaints.reveal_identity(cid, actor="Andi")
        assert (reporter.nik, reporter.phone, reporter.email, reporter.address) == tuple(
            REPORTER[k] for k in PERSONAL)
