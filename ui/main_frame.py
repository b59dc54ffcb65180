"""UI layer: the frame of the main window: the navigation built from the page table
(`ui.main_pages`), the page stack, the status bar, the window geometry, and the two-step start.

``PagedWindow`` without a core is the first frame: navigation, status bar and "Opening the
data…", built from Qt-only imports so that it paints at once (it touches no ``Qt.`` enum and
no QStyle enum: creating those Python types costs ~15 ms). It emits `first_painted` after that
paint; `attach_frame` then gives it the core, the page icons, the shortcuts Ctrl+1…9 and turns
the navigation on. Pages are built by `page` on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QSize, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from ui.main_pages import PAGE_COMPLAINTS, PAGES

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

    from kim_desktop.core import Core
    from ui.i18n import Translations
    from ui.sync_controller import SyncControllerLike

#: The UI language, mirrored from the preferences in the view settings so that the first frame
#: speaks it before the store is open.
LANGUAGE_KEY = "ui/language"


def remembered_language(settings: QSettings, default: str = "id") -> str:
    value = settings.value(LANGUAGE_KEY, default)
    return value if isinstance(value, str) and value else default


class PagedWindow(QMainWindow):
    first_painted = Signal()        # once, after the first paint of the window has finished

    def __init__(self, settings: QSettings, translations: Translations | None,
                 sync: SyncControllerLike | None) -> None:
        super().__init__()
        self._core: Core | None = None
        self._settings, self._translations, self._sync = settings, translations, sync
        self._frame_painted = False
        self._built: dict[str, QWidget] = {}
        self.loading_label = QLabel()
        self.loading_label.setObjectName("loading")
        self.loading_label.setStyleSheet("color: palette(mid); font-size: 14pt; "
                                         "qproperty-alignment: AlignCenter;")
        self.pages = QStackedWidget()
        self.nav = QListWidget()
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setObjectName("navigation")
        for row in range(len(PAGES)):
            QListWidgetItem(self.nav)
            self.pages.addWidget(self.loading_label if row == PAGE_COMPLAINTS else QWidget())
        self.nav.setFixedWidth(190)
        self.nav.setEnabled(False)          # until the store is open
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.nav.setCurrentRow(PAGE_COMPLAINTS)
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        self.resize(1200, 780)
        geometry = self._settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._frame_painted:
            self._frame_painted = True      # the children paint in the same pass; then the signal
            QTimer.singleShot(0, self.first_painted.emit)

    @property
    def loaded(self) -> bool:
        return self._core is not None

    @property
    def core(self) -> Core:
        if self._core is None:
            raise RuntimeError("the store is not open yet")
        return self._core

    @property
    def sync(self) -> SyncControllerLike | None:
        return self._sync

    def attach_frame(self, core: Core, sync: SyncControllerLike | None) -> None:
        from PySide6.QtWidgets import QStyle

        self._core, self._sync = core, sync if sync is not None else self._sync
        self.statusBar().clearMessage()
        for row, spec in enumerate(PAGES):
            self.nav.item(row).setIcon(self.style().standardIcon(
                getattr(QStyle.StandardPixmap, spec.icon)))
        for row in range(min(len(PAGES), 9)):
            QShortcut(QKeySequence(f"Ctrl+{row + 1}"), self).activated.connect(
                lambda r=row: self.show_page(r))
        self.apply_page_visibility()
        self.nav.setEnabled(True)
        if self._translations is not None:
            self._settings.setValue(LANGUAGE_KEY, self._translations.language)

    def apply_page_visibility(self) -> None:
        if self._core is not None:
            for row, spec in enumerate(PAGES):
                self.nav.setRowHidden(row, not spec.visible(self._core))

    # -- pages ------------------------------------------------------------------------------
    def page(self, row: int) -> QWidget:
        """The page of navigation row ``row``, built (and put in the stack) on first use."""
        spec = PAGES[row]
        built = self._built.get(spec.key)
        if built is None:
            built = spec.factory(self)  # type: ignore[arg-type]
            placeholder = self.pages.widget(row)
            self.pages.insertWidget(row, built)
            self.pages.removeWidget(placeholder)
            placeholder.hide()
            if placeholder is not self.loading_label:
                placeholder.deleteLater()
            if self.nav.currentRow() == row:
                self.pages.setCurrentIndex(row)
            self._built[spec.key] = built
        return built

    def built_page(self, key: str) -> QWidget | None:
        """The page ``key`` if it was built already (nothing is built here)."""
        return self._built.get(key)

    def show_page(self, row: int) -> None:
        """Navigation row ``row`` (Ctrl+<row + 1>), when the store is open and the row shown."""
        if self.loaded and 0 <= row < self.nav.count() and not self.nav.isRowHidden(row):
            self.nav.setCurrentRow(row)

    @Slot(int)
    def _on_nav_current_row_changed(self, row: int) -> None:
        if not self.loaded or row < 0:
            self.pages.setCurrentIndex(max(row, 0))
            return
        page = self.page(row)
        self.pages.setCurrentIndex(row)
        on_show = PAGES[row].on_show
        if on_show is not None:
            on_show(page)

    # -- text and window state --------------------------------------------------------------
    def retranslate_frame(self) -> None:
        prof = self._core.device.profile_or_none() if self._core is not None else None
        self.setWindowTitle(f"KIM Desktop · {prof.kim_name}" if prof else "KIM Desktop")
        for row, spec in enumerate(PAGES):
            name = QCoreApplication.translate("MainWindow", spec.label)
            item = self.nav.item(row)
            item.setText(name)
            item.setToolTip(f"{name} (Ctrl+{row + 1})" if row < 9 else name)
        self.loading_label.setText(QCoreApplication.translate("MainWindow", "Opening the data…"))
        if not self.loaded:
            self.statusBar().showMessage(self.loading_label.text())

    def remember_language(self, language: str) -> None:
        self._settings.setValue(LANGUAGE_KEY, language)

    def save_geometry(self) -> None:
        self._settings.setValue("main_window/geometry", self.saveGeometry())

    def bring_to_front(self) -> None:
        """A second start asked for this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def sizeHint(self) -> QSize:
        return QSize(1200, 780)

    def changeEvent(self, event: Any) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.retranslate_frame()
