"""The OpenAPI schema declares every error a route can answer, in the error shape.

Integrators generate clients from ``/openapi.json``, so a status the schema does not declare
is a contract bug. Which errors a route can give follows from what it declares: an access
token (401), a role or scope that is not the caller's (403), an id in the path (404), a body that is
not JSON (400), anything the request carries that can be invalid (422), and a change of
state that can conflict (409: assignment, status, the agent's state machine, a reused
idempotency key). A route may add its own through ``responses=``; those are kept.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts

from agentdesk.protocol.errors import ErrorResponse
from agentdesk.server.api.deps import GatewayGuard, RoleGuard

_DESCRIPTIONS = {
    400: "The body is not JSON, or the request line is not valid HTTP (refused by the server)",
    401: "Missing, invalid or expired credentials",
    403: "Your role, or the scope asked for (another squad, client or trainee), is not yours",
    404: "No such resource (or not one of yours)",
    409: "Conflicts with the current state (assignment, status, state machine, reused key)",
    422: "Invalid path, query or body",
}
_MUTATING = {"POST", "PUT", "PATCH", "DELETE"}
#: Routes that change nothing that could conflict (signing in and out).
_NO_CONFLICT = {"/auth/login", "/auth/refresh", "/auth/logout"}


def _guards(dependant: Dependant) -> list[object]:
    found: list[object] = []
    for sub in dependant.dependencies:
        if isinstance(sub.call, RoleGuard | GatewayGuard):
            found.append(sub.call)
        found.extend(_guards(sub))
    return found


def _carries_input(dependant: Dependant) -> bool:
    if dependant.body_params or dependant.query_params or dependant.path_params:
        return True
    if any(p.alias.lower() != "authorization" for p in dependant.header_params):
        return True
    return any(_carries_input(sub) for sub in dependant.dependencies)


def error_statuses(route: APIRoute, path: str) -> set[int]:
    """The error statuses ``route`` (at ``path``, without the API prefix) can answer."""
    statuses: set[int] = set()
    guards = _guards(route.dependant)
    if any(isinstance(g, GatewayGuard) for g in guards):
        statuses.add(401)
    for guard in guards:
        if isinstance(guard, RoleGuard):
            # Roles are checked by the guard; scopes (a squad, a client, a trainee, the whole
            # centre) by the route itself, so any signed-in route may answer 403.
            statuses.update((401, 403))
    if route.dependant.path_params:
        statuses.add(404)
    if _carries_input(route.dependant):
        statuses.add(422)
    if route.dependant.body_params or route.dependant.query_params:
        # A body that is not JSON; a query string the HTTP parser refuses.
        statuses.add(400)
    if (route.methods or set()) & _MUTATING and path not in _NO_CONFLICT:
        statuses.add(409)
    if path in {"/auth/login", "/auth/refresh"}:
        statuses.add(401)  # wrong credentials, spent refresh token
    return statuses


def install(app: FastAPI, prefix: str) -> None:
    """Make ``app.openapi()`` declare each route's errors with the error shape."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        from fastapi.openapi.utils import get_openapi  # only when asked: not on the start's path

        schema = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
        )
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.update(
            ErrorResponse.model_json_schema(ref_template="#/components/schemas/{model}").pop(
                "$defs", {}
            )
        )
        components["ErrorResponse"] = ErrorResponse.model_json_schema(
            ref_template="#/components/schemas/{model}"
        )
        ref = {"$ref": "#/components/schemas/ErrorResponse"}
        # Included routers stay nested; this yields each route with its full path.
        for context in iter_route_contexts(app.routes):
            route = context.original_route
            if not isinstance(route, APIRoute) or not route.include_in_schema:
                continue
            full = str(context.path)
            operations = schema["paths"].get(full, {})
            for method in context.methods or ():
                operation = operations.get(method.lower())
                if operation is None:
                    continue
                responses = operation.setdefault("responses", {})
                for status in sorted(error_statuses(route, full.removeprefix(prefix))):
                    entry = responses.setdefault(
                        str(status), {"description": _DESCRIPTIONS[status]}
                    )
                    entry["content"] = {"application/json": {"schema": ref}}
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
