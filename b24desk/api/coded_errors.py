"""Errors by Bitrix24 error code: ApiError's kinds, each declaring the codes that mean it,
and the reading of an `{"error", "error_description"}` envelope into one of them.

The code table is built from the classes' `codes`; the old CRM methods send an empty `error`,
so their meaning is read from the description, and without either the HTTP status decides.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from b24desk.translatable import QT_TRANSLATE_NOOP

from .errors import ApiError


class LimitError(ApiError):
    """A portal limit refused the call."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "Bitrix24 is limiting requests. Please wait a moment."
    )


class RateLimitError(LimitError):
    """Too many requests: the portal's leaky bucket is full (503 QUERY_LIMIT_EXCEEDED)."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "Bitrix24 is busy with too many requests. Retrying shortly."
    )
    codes = frozenset({"QUERY_LIMIT_EXCEEDED", "OVERLOAD_LIMIT"})


class OperationTimeLimitError(LimitError):
    """The method used up its operating time for the 10-minute window (429)."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "Bitrix24 has paused this kind of request for a few minutes."
    )
    codes = frozenset({"OPERATION_TIME_LIMIT"})

    def __init__(self, description: str = "", *, reset_at: float | None = None, **kw: Any) -> None:
        self.reset_at = reset_at
        super().__init__(description, **kw)


class AuthError(ApiError):
    """The portal did not accept the credentials."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "Bitrix24 did not accept the sign-in. Check the connection settings."
    )


class ExpiredTokenError(AuthError):
    """The OAuth access token expired; a refresh normally fixes it unseen."""

    user_message = QT_TRANSLATE_NOOP("errors", "The Bitrix24 session expired. Reconnecting…")
    codes = frozenset({"EXPIRED_TOKEN"})


class InvalidTokenError(AuthError):
    """The webhook code or access token is wrong or revoked."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "The webhook or access token is not valid any more. Check the connection."
    )
    codes = frozenset(
        {"NO_AUTH_FOUND", "INVALID_TOKEN", "INVALID_CLIENT", "AUTHORIZATION_ERROR", "ERROR_OAUTH"}
    )


class SignInRequiredError(AuthError):
    """The refresh token is dead (invalid_grant): only a new sign-in helps."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "Your Bitrix24 sign-in has ended. Please sign in again."
    )
    codes = frozenset({"INVALID_GRANT"})


class ApplicationNotFoundError(AuthError):
    """The OAuth application is not (or no longer) installed on the portal."""

    user_message = QT_TRANSLATE_NOOP(
        "errors",
        "The b24desk application is not installed on this Bitrix24 portal any more. "
        "Ask your administrator to install it again.",
    )
    codes = frozenset({"APPLICATION_NOT_FOUND"})


class AccessDeniedError(ApiError):
    """The user behind the webhook or token may not do this."""

    user_message = QT_TRANSLATE_NOOP("errors", "You do not have permission to do this in Bitrix24.")
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

    user_message = QT_TRANSLATE_NOOP(
        "errors", "The webhook lacks a permission (scope) this needs. Ask your administrator."
    )
    codes = frozenset({"INSUFFICIENT_SCOPE", "INVALID_SCOPE"})


class WrongAuthTypeError(AccessDeniedError):
    """The method needs an OAuth application's context; a webhook may not call it (403)."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "This works only when connected as a Bitrix24 application, not through a webhook."
    )
    codes = frozenset({"WRONG_AUTH_TYPE"})


class IntranetOnlyError(AccessDeniedError):
    """Only the portal's own employees may do this, not extranet users (403)."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "Only employees of this Bitrix24 portal can do this, not external users."
    )
    codes = frozenset({"ALLOWED_ONLY_INTRANET_USER"})


class ConfirmationPendingError(AccessDeniedError):
    """An administrator has yet to approve the application's use of this method (401)."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "A Bitrix24 administrator must first approve this. Try again once approved."
    )
    codes = frozenset({"METHOD_CONFIRM_WAITING"})


class ConfirmationDeniedError(AccessDeniedError):
    """An administrator refused the application's use of this method (403)."""

    user_message = QT_TRANSLATE_NOOP("errors", "A Bitrix24 administrator has not allowed this.")
    codes = frozenset({"METHOD_CONFIRM_DENIED"})


class ChatPostDeniedError(AccessDeniedError):
    """The sender may not write into this chat (CANCELED); usually not a participant."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "This user cannot post in the chat. Add them to the chat first."
    )
    codes = frozenset({"CANCELED"})


class NotOperatorError(AccessDeniedError):
    """Only the session's current operator may do this (ERROR_USER_NOT_OPERATOR)."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "Only the operator currently handling this dialogue can do that."
    )
    codes = frozenset({"ERROR_USER_NOT_OPERATOR"})


class RemoveDeniedError(AccessDeniedError):
    """The caller may not remove participants from this chat."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "You are not allowed to remove participants from this chat."
    )
    codes = frozenset({"CHAT_DELETE_USER_PERMISSION_DENIED"})


class NotFoundError(ApiError):
    """The object does not exist (or is no longer visible)."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "It was not found in Bitrix24; it may have been deleted."
    )
    codes = frozenset({"INVALID_SESSION_ID", "NOT_FOUND"})


class MethodNotFoundError(ApiError):
    """The portal does not know the method (module missing or portal too old)."""

    user_message = QT_TRANSLATE_NOOP("errors", "This Bitrix24 portal does not offer this function.")
    codes = frozenset({"ERROR_METHOD_NOT_FOUND", "IM_NOT_INSTALLED"})


class PortalDeletedError(ApiError):
    """The portal itself was deleted or blocked: nothing will work there again."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "This Bitrix24 portal has been deleted or closed. Connect to another portal."
    )
    codes = frozenset({"PORTAL_DELETED"})


class InvalidArgumentError(ApiError):
    """The request's parameters were missing or malformed."""

    user_message = QT_TRANSLATE_NOOP("errors", "Bitrix24 rejected the request's data.")
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
            "EMPTY_SESSION_ID",
            "INVALID_FORMAT",
            "INVALID_REQUEST",
            "ERROR_BATCH_LENGTH_EXCEEDED",
            "ERROR_BATCH_METHOD_NOT_ALLOWED",
        }
    )


class NoTransferTargetError(InvalidArgumentError):
    """A transfer named no employee or line, or an unusable one (TRANSFER_ID_EMPTY,
    USER_ID_EMPTY, QUEUE_ID_EMPTY)."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "Choose the employee or the open line to transfer the dialogue to."
    )
    codes = frozenset({"TRANSFER_ID_EMPTY", "USER_ID_EMPTY", "QUEUE_ID_EMPTY"})


class EmptyRatingError(InvalidArgumentError):
    """A supervisor's rating came with neither a rating nor a comment (EMPTY_VOTE_PARAMS)."""

    user_message = QT_TRANSLATE_NOOP("errors", "Give a rating from 1 to 5 or write a comment.")
    codes = frozenset({"EMPTY_VOTE_PARAMS"})


class ConflictError(ApiError):
    """The request is valid but the object's current state does not allow it."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "This cannot be done in the object's current state. Refresh and retry."
    )


class ChatNotInCrmError(ConflictError):
    """The chat is not (or no longer) linked to this CRM entity."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "This chat is not linked to the CRM record any more. Refresh the list."
    )
    codes = frozenset({"CHAT_NOT_IN_CRM"})


class UserNotActiveError(ConflictError):
    """The user is inactive (dismissed) or does not exist."""

    user_message = QT_TRANSLATE_NOOP("errors", "This employee is inactive or no longer exists.")
    codes = frozenset({"CRM_CHAT_USER_NOT_ACTIVE"})


class ParticipantConflictError(ConflictError):
    """The user already is (or already is not) in the chat (WRONG_REQUEST)."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "The participant list already changed. Refresh and retry."
    )
    codes = frozenset({"WRONG_REQUEST"})


class HandOverRefusedError(ConflictError):
    """The dialogue could not pass to the operator or line (OPERATOR_WRONG): on an intercept,
    the caller already handles it or it is closed; on a transfer, the target is the current
    operator, inactive, or a line with nobody free."""

    user_message = QT_TRANSLATE_NOOP(
        "errors",
        "Bitrix24 did not hand the dialogue over: it may be closed or already with that "
        "operator, or the operator or line cannot take it now.",
    )
    codes = frozenset({"OPERATOR_WRONG"})


class ServerError(ApiError):
    """The portal failed internally."""

    user_message = QT_TRANSLATE_NOOP(
        "errors", "Bitrix24 had an internal error. Try again in a moment."
    )
    codes = frozenset({"INTERNAL_SERVER_ERROR", "ERROR_UNEXPECTED_ANSWER"})


def _code_table(root: type[ApiError]) -> Mapping[str, type[ApiError]]:
    """code -> class, from every subclass's `codes`; a code claimed twice is a bug."""
    table: dict[str, type[ApiError]] = {}
    pending = [root]
    while pending:
        cls = pending.pop()
        for code in cls.codes:
            if code in table:
                raise TypeError(f"{code} is claimed by {table[code].__name__} and {cls.__name__}")
            table[code] = cls
        pending += cls.__subclasses__()
    return table


_BY_CODE = _code_table(ApiError)

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


def _text(value: Any) -> str:
    """A code or description as text; a nested structure in its place is not one."""
    return str(value) if isinstance(value, str | int | float) and value is not True else ""


def error_from_response(method: str, status: int | None, body: Mapping[str, Any]) -> ApiError:
    """The typed error for an `{"error", "error_description"}` envelope (status None in batches)."""
    code, description = _text(body.get("error")), _text(body.get("error_description"))
    cls = error_class(code, description, status)
    return cls(description, method=method, code=code, status=status)
