"""Services layer: full-text search over complaint title, body and location (SQLite FTS5)."""

from __future__ import annotations

import re

from sqlalchemy import TextClause, text

_TOKEN = re.compile(r"\w+", re.UNICODE)


def match_expression(user_text: str) -> str:
    """Every word must appear; each word also matches as a prefix (``jala`` finds ``jalan``).

    Words are quoted, so FTS5 operators typed by a user (``AND``, ``NEAR``, ``*``, ``"``) are
    searched as text instead of breaking the query.
    """
    words = _TOKEN.findall(user_text)
    return " ".join(f'"{w}"*' for w in words[:16])


def fts_rowids(user_text: str) -> TextClause:
    expr = match_expression(user_text)
    return text("SELECT rowid FROM complaint_fts WHERE complaint_fts MATCH :q").bindparams(
        q=expr or '""')
