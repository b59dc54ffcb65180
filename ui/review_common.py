"""UI layer: what the parts of the review workspace share: the logged-in client, the reference
lists for display, the one error path (an expired login sends the reviewer back to the login
box), and running a hub call off the GUI thread."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from kim_desktop.domain.enums import Status
from kim_desktop.domain.reference import ReferenceData
from sync.client.review import NotLoggedIn, ReviewClient
from ui.labels import status_label
from ui.tasks import run_in_background
from ui.widgets import STATUS_ROLE, fit_columns_to_text

KeyRole = Qt.ItemDataRole.UserRole


@dataclass
class ReviewContext:
    client: Callable[[], ReviewClient | None]
    refs: Callable[[], ReferenceData]
    on_error: Callable[[BaseException], None]

    def call(self, fn: Callable[[ReviewClient], Any], on_done: Callable[[Any], None], *,
             owner: QObject, name: str,
             on_error: Callable[[BaseException], None] | None = None) -> bool:
        """Run ``fn(client)`` on a worker thread; False when nobody is logged in."""
        client = self.client()
        if client is None or not client.logged_in:
            self.on_error(NotLoggedIn("not logged in"))
            return False
        run_in_background(lambda: fn(client), on_done, on_error or self.on_error, owner=owner,
                          name=name)
        return True


def status_text(raw: str | None) -> str:
    """A hub status in words (the hub's code itself when this app does not know it)."""
    if not raw:
        return ""
    try:
        return status_label(Status(raw))
    except ValueError:
        return raw


def status_item(raw: str) -> QStandardItem:
    item = QStandardItem(status_text(raw))
    with contextlib.suppress(ValueError):
        item.setData(Status(raw), STATUS_ROLE)
    item.setEditable(False)
    return item


def review_table(model: QStandardItemModel, *, multi: bool = False) -> QTableView:
    """A read-only table of the workspace: whole rows selected (several with ``multi``),
    columns as wide as their text, Tab leaves the table."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setTabKeyNavigation(False)
    fit_columns_to_text(view)
    return view


def item(text: object, key: object = None) -> QStandardItem:
    it = QStandardItem("" if text is None else str(text))
    it.setEditable(False)
    if key is not None:
        it.setData(key, KeyRole)
    return it


def reason_text(reason: str) -> str:
    return {
        "duplicate_of": QCoreApplication.translate("ReviewContext", "Duplicate of another report"),
        "not_public_service": QCoreApplication.translate("ReviewContext",
                                                         "Not about a public service"),
        "unclear": QCoreApplication.translate("ReviewContext", "Unclear, cannot be followed up"),
        "abusive": QCoreApplication.translate("ReviewContext", "Abusive or offensive"),
    }.get(reason, reason)
