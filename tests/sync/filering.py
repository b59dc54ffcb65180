"""A keyring backend for subprocess tests only: secrets in a JSON file named by KIM_RING_FILE,
so a token stored by the test process can be read by a `kim` subprocess."""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend


class FileRing(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def _load(self) -> dict[str, str]:
        try:
            return dict(json.loads(Path(os.environ["KIM_RING_FILE"]).read_text()))
        except FileNotFoundError:
            return {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\0{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\0{username}"] = password
        Path(os.environ["KIM_RING_FILE"]).write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        data.pop(f"{service}\0{username}", None)
        Path(os.environ["KIM_RING_FILE"]).write_text(json.dumps(data))


def copy_into_file(path: Path) -> None:
    """Write the current (in-memory test) keyring's secrets into ``path``."""
    ring = keyring.get_keyring()
    store = getattr(ring, "store", {})
    path.write_text(json.dumps({f"{s}\0{u}": p for (s, u), p in store.items()}))
