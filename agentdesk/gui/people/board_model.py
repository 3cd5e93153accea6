"""The squad board's table: one row per member, columns of live figures."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from agentdesk.gui import colors, fmt
from agentdesk.protocol.teams import TeamMemberLive

Index = QModelIndex | QPersistentModelIndex
MOOD_COLORS = {"negative": colors.DANGER, "positive": colors.OK, "neutral": colors.MUTED}


class TeamBoardModel(QAbstractTableModel):
    """Members of the squad with state, time in it, current contact, mood, today's KPIs."""

    AGENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
    COLUMNS = ("name", "state", "time", "current", "mood", "handled", "aht", "fcr")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.members: list[TeamMemberLive] = []
        self._headers = [
            QCoreApplication.translate("TeamBoardModel", "Operator"),
            QCoreApplication.translate("TeamBoardModel", "State"),
            QCoreApplication.translate("TeamBoardModel", "Time in state"),
            QCoreApplication.translate("TeamBoardModel", "Current contact"),
            QCoreApplication.translate("TeamBoardModel", "Mood"),
            QCoreApplication.translate("TeamBoardModel", "Handled"),
            QCoreApplication.translate("TeamBoardModel", "AHT"),
            QCoreApplication.translate("TeamBoardModel", "FCR"),
        ]

    def set_members(self, members: list[TeamMemberLive]) -> None:
        """Replace rows by agent id: changed rows are updated in place, others reset."""
        if [m.agent_id for m in members] == [m.agent_id for m in self.members]:
            self.members = list(members)
            if members:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(members) - 1, len(self.COLUMNS) - 1)
                )
            return
        self.beginResetModel()
        self.members = list(members)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.members)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.members):
            return None
        m = self.members[index.row()]
        column = self.COLUMNS[index.column()]
        if role == self.AGENT_ID_ROLE:
            return m.agent_id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(m, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == "state":
                return QColor(colors.STATE_COLORS.get(m.state.state.value, colors.TEXT))
            if column == "mood" and m.mood:
                return QColor(MOOD_COLORS.get(m.mood, colors.TEXT))
        return None

    def _text(self, m: TeamMemberLive, column: str) -> str:
        if column == "name":
            return m.name
        if column == "state":
            reason = f" ({m.state.reason.value})" if m.state.reason else ""
            return m.state.state.value.replace("_", " ") + reason
        if column == "time":
            return fmt.clock(m.time_in_state_s)
        if column == "current":
            if not m.current_interaction_id:
                return "–"
            return f"{m.current_channel or ''} {m.current_customer or ''}".strip()
        if column == "mood":
            return m.mood or "–"
        if column == "handled":
            return str(m.handled_today)
        if column == "aht":
            return fmt.duration(m.aht_today_s) if m.aht_today_s is not None else "–"
        return fmt.percent(m.fcr_today) if m.fcr_today is not None else "–"
