"""The "my day" bar: handled, AHT as a band around the target, FCR, open now."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from agentdesk.gui import colors, fmt
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


class AhtBand(QWidget):
    """A scale with the target band shaded and a marker at the current mean."""

    def __init__(self, target: AhtTarget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = target
        self.value: float | None = None
        self.setMinimumWidth(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(220, 26)

    def set_value(self, value: float | None) -> None:
        self.value = value
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        span = self.target.high_s * 1.6
        width = self.width() - 2
        bar = QRectF(1, self.height() / 2 - 4, width, 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e6eaef"))
        painter.drawRoundedRect(bar, 4, 4)
        band = QRectF(
            1 + width * self.target.low_s / span,
            bar.top(),
            width * (self.target.high_s - self.target.low_s) / span,
            bar.height(),
        )
        painter.setBrush(QColor("#cfe6d8"))
        painter.drawRect(band)
        if self.value is not None:
            x = 1 + width * min(self.value, span) / span
            color = colors.OK if self.target.position(self.value) == "within" else colors.WARN
            painter.setPen(QPen(QColor(color), 3))
            painter.drawLine(int(x), int(bar.top()) - 5, int(x), int(bar.bottom()) + 5)
        painter.end()


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
        self.band = AhtBand(target, self)
        self.fcr = Fact(self.tr("FCR"), self)
        self.fcr.setToolTip(
            self.tr(
                "First-contact resolution: contacts wrapped up as resolved whose customer "
                "was not a repeat contact."
            )
        )
        self.open_now = Fact(self.tr("Open now"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 6)
        layout.setSpacing(26)
        layout.addWidget(self.source)
        layout.addWidget(self.handled)
        layout.addWidget(self.aht)
        layout.addWidget(self.band, 1)
        layout.addWidget(self.fcr)
        layout.addWidget(self.open_now)
        layout.addStretch(1)
        model.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        stats = self.model.stats
        self.handled.set_value(str(stats.count))
        aht = stats.aht_s
        if aht is None:
            self.aht.set_value(self.tr("none yet"), colors.MUTED)
        else:
            within = stats.target.position(aht) == "within"
            self.aht.set_value(fmt.duration(aht), colors.OK if within else colors.WARN)
        self.band.set_value(aht)
        fcr = stats.fcr
        self.fcr.set_value(fmt.percent(fcr) if fcr is not None else "–")
        self.open_now.set_value(str(self.model.open_now))
