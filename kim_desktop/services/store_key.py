"""Services layer: where this PC keeps the data key that seals reporters' identity.

For the settings page and the diagnostics: ``file`` means there was no usable OS keyring, so
the key sits in ``store.key`` in the data folder (owner-only), and a copy of the whole folder is
enough to read the identity fields. See ``storage.crypto``.
"""

from __future__ import annotations

from kim_desktop.paths import DataPaths
from kim_desktop.storage.crypto import key_location


def store_key_location(paths: DataPaths) -> str:
    """``keyring``, ``file`` or ``none`` (no store yet, or its key is not on this PC)."""
    return key_location(paths.root)


def store_key_in_file(paths: DataPaths) -> bool:
    return store_key_location(paths) == "file"
