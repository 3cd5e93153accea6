"""Wire models build lazily on the desktop and eagerly in a server (fresh interpreters)."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_desktop_builds_a_model_when_it_first_reads_one() -> None:
    out = run(
        """
        import agentdesk.client.rest
        from agentdesk.protocol.interactions import Interaction
        from agentdesk.protocol.auth import LoginRequest
        print(Interaction.__pydantic_complete__, LoginRequest.__pydantic_complete__)
        body = LoginRequest.model_validate({"username": "mario", "password": "demo"})
        print(LoginRequest.__pydantic_complete__, body.username)
        """
    )
    assert out.splitlines() == ["False False", "True mario"]


def test_a_server_builds_every_model_before_its_routes_exist() -> None:
    out = run(
        """
        import agentdesk.protocol.kb
        import agentdesk.server.app
        from agentdesk.protocol.base import ResponseModel, WireModel
        pending, incomplete = [WireModel, ResponseModel], []
        while pending:
            model = pending.pop()
            pending.extend(model.__subclasses__())
            if not model.__pydantic_complete__ or model.model_config.get("defer_build"):
                incomplete.append(model.__name__)
        print(incomplete)
        """
    )
    assert out == "[]"
