"""What came back over the wire, as data or as a typed error: body decoding and httpx failures."""

from __future__ import annotations

import json
from typing import Any

import httpx

from .coded_errors import error_from_response
from .errors import (
    ConnectError,
    ConnectionLostError,
    ProtocolError,
    RequestTimeoutError,
    TransportError,
)
from .redact import redact

EXCERPT_CHARS = 200

# httpx failures after which the portal cannot have seen the request.
NOT_SENT: tuple[type[httpx.TransportError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)


def excerpt(raw: bytes) -> str:
    """The start of a body, one line, secrets hidden: enough to recognise an HTML page."""
    text = " ".join(raw[: EXCERPT_CHARS * 2].decode("utf-8", errors="replace").split())
    return redact(text[:EXCERPT_CHARS])


def transport_error(exc: httpx.TransportError, method: str) -> TransportError:
    """The typed form of an httpx transport failure."""
    cls: type[TransportError]
    if isinstance(exc, NOT_SENT):
        cls = ConnectError
    elif isinstance(exc, httpx.TimeoutException):
        cls = RequestTimeoutError
    else:
        cls = ConnectionLostError
    detail = str(exc) or type(exc).__name__
    return cls(detail, method=method)


def decode_body(method: str, response: httpx.Response) -> dict[str, Any]:
    """The JSON object of an answer; raises the ApiError it carries or a ProtocolError."""
    raw = response.content
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):  # not JSON, not UTF-8, a 5,000-digit number
        raise ProtocolError(
            excerpt(raw) or "empty body", method=method, status=response.status_code
        ) from None
    if not isinstance(body, dict):
        raise ProtocolError(excerpt(raw), method=method, status=response.status_code)
    if body.get("error") is not None or response.status_code >= 400:
        raise error_from_response(method, response.status_code, body)
    return body
