"""Errors the demo portal answers with: `{"error", "error_description"}` plus an HTTP status."""

from __future__ import annotations


class RestError(Exception):
    """A documented Bitrix24 error; raised by handlers, rendered by the app."""

    def __init__(self, code: str, description: str, status: int = 400) -> None:
        super().__init__(f"{code}: {description}")
        self.code = code
        self.description = description
        self.status = status

    def body(self) -> dict[str, str]:
        return {"error": self.code, "error_description": self.description}


def crm_error(description: str) -> RestError:
    """Old CRM methods answer with an empty `error` and the meaning in the description."""
    return RestError("", description, 400)


def argument_error(name: str) -> RestError:
    return RestError("ERROR_ARGUMENT", f"Argument '{name}' is null or empty", 400)


def invalid_type_error(name: str) -> RestError:
    return RestError(
        "ERROR_ARGUMENT", f"The value of an argument '{name}' has an invalid type", 400
    )


# Each answer raises a new error: a shared instance would keep its last traceback, and with it
# the frames that raised it and the portal they belonged to, for as long as the module lives.


def no_auth() -> RestError:
    return RestError("NO_AUTH_FOUND", "Wrong authorization data", 401)


def expired_token() -> RestError:
    return RestError("expired_token", "The access token provided has expired.", 401)


def insufficient_scope() -> RestError:
    return RestError(
        "insufficient_scope",
        "The request requires higher privileges than provided by the webhook token",
        403,
    )


def method_not_found() -> RestError:
    return RestError("ERROR_METHOD_NOT_FOUND", "Method not found!", 404)


def query_limit() -> RestError:
    return RestError("QUERY_LIMIT_EXCEEDED", "Too many requests", 503)


def operation_time_limit() -> RestError:
    return RestError("OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit.", 429)


def batch_length() -> RestError:
    return RestError("ERROR_BATCH_LENGTH_EXCEEDED", "Max batch length exceeded", 400)


def batch_not_allowed() -> RestError:
    return RestError("ERROR_BATCH_METHOD_NOT_ALLOWED", "Method is not allowed for batch usage", 405)


def internal() -> RestError:
    return RestError("INTERNAL_SERVER_ERROR", "Internal server error", 500)
