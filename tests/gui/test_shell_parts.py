"""The top bar, the my-day bar and the assist pane."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from agentdesk.gui import i18n
from agentdesk.gui.assist.pane import AssistPane, InvoiceRow, greeting_for, rows_from_accounts
from agentdesk.gui.shell.myday import MyDayBar, MyDayModel
from agentdesk.gui.shell.myday_stats import AhtTarget, DayStats
from agentdesk.gui.shell.topbar import TopBar, queue_summary
from agentdesk.gui.workstation import Workstation
from agentdesk.protocol.customers import Accounts, Invoice, InvoiceStatus
from agentdesk.protocol.events import QueueStat, QueueStatsData
from agentdesk.protocol.interactions import InteractionStatus, Wrapup
from tests.gui import fakes

T0 = datetime(2025, 3, 14, 9, 0, tzinfo=UTC)


def test_day_stats_mean_and_fcr() -> None:
    stats = DayStats(AhtTarget(240, 420))
    assert stats.aht_s is None and stats.fcr is None
    assert stats.record("a", T0, T0 + timedelta(minutes=4), resolved=True)
    assert not stats.record("a", T0, T0 + timedelta(minutes=9), resolved=True)  # once only
    stats.record("b", T0, T0 + timedelta(minutes=6), resolved=True, repeat_contact=True)
    stats.record("c", T0, T0 + timedelta(minutes=5), resolved=False)
    assert stats.count == 3
    assert stats.aht_s == 300
    assert stats.fcr == 1 / 3
    assert stats.target.position(300) == "within"
    assert stats.target.position(600) == "above"


def test_my_day_counts_wrapped_up_contacts(qtbot: QtBot) -> None:
    workstation = Workstation()
    model = MyDayModel(workstation)
    bar = MyDayBar(model)
    qtbot.addWidget(bar)
    active = fakes.interaction(InteractionStatus.ACTIVE, "a")
    workstation.interaction_changed(active)
    assert model.open_now == 1
    assert bar.open_now.value.text() == "1"
    offered = fakes.interaction(InteractionStatus.OFFERED, "r")
    workstation.interaction_changed(offered)
    workstation.interaction_removed("r")  # rejected: not a handled contact
    assert model.stats.count == 0
    assert active.accepted_at is not None
    closed = active.model_copy(
        update={
            "status": InteractionStatus.CLOSED,
            "wrapup": Wrapup(
                disposition="altro",
                resolved=True,
                agent_id="a-mario",
                ts=active.accepted_at + timedelta(minutes=5),
            ),
        }
    )
    with qtbot.waitSignal(model.changed):
        workstation.interaction_changed(closed)
    workstation.interaction_removed("a")
    assert model.stats.count == 1
    assert bar.handled.value.text() == "1"
    assert bar.aht.value.text() == "5:00"
    assert bar.fcr.value.text() == "100%"
    assert bar.open_now.value.text() == "0"


def test_repeat_contacts_do_not_count_as_first_contact_resolution(qtbot: QtBot) -> None:
    workstation = Workstation()
    model = MyDayModel(workstation)
    model.note_customer(fakes.customer("c-1", flags=["repeat_contact"]))
    active = fakes.interaction(InteractionStatus.ACTIVE, "a", customer_id="c-1")
    workstation.interaction_changed(active)
    done = active.model_copy(
        update={
            "status": InteractionStatus.CLOSED,
            "wrapup": Wrapup(disposition="x", resolved=True, agent_id="m", ts=datetime.now(UTC)),
        }
    )
    workstation.interaction_changed(done)
    assert model.stats.fcr == 0


def test_queue_summary(qapp: QApplication) -> None:
    data = QueueStatsData(
        queues=[
            QueueStat(
                queue="chat-lario",
                client_id="lario",
                waiting=3,
                oldest_wait_s=65,
                service_level=0.9,
            ),
            QueueStat(
                queue="chat-energia",
                client_id="energia",
                waiting=1,
                oldest_wait_s=10,
                service_level=None,
            ),
        ]
    )
    text, tip = queue_summary(data)
    assert text == "Queues: 4 waiting · oldest 1:05 · SL 90%"
    assert tip.splitlines()[0] == "chat-lario: 3 waiting · oldest 1:05 · SL 90%"
    # In Italian the service level is "LdS", as on the squad board, the tooltip included.
    installed = i18n.install_translators(qapp, "it")
    try:
        text, tip = queue_summary(data)
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    assert text == "Code: 4 in attesa · attesa max 1:05 · LdS 90%"
    assert tip.splitlines() == [
        "chat-lario: 3 in attesa · attesa max 1:05 · LdS 90%",
        "chat-energia: 1 in attesa · attesa max 0:10 · LdS –",
    ]


def test_top_bar_brand_follows_the_client(qtbot: QtBot) -> None:
    bar = TopBar()
    qtbot.addWidget(bar)
    bar.set_profile(fakes.profile())
    assert bar.agent.text() == "Mario Bianchi"
    assert "Squadra Delfini" in bar.squad.text()
    bar.set_brand(fakes.ENERGIA)
    assert bar.brand.text() == "Energia Nova"
    assert "#d9822b" in bar.brand.styleSheet()
    bar.set_brand(None)
    assert bar.brand.text() == "AgentDesk"


def test_greeting_fills_in_the_operator() -> None:
    assert greeting_for(fakes.LARIO, "Mario Bianchi") == (
        "Lario Acque, buongiorno, sono Mario. Come posso aiutarla?"
    )
    assert "Energia Nova" in greeting_for(fakes.ENERGIA, "Mario Bianchi")


def test_assist_shows_greeting_invoices_and_dispositions(qtbot: QtBot) -> None:
    pane = AssistPane()
    qtbot.addWidget(pane)
    pane.set_profile(fakes.profile())
    assert pane.greeting_card.title.text() == "Your clients"
    assert "Energia Nova" in pane.greeting.text()
    interaction = fakes.interaction(InteractionStatus.ACTIVE, "a")
    pane.show_interaction(interaction)
    assert "sono Mario" in pane.greeting.text()
    assert "Informazioni bolletta" in pane.dispositions.text()
    accounts = Accounts(
        customer_id="c-1",
        balance=84,
        invoices=[
            Invoice(
                id="1",
                number="2025/0012",
                issued_on="2025-02-01",
                due_on="2025-03-01",
                amount=84.2,
                status=InvoiceStatus.OVERDUE,
            ),
            Invoice(
                id="2",
                number="2025/0001",
                issued_on="2025-01-01",
                due_on="2025-02-01",
                amount=50,
                status=InvoiceStatus.PAID,
            ),
        ],
    )
    rows = rows_from_accounts(accounts)
    assert rows == [InvoiceRow("2025/0012", "overdue since 01/03/2025", rows[0].amount, True)]
    pane.set_invoices(rows)
    assert pane.invoices_box.count() == 1
    with qtbot.waitSignal(pane.insertRequested) as blocker:
        pane.insert_button.click()
    assert blocker.args[0].startswith("Lario Acque, buongiorno")
