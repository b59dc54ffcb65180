"""Wire models of sync.protocol: strict shapes, one payload per envelope, a stable content hash."""

from __future__ import annotations

import uuid

import pytest
from hub_testkit import START, activity_payload, complaint_payload
from pydantic import ValidationError

from sync.protocol import (
    ErrorBody,
    HandshakeRequest,
    PushRequest,
    RecordEnvelope,
    canonical_hash,
    canonical_json,
)


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError):
        HandshakeRequest.model_validate({"protocol_version": 1, "app_version": "x",
                                         "client_time": START.isoformat(), "extra": 1})


def test_times_on_the_wire_carry_an_offset() -> None:
    with pytest.raises(ValidationError):
        HandshakeRequest.model_validate({"protocol_version": 1, "app_version": "x",
                                         "client_time": "2025-03-10T09:00:00"})


def test_envelope_needs_exactly_the_payload_of_its_entity() -> None:
    c = complaint_payload()
    h = canonical_hash(c)
    with pytest.raises(ValidationError):
        RecordEnvelope(entity="activity", id=uuid.uuid4(), revision=1, content_hash=h, complaint=c)
    with pytest.raises(ValidationError):
        RecordEnvelope(entity="complaint", id=uuid.uuid4(), revision=1, content_hash=h,
                       complaint=c, activity=activity_payload())
    with pytest.raises(ValidationError):
        RecordEnvelope(entity="complaint", id=uuid.uuid4(), revision=0, content_hash=h, complaint=c)


def test_canonical_hash_is_stable_across_a_round_trip() -> None:
    env = RecordEnvelope.wrap(uuid.uuid4(), 1, complaint_payload(title="Lampu jalan ñ ü é"))
    again = RecordEnvelope.model_validate_json(env.model_dump_json())
    assert canonical_hash(again.payload) == env.content_hash
    assert b" " not in canonical_json(again.payload).split(b'"')[0]
    assert "ñ".encode() in canonical_json(again.payload)  # ensure_ascii=False, UTF-8
    assert canonical_hash(complaint_payload(title="Lain")) != env.content_hash


def test_batches_hold_at_most_500_records() -> None:
    env = RecordEnvelope.wrap(uuid.uuid4(), 1, complaint_payload())
    PushRequest(batch_id=uuid.uuid4(), records=[env] * 500)
    with pytest.raises(ValidationError):
        PushRequest(batch_id=uuid.uuid4(), records=[env] * 501)


def test_error_body_shape() -> None:
    body = ErrorBody.model_validate({"error": {"code": "unauthorized", "message": "no"}})
    assert body.error.code == "unauthorized"
