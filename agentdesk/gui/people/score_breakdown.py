"""Where a season score comes from: every component's value, weight and points, and every
penalty with its reason (opened by clicking the score on "My day")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agentdesk.gui import colors, fmt
from agentdesk.protocol.competition import IndividualEntry

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ScoreBreakdown(QDialog):
    """The lines of one :class:`IndividualEntry`, grouped quality / quantity / penalties."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scoreBreakdown")
        self.setWindowTitle(self.tr("Your season score"))
        self.headline = QLabel(self)
        self.headline.setObjectName("cardTitle")
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Component"), self.tr("Value"), self.tr("Weight"), self.tr("Points")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.header().setStretchLastSection(False)
        self.tree.setUniformRowHeights(True)
        self.note = QLabel(
            self.tr(
                "Points = value × weight × 1000. A component without data yet gives its "
                "weight to the others in its group. Penalties are entered by QA or your "
                "team leader, always with a reason."
            ),
            self,
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {colors.MUTED};")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(620, 420)
        self.entry: IndividualEntry | None = None
        self.show_entry(None)

    def component_name(self, name: str) -> str:
        names = {
            "csat": self.tr("Customer satisfaction (CSAT)"),
            "nps": self.tr("NPS after your contacts"),
            "qa": self.tr("Quality reviews"),
            "fcr": self.tr("First-contact resolution"),
            "adherence": self.tr("Script adherence (checkpoints confirmed)"),
            "volume": self.tr("Handled volume against the target"),
            "schedule_adherence": self.tr("Schedule adherence"),
        }
        return names.get(name, name)

    def _row(self, parent: QTreeWidgetItem, cells: list[str], color: str | None = None) -> None:
        item = QTreeWidgetItem(parent, cells)
        for column in (1, 2, 3):
            item.setTextAlignment(
                column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
        if color:
            for column in range(4):
                item.setForeground(column, QBrush(QColor(color)))

    def show_entry(self, entry: IndividualEntry | None) -> None:
        """Show ``entry`` (None: no standing yet this season)."""
        self.entry = entry
        self.tree.clear()
        if entry is None:
            self.headline.setText(self.tr("No season standing yet"))
            return
        self.headline.setText(
            self.tr("%1 points · rank #%2")
            .replace("%1", f"{entry.score:.0f}")
            .replace("%2", str(entry.rank))
        )
        groups = {"quality": self.tr("Quality"), "quantity": self.tr("Quantity")}
        for group, title in groups.items():
            lines = [line for line in entry.lines if line.group == group]
            share = sum(line.weight for line in lines)
            points = sum(line.points for line in lines)
            head = QTreeWidgetItem(self.tree, [title, "", fmt.percent(share), f"{points:.1f}"])
            _bold(head)
            for line in lines:
                value = fmt.percent(line.value) if line.value is not None else self.tr("no data")
                self._row(
                    head,
                    [self.component_name(line.name), value, fmt.percent(line.weight),
                     f"{line.points:.1f}"],
                    None if line.value is not None else colors.MUTED,
                )  # fmt: skip
            head.setExpanded(True)
        if entry.penalties:
            total = sum(p.points for p in entry.penalties)
            head = QTreeWidgetItem(self.tree, [self.tr("Penalties"), "", "", f"−{total:.1f}"])
            _bold(head)
            for p in entry.penalties:
                self._row(
                    head,
                    [p.reason, fmt.date_time(p.at), self.tr("by %1").replace("%1", p.by),
                     f"−{p.points:.1f}"],
                    colors.WARN,
                )  # fmt: skip
            head.setExpanded(True)
        total_item = QTreeWidgetItem(self.tree, [self.tr("Score"), "", "", f"{entry.score:.1f}"])
        _bold(total_item)
        for column in (1, 2, 3):
            self.tree.resizeColumnToContents(column)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


def _bold(item: QTreeWidgetItem) -> None:
    for column in range(item.columnCount() or 4):
        font = item.font(column)
        font.setBold(True)
        item.setFont(column, font)
        item.setTextAlignment(
            column,
            (Qt.AlignmentFlag.AlignLeft if column == 0 else Qt.AlignmentFlag.AlignRight)
            | Qt.AlignmentFlag.AlignVCenter,
        )
