"""The main window: top bar, dock panes around Customer 360, my-day bar, status line.

It builds and places the panes; wiring lives in :mod:`agentdesk.gui.desk` and
:mod:`agentdesk.gui.shell.focus`. At start-up the window exists before its panes
(:meth:`MainWindow.shell`): it shows the cache's picture (:mod:`agentdesk.gui.shell.preview`)
while the panes' modules load, and :meth:`MainWindow.build_panes` then puts them in place,
so this module imports no pane at load time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolBar, QWidget

from agentdesk.gui.icons import app_icon
from agentdesk.gui.shell.layout import restore_geometry, restore_layout, save_layout

if TYPE_CHECKING:
    from agentdesk.gui.assist.pane import AssistPane
    from agentdesk.gui.customer.center import Customer360
    from agentdesk.gui.customer.history_model import HistoryModel
    from agentdesk.gui.interactions.model import InteractionListModel
    from agentdesk.gui.interactions.pane import InteractionsPane
    from agentdesk.gui.shell.myday import MyDayBar, MyDayModel
    from agentdesk.gui.shell.topbar import TopBar
    from agentdesk.gui.statusline import StatusLine

DEFAULT_SIZE = QSize(1600, 1000)


class MainWindow(QMainWindow):
    """The operator's workstation window."""

    closeRequested = Signal()
    topbar: TopBar
    center: Customer360
    interactions: InteractionsPane
    assist: AssistPane
    myday: MyDayBar
    statusline: StatusLine
    interactions_dock: QDockWidget
    assist_dock: QDockWidget
    myday_dock: QDockWidget

    def __init__(
        self,
        interactions: InteractionListModel | None,
        history: HistoryModel | None,
        myday: MyDayModel | None,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        """With the models, the whole window; with None, the shell (see :meth:`shell`)."""
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("AgentDesk"))
        self.setWindowIcon(app_icon())
        self.setDockNestingEnabled(True)
        self._settings = settings
        self._closing = False
        self._built = False
        self._hidden_swap = False
        self.resize(DEFAULT_SIZE)
        if interactions is not None and history is not None and myday is not None:
            self.build_panes(interactions, history, myday)

    @classmethod
    def shell(cls, settings: QSettings) -> MainWindow:
        """The window without its panes, for the first paint."""
        return cls(None, None, None, settings)

    @property
    def built(self) -> bool:
        return self._built

    def build_panes(
        self, interactions: InteractionListModel, history: HistoryModel, myday: MyDayModel
    ) -> None:
        """Build and place the panes. Over a shown picture (the first paint), the window
        stops repainting until :meth:`reveal`, so empty panes never flash before the
        session has put the cached picture in them."""
        from agentdesk.gui.assist.pane import AssistPane
        from agentdesk.gui.customer.center import Customer360
        from agentdesk.gui.interactions.pane import InteractionsPane
        from agentdesk.gui.shell.myday import MyDayBar
        from agentdesk.gui.shell.topbar import TopBar
        from agentdesk.gui.statusline import StatusLine

        if self._built:
            raise RuntimeError("the panes are already built")
        if self.isVisible():
            self.setUpdatesEnabled(False)
            self._hidden_swap = True
        self._built = True
        shown = self.isVisible()

        self.topbar = TopBar(self)
        bar = QToolBar(self.tr("Top bar"), self)
        bar.setObjectName("topBarToolBar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.toggleViewAction().setEnabled(False)
        bar.addWidget(self.topbar)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

        self.center = Customer360(history, self)
        self.setCentralWidget(self.center)

        self.interactions = InteractionsPane(interactions, self)
        self.assist = AssistPane(self)
        self.myday = MyDayBar(myday, self)
        self.interactions_dock = self._dock(
            "interactionsDock",
            self.tr("Interactions"),
            self.interactions,
            Qt.DockWidgetArea.LeftDockWidgetArea,
        )
        self.assist_dock = self._dock(
            "assistDock", self.tr("Assist"), self.assist, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.myday_dock = self._dock(
            "myDayDock", self.tr("My day"), self.myday, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.interactions.countChanged.connect(self._interactions_count)
        # The bottom bar spans the full width; side panes stop above it.
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.BottomDockWidgetArea)

        self.statusline = StatusLine(self)
        self.setStatusBar(self.statusline)
        self._build_menu()
        if not shown:  # a shown shell keeps its (restored) size and place
            self.resize(DEFAULT_SIZE)
        self.resizeDocks(
            [self.interactions_dock, self.assist_dock], [330, 360], Qt.Orientation.Horizontal
        )

    def reveal(self) -> None:
        """Repaint again after :meth:`build_panes` over a shown picture (idempotent)."""
        if self._hidden_swap:
            self._hidden_swap = False
            self.setUpdatesEnabled(True)
            self.update()

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(area, dock)
        return dock

    def _interactions_count(self, count: int) -> None:
        title = self.tr("Interactions")
        self.interactions_dock.setWindowTitle(f"{title} ({count})" if count else title)

    def _build_menu(self) -> None:
        view = self.menuBar().addMenu(self.tr("&View"))
        self.view_menu = view  # panes added later (the softphone) put their toggle here
        for dock in (self.interactions_dock, self.assist_dock, self.myday_dock):
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        reset = QAction(self.tr("Reset layout"), self)
        reset.triggered.connect(self.reset_layout)
        view.addAction(reset)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu = self.menuBar().addMenu(self.tr("&AgentDesk"))
        file_menu.addAction(quit_action)
        self.menuBar().insertMenu(view.menuAction(), file_menu)
        self._default_state = self.saveState()

    # ---- layout -----------------------------------------------------------------------

    def restore_layout(self) -> bool:
        """The saved geometry, and the saved dock layout once the panes exist."""
        if not self._built:
            return restore_geometry(self, self._settings)
        return restore_layout(self, self._settings)

    def save_layout(self) -> None:
        save_layout(self, self._settings)

    def reset_layout(self) -> None:
        for dock in (self.interactions_dock, self.assist_dock, self.myday_dock):
            dock.setFloating(False)
            dock.show()
        self.restoreState(self._default_state)

    # ---- closing ----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing is asynchronous (the session says goodbye to the server first): the
        # first close asks for it; the desk closes the window again once it is done.
        if self._closing:
            event.accept()
            return
        if self._built:  # the shell alone has no layout worth keeping
            self.save_layout()
        event.ignore()
        self.closeRequested.emit()

    def close_now(self) -> None:
        self._closing = True
        self.close()
