"""The team leader's board against the real server: monitoring a live call from the squad
table (a real aiortc monitor leg) and who has not read the urgent KB communications."""

from __future__ import annotations

import qasync
from pytestqt.qtbot import QtBot

from agentdesk.client.people import PeopleClient
from agentdesk.client.rest import ApiClient
from agentdesk.gui.people.board import BoardWorkspace
from agentdesk.gui.people.board_model import TeamBoardModel
from agentdesk.gui.people.controller import PeopleController
from agentdesk.gui.people.day_facts import ServerDay
from agentdesk.media.devices import AudioDevices
from agentdesk.media.file_backend import FileBackend
from agentdesk.protocol.teams import TeamLive
from tests.conftest import LiveServer
from tests.gui.helpers import until
from tests.gui.test_people import member
from tests.server.helpers import operator, stream
from tests.server.voice_helpers import MARIO_HZ, phone_customer, softphone


def _select(board: BoardWorkspace, agent_id: str) -> None:
    for row in range(board.model.rowCount()):
        if board.model.index(row, 0).data(TeamBoardModel.AGENT_ID_ROLE) == agent_id:
            board.table.selectRow(row)
            return
    raise AssertionError(f"{agent_id} is not on the board")


def test_monitor_buttons_follow_the_selected_operators_call(qtbot: QtBot) -> None:
    board = BoardWorkspace()
    qtbot.addWidget(board)
    on_call = member("mario")
    on_call = on_call.model_copy(
        update={"current_interaction_id": "i-call", "current_channel": "voice"}
    )
    chatting = member("elena").model_copy(
        update={"current_interaction_id": "i-chat", "current_channel": "chat"}
    )
    board.apply(TeamLive(team_id="t", name="Delfini", members=[on_call, chatting], queues=[]))
    listen, whisper, _barge = board.monitor_buttons
    assert not listen.isEnabled() and "Select" in listen.toolTip()
    _select(board, chatting.agent_id)
    assert not listen.isEnabled() and "not on a call" in listen.toolTip()
    _select(board, on_call.agent_id)
    assert listen.isEnabled() and not board.stop_monitor.isEnabled()
    with qtbot.waitSignal(board.monitorRequested) as asked:
        whisper.click()
    assert asked.args == ["i-call", "whisper"]
    assert not whisper.isChecked()  # checked only once the controller has set it up
    # a fresh team.live keeps the selection (and the buttons) where the team leader left them
    board.apply(TeamLive(team_id="t", name="Delfini", members=[on_call, chatting], queues=[]))
    assert board.selected_agent() == on_call.agent_id and listen.isEnabled()
    board.set_monitoring("i-call", "listen")
    assert listen.isChecked() and board.stop_monitor.isEnabled()
    with qtbot.waitSignal(board.monitorStopRequested):
        board.stop_monitor.click()


def test_the_team_leader_listens_whispers_and_stops_on_an_operators_call(
    qtbot: QtBot, qloop: qasync.QEventLoop, live_server: LiveServer
) -> None:
    board = BoardWorkspace()
    qtbot.addWidget(board)
    api = ApiClient(live_server.base_url, timeout=10.0)
    controller = PeopleController(
        PeopleClient(api), ServerDay(), board, None,
        devices=AudioDevices(FileBackend(tone_hz=700.0)),
    )  # fmt: skip

    async def scenario() -> None:
        async with (
            operator(live_server, "mario") as mario,
            stream(live_server, mario.token) as events,
            phone_customer(live_server) as customer,
            softphone(mario, MARIO_HZ) as phone,
        ):
            await api.login("luca", "demo")
            me = await api.me()
            assert me.team_id is not None
            await mario.ready()
            iid = await customer.call()
            await events.event("interaction.offered", within=10)
            await phone.answer(iid)
            board.apply(await controller.client.team_live(me.team_id))
            listen, whisper, _barge = board.monitor_buttons
            assert not listen.isEnabled() and "Select" in listen.toolTip()
            _select(board, "a-mario")
            assert board.selected_call() == iid and listen.isEnabled()

            listen.click()
            await until(lambda: board.monitoring == iid, 10)
            started = (await events.event("monitor.started", within=10))["data"]
            assert started["mode"] == "listen" and started["monitor_id"] == me.id
            leg = controller.monitor_leg
            assert leg is not None
            await until(lambda: leg.state == "connected", 10)
            assert listen.isChecked() and board.stop_monitor.isEnabled()

            whisper.click()  # switches on the same leg, no renegotiation
            await until(lambda: board.monitor_mode == "whisper", 10)
            view = (await mario.http.get(f"/interactions/{iid}")).json()
            assert view["call"]["monitored"] == "whisper" and controller.monitor_leg is leg

            board.stop_monitor.click()
            await until(lambda: "Monitoring stopped" in board.monitor_status.text(), 10)
            assert board.monitoring is None and leg.closed
            view = (await mario.http.get(f"/interactions/{iid}")).json()
            assert view["call"]["monitored"] is None
            assert not board.stop_monitor.isEnabled()

            # a call that is not there: a sentence on the board, no leg left behind
            await controller.monitor("i-gone", "listen")
            await until(lambda: "Monitoring failed" in board.monitor_status.text(), 10)
            assert controller.monitor_leg is None and board.monitoring is None
        await controller.aclose()
        await api.aclose()

    qloop.run_until_complete(scenario())


def test_the_board_lists_urgent_notes_and_who_has_not_read_them(
    qtbot: QtBot, qloop: qasync.QEventLoop, live_server: LiveServer
) -> None:
    board = BoardWorkspace()
    qtbot.addWidget(board)
    api = ApiClient(live_server.base_url, timeout=10.0)
    controller = PeopleController(PeopleClient(api), ServerDay(), board, None)

    def lines() -> list[str]:
        return [board.kb_list.item(i).text() for i in range(board.kb_list.count())]

    async def scenario() -> None:
        await api.login("luca", "demo")
        await controller.on_profile(await api.me())
        # the demo's two urgent notes, each with the squad members who have not read it
        assert board.kb.text() == "Urgent communications in force: 2"
        assert board.live is not None
        squad = {m.name for m in board.live.members}
        for line in lines():
            assert "not read by:" in line
        lario = next(line for line in lines() if "Lecco" in line)
        assert "Mario Bianchi" in lario
        assert set(lario.split("not read by: ")[1].split(", ")) <= squad

        async with operator(live_server, "mario") as mario:
            ack = await mario.http.post("/kb/articles/kb-lario-sospensione-lecco/ack")
            assert ack.status_code == 200
        await controller.refresh_urgent()
        await until(lambda: "Mario Bianchi" not in next(x for x in lines() if "Lecco" in x), 10)
        await controller.aclose()
        await api.aclose()

    qloop.run_until_complete(scenario())
