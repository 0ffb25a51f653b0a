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
        │   ├── NoTransferTargetError TRANSFER_ID_EMPTY, USER_ID_EMPTY, QUEUE_ID_EMPTY
        │   └── EmptyRatingError      EMPTY_VOTE_PARAMS
        ├── ConflictError
        │   ├── ChatNotInCrmError     CHAT_NOT_IN_CRM
        │   ├── UserNotActiveError    CRM_CHAT_USER_NOT_ACTIVE
        │   ├── ParticipantConflictError  WRONG_REQUEST
        │   └── HandOverRefusedError  OPERATOR_WRONG
        └── ServerError               INTERNAL_SERVER_ERROR, ERROR_UNEXPECTED_ANSWER, any 5xx

The errors below ApiError live in api/coded_errors.py: each declares its codes (`codes`),
the code table is built from them, and an error envelope is read into one of them there.
"""

from __future__ import annotations

from typing import ClassVar

from b24desk.translatable import QT_TRANSLATE_NOOP

from .redact import redact


class B24Error(Exception):
    """Base of every error the API layer raises."""

    user_message: ClassVar[str] = QT_TRANSLATE_NOOP("errors", "The request to Bitrix24 failed.")

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

    user_message = QT_TRANSLATE_NOOP(
        "errors", "The connection settings are not valid. Check the portal address."
    )


class TransportError(B24Error):
    """No usable answer came over the network."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "Bitrix24 could not be reached. Check the network and try again."
    )


class ConnectError(TransportError):
    """The portal could not be reached; the request was never sent."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "Cannot connect to Bitrix24. Check the network or the portal address."
    )


class RequestTimeoutError(TransportError):
    """The portal did not answer in time."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "Bitrix24 is taking too long to answer. Try again in a moment."
    )


class ConnectionLostError(TransportError):
    """The connection broke before the whole answer arrived."""

    user_message = QT_TRANSLATE_NOOP("errors", "The connection to Bitrix24 broke off. Try again.")


class ProtocolError(B24Error):
    """The answer is not Bitrix24 JSON: an HTML page or a body cut off in the middle."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "Bitrix24 sent an unreadable answer (maintenance or a proxy error)."
    )


class ForeignHostError(ProtocolError):
    """A token answer named a REST endpoint on another host than the configured portal."""

    user_message = QT_TRANSLATE_NOOP(
        "errors",
        "Bitrix24's sign-in answer pointed to a different server. The connection was stopped "
        "for safety; check the portal address.",
    )


class OutcomeUnknownError(B24Error):
    """A write was sent, but its answer was lost; it may or may not have been applied."""

    user_message = QT_TRANSLATE_NOOP(
        "errors",
        "The change was sent, but Bitrix24's answer was lost. Check whether it was "
        "applied before trying again.",
    )


class BatchSkippedError(B24Error):
    """A halting batch stopped at an earlier error before this command ran."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "This step was not run because an earlier step failed."
    )


class ApiError(B24Error):
    """The portal answered with an error envelope."""

    user_message = QT_TRANSLATE_NOOP("errors", "Bitrix24 refused the request.")
    # The `error` codes (upper-cased) that mean this class; the code table is built from them.
    codes: ClassVar[frozenset[str]] = frozenset()
