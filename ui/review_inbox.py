"""UI layer: the reviewer's inbox: batches sent by the villages (village, date, counts per
status), the records of the chosen batch, and the filters "Perlu ditinjau" (open batches) and
"Lewat tenggat" (records past the 3-working-day deadline, listed directly). Several records can
be verified at once. Everything is read from the hub off the GUI thread."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sync.client.review import BatchRecord, BatchSummary, DecisionResult, OverdueItem
from ui.formatting import date_text, datetime_text
from ui.review_common import (
    KeyRole,
    ReviewContext,
    item,
    review_table,
    status_item,
    status_text,
)
from ui.widgets import StatusBadgeDelegate

FILTER_OPEN, FILTER_ALL, FILTER_OVERDUE = "open", "all", "overdue"


class ReviewInbox(QWidget):
    record_chosen = Signal(object)       # uuid.UUID | None
    decided = Signal()                   # a bulk decision changed records at the hub

    def __init__(self, ctx: ReviewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.batches: list[BatchSummary] = []
        self.records: list[BatchRecord] = []
        self.overdue: list[OverdueItem] = []
        self.current_batch: uuid.UUID | None = None
        self.loading = 0
        self._reloading = False
        self._tickets: dict[str, int] = {}
        self.filter_combo = QComboBox()
        self.filter_combo.currentIndexChanged.connect(self.refresh)
        self.filter_label = QLabel()
        self.filter_label.setBuddy(self.filter_combo)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self).activated.connect(
            self.refresh)
        self.batch_model = QStandardItemModel(0, 5, self)
        self.batch_view = review_table(self.batch_model)
        self.batch_view.selectionModel().selectionChanged.connect(self._on_batch_selected)
        self.record_model = QStandardItemModel(0, 5, self)
        self.record_view = review_table(self.record_model, multi=True)
        self.record_view.setItemDelegateForColumn(2, StatusBadgeDelegate(self.record_view))
        self.record_view.selectionModel().selectionChanged.connect(self._on_record_selected)
        self.batches_label, self.records_label = QLabel(), QLabel()
        self.bulk_button = QPushButton()
        self.bulk_button.setEnabled(False)
        self.bulk_button.clicked.connect(self.verify_selected)
        self.bulk_message = QLabel(wordWrap=True)
        top = QHBoxLayout()
        top.addWidget(self.filter_label)
        top.addWidget(self.filter_combo, 1)
        top.addWidget(self.refresh_button)
        self.batch_box = QWidget()
        bl = QVBoxLayout(self.batch_box)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.batches_label)
        bl.addWidget(self.batch_view)
        rec_box = QWidget()
        rl = QVBoxLayout(rec_box)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.records_label)
        rl.addWidget(self.record_view)
        bulk = QHBoxLayout()
        bulk.addWidget(self.bulk_message, 1)
        bulk.addWidget(self.bulk_button)
        rl.addLayout(bulk)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.batch_box)
        split.addWidget(rec_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        current = self.filter_combo.currentData() or FILTER_OPEN
        self.filter_combo.blockSignals(True)
        self.filter_combo.clear()
        self.filter_combo.addItem(self.tr("Needs review"), FILTER_OPEN)
        self.filter_combo.addItem(self.tr("All batches"), FILTER_ALL)
        self.filter_combo.addItem(self.tr("Past the deadline"), FILTER_OVERDUE)
        self.filter_combo.setCurrentIndex(max(0, self.filter_combo.findData(current)))
        self.filter_combo.blockSignals(False)
        self.filter_label.setText(self.tr("&Show:"))
        self.refresh_button.setText(self.tr("Reload"))
        self.refresh_button.setToolTip(self.tr("Load the lists again from the hub (F5)"))
        self.batch_model.setHorizontalHeaderLabels([
            self.tr("Village"), self.tr("Received"), self.tr("Records"),
            self.tr("Counts per status"), self.tr("State")])
        self.bulk_button.setText(self.tr("Verify selected"))
        self._set_record_headers()
        self._update_labels()

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _set_record_headers(self) -> None:
        if self.filter_combo.currentData() == FILTER_OVERDUE:
            heads = [self.tr("Tracking no."), self.tr("Village"), self.tr("Status"),
                     self.tr("Due"), self.tr("Working days late")]
        else:
            heads = [self.tr("Tracking no."), self.tr("Village"), self.tr("Status"),
                     self.tr("Title"), self.tr("Revision")]
        self.record_model.setHorizontalHeaderLabels(heads)

    def _update_labels(self) -> None:
        self.batches_label.setText(self.tr("Batches from the villages: %1").replace(
            "%1", str(len(self.batches))))
        if self.filter_combo.currentData() == FILTER_OVERDUE:
            self.records_label.setText(self.tr("Records past the deadline: %1").replace(
                "%1", str(len(self.overdue))))
        else:
            self.records_label.setText(self.tr("Records of the chosen batch: %1").replace(
                "%1", str(len(self.records))))

    # -- loading -----------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        mode = self.filter_combo.currentData() or FILTER_OPEN
        self._set_record_headers()
        self.batch_box.setVisible(mode != FILTER_OVERDUE)
        self._tickets["records"] = self._tickets.get("records", 0) + 1   # drop older answers
        if mode == FILTER_OVERDUE:
            self._start(lambda c: c.overdue(), self._show_overdue, "review-overdue", "list")
        else:
            state = "open" if mode == FILTER_OPEN else None
            self._start(lambda c: c.batches(state=state, limit=200), self._show_batches,
                        "review-batches", "list")

    def _start(self, fn: Any, done: Any, name: str, slot: str = "") -> None:
        """Ask the hub; for a ``slot``, only the answer to the latest question is shown."""
        ticket = self._tickets[slot] = self._tickets.get(slot, 0) + 1

        def finish(result: Any) -> None:
            self.loading -= 1
            if not slot or self._tickets.get(slot) == ticket:
                done(result)

        def fail(error: BaseException) -> None:
            self.loading -= 1
            self._ctx.on_error(error)

        self.loading += 1
        if not self._ctx.call(fn, finish, owner=self, name=name, on_error=fail):
            self.loading -= 1

    def _show_batches(self, batches: list[BatchSummary]) -> None:
        refs = self._ctx.refs()
        self.batches, self.overdue = batches, []
        keep = self.current_batch
        self.batch_model.removeRows(0, self.batch_model.rowCount())
        for b in batches:
            counts = " · ".join(f"{status_text(s)}: {n}" for s, n in sorted(b.counts.items()))
            state = self.tr("Needs review") if b.state == "open" else self.tr("Decided")
            self.batch_model.appendRow([item(refs.village_label(b.village_code), b.batch_id),
                                        item(datetime_text(b.received_at)),
                                        item(b.record_count), item(counts), item(state)])
        self._update_labels()
        row = next((i for i, b in enumerate(batches) if b.batch_id == keep), 0 if batches else -1)
        if row >= 0:
            self.batch_view.selectRow(row)
        else:
            self._show_records([])

    def _show_overdue(self, items: list[OverdueItem]) -> None:
        refs = self._ctx.refs()
        keep = self.selected_record_ids()
        self.overdue, self.records = items, []
        self._reloading = True
        self.record_model.removeRows(0, self.record_model.rowCount())
        for o in items:
            self.record_model.appendRow([item(o.tracking_no or "—", o.id),
                                         item(refs.village_label(o.village_code)),
                                         status_item(o.status), item(date_text(o.due)),
                                         item(o.working_days_late)])
        self._update_labels()
        self._reselect(keep)

    @Slot(QItemSelection, QItemSelection)
    def _on_batch_selected(self, *_: Any) -> None:
        rows = self.batch_view.selectionModel().selectedRows()
        if not rows:
            return
        batch_id = rows[0].data(KeyRole)
        self.current_batch = batch_id
        self._start(lambda c: c.batch_records(batch_id), self._show_records, "review-records",
                    "records")

    def _show_records(self, records: list[BatchRecord]) -> None:
        refs = self._ctx.refs()
        keep = self.selected_record_ids()
        self.records = records
        self._reloading = True
        self.record_model.removeRows(0, self.record_model.rowCount())
        for r in records:
            title = str(r.payload.get("title") or r.payload.get("topic") or "")
            self.record_model.appendRow([item(r.tracking_no or "—", r.id),
                                         item(refs.village_label(r.village_code)),
                                         status_item(r.status), item(title),
                                         item(f"{r.revision}/{r.latest_revision}")])
        self._update_labels()
        self._reselect(keep)

    def _reselect(self, ids: list[uuid.UUID]) -> None:
        """Select ``ids`` again after a reload; tell once what is selected now."""
        for row in range(self.record_model.rowCount()):
            if self.record_model.item(row, 0).data(KeyRole) in ids:
                self.record_view.selectionModel().select(
                    self.record_model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.Select
                    | QItemSelectionModel.SelectionFlag.Rows)
        self._reloading = False
        self._on_record_selected()

    @Slot(QItemSelection, QItemSelection)
    def _on_record_selected(self, *_: Any) -> None:
        if self._reloading:
            return
        ids = self.selected_record_ids()
        self.bulk_button.setEnabled(len(ids) > 1)
        self.record_chosen.emit(ids[0] if len(ids) == 1 else None)

    def selected_record_ids(self) -> list[uuid.UUID]:
        rows = sorted(self.record_view.selectionModel().selectedRows(), key=lambda i: i.row())
        return [r.data(KeyRole) for r in rows]

    def select_record(self, record_id: uuid.UUID) -> bool:
        for row in range(self.record_model.rowCount()):
            if self.record_model.item(row, 0).data(KeyRole) == record_id:
                self.record_view.selectRow(row)
                return True
        return False

    # -- bulk --------------------------------------------------------------------------------
    @Slot()
    def verify_selected(self) -> None:
        ids = self.selected_record_ids()
        if len(ids) < 2:
            return
        self.bulk_button.setEnabled(False)
        self.bulk_message.setText(self.tr("Verifying %1 record(s)…").replace(
            "%1", str(len(ids))))
        self._start(lambda c: c.decide_many(ids, "verify"), self._on_bulk_done, "review-bulk")

    def _on_bulk_done(self, results: list[DecisionResult]) -> None:
        ok = sum(1 for r in results if r.ok)
        failed = len(results) - ok
        text = self.tr("Verified: %1.").replace("%1", str(ok))
        if failed:
            text += " " + self.tr("Not verified (status changed or locked by another "
                                  "reviewer): %1.").replace("%1", str(failed))
        self.bulk_message.setText(text)
        self.decided.emit()
        self.refresh()
