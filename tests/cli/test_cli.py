"""The `kim` command end to end, through subprocesses, on a real data folder."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import VILLAGE, complaint_data, write_json

KIM = [sys.executable, "-m", "kim_desktop.cli"]


def kim(data: Path, *args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, KIM_LANG="id")
    return subprocess.run([*KIM, "--data-dir", str(data), *args], capture_output=True,
                          text=True, env=env, input=input, timeout=60)


@pytest.fixture
def village(tmp_path: Path) -> Path:
    d = tmp_path / "desa"
    r = kim(d, "init", "--village", VILLAGE, "--kim-name", "KIM Balantang", "--operator", "Andi")
    assert r.returncode == 0, r.stderr
    assert "Balantang" in r.stdout
    return d


def listing(d: Path) -> list[dict]:
    r = kim(d, "complaint", "list", "--json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_add_submit_list_show(village: Path, tmp_path: Path) -> None:
    f = write_json(tmp_path / "c.json", complaint_data())
    r = kim(village, "complaint", "add", "--file", str(f))
    assert r.returncode == 0, r.stderr
    cid, trk = r.stdout.split()
    assert trk.startswith("042010-")
    assert kim(village, "complaint", "submit", trk).returncode == 0
    [c] = listing(village)
    assert (c["id"], c["tracking_no"], c["status"]) == (cid, trk, "queued")
    shown = json.loads(kim(village, "complaint", "show", cid, "--json").stdout)
    assert shown["title"] == complaint_data()["title"]
    assert [h["status"] for h in shown["status_history"]] == ["draft", "queued"]
    st = json.loads(kim(village, "status", "--json").stdout)
    assert st["complaints"] == {"queued": 1} and st["backlog"] == {"pending": 1}


def test_add_many_prints_one_line_each(village: Path, tmp_path: Path) -> None:
    f = write_json(tmp_path / "many.json", [complaint_data(title=f"Jalan rusak {i}")
                                           for i in range(3)])
    r = kim(village, "complaint", "add", "--file", str(f), "--submit")
    assert r.returncode == 0 and len(r.stdout.splitlines()) == 3
    assert {c["status"] for c in listing(village)} == {"queued"}


@pytest.mark.parametrize(("change", "field"), [
    ({"reporter": {"name": "A", "phone": "081234567890", "nik": "12345"}}, "reporter.nik"),
    ({"title": None}, "title"),
    ({"village_code": "73.24.99.9999"}, "village_code"),
    ({"incident_date": "2099-01-01"}, "incident_date"),
    ({"category_code": "tidak-ada"}, "category_code"),
    ({"agency_code": "dinas-entah"}, "agency_code"),
])
def test_bad_input_exit_2_names_field_and_writes_nothing(village: Path, tmp_path: Path,
                                                         change: dict, field: str) -> None:
    before = (village / "kim.db").read_bytes()
    f = write_json(tmp_path / "bad.json", complaint_data(**change))
    r = kim(village, "complaint", "add", "--file", str(f))
    assert r.returncode == 2
    assert f"{field}:" in r.stderr and "Traceback" not in r.stderr
    assert listing(village) == []
    assert _rows(village / "kim.db") == _rows_of(before, tmp_path)


def _rows(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as c:
        tables = [r[0] for r in c.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '%fts%'")]
        return {t: c.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def _rows_of(image: bytes, tmp: Path) -> dict[str, int]:
    p = tmp / "before.db"
    p.write_bytes(image)
    return _rows(p)


def test_unknown_code_says_how_to_list_valid_codes(village: Path, tmp_path: Path) -> None:
    f = write_json(tmp_path / "bad.json", complaint_data(village_code="73.24.04.9999"))
    r = kim(village, "complaint", "add", "--file", str(f))
    assert "kim reference villages" in r.stderr
    listed = kim(village, "reference", "villages").stdout
    assert "73.24.04.2010\tDesa Balantang, Kec. Malili" in listed
    assert len(listed.splitlines()) == 128


def test_malformed_json_gives_line_and_column(village: Path, tmp_path: Path) -> None:
    f = tmp_path / "rusak.json"
    f.write_text('{"title": "x",\n  "body": }')
    r = kim(village, "complaint", "add", "--file", str(f))
    assert r.returncode == 2 and "baris 2 kolom 11" in r.stderr


def test_list_problems_carry_item_numbers(village: Path, tmp_path: Path) -> None:
    f = write_json(tmp_path / "many.json", [complaint_data(), complaint_data(body="pendek")])
    r = kim(village, "complaint", "add", "--file", str(f))
    assert r.returncode == 2 and "[2].body" in r.stderr
    assert listing(village) == []


def test_missing_file_and_usage_errors(village: Path, tmp_path: Path) -> None:
    r = kim(village, "complaint", "add", "--file", str(tmp_path / "tidak-ada.json"))
    assert r.returncode == 2 and "tidak ditemukan" in r.stderr
    assert kim(village, "complaint", "frobnicate").returncode == 2
    assert kim(village, "complaint", "submit", "042010-AAA-0001").returncode == 2


def test_not_initialised(tmp_path: Path) -> None:
    f = write_json(tmp_path / "c.json", complaint_data())
    r = kim(tmp_path / "kosong", "complaint", "add", "--file", str(f))
    assert r.returncode == 2 and "kim init" in r.stderr


def test_attachment_paths_are_relative_to_the_file(village: Path, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "foto.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"1" * 500)
    f = write_json(tmp_path / "in" / "c.json", complaint_data(attachments=["foto.jpg"]))
    assert kim(village, "complaint", "add", "--file", str(f)).returncode == 0
    [c] = listing(village)
    assert c["attachments"][0]["media_type"] == "image/jpeg"


def test_locked_store_gives_a_clear_message(village: Path, tmp_path: Path) -> None:
    f = write_json(tmp_path / "c.json", complaint_data())
    holder = sqlite3.connect(village / "kim.db", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        r = kim(village, "complaint", "add", "--file", str(f))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert r.returncode == 1 and "dipakai program lain" in r.stderr
    assert "Traceback" not in r.stderr
    assert listing(village) == []


def test_export_formats(village: Path, tmp_path: Path) -> None:
    f = write_json(tmp_path / "c.json", complaint_data())
    kim(village, "complaint", "add", "--file", str(f), "--submit")
    for fmt in ("csv", "xlsx", "json"):
        out = tmp_path / f"out.{fmt}"
        r = kim(village, "export", "complaints", "--format", fmt, "--out", str(out))
        assert r.returncode == 0 and out.stat().st_size > 100


def test_anonymous_identity_in_list_show_and_export(village: Path, tmp_path: Path) -> None:
    f = write_json(tmp_path / "c.json", [complaint_data(anonymous=True),
                                         complaint_data(title="Lampu jalan padam")])
    kim(village, "complaint", "add", "--file", str(f), "--submit")
    listed = kim(village, "complaint", "list", "--json").stdout
    out = tmp_path / "out.json"
    assert kim(village, "export", "complaints", "--format", "json", "--out", str(out)
               ).returncode == 0
    assert out.read_text(encoding="utf-8") == listed          # one writer, one record shape
    anon = next(c for c in json.loads(listed) if c["anonymous"])
    assert anon["reporter"]["name"] == "" and listed.count("Siti Rahmawati") == 1
    shown = json.loads(kim(village, "complaint", "show", anon["id"], "--json").stdout)
    assert shown == anon
    revealed = json.loads(kim(village, "complaint", "show", anon["tracking_no"], "--json",
                              "--reveal").stdout)
    assert revealed["reporter"]["name"] == "Siti Rahmawati"
    assert {k: v for k, v in revealed.items() if k != "reporter"} == {
        k: v for k, v in anon.items() if k != "reporter"}


needs_root = pytest.mark.skipif(os.geteuid() != 0 or shutil.which("unshare") is None,
                                reason="needs root and unshare to mount a small filesystem")


def _in_small_fs(tmp_path: Path, script: str) -> subprocess.CompletedProcess[str]:
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    f = write_json(tmp_path / "c.json", complaint_data())
    kim_cmd = " ".join([*KIM, "--data-dir", str(mnt / "d")])
    body = script.format(mnt=mnt, kim=kim_cmd, file=f)
    return subprocess.run(["unshare", "-m", "sh", "-c", body], capture_output=True, text=True,
                          timeout=120, env=dict(os.environ, KIM_LANG="id"))


@needs_root
def test_full_disk_gives_a_clear_message_and_writes_nothing(tmp_path: Path) -> None:
    r = _in_small_fs(tmp_path, """
        mount -t tmpfs -o size=3m tmpfs {mnt} || exit 99
        {kim} init --village 73.24.04.2010 --kim-name K --operator A >/dev/null || exit 98
        dd if=/dev/zero of={mnt}/fill bs=4k >/dev/null 2>&1
        {kim} complaint add --file {file} --submit; echo "rc=$?"
        rm {mnt}/fill
        {kim} complaint list --json
    """)
    assert "rc=1" in r.stdout, r.stdout + r.stderr
    assert "Disk penuh" in r.stderr and "Traceback" not in r.stderr
    assert r.stdout.strip().endswith("[\n]")


@needs_root
def test_read_only_store_gives_a_clear_message(tmp_path: Path) -> None:
    r = _in_small_fs(tmp_path, """
        mount -t tmpfs -o size=20m tmpfs {mnt} || exit 99
        {kim} init --village 73.24.04.2010 --kim-name K --operator A >/dev/null || exit 98
        mount -o remount,ro {mnt} || exit 97
        {kim} complaint add --file {file}; echo "rc=$?"
    """)
    assert "rc=1" in r.stdout, r.stdout + r.stderr
    assert "tidak bisa ditulisi" in r.stderr or "tidak bisa dipakai" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


def test_activity_add_and_export(tmp_path: Path) -> None:
    d = tmp_path / "trainer"
    kim(d, "init", "--village", VILLAGE, "--kim-name", "KIM", "--operator", "Inne", "--role",
        "trainer")
    parts = [{"name": f"Warga {i}", "gender": "LP"[i % 2], "age": 30} for i in range(40)]
    f = write_json(tmp_path / "a.json", {"title": "Sosialisasi", "village_code": VILLAGE,
                                         "starts_at": "2026-11-20T09:00:00+08:00",
                                         "ends_at": "2026-11-20T12:00:00+08:00",
                                         "participants": parts})
    r = kim(d, "activity", "add", "--file", str(f), "--submit")
    assert r.returncode == 0, r.stderr
    out = tmp_path / "a.json.out"
    kim(d, "export", "activities", "--format", "json", "--out", str(out))
    [a] = json.loads(out.read_text())
    assert len(a["participants"]) == 40 and a["participant_counts"]["L"] == 20
