"""The OpenAPI schema is what integrators generate clients from: every status a route
answers is declared there, with the error shape, and no input makes the server fail.

Schemathesis generates requests from the schema (valid and invalid) against the real
server as an admin, an operator and the channel gateway; ``status_code_conformance`` fails
on any status the schema does not declare, ``not_a_server_error`` on any 5xx.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.conftest import LiveServer, login

ST = Path(sys.executable).with_name("st")


def test_every_operation_declares_its_errors_with_the_error_shape(
    shared_server: LiveServer,
) -> None:
    schema = httpx.get(f"{shared_server.api_url}/openapi.json", timeout=10).json()
    accept = schema["paths"]["/api/v1/interactions/{interaction_id}/accept"]["post"]
    assert {"401", "403", "404", "409", "422"} <= set(accept["responses"])
    error = accept["responses"]["409"]["content"]["application/json"]["schema"]
    assert error == {"$ref": "#/components/schemas/ErrorResponse"}
    assert "ErrorResponse" in schema["components"]["schemas"]
    me = schema["paths"]["/api/v1/me"]["get"]["responses"]
    assert "401" in me
    entry = schema["paths"]["/api/v1/gateway/entry-points"]["get"]["responses"]
    assert set(entry) == {"200", "401"}


@pytest.mark.timeout(600)
@pytest.mark.parametrize("who", ["admin", "mario", "gateway"])
def test_generated_requests_get_only_declared_statuses_and_never_a_5xx(
    shared_server: LiveServer, who: str
) -> None:
    if who == "gateway":
        header = f"X-Gateway-Key: {shared_server.gateway_key}"
    else:
        header = f"Authorization: Bearer {login(shared_server.base_url, who)}"
    run = subprocess.run(
        [
            str(ST),
            "run",
            f"{shared_server.api_url}/openapi.json",
            "--checks",
            "not_a_server_error,status_code_conformance",
            "--header",
            header,
            "--max-examples",
            "5",
            "--phases",
            "coverage,fuzzing",
            "--workers",
            "1",
            "--seed",
            "20261130",
        ],
        capture_output=True,
        text=True,
        timeout=540,
        check=False,
    )
    failures = run.stdout.split("FAILURES", 1)[-1]
    assert run.returncode == 0, failures[:6000]
