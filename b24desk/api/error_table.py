"""Which error an `{"error", "error_description"}` envelope means: by code, then description,
then HTTP status.

The code table is built from the classes' `codes` (api/errors.py); the old CRM methods send an
empty `error`, so their meaning is read from the description.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .errors import (
    AccessDeniedError,
    ApiError,
    InvalidArgumentError,
    InvalidTokenError,
    NotFoundError,
    ServerError,
)


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
