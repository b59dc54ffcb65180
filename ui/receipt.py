"""UI layer: the receipt a resident takes home after a complaint is submitted.

Rendered as a `QTextDocument` from HTML, written to PDF with `QPdfWriter` (a copy is kept under
the data folder's ``receipts`` folder) and printable through `QPrintDialog`. It carries the
tracking number, the date (WITA), a summary, a privacy note and what happens next with due
dates. It never carries the reporter's identity: a lost receipt must not expose anyone.
"""

from __future__ import annotations

import html
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from kim_desktop.domain.deadlines import (
    INFORMATION_EXTENSION_WORKING_DAYS,
    INFORMATION_WORKING_DAYS,
    RESOLUTION_CEILING_DAYS,
    VERIFY_WORKING_DAYS,
    WorkingCalendar,
    expected_deadlines,
)
from kim_desktop.domain.enums import Kind, Status
from kim_desktop.domain.models import Complaint, DeviceProfile
from kim_desktop.domain.reference import ReferenceData
from kim_desktop.paths import DataPaths
from ui.formatting import date_text, datetime_text
from ui.labels import kind_label

BODY_EXCERPT = 400


def receipts_dir(paths: DataPaths) -> Path:
    """Where receipt PDFs are kept."""
    return paths.receipts


#: Every text of the receipt (translated when the receipt is rendered).
TEXT = {
    "classification": QT_TRANSLATE_NOOP("Receipt", "Classification"),
    "title": QT_TRANSLATE_NOOP("Receipt", "Title"),
    "category": QT_TRANSLATE_NOOP("Receipt", "Category"),
    "village": QT_TRANSLATE_NOOP("Receipt", "Village"),
    "incident_date": QT_TRANSLATE_NOOP("Receipt", "Incident date"),
    "attachments": QT_TRANSLATE_NOOP("Receipt", "Attachments"),
    "files": QT_TRANSLATE_NOOP("Receipt", "%1 file(s)"),
    "anonymous": QT_TRANSLATE_NOOP("Receipt", "Your identity is kept secret: it is not shown to "
                                              "the party you reported or to the public."),
    "confidential": QT_TRANSLATE_NOOP("Receipt", "The whole report is kept from the public; only "
                                                 "the officers who handle it can read it."),
    "no_identity": QT_TRANSLATE_NOOP("Receipt", "This receipt does not contain your name, NIK or "
                                                "phone number. Keep it; give the report number "
                                                "when you ask about your report."),
    "step_send": QT_TRANSLATE_NOOP("Receipt", "The report is sent to Diskominfo-SP of Kabupaten "
                                              "Luwu Timur as soon as this office has a "
                                              "connection."),
    "step_verify": QT_TRANSLATE_NOOP("Receipt", "The district checks it and forwards it to "
                                                "SP4N-LAPOR!, at the latest by %1 (%2 working "
                                                "days)."),
    "step_information": QT_TRANSLATE_NOOP("Receipt", "You receive an answer to your information "
                                                     "request by %1 (%2 working days; it may be "
                                                     "extended by %3 working days)."),
    "step_resolution": QT_TRANSLATE_NOOP("Receipt", "The agency must resolve it at the latest by "
                                                    "%1 (%2 days)."),
    "step_ask": QT_TRANSLATE_NOOP("Receipt", "Ask about the progress at the village office (KIM), "
                                             "giving the report number."),
    "heading": QT_TRANSLATE_NOOP("Receipt", "Receipt of your report"),
    "number": QT_TRANSLATE_NOOP("Receipt", "Report number"),
    "date": QT_TRANSLATE_NOOP("Receipt", "Date"),
    "recorded_by": QT_TRANSLATE_NOOP("Receipt", "Recorded by"),
    "summary": QT_TRANSLATE_NOOP("Receipt", "Summary"),
    "privacy": QT_TRANSLATE_NOOP("Receipt", "Privacy"),
    "next": QT_TRANSLATE_NOOP("Receipt", "What happens next"),
    "estimates": QT_TRANSLATE_NOOP("Receipt", "Dates are estimates counted from today; they start "
                                              "when the district receives the report. Working "
                                              "days exclude weekends and holidays."),
    "lapor": QT_TRANSLATE_NOOP("Receipt", "SP4N-LAPOR! is the national public-service complaint "
                                          "system (lapor.go.id)."),
}


def _t(key: str, *args: object) -> str:
    text = QCoreApplication.translate("Receipt", str(TEXT[key]))
    for i, a in enumerate(args, start=1):
        text = text.replace(f"%{i}", str(a))
    return text


def submitted_at(c: Complaint) -> datetime:
    times = [h.at for h in c.status_history if h.status is Status.QUEUED]
    return times[-1] if times else c.updated_at


def receipt_html(c: Complaint, refs: ReferenceData, profile: DeviceProfile | None,
                 calendar: WorkingCalendar, submitted_on: date) -> str:
    e = html.escape
    content = c.content
    due = expected_deadlines(content.kind, submitted_on, calendar)
    body = content.body if len(content.body) <= BODY_EXCERPT else content.body[:BODY_EXCERPT] + "…"
    office = (f"{e(profile.kim_name)} · {e(refs.village_label(profile.village_code))}"
              if profile else "")
    rows = [
        (_t("classification"), kind_label(content.kind)),
        (_t("title"), content.title),
        (_t("category"), refs.category_label(content.category_code)),
        (_t("village"), refs.village_label(content.village_code)),
        (_t("incident_date"), date_text(content.incident_date)),
        (_t("attachments"), _t("files", len(c.attachments))),
    ]
    summary = "".join(f"<tr><td class='k'>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in rows)
    privacy = [_t(k) for k, on in (("anonymous", content.anonymous),
                                   ("confidential", content.confidential),
                                   ("no_identity", True)) if on]
    steps = [_t("step_send"), _t("step_verify", date_text(due["verify"]), VERIFY_WORKING_DAYS)]
    if content.kind is Kind.INFORMATION_REQUEST:
        steps.append(_t("step_information", date_text(due["information"]),
                        INFORMATION_WORKING_DAYS, INFORMATION_EXTENSION_WORKING_DAYS))
    else:
        steps.append(_t("step_resolution", date_text(due["resolution"]), RESOLUTION_CEILING_DAYS))
    steps.append(_t("step_ask"))
    return f"""
<html><head><style>
 body {{ font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; }}
 h1 {{ font-size: 15pt; margin: 0; }}
 .no {{ font-family: 'DejaVu Sans Mono', monospace; font-size: 20pt; font-weight: bold; }}
 td.k {{ color: #555; padding-right: 12px; white-space: nowrap; }}
 .small {{ color: #555; font-size: 8.5pt; }}
 h2 {{ font-size: 11pt; margin-top: 14px; margin-bottom: 4px; }}
</style></head><body>
<p class='small'>{office}</p>
<h1>{e(_t("heading"))}</h1>
<p>{e(_t("number"))}<br><span class='no'>{e(c.tracking_no)}</span></p>
<p>{e(_t("date"))}: {e(datetime_text(submitted_at(c)))}<br>
{e(_t("recorded_by"))}: {e(c.recorded_by)}</p>
<h2>{e(_t("summary"))}</h2>
<table cellspacing='0' cellpadding='2'>{summary}</table>
<p>{e(body)}</p>
<h2>{e(_t("privacy"))}</h2>
<ul>{"".join(f"<li>{e(p)}</li>" for p in privacy)}</ul>
<h2>{e(_t("next"))}</h2>
<ol>{"".join(f"<li>{e(s)}</li>" for s in steps)}</ol>
<p class='small'>{e(_t("estimates"))}</p>
<p class='small'>{e(_t("lapor"))}</p>
</body></html>"""


def html_document(html_text: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(html_text)
    return doc


def write_pdf(doc: QTextDocument, path: Path, title: str, *,
              page: QPageSize.PageSizeId = QPageSize.PageSizeId.A5,
              margin_mm: float = 12) -> Path:
    """Write ``doc`` as a PDF, atomically (a partial file never has the final name). A5 is
    the receipt (fits a resident's pocket and any printer); session papers use A4."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".pdf.part")
    writer = QPdfWriter(str(tmp))
    writer.setTitle(title)
    writer.setCreator("KIM Desktop")
    writer.setPageLayout(QPageLayout(QPageSize(page), QPageLayout.Orientation.Portrait,
                                     QMarginsF(margin_mm, margin_mm, margin_mm, margin_mm),
                                     QPageLayout.Unit.Millimeter))
    doc.print_(writer)
    del writer                     # finishes the file
    tmp.replace(path)
    return path
