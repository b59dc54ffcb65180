"""Services layer: full-text search over complaint title, body and location (SQLite FTS5)."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnClause, ColumnElement, TextClause, literal_column, text

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


def matches(user_text: str, *, drive: bool = True) -> ColumnElement[bool]:
    """``complaint.rowid IN (rows matching the search)``, for a complaint query's WHERE.

    With ``drive=False`` the rowid is written ``+complaint.rowid``, which keeps SQLite from
    starting at the match list (fetching and sorting every match, tens of milliseconds for a
    common word): it walks the date index newest first instead, tests each rowid against the
    list and stops after one page. Same rows either way; only the plan differs.
    """
    column: ColumnClause[Any] = literal_column("complaint.rowid" if drive else "+complaint.rowid")
    return column.in_(fts_rowids(user_text))
