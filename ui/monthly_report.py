"""UI layer: the monthly report for the district leadership, an A4 PDF built on this computer
from the hub's report summary of one month (``/v1/review/reports/summary``).

It carries the title, the period and area, the totals, the tables by kecamatan, category and
status, the overdue count, the socialization coverage and a bar chart of complaints per
kecamatan drawn into the page (``ui/charts.py``). Rendered like the other papers
(``ui/receipt.py``: HTML → `QTextDocument` → `QPdfWriter`). It holds counts only: no reporter
identity ever reaches it.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QUrl
from PySide6.QtGui import QPageSize, QTextDocument

from ui.charts import BarChart
from ui.formatting import date_text, datetime_text
from ui.i18n import current_language
from ui.receipt import write_pdf
from ui.report_common import ReportPeriod, iso_date, share_text, status_text

CHART_URL = "kim-report://chart-kecamatan"
CHART_WIDTH = 520             # document pixels: the text width of the A4 page (14 cm)
CHART_DRAWN = 400             # the chart is laid out this wide, then enlarged (bigger letters)
CHART_SCALE = 3               # and rendered sharper than it is shown, for print
CONTEXT = "MonthlyReport"
TEXT = {
    "title": QT_TRANSLATE_NOOP("MonthlyReport", "MONTHLY REPORT ON PUBLIC COMPLAINTS"),
    "office": QT_TRANSLATE_NOOP("MonthlyReport", "Diskominfo-SP of Kabupaten Luwu Timur · "
                                                 "Kelompok Informasi Masyarakat (KIM)"),
    "period": QT_TRANSLATE_NOOP("MonthlyReport", "Period"),
    "area": QT_TRANSLATE_NOOP("MonthlyReport", "Area"),
    "whole": QT_TRANSLATE_NOOP("MonthlyReport", "Whole kabupaten"),
    "kecamatan_of": QT_TRANSLATE_NOOP("MonthlyReport", "Kecamatan %1"),
    "totals": QT_TRANSLATE_NOOP("MonthlyReport", "Summary"),
    "received": QT_TRANSLATE_NOOP("MonthlyReport", "Complaints received"),
    "overdue": QT_TRANSLATE_NOOP("MonthlyReport", "Past the deadline (overdue)"),
    "sessions": QT_TRANSLATE_NOOP("MonthlyReport", "Socialization sessions"),
    "participants": QT_TRANSLATE_NOOP("MonthlyReport", "Participants"),
    "participants_lp": QT_TRANSLATE_NOOP("MonthlyReport", "%1 (men %2, women %3)"),
    "by_kecamatan": QT_TRANSLATE_NOOP("MonthlyReport", "Complaints by kecamatan"),
    "by_category": QT_TRANSLATE_NOOP("MonthlyReport", "Complaints by category"),
    "by_status": QT_TRANSLATE_NOOP("MonthlyReport", "Complaints by status"),
    "coverage": QT_TRANSLATE_NOOP("MonthlyReport", "Socialization coverage"),
    "no_session": QT_TRANSLATE_NOOP("MonthlyReport", "KIM villages without a session in the "
                                                     "last 90 days"),
    "kecamatan": QT_TRANSLATE_NOOP("MonthlyReport", "Kecamatan"),
    "village": QT_TRANSLATE_NOOP("MonthlyReport", "Village"),
    "category": QT_TRANSLATE_NOOP("MonthlyReport", "Category"),
    "status": QT_TRANSLATE_NOOP("MonthlyReport", "Status"),
    "count": QT_TRANSLATE_NOOP("MonthlyReport", "Count"),
    "share": QT_TRANSLATE_NOOP("MonthlyReport", "Share"),
    "last_session": QT_TRANSLATE_NOOP("MonthlyReport", "Last session"),
    "never": QT_TRANSLATE_NOOP("MonthlyReport", "never"),
    "none": QT_TRANSLATE_NOOP("MonthlyReport", "None."),
    "all_covered": QT_TRANSLATE_NOOP("MonthlyReport", "Every KIM village had a session."),
    "footer": QT_TRANSLATE_NOOP("MonthlyReport", "Made on %1 from the data of the district "
                                                 "hub. Complaints are counted once, at their "
                                                 "latest revision; dates are WITA. This report "
                                                 "contains no reporter identity."),
}
_STYLE = ("<style>body{font-size:10pt} h1{font-size:15pt;text-align:center;margin:0} "
          "h2{font-size:11pt;margin-top:12px;margin-bottom:4px} .c{text-align:center} "
          ".small{color:#444;font-size:8.5pt} td,th{padding:3px} th{background:#e8e8e8}</style>")


def _t(key: str, *args: object) -> str:
    text = QCoreApplication.translate(CONTEXT, str(TEXT[key]))
    for i, a in enumerate(args, start=1):
        text = text.replace(f"%{i}", str(a))
    return text


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value))


def _n(value: object) -> str:
    """Whole numbers with the Indonesian thousands dot."""
    return f"{int(value or 0):,}".replace(",", ".") if isinstance(value, int | float) else _e(value)


def month_title(period: ReportPeriod) -> str:
    """``November 2026`` in the current language (or the date range of a longer period)."""
    start, end = period.date_from, period.date_to
    if start and end and start.day == 1 and (start.year, start.month) == (end.year, end.month):
        locale = QLocale(QLocale.Language.Indonesian if current_language() == "id"
                         else QLocale.Language.English)
        return f"{locale.standaloneMonthName(start.month)} {start.year}"
    return " – ".join(date_text(d) for d in (start, end) if d)


def _table(head: Sequence[str], rows: Sequence[Sequence[object]],
           numeric: Sequence[int] = ()) -> str:
    ths = "".join(f"<th>{_e(h)}</th>" for h in head)
    def td(i: int, v: object) -> str:
        align = " align='right'" if i in numeric else ""
        return f"<td{align}>{_n(v) if i in numeric else _e(v)}</td>"
    trs = "".join("<tr>" + "".join(td(i, v) for i, v in enumerate(r)) + "</tr>" for r in rows)
    return (f"<table border='1' cellspacing='0' width='100%'><thead><tr>{ths}</tr></thead>"
            f"{trs}</table>")


def _counts(rows: Sequence[dict[str, Any]], label: str, total: int) -> list[list[object]]:
    return [[r.get(label) or r.get("code") or "", r.get("count", 0),
             share_text(int(r.get("count", 0)), total)] for r in rows]


def kecamatan_chart(summary: dict[str, Any]) -> BarChart:
    """The chart of complaints per kecamatan that the report draws (not shown on screen)."""
    chart = BarChart()
    chart.set_empty_text(_t("none"))
    rows = sorted(summary["by_kecamatan"], key=lambda r: -int(r.get("count", 0)))
    chart.set_data([(str(r.get("name") or r.get("code")), float(r.get("count", 0)))
                    for r in rows])
    return chart


def monthly_report_html(summary: dict[str, Any], period: ReportPeriod, area: str,
                        made_at: datetime, *, chart_height: int = 0) -> str:
    """The report's HTML; ``chart_height`` > 0 places the chart image (`CHART_URL`)."""
    total = int(summary["total"])
    cov = summary["coverage"]
    gender = cov.get("participants_by_gender") or {}
    men, women = int(gender.get("L", 0)), int(gender.get("P", 0))
    sessions = sum(int(r.get("sessions", 0)) for r in cov["sessions_by_kecamatan"])
    participants = sum(int(r.get("participants", 0)) for r in cov["sessions_by_kecamatan"])
    totals = "".join(
        f"<tr><td>{_e(k)}</td><td align='right'><b>{_e(v)}</b></td></tr>"
        for k, v in ((_t("received"), _n(total)), (_t("overdue"), _n(summary["overdue"])),
                     (_t("sessions"), _n(sessions)),
                     (_t("participants"), _t("participants_lp", _n(participants), _n(men),
                                             _n(women)))))
    share = [_t("count"), _t("share")]
    by_kec = _table([_t("kecamatan"), *share], _counts(summary["by_kecamatan"], "name", total),
                    (1,))
    by_cat = _table([_t("category"), *share], _counts(summary["by_category"], "name", total),
                    (1,))
    by_status = _table([_t("status"), *share],
                       [[status_text(r.get("status")), r.get("count", 0),
                         share_text(int(r.get("count", 0)), total)]
                        for r in summary["by_status"]], (1,))
    coverage = _table([_t("kecamatan"), _t("sessions"), _t("participants")],
                      [[r.get("name") or r.get("code"), r.get("sessions", 0),
                        r.get("participants", 0)] for r in cov["sessions_by_kecamatan"]],
                      (1, 2)) if cov["sessions_by_kecamatan"] else f"<p>{_e(_t('none'))}</p>"
    silent = cov["kim_villages_without_session_90d"]
    without = _table([_t("village"), _t("kecamatan"), _t("last_session")],
                     [[r.get("name") or r.get("code"), r.get("kecamatan_name", ""),
                       date_text(iso_date(r.get("last_session"))) or _t("never")]
                      for r in silent]) if silent else f"<p>{_e(_t('all_covered'))}</p>"
    chart = (f"<p class='c'><img src='{CHART_URL}' width='{CHART_WIDTH}' "
             f"height='{chart_height}'></p>" if chart_height > 0 else "")
    return (
        f"<html><head>{_STYLE}</head><body>"
        f"<h1>{_e(_t('title'))}</h1><p class='c'>{_e(_t('office'))}</p>"
        f"<table><tr><td><b>{_e(_t('period'))}</b></td><td>{_e(month_title(period))}"
        f" ({_e(date_text(period.date_from))} – {_e(date_text(period.date_to))})</td></tr>"
        f"<tr><td><b>{_e(_t('area'))}</b></td><td>{_e(area)}</td></tr></table>"
        f"<h2>{_e(_t('totals'))}</h2><table>{totals}</table>"
        f"<h2>{_e(_t('by_kecamatan'))}</h2>{chart}{by_kec}"
        f"<h2>{_e(_t('by_category'))}</h2>{by_cat}"
        f"<h2>{_e(_t('by_status'))}</h2>{by_status}"
        f"<h2>{_e(_t('coverage'))}</h2>{coverage}"
        f"<h2>{_e(_t('no_session'))}</h2>{without}"
        f"<p class='small'>{_e(_t('footer', datetime_text(made_at)))}</p>"
        "</body></html>")


def area_text(kecamatan_name: str | None) -> str:
    return _t("kecamatan_of", kecamatan_name) if kecamatan_name else _t("whole")


def monthly_report_document(summary: dict[str, Any], period: ReportPeriod, area: str,
                            made_at: datetime) -> QTextDocument:
    """The report as a document, with the chart image attached before the HTML is laid out."""
    doc = QTextDocument()
    height = 0
    if summary["by_kecamatan"]:
        chart = kecamatan_chart(summary)
        drawn = chart.sizeHint().height()
        image = chart.render_to_image(CHART_DRAWN, drawn, scale=CHART_SCALE)
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_URL), image)
        chart.deleteLater()
        height = round(drawn * CHART_WIDTH / CHART_DRAWN)
    doc.setHtml(monthly_report_html(summary, period, area, made_at, chart_height=height))
    return doc


def write_monthly_report(summary: dict[str, Any], period: ReportPeriod, area: str,
                         made_at: datetime, path: Path) -> tuple[Path, QTextDocument]:
    """Write the A4 PDF at ``path`` (atomically); returns it with the document drawn."""
    doc = monthly_report_document(summary, period, area, made_at)
    title = f"{_t('title').capitalize()} – {month_title(period)}"
    return write_pdf(doc, path, title, page=QPageSize.PageSizeId.A4, margin_mm=15), doc
