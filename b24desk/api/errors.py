"""Every way a Bitrix24 call can fail, as one typed hierarchy whose errors a UI can show.

    B24Error                          base: method, code, description, status, user_message
    ├── ConfigurationError            the connection settings themselves are unusable
    ├── TransportError                no usable answer came over the network
    │   ├── ConnectError              the portal could not be reached (nothing was sent)
    │   ├── RequestTimeoutError       the answer did not come in time
    │   └── ConnectionLostError       the connection broke while the answer was awaited
    ├── ProtocolError                 the answer is not Bitrix24 JSON (HTML page, cut-off body)
    ├── OutcomeUnknownError           a write was sent but its answer was lost
    ├── BatchSkippedError             a halting batch stopped before this command ran
    └── ApiError                      the portal answered {"error": ..., "error_description": ...}
        ├── LimitError
        │   ├── RateLimitError        QUERY_LIMIT_EXCEEDED, OVERLOAD_LIMIT
        │   └── OperationTimeLimitError  OPERATION_TIME_LIMIT
        ├── AuthError
        │   ├── ExpiredTokenError     expired_token
        │   ├── InvalidTokenError     NO_AUTH_FOUND, invalid_token, invalid_client
        │   └── SignInRequiredError   invalid_grant
        ├── AccessDeniedError         ACCESS_DENIED, ACCESS_ERROR, CRM's "Access denied.", ...
        │   ├── InsufficientScopeError  insufficient_scope, invalid_scope
        │   ├── ChatPostDeniedError   CANCELED
        │   ├── NotOperatorError      ERROR_USER_NOT_OPERATOR
        │   └── RemoveDeniedError     CHAT_DELETE_USER_PERMISSION_DENIED
        ├── NotFoundError             CRM's "Not found", INVALID_SESSION_ID
        ├── MethodNotFoundError       ERROR_METHOD_NOT_FOUND, IM_NOT_INSTALLED
        ├── InvalidArgumentError      ERROR_ARGUMENT, MISSING_REQUIRED_PARAM, CRM_CHAT_EMPTY_*, ...
        ├── ConflictError
        │   ├── ChatNotInCrmError     CHAT_NOT_IN_CRM
        │   ├── UserNotActiveError    CRM_CHAT_USER_NOT_ACTIVE
        │   └── ParticipantConflictError  WRONG_REQUEST
        └── ServerError               INTERNAL_SERVER_ERROR, ERROR_UNEXPECTED_ANSWER, any 5xx

`error_from_response` picks the class from the `error` code, then (for the old CRM
methods, whose `error` is empty) from the description, then from the HTTP status.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from .redact import redact


class B24Error(Exception):
    """Base of every error the API layer raises."""

    user_message: ClassVar[str] = "The request to Bitrix24 failed."

    def __init__(
        self,
        description: str = "",
        *,
        method: str = "",
        code: str = "",
        status: int | None = None,
    ) -> None:
        self.method = method
        self.code = code
        self.description = redact(description)
        self.status = status
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = [f"{self.method}:" if self.method else "", self.code, self.description]
        if self.status is not None:
            parts.append(f"(HTTP {self.status})")
        return redact(" ".join(p for p in parts if p))

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(method={self.method!r}, code={self.code!r}, "
            f"description={self.description!r}, status={self.status!r})"
        )


class ConfigurationError(B24Error, ValueError):
    """The connection settings (webhook URL, OAuth endpoint) cannot be used."""

    user_message = "The connection settings are not valid. Check the portal address."


class TransportError(B24Error):
    """No usable answer came over the network."""

    user_message = "Bitrix24 could not be reached. Check the network and try again."


class ConnectError(TransportError):
    """The portal could not be reached; the request was never sent."""

    user_message = "Cannot connect to Bitrix24. Check the network or the portal address."


class RequestTimeoutError(TransportError):
    """The portal did not answer in time."""

    user_message = "Bitrix24 is taking too long to answer. Try again in a moment."


class ConnectionLostError(TransportError):
    """The connection broke before the whole answer arrived."""

    user_message = "The connection to Bitrix24 broke off. Try again."


class ProtocolError(B24Error):
    """The answer is not Bitrix24 JSON: an HTML page or a body cut off in the middle."""

    user_message = "Bitrix24 sent an unreadable answer (maintenance or a proxy error)."


class OutcomeUnknownError(B24Error):
    """A write was sent, but its answer was lost; it may or may not have been applied."""

    user_message = (
        "The change was sent, but Bitrix24's answer was lost. Check whether it was "
        "applied before trying again."
    )


class BatchSkippedError(B24Error):
    """A halting batch stopped at an earlier error before this command ran."""

    user_message = "This step was not run because an earlier step failed."


class ApiError(B24Error):
    """The portal answered with an error envelope."""

    user_message = "Bitrix24 refused the request."


class LimitError(ApiError):
    """A portal limit refused the call."""

    user_message = "Bitrix24 is limiting requests. Please wait a moment."


class RateLimitError(LimitError):
    """Too many requests: the portal's leaky bucket is full (503 QUERY_LIMIT_EXCEEDED)."""

    user_message = "Bitrix24 is busy with too many requests. Retrying shortly."


class OperationTimeLimitError(LimitError):
    """The method used up its operating time for the 10-minute window (429)."""

    user_message = "Bitrix24 has paused this kind of request for a few minutes."

    def __init__(self, description: str = "", *, reset_at: float | None = None, **kw: Any) -> None:
        self.reset_at = reset_at
        super().__init__(description, **kw)


class AuthError(ApiError):
    """The portal did not accept the credentials."""

    user_message = "Bitrix24 did not accept the sign-in. Check the connection settings."


class ExpiredTokenError(AuthError):
    """The OAuth access token expired; a refresh normally fixes it unseen."""

    user_message = "The Bitrix24 session expired. Reconnecting…"


class InvalidTokenError(AuthError):
    """The webhook code or access token is wrong or revoked."""

    user_message = "The webhook or access token is not valid any more. Check the connection."


class SignInRequiredError(AuthError):
    """The refresh token is dead (invalid_grant): only a new sign-in helps."""

    user_message = "Your Bitrix24 sign-in has ended. Please sign in again."


class AccessDeniedError(ApiError):
    """The user behind the webhook or token may not do this."""

    user_message = "You do not have permission to do this in Bitrix24."


class InsufficientScopeError(AccessDeniedError):
    """The webhook or application lacks the scope the method needs."""

    user_message = "The webhook lacks a permission (scope) this needs. Ask your administrator."


class ChatPostDeniedError(AccessDeniedError):
    """The sender may not write into this chat (CANCELED); usually not a participant."""

    user_message = "This user cannot post in the chat. Add them to the chat first."


class NotOperatorError(AccessDeniedError):
    """Only the session's current operator may do this (ERROR_USER_NOT_OPERATOR)."""

    user_message = "Only the operator currently handling this dialogue can do that."


class RemoveDeniedError(AccessDeniedError):
    """The caller may not remove participants from this chat."""

    user_message = "You are not allowed to remove participants from this chat."


class NotFoundError(ApiError):
    """The object does not exist (or is no longer visible)."""

    user_message = "It was not found in Bitrix24; it may have been deleted."


class MethodNotFoundError(ApiError):
    """The portal does not know the method (module missing or portal too old)."""

    user_message = "This Bitrix24 portal does not offer this function."


class InvalidArgumentError(ApiError):
    """The request's parameters were missing or malformed."""

    user_message = "Bitrix24 rejected the request's data."


class ConflictError(ApiError):
    """The request is valid but the object's current state does not allow it."""

    user_message = "This cannot be done in the object's current state. Refresh and retry."


class ChatNotInCrmError(ConflictError):
    """The chat is not (or no longer) linked to this CRM entity."""

    user_message = "This chat is not linked to the CRM record any more. Refresh the list."


class UserNotActiveError(ConflictError):
    """The user is inactive (dismissed) or does not exist."""

    user_message = "This employee is inactive or no longer exists."


class ParticipantConflictError(ConflictError):
    """The user already is (or already is not) in the chat (WRONG_REQUEST)."""

    user_message = "The participant list already changed. Refresh and retry."


class ServerError(ApiError):
    """The portal failed internally."""

    user_message = "Bitrix24 had an internal error. Try again in a moment."


_BY_CODE: Mapping[str, type[ApiError]] = {
    "QUERY_LIMIT_EXCEEDED": RateLimitError,
    "OVERLOAD_LIMIT": RateLimitError,
    "OPERATION_TIME_LIMIT": OperationTimeLimitError,
    "EXPIRED_TOKEN": ExpiredTokenError,
    "NO_AUTH_FOUND": InvalidTokenError,
    "INVALID_TOKEN": InvalidTokenError,
    "INVALID_CLIENT": InvalidTokenError,
    "INVALID_GRANT": SignInRequiredError,
    "INSUFFICIENT_SCOPE": InsufficientScopeError,
    "INVALID_SCOPE": InsufficientScopeError,
    "ACCESS_DENIED": AccessDeniedError,
    "ACCESS_ERROR": AccessDeniedError,
    "INVALID_CREDENTIALS": AccessDeniedError,
    "USER_ACCESS_ERROR": AccessDeniedError,
    "PAYMENT_REQUIRED": AccessDeniedError,
    "CANCELED": ChatPostDeniedError,
    "ERROR_USER_NOT_OPERATOR": NotOperatorError,
    "CHAT_DELETE_USER_PERMISSION_DENIED": RemoveDeniedError,
    "INVALID_SESSION_ID": NotFoundError,
    "NOT_FOUND": NotFoundError,
    "ERROR_METHOD_NOT_FOUND": MethodNotFoundError,
    "IM_NOT_INSTALLED": MethodNotFoundError,
    "ERROR_ARGUMENT": InvalidArgumentError,
    "MISSING_REQUIRED_PARAM": InvalidArgumentError,
    "CRM_CHAT_EMPTY_CRM_DATA": InvalidArgumentError,
    "CRM_CHAT_EMPTY_USER": InvalidArgumentError,
    "CHAT_ID": InvalidArgumentError,
    "CHAT_ID_EMPTY": InvalidArgumentError,
    "CHAT_TYPE": InvalidArgumentError,
    "USER_ID": InvalidArgumentError,
    "INVALID_REQUEST": InvalidArgumentError,
    "ERROR_BATCH_LENGTH_EXCEEDED": InvalidArgumentError,
    "ERROR_BATCH_METHOD_NOT_ALLOWED": InvalidArgumentError,
    "CHAT_NOT_IN_CRM": ChatNotInCrmError,
    "CRM_CHAT_USER_NOT_ACTIVE": UserNotActiveError,
    "WRONG_REQUEST": ParticipantConflictError,
    "INTERNAL_SERVER_ERROR": ServerError,
    "ERROR_UNEXPECTED_ANSWER": ServerError,
    "PORTAL_DELETED": ServerError,
}

# The old crm.*.list/get methods send `"error": ""`; their meaning is in the description.
_BY_CRM_DESCRIPTION: tuple[tuple[str, type[ApiError]], ...] = (
    ("access denied", AccessDeniedError),
    ("not found", NotFoundError),
    ("general error", ServerError),
    ("is not defined or invalid", InvalidArgumentError),
    ("must be array", InvalidArgumentError),
)

# Without a known code a status says little; limits are only trusted by their code, since a
# limit error promises the call was not executed (and may be re-sent).
_BY_STATUS: Mapping[int, type[ApiError]] = {
    400: InvalidArgumentError,
    401: InvalidTokenError,
    403: AccessDeniedError,
    404: NotFoundError,
}


def error_class(code: str, description: str, status: int | None) -> type[ApiError]:
    """The class for an error envelope: by code, then CRM description, then HTTP status."""
    if code:
        found = _BY_CODE.get(code.upper())
        if found is not None:
            return found
    else:
        lowered = description.lower()
        for fragment, cls in _BY_CRM_DESCRIPTION:
            if fragment in lowered:
                return cls
    if status is not None and status >= 500:
        return ServerError
    return _BY_STATUS.get(status or 0, ApiError)


def error_from_response(method: str, status: int | None, body: Mapping[str, Any]) -> ApiError:
    """The typed error for an `{"error", "error_description"}` envelope (status None in batches)."""
    code = str(body.get("error") or "")
    description = str(body.get("error_description") or "")
    cls = error_class(code, description, status)
    return cls(description, method=method, code=code, status=status)
