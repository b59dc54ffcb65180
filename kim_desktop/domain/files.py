"""Domain layer: what an attachment is (decided by its first bytes) and safe file names.

Both sides use these rules: the village when a file is attached, the hub when bytes arrive.
A file's type is decided by its content (magic bytes), never by its name. Any name that comes
from outside (an attachment's original name, a tracking number in a receipt's file name, a name
inside a bundle) goes through `safe_filename` before it becomes part of a path, so that it can
never climb out of its folder or name a device on Windows.
"""

from __future__ import annotations

import re

#: the attachment types DOMAIN.md allows: photos (JPEG/PNG) and PDF, by their magic bytes
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"%PDF-", "application/pdf"),
)
ALLOWED_MEDIA_TYPES = frozenset(media_type for _, media_type in MAGIC)
#: how many leading bytes `sniff_media_type` needs at most
SNIFF_BYTES = max(len(magic) for magic, _ in MAGIC)

#: names Windows reserves for devices, with or without an extension ("CON", "con.txt", "COM1")
_RESERVED = re.compile(r"^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$",
                       re.IGNORECASE)
_DRIVE = re.compile(r"^[A-Za-z]:")
MAX_NAME = 120


def sniff_media_type(head: bytes) -> str | None:
    """The media type of content starting with ``head``, or None when it is not allowed."""
    for magic, media_type in MAGIC:
        if head.startswith(magic):
            return media_type
    return None


def safe_filename(name: str, default: str = "lampiran") -> str:
    """One harmless file name made from ``name``: never a path, never a device name.

    Only the last component survives (``/``, ``\\`` and a drive letter ``C:`` all separate),
    characters other than letters, digits and ``._- ()`` become ``_`` (NUL and other control
    characters included), leading and trailing dots and spaces go (Windows drops them, and
    ``..`` would mean the parent), reserved names like ``CON`` or ``lpt1.txt`` get a ``_`` in
    front, and the result is at most `MAX_NAME` characters. An empty result becomes
    ``default``.
    """
    base = _DRIVE.sub("", name.replace("\\", "/")).rsplit("/", 1)[-1]
    cleaned = "".join(ch if (ch.isalnum() and ch.isprintable()) or ch in "._- ()" else "_"
                      for ch in base).strip(". ")
    if _RESERVED.match(cleaned):
        cleaned = "_" + cleaned
    cleaned = cleaned[:MAX_NAME].rstrip(". ")
    return cleaned or default


def is_safe_filename(name: str) -> bool:
    """Whether ``name`` is already what `safe_filename` would make of it."""
    return bool(name) and safe_filename(name, default="") == name
