"""Signing in and the first load over REST, startable before the desk that shows them exists.

:class:`Session` signs in with :func:`sign_in`. When the command line gives the credentials,
``agentdesk.app`` starts an :class:`EarlySignIn` as soon as the HTTP client's modules are
loaded: the server checks the password and answers while the desk's own modules still load,
and the session then applies what was fetched instead of asking again. Its round trips run on
a worker thread with a blocking connection (:meth:`ApiClient.blocking_sign_in`): the loop's
thread is busy importing and building the panes, and an exchange on the loop would advance
only between those steps.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass

from agentdesk.client.rest import ApiClient, NetworkError
from agentdesk.protocol.agents import HANDLER_ROLES, AgentProfile
from agentdesk.protocol.interactions import Interaction


@dataclass(frozen=True, slots=True)
class FirstLoad:
    """The operator's profile and active interactions, as read at sign-in (or a resync)."""

    profile: AgentProfile
    interactions: list[Interaction]


async def first_load(api: ApiClient) -> FirstLoad:
    profile = await api.me()
    # Team leaders, tutors and admins handle no contacts (the server refuses them the list).
    handles = profile.role in HANDLER_ROLES
    interactions = await api.active_interactions() if handles else []
    return FirstLoad(profile, interactions)


async def sign_in(api: ApiClient, username: str, password: str) -> FirstLoad:
    """Sign in (raises :class:`ApiError`, e.g. 401, or :class:`NetworkError`) and load."""
    await api.login(username, password)
    return await first_load(api)


class EarlySignIn:
    """A sign-in under way on ``api`` for ``username``; the session that takes it over
    (:meth:`take`) owns ``api`` from then on, else :meth:`aclose` ends both."""

    def __init__(self, api: ApiClient, username: str, password: str) -> None:
        self.api = api
        self.username = username
        self._password = password
        self._taken = False
        self._task: asyncio.Task[FirstLoad] | None = asyncio.ensure_future(self._run())

    async def _run(self) -> FirstLoad:
        if not self.api.can_block:
            return await sign_in(self.api, self.username, self._password)
        try:
            raw = await asyncio.to_thread(self.api.blocking_sign_in, self.username, self._password)
        except NetworkError:
            # The loop's client retries what is safe to retry; a refusal (ApiError) stands.
            return await sign_in(self.api, self.username, self._password)
        profile, interactions = self.api.adopt_sign_in(raw)
        return FirstLoad(profile, interactions)

    def done(self) -> bool:
        """Whether the sign-in has ended (with its load, or failed) and not been taken."""
        return self._task is not None and self._task.done()

    def take(self, username: str, password: str) -> asyncio.Task[FirstLoad] | None:
        """The sign-in's task when it was started with these credentials (once); the
        caller's session owns :attr:`api` from now on."""
        self._taken = True
        task, self._task = self._task, None
        if task is None or (username, password) != (self.username, self._password):
            if task is not None:
                task.cancel()
            return None
        return task

    async def aclose(self) -> None:
        """End a sign-in nobody took over, and its client (no-op once taken)."""
        if self._taken:
            return
        self._taken = True
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(BaseException):
                await task
        await self.api.aclose()
