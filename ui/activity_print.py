"""UI layer: the printables of a socialization session, as A4 PDFs rendered from HTML through a
`QTextDocument` and `QPdfWriter` (like ``ui/receipt.py``):

* the blank daftar hadir: the session header and numbered empty rows with a signature column,
  printed before the session;
* the laporan kegiatan: summary, outcomes, the participant table, the breakdown by gender and
  age band (derived from the list), the photos (downscaled, two to a row) and the complaints
  collected. Phone numbers are personal data (UU 27/2022) and are left out of the report.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl
from PySide6.QtGui import QImage, QImageReader, QPageSize, QTextDocument

from kim_desktop.domain.models import ActivityContent, Complaint
from kim_desktop.domain.reference import ReferenceData
from ui.attendance_model import AGE_BANDS, attendance_counts
from ui.formatting import datetime_text
from ui.labels import status_label
from ui.receipt import write_pdf

BLANK_ROWS = 22          # what fits one A4 page with the header
PHOTO_SIDE = 1000        # pixels: the longest side of a photo in the report (sharp in print)
PHOTO_WIDTH = 310        # layout width of one photo in the report: two fit beside each other
TEXT = {
    "sheet_title": QT_TRANSLATE_NOOP("ActivityPrint", "ATTENDANCE LIST"),
    "report_title": QT_TRANSLATE_NOOP("ActivityPrint", "ACTIVITY REPORT"),
    "session": QT_TRANSLATE_NOOP("ActivityPrint", "Session"),
    "topic": QT_TRANSLATE_NOOP("ActivityPrint", "Topic"),
    "when": QT_TRANSLATE_NOOP("ActivityPrint", "Time"),
    "place": QT_TRANSLATE_NOOP("ActivityPrint", "Place"),
    "organizer": QT_TRANSLATE_NOOP("ActivityPrint", "Organizer"),
    "facilitators": QT_TRANSLATE_NOOP("ActivityPrint", "Facilitators"),
    "no": QT_TRANSLATE_NOOP("ActivityPrint", "No"),
    "name": QT_TRANSLATE_NOOP("ActivityPrint", "Name"),
    "gender": QT_TRANSLATE_NOOP("ActivityPrint", "L/P"),
    "age": QT_TRANSLATE_NOOP("ActivityPrint", "Age"),
    "role": QT_TRANSLATE_NOOP("ActivityPrint", "Role / institution"),
    "dusun": QT_TRANSLATE_NOOP("ActivityPrint", "Dusun"),
    "phone": QT_TRANSLATE_NOOP("ActivityPrint", "Phone"),
    "signature": QT_TRANSLATE_NOOP("ActivityPrint", "Signature"),
    "summary": QT_TRANSLATE_NOOP("ActivityPrint", "Summary (notes)"),
    "outcomes": QT_TRANSLATE_NOOP("ActivityPrint", "Outcomes"),
    "participants": QT_TRANSLATE_NOOP("ActivityPrint", "Participants"),
    "breakdown": QT_TRANSLATE_NOOP("ActivityPrint", "Participants by gender and age"),
    "male": QT_TRANSLATE_NOOP("ActivityPrint", "Male (L)"),
    "female": QT_TRANSLATE_NOOP("ActivityPrint", "Female (P)"),
    "unknown": QT_TRANSLATE_NOOP("ActivityPrint", "Not recorded"),
    "total": QT_TRANSLATE_NOOP("ActivityPrint", "Total"),
    "age_unknown": QT_TRANSLATE_NOOP("ActivityPrint", "Age not given"),
    "complaints": QT_TRANSLATE_NOOP("ActivityPrint", "Complaints collected"),
    "none": QT_TRANSLATE_NOOP("ActivityPrint", "None."),
    "report_no": QT_TRANSLATE_NOOP("ActivityPrint", "Report number"),
    "title": QT_TRANSLATE_NOOP("ActivityPrint", "Title"),
    "status": QT_TRANSLATE_NOOP("ActivityPrint", "Status"),
    "draft": QT_TRANSLATE_NOOP("ActivityPrint", "(draft)"),
    "photos": QT_TRANSLATE_NOOP("ActivityPrint", "Documentation"),
}
_STYLE = ("<style>body{font-size:10pt} h2{text-align:center} "
          "table.grid{border-collapse:collapse} td,th{padding:4px} th{font-size:8pt}</style>")


def _t(key: str) -> str:
    return QCoreApplication.translate("ActivityPrint", str(TEXT[key]))


def _e(text: object) -> str:
    return html.escape("" if text is None else str(text))


def _header(c: ActivityContent, refs: ReferenceData) -> str:
    when = datetime_text(c.starts_at)
    if c.ends_at:
        when += " – " + datetime_text(c.ends_at)
    place = ", ".join(x for x in (c.venue, refs.village_label(c.village_code)
                                  if c.village_code else "") if x)
    people = "; ".join(f"{f.name} ({f.institution})" if f.institution else f.name
                       for f in c.facilitators)
    rows = "".join(f"<tr><td><b>{_e(_t(k))}</b></td><td>{_e(v)}</td></tr>"
                   for k, v in (("session", c.title), ("topic", c.topic), ("when", when),
                                ("place", place), ("organizer", c.organizer),
                                ("facilitators", people)) if v)
    return f"<table>{rows}</table><br/>"


def _table(head: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[int] = ()
           ) -> str:
    ths = "".join(f"<th width='{widths[i]}%'>{_e(h)}</th>" if i < len(widths)
                  else f"<th>{_e(h)}</th>" for i, h in enumerate(head))
    def td(i: int, v: object) -> str:
        return f"<td width='{widths[i]}%'>{_e(v)}</td>" if i < len(widths) else f"<td>{_e(v)}</td>"

    trs = "".join("<tr>" + "".join(td(i, v) for i, v in enumerate(r)) + "</tr>" for r in rows)
    return (f"<table class='grid' border='1' cellspacing='0' width='100%'>"
            f"<thead><tr>{ths}</tr></thead>{trs}</table>")


def attendance_sheet_html(c: ActivityContent, refs: ReferenceData, rows: int = BLANK_ROWS
                          ) -> str:
    head = [_t(k) for k in ("no", "name", "gender", "age", "role", "dusun", "phone",
                            "signature")]
    body = [[n, "", "", "", "", "", "", ""] for n in range(1, rows + 1)]
    style = _STYLE.replace("</style>", " table.grid td{padding:5px}</style>")
    return (f"<html><head>{style}</head><body><h2>{_e(_t('sheet_title'))}</h2>"
            f"{_header(c, refs)}{_table(head, body, (6, 22, 6, 8, 16, 12, 12, 18))}"
            "</body></html>")


def downscaled_photo(path: Path, side: int = PHOTO_SIDE) -> QImage | None:
    """The photo at ``path`` turned upright and decoded at most ``side`` pixels long (None:
    not a readable image)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > side:
        reader.setScaledSize(size.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image


def report_document(c: ActivityContent, refs: ReferenceData, complaints: Sequence[Complaint],
                    photos: Sequence[Path] = ()) -> QTextDocument:
    """The laporan kegiatan as a document, with ``photos`` (files) downscaled into it."""
    doc = QTextDocument()
    names = []
    for n, path in enumerate(photos):
        image = downscaled_photo(path)
        if image is not None:
            name = f"kim-photo-{n}"
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
            names.append(name)
    doc.setHtml(activity_report_html(c, refs, complaints, names))
    return doc


def _photos_html(names: Sequence[str]) -> str:
    if not names:
        return ""
    cells = [f"<td><img src='{_e(n)}' width='{PHOTO_WIDTH}'/></td>" for n in names]
    rows = "".join("<tr>" + "".join(cells[i:i + 2]) + "</tr>" for i in range(0, len(cells), 2))
    return f"<h3>{_e(_t('photos'))}</h3><table cellspacing='4'>{rows}</table>"


def activity_report_html(c: ActivityContent, refs: ReferenceData,
                         complaints: Sequence[Complaint], photos: Sequence[str] = ()) -> str:
    """``photos``: names of image resources of the document (`report_document`)."""
    counts = attendance_counts(c.participants)
    g = counts.gender
    people = [[n, p.name, p.gender, "" if p.age is None else p.age, p.role, p.dusun]
              for n, p in enumerate(c.participants, start=1)]
    bands = [k for k, _, _ in AGE_BANDS]
    breakdown = _table(
        ["", _t("male"), _t("female"), _t("unknown"), _t("total")],
        [[_t("participants"), g["L"], g["P"], g["unknown"], g["total"]]])
    by_age = _table([*bands, _t("age_unknown")],
                    [[counts.age_bands[k] for k in bands] + [counts.age_bands["?"]]])
    if complaints:
        collected = _table([_t("report_no"), _t("title"), _t("status")],
                           [[x.tracking_no or _t("draft"), x.content.title,
                             status_label(x.status)] for x in complaints])
    else:
        collected = f"<p>{_e(_t('none'))}</p>"

    def para(text: str) -> str:
        return "<p>" + (_e(text).replace("\n", "<br/>") or _e(_t("none"))) + "</p>"

    return (f"<html><head>{_STYLE}</head><body><h2>{_e(_t('report_title'))}</h2>"
            f"{_header(c, refs)}<h3>{_e(_t('summary'))}</h3>{para(c.summary)}"
            f"<h3>{_e(_t('outcomes'))}</h3>{para(c.outcomes)}"
            f"<h3>{_e(_t('breakdown'))}</h3>{breakdown}<br/>{by_age}"
            f"<h3>{_e(_t('participants'))}</h3>"
            + _table([_t(k) for k in ("no", "name", "gender", "age", "role", "dusun")], people,
                     (5, 35, 6, 6, 28, 20))
            + _photos_html(photos)
            + f"<h3>{_e(_t('complaints'))}</h3>{collected}</body></html>")


def write_a4_pdf(doc: QTextDocument, path: Path, title: str) -> Path:
    return write_pdf(doc, path, title, page=QPageSize.PageSizeId.A4, margin_mm=15)
