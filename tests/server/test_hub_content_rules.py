"""The hub applies the domain's content rules per record: a bad record is rejected with the
fields and rules named (never the values), and the rest of its batch is stored."""

from __future__ import annotations

from datetime import timedelta

from hub_testkit import LiveHub

from sync.protocol import RecordEnvelope
from sync.server.payload_check import ContentRules


def test_invalid_record_is_rejected_and_the_batch_goes_on(live_hub: LiveHub) -> None:
    device = live_hub.enrol()
    good = device.complaint()
    bad = device.complaint(title="abc", category_code="tidak-ada",
                           reporter={"name": "Warga", "nik": "123", "phone": "0812345678901"})
    results = device.push_ok([good, bad]).results
    assert [r.outcome for r in results] == ["accepted", "rejected"]
    assert results[1].reason_code == "invalid"
    reason = results[1].reason or ""
    assert "title: too_short" in reason and "category_code: unknown_category" in reason
    assert "reporter.nik: nik_format" in reason
    assert "Warga" not in reason and "0812345678901" not in reason     # never the values


def test_rules_allow_a_device_clock_a_little_ahead(live_hub: LiveHub) -> None:
    rules = live_hub.settings.content_check
    assert isinstance(rules, ContentRules)
    device = live_hub.enrol()
    tomorrow = live_hub.settings.clock().date() + timedelta(days=1)
    env: RecordEnvelope = device.complaint(incident_date=tomorrow)
    assert rules(env) == []
