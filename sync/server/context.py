"""Hub layer: the composition root of one hub process (no globals).

`build_hub` opens the database and wires the services; `create_app` keeps the result on
``app.state.hub`` and the CLI uses it directly. Routes reach it through `get_hub`.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from sync.server.accounts import AccountService
from sync.server.attachments import AttachmentStore
from sync.server.db import Database, open_database
from sync.server.enrolment import EnrolmentService
from sync.server.feed import ChangeFeed
from sync.server.forwarding import ForwardingService
from sync.server.lapor import HttpLaporAdapter, LaporConfig
from sync.server.push import PushService
from sync.server.records import RecordQueries
from sync.server.reference_import import with_published_reference
from sync.server.review import ReviewService
from sync.server.review_queries import ReviewQueries
from sync.server.sealing import install_identity_key
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
    accounts: AccountService
    review: ReviewService
    review_queries: ReviewQueries
    forwarding: ForwardingService
    lapor_http: HttpLaporAdapter | None

    def close(self) -> None:
        if self.lapor_http is not None:
            self.lapor_http.close()
        self.db.dispose()


def build_hub(settings: HubSettings) -> Hub:
    """Open the (already migrated) database of ``settings`` and wire the hub's services."""
    db = open_database(settings.db_url, pool_size=settings.db_pool_size,
                       max_overflow=settings.db_max_overflow)
    install_identity_key(db.engine, settings.identity_key_path)   # sync.server.sealing
    feed = ChangeFeed(db, clock=settings.clock)
    review = ReviewService(db, feed, clock=settings.clock)
    lapor_config = LaporConfig.load(settings.lapor_config_path)
    lapor_http = HttpLaporAdapter(lapor_config) if lapor_config else None
    return Hub(
        settings=settings,
        db=db,
        enrolment=EnrolmentService(db, clock=settings.clock,
                                   code_ttl=settings.enrolment_code_ttl),
        push=PushService(db, clock=settings.clock, payload_check=with_published_reference(
                             settings.content_check, db, settings.clock),
                         max_attachment_bytes=settings.max_attachment_bytes),
        feed=feed,
        records=RecordQueries(db),
        attachments=AttachmentStore(db, root=settings.attachments_dir, clock=settings.clock,
                                    max_bytes=settings.max_attachment_bytes),
        accounts=AccountService(db, clock=settings.clock, token_ttl=settings.login_ttl),
        review=review,
        review_queries=ReviewQueries(db, clock=settings.clock),
        forwarding=ForwardingService(
            db, review, clock=settings.clock, adapter=lapor_http,
            status_map=lapor_config.status_map if lapor_config else None),
        lapor_http=lapor_http,
    )


def get_hub(request: Request) -> Hub:
    """FastAPI dependency: the hub of the app serving this request."""
    hub: Hub = request.app.state.hub
    return hub
