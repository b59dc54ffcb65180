"""Renders the main screens of KIM Desktop into docs/screenshots/ with realistic demo data.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py   (or under Xvfb)

The demo store is created in a temporary folder through the services, as an operator would
fill it. District decisions (received, returned, forwarded, ...) arrive through the sync client,
which this script does not run: `district_sets` writes them the way the pulled change feed will,
and `sync_history` records the past sync runs through the sync client's local service. The
window has a real `SyncController`; the hub is out of reach while the screenshots are taken.
"""

# ruff: noqa: E402  (the imports follow the offscreen platform and sys.path set-up)
from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QPointF, QRectF, QSettings, Qt, QThreadPool
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import update

from kim_desktop.app import load_style_sheet
from kim_desktop.core import Core, build_core
from kim_desktop.domain.enums import Role, Status
from kim_desktop.domain.models import ComplaintQuery
from kim_desktop.paths import DataPaths
from kim_desktop.services.base import ServiceContext
from kim_desktop.services.sync_local import RunTotals
from kim_desktop.storage.db import open_store
from kim_desktop.storage.rows import (
    ComplaintRow,
    OutboxRow,
    StatusHistoryRow,
    SyncStateRow,
)
from sync.client.service import SyncClient
from ui.i18n import Translations
from ui.main_window import MainWindow
from ui.setup_dialog import SetupDialog
from ui.sync_controller import SyncController

OUT = ROOT / "docs" / "screenshots"
VILLAGE = "73.24.04.2010"       # Desa Balantang, Kecamatan Malili
WITA = timedelta(hours=8)


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def at(day: str, hour: int = 9) -> datetime:
    """A WITA day and hour as a UTC moment."""
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC) - WITA


def district_sets(core: Core, cid: object, status: Status, when: datetime, note: str = "",
                  lapor_id: str | None = None, raw: str | None = None) -> None:
    with core.ctx.sessions.begin() as s:
        row = s.get(ComplaintRow, cid)
        assert row is not None
        row.status, row.updated_at = status.value, when
        row.review_note = note or row.review_note
        row.lapor_tracking_id = lapor_id or row.lapor_tracking_id
        row.lapor_status_raw = raw or row.lapor_status_raw
        s.add(StatusHistoryRow(entity="complaint", record_id=row.id, status=status.value,
                               at=when, actor="Diskominfo-SP", note=note))
        s.execute(update(OutboxRow).where(OutboxRow.record_id == row.id).values(state="done"))


class OfflineDemoClient(SyncClient):
    """The sync client of the demo: the district hub is out of reach (no network here)."""

    def hub_reachable(self) -> bool:
        return False


def sync_history(client: SyncClient, clock: Clock) -> None:
    """Past runs as the engine records them: (WITA start, outcome, sent, updates pulled, set
    aside, bytes sent, error)."""
    runs = [("2026-10-12T10:31", "ok", 1, 0, 0, 186_420, None),
            ("2026-10-19T10:22", "ok", 1, 6, 0, 2_310, None),
            ("2026-10-26T10:14", "ok", 1, 5, 0, 2_145, None),
            ("2026-11-04T10:40", "ok", 1, 3, 0, 2_268, None),
            ("2026-11-17T10:25", "ok", 1, 4, 1, 2_190, None),
            ("2026-11-24T16:00", "ok", 0, 2, 0, 612, None),
            ("2026-11-25T08:00", "failed", 0, 0, 0, 0, "offline")]
    for start, outcome, pushed, pulled, set_aside, sent, error in runs:
        clock.now = datetime.fromisoformat(start).replace(tzinfo=UTC) - WITA
        run_id = client.local.start_run()
        clock.now += timedelta(seconds=40 if outcome == "ok" else 30)
        client.local.finish_run(run_id, RunTotals(pushed=pushed, pulled=pulled,
                                                  set_aside=set_aside, bytes_sent=sent),
                                outcome=outcome, error_code=error)


def draw_photo(path: Path) -> Path:
    """A simple picture of a damaged road (no people, no houses)."""
    img = QImage(800, 600, QImage.Format.Format_RGB32)
    img.fill(QColor("#9cc3e6"))
    p = QPainter(img)
    p.fillRect(QRectF(0, 260, 800, 340), QColor("#6f8f3c"))
    p.setBrush(QColor("#77736b"))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawPolygon([QPointF(330, 260), QPointF(470, 260), QPointF(760, 600), QPointF(40, 600)])
    p.setBrush(QColor("#4a3b2a"))
    p.drawEllipse(QRectF(330, 420, 170, 70))
    p.drawEllipse(QRectF(420, 330, 80, 30))
    p.end()
    img.save(str(path), "JPEG", 85)
    return path


def complaint(**kw: object) -> dict[str, object]:
    d: dict[str, object] = {
        "kind": "complaint", "village_code": VILLAGE, "channel": "walk_in", "consent": True,
        "reporter": {"name": "Siti Rahmawati", "phone": "081234567890",
                     "address": "Dusun Balantang, RT 01/RW 02", "gender": "P"},
    }
    d.update(kw)
    return d


def make_demo(folder: Path) -> tuple[Core, Clock]:
    clock = Clock(at("2026-10-05"))
    paths = DataPaths(folder)
    core = build_core(paths, ServiceContext(open_store(paths.store, paths.backups), clock=clock))
    core.device.init(village_code=VILLAGE, kim_name="KIM Balantang Bersatu",
                     operator_name="Andi Saputra", role=Role.OPERATOR)
    act, _ = core.activities.validate({
        "title": "Sosialisasi SP4N-LAPOR! di Balai Desa Balantang", "topic": "SP4N-LAPOR!",
        "starts_at": "2026-10-10T09:00", "ends_at": "2026-10-10T12:00", "village_code": VILLAGE,
        "venue": "Balai Desa Balantang", "organizer": "Diskominfo-SP Luwu Timur",
        "participants": [{"name": n, "gender": g, "role": r} for n, g, r in (
            ("Hasna", "P", "PKK"), ("Rudi", "L", "karang taruna"), ("Wati", "P", "warga"),
            ("Sulaiman", "L", "perangkat desa"), ("Nurhayati", "P", "warga"),
            ("Ilham", "L", "warga"), ("Rosmiati", "P", "kader posyandu"))]}, for_submit=True)
    core.activities.submit(core.activities.save_draft(act).id)
    photo = draw_photo(folder / "jalan-berlubang.jpg")
    items = [
        ("2026-10-12", complaint(
            title="Jalan poros Dusun Balantang berlubang besar",
            body="Jalan poros dusun berlubang besar sejak awal bulan dan tergenang air saat hujan. "
                 "Dua pengendara motor sudah jatuh. Mohon segera ditimbun dan diaspal.",
            incident_date="2026-10-08", location_detail="Dusun Balantang, depan SD Negeri 112",
            category_code="pekerjaan-umum-dan-penataan-ruang/jalan-berlubang",
            agency_code="dinas-pupr"), [photo],
         [(Status.RECEIVED, "2026-10-13", ""), (Status.VERIFIED, "2026-10-14", ""),
          (Status.FORWARDED, "2026-10-15", ""), (Status.DISPOSITIONED, "2026-10-16", ""),
          (Status.IN_PROGRESS, "2026-10-26", "Dinas PUPR menjadwalkan penimbunan")]),
        ("2026-10-19", complaint(
            title="Bantuan PKH belum cair tiga bulan", kind="complaint", anonymous=True,
            body="Sejak Juli bantuan PKH untuk beberapa keluarga di Dusun Pongkeru belum cair, "
                 "padahal nama masih terdaftar. Mohon dicek ke pendamping PKH.",
            incident_date="2026-10-17", location_detail="Dusun Pongkeru",
            category_code="sosial-dan-kesejahteraan/pkh", agency_code="dinas-sosial",
            reporter={"name": "Muh. Yusuf", "nik": "7324041203850002", "phone": "085298765432",
                      "gender": "L"}), [],
         [(Status.RECEIVED, "2026-10-20", ""), (Status.VERIFIED, "2026-10-21", ""),
          (Status.FORWARDED, "2026-10-22", "")]),
        ("2026-10-26", complaint(
            title="Lampu jalan padam di jembatan Balantang",
            body="Tiga lampu penerangan jalan di jembatan Balantang padam sejak dua minggu. Jalan "
                 "menjadi gelap dan rawan kecelakaan pada malam hari.",
            incident_date="2026-10-20", location_detail="Jembatan Balantang",
            category_code="pekerjaan-umum-dan-penataan-ruang/penerangan-jalan"), [],
         [(Status.RECEIVED, "2026-10-27", "")]),
        ("2026-11-04", complaint(
            title="Air PDAM keruh dan sering mati",
            body="Air PDAM di RT 03 keruh kecokelatan dan mati hampir setiap sore selama sepekan. "
                 "Warga terpaksa membeli air galon.",
            incident_date="2026-11-02", location_detail="RT 03, Dusun Balantang",
            category_code="energi-dan-sumber-daya-alam/layanan-air-minum-pdam",
            agency_code="pdam"), [],
         [(Status.RECEIVED, "2026-11-05", ""),
          (Status.RETURNED, "2026-11-06", "Mohon lengkapi sejak tanggal berapa air mati dan "
                                          "nomor pelanggan PDAM bila ada.")]),
        ("2026-11-17", complaint(
            title="Permintaan informasi jadwal vaksinasi ternak", kind="information_request",
            body="Peternak di Dusun Atue meminta informasi jadwal vaksinasi sapi dan kambing dari "
                 "Dinas Pertanian untuk tahun depan.",
            incident_date="2026-11-16", category_code="pertanian-dan-peternakan/peternakan",
            channel="socialization"), [], []),
        ("2026-11-20", complaint(
            title="Saluran drainase tersumbat sampah",
            body="Saluran drainase di samping pasar desa tersumbat sampah plastik sehingga air "
                 "meluap ke jalan setiap hujan deras.",
            incident_date="2026-11-19", location_detail="Samping pasar desa",
            category_code="pekerjaan-umum-dan-penataan-ruang/drainase"), [], []),
    ]
    for day, data, files, steps in items:
        clock.now = at(day, 10)
        content, _ = core.complaints.validate(data, for_submit=True)
        checked, _ = core.complaints.check_files(files)
        c = core.complaints.save_draft(content, new_files=checked)
        core.complaints.submit(c.id)
        for status, when, note in steps:
            district_sets(core, c.id, status, at(when, 14), note,
                          lapor_id="5281734" if status is Status.FORWARDED else None,
                          raw="Diteruskan ke Dinas PUPR" if status is Status.FORWARDED else None)
    clock.now = at("2026-11-24", 11)
    content, _ = core.complaints.validate(complaint(
        title="Pungutan surat keterangan domisili", body="Warga diminta",
        category_code="kependudukan/surat-keterangan-domisili", incident_date=""),
        for_submit=False)
    core.complaints.save_draft(content)
    info = core.complaints.list(ComplaintQuery(text="vaksinasi")).items[0]
    with core.ctx.sessions.begin() as s:    # the hub could not accept one record: set aside
        row = s.get(ComplaintRow, info.id)
        assert row is not None
        row.status = Status.DRAFT.value
        row.set_aside_reason = "invalid: category_code: unknown_category"
        s.execute(update(OutboxRow).where(OutboxRow.record_id == info.id)
                  .values(state="set_aside"))
    core.device.set_hub("https://kim.luwutimurkab.go.id", enrolled=True)
    client = OfflineDemoClient(core)
    sync_history(client, clock)
    with core.ctx.sessions.begin() as s:
        s.merge(SyncStateRow(id=1, last_success_at=at("2026-11-24", 16),
                             last_attempt_at=at("2026-11-25", 8), last_error_code="offline"))
    # an old office PC whose clock runs eight minutes behind the hub's
    client.local.record_handshake(clock_offset_seconds=8 * 60 + 12, protocol_version=1)
    clock.now = at("2026-11-25", 10)
    return core, clock


def shoot(widget: QWidget, name: str) -> None:
    for _ in range(3):      # background loads deliver, then the layouts they changed settle
        QThreadPool.globalInstance().waitForDone(5000)
        QApplication.processEvents()
    path = OUT / name
    widget.grab().save(str(path))
    print(path.relative_to(ROOT))


def main() -> int:
    app = QApplication([sys.argv[0]])
    app.setStyleSheet(load_style_sheet())
    translations = Translations(app)
    translations.apply("id")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        core, _clock = make_demo(Path(tmp) / "data")
        settings = QSettings(str(Path(tmp) / "view.ini"), QSettings.Format.IniFormat)
        controller = SyncController(OfflineDemoClient(core), auto=False)
        w = MainWindow(core, settings, translations=translations, sync=controller)
        w.resize(1280, 800)
        w.show()
        w.start()
        controller.check_connectivity()
        while controller.online is None:
            QApplication.processEvents()
        shoot(w, "01-daftar-laporan.png")

        w.new_complaint()
        f = w.form.fields
        f.title.setText("Jembatan gantung Dusun Atue rusak")
        f.body.setPlainText("Papan lantai jembatan gantung di Dusun Atue banyak yang lapuk dan "
                            "patah, anak sekolah harus menyeberang dengan hati-hati.")
        f.category.setCurrentIndex(f.category.findData(
            "pekerjaan-umum-dan-penataan-ruang/jembatan"))
        f.incident_date.setText("23/11/2026")
        f.location.setText("Dusun Atue, dekat masjid")
        f.reporter["name"].setText("Rahmat")
        f.reporter["nik"].setText("73240412")
        w.form.submit()
        shoot(w, "02-formulir-laporan.png")
        f.anonymous.setChecked(True)
        w.form.attachments.add_paths([Path(tmp) / "data" / "jalan-berlubang.jpg"])
        QThreadPool.globalInstance().waitForDone(5000)
        QApplication.processEvents()
        w.form.scroll_area.ensureWidgetVisible(w.form.fields.consent)
        shoot(w, "03-formulir-privasi-lampiran.png")
        w.form.close_form()
        w.statusBar().clearMessage()

        pkh = core.complaints.list(ComplaintQuery(text="PKH")).items[0]
        w.open_complaint(pkh.id)
        shoot(w, "04-rincian-laporan.png")
        road = core.complaints.list(ComplaintQuery(text="drainase")).items[0]
        dialog = w.show_receipt(core.complaints.get(road.id))
        dialog.resize(640, 820)
        shoot(dialog, "05-tanda-terima.png")
        dialog.close()

        w.nav.setCurrentRow(2)
        QThreadPool.globalInstance().waitForDone(5000)
        QApplication.processEvents()
        w.sync_page.set_aside_view.setCurrentIndex(w.sync_page.set_aside.index(0, 1))
        shoot(w, "06-sinkronisasi.png")
        w.nav.setCurrentRow(1)
        shoot(w, "07-kegiatan.png")
        w.nav.setCurrentRow(3)
        shoot(w, "08-pengaturan.png")

        setup = SetupDialog(core)
        setup.search.setText("balan")
        setup.show()
        shoot(setup, "09-penyiapan-awal.png")
        setup.close()

        translations.apply("en")
        w.nav.setCurrentRow(0)
        w.show_list()
        shoot(w, "10-english.png")
        translations.apply("id")
        w.close()
        controller.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
