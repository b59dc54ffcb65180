"""Sync client: the hub's HTTP API over one kept-alive `requests` session.

Request bodies are gzip-compressed JSON; responses are parsed into `sync.protocol` models.
Failures become `KimError`s at this boundary: connection problems `Offline`, 5xx
`HubUnavailable`, refusals by their ``error.code``.

On the wire: HTTPS is the rule; plain HTTP to anything but this computer (loopback) is refused
unless the insecure setting allows it explicitly; certificates are always verified, against the
district's own CA bundle when one is set (else the system's trust store).
Every request of the app (enrolment, sync, attachments) goes through `HubClient`, so these rules
hold for all of them.
"""

from __future__ import annotations

import gzip
import ipaddress
import logging
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import requests
from pydantic import BaseModel, ValidationError

from kim_desktop import __version__
from kim_desktop.domain.errors import (
    EnrolmentRefused,
    EnrolmentRevoked,
    HubRefused,
    HubUnavailable,
    InvalidInput,
    KimError,
    Offline,
    UpdateRequired,
)
from sync.protocol import (
    AttachmentStatus,
    BundleKey,
    DeviceReport,
    DeviceReportReceipt,
    EnrollRequest,
    EnrollResponse,
    ErrorBody,
    HandshakeRequest,
    HandshakeResponse,
    HealthResponse,
    PullResponse,
    PushRequest,
    PushResponse,
    ReconcileRequest,
    ReconcileResponse,
)

log = logging.getLogger(__name__)
M = TypeVar("M", bound=BaseModel)

CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 60.0


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_hub_url(url: str, *, allow_insecure: bool = False) -> str:
    """Normalise a hub address; refuse plain HTTP to a non-loopback host unless allowed."""
    u = url.strip().rstrip("/")
    parts = urlsplit(u)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidInput(f"hub address must look like https://host[:port], not {url!r}")
    if parts.scheme == "http" and not is_loopback(u) and not allow_insecure:
        raise InvalidInput("plain HTTP to a hub that is not on this computer is refused; "
                           "use https:// (or allow insecure HTTP explicitly in settings)")
    return u


def check_ca_bundle(path: str | None) -> str | bool:
    """What `requests` verifies against: the district's CA bundle (a readable PEM file holding
    at least one certificate) or, without one, the system's trust store (True). Never False."""
    if not path:
        return True
    try:
        text = Path(path).read_text(encoding="ascii", errors="replace")
    except OSError as e:
        raise InvalidInput(f"ca_bundle: the CA certificate file cannot be read ({path})") from e
    if "-----BEGIN CERTIFICATE-----" not in text:
        raise InvalidInput(f"ca_bundle: {path} holds no PEM certificate")
    return str(path)


class HubClient:
    """One hub, one kept-alive connection. Not thread-safe: one per sync thread."""

    def __init__(self, base_url: str, *, token: str | None = None,
                 allow_insecure: bool = False, ca_bundle: str | None = None,
                 timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT)) -> None:
        self.base_url = check_hub_url(base_url, allow_insecure=allow_insecure)
        self.timeout = timeout
        self.bytes_sent = 0
        self._session = requests.Session()
        self._session.headers["User-Agent"] = f"kim-desktop/{__version__}"
        self._session.headers["Accept-Encoding"] = "gzip"
        self._verify = check_ca_bundle(ca_bundle)
        self._session.verify = self._verify
        if token:
            self._session.headers["Authorization"] = f"Bearer {token}"

    def close(self) -> None:
        self._session.close()

    # -- calls -----------------------------------------------------------------------------
    def health(self, timeout: float = 5.0) -> HealthResponse:
        return self._call("GET", "/health", HealthResponse, timeout=(timeout, timeout))

    def enroll(self, req: EnrollRequest) -> EnrollResponse:
        return self._call("POST", "/v1/enroll", EnrollResponse, body=req)

    def handshake(self, req: HandshakeRequest) -> HandshakeResponse:
        return self._call("POST", "/v1/handshake", HandshakeResponse, body=req)

    def push(self, req: PushRequest) -> PushResponse:
        return self._call("POST", "/v1/push", PushResponse, body=req)

    def reconcile(self, req: ReconcileRequest) -> ReconcileResponse:
        return self._call("POST", "/v1/reconcile", ReconcileResponse, body=req)

    def changes(self, cursor: str | None, limit: int) -> PullResponse:
        return self._call("GET", "/v1/changes", PullResponse,
                          params={"cursor": cursor or "", "limit": limit})

    def register_bundle_key(self, public_key: str) -> BundleKey:
        return self._call("PUT", "/v1/bundle-key", BundleKey, body=BundleKey(public_key=public_key))

    def report_device(self, report: DeviceReport) -> DeviceReportReceipt:
        """Tell the hub this device's unsent backlog and last sync error (a hub that predates
        device reports answers 404: `HubRefused`)."""
        return self._call("PUT", "/v1/device-report", DeviceReportReceipt, body=report)

    def attachment_status(self, sha256: str) -> AttachmentStatus:
        return self._call("GET", f"/v1/attachments/{sha256}", AttachmentStatus)

    def upload_range(self, sha256: str, data: bytes, start: int, total: int
                     ) -> AttachmentStatus:
        """Send ``data`` as bytes ``start..`` of ``total``. A range mismatch raises
        `RangeMismatch` carrying where the hub wants to resume."""
        headers = {"Content-Range": f"bytes {start}-{start + len(data) - 1}/{total}",
                   "Content-Type": "application/octet-stream"}
        return self._call("PUT", f"/v1/attachments/{sha256}", AttachmentStatus, raw=data,
                          headers=headers)

    # -- plumbing --------------------------------------------------------------------------
    def _call(self, method: str, path: str, model: type[M], *, body: BaseModel | None = None,
              raw: bytes | None = None, params: dict[str, Any] | None = None,
              headers: dict[str, str] | None = None,
              timeout: tuple[float, float] | None = None) -> M:
        h = dict(headers or {})
        data: bytes | None = raw
        if body is not None:
            data = gzip.compress(body.model_dump_json().encode("utf-8"), compresslevel=6, mtime=0)
            h.update({"Content-Type": "application/json", "Content-Encoding": "gzip"})
        try:
            resp = self._session.request(method, self.base_url + path, data=data, params=params,
                                         headers=h, timeout=timeout or self.timeout,
                                         verify=self._verify)  # no environment override
        except requests.exceptions.SSLError as e:
            raise HubRefused("the hub's certificate could not be verified") from e
        except requests.exceptions.RequestException as e:
            raise Offline(f"{type(e).__name__} talking to the hub") from e
        finally:
            self.bytes_sent += len(data or b"")
        if resp.status_code >= 400:
            raise self._error(resp)
        try:
            return model.model_validate_json(resp.content)
        except ValidationError as e:
            raise HubUnavailable("the hub answered with something this app does not understand"
                                 ) from e

    @staticmethod
    def _error(resp: requests.Response) -> KimError:
        code, message, received = "", resp.reason, None
        try:
            err = ErrorBody.model_validate_json(resp.content).error
            code, message, received = err.code, err.message, err.received_bytes
        except ValidationError:
            pass
        if resp.status_code >= 500:
            return HubUnavailable(f"hub error {resp.status_code}")
        if code == "enrolment_revoked" or resp.status_code == 401:
            return EnrolmentRevoked(message)
        if code == "enrolment_refused":
            return EnrolmentRefused(message)
        if code == "update_required" or resp.status_code == 426:
            return UpdateRequired(message)
        if code == "range_mismatch" and received is not None:
            return RangeMismatch(received)
        if resp.status_code in (408, 429):
            return HubUnavailable(f"hub busy ({resp.status_code})")
        return HubRefused(f"{code or resp.status_code}: {message}")


class RangeMismatch(HubRefused):
    """The hub holds a different number of bytes of an upload than we assumed."""

    code = "range_mismatch"
    retryable = True

    def __init__(self, received_bytes: int) -> None:
        super().__init__(f"upload must resume at {received_bytes}")
        self.received_bytes = received_bytes
