"""UI layer: the attachments of the complaint form: add by file dialog or drag-and-drop, see
thumbnails, remove. Files are checked (type by content, size, hash) off the GUI thread by
`ComplaintService.check_files`; they are copied into the store only when the draft is saved."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QImage,
    QImageReader,
    QKeySequence,
    QPixmap,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QHBoxLayout, QListView, QPushButton, QStyle, QVBoxLayout, QWidget

from kim_desktop.domain.messages import render
from kim_desktop.domain.models import AttachmentRef
from kim_desktop.domain.problems import Problem
from kim_desktop.services.attachments import CheckedFile
from ui.dialogs import FilePicker
from ui.errors import show_error
from ui.tasks import run_in_background

CheckFiles = Callable[[Sequence[Path]], tuple[list[CheckedFile], list[Problem]]]
THUMB = 96
EntryRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class _Entry:
    sha256: str
    filename: str
    media_type: str
    size: int
    new: CheckedFile | None = None      # None: already in the store


def _thumbnail(path: Path, media_type: str) -> QImage | None:
    """A small picture of a photo (decoded at reduced size; safe off the GUI thread)."""
    if not media_type.startswith("image/"):
        return None
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image


def _size_text(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


class AttachmentsWidget(QWidget):
    changed = Signal()
    problems_found = Signal(object)       # list[Problem] from the last check (may be empty)
    idle = Signal()                       # every check and thumbnail job has finished

    def __init__(self, check_files: CheckFiles, path_for: Callable[[str], Path],
                 max_files: Callable[[], int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check, self._path_for, self._max_files = check_files, path_for, max_files
        self.busy = 0
        self.model = QStandardItemModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setIconSize(QSize(THUMB, THUMB))
        self.view.setGridSize(QSize(THUMB + 48, THUMB + 44))
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setWordWrap(True)
        self.view.setMinimumHeight(THUMB + 56)
        self.view.setMaximumHeight(THUMB + 64)
        self.view.setAcceptDrops(False)     # drops land on this widget, which accepts files
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_selected)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.setAcceptDrops(True)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.add_button.setText(self.tr("Add files…"))
        self.add_button.setToolTip(self.tr("Photos (JPEG, PNG) or PDF. You can also drag files "
                                           "here."))
        self.remove_button.setText(self.tr("Remove"))
        self.view.setAccessibleName(self.tr("Attachments"))

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- content ----------------------------------------------------------------------------
    def entries(self) -> list[_Entry]:
        return [self.model.item(i).data(EntryRole) for i in range(self.model.rowCount())]

    def count(self) -> int:
        return self.model.rowCount()

    def new_files(self) -> list[CheckedFile]:
        return [e.new for e in self.entries() if e.new is not None]

    def keep(self) -> list[str]:
        return [e.sha256 for e in self.entries() if e.new is None]

    def new_paths(self) -> list[str]:
        return [str(f.path) for f in self.new_files()]

    def has_photos(self) -> bool:
        return any(e.media_type.startswith("image/") for e in self.entries())

    def clear(self) -> None:
        self.model.clear()

    def mark_stored(self) -> None:
        """The draft was saved: the new files are now in the store."""
        for i in range(self.model.rowCount()):
            item = self.model.item(i)
            e = item.data(EntryRole)
            if e.new is not None:
                item.setData(_Entry(e.sha256, e.filename, e.media_type, e.size), EntryRole)

    def set_existing(self, refs: Sequence[AttachmentRef]) -> None:
        self.model.clear()
        entries = [_Entry(r.sha256, r.filename, r.media_type, r.size) for r in refs]
        for e in entries:
            self._append(e, None)
        jobs = [(e.sha256, self._path_for(e.sha256), e.media_type) for e in entries]
        if jobs:
            self._start(lambda: {sha: _thumbnail(path, media) for sha, path, media in jobs},
                        self._on_thumbnails_loaded)

    def add_paths(self, paths: Sequence[Path]) -> None:
        """Check ``paths`` in the background and add the good ones."""
        paths = [Path(p) for p in paths]
        if not paths:
            return
        check = self._check

        def work() -> tuple[list[CheckedFile], list[Problem], dict[str, QImage | None]]:
            files, problems = check(paths)
            return files, problems, {f.sha256: _thumbnail(f.path, f.media_type) for f in files}

        self._start(work, self._on_checked)

    @Slot()
    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.view.selectedIndexes()}, reverse=True)
        for r in rows:
            self.model.removeRow(r)
        if rows:
            self.changed.emit()

    # -- internals --------------------------------------------------------------------------
    def _start(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.busy += 1

        def finish(result: Any) -> None:
            self.busy -= 1
            done(result)
            if not self.busy:
                self.idle.emit()

        def fail(error: BaseException) -> None:
            self.busy -= 1
            show_error(self, error)
            if not self.busy:
                self.idle.emit()

        run_in_background(work, finish, fail, owner=self, name="check attachments")

    def _append(self, e: _Entry, image: QImage | None) -> None:
        item = QStandardItem(f"{e.filename}\n{_size_text(e.size)}")
        item.setEditable(False)
        item.setData(e, EntryRole)
        item.setToolTip(e.filename)
        item.setIcon(self._icon(e, image))
        self.model.appendRow(item)

    def _icon(self, e: _Entry, image: QImage | None) -> QIcon:
        if image is not None:
            return QIcon(QPixmap.fromImage(image))
        return self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)

    def _on_checked(self, result: tuple[list[CheckedFile], list[Problem], dict[str, Any]]) -> None:
        files, problems, thumbs = result
        have = {e.sha256 for e in self.entries()}
        room = self._max_files() - len(have)
        added = 0
        for f in files:
            if f.sha256 in have:
                continue
            if added >= room:
                problems = [*problems, Problem("attachments", "too_many",
                                               *render("too_many", "attachments",
                                                       max=self._max_files()))]
                break
            self._append(_Entry(f.sha256, f.filename, f.media_type, f.size, f), thumbs.get(f.sha256))
            have.add(f.sha256)
            added += 1
        self.problems_found.emit(problems)
        if added:
            self.changed.emit()

    def _on_thumbnails_loaded(self, thumbs: dict[str, QImage | None]) -> None:
        for i in range(self.model.rowCount()):
            item = self.model.item(i)
            e = item.data(EntryRole)
            if thumbs.get(e.sha256) is not None:
                item.setIcon(self._icon(e, thumbs[e.sha256]))

    @Slot()
    def _on_add_clicked(self) -> None:
        paths = FilePicker.ask_open_files(self, self.tr("Choose photos or PDF files"),
                                          self.tr("Photos and PDF (*.jpg *.jpeg *.png *.pdf)"))
        self.add_paths(paths)

    # -- drag and drop ----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.add_paths(paths)
