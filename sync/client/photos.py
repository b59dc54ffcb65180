"""Sync client: what a photo looks like when it leaves the device.

Photos are turned upright, downscaled so the longest side is at most ``max_side`` pixels and
re-encoded *without* any metadata: EXIF (camera, time, GPS), XMP and comments are dropped. PDFs go
as they are. The result is deterministic, so its SHA-256 is stable across retries.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from PIL import Image, ImageOps

PHOTO_TYPES = ("image/jpeg", "image/png")


def upload_form(source: Path, media_type: str, max_side: int) -> bytes:
    """The bytes to upload for a stored attachment."""
    data = source.read_bytes()
    if media_type not in PHOTO_TYPES:
        return data
    with Image.open(io.BytesIO(data)) as img:
        img = ImageOps.exif_transpose(img)
        if max(img.size) > max_side:
            img.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        if media_type == "image/jpeg":
            img.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
        else:
            # a fresh image carries pixels only: no text chunks, no eXIf chunk
            clean = Image.frombytes(img.mode, img.size, img.tobytes())
            if img.mode == "P" and img.getpalette():
                clean.putpalette(img.getpalette() or [])
            clean.save(out, "PNG", optimize=True)
        return out.getvalue()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
