"""The main window: top bar, dock panes around Customer 360, my-day bar, status line.

It builds and places the panes; wiring lives in :mod:`agentdesk.gui.desk` and
:mod:`agentdesk.gui.shell.focus`.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolBar, QWidget

from agentdesk.gui.assist.pane import AssistPane
from agentdesk.gui.customer.center import Customer360
from agentdesk.gui.customer.history_model import HistoryModel
from agentdesk.gui.icons import app_icon
from agentdesk.gui.interactions.model import InteractionListModel
from agentdesk.gui.interactions.pane import InteractionsPane
from agentdesk.gui.shell.layout import restore_layout, save_layout
from agentdesk.gui.shell.myday import MyDayBar, MyDayModel
from agentdesk.gui.shell.topbar import TopBar
from agentdesk.gui.statusline import StatusLine

DEFAULT_SIZE = QSize(1600, 1000)


class MainWindow(QMainWindow):
    """The operator's workstation window."""

    closeRequested = Signal()

    def __init__(
        self,
        interactions: InteractionListModel,
        history: HistoryModel,
        myday: MyDayModel,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("AgentDesk"))
        self.setWindowIcon(app_icon())
        self.setDockNestingEnabled(True)
        self._settings = settings
        self._closing = False

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
        self.resize(DEFAULT_SIZE)
        self.resizeDocks(
            [self.interactions_dock, self.assist_dock], [330, 360], Qt.Orientation.Horizontal
        )

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
        self.save_layout()
        event.ignore()
        self.closeRequested.emit()

    def close_now(self) -> None:
        self._closing = True
        self.close()
