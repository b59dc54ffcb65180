"""Hub layer: likely duplicates of one complaint, across villages, computed on demand.

Candidates come from SQL: other complaints (latest revision, not rejected) of the same category
(the reviewer's if set, else the village's) that first reached the hub within `WINDOW_DAYS` of
this one — an indexed range on ``first_received_at``, so the cost does not grow with the hub.
Each candidate is then scored in Python, in a way a reviewer can follow:

* text (weight 0.75): Jaccard similarity of the sets of normalised Indonesian words of title and
  body (lower case, letters and digits only, common function words and the reduplication mark
  dropped, the ``-nya``/``-lah``/``-kah`` particles cut);
* date (0.15): 1 when the incident dates (else the receipt dates) are the same, falling to 0 at
  `WINDOW_DAYS` apart;
* place (0.10): 1 in the same village, 0.6 in the same kecamatan, 0 elsewhere.

Only candidates whose text similarity reaches `MIN_TEXT` are answered: a common category and
date alone never make a duplicate. Nothing of the reporter is read or answered.
"""

from __future__ import annotations

import re
import uuid
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select

from kim_desktop.domain.deadlines import wita_date
from sync.protocol import ErrorCode
from sync.server.db import Database
from sync.server.errors import HubError, not_found
from sync.server.facts import ensure_current, facts_join
from sync.server.models import CurrentRecordRow, RecordRow, ReportFactRow, ReviewClassRow
from sync.server.overdue import current_revision_join
from sync.server.reports import shipped_reference

WINDOW_DAYS = 30
MIN_TEXT = 0.2
MAX_CANDIDATES = 3000
WEIGHTS = {"text": 0.75, "date": 0.15, "place": 0.10}
SAME_KECAMATAN = 0.6

STOPWORDS = frozenset({
    "ada", "adalah", "agar", "akan", "aku", "antara", "apa", "apabila", "atas", "atau", "bagi",
    "bahwa", "banyak", "bapak", "baru", "beberapa", "belum", "benar", "bisa", "bukan", "cukup",
    "dalam", "dan", "dapat", "dari", "demikian", "dengan", "di", "dia", "hal", "hanya", "harus",
    "hingga", "ibu", "ini", "itu", "jadi", "jika", "juga", "justru", "kami", "kamu", "kan",
    "karena", "kasih", "ke", "kepada", "ketika", "kita", "lagi", "lain", "lalu", "lebih", "maka",
    "masih", "mau", "melalui", "menjadi", "mereka", "mohon", "namun", "oleh", "pada", "para",
    "per", "perhatian", "perlu", "pun", "saat", "saja", "sama", "sampai", "sangat", "saya", "se",
    "sebagai", "sebelum", "sedang", "segera", "sehingga", "sejak", "sekali", "sekitar", "selama",
    "seperti", "serta", "setelah", "setiap", "sudah", "supaya", "tapi", "telah", "tentang",
    "terhadap", "terima", "tersebut", "tetapi", "tidak", "tolong", "untuk", "warga", "yang",
})
_WORD = re.compile(r"[0-9a-z]+")
_PARTICLE = re.compile(r"(?<=[a-z]{3})(nya|lah|kah)$")


def words(text: str) -> frozenset[str]:
    """The normalised word set of ``text`` (see the module docstring)."""
    out = set()
    for w in _WORD.findall(text.lower().replace("-", " ")):
        w = _PARTICLE.sub("", w)
        if len(w) > 1 and w not in STOPWORDS:
            out.add(w)
    return frozenset(out)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _day(row: Any) -> date:
    """The incident date of a candidate row, else the WITA date it reached the hub."""
    try:
        return date.fromisoformat(str(row.incident_date))
    except ValueError:
        return wita_date(row.first_received_at)


class DuplicateFinder:
    def __init__(self, db: Database) -> None:
        self._db, self._refs = db, shipped_reference()

    def _kecamatan(self, village_code: str) -> str:
        r = self._refs.regions.get(village_code)
        return r.parent_code if r and r.parent_code else village_code.rsplit(".", 1)[0]

    def find(self, record_id: uuid.UUID, *, limit: int) -> list[dict[str, Any]]:
        """Up to ``limit`` likely duplicates of ``record_id``, best first."""
        c = CurrentRecordRow
        category = func.coalesce(ReviewClassRow.category_code, ReportFactRow.category_code, "")
        p = RecordRow.payload
        base = (select(c.id, c.entity, c.tracking_no, c.village_code, c.status,
                       c.first_received_at, p["title"].as_string().label("title"),
                       p["body"].as_string().label("body"),
                       p["incident_date"].as_string().label("incident_date"),
                       p["created_at"].as_string().label("created_at"),
                       category.label("category"))
                .join(RecordRow, current_revision_join())
                .join(ReportFactRow, facts_join())
                .outerjoin(ReviewClassRow, ReviewClassRow.record_id == c.id))
        ensure_current(self._db)
        with self._db.reads() as s:
            me = s.execute(base.where(c.id == record_id)).first()
            if me is None:
                raise not_found("record")
            if me.entity != "complaint":
                raise HubError(422, ErrorCode.INVALID_REQUEST,
                               "record_id: duplicates are looked for among complaints only")
            window = timedelta(days=WINDOW_DAYS)
            rows = s.execute(
                base.where(c.entity == "complaint", c.id != record_id, c.status != "rejected",
                           c.first_received_at >= me.first_received_at - window,
                           c.first_received_at <= me.first_received_at + window,
                           category == me.category)
                .order_by(c.first_received_at, c.id).limit(MAX_CANDIDATES)).all()
        mine = words(f"{me.title or ''} {me.body or ''}")
        my_day, my_kec = _day(me), self._kecamatan(me.village_code)
        scored = []
        for row in rows:
            text = jaccard(mine, words(f"{row.title or ''} {row.body or ''}"))
            if text < MIN_TEXT:
                continue
            apart = abs((_day(row) - my_day).days)
            near = max(0.0, 1 - apart / WINDOW_DAYS)
            place = 1.0 if row.village_code == me.village_code else (
                SAME_KECAMATAN if self._kecamatan(row.village_code) == my_kec else 0.0)
            score = (WEIGHTS["text"] * text + WEIGHTS["date"] * near
                     + WEIGHTS["place"] * place)
            scored.append((round(score, 4), row))
        scored.sort(key=lambda x: (-x[0], str(x[1].id)))
        return [{"id": row.id, "tracking_no": row.tracking_no, "village_code": row.village_code,
                 "village_name": (self._refs.regions[row.village_code].name
                                  if row.village_code in self._refs.regions
                                  else row.village_code),
                 "title": row.title or "", "category_code": row.category,
                 "status": row.status, "created_at": row.created_at,
                 "score": score}
                for score, row in scored[:limit]]
