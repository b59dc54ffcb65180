"""Benchmark data generator: a real KIM store filled with realistic complaints.

    python bench/generate.py --out DIR --count 100000 [--seed N]

The store is created the way the app creates it (``open_store`` runs the migrations,
``build_core`` seeds the reference lists, ``DeviceService.init`` sets up the device). The device
is a Diskominfo-SP *trainer* laptop: trainers record complaints in every village of the
kabupaten during socialization sessions, which is how one store legitimately holds complaints
from all 128 desa/kelurahan.

Every complaint is composed as a resident's report in data-dictionary form (``records.py``),
parsed by the same ``parse_complaint`` the services use (any error aborts the run), and mapped to
its row by the services' own ``apply_complaint_content``. Bookkeeping follows what the services
and the sync engine write: tracking numbers from the device's counter in creation order, one
``status_history`` row per status change, one outbox entry per submitted revision, attachment
files stored by SHA-256 with their ``blob`` rows. Rows are written with SQLAlchemy Core in large
transactions; the FTS5 index is filled by the store's own triggers.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import random
import sys
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
from records import CHANNELS, HUB, SYNC, Composer, Event, Submit, Timeline, pick, wita_day_time
from sqlalchemy import Table, insert, select

from kim_desktop.core import build_core
from kim_desktop.domain.deadlines import WITA
from kim_desktop.domain.enums import Role, Status
from kim_desktop.domain.tracking import format_tracking_no
from kim_desktop.domain.validation import errors_only, parse_activity, parse_complaint
from kim_desktop.paths import DataPaths
from kim_desktop.services.attachments import AttachmentStore, safe_filename
from kim_desktop.services.base import ServiceContext
from kim_desktop.services.mapping import apply_activity_content, apply_complaint_content
from kim_desktop.storage.db import open_store
from kim_desktop.storage.rows import (
    ActivityRow,
    BlobRow,
    ComplaintAttachmentRow,
    ComplaintRow,
    DeviceRow,
    OutboxRow,
    StatusHistoryRow,
)

HOME_VILLAGE = "73.24.04.1003"          # Kelurahan Malili: the Diskominfo-SP office
KIM_NAME = "Diskominfo-SP Luwu Timur"
OPERATOR = "Inne Kurniasih"
CHUNK = 5000

COMPLAINT_TABLE: Table = ComplaintRow.__table__  # type: ignore[assignment]
COMPLAINT_COLS = [c.key for c in COMPLAINT_TABLE.columns]


@dataclass
class Seed:
    """Who, where and when, decided before the text (creation order gives tracking numbers)."""

    id: uuid.UUID
    created: datetime
    village_index: int
    channel: str
    activity: int | None = None


@dataclass
class Gathering:
    """A socialization session the trainer ran (an activity), and the complaints it collected."""

    id: uuid.UUID
    village_index: int
    starts: datetime
    ends: datetime
    complaint_ids: list[uuid.UUID]


@dataclass
class Summary:
    complaints: int
    activities: int
    status_history: int
    outbox: int
    attachments: int
    seconds: float
    store: Path
    by_status: dict[str, int]


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _when(rng: random.Random, now: datetime, max_age_days: float) -> datetime:
    """A creation moment in the last ``max_age_days``: more recent months are busier (more KIMs
    trained), weekdays during office hours, a few on Saturdays."""
    while True:
        age = max_age_days * rng.random() ** 1.25
        day = (now - timedelta(days=age)).astimezone(WITA).date()
        if day.weekday() == 6 or (day.weekday() == 5 and rng.random() < 0.7):
            continue
        t = wita_day_time(rng, day).astimezone(UTC)
        if t < now - timedelta(minutes=5):
            return t


def _office_hours(rng: random.Random, t: datetime, now: datetime) -> datetime:
    """``t``, or the next morning when it falls in the night (WITA); never later than now."""
    local = t.astimezone(WITA)
    if not 7 <= local.hour < 21:
        day = local.date() + timedelta(days=1 if local.hour >= 21 else 0)
        t = wita_day_time(rng, day).astimezone(UTC)
    return min(t, now - timedelta(minutes=2))


def _photo(rng: random.Random) -> bytes:
    """A small real JPEG (distinct content, so a distinct SHA-256)."""
    from PIL import Image

    img = Image.frombytes("RGB", (24, 18), rng.randbytes(24 * 18 * 3))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=70)
    return buf.getvalue()


def _pdf(rng: random.Random) -> bytes:
    return (b"%PDF-1.4\n% Surat pengantar desa\n1 0 obj << /Type /Catalog >> endobj\n% "
            + rng.randbytes(16).hex().encode() + b"\n%%EOF\n")


class Writer:
    """Accumulates rows and writes them in large Core transactions."""

    def __init__(self, ctx: ServiceContext, files: AttachmentStore) -> None:
        self.engine = ctx.sessions.kw["bind"]
        self.files = files
        self.history: list[tuple[datetime, int, dict[str, Any]]] = []
        self.outbox: list[tuple[datetime, int, dict[str, Any]]] = []
        self.n_attachments = 0

    def rows(self, table: Any, rows: list[dict[str, Any]]) -> None:
        if rows:
            with self.engine.begin() as conn:
                conn.execute(insert(table), rows)

    def timeline(self, entity: str, record_id: uuid.UUID, tl: Timeline, order: int) -> None:
        for e in tl.events:
            self.history.append((e.at, order, {"entity": entity, "record_id": record_id,
                                               "status": e.status.value, "at": e.at,
                                               "actor": e.actor, "note": e.note}))
        for sub in tl.submits:
            state = "done" if sub.received_at else "sending" if sub.sending_at else "pending"
            self.outbox.append((sub.queued_at, order, {
                "entity": entity, "record_id": record_id, "revision": sub.revision,
                "state": state, "attempts": 0 if state == "pending" else 1,
                "next_attempt_at": None, "last_error": None, "created_at": sub.queued_at,
                "batch_id": uuid.UUID(int=order * 7919 + sub.revision, version=4)
                if state != "pending" else None,
                "done_at": sub.received_at}))

    def flush_log(self) -> tuple[int, int]:
        """History and outbox, written in the order they happened (as the app would have)."""
        self.history.sort(key=lambda x: (x[0], x[1]))
        self.outbox.sort(key=lambda x: (x[0], x[1]))
        for table, items in ((StatusHistoryRow.__table__, self.history),
                             (OutboxRow.__table__, self.outbox)):
            for i in range(0, len(items), 50_000):
                self.rows(table, [r for _, _, r in items[i:i + 50_000]])
        return len(self.history), len(self.outbox)

    def attachments(self, rng: random.Random, complaint_id: uuid.UUID, created: datetime,
                    uploaded: bool, topic: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        blobs, links = [], []
        for pos in range(pick(rng, ((1, 70), (2, 22), (3, 8)))):
            is_pdf = rng.random() < 0.1
            content = _pdf(rng) if is_pdf else _photo(rng)
            sha = hashlib.sha256(content).hexdigest()
            target = self.files.path_for(sha)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            stamp = created.astimezone(WITA)
            name = ("surat_pengantar_desa.pdf" if is_pdf else rng.choice((
                f"IMG_{stamp:%Y%m%d_%H%M%S}.jpg", f"WhatsApp Image {stamp:%Y-%m-%d at %H.%M.%S}.jpeg",
                f"foto_{topic}_{pos + 1}.jpg")))
            blobs.append({"sha256": sha, "media_type": "application/pdf" if is_pdf else "image/jpeg",
                          "size": len(content), "upload_sha256": sha if uploaded else None,
                          "upload_size": len(content) if uploaded else None,
                          "uploaded_bytes": len(content) if uploaded else 0, "uploaded": uploaded,
                          "created_at": created})
            links.append({"complaint_id": complaint_id, "sha256": sha, "position": pos,
                          "filename": safe_filename(name)})
        self.n_attachments += len(links)
        return blobs, links


def _complaint_row(seed: Seed, content: Any, tl: Timeline, tracking_no: str, device_id: str
                   ) -> dict[str, Any]:
    """The row exactly as ``ComplaintService._save`` + the status changes leave it."""
    status = tl.status
    row = ComplaintRow(
        id=seed.id, tracking_no=tracking_no, status=status.value, revision=tl.revision,
        dirty=status in (Status.DRAFT, Status.QUEUED, Status.SENDING), deleted=False,
        created_at=seed.created, recorded_by=OPERATOR, device_id=device_id)
    apply_complaint_content(row, content)
    row.updated_at = _village_updated_at(tl)
    row.submitted_at = tl.submitted_at
    row.server_version = tl.server_version
    row.lapor_tracking_id, row.lapor_status_raw = tl.lapor_tracking_id, tl.lapor_status_raw
    row.review_note, row.set_aside_reason = tl.review_note, None
    return {k: getattr(row, k) for k in COMPLAINT_COLS}


def _village_updated_at(tl: Timeline) -> datetime:
    """``updated_at`` moves with what the village does (saves, submits); statuses that sync
    applies (sending, received, district and LAPOR! changes) leave it alone."""
    return max(e.at for e in tl.events if e.actor == OPERATOR)


def _activity_timeline(rng: random.Random, created: datetime, now: datetime) -> Timeline:
    tl = Timeline(events=[Event(Status.DRAFT, created, OPERATOR)])
    age = (now - created).days
    target = pick(rng, {Status.DRAFT: 2, Status.QUEUED: 4, Status.RECEIVED: 8, Status.RETURNED: 3,
                        Status.VERIFIED: 83} if age > 10 else
                  {Status.DRAFT: 25, Status.QUEUED: 30, Status.RECEIVED: 35, Status.VERIFIED: 10})
    steps = [(Status.QUEUED, timedelta(minutes=rng.uniform(10, 600)), OPERATOR),
             (Status.SENDING, timedelta(hours=rng.expovariate(1 / 10)), SYNC),
             (Status.RECEIVED, timedelta(seconds=rng.uniform(2, 30)), HUB),
             (target, timedelta(hours=rng.uniform(20, 120)), rng.choice(corpus.REVIEWERS))]
    t = created
    for status, wait, actor in steps:
        if target is Status.DRAFT:
            break
        t += wait
        if t >= now:
            break
        note = rng.choice(corpus.RETURN_NOTES) if status is Status.RETURNED else ""
        tl.events.append(Event(status, t, actor, note))
        if status is Status.QUEUED:
            tl.submitted_at = t
            tl.submits.append(Submit(1, t))
        elif status is Status.SENDING:
            tl.submits[-1].sending_at = t
        elif status is Status.RECEIVED:
            tl.submits[-1].received_at = t
        if status is target:
            break
    return tl


def _write_activities(core: Any, w: Writer, comp: Composer, rng: random.Random,
                      sessions: list[Gathering], device_id: str, now: datetime, order0: int) -> None:
    """Socialization sessions through the services' own mapping, with their participants."""
    refs = core.reference.data()
    with core.ctx.sessions.begin() as s:
        for n, a in enumerate(sessions):
            village = comp.villages[a.village_index]
            f = comp.fill(village)
            trainers = rng.sample(corpus.TRAINERS, rng.choice((1, 1, 2)))
            topic = rng.choice(corpus.ACTIVITY_TOPICS)
            people = []
            for _ in range(rng.randint(12, 48)):
                p = comp.person(village)
                people.append({"name": p["name"], "gender": "P" if p["female"] else "L",
                               "age": now.year - p["birth_year"],
                               "role": rng.choice(corpus.PARTICIPANT_ROLES),
                               "dusun": rng.choice(corpus.DUSUN),
                               "phone": p["phone"] if rng.random() < 0.5 else ""})
            data = {
                "title": f"Sosialisasi {topic} di Desa {village.name}", "topic": topic,
                "starts_at": a.starts.isoformat(), "ends_at": a.ends.isoformat(),
                "village_code": village.code,
                "venue": rng.choice(corpus.ACTIVITY_VENUES).format(**f),
                "organizer": rng.choice((f"KIM {village.name}", KIM_NAME)),
                "facilitators": [{"name": t, "institution": i} for t, i in trainers],
                "summary": f"Penjelasan {topic}: cara menyampaikan pengaduan, hak pelapor untuk "
                           f"dirahasiakan, dan contoh laporan yang baik. Warga bertanya soal "
                           f"{rng.choice(corpus.ISSUES).titles[0].format(**f).lower()}.",
                "outcomes": f"{len(a.complaint_ids)} pengaduan dicatat; disepakati KIM membantu "
                            f"warga {f['dusun']} memantau tindak lanjutnya.",
                "participants": people, "complaint_ids": [str(c) for c in a.complaint_ids],
            }
            content, problems = parse_activity(data, refs, for_submit=True)
            if errs := errors_only(problems):
                raise SystemExit(f"generated activity is invalid: {errs[0].message_en}")
            created = a.ends + timedelta(hours=rng.uniform(0.5, 30))
            created = min(created, now - timedelta(minutes=1))
            tl = _activity_timeline(rng, created, now)
            row = ActivityRow(id=a.id, status=tl.status.value, revision=1,
                              dirty=tl.status in (Status.DRAFT, Status.QUEUED, Status.SENDING),
                              deleted=False, created_at=created, updated_at=_village_updated_at(tl),
                              submitted_at=tl.submitted_at, server_version=tl.server_version,
                              recorded_by=OPERATOR, device_id=device_id,
                              review_note=tl.events[-1].note or None)
            apply_activity_content(row, content)
            s.add(row)
            w.timeline("activity", a.id, tl, order0 + n)


def generate(out: Path, count: int, seed: int = 1, *, attachment_share: float = 0.12,
             per_activity: int = 250, now: datetime | None = None,
             say: Callable[[str], None] = lambda m: print(m, file=sys.stderr)) -> Summary:
    """Create a store under ``out`` holding ``count`` complaints; see the module docstring."""
    started = time.perf_counter()
    paths = DataPaths(out.resolve())
    if paths.store.exists():
        raise SystemExit(f"{paths.store} exists already; give an empty --out folder")
    ctx = ServiceContext(open_store(paths.store, paths.backups))
    core = build_core(paths, ctx)
    prof = core.device.init(village_code=HOME_VILLAGE, kim_name=KIM_NAME, operator_name=OPERATOR,
                            role=Role.TRAINER)
    refs = core.reference.data()
    rng = random.Random(seed)
    comp = Composer(rng, refs, OPERATOR)
    now = now or ctx.now()
    w = Writer(ctx, core.files)

    # sessions first: complaints collected in one are recorded during or just after it
    sessions = []
    for _ in range(max(1, count // per_activity)):
        starts = _when(rng, now - timedelta(days=1), 360).astimezone(WITA)
        starts = starts.replace(hour=rng.choice((8, 9, 9, 10, 13)), minute=rng.choice((0, 0, 30)))
        ends = starts + timedelta(hours=rng.choice((2, 2.5, 3, 4)))
        sessions.append(Gathering(_uuid(rng), rng.choices(range(len(comp.villages)),
                                                         weights=comp.village_weight)[0],
                                 starts.astimezone(UTC), ends.astimezone(UTC), []))
    seeds = []
    for _ in range(count):
        channel = pick(rng, CHANNELS)
        sd = Seed(_uuid(rng), _when(rng, now, 365), 0, channel)
        if channel == "socialization":
            a = rng.randrange(len(sessions))
            sd.activity, sd.village_index = a, sessions[a].village_index
            sd.created = _office_hours(rng, sessions[a].ends + timedelta(hours=rng.uniform(-1.5, 26)),
                                       now)
        else:
            sd.village_index = rng.choices(range(len(comp.villages)), weights=comp.village_weight)[0]
        seeds.append(sd)
    seeds.sort(key=lambda x: x.created)
    say(f"planned {count} complaints and {len(sessions)} sessions "
        f"({time.perf_counter() - started:.1f}s)")

    by_status: dict[str, int] = defaultdict(int)
    for start in range(0, count, CHUNK):
        rows, blobs, links = [], [], []
        for i, sd in enumerate(seeds[start:start + CHUNK], start=start):
            village = comp.villages[sd.village_index]
            data, topic = comp.complaint(village, sd.created, sd.channel)
            tl = comp.timeline(sd.created, now, village.code, data["agency_code"])
            draft = tl.status is Status.DRAFT
            if draft:
                data["consent"] = rng.random() < 0.6     # not yet asked, or not yet ticked
            if sd.activity is not None:
                data["activity_id"] = str(sessions[sd.activity].id)
                sessions[sd.activity].complaint_ids.append(sd.id)
            content, problems = parse_complaint(data, refs, today=sd.created.astimezone(WITA).date(),
                                                for_submit=not draft)
            if errs := errors_only(problems):
                raise SystemExit(f"generated complaint {i} is invalid: {errs[0].field}: "
                                 f"{errs[0].message_en}\n{data}")
            tracking = format_tracking_no(prof.village_code, prof.device_tag, i + 1)
            rows.append(_complaint_row(sd, content, tl, tracking, prof.device_id))
            w.timeline("complaint", sd.id, tl, i)
            by_status[tl.status.value] += 1
            if rng.random() < attachment_share:
                uploaded = any(sub.received_at for sub in tl.submits)
                b, lk = w.attachments(rng, sd.id, sd.created, uploaded, topic)
                blobs += b
                links += lk
        w.rows(COMPLAINT_TABLE, rows)
        w.rows(BlobRow.__table__, blobs)
        w.rows(ComplaintAttachmentRow.__table__, links)
        done = min(start + CHUNK, count)
        if done % 25_000 == 0 or done == count:
            say(f"  {done} complaints written ({time.perf_counter() - started:.1f}s)")

    _write_activities(core, w, comp, rng, sessions, prof.device_id, now, count)
    n_hist, n_out = w.flush_log()
    with ctx.sessions.begin() as s:
        dev = s.get(DeviceRow, 1)
        assert dev is not None
        dev.next_sequence = count + 1          # the next complaint saved gets a fresh number
        assert s.scalar(select(DeviceRow.next_sequence)) == count + 1
    with w.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    w.engine.dispose()
    return Summary(count, len(sessions), n_hist, n_out, w.n_attachments,
                   time.perf_counter() - started, paths.store, dict(by_status))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", required=True, type=Path, help="data folder to create (kim.db inside)")
    p.add_argument("--count", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--attachment-share", type=float, default=0.12,
                   help="share of complaints with photo/PDF attachments (default 0.12)")
    args = p.parse_args(argv)
    s = generate(args.out, args.count, args.seed, attachment_share=args.attachment_share)
    size = s.store.stat().st_size
    print(f"{s.complaints} complaints, {s.activities} sessions, {s.status_history} status changes, "
          f"{s.outbox} outbox entries, {s.attachments} attachments in {s.seconds:.1f}s")
    print(f"store {s.store} {size / 1e6:.1f} MB ({size / 1e3 / max(1, s.complaints / 1000):.0f} kB "
          f"per 1,000 complaints)")
    print("statuses: " + ", ".join(f"{k}={v}" for k, v in sorted(s.by_status.items(),
                                                                  key=lambda kv: -kv[1])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
