"""Sync client: the hub's /v1/review API for district reviewers (login token, not a device token).

`ReviewClient` keeps the login token in memory only: never logged, never written anywhere, gone
on `logout` or when the object is dropped. It follows `sync.client.http`'s rules (HTTPS unless
loopback, the district CA bundle, timeouts) and its mapping of failures to `KimError`s, with the
review-specific refusals made explicit: 401 ``LoginExpired`` (``LoginRefused`` at login itself),
409 ``locked`` `RecordLocked` naming who holds the record, 429 `TooManyAttempts`.

Answers are parsed into the small models of `sync.client.review_models` (re-exported here); they
ignore fields they do not know, so a newer hub does not break an older desktop. Calls block: run
them off the GUI thread. One client may be shared by several worker threads; its calls are
serialised.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import uuid
from collections.abc import Callable
from datetime import date
from email.message import Message
from typing import Any, Literal, TypeVar

import requests
from pydantic import TypeAdapter, ValidationError

from kim_desktop import __version__
from kim_desktop.domain.errors import HubRefused, HubUnavailable, KimError, Offline, SyncFailed
from sync.client.bundles import BundleInvalid
from sync.client.http import (
    CONNECT_TIMEOUT,
    READ_TIMEOUT,
    HubClient,
    check_ca_bundle,
    check_hub_url,
)
from sync.client.review_models import (
    BatchRecord,
    BatchSummary,
    BundleImport,
    Classification,
    DecisionResult,
    Download,
    DuplicateHint,
    ForwardState,
    LockInfo,
    Login,
    OverdueItem,
    RecordDetail,
)

__all__ = [
    "REASONS", "BatchRecord", "BatchSummary", "BundleImport", "Classification",
    "DecisionResult", "Download", "DuplicateHint", "ForwardState", "HubNotFound", "LockInfo",
    "Login", "LoginExpired", "LoginRefused", "NotLoggedIn", "OverdueItem", "RecordDetail",
    "RecordLocked", "ReviewClient", "StatusChanged", "TooManyAttempts"]

log = logging.getLogger(__name__)
T = TypeVar("T")

PREFIX = "/v1/review"
Action = Literal["verify", "return", "reject"]
Reason = Literal["duplicate_of", "not_public_service", "unclear", "abusive"]
REASONS: tuple[Reason, ...] = ("duplicate_of", "not_public_service", "unclear", "abusive")
LAPOR_STATUSES = ("forwarded", "dispositioned", "in_progress", "resolved", "archived")
BUNDLE_TIMEOUT = (CONNECT_TIMEOUT, 300.0)


# -- errors ---------------------------------------------------------------------------------
class LoginRefused(SyncFailed):
    """Wrong username or password (or a disabled account)."""

    code = "login_refused"


class LoginExpired(SyncFailed):
    """The login token is unknown, expired or ended: log in again."""

    code = "login_expired"


class NotLoggedIn(LoginExpired):
    code = "login_expired"


class TooManyAttempts(SyncFailed):
    """Login refused for a while after repeated wrong passwords."""

    code, retryable = "too_many_attempts", True

    def __init__(self, message: str, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class HubNotFound(HubRefused):
    """The hub knows no such record or batch (or, on an older hub, no such route)."""


class StatusChanged(HubRefused):
    """The action is not allowed from the record's status at the hub (it changed meanwhile)."""

    code = "invalid_transition"


class RecordLocked(HubRefused):
    """Another reviewer holds the record's review lock."""

    code = "record_locked"

    def __init__(self, holder: str | None, message: str = "") -> None:
        super().__init__(message or f"record locked by {holder or 'another reviewer'}")
        self.holder = holder


# -- the client -----------------------------------------------------------------------------
class ReviewClient:
    """A reviewer's connection to the hub; the token lives only in this object's memory."""

    def __init__(self, base_url: str, *, allow_insecure: bool = False,
                 ca_bundle: str | None = None,
                 timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT)) -> None:
        self.base_url = check_hub_url(base_url, allow_insecure=allow_insecure)
        self.timeout = timeout
        self.login_info: Login | None = None
        self._token: str | None = None
        self._lock = threading.Lock()
        self._session = requests.Session()
        self._session.headers["User-Agent"] = f"kim-desktop/{__version__}"
        self._verify = check_ca_bundle(ca_bundle)
        self._session.verify = self._verify

    def __repr__(self) -> str:      # never the token
        who = self.login_info.username if self.login_info else "-"
        return f"ReviewClient({self.base_url!r}, user={who!r})"

    @property
    def logged_in(self) -> bool:
        return self._token is not None

    @property
    def username(self) -> str | None:
        return self.login_info.username if self.login_info else None

    # -- login -------------------------------------------------------------------------------
    def login(self, username: str, password: str) -> Login:
        resp = self._send("POST", "/login", json={"username": username, "password": password},
                          auth=False)
        data = self._parse(resp, dict[str, Any])
        token = data.get("token")
        if not isinstance(token, str) or not token:
            raise HubUnavailable("the hub's login answer holds no token")
        info = self._model(Login, data)
        self._token, self.login_info = token, info
        log.info("reviewer logged in to %s (role %s)", self.base_url, info.role)
        return info

    def logout(self) -> None:
        """End the login on the hub (best effort) and forget the token."""
        if self._token is None:
            return
        try:
            self._send("POST", "/logout")
        except KimError as exc:
            log.info("logout at the hub failed (%s); token forgotten anyway", exc.code)
        finally:
            self._token, self.login_info = None, None

    def close(self) -> None:
        self._token, self.login_info = None, None
        self._session.close()

    # -- batches and records -----------------------------------------------------------------
    def batches(self, *, state: Literal["open", "decided"] | None = None,
                village_code: str | None = None, date_from: date | None = None,
                date_to: date | None = None, limit: int = 100, offset: int = 0
                ) -> list[BatchSummary]:
        params = {"state": state, "village_code": village_code, "date_from": date_from,
                  "date_to": date_to, "limit": limit, "offset": offset}
        return self._get(list[BatchSummary], "/batches", params)

    def batch_records(self, batch_id: uuid.UUID) -> list[BatchRecord]:
        return self._get(list[BatchRecord], f"/batches/{batch_id}/records")

    def record(self, record_id: uuid.UUID) -> RecordDetail:
        return self._get(RecordDetail, f"/records/{record_id}")

    def reveal(self, record_id: uuid.UUID) -> dict[str, Any]:
        """The reporter's identity. The hub logs who asked, when, for which record."""
        return self._post(dict[str, Any], f"/records/{record_id}/reveal", None)

    def lock(self, record_id: uuid.UUID) -> LockInfo:
        """Take or renew the review lock; `RecordLocked` names the reviewer holding it."""
        return self._on_record(record_id, lambda: self._post(
            LockInfo, f"/records/{record_id}/lock", None))

    def unlock(self, record_id: uuid.UUID) -> None:
        self._send("DELETE", f"/records/{record_id}/lock")

    def decide(self, record_id: uuid.UUID, action: Action, *, note: str = "",
               reason: Reason | None = None, duplicate_of: uuid.UUID | None = None) -> str:
        """Verify, return (with a note) or reject (with a reason); the new status."""
        body = _decision(action, note, reason, duplicate_of)
        answer = self._on_record(record_id, lambda: self._post(
            dict[str, Any], f"/records/{record_id}/decision", body))
        return str(answer["status"])

    def decide_many(self, record_ids: list[uuid.UUID], action: Action, *, note: str = "",
                    reason: Reason | None = None) -> list[DecisionResult]:
        """The same decision for several records; each succeeds or fails on its own."""
        items = [{"record_id": str(r), **_decision(action, note, reason, None)}
                 for r in record_ids]
        data = self._post(dict[str, Any], "/decisions", {"items": items})
        return self._model(list[DecisionResult], data.get("results"))

    def classify(self, record_id: uuid.UUID, *, category_code: str | None = None,
                 agency_code: str | None = None) -> Classification:
        body = {k: v for k, v in (("category_code", category_code),
                                  ("agency_code", agency_code)) if v}
        return self._on_record(record_id, lambda: self._call(
            Classification, "PATCH", f"/records/{record_id}/classification", json=body))

    def duplicates(self, record_id: uuid.UUID, limit: int = 5) -> list[DuplicateHint]:
        return self._get(list[DuplicateHint], f"/records/{record_id}/duplicates",
                         {"limit": limit})

    # -- forwarding to SP4N-LAPOR! ------------------------------------------------------------
    def forward(self, record_id: uuid.UUID, via: Literal["http", "manual"]) -> ForwardState:
        return self._post(ForwardState, f"/records/{record_id}/forward", {"via": via})

    def forwarding(self, record_id: uuid.UUID) -> ForwardState | None:
        """Where the forward stands; None when the record was never forwarded."""
        try:
            return self._get(ForwardState, f"/records/{record_id}/forwarding")
        except HubNotFound:
            return None

    def lapor_sheet(self, record_id: uuid.UUID) -> str:
        return self._send("GET", f"/records/{record_id}/lapor-sheet").text

    def set_lapor_tracking_id(self, record_id: uuid.UUID, tracking_id: str) -> ForwardState:
        return self._post(ForwardState, f"/records/{record_id}/lapor-tracking-id",
                          {"lapor_tracking_id": tracking_id.strip()})

    def set_lapor_status(self, record_id: uuid.UUID, raw: str,
                         status: str | None = None) -> str:
        body: dict[str, Any] = {"raw": raw.strip()}
        if status:
            body["status"] = status
        return str(self._post(dict[str, Any], f"/records/{record_id}/lapor-status",
                              body)["status"])

    def overdue(self, limit: int = 500) -> list[OverdueItem]:
        return self._get(list[OverdueItem], "/overdue", {"limit": limit})

    # -- USB bundles -------------------------------------------------------------------------
    def upload_bundle(self, data: bytes) -> BundleImport:
        """Import a village's USB bundle at the hub (idempotent); the answer holds the receipt."""
        resp = self._send("POST", "/bundles", data=data, bundle=True, timeout=BUNDLE_TIMEOUT,
                          headers={"Content-Type": "application/octet-stream"})
        result = self._parse(resp, BundleImport)
        try:
            result.receipt()
        except ValueError as exc:
            raise HubUnavailable("the hub's receipt bundle is not valid base64") from exc
        return result

    # -- generic -----------------------------------------------------------------------------
    def get_json(self, path: str, params: dict[str, Any] | None = None) -> Any:
        """GET ``/v1/review`` + ``path``; the parsed JSON answer."""
        return self._get(Any, path, params)

    def post_json(self, path: str, body: Any = None) -> Any:
        return self._post(Any, path, body)

    def get_bytes(self, path: str, params: dict[str, Any] | None = None) -> Download:
        """GET a file download: its bytes, media type and suggested file name (if any)."""
        resp = self._send("GET", path, params=params)
        return Download(content=resp.content,
                        media_type=resp.headers.get("Content-Type", "application/octet-stream"),
                        filename=_filename(resp.headers.get("Content-Disposition", "")))

    # -- plumbing ----------------------------------------------------------------------------
    def _on_record(self, record_id: uuid.UUID, fn: Callable[[], T]) -> T:
        """``fn()``; a `RecordLocked` refusal learns who holds the record's lock."""
        try:
            return fn()
        except RecordLocked as exc:
            holder = exc.holder
            with contextlib.suppress(KimError):
                holder = self.record(record_id).locked_by or holder
            raise RecordLocked(holder) from exc

    def _get(self, model: type[T], path: str, params: dict[str, Any] | None = None) -> T:
        return self._call(model, "GET", path, params=params)

    def _post(self, model: type[T], path: str, body: Any) -> T:
        return self._call(model, "POST", path, json=body)

    def _call(self, model: type[T], method: str, path: str, **kwargs: Any) -> T:
        return self._parse(self._send(method, path, **kwargs), model)

    def _send(self, method: str, path: str, *, params: dict[str, Any] | None = None,
              json: Any = None, data: bytes | None = None, auth: bool = True,
              bundle: bool = False, headers: dict[str, str] | None = None,
              timeout: tuple[float, float] | None = None) -> requests.Response:
        h = dict(headers or {})
        if auth:
            token = self._token
            if token is None:
                raise NotLoggedIn("not logged in to the hub")
            h["Authorization"] = f"Bearer {token}"
        clean = {k: (v.isoformat() if isinstance(v, date) else v)
                 for k, v in (params or {}).items() if v is not None and v != ""}
        try:
            with self._lock:
                resp = self._session.request(method, self.base_url + PREFIX + path,
                                             params=clean, json=json, data=data, headers=h,
                                             timeout=timeout or self.timeout,
                                             verify=self._verify)  # no environment override
        except requests.exceptions.SSLError as exc:
            raise HubRefused("the hub's certificate could not be verified") from exc
        except requests.exceptions.RequestException as exc:
            raise Offline(f"{type(exc).__name__} talking to the hub") from exc
        if resp.status_code >= 400:
            log.info("review %s %s refused: %s", method, path.split("?")[0], resp.status_code)
            raise _error(resp, login=not auth, bundle=bundle)
        return resp

    @staticmethod
    def _parse(resp: requests.Response, model: type[T]) -> T:
        try:
            return TypeAdapter(model).validate_json(resp.content)
        except ValidationError as exc:
            raise HubUnavailable("the hub answered with something this app does not "
                                 "understand") from exc

    @staticmethod
    def _model(model: type[T], data: Any) -> T:
        try:
            return TypeAdapter(model).validate_python(data)
        except ValidationError as exc:
            raise HubUnavailable("the hub answered with something this app does not "
                                 "understand") from exc


def _decision(action: str, note: str, reason: str | None,
              duplicate_of: uuid.UUID | None) -> dict[str, Any]:
    body: dict[str, Any] = {"action": action, "note": note.strip()}
    if reason:
        body["reason"] = reason
    if duplicate_of is not None:
        body["duplicate_of"] = str(duplicate_of)
    return body


def _error_code(resp: requests.Response) -> tuple[str, str]:
    try:
        err = resp.json().get("error") or {}
        return str(err.get("code") or ""), str(err.get("message") or resp.reason)
    except (ValueError, AttributeError):
        return "", resp.reason or ""


def _error(resp: requests.Response, *, login: bool, bundle: bool) -> KimError:
    code, message = _error_code(resp)
    status = resp.status_code
    if status == 401:
        return LoginRefused(message) if login else LoginExpired(message)
    if status == 429 or code == "too_many_attempts":
        after = resp.headers.get("Retry-After", "")
        return TooManyAttempts(message, int(after) if after.isdigit() else None)
    if status == 409 and code == "locked":
        return RecordLocked(None, message)
    if status == 409 and code == "invalid_transition":
        return StatusChanged(message)
    if bundle and status in (400, 403, 413, 422):
        return BundleInvalid(f"{code or status}: {message}")
    if status == 404:
        return HubNotFound(f"{code or status}: {message}")
    return HubClient._error(resp)


def _filename(disposition: str) -> str | None:
    if not disposition:
        return None
    msg = Message()
    msg["Content-Disposition"] = disposition
    name = msg.get_filename()
    return name.replace("/", "_").replace("\\", "_") if name else None
