"""Benchmark of the participant import preview (issue 5, "Tests and performance").

    python bench/bench_import.py [--rows 10000] [--repeat 5]

Writes a messy sign-in sheet of ``--rows`` participants twice, as XLSX (title row, merged title,
an extra column, a blank row every 50, ages like "35 th" and "-", gender words) and as a
Windows-1252 CSV with semicolons, then times ``preview_file`` on each (``time.perf_counter``,
median and worst of ``--repeat`` runs after one warm-up). Target: ≤ 3 s to preview 10,000 rows.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from kim_desktop.services.participants_import import preview_file

NAMES = ("Hasna", "Rudi", "Wati", "Andi", "Siti Aminah", "Baso", "Nurul", "Iwan", "Ratna")
GENDERS = ("L", "P", "Laki-laki", "Perempuan", "Pria", "Wanita", "M", "F", "x")
AGES = (35, "35 th", "-", "41 tahun", "", 17, 60, "abc")
ROLES = ("warga", "PKK", "perangkat desa", "karang taruna", "BPD")


def rows(n: int, rnd: random.Random) -> list[list[object]]:
    out: list[list[object]] = [["DAFTAR HADIR", None, None, None, None, None, None, None],
                               ["No", "Nama", "L/P", "Umur", "Jabatan/Instansi", "Dusun",
                                "No HP", "Tanda Tangan"]]
    for i in range(n):
        if i % 50 == 49:
            out.append([None] * 8)
        out.append([i + 1, f"{rnd.choice(NAMES)} {i}", rnd.choice(GENDERS), rnd.choice(AGES),
                    rnd.choice(ROLES), f"Dusun {i % 5 + 1}", f"0812{i:08d}", None])
    return out


def write(directory: Path, n: int) -> tuple[Path, Path]:
    data = rows(n, random.Random(1))
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for r in data:
        ws.append(r)
    ws.merge_cells("A1:H1")
    xlsx = directory / "hadir.xlsx"
    wb.save(xlsx)
    csv_path = directory / "hadir.csv"
    csv_path.write_bytes("\r\n".join(";".join("" if v is None else str(v) for v in r)
                                     for r in data).encode("cp1252"))
    return xlsx, csv_path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    worst_all = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        files = write(Path(tmp), args.rows)
        print("| file | rows read | valid | with problems | median s | worst s | ≤ 3 s |")
        print("|---|---|---|---|---|---|---|")
        for path in files:
            preview_file(path)                                    # warm-up (imports)
            times = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                pv = preview_file(path)
                times.append(time.perf_counter() - t0)
            worst = max(times)
            worst_all = max(worst_all, worst)
            print(f"| {path.suffix[1:]} | {len(pv.rows)} | {len(pv.valid)} | "
                  f"{len(pv.invalid)} | {statistics.median(times):.2f} | {worst:.2f} | "
                  f"{'pass' if worst <= 3 else 'FAIL'} |")
    return 0 if worst_all <= 3 else 1


if __name__ == "__main__":
    raise SystemExit(main())
