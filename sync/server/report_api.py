"""Hub layer: the /v1/review routes of the review workspace beyond decisions: duplicate hints,
the district dashboard and its export, and USB bundles uploaded by a reviewer.

Same rules as `review_api`: a login token of a reviewer or admin (device tokens: 401), refusals
as `ErrorBody`. The work is done in `duplicates`, `reports`, `report_files` and `bundle_upload`.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from sync.protocol import ErrorCode
from sync.server.auth import CurrentAccount, HubDep
from sync.server.bundle_upload import import_uploaded
from sync.server.duplicates import DuplicateFinder
from sync.server.errors import HubError
from sync.server.report_files import FORMATS, to_csv, to_xlsx
from sync.server.reports import EXPORT_COLUMNS, ReportFilter, ReportQueries
from sync.server.review_api import error_responses as _errors
from sync.server.review_models import BundleUploaded, DuplicateHint, ReportSummary

router = APIRouter(prefix="/v1/review", tags=["review"])


def _filter(date_from: date | None, date_to: date | None,
            kecamatan_code: str | None) -> ReportFilter:
    return ReportFilter(date_from=date_from, date_to=date_to,
                        kecamatan_code=kecamatan_code or None)


Kecamatan = Annotated[str | None, Query(max_length=32, pattern=r"^[0-9.]+$")]


@router.get("/records/{record_id}/duplicates", response_model=list[DuplicateHint],
            responses=_errors(401, 404, 422),
            summary="Likely duplicates of a complaint across villages, best first")
def duplicates(record_id: uuid.UUID, account: CurrentAccount, hub: HubDep,
               limit: Annotated[int, Query(ge=1, le=50)] = 5) -> list[DuplicateHint]:
    return [DuplicateHint(**d) for d in DuplicateFinder(hub.db).find(record_id, limit=limit)]


@router.get("/reports/summary", response_model=ReportSummary, responses=_errors(401, 422),
            summary="Dashboard: complaints by kecamatan, village, category, status and month; "
                    "socialization coverage")
def summary(account: CurrentAccount, hub: HubDep, date_from: date | None = None,
            date_to: date | None = None, kecamatan_code: Kecamatan = None) -> ReportSummary:
    reports = ReportQueries(hub.db, clock=hub.settings.clock)
    return ReportSummary(**reports.summary(_filter(date_from, date_to, kecamatan_code)))


_FILE: dict[int | str, dict[str, Any]] = {200: {"description": "the report file", "content": {
    media: {"schema": {"type": "string", "format": "binary"}} for media in FORMATS.values()}}}


@router.get("/reports/export", response_model=None, responses={**_FILE, **_errors(401, 422)},
            summary="The complaints of the report as CSV or XLSX (never reporter identity)")
def export(account: CurrentAccount, hub: HubDep, format: Literal["csv", "xlsx"] = "csv",
           date_from: date | None = None, date_to: date | None = None,
           kecamatan_code: Kecamatan = None) -> Response:
    f = _filter(date_from, date_to, kecamatan_code)
    rows = ReportQueries(hub.db, clock=hub.settings.clock).export_rows(f)
    content = to_csv(rows, EXPORT_COLUMNS) if format == "csv" else to_xlsx(rows, EXPORT_COLUMNS)
    parts = ["laporan-kim", f.kecamatan_code or "kabupaten",
             f.date_from.isoformat() if f.date_from else "",
             f.date_to.isoformat() if f.date_to else ""]
    name = "_".join(p for p in parts if p) + f".{format}"
    return Response(content, media_type=FORMATS[format],
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.post("/bundles", response_model=BundleUploaded,
             responses=_errors(400, 401, 413, 415, 422),
             summary="Import a village USB bundle (idempotent); the receipt comes back",
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/octet-stream": {"schema": {"type": "string",
                                                         "format": "binary"}}}}})
async def upload_bundle(request: Request, account: CurrentAccount,
                        hub: HubDep) -> BundleUploaded:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/octet-stream":
        raise HubError(415, ErrorCode.UNSUPPORTED_ENCODING,
                       "Content-Type: must be application/octet-stream (the bundle file)")
    data = await request.body()
    return BundleUploaded(**await run_in_threadpool(import_uploaded, hub, data))
