"""Benchmark data: composing one realistic complaint (data-dictionary form) and its life so far.

`Composer.complaint` returns the mapping a resident's report would be typed in as (the same
shape `kim complaint add --file` reads); `timeline` walks the status machine of DOMAIN.md from
the moment the draft was saved up to "now", with plausible delays for a village that syncs when
it has signal, a district that reviews in working days, and SP4N-LAPOR! agencies that answer in
days to weeks. Deterministic for a given `random.Random`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import corpus
from corpus import ISSUES, Issue

from kim_desktop.domain.deadlines import WITA
from kim_desktop.domain.enums import Status
from kim_desktop.domain.reference import ReferenceData, Region
from kim_desktop.services.sync_local import HUB_ACTOR

S = Status
KINDS = (("complaint", 82), ("aspiration", 12), ("information_request", 6))
CHANNELS = (("walk_in", 55), ("socialization", 15), ("phone", 15), ("social_media", 8), ("other", 7))

#: Final status weights by the record's age in days: recent records are still on their way,
#: old ones are mostly closed. A few stay queued for months (villages without signal).
_TARGETS: tuple[tuple[float, dict[Status, float]], ...] = (
    (2, {S.DRAFT: 22, S.QUEUED: 40, S.SENDING: 4, S.RECEIVED: 30, S.RETURNED: 2, S.VERIFIED: 2}),
    (7, {S.DRAFT: 6, S.QUEUED: 14, S.RECEIVED: 30, S.RETURNED: 8, S.REJECTED: 2, S.VERIFIED: 20,
         S.FORWARDED: 20}),
    (30, {S.DRAFT: 3, S.QUEUED: 5, S.RECEIVED: 6, S.RETURNED: 6, S.REJECTED: 4, S.VERIFIED: 8,
          S.FORWARDED: 18, S.DISPOSITIONED: 20, S.IN_PROGRESS: 22, S.RESOLVED: 8}),
    (1e9, {S.DRAFT: 1.5, S.QUEUED: 1.5, S.RECEIVED: 1, S.RETURNED: 3, S.REJECTED: 6, S.VERIFIED: 3,
           S.FORWARDED: 5, S.DISPOSITIONED: 9, S.IN_PROGRESS: 17, S.RESOLVED: 45, S.ARCHIVED: 9}),
)
_ORDER = (S.DRAFT, S.QUEUED, S.SENDING, S.RECEIVED, S.VERIFIED, S.FORWARDED, S.DISPOSITIONED,
          S.IN_PROGRESS, S.RESOLVED, S.ARCHIVED)
#: Actors the sync engine writes (``sync_local``): the push itself, then the hub's receipt.
SYNC, HUB, LAPOR = "sync", HUB_ACTOR, "SP4N-LAPOR!"


def pick(rng: random.Random, weighted: Any) -> Any:
    items = list(weighted.items()) if isinstance(weighted, dict) else list(weighted)
    return rng.choices([k for k, _ in items], weights=[w for _, w in items])[0]


@dataclass
class Event:
    status: Status
    at: datetime
    actor: str
    note: str = ""


@dataclass
class Submit:
    """One submit of one revision, and how far its outbox entry got."""

    revision: int
    queued_at: datetime
    sending_at: datetime | None = None
    received_at: datetime | None = None


@dataclass
class Timeline:
    """What happened to one record, and the bookkeeping the row ends up with."""

    events: list[Event] = field(default_factory=list)
    revision: int = 1
    submitted_at: datetime | None = None
    lapor_tracking_id: str | None = None
    lapor_status_raw: str | None = None
    review_note: str | None = None
    submits: list[Submit] = field(default_factory=list)

    @property
    def status(self) -> Status:
        return self.events[-1].status

    @property
    def server_version(self) -> int | None:
        """Revisions the hub has accepted (as ``sync/server/push.py`` counts); None before."""
        return sum(1 for sub in self.submits if sub.received_at) or None


class Composer:
    """Composes complaints; one per call, deterministic for the given generator."""

    def __init__(self, rng: random.Random, refs: ReferenceData, operator: str) -> None:
        self.rng, self.refs, self.operator = rng, refs, operator
        self.villages: list[Region] = sorted(refs.villages(), key=lambda r: r.code)
        # some villages have many more people (and KIM members) than others
        self.village_weight = [rng.lognormvariate(0, 0.6) for _ in self.villages]
        # villages with weak or no signal sync late (Desa Ujung Baru had none at all in 2023)
        self.slow = {r.code for r in self.villages if r.name in ("Ujung Baru", "Non Blok", "Matano",
                                                                  "Loeha", "Bantilang", "Masiku")}
        self.slow |= {r.code for r in rng.sample(self.villages, 12)}
        self.issue_weights = [i.weight for i in ISSUES]
        self._check(refs)

    @staticmethod
    def _check(refs: ReferenceData) -> None:
        for issue in ISSUES:
            assert issue.category in refs.categories, issue.category
            assert all(a in refs.agencies for a in issue.agencies), issue.agencies
        for cat, _, agencies in corpus.ASPIRATIONS + corpus.INFO_REQUESTS:
            assert cat in refs.categories and all(a in refs.agencies for a in agencies), cat

    # -- places and people ----------------------------------------------------------------------
    def village(self) -> Region:
        return self.rng.choices(self.villages, weights=self.village_weight)[0]

    def fill(self, village: Region) -> dict[str, Any]:
        rng = self.rng
        kec = self.refs.kecamatan_of(village.code)
        kec_name = kec.name if kec else "Malili"
        landmark = rng.choice(corpus.LANDMARKS).format(n=rng.randint(101, 260), kec=kec_name)
        return {
            "desa": village.name, "kec": kec_name, "dusun": rng.choice(corpus.DUSUN),
            "landmark": landmark, "rt": f"{rng.randint(1, 8):02d}", "kk": rng.choice(
                [15, 20, 25, 30, 40, 50, 60, 75, 80, 120]), "w": rng.choice(corpus.WORDS_NUM),
            "n": rng.randint(2, 12), "m": rng.choice([150, 200, 300, 500, 700, 800, 1200]),
            "km": rng.choice(["1", "2", "3", "satu setengah"]),
            "harga": rng.choice(["35.000", "40.000", "50.000", "150.000", "200.000", "300.000"]),
            "ha": rng.choice([10, 15, 25, 40, 60, 120]),
        }

    def person(self, village: Region) -> dict[str, Any]:
        rng = self.rng
        female = rng.random() < 0.47
        first = rng.choice(corpus.FEMALE_FIRST if female else corpus.MALE_FIRST)
        last = rng.choice(corpus.LAST_NAMES)
        name = f"{first} {last}".strip()
        birth_year = rng.randint(1952, 2006)
        return {"name": name, "female": female, "birth_year": birth_year,
                "nik": self.nik(village, female, birth_year), "phone": self.phone()}

    def nik(self, village: Region, female: bool, birth_year: int) -> str:
        rng = self.rng
        regency = pick(rng, corpus.NIK_REGENCIES)
        kec = village.code.split(".")[2] if regency == "7324" and rng.random() < 0.85 \
            else f"{rng.randint(1, 20):02d}"
        day = rng.randint(1, 28) + (40 if female else 0)
        return f"{regency}{kec}{day:02d}{rng.randint(1, 12):02d}{birth_year % 100:02d}" \
               f"{rng.randint(1, 180):04d}"

    def phone(self) -> str:
        prefix = pick(self.rng, corpus.PHONE_PREFIXES)
        return prefix + "".join(str(self.rng.randint(0, 9)) for _ in range(self.rng.choice((7, 8, 8, 9))))

    # -- one complaint ------------------------------------------------------------------------
    def complaint(self, village: Region, created: datetime, channel: str
                  ) -> tuple[dict[str, Any], str]:
        """The report as typed in (data-dictionary names), and the issue key it is about."""
        rng = self.rng
        f = self.fill(village)
        kind = pick(rng, KINDS)
        if kind == "aspiration":
            category, title, agencies = rng.choice(corpus.ASPIRATIONS)
            body = " ".join([rng.choice(corpus.OPENINGS), *rng.sample(corpus.ASPIRATION_BODIES, 2),
                             rng.choice(corpus.CLOSINGS)])
            key = "usulan"
        elif kind == "information_request":
            category, title, agencies = rng.choice(corpus.INFO_REQUESTS)
            body = " ".join([rng.choice(corpus.OPENINGS), *rng.sample(corpus.INFO_BODIES, 2),
                             rng.choice(corpus.CLOSINGS)])
            key = "informasi"
        else:
            issue: Issue = rng.choices(ISSUES, weights=self.issue_weights)[0]
            category, agencies, key = issue.category, issue.agencies, issue.key
            title = rng.choice(issue.titles)
            parts = [rng.choice(corpus.OPENINGS), rng.choice(issue.problems)]
            if rng.random() < 0.35 and len(issue.problems) > 1:
                parts.append(rng.choice(issue.problems))
            parts += [rng.choice(corpus.DURATIONS), rng.choice(issue.impacts),
                      rng.choice(issue.requests), rng.choice(corpus.CLOSINGS)]
            body = " ".join(dict.fromkeys(p for p in parts if p))
        title = title.format(**f)
        title = title[0].upper() + title[1:]
        body = body.format(**f)
        today = created.astimezone(WITA).date()
        incident = today - timedelta(days=pick(rng, ((rng.randint(0, 3), 60), (rng.randint(4, 20), 30),
                                                     (rng.randint(21, 60), 10))))
        location = f"{f['dusun']}, RT {f['rt']}/RW {rng.randint(1, 4):02d}, {f['landmark']}"
        data: dict[str, Any] = {
            "kind": kind, "title": title, "body": body, "incident_date": incident.isoformat(),
            "village_code": village.code, "location_detail": location,
            "category_code": category,
            "agency_code": rng.choice(agencies) if rng.random() < 0.75 else None,
            "channel": channel, "confidential": rng.random() < 0.04, "consent": True,
        }
        kec = self.refs.kecamatan_of(village.code)
        if kec and rng.random() < 0.25:
            lat, lon = corpus.KECAMATAN_CENTRE[kec.code]
            data["latitude"] = round(lat + rng.gauss(0, 0.025), 6)
            data["longitude"] = round(lon + rng.gauss(0, 0.025), 6)
        data["anonymous"] = anonymous = rng.random() < 0.10
        data["reporter"] = self.reporter(village, f, hidden=anonymous)
        return data, key

    def reporter(self, village: Region, f: dict[str, Any], *, hidden: bool) -> dict[str, Any]:
        rng = self.rng
        if hidden and rng.random() < 0.6:
            return {}            # the resident refused to give a name
        p = self.person(village)
        r: dict[str, Any] = {"name": p["name"], "gender": "P" if p["female"] else "L"}
        if rng.random() < 0.88:
            r["phone"] = p["phone"]
        if rng.random() < 0.8 or "phone" not in r:
            r["address"] = (f"{f['dusun']}, Desa {f['desa']}" if rng.random() < 0.7 else
                            f"{rng.choice(corpus.STREETS)} No. {rng.randint(1, 120)}, {f['desa']}")
        if rng.random() < 0.55:
            r["nik"] = p["nik"]
        if rng.random() < 0.08:
            user = p["name"].lower().replace(".", "").replace(" ", rng.choice(("", ".", "_")))
            r["email"] = f"{user}{rng.randint(1, 99)}@{rng.choice(corpus.EMAIL_DOMAINS)}"
        if rng.random() < 0.7:
            r["birth_year"] = p["birth_year"]
        return r

    # -- what happened since ----------------------------------------------------------------------
    def timeline(self, created: datetime, now: datetime, village_code: str, agency: str | None
                 ) -> Timeline:
        rng = self.rng
        age = (now - created).total_seconds() / 86400
        target = pick(rng, next(w for limit, w in _TARGETS if age < limit))
        rank = _ORDER.index(target) if target in _ORDER else _ORDER.index(S.VERIFIED)
        tl = Timeline()
        op, slow = self.operator, village_code in self.slow
        reviewer = rng.choice(corpus.REVIEWERS)

        def add(status: Status, at: datetime, actor: str, note: str = "") -> bool:
            if at >= now:
                return False
            tl.events.append(Event(status, at, actor, note))
            return True

        def hours(lo: float, hi: float) -> timedelta:
            return timedelta(hours=rng.uniform(lo, hi))

        def submit_and_arrive(t: datetime, stop_at: Status) -> datetime | None:
            """queued → sending → received; the arrival time, or None when it stopped earlier."""
            if not add(S.QUEUED, t, op):
                return None
            tl.submitted_at = t
            sub = Submit(tl.revision, t)
            tl.submits.append(sub)
            if stop_at is S.QUEUED:
                return None
            wait = hours(24, 240) if slow else timedelta(hours=rng.expovariate(1 / 8))
            ts = t + wait + timedelta(minutes=1)
            if not add(S.SENDING, ts, SYNC):
                return None
            sub.sending_at = ts
            if stop_at is S.SENDING:
                return None
            tr = ts + timedelta(seconds=rng.uniform(2, 40))
            if not add(S.RECEIVED, tr, HUB):
                return None
            sub.received_at = tr
            return tr

        add(S.DRAFT, created, op)
        if target is S.DRAFT:
            return tl
        t = created + (timedelta(minutes=rng.uniform(3, 40)) if rng.random() < 0.8 else hours(1, 72))
        stop = target if target in (S.QUEUED, S.SENDING, S.RECEIVED) else None
        received = submit_and_arrive(t, stop or S.ARCHIVED)
        if received is None or target is S.RECEIVED:
            return tl
        decided = received + hours(2, 30) + timedelta(days=rng.choice((0, 0, 1, 1, 2, 3, 5, 8)))
        if target is not S.RETURNED and target is not S.REJECTED and rng.random() < 0.08:
            # returned once for a correction, fixed in the village, resubmitted as revision 2
            tl.review_note = rng.choice(corpus.RETURN_NOTES)
            if not add(S.RETURNED, decided, reviewer, tl.review_note):
                return tl
            tl.revision += 1
            received = submit_and_arrive(decided + hours(1, 96), S.ARCHIVED)
            if received is None:
                return tl
            decided = received + hours(2, 48)
        if target is S.RETURNED:
            tl.review_note = rng.choice(corpus.RETURN_NOTES)
            add(S.RETURNED, decided, reviewer, tl.review_note)
            return tl
        if target is S.REJECTED:
            tl.review_note = rng.choice(corpus.REJECT_NOTES)
            add(S.REJECTED, decided, reviewer, tl.review_note)
            return tl
        if not add(S.VERIFIED, decided, reviewer) or rank <= _ORDER.index(S.VERIFIED):
            return tl
        if target is S.ARCHIVED and rng.random() < 0.3:
            add(S.ARCHIVED, decided + hours(24, 240), reviewer, "Diarsipkan: tidak perlu diteruskan.")
            return tl
        t = decided + hours(1, 60)
        lapor_id = f"{rng.randint(1_000_000, 9_999_999)}"
        if not add(S.FORWARDED, t, reviewer, f"Nomor SP4N-LAPOR! {lapor_id}"):
            return tl
        tl.lapor_tracking_id, tl.lapor_status_raw = lapor_id, rng.choice(corpus.LAPOR_RAW["forwarded"])
        agency_name = self.refs.agencies[agency].short_name if agency else "instansi terkait"
        steps: list[tuple[Status, timedelta, str]] = [
            (S.DISPOSITIONED, hours(20, 140), f"Didisposisikan ke {agency_name}"),
            (S.IN_PROGRESS, hours(20, 200), "Instansi menyampaikan rencana tindak lanjut"),
            (S.RESOLVED, hours(72, 1200), rng.choice(corpus.RESOLVE_NOTES)),
            (S.ARCHIVED, hours(120, 720), "Diarsipkan setelah selesai"),
        ]
        if rng.random() < 0.15:
            steps.pop(1)         # LAPOR! may jump from disposition straight to resolved
        for status, wait, note in steps:
            if _ORDER.index(status) > rank:
                break
            t += wait
            if not add(status, t, LAPOR, note):
                break
            tl.lapor_status_raw = rng.choice(corpus.LAPOR_RAW[status.value])
        return tl


def wita_day_time(rng: random.Random, day: date) -> datetime:
    """A moment during office hours (08:00–16:30 WITA) of ``day``."""
    minutes = int(rng.triangular(8 * 60, 16.5 * 60, 10 * 60))
    return datetime(day.year, day.month, day.day, minutes // 60, minutes % 60,
                    rng.randint(0, 59), rng.randint(0, 999_999), tzinfo=WITA)
