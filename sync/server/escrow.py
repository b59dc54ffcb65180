"""Hub layer: key escrow: each device's store data key, wrapped to the district's public key.

A village PC seals its reporters' identity with a data key that lives only in its keyring. So
that the district can recover residents' contact data when a PC dies, the device sends that key
encrypted to the district's X25519 escrow public key (``GET``/``PUT /v1/escrow``). The hub keeps
only that ciphertext, one JSON file per device under ``<data dir>/escrow/`` (owner-only), and
cannot open it: the private key is made by ``kim-hub escrow keygen`` on a machine of district IT
and kept offline. ``kim-hub escrow export --device ID`` hands the wrapped key to district IT, who
open a copy of the dead PC's store with ``kim recover-contacts``.

The public key is hub configuration: ``escrow.pub`` in the hub's data folder. Without it the
route answers 404 and devices carry on without escrow.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import re
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from fastapi import APIRouter

from kim_desktop.domain.errors import InvalidInput, NotFound
from sync.protocol import ESCROW_SCHEME, ErrorCode, EscrowDeposit, EscrowKeyResponse, EscrowReceipt
from sync.server.auth import CurrentDevice, HubDep
from sync.server.errors import HubError, not_found
from sync.server.settings import Clock, HubSettings

log = logging.getLogger(__name__)

PUBLIC_FILE, PRIVATE_FILE = "escrow.pub", "escrow-private.key"
_DEVICE_ID = re.compile(r"^[0-9a-f-]{36}$")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii")


def fingerprint(public_key: str) -> str:
    return hashlib.sha256(base64.urlsafe_b64decode(public_key)).hexdigest()[:16]


def _write_private(path: Path, text: str, mode: int) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(text + "\n")
        f.flush()
        os.fsync(f.fileno())


def keygen(out_dir: Path) -> tuple[Path, Path, str]:
    """A new escrow key pair in ``out_dir``: ``escrow.pub`` and ``escrow-private.key``
    (owner-only). Refuses to overwrite. Returns both paths and the fingerprint."""
    out_dir.mkdir(parents=True, exist_ok=True)
    public, private = out_dir / PUBLIC_FILE, out_dir / PRIVATE_FILE
    if public.exists() or private.exists():
        raise InvalidInput(f"out: {out_dir} already holds an escrow key pair; choose another "
                           "folder (an existing key is never overwritten)")
    key = X25519PrivateKey.generate()
    pub_text = _b64(key.public_key().public_bytes_raw())
    _write_private(private, _b64(key.private_bytes_raw()), 0o600)
    _write_private(public, pub_text, 0o644)
    return public, private, fingerprint(pub_text)


def read_public_key(path: Path) -> str | None:
    """The escrow public key of ``path`` (base64 of 32 raw bytes), or None when absent."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return None
    try:
        X25519PublicKey.from_public_bytes(base64.urlsafe_b64decode(text))
    except ValueError as exc:
        raise InvalidInput(f"escrow public key: {path} is not an X25519 public key") from exc
    return text


class EscrowStore:
    """The wrapped data keys of the devices (files; the hub never holds the private key)."""

    def __init__(self, settings: HubSettings, clock: Clock) -> None:
        self._pub, self._dir, self._clock = (settings.escrow_public_key_path,
                                             settings.escrow_dir, clock)

    def public_key(self) -> EscrowKeyResponse | None:
        text = read_public_key(self._pub)
        if text is None:
            return None
        return EscrowKeyResponse(scheme=ESCROW_SCHEME, public_key=text,
                                 fingerprint=fingerprint(text))

    def deposit(self, device_id: str, body: EscrowDeposit) -> EscrowReceipt:
        current = self.public_key()
        if current is None:
            raise not_found("escrow key")
        if body.fingerprint != current.fingerprint:
            raise HubError(422, ErrorCode.INVALID_REQUEST, "fingerprint: the escrow key changed; "
                           "fetch GET /v1/escrow and wrap the key again")
        now = self._clock()
        self._dir.mkdir(parents=True, exist_ok=True)
        doc = {"device_id": device_id, "scheme": body.scheme, "fingerprint": body.fingerprint,
               "key_id": body.key_id, "wrapped_key": body.wrapped_key,
               "received_at": now.isoformat()}
        target = self._dir / f"{device_id}.json"
        part = target.with_suffix(".part")
        part.unlink(missing_ok=True)
        _write_private(part, json.dumps(doc, indent=1), 0o600)
        part.replace(target)
        log.info("escrow: data key %s of device %s deposited", body.key_id, device_id)
        return EscrowReceipt(fingerprint=body.fingerprint, key_id=body.key_id, received_at=now)

    def export(self, device_id: str) -> str:
        """The deposited wrapped key of a device (JSON text) for district IT."""
        if not _DEVICE_ID.match(device_id):
            raise InvalidInput("device: not a device id")
        path = self._dir / f"{device_id}.json"
        if not path.exists():
            raise NotFound("escrowed key of device", device_id)
        return path.read_text(encoding="utf-8")


router = APIRouter(prefix="/v1", tags=["escrow"])


@router.get("/escrow", response_model=EscrowKeyResponse,
            summary="The district's escrow public key (404: this hub has none)")
def escrow_key(_device: CurrentDevice, hub: HubDep) -> EscrowKeyResponse:
    found = EscrowStore(hub.settings, hub.settings.clock).public_key()
    if found is None:
        raise not_found("escrow key")
    return found


@router.put("/escrow", response_model=EscrowReceipt,
            summary="Deposit this device's data key, wrapped to the escrow public key")
def escrow_deposit(body: EscrowDeposit, device: CurrentDevice, hub: HubDep) -> EscrowReceipt:
    return EscrowStore(hub.settings, hub.settings.clock).deposit(device.id, body)
