"""Every way a Bitrix24 call can fail, as one typed hierarchy whose errors a UI can show.

    B24Error                          base: method, code, description, status, user_message
    ├── ConfigurationError            the connection settings themselves are unusable
    ├── TransportError                no usable answer came over the network
    │   ├── ConnectError              the portal could not be reached (nothing was sent)
    │   ├── RequestTimeoutError       the answer did not come in time
    │   └── ConnectionLostError       the connection broke while the answer was awaited
    ├── ProtocolError                 the answer is not Bitrix24 JSON (HTML page, cut-off body)
    │   └── ForeignHostError          a token answer points REST calls at another host
    ├── OutcomeUnknownError           a write was sent but its answer was lost
    ├── BatchSkippedError             a halting batch stopped before this command ran
    └── ApiError                      the portal answered {"error": ..., "error_description": ...}
        ├── LimitError
        │   ├── RateLimitError        QUERY_LIMIT_EXCEEDED, OVERLOAD_LIMIT
        │   └── OperationTimeLimitError  OPERATION_TIME_LIMIT
        ├── AuthError
        │   ├── ExpiredTokenError     expired_token
        │   ├── InvalidTokenError     NO_AUTH_FOUND, invalid_token, AUTHORIZATION_ERROR, ...
        │   ├── SignInRequiredError   invalid_grant
        │   └── ApplicationNotFoundError  APPLICATION_NOT_FOUND
        ├── AccessDeniedError         ACCESS_DENIED, ACCESS_ERROR, CRM's "Access denied.", ...
        │   ├── InsufficientScopeError  insufficient_scope, invalid_scope
        │   ├── WrongAuthTypeError    WRONG_AUTH_TYPE (needs an application, not a webhook)
        │   ├── IntranetOnlyError     allowed_only_intranet_user
        │   ├── ConfirmationPendingError  METHOD_CONFIRM_WAITING
        │   ├── ConfirmationDeniedError   METHOD_CONFIRM_DENIED
        │   ├── ChatPostDeniedError   CANCELED
        │   ├── NotOperatorError      ERROR_USER_NOT_OPERATOR
        │   └── RemoveDeniedError     CHAT_DELETE_USER_PERMISSION_DENIED
        ├── NotFoundError             CRM's "Not found", INVALID_SESSION_ID
        ├── MethodNotFoundError       ERROR_METHOD_NOT_FOUND, IM_NOT_INSTALLED
        ├── PortalDeletedError        PORTAL_DELETED
        ├── InvalidArgumentError      ERROR_ARGUMENT, INVALID_ARG_VALUE, MISSING_REQUIRED_PARAM, ...
        ├── ConflictError
        │   ├── ChatNotInCrmError     CHAT_NOT_IN_CRM
        │   ├── UserNotActiveError    CRM_CHAT_USER_NOT_ACTIVE
        │   └── ParticipantConflictError  WRONG_REQUEST
        └── ServerError               INTERNAL_SERVER_ERROR, ERROR_UNEXPECTED_ANSWER, any 5xx

Each class declares its codes (`codes`); api/error_table.py builds the code table from them
and turns an error envelope into one of these.
"""

from __future__ import annotations

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


class ForeignHostError(ProtocolError):
    """A token answer named a REST endpoint on another host than the configured portal."""

    user_message = (
        "Bitrix24's sign-in answer pointed to a different server. The connection was stopped "
        "for safety; check the portal address."
    )


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
    # The `error` codes (upper-cased) that mean this class; the code table is built from them.
    codes: ClassVar[frozenset[str]] = frozenset()


class LimitError(ApiError):
    """A portal limit refused the call."""

    user_message = "Bitrix24 is limiting requests. Please wait a moment."


class RateLimitError(LimitError):
    """Too many requests: the portal's leaky bucket is full (503 QUERY_LIMIT_EXCEEDED)."""

    user_message = "Bitrix24 is busy with too many requests. Retrying shortly."
    codes = frozenset({"QUERY_LIMIT_EXCEEDED", "OVERLOAD_LIMIT"})


class OperationTimeLimitError(LimitError):
    """The method used up its operating time for the 10-minute window (429)."""

    user_message = "Bitrix24 has paused this kind of request for a few minutes."
    codes = frozenset({"OPERATION_TIME_LIMIT"})

    def __init__(self, description: str = "", *, reset_at: float | None = None, **kw: Any) -> None:
        self.reset_at = reset_at
        super().__init__(description, **kw)


class AuthError(ApiError):
    """The portal did not accept the credentials."""

    user_message = "Bitrix24 did not accept the sign-in. Check the connection settings."


class ExpiredTokenError(AuthError):
    """The OAuth access token expired; a refresh normally fixes it unseen."""

    user_message = "The Bitrix24 session expired. Reconnecting…"
    codes = frozenset({"EXPIRED_TOKEN"})


class InvalidTokenError(AuthError):
    """The webhook code or access token is wrong or revoked."""

    user_message = "The webhook or access token is not valid any more. Check the connection."
    codes = frozenset(
        {"NO_AUTH_FOUND", "INVALID_TOKEN", "INVALID_CLIENT", "AUTHORIZATION_ERROR", "ERROR_OAUTH"}
    )


class SignInRequiredError(AuthError):
    """The refresh token is dead (invalid_grant): only a new sign-in helps."""

    user_message = "Your Bitrix24 sign-in has ended. Please sign in again."
    codes = frozenset({"INVALID_GRANT"})


class ApplicationNotFoundError(AuthError):
    """The OAuth application is not (or no longer) installed on the portal."""

    user_message = (
        "The b24desk application is not installed on this Bitrix24 portal any more. "
        "Ask your administrator to install it again."
    )
    codes = frozenset({"APPLICATION_NOT_FOUND"})


class AccessDeniedError(ApiError):
    """The user behind the webhook or token may not do this."""

    user_message = "You do not have permission to do this in Bitrix24."
    codes = frozenset(
        {
            "ACCESS_DENIED",
            "ACCESS_ERROR",
            "INVALID_CREDENTIALS",
            "USER_ACCESS_ERROR",
            "PAYMENT_REQUIRED",
        }
    )


class InsufficientScopeError(AccessDeniedError):
    """The webhook or application lacks the scope the method needs."""

    user_message = "The webhook lacks a permission (scope) this needs. Ask your administrator."
    codes = frozenset({"INSUFFICIENT_SCOPE", "INVALID_SCOPE"})


class WrongAuthTypeError(AccessDeniedError):
    """The method needs an OAuth application's context; a webhook may not call it (403)."""

    user_message = (
        "This works only when connected as a Bitrix24 application, not through a webhook."
    )
    codes = frozenset({"WRONG_AUTH_TYPE"})


class IntranetOnlyError(AccessDeniedError):
    """Only the portal's own employees may do this, not extranet users (403)."""

    user_message = "Only employees of this Bitrix24 portal can do this, not external users."
    codes = frozenset({"ALLOWED_ONLY_INTRANET_USER"})


class ConfirmationPendingError(AccessDeniedError):
    """An administrator has yet to approve the application's use of this method (401)."""

    user_message = "A Bitrix24 administrator must first approve this. Try again once approved."
    codes = frozenset({"METHOD_CONFIRM_WAITING"})


class ConfirmationDeniedError(AccessDeniedError):
    """An administrator refused the application's use of this method (403)."""

    user_message = "A Bitrix24 administrator has not allowed this."
    codes = frozenset({"METHOD_CONFIRM_DENIED"})


class ChatPostDeniedError(AccessDeniedError):
    """The sender may not write into this chat (CANCELED); usually not a participant."""

    user_message = "This user cannot post in the chat. Add them to the chat first."
    codes = frozenset({"CANCELED"})


class NotOperatorError(AccessDeniedError):
    """Only the session's current operator may do this (ERROR_USER_NOT_OPERATOR)."""

    user_message = "Only the operator currently handling this dialogue can do that."
    codes = frozenset({"ERROR_USER_NOT_OPERATOR"})


class RemoveDeniedError(AccessDeniedError):
    """The caller may not remove participants from this chat."""

    user_message = "You are not allowed to remove participants from this chat."
    codes = frozenset({"CHAT_DELETE_USER_PERMISSION_DENIED"})


class NotFoundError(ApiError):
    """The object does not exist (or is no longer visible)."""

    user_message = "It was not found in Bitrix24; it may have been deleted."
    codes = frozenset({"INVALID_SESSION_ID", "NOT_FOUND"})


class MethodNotFoundError(ApiError):
    """The portal does not know the method (module missing or portal too old)."""

    user_message = "This Bitrix24 portal does not offer this function."
    codes = frozenset({"ERROR_METHOD_NOT_FOUND", "IM_NOT_INSTALLED"})


class PortalDeletedError(ApiError):
    """The portal itself was deleted or blocked: nothing will work there again."""

    user_message = "This Bitrix24 portal has been deleted or closed. Connect to another portal."
    codes = frozenset({"PORTAL_DELETED"})


class InvalidArgumentError(ApiError):
    """The request's parameters were missing or malformed."""

    user_message = "Bitrix24 rejected the request's data."
    codes = frozenset(
        {
            "ERROR_ARGUMENT",
            "INVALID_ARG_VALUE",
            "MISSING_REQUIRED_PARAM",
            "CRM_CHAT_EMPTY_CRM_DATA",
            "CRM_CHAT_EMPTY_USER",
            "CHAT_ID",
            "CHAT_ID_EMPTY",
            "CHAT_TYPE",
            "USER_ID",
            "INVALID_REQUEST",
            "ERROR_BATCH_LENGTH_EXCEEDED",
            "ERROR_BATCH_METHOD_NOT_ALLOWED",
        }
    )


class ConflictError(ApiError):
    """The request is valid but the object's current state does not allow it."""

    user_message = "This cannot be done in the object's current state. Refresh and retry."


class ChatNotInCrmError(ConflictError):
    """The chat is not (or no longer) linked to this CRM entity."""

    user_message = "This chat is not linked to the CRM record any more. Refresh the list."
    codes = frozenset({"CHAT_NOT_IN_CRM"})


class UserNotActiveError(ConflictError):
    """The user is inactive (dismissed) or does not exist."""

    user_message = "This employee is inactive or no longer exists."
    codes = frozenset({"CRM_CHAT_USER_NOT_ACTIVE"})


class ParticipantConflictError(ConflictError):
    """The user already is (or already is not) in the chat (WRONG_REQUEST)."""

    user_message = "The participant list already changed. Refresh and retry."
    codes = frozenset({"WRONG_REQUEST"})


class ServerError(ApiError):
    """The portal failed internally."""

    user_message = "Bitrix24 had an internal error. Try again in a moment."
    codes = frozenset({"INTERNAL_SERVER_ERROR", "ERROR_UNEXPECTED_ANSWER"})
