"""Hub layer: the report export as a CSV or XLSX file (bytes, built in memory).

CSV is UTF-8 with a byte-order mark so that Excel on the district's Windows PCs reads the
Indonesian names right. A text cell that a spreadsheet would take for a formula (``=``, ``+``,
``-``, ``@`` first) gets a leading apostrophe: LAPOR! status texts come from outside.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

FORMATS = {"csv": "text/csv; charset=utf-8",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(columns)
    for row in rows:
        w.writerow([safe_cell(row[c]) for c in columns])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_xlsx(rows: Iterable[dict[str, Any]], columns: Sequence[str], *,
            sheet: str = "laporan") -> bytes:
    from openpyxl import Workbook  # imported here: only this export needs it, and it is slow

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    ws.append(list(columns))
    for row in rows:
        ws.append([safe_cell(row[c]) for c in columns])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
