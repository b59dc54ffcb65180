"""Hub layer: device identity: tokens and codes as hashes, and the scope of a device.

Tokens are 32 random bytes (URL-safe text) handed out once at enrolment; enrolment codes are 12
Crockford base-32 symbols, easy to read over the phone. The hub stores only SHA-256 hashes of
both. Scope: an operator device sees and changes the records of its village; a trainer device
only the records it pushed itself.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass

from kim_desktop.domain.tracking import CROCKFORD

TOKEN_BYTES = 32
CODE_SYMBOLS = 12
ALL_SCOPE = "all"


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def new_enrolment_code() -> str:
    """``K7Q2-M9XD-4HTB``: 60 random bits in groups of four."""
    symbols = "".join(secrets.choice(CROCKFORD) for _ in range(CODE_SYMBOLS))
    return "-".join(symbols[i:i + 4] for i in range(0, CODE_SYMBOLS, 4))


def normalise_code(text: str) -> str:
    """What a person types: any case, spaces or dashes, O for 0, I or L for 1."""
    t = re.sub(r"[\s\-_]+", "", text.strip().upper())
    return t.replace("O", "0").replace("I", "1").replace("L", "1")


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def scope_of(role: str, village_code: str, device_id: str) -> str:
    """The scope key of records pushed by such a device (see ``current_records.scope``)."""
    return f"village:{village_code}" if role == "operator" else f"device:{device_id}"


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    """The enrolled device behind a request's token."""

    id: str
    village_code: str
    role: str

    @property
    def scope(self) -> str:
        return scope_of(self.role, self.village_code, self.id)
