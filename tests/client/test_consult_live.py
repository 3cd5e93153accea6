"""The colleague consulted on a call sees the offer on their desktop, answers it there, and
loses it again when the consultation ends: the client stack against the real server."""

from __future__ import annotations

from pathlib import Path

from agentdesk.protocol.interactions import InteractionStatus
from tests.client.helpers import until
from tests.conftest import LiveServer
from tests.deskphone import DeskPhone
from tests.server.voice_helpers import ANNA_HZ, MARIO_HZ, PhoneCustomer


async def test_the_consulted_colleague_sees_the_offer_and_loses_it_after_the_resume(
    live_server: LiveServer, tmp_path: Path
) -> None:
    mario = DeskPhone(live_server.base_url, tmp_path / "mario.sqlite3", MARIO_HZ)
    anna = DeskPhone(live_server.base_url, tmp_path / "anna.sqlite3", ANNA_HZ)
    customer = PhoneCustomer(live_server)
    try:
        await mario.start("mario")
        await anna.start("anna")
        await mario.ready()
        await anna.ready()
        iid = await customer.call()
        await mario.offered(iid)
        await mario.answer(iid)

        await mario.calls.transfer(iid, "agent", anna.id, "consult")  # type: ignore[arg-type]
        asked = await anna.offered(iid)
        # The colleague's desktop holds Mario's call, with herself listed as consulted.
        assert asked.agent_id == mario.id
        assert asked.call is not None
        assert [(p.agent_id, p.role) for p in asked.call.parties] == [(anna.id, "consult")]
        await anna.answer(iid)

        # Mario takes the customer back: the consultation is gone from Anna's desktop only.
        await mario.calls.resume(iid)
        await until(lambda: anna.held(iid) is None, what="the consultation leaves Anna's desk")
        assert iid in anna.listener.removed
        held = mario.held(iid)
        assert held is not None and held.status is InteractionStatus.ACTIVE
    finally:
        await customer.close()
        await anna.close()
        await mario.close()
