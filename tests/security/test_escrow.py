"""Key escrow end to end: district IT makes the key pair, a village PC deposits its data key at
enrolment over a live hub, the PC dies, district IT recovers the contacts from a store copy."""

from __future__ import annotations

import base64
import csv
import json
import shutil
import stat
from pathlib import Path

import pytest
from hub_testkit import LiveHub

from kim_desktop import cli as kim_cli
from kim_desktop.storage.crypto import data_key
from kim_desktop.storage.db import backup_file
from sync.server import cli as hub_cli
from tests.conftest import complaint_data
from tests.security.conftest import HIDDEN, NAMED, enrol, make_village


def keygen(folder: Path) -> tuple[Path, Path]:
    assert hub_cli.main(["escrow", "keygen", "--out", str(folder)]) == 0
    return folder / "escrow.pub", folder / "escrow-private.key"


def hub_args(hub: LiveHub, *args: str) -> list[str]:
    return ["--data-dir", str(hub.settings.data_dir), "--db", hub.settings.db_url, *args]


def test_recovery_round_trip(tmp_path: Path, live_hub: LiveHub,
                             capsys: pytest.CaptureFixture[str]) -> None:
    public, private = keygen(tmp_path / "district-it")
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    shutil.copyfile(public, live_hub.settings.data_dir / "escrow.pub")

    core = make_village(tmp_path)
    named, hidden = core.complaints.add([
        (complaint_data(reporter={**NAMED, "gender": "P"}), Path(".")),
        (complaint_data(anonymous=True, reporter={**HIDDEN, "gender": "L"}), Path("."))],
        submit=True)
    enrol(core, live_hub)                  # the data key is deposited right after enrolment
    [deposited] = list(live_hub.settings.escrow_dir.glob("*.json"))
    key_id, key = data_key(core.ctx.sessions.kw["bind"])
    assert base64.urlsafe_b64encode(key) not in deposited.read_bytes()   # only ciphertext
    assert json.loads(deposited.read_text())["key_id"] == key_id
    assert stat.S_IMODE(deposited.stat().st_mode) == 0o600

    # the PC dies; district IT has a copy of its store, the hub's wrapped key and the private key
    dead = backup_file(core.paths.store, tmp_path / "rescued" / "kim.db")
    hub_device = deposited.stem
    wrapped = tmp_path / "wrapped.json"
    assert hub_cli.main(hub_args(live_hub, "escrow", "export", "--device", hub_device,
                                 "--out", str(wrapped))) == 0
    out = tmp_path / "contacts.csv"
    assert kim_cli.main(["recover-contacts", "--store", str(dead), "--wrapped-key",
                         str(wrapped), "--private-key", str(private), "--out", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rows = {r["tracking_no"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert rows[named.tracking_no]["reporter.nik"] == NAMED["nik"]
    assert rows[named.tracking_no]["reporter.phone"] == NAMED["phone"]
    assert rows[named.tracking_no]["reporter.address"] == NAMED["address"]
    assert rows[hidden.tracking_no]["anonymous"] == "1"
    assert rows[hidden.tracking_no]["reporter.nik"] == ""     # anonymous stays anonymous

    # another district key pair cannot open it, and says so
    _, other_private = keygen(tmp_path / "other")
    capsys.readouterr()
    code = kim_cli.main(["recover-contacts", "--store", str(dead), "--wrapped-key", str(wrapped),
                         "--private-key", str(other_private), "--out",
                         str(tmp_path / "no.csv")])
    assert code != 0 and not (tmp_path / "no.csv").exists()
    assert "Traceback" not in capsys.readouterr().err


def test_keygen_never_overwrites_a_key_pair(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    public, private = keygen(tmp_path / "k")
    before = private.read_bytes()
    assert hub_cli.main(["escrow", "keygen", "--out", str(tmp_path / "k")]) == 2
    assert "already holds" in capsys.readouterr().err
    assert private.read_bytes() == before and public.exists()


def test_without_escrow_enrolment_works_and_the_key_goes_at_a_later_sync(
        tmp_path: Path, live_hub: LiveHub) -> None:
    core = make_village(tmp_path)
    client = enrol(core, live_hub)
    escrow_dir = live_hub.settings.escrow_dir
    assert not escrow_dir.exists() or not list(escrow_dir.glob("*.json"))
    public, _ = keygen(tmp_path / "district-it")
    shutil.copyfile(public, live_hub.settings.data_dir / "escrow.pub")
    client.sync()
    assert len(list(escrow_dir.glob("*.json"))) == 1
    first = next(escrow_dir.glob("*.json")).read_bytes()
    client.sync()                                         # deposited once, not on every sync
    assert next(escrow_dir.glob("*.json")).read_bytes() == first


def test_export_of_an_unknown_device_is_a_clear_error(tmp_path: Path, live_hub: LiveHub,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    code = hub_cli.main(hub_args(live_hub, "escrow", "export", "--device",
                                 "00000000-0000-0000-0000-000000000000"))
    assert code == 2
    assert "escrowed key of device 00000000-0000-0000-0000-000000000000 not found" in (
        capsys.readouterr().err)
