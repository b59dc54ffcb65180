"""Domain layer: tracking numbers that are unique across devices without coordination.

A tracking number reads ``KKDDDD-TTT-NNNN``:

* ``KKDDDD``: the kecamatan and desa digits of the device's home village (unique in a kabupaten);
* ``TTT``: a device tag of three Crockford base-32 symbols drawn at random when the device is set
  up (32,768 values; letters that are misheard on the phone, I L O U, are not used);
* ``NNNN``: the device's own counter, zero-padded to four digits and growing beyond when needed.

Two devices collide only if they are set up for the same village *and* draw the same tag
(probability about k²/65,536 for k devices in one village). The hub enforces uniqueness of the
number, so even that case is caught, never silently merged. The number is short enough to read
over the phone: "nol empat dua nol satu nol, K tujuh Q, nol nol empat dua".
"""

from __future__ import annotations

import re
import secrets

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TAG_LENGTH = 3
_PATTERN = re.compile(r"^(\d{6})-([0-9A-HJKMNP-TV-Z]{3})-(\d{4,})$")


def new_device_tag() -> str:
    return "".join(secrets.choice(CROCKFORD) for _ in range(TAG_LENGTH))


def village_digits(village_code: str) -> str:
    """``73.24.04.2010`` → ``042010``."""
    parts = village_code.split(".")
    if len(parts) != 4 or not all(p.isdigit() for p in parts):
        raise ValueError(f"not a desa/kelurahan code: {village_code!r}")
    return parts[2].zfill(2) + parts[3].zfill(4)


def format_tracking_no(village_code: str, device_tag: str, sequence: int) -> str:
    if sequence < 1:
        raise ValueError("sequence starts at 1")
    return f"{village_digits(village_code)}-{device_tag}-{sequence:04d}"


def normalise_tracking_no(text: str) -> str:
    """Accept what a person types or reads out: lower case, spaces, O for 0, I/L for 1."""
    t = re.sub(r"[\s_]+", "", text.strip().upper())
    head, sep, rest = t.partition("-")
    if sep:
        tag, sep2, seq = rest.partition("-")
        tag = tag.replace("O", "0").replace("I", "1").replace("L", "1")
        t = f"{head}-{tag}{sep2}{seq}"
    return t


def is_tracking_no(text: str) -> bool:
    return _PATTERN.match(normalise_tracking_no(text)) is not None
