"""Domain layer: the status machine of complaints and activities.

Village side ``draft → queued → sending → received``; district review ``returned``, ``rejected``,
``verified``; complaints then follow SP4N-LAPOR! (``forwarded → dispositioned → in_progress →
resolved``, ``archived`` as a side exit). Activities end at ``verified``. Any other change raises
`InvalidTransition`.
"""

from __future__ import annotations

from kim_desktop.domain.enums import Entity, Status
from kim_desktop.domain.errors import InvalidTransition

S = Status

_COMMON: dict[Status, frozenset[Status]] = {
    S.DRAFT: frozenset({S.QUEUED}),
    # withdraw to draft; the sync engine takes it; a record the hub can never accept is set aside
    S.QUEUED: frozenset({S.DRAFT, S.SENDING}),
    # received; back to queued when the push failed or its outcome was resolved as "not there";
    # draft when set aside with a reason. A pulled review decision may overtake a slow receipt.
    S.SENDING: frozenset({S.RECEIVED, S.QUEUED, S.DRAFT, S.RETURNED, S.REJECTED, S.VERIFIED}),
    S.RECEIVED: frozenset({S.RETURNED, S.REJECTED, S.VERIFIED}),
    # a returned record is edited and resubmitted as a new revision
    S.RETURNED: frozenset({S.QUEUED}),
    S.REJECTED: frozenset(),
    S.VERIFIED: frozenset(),
}

_LAPOR_CHAIN = (S.FORWARDED, S.DISPOSITIONED, S.IN_PROGRESS, S.RESOLVED)

_COMPLAINT: dict[Status, frozenset[Status]] = dict(_COMMON)
_COMPLAINT[S.VERIFIED] = frozenset({S.FORWARDED, S.ARCHIVED})
for _i, _s in enumerate(_LAPOR_CHAIN):
    # LAPOR! statuses may skip steps forward (a report resolved straight after disposition)
    _COMPLAINT[_s] = frozenset(_LAPOR_CHAIN[_i + 1:]) | {S.ARCHIVED}
_COMPLAINT[S.ARCHIVED] = frozenset()

TRANSITIONS: dict[Entity, dict[Status, frozenset[Status]]] = {
    Entity.COMPLAINT: _COMPLAINT,
    Entity.ACTIVITY: _COMMON,
}

#: Statuses in which the village may edit the record's content.
EDITABLE: frozenset[Status] = frozenset({S.DRAFT, S.RETURNED})
#: Statuses the district decides; they arrive through the change feed.
DISTRICT_STATUSES: frozenset[Status] = frozenset(
    {S.RECEIVED, S.RETURNED, S.REJECTED, S.VERIFIED, *_LAPOR_CHAIN, S.ARCHIVED})


def allowed(entity: Entity, current: Status, target: Status) -> bool:
    return target in TRANSITIONS[entity].get(current, frozenset())


def check_transition(entity: Entity, current: Status, target: Status) -> None:
    """Raise `InvalidTransition` unless ``current → target`` is allowed for ``entity``."""
    if not allowed(entity, current, target):
        raise InvalidTransition(entity.value, current.value, target.value)


def is_ahead(entity: Entity, current: Status, target: Status) -> bool:
    """True when ``target`` is reachable from ``current`` by allowed steps (for feed catch-up)."""
    seen: set[Status] = set()
    frontier = [current]
    while frontier:
        s = frontier.pop()
        for nxt in TRANSITIONS[entity].get(s, frozenset()):
            if nxt == target:
                return True
            if nxt not in seen:
                seen.add(nxt)
                frontier.append(nxt)
    return False
