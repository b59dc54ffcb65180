"""Sync layer (shared by client and hub): USB sync bundles for villages without a signal.

A bundle is a zip holding ``manifest.json`` and the files it lists with their SHA-256; the
zip comment holds an Ed25519 signature over every byte of the file before it. A *push*
bundle carries the same `PushRequest` a network push would send (``push.json``) and the
upload form of each attachment (``attachments/<sha256>``); a *receipt* bundle carries the hub's `PushResponse`
(``results.json``) and the change feed for that device (``changes.json``).

Reading checks, in order: the signature over the whole file is valid, every listed file is
present with its hash, and nothing else is there. Any change to any byte fails
one of these, and the bundle is refused with `BundleRefused`. The key that signed a bundle is
pinned by whoever reads it first (the hub per device, the village per hub).
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from pydantic import AwareDatetime, BaseModel, ConfigDict, ValidationError

BUNDLE_FORMAT = "kim-bundle"
BUNDLE_VERSION = 1
MAX_BUNDLE_BYTES = 512 * 1024 * 1024
BundleKind = Literal["push", "receipt"]


class BundleRefused(Exception):
    """The file is not a bundle we can trust: damaged, modified, or signed by another key."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason     # damaged | signature | tampered | wrong_kind | key_changed |
                                 # key_unknown


class BundleManifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["kim-bundle"] = "kim-bundle"
    version: int = BUNDLE_VERSION
    kind: BundleKind
    bundle_id: str
    created_at: AwareDatetime
    #: who signed: the village device (push) or the hub (receipt)
    signer: str
    public_key: str                     # base64 of the raw 32-byte Ed25519 public key
    device_id: str                      # the village device the bundle is from / for
    village_code: str
    role: str
    device_tag: str = ""
    #: push: the feed cursor the village has applied, so the receipt carries what is newer
    cursor: str | None = None
    files: dict[str, str]               # name → sha256 hex


def public_key_text(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def _safe_name(name: str) -> bool:
    return (not name.startswith(("/", "\\")) and ".." not in name.split("/")
            and all(ch.isalnum() or ch in "._-/" for ch in name))


SIG_MAGIC = b"KIMSIG1"
SIG_TRAILER = len(SIG_MAGIC) + 64          # the zip comment: magic + Ed25519 signature


def write_bundle(path: Path, manifest: BundleManifest, files: dict[str, bytes],
                 key: Ed25519PrivateKey) -> Path:
    """Sign and write a bundle atomically. ``manifest.files`` is filled in here.

    The signature covers every byte of the file before it (it sits in the zip comment, whose
    length is fixed), so changing any byte anywhere is detected, metadata included.
    """
    for name in files:
        if not _safe_name(name):
            raise ValueError(f"unsafe file name in bundle: {name!r}")
    manifest = manifest.model_copy(update={
        "files": {n: hashlib.sha256(b).hexdigest() for n, b in files.items()},
        "public_key": public_key_text(key)})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr("manifest.json", manifest.model_dump_json().encode("utf-8"))
        for name, data in files.items():
            # photos and PDFs are compressed already
            kind = zipfile.ZIP_STORED if name.startswith("attachments/") else zipfile.ZIP_DEFLATED
            z.writestr(name, data, compress_type=kind)
        z.comment = b"\0" * SIG_TRAILER
    body = buffer.getvalue()[:-SIG_TRAILER]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.part")
    with open(tmp, "wb") as f:
        f.write(body + SIG_MAGIC + key.sign(body))
        f.flush()
        os.fsync(f.fileno())
    tmp.replace(path)
    return path


def read_bundle(path: Path, *, kind: BundleKind, trusted_key: str | None = None
                ) -> tuple[BundleManifest, dict[str, bytes]]:
    """Verify and read a bundle; see the module docstring for what is checked."""
    try:
        if path.stat().st_size > MAX_BUNDLE_BYTES:
            raise BundleRefused("damaged", "the file is too large to be a KIM bundle")
        data = path.read_bytes()
    except OSError as e:
        raise BundleRefused("damaged", f"the bundle cannot be read ({type(e).__name__})") from e
    if len(data) <= SIG_TRAILER or data[-SIG_TRAILER:-64] != SIG_MAGIC:
        raise BundleRefused("damaged", "the file is damaged or not a KIM bundle")
    signed, sig = data[:-SIG_TRAILER], data[-64:]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            try:
                manifest = BundleManifest.model_validate_json(z.read("manifest.json"))
            except ValidationError as e:
                raise BundleRefused("damaged", "the bundle's manifest is not valid") from e
            _verify(manifest, signed, sig, trusted_key)
            if manifest.kind != kind:
                raise BundleRefused("wrong_kind", f"this is a {manifest.kind} bundle, "
                                                  f"not a {kind} bundle")
            if names != set(manifest.files) | {"manifest.json"}:
                raise BundleRefused("tampered", "the bundle holds files its manifest does not "
                                                "list, or lacks some")
            files = {}
            for name, digest in manifest.files.items():
                content = z.read(name)
                if hashlib.sha256(content).hexdigest() != digest:
                    raise BundleRefused("tampered", f"{name} was changed after signing")
                files[name] = content
    except BundleRefused:
        raise
    except Exception as e:  # untrusted bytes: any parse failure means the file is damaged
        # CRC errors, broken deflate streams, "unsupported compression" from a flipped header
        # byte, struct errors: whatever zipfile raises on a changed file
        raise BundleRefused("damaged", "the file is damaged or not a KIM bundle") from e
    return manifest, files


def _verify(manifest: BundleManifest, body: bytes, sig: bytes, trusted_key: str | None) -> None:
    if trusted_key is not None and manifest.public_key != trusted_key:
        raise BundleRefused("key_changed", "the bundle is signed by a different key than "
                                           "earlier bundles from the same sender")
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(manifest.public_key,
                                                                  validate=True))
        key.verify(sig, body)
    except (InvalidSignature, ValueError) as e:
        raise BundleRefused("signature", "the bundle's signature does not match: it was "
                                         "changed after it was made") from e


def new_signing_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def key_to_text(key: Ed25519PrivateKey) -> str:
    from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return base64.b64encode(raw).decode("ascii")


def key_from_text(text: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(text))


def created_now() -> datetime:
    from datetime import UTC

    return datetime.now(UTC)
