"""``ApiClient``: the desktop's REST client on one long-lived ``httpx.AsyncClient``.

Every answer is parsed into the protocol models; an error answer (``{"error": {...}}``)
becomes :class:`ApiError`, a request that got no answer at all becomes :class:`NetworkError`.
An expired access token is refreshed once (one refresh shared by concurrent callers) and the
request retried. Calls that are safe to repeat (reads, and mutations carrying an idempotency
key) are retried on transport failures with a short jittered backoff.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import quote

import httpx
from pydantic import BaseModel, TypeAdapter, ValidationError

from agentdesk.domain.agent_state import AgentState, NotReadyReason
from agentdesk.protocol import API_PREFIX
from agentdesk.protocol.agents import (
    HANDLER_ROLES,
    AgentProfile,
    AgentStateRequest,
    AgentStateView,
)
from agentdesk.protocol.auth import LoginRequest, RefreshRequest, TokenResponse
from agentdesk.protocol.base import ResponseModel
from agentdesk.protocol.customers import (
    Accounts,
    Customer,
    CustomerNoteRequest,
    TimelineItem,
    TimelinePage,
)
from agentdesk.protocol.errors import ErrorResponse
from agentdesk.protocol.interactions import (
    Interaction,
    Message,
    SendMessageRequest,
    WrapupRequest,
)
from agentdesk.protocol.kb import (
    KbAckResult,
    KbArticle,
    KbChanges,
    KbFeedbackRequest,
    KbFeedbackResult,
    KbUrgentList,
)
from agentdesk.protocol.nba import NbaOutcomeRequest, NextBestAction, NextBestActionList
from agentdesk.protocol.scripts import ScriptProgressRequest, ScriptProgressView, ScriptView

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")

#: Refresh the access token this long before it expires when a fresh one is asked for.
TOKEN_MARGIN_S = 30.0


class ApiError(Exception):
    """The server answered with an error (``{"error": {"code", "message", "details"}}``)."""

    def __init__(self, status: int, code: str, message: str, details: Any = None) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.details = details


class NetworkError(Exception):
    """The request got no answer: connection refused or reset, timeout, DNS failure."""


class _Tokens(ResponseModel):
    """The part of a login or refresh answer the client keeps."""

    access_token: str
    refresh_token: str
    expires_in: int | None = None


@dataclass(frozen=True, slots=True)
class RawSignIn:
    """The JSON answers of a sign-in (:meth:`ApiClient.blocking_sign_in`), not yet validated."""

    tokens: Any
    profile: Any
    interactions: Any


_INTERACTIONS = TypeAdapter(list[Interaction])
_CUSTOMERS = TypeAdapter(list[Customer])


class ApiClient:
    """REST calls of the desktop; one instance per server, closed with :meth:`aclose`."""

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = 10.0,
        retries: int = 3,
        retry_wait: float = 0.2,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        """``retries`` counts attempts of retryable calls; ``transport`` is for tests."""
        self._base_url = base_url.rstrip("/")
        self._options: dict[str, Any] = {
            "base_url": self._base_url + API_PREFIX,
            "timeout": httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            "headers": {"User-Agent": "AgentDesk-desktop", "Accept": "application/json"},
            # Loading the system's CA bundle takes a tenth of a second on the start-up path;
            # a plain-HTTP server (loopback, the embedded default) never needs it, and
            # redirects (to https or anywhere) are not followed.
            "verify": self._base_url.startswith("https://"),
        }
        self._http = httpx.AsyncClient(transport=transport, **self._options)
        #: Whether :meth:`blocking_sign_in` may be used (not over a test's own transport).
        self.can_block = transport is None
        self._retries = max(1, retries)
        self._retry_wait = retry_wait
        self._access: str | None = None
        self._refresh: str | None = None
        self._expires_at: float | None = None  # time.monotonic() when the access token dies
        self._refresh_lock = asyncio.Lock()

    # ---- properties -------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The server's root URL, e.g. ``http://127.0.0.1:8765`` (no trailing slash)."""
        return self._base_url

    @property
    def ws_url(self) -> str:
        """The event stream's URL: ``ws://host:port/api/v1/events``."""
        if self._base_url.startswith("https://"):
            root = "wss://" + self._base_url.removeprefix("https://")
        elif self._base_url.startswith("http://"):
            root = "ws://" + self._base_url.removeprefix("http://")
        else:
            root = self._base_url
        return f"{root}{API_PREFIX}/events"

    @property
    def access_token(self) -> str | None:
        return self._access

    @property
    def signed_in(self) -> bool:
        return self._access is not None

    # ---- auth -------------------------------------------------------------------------

    async def login(self, username: str, password: str) -> TokenResponse:
        body = validated(LoginRequest, username=username, password=password)
        data = await self._request("POST", "/auth/login", json=_dump(body), auth=False)
        answer = _parse(TokenResponse, data)
        self._keep_tokens(_Tokens.model_validate(data))
        return answer

    def blocking_sign_in(self, username: str, password: str) -> RawSignIn:
        """Login, profile and (for the roles that handle contacts) the active interactions
        over a short-lived blocking connection, for a worker thread: its round trips go on
        while the GUI thread is busy (``agentdesk.client.sign_in.EarlySignIn``). Raw JSON,
        validated and kept by :meth:`adopt_sign_in` on the loop; keeps no state itself.
        Raises :class:`ApiError` or :class:`NetworkError` as the calls above do."""
        body = _dump(validated(LoginRequest, username=username, password=password))
        try:
            with httpx.Client(**self._options) as http:
                tokens = _decode(http.post("/auth/login", json=body))
                if not isinstance(tokens, dict):
                    raise ApiError(200, "bad_response", "unexpected login answer")
                bearer = {"Authorization": f"Bearer {tokens.get('access_token')}"}
                profile = _decode(http.get("/me", headers=bearer))
                handles = isinstance(profile, dict) and profile.get("role") in HANDLER_ROLES
                interactions = (
                    _decode(http.get("/interactions", params={"status": "active"}, headers=bearer))
                    if handles
                    else []
                )
        except httpx.RequestError as exc:
            raise NetworkError(f"sign-in: {type(exc).__name__}: {exc}") from exc
        return RawSignIn(tokens, profile, interactions)

    def adopt_sign_in(self, raw: RawSignIn) -> tuple[AgentProfile, list[Interaction]]:
        """Validate what :meth:`blocking_sign_in` fetched and keep its tokens."""
        _parse(TokenResponse, raw.tokens)
        profile = _parse(AgentProfile, raw.profile)
        interactions = _parse_list(_INTERACTIONS, raw.interactions)
        self._keep_tokens(_parse(_Tokens, raw.tokens))
        return profile, interactions

    async def refresh(self) -> None:
        """Exchange the refresh token for new tokens now."""
        async with self._refresh_lock:
            await self._do_refresh()

    async def valid_token(self, *, force_refresh: bool = False) -> str:
        """An access token that is not about to expire (refreshed if needed)."""
        token = self._access
        if token is None:
            raise ApiError(401, "unauthorized", "not signed in")
        expiring = self._expires_at is not None and (
            self._expires_at - time.monotonic() < TOKEN_MARGIN_S
        )
        if force_refresh or expiring:
            await self._refresh_after(token)
        assert self._access is not None
        return self._access

    async def logout(self) -> None:
        """Revoke the tokens on the server (best effort) and forget them here."""
        try:
            if self._access is not None:
                await self._request("POST", "/auth/logout", retry_auth=False)
        finally:
            self._access = self._refresh = None
            self._expires_at = None

    # ---- the operator -----------------------------------------------------------------

    async def me(self) -> AgentProfile:
        return _parse(AgentProfile, await self._request("GET", "/me"))

    async def set_state(
        self, state: AgentState, reason: NotReadyReason | None = None
    ) -> AgentStateView:
        body = validated(AgentStateRequest, state=state, reason=reason)
        data = await self._request("PUT", "/me/state", json=_dump(body), idempotency=_key())
        return _parse(AgentStateView, data)

    # ---- interactions -----------------------------------------------------------------

    async def active_interactions(self) -> list[Interaction]:
        data = await self._request("GET", "/interactions", params={"status": "active"})
        return _parse_list(_INTERACTIONS, data)

    async def interaction(self, interaction_id: str) -> Interaction:
        data = await self._request("GET", f"/interactions/{_q(interaction_id)}")
        return _parse(Interaction, data)

    async def accept(self, interaction_id: str) -> Interaction:
        return await self._interaction_action(interaction_id, "accept")

    async def reject(self, interaction_id: str) -> Interaction:
        return await self._interaction_action(interaction_id, "reject")

    async def hangup(self, interaction_id: str) -> Interaction:
        return await self._interaction_action(interaction_id, "hangup")

    async def _interaction_action(self, interaction_id: str, action: str) -> Interaction:
        path = f"/interactions/{_q(interaction_id)}/{action}"
        return _parse(Interaction, await self._request("POST", path, idempotency=_key()))

    async def send_message(self, interaction_id: str, text: str, idempotency_key: str) -> Message:
        body = validated(SendMessageRequest, text=text, idempotency_key=idempotency_key)
        path = f"/interactions/{_q(interaction_id)}/messages"
        data = await self._request("POST", path, json=_dump(body), retry=True)
        return _parse(Message, data)

    async def wrapup(
        self,
        interaction_id: str,
        disposition: str,
        notes: str,
        resolved: bool,
        idempotency_key: str,
    ) -> Interaction:
        body = validated(
            WrapupRequest,
            disposition=disposition,
            notes=notes,
            resolved=resolved,
            idempotency_key=idempotency_key,
        )
        path = f"/interactions/{_q(interaction_id)}/wrapup"
        data = await self._request("POST", path, json=_dump(body), retry=True)
        return _parse(Interaction, data)

    # ---- customers --------------------------------------------------------------------

    async def customer(self, customer_id: str) -> Customer:
        return _parse(Customer, await self._request("GET", f"/customers/{_q(customer_id)}"))

    async def timeline(
        self, customer_id: str, before: str | None = None, limit: int = 50
    ) -> TimelinePage:
        params: dict[str, str | int] = {"limit": limit}
        if before is not None:
            params["before"] = before
        path = f"/customers/{_q(customer_id)}/timeline"
        return _parse(TimelinePage, await self._request("GET", path, params=params))

    async def find_customers(
        self, phone: str | None = None, email: str | None = None, q: str | None = None
    ) -> list[Customer]:
        params = {k: v for k, v in (("phone", phone), ("email", email), ("q", q)) if v}
        data = await self._request("GET", "/customers", params=params)
        return _parse_list(_CUSTOMERS, data)

    async def add_note(self, customer_id: str, text: str, idempotency_key: str) -> TimelineItem:
        """``POST /customers/{id}/notes``: the note as it appears in the timeline."""
        body = validated(CustomerNoteRequest, text=text, idempotency_key=idempotency_key)
        path = f"/customers/{_q(customer_id)}/notes"
        data = await self._request("POST", path, json=_dump(body), retry=True)
        return _parse(TimelineItem, data)

    async def accounts(self, customer_id: str) -> Accounts:
        data = await self._request("GET", f"/customers/{_q(customer_id)}/accounts")
        return _parse(Accounts, data)

    # ---- assist: scripts and next best action ---------------------------------------

    async def script(self, script_id: str) -> ScriptView:
        return _parse(ScriptView, await self._request("GET", f"/scripts/{_q(script_id)}"))

    async def script_progress(self, interaction_id: str) -> ScriptProgressView:
        path = f"/interactions/{_q(interaction_id)}/script-progress"
        return _parse(ScriptProgressView, await self._request("GET", path))

    async def record_script_progress(
        self, interaction_id: str, node_id: str, answer: str | None, script_id: str | None = None
    ) -> ScriptProgressView:
        """Answering the same node twice gives the same progress: safe to retry."""
        body = validated(ScriptProgressRequest, node_id=node_id, answer=answer, script_id=script_id)
        path = f"/interactions/{_q(interaction_id)}/script-progress"
        data = await self._request("POST", path, json=_dump(body), retry=True)
        return _parse(ScriptProgressView, data)

    async def next_best_actions(self, interaction_id: str) -> NextBestActionList:
        path = f"/interactions/{_q(interaction_id)}/next-best-actions"
        return _parse(NextBestActionList, await self._request("GET", path))

    async def nba_outcome(
        self, hint_id: str, accepted: bool, note: str | None = None
    ) -> NextBestAction:
        body = validated(NbaOutcomeRequest, accepted=accepted, note=note)
        path = f"/next-best-actions/{_q(hint_id)}/outcome"
        return _parse(NextBestAction, await self._request("POST", path, json=_dump(body)))

    # ---- for feature clients ----------------------------------------------------------

    async def call(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        idempotency: str | None = None,
        retry: bool | None = None,
    ) -> Any:
        """An authenticated call on this connection for feature clients (``client/calls.py``).

        Same auth refresh, error shape and retry rules as every method here.
        """
        return await self._request(method, path, json=json, idempotency=idempotency, retry=retry)

    # ---- knowledge base ---------------------------------------------------------------

    async def kb_changes(self, since: int) -> KbChanges:
        data = await self._request("GET", "/kb/changes", params={"since": since})
        return _parse(KbChanges, data)

    async def kb_article(self, article_id: str) -> KbArticle:
        return _parse(KbArticle, await self._request("GET", f"/kb/articles/{_q(article_id)}"))

    async def kb_feedback(
        self, article_id: str, helpful: bool, interaction_id: str | None
    ) -> KbFeedbackResult:
        body = validated(KbFeedbackRequest, helpful=helpful, interaction_id=interaction_id)
        path = f"/kb/articles/{_q(article_id)}/feedback"
        return _parse(KbFeedbackResult, await self._request("POST", path, json=_dump(body)))

    async def kb_ack(self, article_id: str) -> KbAckResult:
        path = f"/kb/articles/{_q(article_id)}/ack"
        return _parse(KbAckResult, await self._request("POST", path, retry=True))

    async def kb_urgent(self) -> KbUrgentList:
        return _parse(KbUrgentList, await self._request("GET", "/kb/urgent"))

    # ---- lifecycle --------------------------------------------------------------------

    async def aclose(self) -> None:
        await self._http.aclose()

    # ---- plumbing ---------------------------------------------------------------------

    async def _request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, str | int] | None = None,
        auth: bool = True,
        retry: bool | None = None,
        retry_auth: bool = True,
        idempotency: str | None = None,
    ) -> Any:
        """Send with auth, refresh on 401, retry safe calls on transport failures."""
        headers = {"Idempotency-Key": idempotency} if idempotency else {}
        safe = retry if retry is not None else (method == "GET" or idempotency is not None)

        async def attempt() -> Any:
            return await self._send_authed(
                method, path, json, params, headers, auth=auth, retry_auth=retry_auth
            )

        if not safe or self._retries == 1:
            return await attempt()
        # tenacity loads with the first call that may be retried, not on the sign-in's path.
        from tenacity import (
            AsyncRetrying,
            retry_if_exception_type,
            stop_after_attempt,
            wait_exponential_jitter,
        )

        retrying = AsyncRetrying(
            stop=stop_after_attempt(self._retries),
            wait=wait_exponential_jitter(
                multiplier=self._retry_wait, max=2.0, jitter=self._retry_wait
            ),
            retry=retry_if_exception_type(NetworkError),
            reraise=True,
        )
        async for try_ in retrying:
            with try_:
                return await attempt()
        raise AssertionError("unreachable")  # pragma: no cover

    async def _send_authed(
        self,
        method: str,
        path: str,
        json: Any,
        params: Mapping[str, str | int] | None,
        headers: dict[str, str],
        *,
        auth: bool,
        retry_auth: bool,
    ) -> Any:
        token = self._access if auth else None
        response = await self._send(method, path, json, params=params, headers=headers, token=token)
        if response.status_code == 401 and token is not None and retry_auth and self._refresh:
            try:
                await self._refresh_after(token)
            except ApiError:
                log.info("token refresh refused; the session has to sign in again")
                return _decode(response)
            response = await self._send(
                method, path, json, params=params, headers=headers, token=self._access
            )
        return _decode(response)

    async def _send(
        self,
        method: str,
        path: str,
        json: Any,
        *,
        params: Mapping[str, str | int] | None = None,
        headers: Mapping[str, str] | None = None,
        token: str | None = None,
    ) -> httpx.Response:
        all_headers = dict(headers or {})
        if token is not None:
            all_headers["Authorization"] = f"Bearer {token}"
        try:
            return await self._http.request(
                method, path, json=json, params=params, headers=all_headers
            )
        except httpx.RequestError as exc:
            raise NetworkError(f"{method} {path}: {type(exc).__name__}: {exc}") from exc

    async def _refresh_after(self, used_token: str) -> None:
        """Refresh unless another caller already replaced ``used_token``."""
        async with self._refresh_lock:
            if self._access != used_token and self._access is not None:
                return
            await self._do_refresh()

    async def _do_refresh(self) -> None:
        if self._refresh is None:
            raise ApiError(401, "unauthorized", "no refresh token")
        body = validated(RefreshRequest, refresh_token=self._refresh)
        response = await self._send("POST", "/auth/refresh", _dump(body))
        self._keep_tokens(_parse(_Tokens, _decode(response)))
        log.debug("access token refreshed")

    def _keep_tokens(self, tokens: _Tokens) -> None:
        self._access = tokens.access_token
        self._refresh = tokens.refresh_token
        self._expires_at = (
            time.monotonic() + tokens.expires_in if tokens.expires_in is not None else None
        )


def _decode(response: httpx.Response) -> Any:
    """The JSON of a success, or :class:`ApiError` built from the error shape."""
    status = response.status_code
    try:
        data = response.json() if response.content else None
    except ValueError:
        data = None
        if status < 400:
            raise ApiError(status, "bad_response", "the server's answer is not JSON") from None
    if status < 400:
        return data
    try:
        error = ErrorResponse.model_validate(data).error
    except ValidationError:
        text = response.text[:200] or response.reason_phrase
        raise ApiError(status, f"http_{status}", text) from None
    raise ApiError(status, error.code, error.message, error.details)


def _parse(model: type[M], data: Any) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ApiError(200, "bad_response", f"unexpected {model.__name__}: {exc}") from exc


def _parse_list(adapter: TypeAdapter[list[T]], data: Any) -> list[T]:
    items = data.get("items") if isinstance(data, dict) else data
    try:
        return adapter.validate_python(items)
    except ValidationError as exc:
        raise ApiError(200, "bad_response", f"unexpected list: {exc}") from exc


def validated(model: type[M], **fields: Any) -> M:
    """Build a request body; a value the server would refuse fails here the same way."""
    try:
        return model(**fields)
    except ValidationError as exc:
        details = exc.errors(include_url=False, include_context=False, include_input=False)
        raise ApiError(422, "validation_error", _first_error(exc), details) from exc


def _first_error(exc: ValidationError) -> str:
    errors = exc.errors(include_url=False)
    if not errors:
        return str(exc)
    first = errors[0]
    where = ".".join(str(p) for p in first.get("loc", ()))
    return f"{where}: {first.get('msg', '')}" if where else str(first.get("msg", ""))


def _dump(model: BaseModel) -> Any:
    return model.model_dump(mode="json", by_alias=True, exclude_none=False)


def _q(segment: str) -> str:
    return quote(segment, safe="")


def _key() -> str:
    return uuid.uuid4().hex


#: A fresh idempotency key, for feature clients.
new_key = _key
