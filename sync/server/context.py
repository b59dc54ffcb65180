"""Hub layer: the composition root of one hub process (no globals).

`build_hub` opens the database and wires the services; `create_app` keeps the result on
``app.state.hub`` and the CLI uses it directly. Routes reach it through `get_hub`.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from sync.server.attachments import AttachmentStore
from sync.server.db import Database, open_database
from sync.server.enrolment import EnrolmentService
from sync.server.feed import ChangeFeed
from sync.server.push import PushService
from sync.server.records import RecordQueries
from sync.server.settings import HubSettings


@dataclass(frozen=True)
class Hub:
    settings: HubSettings
    db: Database
    enrolment: EnrolmentService
    push: PushService
    feed: ChangeFeed
    records: RecordQueries
    attachments: AttachmentStore

    def close(self) -> None:
        self.db.dispose()


def build_hub(settings: HubSettings) -> Hub:
    """Open the (already migrated) database of ``settings`` and wire the hub's services."""
    db = open_database(settings.db_url, pool_size=settings.db_pool_size,
                       max_overflow=settings.db_max_overflow)
    return Hub(
        settings=settings,
        db=db,
        enrolment=EnrolmentService(db, clock=settings.clock,
                                   code_ttl=settings.enrolment_code_ttl),
        push=PushService(db, clock=settings.clock, payload_check=settings.content_check,
                         max_attachment_bytes=settings.max_attachment_bytes),
        feed=ChangeFeed(db, clock=settings.clock),
        records=RecordQueries(db),
        attachments=AttachmentStore(db, root=settings.attachments_dir, clock=settings.clock,
                                    max_bytes=settings.max_attachment_bytes),
    )


def get_hub(request: Request) -> Hub:
    """FastAPI dependency: the hub of the app serving this request."""
    hub: Hub = request.app.state.hub
    return hub
