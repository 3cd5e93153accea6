"""Turn failures of session calls into sentences for the operator."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from agentdesk.client.rest import ApiError, NetworkError
from agentdesk.protocol import errors as codes

EXPECTED: tuple[type[Exception], ...] = (ApiError, NetworkError)


def describe_error(exc: BaseException) -> str:
    """A translated, human sentence; the server's own message is kept as detail."""
    if isinstance(exc, NetworkError):
        return QCoreApplication.translate(
            "Errors", "The server cannot be reached. Your work is kept and sent when it is back."
        )
    if isinstance(exc, ApiError):
        detail = exc.message
        if exc.code == codes.ILLEGAL_TRANSITION or (
            exc.status == 409 and exc.code == codes.CONFLICT
        ):
            text = QCoreApplication.translate("Errors", "Not possible right now: %1")
        elif exc.status == 401 or exc.code == codes.UNAUTHORIZED:
            text = QCoreApplication.translate(
                "Errors", "Your session has expired. Please sign in again. (%1)"
            )
        elif exc.status == 403 or exc.code == codes.FORBIDDEN:
            text = QCoreApplication.translate("Errors", "Your role does not allow this. (%1)")
        elif exc.status == 404 or exc.code == codes.NOT_FOUND:
            text = QCoreApplication.translate("Errors", "It no longer exists. (%1)")
        elif exc.status == 422 or exc.code == codes.VALIDATION:
            text = QCoreApplication.translate("Errors", "The server did not accept it: %1")
        else:
            text = QCoreApplication.translate("Errors", "The server refused it: %1")
        return text.replace("%1", detail)
    return QCoreApplication.translate("Errors", "Something went wrong: %1").replace(
        "%1", str(exc) or type(exc).__name__
    )


def login_error(exc: BaseException) -> str:
    """Errors of the sign-in step, worded for the login dialog."""
    if isinstance(exc, ApiError) and (exc.status == 401 or exc.code == codes.UNAUTHORIZED):
        return QCoreApplication.translate("Errors", "Wrong username or password.")
    if isinstance(exc, NetworkError):
        return QCoreApplication.translate(
            "Errors", "Cannot reach the server. Check the address and your connection."
        )
    return describe_error(exc)
