"""The server's figures on the "My day" bar: CSAT, NPS, mood, score and rank."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QWidget

from agentdesk.gui import colors, fmt
from agentdesk.gui.people.score_breakdown import ScoreBreakdown
from agentdesk.gui.widgets import Fact
from agentdesk.protocol.competition import CompetitionMe, ScoreUpdatedData
from agentdesk.protocol.people import KpiReport


class ServerDay(QObject):
    """The latest ``/kpis/me`` report and competition standing; emits when either changes."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report: KpiReport | None = None
        self.standing: CompetitionMe | None = None

    def apply_report(self, report: KpiReport) -> None:
        if report != self.report:
            self.report = report
            self.changed.emit()

    def apply_standing(self, standing: CompetitionMe) -> None:
        self.standing = standing
        if self.report is not None:
            self.report = self.report.model_copy(
                update={"score": standing.me.score, "rank": standing.me.rank}
            )
        self.changed.emit()

    def apply_score(self, update: ScoreUpdatedData) -> None:
        """``score.updated`` for this operator: the score and rank, and the lines behind it."""
        if self.report is not None:
            self.report = self.report.model_copy(
                update={"score": update.score, "rank": update.rank}
            )
        if self.standing is not None and update.entry is not None:
            self.standing = self.standing.model_copy(update={"me": update.entry})
        self.changed.emit()

    def score_and_rank(self) -> tuple[float, int] | None:
        if self.standing is not None:
            return self.standing.me.score, self.standing.me.rank
        if self.report is not None and self.report.score is not None and self.report.rank:
            return self.report.score, self.report.rank
        return None


class ClickableFact(Fact):
    """A fact that opens more on a click (or Enter / Space when it has the focus)."""

    clicked = Signal()

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(caption, parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


def nps_text(report: KpiReport) -> str:
    """Transactional NPS (the operator's own), never mixed with the other kinds."""
    for n in report.nps:
        if n.type.value == "nps_transactional" and n.nps is not None:
            return f"{n.nps:+.0f}"
    return "–"


class ServerFacts(QWidget):
    """CSAT, NPS, mood trend, score and rank, in calm colours."""

    def __init__(self, day: ServerDay, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day = day
        self.csat = Fact(self.tr("CSAT"), self)
        self.csat.setToolTip(self.tr("Share of 4–5 answers to the satisfaction survey today"))
        self.nps = Fact(self.tr("NPS"), self)
        self.nps.setToolTip(
            self.tr("Transactional NPS after your contacts (kept apart from the others)")
        )
        self.mood = Fact(self.tr("Mood"), self)
        self.mood.setToolTip(self.tr("Customers' mood over your last contacts"))
        self.score = ClickableFact(self.tr("Score"), self)
        self.score.setToolTip(
            self.tr("Season score: 70% quality, 30% quantity. Click to see every point.")
        )
        self.score.clicked.connect(self.show_breakdown)
        self.breakdown: ScoreBreakdown | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(22)
        for fact in (self.csat, self.nps, self.mood, self.score):
            layout.addWidget(fact)
        day.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        report = self.day.report
        if report is None:
            for fact in (self.csat, self.nps, self.mood, self.score):
                fact.set_value("–", colors.MUTED)
            return
        self.csat.set_value(fmt.percent(report.csat) if report.csat is not None else "–")
        self.nps.set_value(nps_text(report))
        moods = {
            "improving": (self.tr("improving"), colors.OK),
            "steady": (self.tr("steady"), colors.TEXT),
            "worsening": (self.tr("worsening"), colors.WARN),
            "unknown": ("–", colors.MUTED),
        }
        text, color = moods.get(report.mood_trend, ("–", colors.MUTED))
        self.mood.set_value(text, color)
        standing = self.day.score_and_rank()
        if standing is not None:
            score, rank = standing
            self.score.set_value(
                self.tr("%1 · #%2").replace("%1", f"{score:.0f}").replace("%2", str(rank))
            )
        else:
            self.score.set_value("–", colors.MUTED)
        if self.breakdown is not None and self.breakdown.isVisible():
            self.breakdown.show_entry(self.day.standing.me if self.day.standing else None)

    def show_breakdown(self) -> None:
        """Every point of the score: components, weights, penalties with their reasons."""
        if self.breakdown is None:
            self.breakdown = ScoreBreakdown(self)
        self.breakdown.show_entry(self.day.standing.me if self.day.standing else None)
        self.breakdown.show()
        self.breakdown.raise_()
