"""Hub layer: the /v1/review routes for district reviewers and admins (thin, like `api`).

Every route except ``login`` needs a login token of a district account (`auth.CurrentAccount`);
a device token is refused with 401 there, as a login token is on the device routes.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import PlainTextResponse

from sync.protocol import ErrorBody
from sync.server.auth import CurrentAccount, CurrentAdmin, HubDep, bearer_token
from sync.server.errors import HubError, not_found
from sync.server.review_models import (
    BatchRecord,
    BatchSummary,
    BulkRequest,
    BulkResponse,
    Classification,
    Decision,
    DecisionResult,
    ForwardRequest,
    ForwardState,
    LaporStatusRequest,
    LockInfo,
    LoginRequest,
    LoginResponse,
    OverdueItem,
    RecordDetail,
    RevealEntry,
    RunResponse,
    StatusResponse,
    TrackingIdRequest,
    VillageHealth,
)

_WHY = {
    400: "bad_request: e.g. a refused bundle (damaged, tampered, wrong key)",
    401: "unauthorized: no, unknown, expired or revoked login token (device tokens too)",
    403: "forbidden: admins only", 404: "not_found", 409: "locked, invalid_transition",
    413: "payload_too_large", 415: "unsupported_encoding: wrong Content-Type",
    422: "invalid_request", 429: "too_many_attempts: login locked for a while",
    500: "internal; nothing was applied"}


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for these error statuses (and 500)."""
    return {code: {"model": ErrorBody, "description": _WHY[code]} for code in (*codes, 500)}


_errors = error_responses


router = APIRouter(prefix="/v1/review", tags=["review"])
Limit = Annotated[int, Query(ge=1, le=500)]


@router.post("/login", response_model=LoginResponse, responses=_errors(401, 422, 429),
             summary="Log in as a reviewer or admin; the token expires")
def login(body: LoginRequest, hub: HubDep) -> LoginResponse:
    done = hub.accounts.login(username=body.username, password=body.password)
    return LoginResponse(token=done.token, username=done.username, role=done.role,
                         expires_at=done.expires_at)


@router.post("/logout", status_code=204, responses=_errors(401), summary="End this login")
def logout(request: Request, account: CurrentAccount, hub: HubDep) -> None:
    hub.accounts.logout(bearer_token(request))


@router.get("/batches", response_model=list[BatchSummary], responses=_errors(401, 422),
            summary="Batches by village, date (WITA) and state, newest first")
def batches(account: CurrentAccount, hub: HubDep, village_code: str | None = None,
            date_from: date | None = None, date_to: date | None = None,
            state: Literal["open", "decided"] | None = None, limit: Limit = 50,
            offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> list[BatchSummary]:
    rows = hub.review_queries.batches(village_code=village_code, date_from=date_from,
                                      date_to=date_to, state=state, limit=limit, offset=offset)
    return [BatchSummary(**r) for r in rows]


@router.get("/batches/{batch_id}/records", response_model=list[BatchRecord],
            responses=_errors(401, 404, 422), summary="The records of one batch (identity hidden)")
def batch_records(batch_id: uuid.UUID, account: CurrentAccount,
                  hub: HubDep) -> list[BatchRecord]:
    rows = hub.review_queries.batch_records(batch_id)
    if rows is None:
        raise not_found("batch")
    return [BatchRecord(**r) for r in rows]


@router.get("/records/{record_id}", response_model=RecordDetail,
            responses=_errors(401, 404, 422), summary="One record with its history")
def record(record_id: uuid.UUID, account: CurrentAccount, hub: HubDep) -> RecordDetail:
    return RecordDetail(**hub.review.record(record_id))


@router.post("/records/{record_id}/reveal", response_model=dict[str, Any],
             responses=_errors(401, 404, 422),
             summary="The reporter's identity; logged (who, when, which record)")
def reveal(record_id: uuid.UUID, account: CurrentAccount, hub: HubDep) -> dict[str, Any]:
    return hub.review.reveal(account, record_id)


@router.get("/reveals", response_model=list[RevealEntry], responses=_errors(401, 403, 422),
            summary="Identity reveals, newest first (admins)")
def reveals(account: CurrentAdmin, hub: HubDep, limit: Limit = 100) -> list[RevealEntry]:
    return [RevealEntry(**r) for r in hub.review.reveals(limit=limit)]


@router.post("/records/{record_id}/lock", response_model=LockInfo,
             responses=_errors(401, 404, 409, 422), summary="Take or renew the review lock")
def lock(record_id: uuid.UUID, account: CurrentAccount, hub: HubDep) -> LockInfo:
    return LockInfo(**hub.review.lock(account, record_id))


@router.delete("/records/{record_id}/lock", status_code=204, responses=_errors(401, 422),
               summary="Release the review lock")
def unlock(record_id: uuid.UUID, account: CurrentAccount, hub: HubDep) -> None:
    hub.review.unlock(account, record_id)


@router.post("/records/{record_id}/decision", response_model=StatusResponse,
             responses=_errors(401, 404, 409, 422),
             summary="Verify, return with a note, or reject with a reason")
def decide(record_id: uuid.UUID, body: Decision, account: CurrentAccount,
           hub: HubDep) -> StatusResponse:
    status = hub.review.decide(account, record_id, action=body.action, note=body.note,
                               reason=body.reason, duplicate_of=body.duplicate_of)
    return StatusResponse(record_id=record_id, status=status)


@router.post("/decisions", response_model=BulkResponse, responses=_errors(401, 422),
             summary="Several decisions; each succeeds or fails on its own")
def decide_many(body: BulkRequest, account: CurrentAccount, hub: HubDep) -> BulkResponse:
    results = []
    for item in body.items:
        try:
            status = hub.review.decide(account, item.record_id, action=item.action,
                                       note=item.note, reason=item.reason,
                                       duplicate_of=item.duplicate_of)
            results.append(DecisionResult(record_id=item.record_id, ok=True, status=status))
        except HubError as exc:
            results.append(DecisionResult(record_id=item.record_id, ok=False,
                                          error_code=exc.code, message=exc.message))
    return BulkResponse(results=results)


@router.patch("/records/{record_id}/classification", response_model=Classification,
              responses=_errors(401, 404, 409, 422),
              summary="Set category and/or agency (kept in the record's history)")
def classify(record_id: uuid.UUID, body: Classification, account: CurrentAccount,
             hub: HubDep) -> Classification:
    new = hub.review.classify(account, record_id, category_code=body.category_code,
                              agency_code=body.agency_code)
    return Classification(**new)


@router.post("/records/{record_id}/forward", response_model=ForwardState,
             responses=_errors(401, 404, 409, 422),
             summary="Forward a verified complaint to SP4N-LAPOR! (API or manual sheet)")
def forward(record_id: uuid.UUID, body: ForwardRequest, account: CurrentAccount,
            hub: HubDep) -> ForwardState:
    return ForwardState(**hub.forwarding.forward(account, record_id, via=body.via))


@router.get("/records/{record_id}/forwarding", response_model=ForwardState,
            responses=_errors(401, 404, 422), summary="Where the forward to LAPOR! stands")
def forwarding(record_id: uuid.UUID, account: CurrentAccount, hub: HubDep) -> ForwardState:
    return ForwardState(**hub.forwarding.state(record_id))


@router.post("/records/{record_id}/forwarding/retry", response_model=ForwardState,
             responses=_errors(401, 404, 422), summary="Queue a failed forward again")
def retry(record_id: uuid.UUID, account: CurrentAccount, hub: HubDep) -> ForwardState:
    return ForwardState(**hub.forwarding.retry(record_id))


_SHEET: dict[int | str, dict[str, Any]] = {
    200: {"description": "the sheet", "content": {"text/plain": {"schema": {"type": "string"}}}}}


@router.get("/records/{record_id}/lapor-sheet", response_model=None,
            responses={**_SHEET, **_errors(401, 404, 422)},
            summary="Plain-text sheet for re-keying the complaint into lapor.go.id")
def lapor_sheet(record_id: uuid.UUID, account: CurrentAccount,
                hub: HubDep) -> PlainTextResponse:
    return PlainTextResponse(hub.forwarding.sheet(record_id))


@router.post("/records/{record_id}/lapor-tracking-id", response_model=ForwardState,
             responses=_errors(401, 404, 409, 422),
             summary="Record the LAPOR! tracking id of a manually forwarded complaint")
def lapor_tracking_id(record_id: uuid.UUID, body: TrackingIdRequest, account: CurrentAccount,
                      hub: HubDep) -> ForwardState:
    return ForwardState(**hub.forwarding.record_tracking_id(account, record_id,
                                                            body.lapor_tracking_id))


@router.post("/records/{record_id}/lapor-status", response_model=StatusResponse,
             responses=_errors(401, 404, 409, 422),
             summary="A later SP4N-LAPOR! status (raw text kept, mapped to ours)")
def lapor_status(record_id: uuid.UUID, body: LaporStatusRequest, account: CurrentAccount,
                 hub: HubDep) -> StatusResponse:
    status = hub.forwarding.record_lapor_status(account.username, record_id, raw=body.raw,
                                                status=body.status)
    return StatusResponse(record_id=record_id, status=status)


@router.post("/forwarding/run", response_model=RunResponse, responses=_errors(401),
             summary="Send what is due in the LAPOR! queue and pull LAPOR! statuses")
def run_forwarding(account: CurrentAccount, hub: HubDep) -> RunResponse:
    return RunResponse(sent=hub.forwarding.run_due(),
                       statuses_changed=hub.forwarding.poll_statuses())


@router.get("/overdue", response_model=list[OverdueItem], responses=_errors(401, 422),
            summary="Late deadlines of DOMAIN.md, one item per record and deadline")
def overdue(account: CurrentAccount, hub: HubDep, limit: Limit = 500) -> list[OverdueItem]:
    return [OverdueItem(**r) for r in hub.review_queries.overdue(limit=limit)]


@router.get("/sync-health", response_model=list[VillageHealth], responses=_errors(401),
            summary="Per village: last contact, backlog, devices, clock offset")
def sync_health(account: CurrentAccount, hub: HubDep) -> list[VillageHealth]:
    return [VillageHealth(**v) for v in hub.review_queries.sync_health()]

