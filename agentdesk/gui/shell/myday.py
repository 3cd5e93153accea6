"""The "my day" bar: handled, AHT as a band around the target, FCR, open now.

Once the server's KPI report arrives (``/kpis/me``, then ``kpi.updated``) the bar shows the
server's figures for today (FCR by the 7-day rule, CSAT, NPS, mood, score and rank);
until then it shows what this session has counted, labelled as such.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from agentdesk.gui import colors, fmt
from agentdesk.gui.people.aht_plot import AhtBandPlot
from agentdesk.gui.people.day_facts import ServerDay, ServerFacts
from agentdesk.gui.shell.myday_stats import AhtTarget, DayStats
from agentdesk.gui.widgets import Fact
from agentdesk.gui.workstation import Workstation
from agentdesk.protocol.customers import Customer
from agentdesk.protocol.interactions import Interaction, InteractionStatus


class MyDayModel(QObject):
    """Feeds :class:`DayStats` from the workstation's signals; emits when a figure moves."""

    changed = Signal()

    def __init__(
        self,
        workstation: Workstation,
        target: AhtTarget | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.stats = DayStats(target or AhtTarget())
        self._seen: dict[str, Interaction] = {}
        self._repeat_customers: set[str] = set()
        self.open_now = 0
        #: the server's figures, when they have arrived
        self.server = ServerDay(self)
        workstation.interactionChanged.connect(self.on_interaction)
        workstation.interactionRemoved.connect(self.on_removed)

    def note_customer(self, customer: Customer) -> None:
        """Screen pop data: a repeat contact does not count as first-contact resolution."""
        if "repeat_contact" in customer.flags:
            self._repeat_customers.add(customer.id)

    def on_interaction(self, interaction: Interaction) -> None:
        self._seen[interaction.id] = interaction
        if interaction.status is InteractionStatus.CLOSED:
            self._finish(interaction, interaction.wrapup.ts if interaction.wrapup else None)
        self._count_open()

    def on_removed(self, interaction_id: str) -> None:
        interaction = self._seen.pop(interaction_id, None)
        if interaction is not None:
            when = interaction.wrapup.ts if interaction.wrapup else None
            self._finish(interaction, when)
        self._count_open()

    def _finish(self, interaction: Interaction, when: datetime | None) -> None:
        if interaction.accepted_at is None:
            return  # rejected or withdrawn offers are not handled contacts
        resolved = interaction.wrapup.resolved if interaction.wrapup else None
        repeat = interaction.customer_id in self._repeat_customers
        if self.stats.record(
            interaction.id,
            interaction.accepted_at,
            when or datetime.now(UTC),
            resolved,
            repeat,
        ):
            self.changed.emit()

    def _count_open(self) -> None:
        count = sum(
            1
            for it in self._seen.values()
            if it.status in (InteractionStatus.ACTIVE, InteractionStatus.WRAP_UP)
        )
        if count != self.open_now:
            self.open_now = count
            self.changed.emit()


class MyDayBar(QFrame):
    """The bottom bar, clearly labelled as this session's figures."""

    def __init__(self, model: MyDayModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myDayBar")
        self.model = model
        target = model.stats.target
        self.source = QLabel(self.tr("this session"), self)
        self.source.setObjectName("muted")
        self.source.setToolTip(
            self.tr(
                "Counted on this workstation since you logged in; the contact centre's "
                "official figures may differ."
            )
        )
        self.handled = Fact(self.tr("Handled"), self)
        self.aht = Fact(
            self.tr("AHT (target %1–%2)")
            .replace("%1", fmt.duration(target.low_s))
            .replace("%2", fmt.duration(target.high_s)),
            self,
        )
        self.aht.setToolTip(
            self.tr(
                "Average handling time, from accept to the end of wrap-up, against the target band."
            )
        )
        self.band = AhtBandPlot(target.low_s, target.high_s, self)
        self.fcr = Fact(self.tr("FCR"), self)
        self.fcr.setToolTip(
            self.tr(
                "First-contact resolution: contacts wrapped up as resolved whose customer "
                "was not a repeat contact."
            )
        )
        self.open_now = Fact(self.tr("Open now"), self)
        self.server_facts = ServerFacts(model.server, self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 6)
        layout.setSpacing(26)
        layout.addWidget(self.source)
        layout.addWidget(self.handled)
        layout.addWidget(self.aht)
        layout.addWidget(self.band, 1)
        layout.addWidget(self.fcr)
        layout.addWidget(self.open_now)
        layout.addWidget(self.server_facts)
        layout.addStretch(1)
        model.changed.connect(self.refresh)
        model.server.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        stats = self.model.stats
        report = self.model.server.report
        target = stats.target
        if report is not None:
            low, high = report.aht_band_s
            target = AhtTarget(low, high)
            self.band.set_target(low, high)
            self.aht.caption.setText(
                self.tr("AHT (target %1–%2)")
                .replace("%1", fmt.duration(low))
                .replace("%2", fmt.duration(high))
            )
            self.source.setText(self.tr("today"))
            self.source.setToolTip(self.tr("The contact centre's figures for today"))
        count = report.handled if report is not None else stats.count
        aht = report.aht_s if report is not None else stats.aht_s
        fcr = report.fcr if report is not None else stats.fcr
        self.handled.set_value(str(count))
        if aht is None:
            self.aht.set_value(self.tr("none yet"), colors.MUTED)
        else:
            within = target.position(aht) == "within"
            self.aht.set_value(fmt.duration(aht), colors.OK if within else colors.WARN)
        self.band.set_value(aht)
        self.fcr.set_value(fmt.percent(fcr) if fcr is not None else "–")
        self.open_now.set_value(str(self.model.open_now))
