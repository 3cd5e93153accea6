"""Customer 360: the history model pages with fetchMore; the header shows the screen pop."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from agentdesk.gui.customer.header import CustomerHeader
from agentdesk.gui.customer.history_model import HistoryFilter, HistoryModel, Role
from agentdesk.gui.customer.history_view import HistoryPane
from agentdesk.protocol.customers import TimelineItem, TimelineKind, TimelinePage
from agentdesk.protocol.interactions import InteractionStatus
from tests.gui import fakes


def test_history_passes_qtmodeltester(qtmodeltester: Any) -> None:
    model = HistoryModel()
    model.reset_for("c-1")
    model.append_page("c-1", fakes.timeline_page(3, cursor="p2"))
    qtmodeltester.check(model, force_py=True)
    proxy = HistoryFilter()
    proxy.setSourceModel(model)
    proxy.set_filter("chat")
    qtmodeltester.check(proxy, force_py=True)


def test_fetch_more_asks_for_the_next_page_once(qtbot: QtBot) -> None:
    model = HistoryModel()
    model.reset_for("c-1")
    assert not model.canFetchMore(QModelIndex())  # nothing loaded yet: the first page is pushed
    model.append_page("c-1", fakes.timeline_page(3, cursor="p2"))
    assert model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.moreRequested) as blocker:
        model.fetchMore(QModelIndex())
    assert blocker.args == ["c-1", "p2"]
    assert model.loading and not model.canFetchMore(QModelIndex())
    model.append_page("c-1", fakes.timeline_page(2, cursor=None, start=3))
    assert model.rowCount() == 5
    assert not model.loading and not model.canFetchMore(QModelIndex())


def test_a_page_for_another_customer_is_ignored() -> None:
    model = HistoryModel()
    model.reset_for("c-2")
    model.append_page("c-1", fakes.timeline_page(3))
    assert model.rowCount() == 0


def test_duplicates_across_pages_are_dropped() -> None:
    model = HistoryModel()
    model.reset_for("c-1")
    model.append_page("c-1", fakes.timeline_page(3, cursor="p2"))
    model.append_page("c-1", fakes.timeline_page(3, cursor=None))
    assert model.rowCount() == 3


def test_filter_by_channel_or_kind() -> None:
    model = HistoryModel()
    model.reset_for("c-1")
    page = fakes.timeline_page(2)
    note = TimelineItem(id="n1", ts=fakes.NOW, kind=TimelineKind.NOTE, summary="Richiamare lunedì")
    model.append_page("c-1", TimelinePage(items=[*page.items, note]))
    proxy = HistoryFilter()
    proxy.setSourceModel(model)
    proxy.set_filter("note")
    assert proxy.rowCount() == 1
    assert proxy.index(0, 0).data(Role.KIND) == "note"
    proxy.set_filter("chat")
    assert proxy.rowCount() == 2
    proxy.set_filter("")
    assert proxy.rowCount() == 3


def test_history_pane_reports_its_state(qtbot: QtBot) -> None:
    model = HistoryModel()
    pane = HistoryPane(model)
    qtbot.addWidget(pane)
    assert pane.status.text() == ""
    model.reset_for(None)
    assert "No customer" in pane.status.text()
    model.reset_for("c-1")
    model.set_loading(True)
    assert "Loading" in pane.status.text()
    model.append_page("c-1", fakes.timeline_page(2, cursor="more"))
    assert "2" in pane.status.text()


def test_header_shows_the_screen_pop(qtbot: QtBot) -> None:
    header = CustomerHeader()
    qtbot.addWidget(header)
    header.show_interaction(fakes.interaction(InteractionStatus.ACTIVE, "a"))
    assert header.name.text() == "Maria Rossi"
    assert header.client.text() == "Lario Acque"
    header.show_customer(fakes.customer())
    assert "84" in header.balance.value.text()
    assert header.nps.value.text() == "6"
    assert header.cases.value.text() == "1"
    assert header.mood.value.text() == "Neutral"
    assert header.flag_texts() == ["Repeat contact", "Invoice due"]
    assert "+39 333 123 4567" in header.contact.text()
    header.clear()
    assert header.flag_texts() == []


def test_header_for_an_unknown_chat_identity(qtbot: QtBot) -> None:
    header = CustomerHeader()
    qtbot.addWidget(header)
    header.show_interaction(
        fakes.interaction(InteractionStatus.OFFERED, "a", name=None, customer_id=None)
    )
    assert header.name.text() == "maria.rossi@chat"
    assert "Not matched" in header.contact.text()
