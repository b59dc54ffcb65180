"""Hub layer: what leaves the district for SP4N-LAPOR!, and the adapters that carry it.

There is no public LAPOR! API, so the HTTP adapter's endpoint, credentials and field mapping are
configuration: ``lapor.json`` in the hub data folder (see `LaporConfig`). Without it only the
manual path exists: a plain-text sheet per complaint, re-keyed into lapor.go.id by staff, after
which the tracking id is recorded by hand.

Privacy: `outbound_fields` is the only place that builds what goes out. For an anonymous
complaint the reporter is left out entirely (not blanked: absent); a confidential complaint is
marked ``confidential: true`` (the mapping decides the field name).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import requests

from kim_desktop.domain.enums import Status

log = logging.getLogger(__name__)

CONFIG_NAME = "lapor.json"

#: our field → LAPOR! field; overridable per key in ``lapor.json`` ("field_map")
DEFAULT_FIELD_MAP: dict[str, str] = {
    "title": "judul", "body": "isi", "kind": "klasifikasi", "incident_date": "tanggal_kejadian",
    "village_code": "kode_wilayah", "location_detail": "lokasi", "category_code": "kategori",
    "agency_code": "instansi", "anonymous": "anonim", "confidential": "rahasia",
    "tracking_no": "nomor_referensi", "reporter_name": "nama_pelapor",
    "reporter_phone": "telepon_pelapor", "reporter_email": "email_pelapor",
    "reporter_nik": "nik_pelapor", "reporter_address": "alamat_pelapor",
}
#: raw LAPOR! status text (lower-case) → ours; overridable in ``lapor.json`` ("status_map")
DEFAULT_STATUS_MAP: dict[str, str] = {
    "terverifikasi": "forwarded", "diteruskan": "forwarded",
    "terdisposisi": "dispositioned", "didisposisi": "dispositioned",
    "ditindaklanjuti": "in_progress", "sedang ditindaklanjuti": "in_progress",
    "selesai": "resolved", "diarsipkan": "archived", "arsip": "archived",
}
_IDENTITY = ("name", "phone", "email", "nik", "address")


class ForwardError(Exception):
    """LAPOR! did not take the report this time; ``retryable`` says whether to try again."""

    def __init__(self, message: str, *, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


@dataclass(frozen=True)
class LaporConfig:
    endpoint: str
    token: str = ""
    timeout_seconds: float = 15.0
    field_map: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_FIELD_MAP))
    status_map: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_STATUS_MAP))

    @classmethod
    def load(cls, path: Path) -> LaporConfig | None:
        """The configuration in ``path``, or None when the file does not exist."""
        if not path.is_file():
            return None
        raw = json.loads(path.read_text(encoding="utf-8"))
        return cls(endpoint=str(raw["endpoint"]).rstrip("/"), token=str(raw.get("token", "")),
                   timeout_seconds=float(raw.get("timeout_seconds", 15.0)),
                   field_map={**DEFAULT_FIELD_MAP, **raw.get("field_map", {})},
                   status_map={**DEFAULT_STATUS_MAP,
                               **{k.lower(): v for k, v in raw.get("status_map", {}).items()}})


def outbound_fields(payload: Mapping[str, Any], *, category_code: str | None,
                    agency_code: str | None, tracking_no: str | None) -> dict[str, Any]:
    """Our field names → values of what may leave the district for one complaint."""
    out: dict[str, Any] = {k: payload.get(k) for k in (
        "title", "body", "kind", "incident_date", "village_code", "location_detail")}
    out.update(category_code=category_code or payload.get("category_code"),
               agency_code=agency_code or payload.get("agency_code"), tracking_no=tracking_no,
               anonymous=bool(payload.get("anonymous")),
               confidential=bool(payload.get("confidential")))
    if not out["anonymous"]:
        reporter = payload.get("reporter") or {}
        for key in _IDENTITY:
            if reporter.get(key):
                out[f"reporter_{key}"] = reporter[key]
    return out


def map_status(raw: str, status_map: Mapping[str, str] = DEFAULT_STATUS_MAP) -> Status | None:
    """Our status for a raw LAPOR! status text, None when unknown."""
    value = status_map.get(raw.strip().lower())
    return Status(value) if value else None


class LaporAdapter(Protocol):
    """Sends one complaint to SP4N-LAPOR! and asks for its status."""

    def send(self, fields: dict[str, Any], *, idempotency_key: str) -> str:
        """The LAPOR! tracking id; raises `ForwardError`."""
        ...

    def fetch_status(self, tracking_id: str) -> str:
        """The raw LAPOR! status text; raises `ForwardError`."""
        ...


class HttpLaporAdapter:
    """JSON over HTTPS, shaped by `LaporConfig`: ``POST {endpoint}/reports`` with an
    ``Idempotency-Key`` header answers ``{"tracking_id": "..."}``; ``GET
    {endpoint}/reports/{id}`` answers ``{"status": "..."}``."""

    def __init__(self, config: LaporConfig) -> None:
        self.config = config
        self._http = requests.Session()
        if config.token:
            self._http.headers["Authorization"] = f"Bearer {config.token}"

    def send(self, fields: dict[str, Any], *, idempotency_key: str) -> str:
        body = {self.config.field_map.get(k, k): v for k, v in fields.items()}
        answer = self._call("POST", "/reports", json=body,
                            headers={"Idempotency-Key": idempotency_key})
        tracking = answer.get("tracking_id")
        if not isinstance(tracking, str | int) or not str(tracking).strip():
            raise ForwardError("LAPOR! answer carries no tracking id", retryable=False)
        return str(tracking)

    def fetch_status(self, tracking_id: str) -> str:
        answer = self._call("GET", f"/reports/{tracking_id}")
        return str(answer.get("status", ""))

    def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            r = self._http.request(method, self.config.endpoint + path,
                                   timeout=self.config.timeout_seconds, **kwargs)
        except requests.RequestException as exc:
            raise ForwardError(f"LAPOR! unreachable ({type(exc).__name__})",
                               retryable=True) from exc
        if r.status_code >= 500 or r.status_code == 429:
            raise ForwardError(f"LAPOR! answered {r.status_code}", retryable=True)
        if r.status_code >= 400:
            raise ForwardError(f"LAPOR! refused the report ({r.status_code})", retryable=False)
        try:
            answer = r.json()
        except ValueError as exc:
            raise ForwardError("LAPOR! answer is not JSON", retryable=True) from exc
        return answer if isinstance(answer, dict) else {}

    def close(self) -> None:
        self._http.close()


_SHEET_LABELS = (
    ("tracking_no", "Nomor laporan KIM"), ("kind", "Klasifikasi"), ("title", "Judul laporan"),
    ("body", "Isi laporan"), ("incident_date", "Tanggal kejadian"),
    ("village_code", "Kode desa/kelurahan"), ("location_detail", "Lokasi kejadian"),
    ("category_code", "Kategori"), ("agency_code", "Instansi tujuan"),
    ("reporter_name", "Nama pelapor"), ("reporter_phone", "Telepon pelapor"),
    ("reporter_email", "Email pelapor"), ("reporter_nik", "NIK pelapor"),
    ("reporter_address", "Alamat pelapor"),
)


def manual_sheet(fields: Mapping[str, Any], *, record_id: str) -> str:
    """A plain-text sheet for re-keying one complaint into lapor.go.id."""
    lines = ["LEMBAR INPUT SP4N-LAPOR! (lapor.go.id)", f"ID KIM: {record_id}", ""]
    if fields.get("anonymous"):
        lines.append("*** ANONIM: centang 'Anonim' di lapor.go.id; identitas pelapor TIDAK "
                     "dicantumkan ***")
    if fields.get("confidential"):
        lines.append("*** RAHASIA: centang 'Rahasia' di lapor.go.id ***")
    for key, label in _SHEET_LABELS:
        value = fields.get(key)
        if value not in (None, ""):
            lines.append(f"{label}: {value}")
    lines += ["", "Setelah dikirim, catat nomor SP4N-LAPOR! (7 digit) di aplikasi KIM Hub."]
    return "\n".join(lines) + "\n"
