"""The ``kim-hub`` command: init, enroll, device revoke, export, serve (contract of ARCHITECTURE.md)."""

from __future__ import annotations

import csv
import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from hub_testkit import VILLAGE_A, LiveHub, MutableClock, start_live_hub, wait_until

from sync.protocol import ReporterPayload
from sync.server.cli import main
from sync.server.settings import HubSettings

_SCRIPT = Path(sys.executable).with_name("kim-hub")
KIM_HUB = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "sync.server.cli"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cli_db(empty_db_url: str, tmp_path: Path) -> list[str]:
    """Global options of a fresh hub, before ``init``."""
    return ["--db", empty_db_url, "--data-dir", str(tmp_path / "cli-data")]


def test_init_enroll_and_revoke(cli_db: list[str], tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, *cli_db, "enroll", "--village", VILLAGE_A)
    assert code == 2 and "db:" in err  # not initialised yet: nothing written
    assert run(capsys, *cli_db, "init")[0] == 0
    assert run(capsys, *cli_db, "init")[0] == 0  # upgrading an up-to-date hub is fine

    code, out, _ = run(capsys, *cli_db, "enroll", "--village", VILLAGE_A, "--role", "trainer")
    assert code == 0
    enrolment_code = out.strip().splitlines()[-1].split()[-1]
    clock = MutableClock()
    live = start_live_hub(HubSettings(db_url=cli_db[1], data_dir=tmp_path / "cli-data",
                                      clock=clock), clock)
    try:
        r = live.post("/v1/enroll", json={"code": enrolment_code, "device_tag": "K7Q",
                                          "app_version": "0.1.0"})
        assert r.status_code == 200 and r.json()["role"] == "trainer"
        device_id, token = r.json()["device_id"], r.json()["token"]
        code, out, _ = run(capsys, *cli_db, "device", "revoke", device_id)
        assert code == 0 and "revoked" in out
        r = live.get("/v1/changes", headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 401 and r.json()["error"]["code"] == "enrolment_revoked"
        assert run(capsys, *cli_db, "device", "revoke", device_id)[0] == 0
    finally:
        live.stop()
    code, _, err = run(capsys, *cli_db, "device", "revoke", "no-such-device")
    assert code == 2 and "device_id" in err


@pytest.mark.parametrize("village", ["73.24.04", "73.24.99.9999", "Balantang"])
def test_enroll_refuses_what_is_not_a_village(tmp_path: Path, village: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--data-dir", str(tmp_path), "enroll", "--village", village)
    assert code == 2 and err.startswith("kim-hub: error: village:") and out == ""


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["export", "complaints", "--format", "xml", "--out", "x"],
                 ["enroll", "--village", VILLAGE_A, "--role", "reviewer"], ["frobnicate"]):
        with pytest.raises(SystemExit) as exc:
            main(["--data-dir", str(tmp_path), *argv])
        assert exc.value.code == 2
    capsys.readouterr()
    code, _, err = run(capsys, "--data-dir", str(tmp_path), "export", "complaints", "--format",
                       "json", "--out", str(tmp_path / "missing" / "x.json"))
    assert code == 2 and "out:" in err


def test_environment_stands_in_for_the_flags(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("KIM_HUB_DATA_DIR", str(tmp_path / "env-data"))
    assert run(capsys, "init")[0] == 0
    assert (tmp_path / "env-data" / "hub.sqlite3").exists()
    monkeypatch.setenv("KIM_HUB_DB", f"sqlite:///{tmp_path / 'other.sqlite3'}")
    assert run(capsys, "init")[0] == 0
    assert (tmp_path / "other.sqlite3").exists()


def test_export_uses_data_dictionary_names_and_hides_anonymous_reporters(
        live_hub: LiveHub, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    device = live_hub.enrol()
    named = device.complaint()
    anonymous = device.complaint(anonymous=True)
    session = device.activity()
    device.push_ok([named, anonymous, session])
    live_hub.hub.feed.record_status_change(record_id=named.id, status="verified", actor="rev")
    base = ["--db", live_hub.settings.db_url, "--data-dir", str(live_hub.settings.data_dir)]

    out_json = tmp_path / "complaints.json"
    code, out, _ = run(capsys, *base, "export", "complaints", "--format", "json",
                       "--out", str(out_json))
    assert code == 0 and out.startswith("2 complaints")
    docs = {d["id"]: d for d in json.loads(out_json.read_text(encoding="utf-8"))}
    shown, hidden = docs[str(named.id)], docs[str(anonymous.id)]
    for field in ("id", "tracking_no", "kind", "title", "body", "incident_date", "village_code",
                  "location_detail", "latitude", "longitude", "category_code", "agency_code",
                  "reporter", "anonymous", "confidential", "consent", "channel", "activity_id",
                  "attachments", "status", "status_history", "lapor_tracking_id",
                  "lapor_status_raw", "revision", "created_at", "updated_at", "recorded_by",
                  "device_id"):
        assert field in shown, field
    assert shown["reporter"]["nik"] == "7324040101800001"
    assert shown["status"] == "verified"
    assert [h["status"] for h in shown["status_history"]] == ["received", "verified"]
    assert hidden["reporter"] == dict.fromkeys(ReporterPayload.model_fields)
    assert "7324040101800001" not in json.dumps(hidden)

    out_csv = tmp_path / "complaints.csv"
    assert run(capsys, *base, "export", "complaints", "--format", "csv",
               "--out", str(out_csv))[0] == 0
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8", newline="")))
    assert len(rows) == 2 and "reporter.nik" in rows[0]
    assert {r["reporter.nik"] for r in rows} == {"7324040101800001", ""}

    out_act = tmp_path / "activities.csv"
    assert run(capsys, *base, "export", "activities", "--format", "csv",
               "--out", str(out_act))[0] == 0
    (row,) = list(csv.DictReader(out_act.open(encoding="utf-8", newline="")))
    assert (row["participant_counts.L"], row["participant_counts.P"]) == ("1", "1")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_serve_migrates_and_answers_as_a_separate_process(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "KIM_HUB_DATA_DIR": str(tmp_path / "served")}
    env.pop("KIM_HUB_DB", None)
    proc = subprocess.Popen([*KIM_HUB, "serve", "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        def healthy() -> bool:
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            try:
                return requests.get(f"http://127.0.0.1:{port}/health", timeout=1).ok
            except requests.ConnectionError:
                return False

        wait_until(healthy, timeout=30, what="kim-hub serve")
        assert (tmp_path / "served" / "hub.sqlite3").exists()
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=15)
    assert proc.returncode in (0, -signal.SIGTERM)
