"""Server settings: one object, built from arguments or the environment."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import platformdirs
from pydantic import BaseModel, ConfigDict, Field

log = logging.getLogger(__name__)

#: The gateway key demo mode uses when AGENTDESK_GATEWAY_KEY is not set.
DEMO_GATEWAY_KEY = "demo-gateway-key"


def default_database_url() -> str:
    """SQLite in the user data directory (created on demand)."""
    data_dir = Path(platformdirs.user_data_dir("AgentDesk", appauthor=False))
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite+aiosqlite:///{data_dir / 'server.sqlite3'}"


class ServerSettings(BaseModel):
    """Everything the reference backend can be told. Times are seconds."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    database_url: str = Field(default_factory=default_database_url)
    demo: bool = False
    #: Upgrade the schema to this version's head on start. A shared PostgreSQL run by several
    #: servers may turn it off and run ``agentdesk-server migrate`` once per upgrade instead;
    #: a server then refuses to start on a database that is not at its head.
    migrate_on_start: bool = True
    simulate: bool = False
    simulate_rate: float = Field(default=4.0, gt=0)  # chats per minute
    #: None = taken from AGENTDESK_GATEWAY_KEY (demo mode falls back to DEMO_GATEWAY_KEY).
    gateway_key: str | None = None
    #: Password of a bootstrap "admin" account created when none exists (AGENTDESK_ADMIN_PASSWORD).
    admin_password: str | None = None

    access_token_ttl_s: int = Field(default=900, gt=0)
    refresh_token_ttl_s: int = Field(default=43200, gt=0)
    heartbeat_s: float = Field(default=15.0, gt=0)
    offer_timeout_s: float = Field(default=30.0, gt=0)
    #: An operator who rejected or missed an offer gets the same interaction again only
    #: after this long (if nobody else can take it).
    reoffer_after_s: float = Field(default=60.0, ge=0)
    event_retention_s: int = Field(default=86400, gt=0)
    event_retention_count: int = Field(default=10000, gt=0)
    retention_interval_s: float = Field(default=300.0, gt=0)
    queue_stats_s: float = Field(default=5.0, gt=0)
    service_level_threshold_s: float = Field(default=20.0, gt=0)
    #: How long a websocket client has to send its auth frame.
    auth_timeout_s: float = Field(default=10.0, gt=0)
    #: The server's own base URL on loopback, set by whoever binds the socket; the simulator
    #: drives the real gateway through it.
    self_url: str | None = None
    #: Fixed seed of the simulator's randomness (None = random).
    simulate_seed: int | None = None
    #: Multiplies the simulated customers' delays and patience (tests use a small one).
    simulate_time_scale: float = Field(default=1.0, gt=0)
    #: Voice: where call recordings are written (None: beside the SQLite file, or the
    #: user data directory).
    recordings_dir: str | None = None
    #: Voice: a leg that sends no audio for this long is taken as gone and the call ended.
    media_lost_after_s: float = Field(default=10.0, gt=0)
    #: Voice: inbound customers are told the call is recorded (the consent noted on the call).
    recording_announced: bool = True
    #: Routing: the longest wrap-up. An interaction in wrap-up for longer stops taking the
    #: operator's capacity, and an operator in the `wrap_up` state is made ready again.
    wrap_up_max_s: float = Field(default=120.0, gt=0)
    #: Routing: an operator on a call (offered, active or in wrap-up) is offered no new chats.
    calls_block_chats: bool = True
    #: Voice: simulated calls per minute (0: none).
    simulate_call_rate: float = Field(default=1.0, ge=0)
    #: Voice: seconds from start to the first simulated call (not scaled by the time scale).
    simulate_first_call_s: float = Field(default=20.0, ge=0)

    def resolved(self) -> ServerSettings:
        """A copy with the gateway key and admin password filled in from the environment."""
        key = self.gateway_key or os.environ.get("AGENTDESK_GATEWAY_KEY") or None
        if key is None and self.demo:
            key = DEMO_GATEWAY_KEY
            log.warning(
                "demo mode: the channel gateway key defaults to %r (set AGENTDESK_GATEWAY_KEY)",
                DEMO_GATEWAY_KEY,
            )
        admin = self.admin_password or os.environ.get("AGENTDESK_ADMIN_PASSWORD") or None
        return self.model_copy(update={"gateway_key": key, "admin_password": admin})

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")
