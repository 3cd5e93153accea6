"""``FocusCoordinator``: keeps every pane on the contact the operator has in focus.

Pure wiring: which interaction is in focus comes from the Interactions pane's selection;
what is shown for it comes from the workstation's signals and the controller's loads.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from agentdesk.gui.assist.pane import AssistPane, InvoiceRow
from agentdesk.gui.chat.store import TranscriptStore
from agentdesk.gui.customer.center import Customer360
from agentdesk.gui.interactions.model import InteractionListModel
from agentdesk.gui.interactions.pane import InteractionsPane
from agentdesk.gui.shell.topbar import TopBar
from agentdesk.gui.workstation import Workstation
from agentdesk.protocol.customers import Customer
from agentdesk.protocol.interactions import Interaction, InteractionStatus


class FocusCoordinator(QObject):
    """Routes the focused interaction to the centre, the assist pane and the top bar."""

    #: the contact in focus changed (or its customer did): load its customer 360
    screenPopNeeded = Signal(object)  # Interaction | None
    #: a contact of this customer was wrapped up: their history has a new entry
    historyStale = Signal(str)  # customer id

    def __init__(
        self,
        workstation: Workstation,
        model: InteractionListModel,
        transcripts: TranscriptStore,
        *,
        interactions: InteractionsPane,
        center: Customer360,
        assist: AssistPane,
        topbar: TopBar,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._transcripts = transcripts
        self._center = center
        self._assist = assist
        self._topbar = topbar
        self._focus: Interaction | None = None
        self._customers: dict[str, str | None] = {}
        interactions.currentChanged.connect(self.set_focus)
        workstation.interactionChanged.connect(self.on_interaction)
        workstation.interactionRemoved.connect(self.on_removed)
        transcripts.typingChanged.connect(self.on_typing)

    @property
    def focus(self) -> Interaction | None:
        return self._focus

    def set_focus(self, interaction_id: str | None) -> None:
        interaction = self._model.interaction(interaction_id) if interaction_id else None
        self._focus = interaction
        center = self._center
        transcript = self._transcripts.model(interaction.id) if interaction else None
        center.chat.set_interaction(interaction, transcript)
        center.show_status(interaction)
        if interaction is None:
            center.header.clear()
        else:
            center.header.show_interaction(interaction)
        self._assist.show_interaction(interaction)
        self._topbar.set_brand(interaction.client if interaction else None)
        self.screenPopNeeded.emit(interaction)

    def refresh(self) -> None:
        """Load the customer 360 of the contact in focus again (e.g. once signed in, after
        the start-up picture from the cache)."""
        if self._focus is not None:
            self.screenPopNeeded.emit(self._focus)

    def on_interaction(self, interaction: Interaction) -> None:
        self._customers[interaction.id] = interaction.customer_id
        self._topbar.state.set_open_interactions(
            sum(
                1
                for it in self._model.interactions()
                if it.status in (InteractionStatus.ACTIVE, InteractionStatus.WRAP_UP)
            )
        )
        previous = self._focus
        if previous is None or previous.id != interaction.id:
            return
        self._focus = interaction
        self._center.chat.update_interaction(interaction)
        if previous.status != interaction.status:
            self._center.show_status(interaction)
            self._assist.show_interaction(interaction)
        if previous.customer_id != interaction.customer_id:
            self._center.header.show_interaction(interaction)
            self.screenPopNeeded.emit(interaction)

    def on_removed(self, interaction_id: str) -> None:
        # The list model drops the row and moves the selection; here we only note that the
        # customer's history has grown (the controller reloads it if it is on screen).
        customer_id = self._customers.pop(interaction_id, None)
        if customer_id:
            self.historyStale.emit(customer_id)

    def on_typing(self, interaction_id: str, typing: bool) -> None:
        if self._focus is not None and self._focus.id == interaction_id:
            self._center.chat.set_typing(typing)

    # ---- results of the controller's loads --------------------------------------------

    def on_customer(self, customer: Customer) -> None:
        if self._focus is not None and self._focus.customer_id == customer.id:
            self._center.header.show_customer(customer)

    def on_invoices(self, customer_id: str, rows: list[InvoiceRow], note: str) -> None:
        focus_customer = self._focus.customer_id if self._focus else None
        if (focus_customer or "") == customer_id:
            self._assist.set_invoices(rows, note)

    def on_wrapup_busy(self, interaction_id: str, busy: bool) -> None:
        if self._center.wrapup.interaction_id() == interaction_id:
            self._center.wrapup.set_busy(busy)

    def on_wrapup_failed(self, interaction_id: str, text: str) -> None:
        if self._center.wrapup.interaction_id() == interaction_id:
            self._center.wrapup.show_error(text)

    def on_offer_busy(self, interaction_id: str, busy: bool) -> None:
        if self._focus is not None and self._focus.id == interaction_id:
            self._center.offer.set_busy(busy)
