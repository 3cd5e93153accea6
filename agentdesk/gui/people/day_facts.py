"""The server's figures on the "My day" bar: CSAT, NPS, mood, score and rank."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from agentdesk.gui import colors, fmt
from agentdesk.gui.widgets import Fact
from agentdesk.protocol.competition import CompetitionMe
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
        self.changed.emit()


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
        self.score = Fact(self.tr("Score"), self)
        self.score.setToolTip(self.tr("Season score: 70% quality, 30% quantity"))
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
        if report.score is not None and report.rank is not None:
            self.score.set_value(
                self.tr("%1 · #%2")
                .replace("%1", f"{report.score:.0f}")
                .replace("%2", str(report.rank))
            )
        else:
            self.score.set_value("–", colors.MUTED)
