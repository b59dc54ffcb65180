"""The review workspace against a live hub over loopback: login (wrong password, expiry), the
inbox with counts per status and the overdue filter, decisions by keyboard (return needs a note,
reject needs a reason), bulk verify, a lock held by another reviewer, and the logged reveal."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.review_fixtures import REVIEWER, WAIT, ReviewApp, review_app, review_hub
from ui.errors import ErrorDialog
from ui.review_common import status_text
from ui.review_inbox import FILTER_ALL, FILTER_OVERDUE

__all__ = ["review_app", "review_hub"]       # fixtures used by name
ALT = Qt.KeyboardModifier.AltModifier


def test_wrong_password_is_told_and_the_right_one_opens_the_workspace(
        review_app: ReviewApp) -> None:
    page, box = review_app.page, review_app.page.login_box
    assert box.hub_edit.text() == review_app.hub.base_url      # from the preferences
    review_app.log_in("not-the-password")
    review_app.qtbot.waitUntil(lambda: not box.busy, timeout=WAIT)
    assert box.message.isVisible()
    assert box.message.text() == box.tr("Wrong username or password.")
    assert box.password_edit.text() == ""                      # never kept in the field
    assert not page.logged_in and page.stack.currentIndex() == 0
    # an empty field is named before anything is sent
    box.user_edit.clear()
    box.log_in()
    assert box.message.text() == box.tr("Username: required.")
    review_app.log_in()
    assert page.stack.currentWidget() is page.workspace
    assert REVIEWER in page.who_label.text()
    assert page.client is not None and "token" not in repr(page.client).lower()


def test_expired_login_goes_back_to_the_login_box(review_app: ReviewApp) -> None:
    review_app.log_in()
    page = review_app.page
    assert page.client is not None
    review_app.hub.clock.advance(timedelta(days=2))           # past the login token's life
    page.inbox.refresh()
    review_app.qtbot.waitUntil(lambda: not page.logged_in, timeout=WAIT)
    assert page.stack.currentIndex() == 0
    assert page.login_box.message.text() == page.login_box.tr(
        "Your login has expired. Log in again.")


def test_pushed_batch_appears_with_counts_and_overdue_filter(review_app: ReviewApp) -> None:
    v = review_app.village
    first, second, third = v.complaint(), v.complaint(), v.complaint()
    review_app.push(first, second, third)
    admin = review_app.api()
    admin.ok("POST", f"/records/{first.id}/lock")
    assert admin.decide(first.id, "verify").status_code == 200
    review_app.log_in()
    inbox = review_app.page.inbox
    qtbot = review_app.qtbot
    qtbot.waitUntil(lambda: inbox.batch_model.rowCount() == 1, timeout=WAIT)
    refs = review_app.page.ctx.refs()
    row = [inbox.batch_model.item(0, c).text() for c in range(5)]
    assert row[0] == refs.village_label(v.village_code)
    assert row[2] == "3"
    assert f"{status_text('received')}: 2" in row[3]
    assert f"{status_text('verified')}: 1" in row[3]
    qtbot.waitUntil(lambda: inbox.record_model.rowCount() == 3, timeout=WAIT)
    shown = {inbox.record_model.item(r, 0).text() for r in range(3)}
    assert shown == {first.payload.tracking_no, second.payload.tracking_no,
                     third.payload.tracking_no}
    # "Lewat tenggat": nothing yet; after 10 days two are past the 3-working-day deadline
    inbox.filter_combo.setCurrentIndex(inbox.filter_combo.findData(FILTER_OVERDUE))
    qtbot.waitUntil(lambda: inbox.loading == 0, timeout=WAIT)
    assert inbox.record_model.rowCount() == 0 and not inbox.batch_box.isVisibleTo(inbox)
    review_app.hub.clock.advance(timedelta(days=10))       # the login has expired too
    inbox.refresh()
    qtbot.waitUntil(lambda: not review_app.page.logged_in, timeout=WAIT)
    review_app.log_in()                                    # the filter stays as it was
    qtbot.waitUntil(lambda: inbox.record_model.rowCount() >= 2, timeout=WAIT)
    late = {inbox.record_model.item(r, 0).text() for r in range(inbox.record_model.rowCount())}
    assert {second.payload.tracking_no, third.payload.tracking_no} <= late
    assert all(int(inbox.record_model.item(r, 4).text()) > 0
               for r in range(inbox.record_model.rowCount()))


def test_return_needs_a_note_and_alt_k_reaches_the_hub(review_app: ReviewApp) -> None:
    v = review_app.village
    review_app.push(v.complaint(), v.complaint())          # the batch stays open after one
    review_app.log_in()
    rid = review_app.open_first_record()
    page, qtbot = review_app.page, review_app.qtbot
    decision = page.decision
    assert decision.buttons["return"].isEnabled()
    assert review_app.page.record_panel.lock_label.text() == page.record_panel.tr(
        "You are reviewing this record; other reviewers cannot change it meanwhile.")
    qtbot.keyClick(page.inbox.record_view, Qt.Key.Key_K, ALT)
    assert decision.message.text().startswith(decision.tr("Note: required when returning a "
                                                          "record to the village; say what "
                                                          "the village must correct.")[:10])
    assert decision.note_edit.hasFocus()
    assert review_app.status_at_hub(rid)["status"] == "received"
    qtbot.keyClicks(decision.note_edit, "Sebutkan RT/RW lokasi")
    qtbot.keyClick(decision.note_edit, Qt.Key.Key_K, ALT)
    qtbot.waitUntil(lambda: review_app.status_at_hub(rid)["status"] == "returned", timeout=WAIT)
    history = review_app.status_at_hub(rid)["history"]
    assert history[-1]["note"] == "Sebutkan RT/RW lokasi"
    assert history[-1]["actor"] == "rina"
    # the workspace shows the new status and no decision is possible any more
    qtbot.waitUntil(lambda: page.opened is not None and page.opened.detail.status == "returned",
                    timeout=WAIT)
    assert not decision.buttons["verify"].isEnabled()
    inbox = page.inbox
    row = next(r for r in range(inbox.record_model.rowCount())
               if inbox.record_model.item(r, 0).data(Qt.ItemDataRole.UserRole) == rid)
    qtbot.waitUntil(lambda: inbox.record_model.item(row, 2).text() == status_text("returned"),
                    timeout=WAIT)


def test_reject_needs_a_reason(review_app: ReviewApp) -> None:
    c = review_app.village.complaint()
    review_app.push(c)
    review_app.log_in()
    rid = review_app.open_first_record()
    page, qtbot = review_app.page, review_app.qtbot
    decision = page.decision
    qtbot.keyClick(page.inbox.record_view, Qt.Key.Key_T, ALT)
    assert decision.message.text() == decision.tr("Reason: choose why the record is rejected.")
    assert review_app.status_at_hub(rid)["status"] == "received"
    decision.reason_combo.setCurrentIndex(decision.reason_combo.findData("unclear"))
    qtbot.keyClick(page.inbox.record_view, Qt.Key.Key_T, ALT)
    qtbot.waitUntil(lambda: review_app.status_at_hub(rid)["status"] == "rejected", timeout=WAIT)
    assert review_app.status_at_hub(rid)["history"][-1]["note"].startswith("[unclear]")


def test_bulk_verify_of_selected_records(review_app: ReviewApp) -> None:
    v = review_app.village
    records = [v.complaint() for _ in range(3)]
    review_app.push(*records)
    review_app.log_in()
    inbox, qtbot = review_app.page.inbox, review_app.qtbot
    qtbot.waitUntil(lambda: inbox.record_model.rowCount() == 3, timeout=WAIT)
    inbox.record_view.selectAll()
    assert inbox.bulk_button.isEnabled()
    inbox.bulk_button.click()
    ids = [r.id for r in records]
    qtbot.waitUntil(lambda: all(review_app.status_at_hub(i)["status"] == "verified"
                                for i in ids), timeout=WAIT)
    verified = inbox.tr("Verified: %1.").replace("%1", "3")
    qtbot.waitUntil(lambda: inbox.bulk_message.text() == verified, timeout=WAIT)


def test_lock_held_by_another_reviewer_disables_the_decisions(review_app: ReviewApp) -> None:
    c = review_app.village.complaint()
    review_app.push(c)
    budi = review_app.api("budi", "reviewer")
    budi.ok("POST", f"/records/{c.id}/lock")
    review_app.log_in()
    rid = review_app.open_first_record()
    page, qtbot = review_app.page, review_app.qtbot
    assert "budi" in page.record_panel.lock_label.text()
    assert not any(b.isEnabled() for b in page.decision.buttons.values())
    assert not page.decision.classify_button.isEnabled()
    decision = page.decision
    decision.note_edit.setPlainText("tidak boleh terkirim")
    qtbot.keyClick(page.inbox.record_view, Qt.Key.Key_V, ALT)
    qtbot.keyClick(page.inbox.record_view, Qt.Key.Key_K, ALT)
    assert review_app.status_at_hub(rid)["status"] == "received"
    assert review_app.status_at_hub(rid)["locked_by"] == "budi"
    # once budi lets go, reopening the record gives rina the lock and the buttons
    budi.ok("DELETE", f"/records/{c.id}/lock")
    page.inbox.filter_combo.setCurrentIndex(page.inbox.filter_combo.findData(FILTER_ALL))
    page.choose_record(None)
    page.choose_record(rid)
    qtbot.waitUntil(lambda: decision.buttons["verify"].isEnabled(), timeout=WAIT)
    assert review_app.status_at_hub(rid)["locked_by"] == REVIEWER
    # leaving the record releases rina's lock
    page.choose_record(None)
    qtbot.waitUntil(lambda: review_app.status_at_hub(rid)["locked_by"] is None, timeout=WAIT)


def test_reveal_is_logged_at_the_hub(review_app: ReviewApp) -> None:
    c = review_app.village.complaint()
    review_app.push(c)
    review_app.log_in()
    rid = review_app.open_first_record()
    panel, qtbot = review_app.page.record_panel, review_app.qtbot
    name = c.payload.reporter.name
    assert name and name not in panel.content.toPlainText()
    assert review_app.api().ok("GET", "/reveals") == []
    panel.reveal_button.click()
    qtbot.waitUntil(lambda: panel.revealed is not None, timeout=WAIT)
    assert name in panel.content.toPlainText()
    assert panel.reveal_label.text() == panel.tr(
        "Identity shown. This was logged at the hub under your name, with the time and the "
        "record.")
    [entry] = review_app.api().ok("GET", "/reveals")
    assert (entry["actor"], entry["record_id"]) == (REVIEWER, str(rid))
    # leaving the record forgets the identity
    review_app.page.choose_record(None)
    assert panel.revealed is None and name not in panel.content.toPlainText()


def test_report_tabs_use_the_login_and_log_out_releases_the_lock(review_app: ReviewApp) -> None:
    review_app.push(review_app.village.complaint())
    review_app.log_in()
    page, qtbot = review_app.page, review_app.qtbot
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        page.tr("Review"), page.tr("Dashboard"), page.tr("Sync health")]
    with qtbot.waitSignal(page.health_panel.health_loaded, timeout=WAIT) as got:
        page.tabs.setCurrentWidget(page.health_panel)
    assert any(row["village_code"] == review_app.village.village_code for row in got.args[0])
    page.tabs.setCurrentIndex(0)
    rid = review_app.open_first_record()
    assert review_app.status_at_hub(rid)["locked_by"] == REVIEWER
    page.logout_button.click()
    assert not page.logged_in and page.stack.currentIndex() == 0
    qtbot.waitUntil(lambda: review_app.status_at_hub(rid)["locked_by"] is None, timeout=WAIT)


def test_changes_by_another_reviewer_meanwhile_are_told(review_app: ReviewApp) -> None:
    v = review_app.village
    review_app.push(v.complaint(), v.complaint())
    review_app.log_in()
    rid = review_app.open_first_record()
    page, qtbot = review_app.page, review_app.qtbot
    decision = page.decision
    # rina's lock runs out; budi takes the record: rina's decision is refused, budi named
    review_app.hub.clock.advance(timedelta(minutes=11))
    budi = review_app.api("budi", "reviewer")
    budi.ok("POST", f"/records/{rid}/lock")
    decision.note_edit.setPlainText("Lengkapi foto")
    qtbot.keyClick(decision.note_edit, Qt.Key.Key_K, ALT)
    qtbot.waitUntil(lambda: not decision.busy and "budi" in decision.message.text(),
                    timeout=WAIT)
    assert not decision.buttons["verify"].isEnabled()
    assert review_app.status_at_hub(rid)["status"] == "received"
    # budi verifies and lets go; rina (with a fresh lock on a stale view) is told it changed
    assert budi.decide(rid, "verify").status_code == 200
    decision.allowed = True
    decision.set_record(decision.detail, allowed=True)
    qtbot.keyClick(decision.note_edit, Qt.Key.Key_V, ALT)
    qtbot.waitUntil(lambda: bool(error_dialogs()), timeout=WAIT)
    [dialog] = error_dialogs()
    assert dialog.code == "invalid_transition"
    dialog.close()
    assert review_app.status_at_hub(rid)["history"][-1]["actor"] == "budi"


def error_dialogs() -> list[ErrorDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, ErrorDialog) and w.isVisible()]
