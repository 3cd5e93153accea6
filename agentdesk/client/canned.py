"""``CannedApi``: the operator's canned responses, on the desktop's one REST connection."""

from __future__ import annotations

from pydantic import ValidationError

from agentdesk.client.rest import ApiClient, ApiError
from agentdesk.protocol.canned import CannedResponse, CannedResponseList


class CannedApi:
    def __init__(self, api: ApiClient) -> None:
        self._api = api

    async def list(self) -> list[CannedResponse]:
        """Every canned response of the clients the operator serves."""
        data = await self._api.call("GET", "/canned-responses")
        try:
            return CannedResponseList.model_validate(data).items
        except ValidationError as exc:
            raise ApiError(200, "bad_response", f"unexpected canned responses: {exc}") from exc
