"""Hub layer: the /v1 HTTP routes (thin: parse, authenticate, call one service, answer).

Routes are plain ``def`` so FastAPI runs them in its thread pool; a service call is one short
database transaction. Refusals are `HubError`s rendered by `sync.server.errors`.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from sync.protocol import (
    DEFAULT_PAGE_LIMIT,
    MAX_PAGE_LIMIT,
    MIN_PROTOCOL_VERSION,
    PROTOCOL_VERSION,
    AttachmentStatus,
    BundleKey,
    DeviceReport,
    DeviceReportReceipt,
    EnrollRequest,
    EnrollResponse,
    ErrorBody,
    ErrorCode,
    HandshakeRequest,
    HandshakeResponse,
    PullResponse,
    PushRequest,
    PushResponse,
    ReconcileRequest,
    ReconcileResponse,
)
from sync.server.auth import CurrentDevice, HubDep, bearer_token, device_for_token
from sync.server.bundles import BundleImporter
from sync.server.device_reports import store_device_report
from sync.server.errors import HubError

Sha256Path = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$", description="SHA-256, lower-case hex")]

_WHY = {
    400: "malformed JSON or gzip, bad cursor or Content-Range", 401: "unauthorized or "
    "enrolment_revoked", 403: "enrolment_refused", 404: "not_found (or not in this device's "
    "scope)", 409: "batch_conflict, range_mismatch or key_conflict", 413: "payload_too_large",
    415: "unsupported_encoding", 422: "invalid_request, hash_mismatch or size_mismatch",
    426: "update_required", 500: "internal; nothing was applied"}


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the refusals a route can answer (all as `ErrorBody`)."""
    return {code: {"model": ErrorBody, "description": _WHY[code]} for code in (*codes, 500)}


_BODY = (400, 413, 415, 422)
router = APIRouter(prefix="/v1")


@router.post("/enroll", response_model=EnrollResponse, responses=_errors(*_BODY, 403),
             summary="Exchange a one-time code")
def enroll(body: EnrollRequest, hub: HubDep) -> EnrollResponse:
    return hub.enrolment.enroll(body)


_HANDSHAKE_BODY = {"requestBody": {"required": True, "content": {"application/json": {
    "schema": HandshakeRequest.model_json_schema()}}}}


@router.post("/handshake", response_model=HandshakeResponse, openapi_extra=_HANDSHAKE_BODY,
             responses=_errors(*_BODY, 401, 426),
             summary="Check protocol versions and measure the device clock")
def handshake(request: Request, body: Annotated[Any, Body()], hub: HubDep) -> HandshakeResponse:
    # the version is checked before the shape: a newer client may send fields we do not know
    version = body.get("protocol_version") if isinstance(body, dict) else None
    if isinstance(version, int) and not MIN_PROTOCOL_VERSION <= version <= PROTOCOL_VERSION:
        raise HubError(426, ErrorCode.UPDATE_REQUIRED,
                       f"protocol {version} not supported; this hub speaks "
                       f"{MIN_PROTOCOL_VERSION}..{PROTOCOL_VERSION}: please update the app")
    try:
        parsed = HandshakeRequest.model_validate(body)
    except ValidationError as exc:
        raise RequestValidationError(
            [{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]) from exc
    device = device_for_token(hub, bearer_token(request))
    return hub.enrolment.handshake(device, parsed)


@router.put("/bundle-key", response_model=BundleKey, responses=_errors(*_BODY, 401, 409),
            summary="Register the key that signs this device's USB bundles")
def bundle_key(body: BundleKey, device: CurrentDevice, hub: HubDep) -> BundleKey:
    BundleImporter(hub).register_key(device, body.public_key)
    return body


@router.put("/device-report", response_model=DeviceReportReceipt,
            responses=_errors(*_BODY, 401),
            summary="Report this device's unsent records and its last sync error")
def device_report(body: DeviceReport, device: CurrentDevice, hub: HubDep) -> DeviceReportReceipt:
    return store_device_report(hub.db, hub.settings.clock, device, body)


@router.post("/push", response_model=PushResponse, responses=_errors(*_BODY, 401, 409),
             summary="Store a batch of records")
def push(body: PushRequest, device: CurrentDevice, hub: HubDep) -> PushResponse:
    return hub.push.push(device, body)


@router.post("/reconcile", response_model=ReconcileResponse, responses=_errors(*_BODY, 401),
             summary="Which of these record revisions does the hub hold?")
def reconcile(body: ReconcileRequest, device: CurrentDevice, hub: HubDep) -> ReconcileResponse:
    return hub.records.reconcile(device, body)


@router.get("/changes", response_model=PullResponse, responses=_errors(400, 401, 422),
            summary="Page through the change feed")
def changes(device: CurrentDevice, hub: HubDep, cursor: str = "",
            limit: Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT)] = DEFAULT_PAGE_LIMIT,
            ) -> PullResponse:
    return hub.feed.page(device, cursor=cursor, limit=limit)


@router.get("/attachments/{sha256}", response_model=AttachmentStatus,
            responses=_errors(401, 404, 422), summary="How much of this content the hub holds")
def attachment_status(sha256: Sha256Path, device: CurrentDevice,
                      hub: HubDep) -> AttachmentStatus:
    return hub.attachments.status(device, sha256)


_UPLOAD_BODY = {"requestBody": {"required": True, "content": {"application/octet-stream": {
    "schema": {"type": "string", "format": "binary"}}}}}


@router.put("/attachments/{sha256}", response_model=AttachmentStatus,
            openapi_extra=_UPLOAD_BODY, responses=_errors(*_BODY, 401, 404, 409),
            summary="Upload one byte range (Content-Range: bytes START-END/TOTAL)")
async def upload_attachment(sha256: Sha256Path, request: Request, device: CurrentDevice,
                            hub: HubDep) -> AttachmentStatus:
    body = await request.body()
    return await run_in_threadpool(hub.attachments.put, device, sha256,
                                   request.headers.get("content-range"), body)
