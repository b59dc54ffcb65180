"""Services layer: reading a participant list (daftar hadir) from an XLSX or CSV file into a
preview, without Qt and without writing anything.

Real sign-in sheets are messy: a title above the header, Indonesian or English headers, merged
cells, blank rows, extra columns, Windows-1252 or UTF-8-with-BOM text, ages like ``35 th`` or
``-`` and gender written as ``Laki-laki``/``Wanita``/``M``/``F``. Every row is either turned into
a ``Participant`` through the domain's rules or reported with its problems; nothing is guessed.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kim_desktop.domain.errors import InvalidInput
from kim_desktop.domain.models import Participant
from kim_desktop.domain.problems import Problem
from kim_desktop.domain.validation import _Collector, parse_participant

log = logging.getLogger(__name__)

#: Header words (normalised: lower case, no punctuation or parentheses) → participant field.
HEADERS: dict[str, str] = {}
for _field, _words in {
    "name": ("nama", "nama lengkap", "nama peserta", "name", "full name", "participant",
             "nama peserta lengkap"),
    "gender": ("l/p", "lp", "l p", "jenis kelamin", "jk", "kelamin", "gender", "sex",
               "jenis kelamin l/p", "m/f"),
    "age": ("umur", "usia", "age", "umur th", "umur tahun", "usia tahun"),
    "role": ("jabatan", "instansi", "jabatan/instansi", "instansi/jabatan", "unsur", "role",
             "position", "institution", "organisation", "organization", "jabatan / instansi",
             "lembaga", "utusan"),
    "dusun": ("dusun", "alamat", "dusun/alamat", "alamat/dusun", "hamlet", "address", "asal"),
    "phone": ("no hp", "nomor hp", "hp", "no telp", "no telepon", "telepon", "telp", "phone",
              "mobile", "no wa", "wa", "nomor telepon", "no hp/wa", "hp/wa", "phone number"),
}.items():
    for _w in _words:
        HEADERS[_w] = _field
MAX_HEADER_SCAN = 20


@dataclass(frozen=True)
class ImportRow:
    """One non-blank data row: ``line`` is its number in the sheet (1-based, as Excel shows)."""
    line: int
    values: dict[str, str]
    participant: Participant | None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.participant is not None


@dataclass(frozen=True)
class ImportPreview:
    rows: tuple[ImportRow, ...]
    columns: dict[str, str]                 # field → header as written in the file
    ignored_columns: tuple[str, ...] = ()
    blank_rows: int = 0
    encoding: str = ""
    header_line: int = 1
    duplicates: tuple[str, ...] = field(default=())

    @property
    def valid(self) -> list[Participant]:
        return [r.participant for r in self.rows if r.participant is not None]

    @property
    def invalid(self) -> list[ImportRow]:
        return [r for r in self.rows if r.participant is None]


def header_key(text: str) -> str:
    s = re.sub(r"\(.*?\)", " ", text.lower())
    s = re.sub(r"[^\w/ ]+", " ", s)
    s = re.sub(r"\s*/\s*", "/", s)
    return " ".join(s.split())


def _cell_text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def preview_rows(rows: Iterable[Sequence[Any]], *, encoding: str = "") -> ImportPreview:
    """Find the header (within the first rows), then read every row after it."""
    it = iter(rows)
    head: list[list[str]] = []
    header_at, mapping = -1, {}
    for n, raw in enumerate(it):
        cells = [_cell_text(v) for v in raw]
        head.append(cells)
        found = {i: HEADERS[k] for i, c in enumerate(cells) if (k := header_key(c)) in HEADERS}
        if "name" in found.values() and len(found) >= 2:
            header_at, mapping = n, found
            break
        if n + 1 >= MAX_HEADER_SCAN:
            break
    if header_at < 0:
        raise InvalidInput("no header row with Nama and L/P, Umur, Jabatan, Dusun or No HP "
                           f"in the first {MAX_HEADER_SCAN} rows")
    header = head[header_at]
    columns: dict[str, int] = {}
    for i, f in mapping.items():
        columns.setdefault(f, i)                # the first "Nama" column wins
    ignored = tuple(h for i, h in enumerate(header) if h and i not in columns.values())
    out: list[ImportRow] = []
    blank = 0
    seen: dict[str, int] = {}
    dupes: list[str] = []
    for n, raw in enumerate(it, start=header_at + 2):
        cells = [_cell_text(v) for v in raw]
        values = {f: cells[i] if i < len(cells) else "" for f, i in columns.items()}
        if not any(values.values()):
            blank += 1
            continue
        c = _Collector()
        p = parse_participant(c, {k: v for k, v in values.items() if v},
                              f"participants[{n - 1}]")
        errors = tuple(x for x in c.problems if x.is_error)
        out.append(ImportRow(n, values, None if errors else p, tuple(c.problems)))
        if p is not None and p.name:
            key = " ".join(p.name.lower().split())
            seen[key] = seen.get(key, 0) + 1
            if seen[key] == 2:
                dupes.append(p.name)
    log.info("participant import preview: %d rows, %d blank, %d columns ignored", len(out),
             blank, len(ignored))
    return ImportPreview(tuple(out), {f: header[i] for f, i in columns.items()}, ignored,
                         blank, encoding, header_at + 1, tuple(dupes))


def decode_csv(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 with or without BOM, else Windows-1252 (what Excel writes)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def csv_rows(text: str) -> Iterator[list[str]]:
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return csv.reader(io.StringIO(text), dialect)


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def xlsx_rows(path: Path) -> Iterator[list[Any]]:
    """Values of the first sheet, with each merged range's value copied into all its cells.

    The sheet is streamed (openpyxl's read-only mode, several times faster on 10,000 rows);
    that mode does not report merged cells, so their ranges are read from the sheet's XML."""
    import openpyxl  # imported here: only import needs it, and it is slow

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        ws: Any = wb.worksheets[0]
        with ws.parent._archive.open(ws._worksheet_path) as f:
            merges = [(int(r1), _col(c1), int(r2), _col(c2))
                      for c1, r1, c2, r2 in _MERGE.findall(f.read())]
    except Exception as exc:              # zip/XML errors of a damaged or non-XLSX file
        raise InvalidInput(f"cannot read {path.name} as an Excel workbook: {exc}") from exc
    try:
        top_left = {(r1, c1): (r2, c2) for r1, c1, r2, c2 in merges}
        fill: dict[tuple[int, int], Any] = {}
        for r, row in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = list(row)
            for c, v in enumerate(cells, start=1):
                if (r, c) in top_left:
                    r2, c2 = top_left[(r, c)]
                    for rr in range(r, r2 + 1):
                        for cc in range(c, c2 + 1):
                            fill[(rr, cc)] = v
            if fill:
                for c in range(1, len(cells) + 1):
                    if (r, c) in fill:
                        cells[c - 1] = fill.pop((r, c))
            yield cells
    finally:
        wb.close()


def preview_file(path: Path) -> ImportPreview:
    """Read ``path`` (``.xlsx``/``.xlsm`` or ``.csv``/``.txt``) into a preview; writes nothing."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return preview_rows(xlsx_rows(path), encoding="xlsx")
    if suffix in (".csv", ".txt"):
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InvalidInput(f"cannot read {path.name}: {exc.strerror}") from exc
        text, encoding = decode_csv(data)
        return preview_rows(csv_rows(text), encoding=encoding)
    raise InvalidInput(f"{path.name}: only .xlsx and .csv files can be imported")
