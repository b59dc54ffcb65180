"""Sync client: the store's data key deposited with the district (key escrow).

Right after enrolment, and on later syncs until it is done, the device asks the hub for the
district's escrow public key (``GET /v1/escrow``), wraps its store data key to it
(`storage.crypto.wrap_key`) and deposits the result (``PUT /v1/escrow``). The hub can not open
it; district IT can, with the private key kept offline (``kim recover-contacts``). A hub without
escrow (404, or a hub that predates it) is no error: the device tries again on the next sync.
The fingerprint of the key deposited to is kept in ``store_key`` so it is sent once.
"""

from __future__ import annotations

import logging

from sqlalchemy import select

from kim_desktop.domain.errors import HubRefused
from kim_desktop.services.base import ServiceContext
from kim_desktop.storage.crypto import ESCROW_SCHEME, data_key, wrap_key
from kim_desktop.storage.db import transaction
from kim_desktop.storage.rows import StoreKeyRow
from sync.client.http import HubClient
from sync.protocol import EscrowDeposit, EscrowKeyResponse, EscrowReceipt

log = logging.getLogger(__name__)


def deposit_data_key(ctx: ServiceContext, client: HubClient) -> bool:
    """Deposit the data key if the hub has an escrow key it was not yet deposited to; True
    when the hub holds it now."""
    try:
        offered = client._call("GET", "/v1/escrow", EscrowKeyResponse)
    except HubRefused:
        log.info("escrow: the hub publishes no escrow key")
        return False
    with transaction(ctx.sessions) as s:
        row = s.scalars(select(StoreKeyRow)).one()
        if row.escrow_fingerprint == offered.fingerprint:
            return True
    engine = ctx.sessions.kw["bind"]
    key_id, key = data_key(engine)
    deposit = EscrowDeposit(scheme=ESCROW_SCHEME, fingerprint=offered.fingerprint, key_id=key_id,
                            wrapped_key=wrap_key(offered.public_key, key_id, key))
    receipt = client._call("PUT", "/v1/escrow", EscrowReceipt, body=deposit)
    with transaction(ctx.sessions) as s:
        s.scalars(select(StoreKeyRow)).one().escrow_fingerprint = receipt.fingerprint
    log.info("escrow: data key deposited (escrow key %s)", receipt.fingerprint)
    return True
