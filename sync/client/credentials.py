"""Sync client: the device token, kept only in the OS keyring.

Never in the store, a config file or a log. When no usable keyring exists, the token is held in
memory for this run only (``persistent`` is False) and the caller tells the user so; there is no
plaintext fallback.
"""

from __future__ import annotations

import contextlib
import logging

import keyring
from keyring.errors import KeyringError, NoKeyringError

log = logging.getLogger(__name__)
SERVICE = "kim-desktop"


class CredentialStore:
    """The device token for one store (keyed by the local device id)."""

    def __init__(self, device_id: str) -> None:
        self._user = f"device-token:{device_id}"
        self._memory: str | None = None
        self.persistent = True

    def usable(self) -> bool:
        """True when the OS keyring can keep a secret across runs."""
        try:
            backend = keyring.get_keyring()
            from keyring.backends import fail

            if isinstance(backend, fail.Keyring):
                return False
            keyring.get_password(SERVICE, "probe")
            return True
        except (KeyringError, NoKeyringError, RuntimeError):
            return False

    def get(self) -> str | None:
        if self._memory is not None:
            return self._memory
        try:
            return keyring.get_password(SERVICE, self._user)
        except (KeyringError, NoKeyringError, RuntimeError):
            log.warning("keyring unavailable when reading the device token")
            return None

    def set(self, token: str) -> bool:
        """Store the token; returns False when it could only be kept in memory."""
        try:
            if not self.usable():
                raise NoKeyringError("no usable keyring")
            keyring.set_password(SERVICE, self._user, token)
            self._memory, self.persistent = None, True
            return True
        except (KeyringError, NoKeyringError, RuntimeError):
            log.warning("no usable keyring: device token kept in memory for this run only")
            self._memory, self.persistent = token, False
            return False

    def signing_key_text(self) -> str | None:
        """This device's bundle-signing key (created on first use), or None without a keyring."""
        user = self._user.replace("device-token:", "device-key:")
        try:
            existing = keyring.get_password(SERVICE, user)
            if existing:
                return existing
            if not self.usable():
                return None
            from sync.bundle import key_to_text, new_signing_key

            text = key_to_text(new_signing_key())
            keyring.set_password(SERVICE, user, text)
            return text
        except (KeyringError, NoKeyringError, RuntimeError):
            return None

    def clear(self) -> None:
        self._memory = None
        with contextlib.suppress(KeyringError, NoKeyringError, RuntimeError):
            keyring.delete_password(SERVICE, self._user)
