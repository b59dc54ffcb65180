"""Shared pieces of the sync benchmarks (``bench_push``, ``bench_shaped``, ``bench_devices``).

* realistic, varied complaints composed from the reference lists in ``resources/data``
  (villages, LAPOR! categories, agencies) and an Indonesian phrase pool;
* camera-like JPEG photos (4000x3000, ~2 MB, EXIF with GPS) made with Pillow;
* village stores built the way the app builds them (``build_core``, ``DeviceService.init``,
  ``ComplaintService.add(..., submit=True)``) and enrolled with the hub over HTTP;
* the hub as a ``kim-hub serve`` subprocess (as it runs in production);
* `LinkProxy`: a TCP proxy that counts bytes per request and can shape the link (token bucket,
  added latency, periodic connection cuts);
* the trivial FastAPI app of ``bench/trivial_app.py`` as a subprocess, for the baselines.

Nothing here is timed by itself; the scripts decide what is measured.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import platform
import random
import re
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA = ROOT / "resources" / "data"
VENV_BIN = Path(sys.executable).parent
KIM_HUB = str(VENV_BIN / "kim-hub")


# --- the machine ---------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    model = ""
    with contextlib.suppress(OSError), open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True, check=False).stdout.strip()
    return {"nproc": str(os.cpu_count()), "cpu": model or platform.processor(),
            "python": platform.python_version(), "os": platform.platform(terse=True),
            "git_head": head, "load": " ".join(f"{x:.1f}" for x in os.getloadavg())}


def machine_line() -> str:
    m = machine()
    return (f"nproc={m['nproc']} cpu={m['cpu']!r} python={m['python']} os={m['os']} "
            f"git={m['git_head']} loadavg={m['load']}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_http(url: str, timeout: float = 30.0) -> None:
    import requests

    deadline = time.monotonic() + timeout
    while True:
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url} did not answer within {timeout} s")
        time.sleep(0.1)


def proc_cpu_seconds(pid: int) -> float:
    """User+system CPU of a process (all its threads) so far, from /proc."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# --- reference lists and complaint texts ---------------------------------------------------------


@dataclass(frozen=True)
class Village:
    code: str
    name: str
    level: str          # desa | kelurahan
    kecamatan: str


@dataclass(frozen=True)
class Refs:
    villages: dict[str, Village]
    categories: frozenset[str]
    agencies: tuple[str, ...]

    @classmethod
    def load(cls) -> Refs:
        with open(DATA / "luwu_timur_wilayah.csv", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        kec = {r["code"]: r["name"] for r in rows if r["level"] == "kecamatan"}
        villages = {r["code"]: Village(r["code"], r["name"], r["level"], kec[r["parent_code"]])
                    for r in rows if r["level"] in ("desa", "kelurahan")}
        with open(DATA / "lapor_categories.csv", encoding="utf-8") as f:
            categories = frozenset(r["code"] for r in csv.DictReader(f))
        with open(DATA / "agencies_luwu_timur.csv", encoding="utf-8") as f:
            agencies = tuple(r["code"] for r in csv.DictReader(f))
        return cls(villages, categories, agencies)


@dataclass(frozen=True)
class Issue:
    categories: tuple[str, ...]
    agencies: tuple[str, ...]
    titles: tuple[str, ...]
    problems: tuple[str, ...]
    asks: tuple[str, ...]


ISSUES: tuple[Issue, ...] = (
    Issue(("pekerjaan-umum-dan-penataan-ruang/jalan-berlubang",
           "pekerjaan-umum-dan-penataan-ruang/infrastruktur-jalan"), ("dinas-pupr",),
          ("Jalan poros {dusun} berlubang dan berlumpur", "Jalan tani di {dusun} rusak parah",
           "Aspal jalan desa {desa} mengelupas", "Jalan menuju sekolah di {dusun} tidak bisa dilalui"),
          ("Jalan sepanjang kurang lebih {m} meter berlubang besar dan tergenang air saat hujan.",
           "Aspal sudah terkelupas dan batu pondasi jalan berserakan sehingga motor sering tergelincir.",
           "Truk pengangkut sawit membuat jalan tanah makin dalam lubangnya.",
           "Anak sekolah terpaksa turun dari motor dan mendorong karena lumpur setinggi betis."),
          ("Mohon jalan segera ditimbun dan diaspal ulang.",
           "Kami berharap perbaikan masuk anggaran tahun depan.",
           "Mohon dinas terkait meninjau lokasi.")),
    Issue(("pekerjaan-umum-dan-penataan-ruang/jembatan",), ("dinas-pupr",),
          ("Jembatan gantung {dusun} miring dan papannya lapuk", "Jembatan kayu di {desa} hampir putus"),
          ("Papan jembatan banyak yang patah dan tali baja sudah berkarat.",
           "Tiang penyangga jembatan tergerus arus sungai setelah banjir kemarin.",
           "Setiap hari sekitar {kk} warga dan anak sekolah melintas di jembatan ini."),
          ("Mohon jembatan diperbaiki sebelum ada korban.", "Mohon dibangun jembatan permanen.")),
    Issue(("energi-dan-sumber-daya-alam/listrik", "pekerjaan-umum-dan-penataan-ruang/penerangan-jalan"),
          ("pln", "dinas-pupr"),
          ("Listrik di {dusun} sering padam", "Lampu jalan di {dusun} mati sudah lama",
           "Tegangan listrik rumah warga {desa} tidak stabil"),
          ("Listrik padam hampir setiap malam selama dua sampai tiga jam.",
           "Lampu penerangan jalan di sepanjang jalan poros mati sehingga rawan kecelakaan.",
           "Beberapa alat elektronik warga rusak karena tegangan naik turun."),
          ("Mohon PLN dan pemerintah daerah menindaklanjuti.", "Mohon lampu jalan segera diganti.")),
    Issue(("energi-dan-sumber-daya-alam/layanan-air-minum-pdam",
           "pekerjaan-umum-dan-penataan-ruang/sumber-daya-air"), ("pdam", "dinas-pupr"),
          ("Air PDAM di {dusun} tidak mengalir", "Air bersih di {desa} keruh dan berbau",
           "Pipa air bersih di {dusun} bocor"),
          ("Sudah {w} minggu air tidak mengalir ke rumah warga, padahal tagihan tetap datang.",
           "Air yang keluar berwarna kecokelatan dan berbau sehingga tidak layak diminum.",
           "Pipa induk bocor di dekat jalan dan airnya terbuang percuma."),
          ("Mohon segera diperbaiki.", "Mohon ada bantuan tangki air sementara.")),
    Issue(("kesehatan", "kesehatan/jaminan-sosial-kesehatan-bpjs", "kesehatan/pelayanan-obat"),
          ("dinas-kesehatan", "bpjs-kesehatan"),
          ("Pustu di {desa} sering tutup", "Obat di puskesmas sering kosong",
           "Kartu BPJS warga {dusun} tidak aktif"),
          ("Petugas pustu hanya datang seminggu sekali sehingga warga harus ke kecamatan.",
           "Warga diminta membeli obat sendiri di apotek karena stok kosong.",
           "Kartu BPJS PBI beberapa lansia tiba-tiba tidak aktif saat berobat."),
          ("Mohon jadwal pelayanan diperjelas.", "Mohon data kepesertaan diperiksa kembali.")),
    Issue(("kesehatan/gizi-buruk-stunting",), ("dinas-kesehatan", "dpmd"),
          ("Pemberian makanan tambahan di posyandu {dusun} terhenti",),
          ("Sudah {w} bulan tidak ada PMT untuk balita di posyandu.",
           "Beberapa balita terlihat kurang gizi tetapi belum didampingi petugas."),
          ("Mohon program PMT dilanjutkan.",)),
    Issue(("kependudukan/ktp", "kependudukan/kartu-keluarga", "kependudukan/akta-kelahiran"),
          ("disdukcapil",),
          ("KTP-el warga {dusun} belum jadi", "Perubahan KK warga {desa} belum selesai",
           "Pengurusan akta kelahiran lambat"),
          ("Perekaman sudah dilakukan {w} bulan lalu tetapi KTP belum juga dicetak.",
           "Berkas perubahan KK sudah diserahkan lewat desa namun belum ada kabar.",
           "Warga harus bolak-balik ke Malili dengan biaya transport yang besar."),
          ("Mohon ada pelayanan jemput bola di desa.", "Mohon kejelasan waktu penyelesaian.")),
    Issue(("sosial-dan-kesejahteraan/pkh", "sosial-dan-kesejahteraan/bpnt", "sosial-dan-kesejahteraan/dtks",
           "pembangunan-desa-daerah-tertinggal-dan-transmigrasi/blt-dana-desa"), ("dinas-sosial", "dpmd"),
          ("Bantuan PKH warga miskin di {dusun} tidak tepat sasaran", "BLT Dana Desa belum diterima",
           "Nama warga tidak terdaftar di DTKS"),
          ("Ada keluarga mampu yang menerima bantuan sementara janda dan lansia tidak terdaftar.",
           "Penyaluran BLT tahap ini belum diterima oleh {kk} keluarga.",
           "Warga sudah mengusulkan diri melalui desa tetapi namanya tidak muncul."),
          ("Mohon pendataan ulang secara terbuka.", "Mohon penjelasan dari dinas sosial.")),
    Issue(("pendidikan-dan-kebudayaan/pendidikan-dasar-dan-menengah", "pendidikan-dan-kebudayaan/paud"),
          ("dinas-pendidikan",),
          ("Atap ruang kelas SD di {desa} bocor", "Guru honorer di {dusun} kurang",
           "PAUD di {dusun} tidak punya gedung"),
          ("Saat hujan murid dipindahkan karena atap kelas bocor dan plafon hampir runtuh.",
           "Satu guru mengajar dua kelas sekaligus karena kekurangan tenaga pengajar.",
           "Kegiatan PAUD menumpang di rumah warga."),
          ("Mohon rehabilitasi ruang kelas.", "Mohon penambahan guru.")),
    Issue(("pertanian-dan-peternakan/pupuk", "pertanian-dan-peternakan/irigasi",
           "pertanian-dan-peternakan/bantuan-pertanian"), ("dinas-pertanian",),
          ("Pupuk bersubsidi langka di {desa}", "Saluran irigasi {dusun} tersumbat",
           "Bantuan bibit untuk kelompok tani belum dibagikan"),
          ("Petani tidak mendapat pupuk sesuai RDKK dan harus membeli nonsubsidi dengan harga mahal.",
           "Saluran irigasi tertutup sedimen sehingga sawah seluas {ha} hektare kekeringan.",
           "Bantuan sudah diumumkan sejak musim tanam lalu tetapi belum dibagikan."),
          ("Mohon distribusi pupuk diawasi.", "Mohon normalisasi saluran irigasi.")),
    Issue(("lingkungan-hidup-dan-kehutanan/pengelolaan-sampah", "lingkungan-hidup-dan-kehutanan/banjir",
           "lingkungan-hidup-dan-kehutanan/pencemaran"), ("dinas-lingkungan-hidup",),
          ("Sampah menumpuk di pinggir jalan {dusun}", "Banjir merendam rumah warga {dusun}",
           "Sungai di {desa} tercemar limbah"),
          ("Tidak ada tempat pembuangan sementara sehingga warga membakar sampah.",
           "Setiap hujan deras air sungai meluap dan merendam sekitar {kk} rumah.",
           "Air sungai berubah warna dan ikan mati, diduga karena limbah."),
          ("Mohon disediakan TPS dan jadwal angkut.", "Mohon pengecekan kualitas air.")),
    Issue(("teknologi-informasi-dan-komunikasi/jaringan-internet",), ("diskominfo-sp",),
          ("Tidak ada sinyal di {dusun}", "Internet desa {desa} sangat lambat"),
          ("Warga harus naik ke bukit untuk mendapat sinyal telepon.",
           "Anak sekolah kesulitan mengikuti tugas daring karena jaringan putus-putus."),
          ("Mohon dibangun menara BTS.", "Mohon koordinasi dengan operator seluler.")),
    Issue(("pembangunan-desa-daerah-tertinggal-dan-transmigrasi/dana-desa",
           "pembangunan-desa-daerah-tertinggal-dan-transmigrasi/pemerintahan-desa"), ("dpmd", "inspektorat"),
          ("Penggunaan dana desa {desa} tidak transparan", "Pelayanan kantor desa sering tutup"),
          ("Papan informasi APBDes tidak dipasang dan warga tidak tahu rincian kegiatan.",
           "Kantor desa sering tutup pada jam kerja sehingga surat keterangan tertunda."),
          ("Mohon dilakukan pembinaan dan pemeriksaan.", "Mohon informasi APBDes diumumkan.")),
)

OPENINGS = ("Kami warga {dusun} Desa {desa} ingin menyampaikan keluhan.",
            "Saya warga RT {rt} {dusun}, Kecamatan {kec}, ingin melaporkan masalah berikut.",
            "Melalui KIM kami menyampaikan keluhan warga Desa {desa}.", "")
DURATIONS = ("Kondisi ini sudah berlangsung sejak {w} bulan lalu.",
             "Sudah pernah kami sampaikan ke pemerintah desa tetapi belum ada tindak lanjut.",
             "Keluhan yang sama sudah diusulkan dalam musrenbang desa.", "")
IMPACTS = ("Warga yang terdampak sebagian besar petani dan nelayan.",
           "Kondisi ini menyulitkan lansia dan anak-anak.",
           "Kegiatan ekonomi warga ikut terganggu.", "", "")
CLOSINGS = ("Terima kasih atas perhatiannya.", "Mohon kabar tindak lanjutnya melalui KIM desa.", "")
DUSUN = ("Dusun I", "Dusun II", "Dusun III", "Dusun IV", "Dusun Harapan", "Dusun Bahari",
         "Dusun Sumber Rejeki", "Dusun Makmur", "Dusun Tanjung", "Dusun Kampung Baru", "Dusun Salurante")
LANDMARKS = ("dekat masjid", "depan SD Negeri", "samping pustu", "dekat pasar desa",
             "dekat jembatan gantung", "belakang kantor desa", "dekat posyandu", "depan balai dusun",
             "di jalan poros Trans Sulawesi", "dekat dermaga nelayan")
FIRST_M = ("Andi", "Muhammad", "Ahmad", "Syamsul", "Basri", "Hasanuddin", "Made", "Wayan", "Agus",
           "Slamet", "Yohanis", "Yusuf", "Markus", "Baharuddin", "Irwan", "Rahmat", "Ketut")
FIRST_F = ("Siti", "Nurhayati", "Hasnah", "Rosmiati", "Sri", "Ni Made", "Wahyuni", "Marlina",
           "Hasriani", "Yuliana", "Agustina", "Ratna", "Kartini", "Nurul", "Sitti")
LAST = ("Rahman", "Saputra", "Pasolang", "Tandirerung", "Wijaya", "Santoso", "Hidayat", "Saleh",
        "Mappiare", "Lamba", "Kadir", "Ramli", "Palinggi", "Sarira", "Lestari", "Daeng Sikki")
PHONE_PREFIXES = ("0812", "0813", "0852", "0853", "0821", "0822", "0823", "0857", "0877", "0895")
CHANNELS = ("walk_in",) * 6 + ("phone",) * 2 + ("socialization", "social_media", "other")
KINDS = ("complaint",) * 8 + ("aspiration", "information_request")
KEC_CENTRE = {"73.24.01": (-2.395, 120.842), "73.24.02": (-2.533, 121.356),
              "73.24.03": (-2.705, 121.376), "73.24.04": (-2.630, 121.095),
              "73.24.05": (-2.585, 120.975), "73.24.06": (-2.580, 120.795),
              "73.24.07": (-2.615, 120.690), "73.24.08": (-2.520, 120.830),
              "73.24.09": (-2.555, 120.890), "73.24.10": (-2.440, 120.905),
              "73.24.11": (-2.605, 121.250)}


class ComplaintFactory:
    """Varied, valid complaints (data-dictionary form, as ``kim complaint add --file`` reads)."""

    def __init__(self, refs: Refs, seed: int) -> None:
        self.refs, self.rng = refs, random.Random(seed)
        for issue in ISSUES:
            bad = [c for c in issue.categories if c not in refs.categories]
            bad += [a for a in issue.agencies if a not in refs.agencies]
            if bad:
                raise SystemExit(f"unknown reference codes in the benchmark phrases: {bad}")

    def complaint(self, village_code: str, today: date) -> dict[str, Any]:
        rng, v = self.rng, self.refs.villages[village_code]
        issue = rng.choice(ISSUES)
        f = {"desa": v.name, "kec": v.kecamatan, "dusun": rng.choice(DUSUN),
             "rt": f"{rng.randint(1, 12):02d}", "w": rng.randint(2, 8), "kk": rng.randint(8, 120),
             "m": rng.randrange(100, 2500, 50), "ha": rng.randint(5, 80)}
        problems = rng.sample(issue.problems, k=min(len(issue.problems), rng.choice((1, 2, 2))))
        parts = [rng.choice(OPENINGS), *problems, rng.choice(DURATIONS), rng.choice(IMPACTS),
                 rng.choice(issue.asks), rng.choice(CLOSINGS)]
        body = " ".join(p for p in parts if p).format(**f)
        data: dict[str, Any] = {
            "kind": rng.choice(KINDS), "title": rng.choice(issue.titles).format(**f), "body": body,
            "incident_date": (today - timedelta(days=rng.randint(1, 25))).isoformat(),
            "village_code": village_code,
            "location_detail": f"{f['dusun']}, RT {f['rt']}, {rng.choice(LANDMARKS)}",
            "category_code": rng.choice(issue.categories),
            "channel": rng.choice(CHANNELS), "consent": True,
            "confidential": rng.random() < 0.04,
        }
        if rng.random() < 0.7:
            data["agency_code"] = rng.choice(issue.agencies)
        if rng.random() < 0.3:
            lat, lon = KEC_CENTRE[village_code[:8]]
            data["latitude"] = round(lat + rng.gauss(0, 0.02), 6)
            data["longitude"] = round(lon + rng.gauss(0, 0.02), 6)
        data["anonymous"] = anonymous = rng.random() < 0.08
        data["reporter"] = {} if anonymous and rng.random() < 0.6 else self.reporter(v, f)
        return data

    def reporter(self, v: Village, f: dict[str, Any]) -> dict[str, Any]:
        rng = self.rng
        female = rng.random() < 0.5
        name = f"{rng.choice(FIRST_F if female else FIRST_M)} {rng.choice(LAST)}"
        year = rng.randint(1950, 2004)
        r: dict[str, Any] = {"name": name, "gender": "P" if female else "L"}
        if rng.random() < 0.88:
            r["phone"] = rng.choice(PHONE_PREFIXES) + "".join(
                rng.choice("0123456789") for _ in range(rng.randint(7, 8)))
        if rng.random() < 0.8 or "phone" not in r:
            r["address"] = f"{f['dusun']}, Desa {v.name}"
        if rng.random() < 0.55:
            day = rng.randint(1, 28) + (40 if female else 0)
            r["nik"] = (v.code[:2] + v.code[3:5] + v.code[6:8] + f"{day:02d}"
                        f"{rng.randint(1, 12):02d}{year % 100:02d}{rng.randint(1, 9999):04d}")
        if rng.random() < 0.08:
            r["email"] = f"{name.lower().replace(' ', '.')}{rng.randint(1, 99)}@gmail.com"
        if rng.random() < 0.7:
            r["birth_year"] = year
        return r


# --- photos --------------------------------------------------------------------------------------


def camera_jpeg(seed: int, size: tuple[int, int] = (4000, 3000)) -> bytes:
    """A synthetic 12 MP photo with a camera's byte budget (~2 MB at quality 90: smooth areas,
    texture at several scales, sensor grain) and camera EXIF: make, model, time, GPS."""
    from PIL import ExifTags, Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    w, h = size
    small = Image.new("RGB", (40, 30))
    px = small.load()
    assert px is not None
    sky = (rng.randint(150, 210), rng.randint(180, 220), rng.randint(200, 245))
    ground = (rng.randint(60, 130), rng.randint(80, 140), rng.randint(40, 90))
    horizon = rng.randint(8, 16)
    for y in range(30):
        for x in range(40):
            base, j = (sky, 10) if y < horizon else (ground, 25)
            px[x, y] = tuple(max(0, min(255, c + rng.randint(-j, j))) for c in base)
    img = small.resize((w, h), Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(img)
    for _ in range(rng.randint(150, 300)):
        x, y = rng.randint(0, w), rng.randint(h // 3, h)
        bw, bh = rng.randint(20, 400), rng.randint(10, 200)
        colour = tuple(rng.randint(30, 200) for _ in range(3))
        shape = draw.ellipse if rng.random() < 0.5 else draw.rectangle
        shape((x, y, x + bw, y + bh), fill=colour)
    img = img.filter(ImageFilter.GaussianBlur(2))
    texture = Image.effect_noise((w // 3, h // 3), 50).resize((w, h), Image.Resampling.BICUBIC)
    grain = Image.effect_noise((w, h), 30)
    img = Image.merge("RGB", [Image.blend(Image.blend(ch, texture, 0.12), grain, 0.05)
                              for ch in img.split()])
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "samsung"
    exif[ExifTags.Base.Model] = "SM-A155F"
    exif[ExifTags.Base.Orientation] = 1
    exif[ExifTags.Base.DateTime] = f"2025:03:{rng.randint(1, 28):02d} 09:{rng.randint(0, 59):02d}:00"
    exif[ExifTags.Base.Software] = "A155FXXS2AXK1"
    lat, lon = -2.63 + rng.uniform(-0.1, 0.1), 121.09 + rng.uniform(-0.1, 0.1)

    def dms(v: float) -> tuple[float, float, float]:
        v = abs(v)
        d, m = int(v), int((v - int(v)) * 60)
        return (float(d), float(m), round(((v - d) * 60 - m) * 60, 2))

    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSVersionID] = b"\x02\x02\x00\x00"
    gps[ExifTags.GPS.GPSLatitudeRef] = "S"
    gps[ExifTags.GPS.GPSLatitude] = dms(lat)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = dms(lon)
    gps[ExifTags.GPS.GPSAltitude] = float(rng.randint(5, 400))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


def has_gps(data: bytes) -> bool:
    from PIL import ExifTags, Image

    with Image.open(io.BytesIO(data)) as img:
        return bool(img.getexif().get_ifd(ExifTags.IFD.GPSInfo))


# --- keyring and village stores -------------------------------------------------------------------


def use_memory_keyring() -> None:
    """The device tokens live in memory for the benchmark run (never on disk)."""
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.store: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.store.pop((service, username), None)

    keyring.set_keyring(MemoryKeyring())


def open_core(root: Path) -> Any:
    from kim_desktop.core import build_core
    from kim_desktop.paths import DataPaths

    return build_core(DataPaths(root))


def close_core(core: Any) -> None:
    core.ctx.sessions.kw["bind"].dispose()


def build_store(root: Path, village: str, complaints: list[dict[str, Any]],
                base_dir: Path | None = None, name: str = "Bench") -> Any:
    """A village store with ``complaints`` submitted (queued with outbox entries)."""
    from kim_desktop.domain.enums import Role

    core = open_core(root)
    core.device.init(village_code=village, kim_name=f"KIM {name}", operator_name="Andi Operator",
                     role=Role.OPERATOR)
    base = base_dir or root
    for i in range(0, len(complaints), 500):
        core.complaints.add([(c, base) for c in complaints[i:i + 500]], submit=True)
    return core


def today_wita() -> date:
    from kim_desktop.domain.deadlines import wita_date
    from kim_desktop.services.base import utc_now

    return wita_date(utc_now())


# --- the hub as a subprocess ---------------------------------------------------------------------


class HubProcess:
    """``kim-hub init`` then ``kim-hub serve`` on a free loopback port, logs to a file."""

    def __init__(self, data_dir: Path, db_url: str | None = None) -> None:
        self.data_dir, self.db_url = data_dir, db_url
        self.proc: subprocess.Popen[bytes] | None = None
        self.port = 0

    def _args(self) -> list[str]:
        args = [KIM_HUB, "--data-dir", str(self.data_dir)]
        return [*args, "--db", self.db_url] if self.db_url else args

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> HubProcess:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run([*self._args(), "init"], check=True, stdout=subprocess.DEVNULL)
        self.port = free_port()
        log = open(self.data_dir / "serve.log", "ab")  # noqa: SIM115 - lives as long as the hub
        # every simulated village enrols from this one loopback address
        self.proc = subprocess.Popen([*self._args(), "serve", "--port", str(self.port),
                                      "--enrol-burst", "1000"],
                                     stdout=log, stderr=subprocess.STDOUT)
        wait_http(self.url + "/health")
        return self

    def settings(self) -> Any:
        from sync.server.settings import HubSettings

        return HubSettings.for_data_dir(self.data_dir, self.db_url)

    def issue_codes(self, wanted: list[tuple[str, str]]) -> list[str]:
        """One-time enrolment codes for (village, role) pairs, straight from the hub's services
        (what ``kim-hub enroll`` does, without a process per code)."""
        from sync.server.context import build_hub

        hub = build_hub(self.settings())
        try:
            return [hub.enrolment.create_code(village_code=v, role=r).code for v, r in wanted]
        finally:
            hub.close()

    def status_counts(self) -> dict[str, int]:
        """HTTP status codes the hub answered so far (from uvicorn's access log)."""
        counts: dict[str, int] = defaultdict(int)
        with contextlib.suppress(OSError):
            text = (self.data_dir / "serve.log").read_text(encoding="utf-8", errors="replace")
            for m in re.finditer(r'HTTP/1\.1" (\d{3})', text):
                counts[m.group(1)] += 1
        return dict(counts)

    def cpu_seconds(self) -> float:
        assert self.proc is not None
        return proc_cpu_seconds(self.proc.pid)

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def enrol(core: Any, url: str, code: str, settings: Any = None) -> Any:
    from sync.client.service import SyncClient

    client = SyncClient(core, settings=settings)
    client.enroll(url, code, require_persistent=True)
    return client


# --- a counting / shaping TCP proxy ---------------------------------------------------------------


def _reset(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()


class TokenBucket:
    """``rate`` bytes per second, at most ``burst`` bytes at once; shared by all connections in
    one direction (it is one link)."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst = rate, burst
        self.tokens, self.at = float(burst), time.monotonic()
        self.lock = threading.Lock()

    def take(self, n: int) -> None:
        while True:
            with self.lock:
                now = time.monotonic()
                self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
                self.at = now
                if self.tokens >= n:
                    self.tokens -= n
                    return
                wait = (n - self.tokens) / self.rate
            time.sleep(wait)


@dataclass
class LabelStats:
    requests: int = 0
    answered: int = 0
    up: int = 0
    down: int = 0
    up_unanswered: int = 0      # request bytes the hub never answered (cut mid-request)


@dataclass
class _Conn:
    client: socket.socket
    upstream: socket.socket | None = None
    dead: bool = False
    label: str = ""
    req_up: int = 0
    answered: bool = True       # no request open yet
    responding: bool = False


@dataclass
class LinkProxy:
    """A loopback TCP proxy. Counts bytes each way (HTTP headers included) and attributes them
    to requests (``METHOD /path``) of the kept-alive connections. With ``rate`` it shapes the
    link: a token bucket of ``rate`` bytes/s each direction, ``delay`` seconds added each way
    (and one round trip to open a connection), every connection reset ``cut_after`` seconds
    after it opened. Bytes are counted when they cross the shaped link."""

    upstream_port: int
    rate: float | None = None
    delay: float = 0.0
    cut_after: float | None = None
    burst: int = 1500
    piece: int = 512
    up_bytes: int = 0
    down_bytes: int = 0
    connections: int = 0
    cuts: int = 0
    stats: dict[str, LabelStats] = field(default_factory=lambda: defaultdict(LabelStats))

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._buckets = ((TokenBucket(self.rate, self.burst), TokenBucket(self.rate, self.burst))
                         if self.rate else None)
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self._open: set[socket.socket] = set()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True, name="proxy-accept").start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def snapshot(self) -> tuple[int, int]:
        with self._lock:
            return self.up_bytes, self.down_bytes

    def reset_counts(self) -> None:
        with self._lock:
            self.up_bytes = self.down_bytes = self.connections = self.cuts = 0
            self.stats = defaultdict(LabelStats)

    def close(self) -> None:
        self._closed = True
        with contextlib.suppress(OSError):
            self._server.close()
        with self._lock:
            socks = list(self._open)
        for s in socks:
            _reset(s)

    # -- plumbing ----------------------------------------------------------------------------
    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            threading.Thread(target=self._serve, args=(_Conn(client),), daemon=True).start()

    def _serve(self, c: _Conn) -> None:
        with self._lock:
            self.connections += 1
            self._open.add(c.client)
        if self.rate:
            time.sleep(2 * self.delay)      # the TCP handshake costs one round trip
        try:
            c.upstream = socket.create_connection(("127.0.0.1", self.upstream_port))
        except OSError:
            _reset(c.client)
            return
        c.upstream.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self._lock:
            self._open.add(c.upstream)
        timer = None
        if self.cut_after:
            timer = threading.Timer(self.cut_after, self._cut, args=(c,))
            timer.daemon = True
            timer.start()
        up = threading.Thread(target=self._pump, args=(c, True), daemon=True)
        up.start()
        self._pump(c, False)
        up.join()
        if timer is not None:
            timer.cancel()
        self._finish(c)

    def _cut(self, c: _Conn) -> None:
        with self._lock:
            if c.dead:
                return
            self.cuts += 1
        self._kill(c)

    def _kill(self, c: _Conn) -> None:
        with self._lock:
            was_dead, c.dead = c.dead, True
        if not was_dead:
            self._finish(c)
        _reset(c.client)
        if c.upstream is not None:
            _reset(c.upstream)

    def _finish(self, c: _Conn) -> None:
        with self._lock:
            if c.label and not c.answered:
                self.stats[c.label].up_unanswered += c.req_up
                c.answered = True
            self._open.discard(c.client)
            if c.upstream is not None:
                self._open.discard(c.upstream)

    def _account(self, c: _Conn, to_hub: bool, data: bytes) -> None:
        with self._lock:
            if to_hub:
                if c.responding or not c.label:       # a new request on this connection
                    if c.label and not c.answered:
                        self.stats[c.label].up_unanswered += c.req_up
                    line = data.split(b"\r\n", 1)[0].split(b" ")
                    path = line[1].split(b"?", 1)[0].decode("latin-1") if len(line) > 1 else "?"
                    path = re.sub(r"/[0-9a-f]{64}$", "/{sha256}", path)
                    c.label = f"{line[0].decode('latin-1')} {path}"
                    c.req_up, c.answered, c.responding = 0, False, False
                    self.stats[c.label].requests += 1
                self.up_bytes += len(data)
                c.req_up += len(data)
                self.stats[c.label].up += len(data)
            else:
                self._answered_locked(c)
                self.down_bytes += len(data)
                self.stats[c.label or "?"].down += len(data)

    def _answered(self, c: _Conn) -> None:
        with self._lock:
            self._answered_locked(c)

    def _answered_locked(self, c: _Conn) -> None:
        if not c.responding and c.label:
            c.responding, c.answered = True, True
            self.stats[c.label].answered += 1

    def _pump(self, c: _Conn, to_hub: bool) -> None:
        src, dst = (c.client, c.upstream) if to_hub else (c.upstream, c.client)
        assert src is not None and dst is not None
        if not self.rate:
            try:
                while data := src.recv(65536):
                    self._account(c, to_hub, data)
                    dst.sendall(data)
            except OSError:
                pass
            self._kill(c)
            return
        bucket = self._buckets[0 if to_hub else 1]  # type: ignore[index]
        line: deque[tuple[float, bytes | None]] = deque()
        ready = threading.Condition()

        def deliver() -> None:          # the far end of the link: data arrives `delay` later
            try:
                while True:
                    with ready:
                        while not line and not c.dead:
                            ready.wait(0.5)
                        if c.dead:
                            return
                        due, data = line.popleft()
                    time.sleep(max(0.0, due - time.monotonic()))
                    if c.dead:
                        return
                    if data is None:
                        with contextlib.suppress(OSError):
                            dst.shutdown(socket.SHUT_WR)
                        return
                    dst.sendall(data)
            except OSError:
                self._kill(c)

        courier = threading.Thread(target=deliver, daemon=True)
        courier.start()
        try:
            while not c.dead:
                data = src.recv(self.piece)
                if not data:
                    break
                if not to_hub:
                    self._answered(c)       # the hub answers: it had the whole request
                bucket.take(len(data))
                if c.dead:
                    break
                self._account(c, to_hub, data)
                with ready:
                    line.append((time.monotonic() + self.delay, data))
                    ready.notify()
        except OSError:
            pass
        with ready:
            line.append((time.monotonic() + self.delay, None))
            ready.notify()
        courier.join()
        self._kill(c)


def label_table(stats: dict[str, LabelStats]) -> list[dict[str, Any]]:
    return [{"request": k, **v.__dict__} for k, v in sorted(stats.items())]


# --- the trivial endpoint (bench/trivial_app.py) ------------------------------------------------


class TrivialProcess:
    def __init__(self) -> None:
        self.port = free_port()
        app = Path(__file__).with_name("trivial_app.py")
        self.proc = subprocess.Popen([sys.executable, str(app), "--port", str(self.port)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_http(self.url + "/health")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def write_json(path: Path | None, data: Any) -> None:
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, indent=2, default=str), encoding="utf-8")
