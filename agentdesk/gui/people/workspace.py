"""Puts the supervisor's workspace (squad board, review queue) into the main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabWidget

from agentdesk.protocol.agents import AgentProfile, Role

if TYPE_CHECKING:
    from agentdesk.gui.people.board import BoardWorkspace
    from agentdesk.gui.people.reviews import ReviewQueue

#: The supervisor's softphone column (px): room for its controls, the rest for the board.
SOFTPHONE_WIDTH = 380
#: The roles whose window gets the workspace (operators and trainees keep theirs).
WORKSPACE_ROLES = frozenset({Role.TEAM_LEADER, Role.TUTOR, Role.ADMIN})


def install_workspace(
    window: QMainWindow, profile: AgentProfile, board: BoardWorkspace, reviews: ReviewQueue
) -> QTabWidget | None:
    """For team leaders, tutors and admins: tabs with the board (and the review queue for
    tutors), the Customer 360 kept as the last tab. Operators keep their window as it is."""
    if profile.role not in WORKSPACE_ROLES:
        return None
    current = window.centralWidget()
    if current is not None and current.objectName() == "supervisorTabs":
        return None
    center = window.takeCentralWidget()
    tabs = QTabWidget(window)
    tabs.setObjectName("supervisorTabs")
    if profile.role is Role.TUTOR:
        tabs.addTab(reviews, QCoreApplication.translate("SupervisorWorkspace", "Review queue"))
        tabs.addTab(board, QCoreApplication.translate("SupervisorWorkspace", "My trainees"))
    else:
        tabs.addTab(board, QCoreApplication.translate("SupervisorWorkspace", "Squad board"))
        if profile.role is Role.ADMIN:
            tabs.addTab(reviews, QCoreApplication.translate("SupervisorWorkspace", "Review queue"))
    if center is not None:
        tabs.addTab(center, QCoreApplication.translate("SupervisorWorkspace", "Customer 360"))
    window.setCentralWidget(tabs)
    # A supervisor handles no contacts: the operator's panes make room for the board
    # (they stay in the View menu).
    for name in ("interactions_dock", "assist_dock", "myday_dock"):
        dock = getattr(window, name, None)
        if dock is not None:
            dock.hide()
    # The softphone stays (listening to an operator, calling back) but as a narrow column:
    # alone on its side it would otherwise take half the window from the board.
    phone = window.findChild(QDockWidget, "softphoneDock")
    if phone is not None:
        phone.setMaximumWidth(SOFTPHONE_WIDTH)
        window.resizeDocks([phone], [SOFTPHONE_WIDTH], Qt.Orientation.Horizontal)
    return tabs
