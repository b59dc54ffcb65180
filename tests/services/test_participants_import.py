"""Participant import (XLSX/CSV): headers in Indonesian or English, messy cells normalised or
reported per row, never a crash or a silent guess; nothing written."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from kim_desktop.domain.errors import InvalidInput
from kim_desktop.services.participants_import import preview_file, preview_rows


def _xlsx(path: Path, rows: list[list[object]], merges: tuple[str, ...] = ()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for r in rows:
        ws.append(r)
    for m in merges:
        ws.merge_cells(m)
    wb.save(path)
    return path


def test_xlsx_with_title_merged_cells_blank_rows_and_extra_columns(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "hadir.xlsx", [
        ["DAFTAR HADIR SOSIALISASI SP4N-LAPOR!", None, None, None, None, None, None],
        [None] * 7,
        ["No", "Nama", "L/P", "Umur", "Jabatan/Instansi", "Dusun", "Tanda Tangan"],
        [1, "Hasna", "Perempuan", "35 th", "PKK", "Dusun I", None],
        [2, "Rudi", "Laki-laki", 41, "warga", None, None],      # dusun merged from above
        [None] * 7,
        [3, "Wati", "Wanita", "-", "karang taruna", "Dusun II", None],
        [4, "Andi", "banci", "abc", "warga", "Dusun II", None],
        [5, None, "L", 30, None, None, None],
    ], merges=("A1:G1", "F4:F5"))
    pv = preview_file(path)
    assert pv.header_line == 3
    assert pv.columns == {"name": "Nama", "gender": "L/P", "age": "Umur",
                          "role": "Jabatan/Instansi", "dusun": "Dusun"}
    assert pv.ignored_columns == ("No", "Tanda Tangan")
    assert pv.blank_rows == 1
    assert [(p.name, p.gender, p.age, p.role, p.dusun) for p in pv.valid] == [
        ("Hasna", "P", 35, "PKK", "Dusun I"), ("Rudi", "L", 41, "warga", "Dusun I"),
        ("Wati", "P", None, "karang taruna", "Dusun II")]
    bad = {r.line: sorted(p.field.split(".")[-1] for p in r.problems) for r in pv.invalid}
    assert bad == {8: ["age", "gender"], 9: ["name"]}
    assert "baris 8" in pv.invalid[0].problems[0].message_id


def test_csv_windows_1252_semicolons_and_english_headers(tmp_path: Path) -> None:
    text = "Name;Sex;Age;Position;Hamlet;Phone;Notes\r\nJosé Ñaco;M;35 th;Kepala Dusun;" \
           "Dusun I;0812 3456 7890;x\r\n;;;;;;\r\nMaría;F;29;warga;;;\r\n"
    path = tmp_path / "a.csv"
    path.write_bytes(text.encode("cp1252"))
    pv = preview_file(path)
    assert pv.encoding == "cp1252"
    assert [(p.name, p.gender, p.age) for p in pv.valid] == [("José Ñaco", "L", 35),
                                                           ("María", "P", 29)]
    assert pv.valid[0].phone.startswith(("0812", "+62812"))
    assert pv.ignored_columns == ("Notes",) and pv.blank_rows == 1


def test_csv_utf8_bom_jenis_kelamin_words(tmp_path: Path) -> None:
    path = tmp_path / "b.csv"
    path.write_bytes("\ufeffNama,Jenis Kelamin,Usia,No HP\nAisyah,Pria,20,\nBudi,L,-,\n"
                     "Citra,P,200,\nDedi,Wanita,18 tahun,\n".encode())
    pv = preview_file(path)
    assert pv.encoding == "utf-8-sig"
    assert pv.columns["name"] == "Nama"                        # the BOM is not in the header
    assert [(p.name, p.gender, p.age) for p in pv.valid] == [("Aisyah", "L", 20),
                                                           ("Budi", "L", None),
                                                           ("Dedi", "P", 18)]
    assert [r.line for r in pv.invalid] == [4]


def test_duplicates_are_reported_and_unknown_files_refused(tmp_path: Path) -> None:
    pv = preview_rows([["Nama", "L/P"], ["Siti", "P"], ["siti", "P"]])
    assert pv.duplicates == ("siti",) and len(pv.valid) == 2
    with pytest.raises(InvalidInput):
        preview_rows([["just", "some"], ["text", "here"]])
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(InvalidInput):
        preview_file(tmp_path / "x.pdf")
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    with pytest.raises(InvalidInput):
        preview_file(tmp_path / "bad.xlsx")
