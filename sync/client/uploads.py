"""Sync client: the upload form of attachments (downscaled photos without metadata), made once
and kept under ``attachments/upload/<sha256>``; shared by network sync and USB bundles."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kim_desktop.services.sync_local import Outgoing, SyncLocalService
from sync.client.photos import sha256_hex, upload_form


def upload_path(attachments_dir: Path, sha: str) -> Path:
    return attachments_dir / "upload" / sha


def prepare_uploads(local: SyncLocalService, attachments_dir: Path, items: Sequence[Outgoing],
                    max_side: int) -> dict[str, tuple[str, int]]:
    """local sha256 → (upload sha256, size) for every attachment of ``items``."""
    shas = [a.sha256 for it in items for a in it.record.attachments]
    if not shas:
        return {}
    forms = local.upload_forms(shas)
    for it in items:
        for a in it.record.attachments:
            if a.sha256 in forms:
                continue
            data = upload_form(attachments_dir / a.sha256[:2] / a.sha256, a.media_type, max_side)
            sha = sha256_hex(data)
            target = upload_path(attachments_dir, sha)
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(".part")
            tmp.write_bytes(data)
            tmp.replace(target)
            local.set_upload_form(a.sha256, sha, len(data))
            forms[a.sha256] = (sha, len(data))
    return forms
