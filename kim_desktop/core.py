"""Composition of the application core (storage + services) for one data folder.

Used by the `kim` command and by ``app.py`` (which adds the sync client and the UI). No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kim_desktop.paths import DataPaths, preset_file, resource_path
from kim_desktop.services.activities import ActivityService
from kim_desktop.services.attachments import AttachmentStore
from kim_desktop.services.base import ServiceContext
from kim_desktop.services.complaints import ComplaintService
from kim_desktop.services.device import DeviceService
from kim_desktop.services.preferences import PreferencesService
from kim_desktop.services.reference import ReferenceService
from kim_desktop.services.status import StatusService
from kim_desktop.storage.db import open_store


@dataclass(frozen=True)
class Core:
    paths: DataPaths
    ctx: ServiceContext
    reference: ReferenceService
    preferences: PreferencesService
    device: DeviceService
    complaints: ComplaintService
    activities: ActivityService
    status: StatusService
    files: AttachmentStore

def build_core(paths: DataPaths, ctx: ServiceContext | None = None,
               seed_dir: Path | None = None) -> Core:
    """Open (create or migrate) the store under ``paths`` and build the services."""
    if ctx is None:
        ctx = ServiceContext(open_store(paths.store, paths.backups))
    reference = ReferenceService(ctx, seed_dir or resource_path("data"))
    reference.ensure_seeded()
    prefs = PreferencesService(ctx, preset_file())
    files = AttachmentStore(paths.attachments)

    return Core(
        paths=paths, ctx=ctx, reference=reference, preferences=prefs,
        device=DeviceService(ctx, reference.data()),
        complaints=ComplaintService(ctx, reference, files, prefs.get),
        activities=ActivityService(ctx, reference, files, prefs.get),
        status=StatusService(ctx), files=files)
