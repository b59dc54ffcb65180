"""Build the upgrade fixtures: one store file per earlier schema revision, with realistic data.

    .venv/bin/python -m tests.migrations.make_fixtures [--force]

For every revision before head (walked from the Alembic scripts) it creates
``fixtures/store-<rev>.db`` with ``alembic upgrade <rev>`` and fills it with plain SQL, the way
that app version wrote its rows: the device, preferences, the shipped reference lists, named
and anonymous complaints with status history, attachments, an activity with facilitators,
participants and linked complaints, outbox entries in each state, sync state and sync runs.
Existing files are kept (a fixture is what an old version wrote; it must not change), unless
``--force``. When a new revision is added, run this once: it adds the file of the revision
that was head before, and `test_upgrades` picks it up.
"""

from __future__ import annotations

import argparse
import csv
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from kim_desktop.paths import resource_path
from kim_desktop.storage.db import MIGRATIONS

FIXTURES = Path(__file__).with_name("fixtures")
DEVICE_ID = "5b0e6c1e-6a0b-4f3e-9d51-2f7a3c9e1a44"
VILLAGE = "73.24.04.2010"
TAG = "B7K"
T0 = "2026-10-05 01:30:00.000000"


def _uuid(n: int) -> str:
    return f"{n:032x}"


#: complaints: id, tracking number, status, title, body, reporter (None: anonymous), history
COMPLAINTS: list[dict[str, Any]] = [
    {"id": _uuid(0xC1), "no": f"042010-{TAG}-0001", "status": "received",
     "title": "Jalan desa berlubang di Dusun 2",
     "body": "Jalan poros dusun berlubang besar sejak dua minggu, membahayakan anak sekolah.",
     "category": "pekerjaan-umum-dan-penataan-ruang/jalan-berlubang",
     "reporter": ("Siti Rahmawati", "7324044101900001", "081234567890",
                  "Jl. Poros Malili", "P"),
     "history": ["draft", "queued", "sending", "received"], "server_version": 1},
    {"id": _uuid(0xC2), "no": f"042010-{TAG}-0002", "status": "queued",
     "title": "Lampu penerangan jalan padam",
     "body": "Lampu jalan di depan sekolah dasar padam sejak awal bulan, jalan gelap malam hari.",
     "category": "energi-dan-sumber-daya-alam/listrik", "reporter": None,
     "history": ["draft", "queued"], "server_version": None},
    {"id": _uuid(0xC3), "no": f"042010-{TAG}-0003", "status": "draft",
     "title": "Air bersih tidak mengalir",
     "body": "Pipa air bersih ke Dusun 3 bocor, warga mengambil air dari sungai.",
     "category": "pekerjaan-umum-dan-penataan-ruang/jalan-berlubang",
     "reporter": ("Andi Baso", "7324040202850003", "085298765432", "Dusun 3 Balantang", "L"),
     "history": ["draft"], "server_version": None},
    {"id": _uuid(0xC4), "no": f"042010-{TAG}-0004", "status": "returned",
     "title": "Bantuan pupuk belum diterima kelompok tani",
     "body": "Kelompok tani Sipakainge belum menerima pupuk bersubsidi musim tanam ini.",
     "category": "energi-dan-sumber-daya-alam/listrik", "reporter": None,
     "history": ["draft", "queued", "sending", "received", "returned"], "server_version": 2},
]
ACTIVITY_ID = _uuid(0xA1)
PARTICIPANTS = [("Hasna Daeng Ngai", "P", 41, "warga", "Dusun 1", "081200001111"),
                ("Muh. Arsyad", "L", 56, "tokoh masyarakat", "Dusun 2", ""),
                ("Nur Aeni", "P", None, "kader posyandu", "Dusun 3", "")]
FACILITATORS = [("Ketut Suardana", "KIM Balantang")]
BLOB = "6f1ed002ab5595859014ebf0951522d9" * 2
OUTBOX = [("complaint", _uuid(0xC1), 1, "done"), ("complaint", _uuid(0xC2), 1, "pending"),
          ("activity", ACTIVITY_ID, 1, "pending"), ("complaint", _uuid(0xC4), 1, "done")]
CURSOR = "YzE6NDI"


def revisions() -> list[str]:
    """Every revision, oldest first."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return [r.revision for r in reversed(list(ScriptDirectory.from_config(cfg).walk_revisions()))]


def _migrate_to(path: Path, revision: str) -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    engine.dispose()


def _csv(name: str) -> list[dict[str, str]]:
    with resource_path("data", name).open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in db.execute(f"PRAGMA table_info({table})")}


def _insert(db: sqlite3.Connection, table: str, row: dict[str, Any]) -> None:
    row = {k: v for k, v in row.items() if k in _columns(db, table)}
    db.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES "
               f"({', '.join('?' for _ in row)})", list(row.values()))


def _at(minutes: int) -> str:
    hour, minute = divmod(90 + minutes, 60)
    return f"2026-10-05 {hour:02d}:{minute:02d}:00.000000"


def fill(db: sqlite3.Connection) -> None:
    """The rows an older app version would have written, as plain SQL."""
    for r in _csv("luwu_timur_wilayah.csv"):
        _insert(db, "region", {"code": r["code"], "name": r["name"], "level": r["level"],
                               "parent_code": r["parent_code"] or None, "has_kim": 0})
    for r in _csv("lapor_categories.csv"):
        _insert(db, "category", {"code": r["code"], "name": r["name"],
                                 "parent_code": r["parent_code"] or None})
    for r in _csv("agencies_luwu_timur.csv"):
        _insert(db, "agency", {"code": r["code"], "name": r["name"],
                               "short_name": r["short_name"] or r["name"], "active": 1})
    _insert(db, "holiday", {"day": "2026-10-12", "name": "Hari Jadi Luwu Timur"})
    _insert(db, "device", {"id": 1, "device_id": DEVICE_ID, "device_tag": TAG,
                           "village_code": VILLAGE, "kim_name": "KIM Balantang",
                           "operator_name": "Andi", "role": "operator",
                           "hub_url": "https://kim.luwutimurkab.go.id", "enrolled_at": T0,
                           "next_sequence": len(COMPLAINTS) + 1, "created_at": T0})
    _insert(db, "preferences", {"id": 1, "version": 1, "data": json.dumps(
        {"language": "id", "hub_url": "https://kim.luwutimurkab.go.id", "backup_keep": 9})})
    for n, c in enumerate(COMPLAINTS):
        name, nik, phone, address, gender = c["reporter"] or ("", "", "", "", "")
        status = c["status"]
        _insert(db, "complaint", {
            "id": c["id"], "tracking_no": c["no"], "kind": "complaint", "title": c["title"],
            "body": c["body"], "incident_date": "2026-10-01", "village_code": VILLAGE,
            "location_detail": f"Dusun {n + 1}, RT 0{n + 1}", "latitude": None,
            "longitude": None, "category_code": c["category"], "agency_code": None,
            "reporter_name": name, "reporter_nik": nik, "reporter_phone": phone,
            "reporter_email": "", "reporter_address": address, "reporter_gender": gender,
            "reporter_birth_year": 1990 if c["reporter"] else None,
            "anonymous": 0 if c["reporter"] else 1, "confidential": 0, "consent": 1,
            "channel": "walk_in", "activity_id": ACTIVITY_ID if n == 1 else None,
            "status": status, "revision": 1, "server_version": c["server_version"],
            "dirty": 1 if c["server_version"] is None else 0, "deleted": 0,
            "created_at": _at(n), "updated_at": _at(n + 10),
            "submitted_at": None if status == "draft" else _at(n + 5),
            "recorded_by": "Andi", "device_id": DEVICE_ID, "lapor_tracking_id": None,
            "lapor_status_raw": None,
            "review_note": "Lengkapi lokasi kebun" if status == "returned" else None,
            "set_aside_reason": None})
        for step, st in enumerate(c["history"]):
            _insert(db, "status_history", {"entity": "complaint", "record_id": c["id"],
                                           "status": st, "at": _at(n + step),
                                           "actor": "Andi", "note": ""})
    _insert(db, "blob", {"sha256": BLOB, "media_type": "image/jpeg", "size": 48213,
                         "upload_sha256": BLOB, "upload_size": 48213, "uploaded_bytes": 48213,
                         "uploaded": 1, "created_at": _at(2)})
    _insert(db, "complaint_attachment", {"complaint_id": COMPLAINTS[0]["id"], "sha256": BLOB,
                                         "position": 0, "filename": "jalan_berlubang.jpg"})
    _insert(db, "identity_view", {"complaint_id": COMPLAINTS[0]["id"], "at": _at(20),
                                  "actor": "Andi"})
    _insert(db, "activity", {
        "id": ACTIVITY_ID, "title": "Sosialisasi SP4N-LAPOR! di Desa Balantang",
        "topic": "SP4N-LAPOR!", "starts_at": "2026-10-04 01:00:00.000000",
        "ends_at": "2026-10-04 04:00:00.000000", "village_code": VILLAGE,
        "venue": "Kantor Desa Balantang", "organizer": "KIM Balantang",
        "summary": "Cara menyampaikan pengaduan dan hak pelapor.",
        "outcomes": "Dua pengaduan dicatat.", "status": "queued", "revision": 1,
        "server_version": None, "dirty": 1, "deleted": 0, "created_at": _at(1),
        "updated_at": _at(12), "submitted_at": _at(12), "recorded_by": "Andi",
        "device_id": DEVICE_ID, "review_note": None, "set_aside_reason": None})
    for pos, (name, gender, age, role, dusun, phone) in enumerate(PARTICIPANTS):
        _insert(db, "participant", {"activity_id": ACTIVITY_ID, "position": pos, "name": name,
                                    "gender": gender, "age": age, "role": role,
                                    "dusun": dusun, "phone": phone})
    for pos, (name, institution) in enumerate(FACILITATORS):
        _insert(db, "facilitator", {"activity_id": ACTIVITY_ID, "position": pos, "name": name,
                                    "institution": institution})
    _insert(db, "activity_complaint", {"activity_id": ACTIVITY_ID,
                                       "complaint_id": COMPLAINTS[1]["id"], "position": 0})
    _insert(db, "activity_attachment", {"activity_id": ACTIVITY_ID, "sha256": BLOB,
                                        "position": 0, "filename": "daftar_hadir.jpg"})
    for step, st in enumerate(["draft", "queued"]):
        _insert(db, "status_history", {"entity": "activity", "record_id": ACTIVITY_ID,
                                       "status": st, "at": _at(step), "actor": "Andi",
                                       "note": ""})
    for entity, record, revision, state in OUTBOX:
        _insert(db, "outbox", {"entity": entity, "record_id": record, "revision": revision,
                               "state": state, "attempts": 1 if state == "done" else 0,
                               "next_attempt_at": None, "batch_id": None, "last_error": None,
                               "created_at": _at(5), "done_at": _at(8) if state == "done"
                               else None})
    _insert(db, "sync_state", {"id": 1, "cursor": CURSOR, "last_attempt_at": _at(30),
                               "last_success_at": _at(30), "last_error_code": None,
                               "clock_offset_seconds": 2.5, "hub_protocol_version": 1,
                               "hub_bundle_key": "ab" * 32})
    _insert(db, "sync_run", {"started_at": _at(29), "finished_at": _at(30), "pushed": 2,
                             "pulled": 1, "set_aside": 0, "bytes_sent": 5120,
                             "outcome": "ok", "error_code": None})


def build(path: Path, revision: str) -> Path:
    path.unlink(missing_ok=True)
    _migrate_to(path, revision)
    db = sqlite3.connect(path)
    try:
        with db:
            fill(db)
        db.execute("PRAGMA journal_mode=DELETE")
        db.execute("VACUUM")
    finally:
        db.close()
    return path


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--force", action="store_true", help="rebuild files that exist")
    args = p.parse_args(argv)
    FIXTURES.mkdir(exist_ok=True)
    for rev in revisions()[:-1]:
        target = FIXTURES / f"store-{rev}.db"
        if target.exists() and not args.force:
            continue
        build(target, rev)
        sys.stdout.write(f"{target} ({target.stat().st_size} bytes)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
