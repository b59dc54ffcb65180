"""The change feed: hub-sequence order, opaque cursors, pages, scope."""

from __future__ import annotations

import pytest
from hub_testkit import VILLAGE_B, LiveHub


def test_feed_pages_follow_the_cursor(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    other = live_hub.enrol(VILLAGE_B)
    records = [device.complaint() for _ in range(25)]
    device.push_ok(records[:15])
    other.push_ok([other.complaint() for _ in range(5)])  # interleaved, not visible
    device.push_ok(records[15:])

    first = device.changes(limit=10)
    assert len(first.changes) == 10 and first.has_more
    again = device.changes(limit=10)
    assert again == first  # reading does not move anything: the client stores the cursor
    second = device.changes(first.next_cursor, limit=10)
    third = device.changes(second.next_cursor, limit=10)
    assert (len(second.changes), second.has_more) == (10, True)
    assert (len(third.changes), third.has_more) == (5, False)
    seqs = [c.seq for page in (first, second, third) for c in page.changes]
    assert seqs == sorted(seqs) and len(set(seqs)) == 25
    received = {c.id for page in (first, second, third) for c in page.changes}
    assert received == {e.id for e in records}
    # at the end: an empty page that keeps the cursor, until something new happens
    tail = device.changes(third.next_cursor)
    assert (tail.changes, tail.has_more, tail.next_cursor) == ([], False, third.next_cursor)
    live_hub.hub.feed.record_status_change(record_id=records[3].id, status="returned",
                                           actor="reviewer1", note="Foto kurang jelas")
    news = device.changes(third.next_cursor)
    assert [(c.id, c.status, c.note) for c in news.changes] == [
        (records[3].id, "returned", "Foto kurang jelas")]


def test_default_page_size_is_200(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    device.push_ok([device.complaint() for _ in range(205)])
    page = device.changes()
    assert (len(page.changes), page.has_more) == (200, True)
    assert len(device.changes(page.next_cursor).changes) == 5


@pytest.mark.parametrize("params,status,code", [
    ({"cursor": "definitely-not-ours"}, 400, "invalid_cursor"),
    ({"cursor": "YzE6LTU"}, 400, "invalid_cursor"),  # "c1:-5"
    ({"limit": 0}, 422, "invalid_request"),
    ({"limit": 1001}, 422, "invalid_request"),
])
def test_bad_cursor_or_limit_is_refused(live_hub: LiveHub, params: dict[str, object],
                                        status: int, code: str) -> None:
    device = live_hub.enrol()
    r = device.request("GET", "/v1/changes", params=params)
    assert r.status_code == status and r.json()["error"]["code"] == code


def test_feed_order_is_the_hub_sequence_not_device_clocks(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    late_clock = device.complaint(created_at=live_hub.clock().replace(year=2030),
                                  updated_at=live_hub.clock().replace(year=2030))
    early_clock = device.complaint(created_at=live_hub.clock().replace(year=2001),
                                   updated_at=live_hub.clock().replace(year=2001))
    device.push_ok([late_clock])
    device.push_ok([early_clock])
    assert [c.id for c in device.all_changes().changes] == [late_clock.id, early_clock.id]
