"""Attendance grid: typed by keyboard at the door (Enter moves on, L/P keys, digits-only age),
duplicate names flagged, counts by gender and age band derived live."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from kim_desktop.domain.models import Participant
from ui.attendance_grid import AttendanceGrid
from ui.attendance_model import COL_AGE, COL_GENDER, COL_NAME, AttendanceTableModel


def _grid(qtbot: Any) -> AttendanceGrid:
    g = AttendanceGrid()
    qtbot.addWidget(g)
    g.resize(800, 400)
    g.show()
    qtbot.waitExposed(g)
    g.activateWindow()
    qtbot.waitUntil(g.isActiveWindow)
    g.start_entry()
    return g


def _type_row(qtbot: Any, g: AttendanceGrid, name: str, gender_key: Qt.Key, age: str,
              role: str) -> None:
    """One attendee as typed at the door: name ⏎ L/P age ⏎ role ⏎ ⏎ ⏎ (dusun, phone)."""
    qtbot.keyClicks(QApplication.focusWidget(), name[0])   # any key starts editing the cell
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    qtbot.keyClicks(QApplication.focusWidget(), name[1:])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: g.view.currentIndex().column() == COL_GENDER)
    qtbot.keyClick(QApplication.focusWidget(), gender_key)
    qtbot.waitUntil(lambda: g.view.currentIndex().column() == COL_AGE)
    qtbot.keyClicks(QApplication.focusWidget(), age)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    for text in (role, "", ""):
        qtbot.keyClicks(QApplication.focusWidget(), text)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: g.view.currentIndex().column() == COL_NAME)


def test_grid_entry_by_keyboard_moves_on_and_counts_live(qtbot: Any) -> None:
    g = _grid(qtbot)
    _type_row(qtbot, g, "Siti Aminah", Qt.Key.Key_P, "35", "PKK")
    _type_row(qtbot, g, "Andi Baso", Qt.Key.Key_L, "6x7", "warga")
    people = g.model.participants()
    assert [p.name for p in people] == ["Siti Aminah", "Andi Baso"]
    assert [p.gender for p in people] == ["P", "L"]
    assert [p.age for p in people] == [35, 67]           # the letter never reached the cell
    assert [p.role for p in people] == ["PKK", "warga"]
    assert g.view.currentIndex().row() == 2               # on the blank entry row
    assert g.model.counts().gender == {"L": 1, "P": 1, "unknown": 0, "total": 2}
    assert "L 1" in g.counts_label.text() and "P 1" in g.counts_label.text()


def test_gender_cell_refuses_other_letters(qtbot: Any) -> None:
    g = _grid(qtbot)
    qtbot.keyClicks(g.view, "Rina")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: g.view.currentIndex().column() == COL_GENDER)
    qtbot.keyClicks(QApplication.focusWidget(), "xq")
    assert g.view.currentIndex().column() == COL_GENDER
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F)
    qtbot.waitUntil(lambda: g.view.currentIndex().column() == COL_AGE)
    assert g.model.participants()[0].gender == "P"


def test_duplicate_name_warning(qtbot: Any) -> None:
    g = _grid(qtbot)
    _type_row(qtbot, g, "Siti Aminah", Qt.Key.Key_P, "35", "PKK")
    assert g.duplicate_label.isHidden()
    with qtbot.waitSignal(g.model.duplicates_changed):
        _type_row(qtbot, g, "siti  aminah", Qt.Key.Key_P, "40", "warga")
    assert g.model.duplicate_names() == ["Siti Aminah"]
    assert g.duplicate_label.isVisible() and "Siti Aminah" in g.duplicate_label.text()
    assert g.model.index(1, COL_NAME).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_attendance_model_contract_and_age_bands(qtmodeltester: Any) -> None:
    m = AttendanceTableModel()
    m.set_participants([Participant(f"p{i}", "LP"[i % 2], i * 3 if i % 5 else None)
                        for i in range(30)])
    qtmodeltester.check(m)
    c = m.counts()
    assert c.gender["total"] == 30 and c.gender["L"] == 15 and c.gender["P"] == 15
    assert sum(c.age_bands.values()) == 30 and c.age_bands["?"] == 6
    assert not m.setData(m.index(0, COL_GENDER), "banci?")   # never guessed
    assert m.setData(m.index(0, COL_GENDER), "Perempuan")
    assert m.participants()[0].gender == "P"


def test_moving_between_cells_repaints_only_the_cells_that_change(qtbot: Any,
                                                                 monkeypatch: Any) -> None:
    """Enter hands the focus from an editor to the view and on to the next editor; Qt would
    repaint every visible row on each hand-over (the slowest keystroke with a full screen)."""
    rows: set[int] = set()
    original = AttendanceTableModel.data

    def counting(self: AttendanceTableModel, index: Any,
                 role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        rows.add(index.row())
        return original(self, index, role)

    monkeypatch.setattr(AttendanceTableModel, "data", counting)
    g = _grid(qtbot)
    g.model.set_participants([Participant(f"Peserta {i}", "P", 30) for i in range(40)])
    g.view.setCurrentIndex(g.model.index(5, COL_NAME))
    qtbot.keyClick(g.view, Qt.Key.Key_Return)          # not editing: moves on and edits
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    QApplication.processEvents()
    visible = {r for r in range(g.model.rowCount())
               if g.view.visualRect(g.model.index(r, 0)).intersects(g.view.viewport().rect())}
    assert len(visible) > 5
    # the first key also pays for what the set-up left pending (the view's delayed layout)
    steps = (("L", COL_AGE), ("52\r", COL_AGE + 1), ("PKK\r", COL_AGE + 2),
             ("Dusun 1\r", COL_AGE + 3))
    for n, (keys, column) in enumerate(steps):
        rows.clear()
        for key in keys:
            if key == "\r":
                qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
            else:
                qtbot.keyClicks(QApplication.focusWidget(), key)
        qtbot.waitUntil(lambda c=column: g.view.currentIndex().column() == c)
        QApplication.processEvents()
        if n:
            assert rows == {5}, (keys, sorted(rows))        # only the row being typed
    assert g.model.participants()[5] == Participant("Peserta 5", "L", 52, "PKK", "Dusun 1")
