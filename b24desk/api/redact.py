"""Secret hiding for everything the API layer prints: logs, exceptions, reprs.

`redact` is the one function that does it; the logging filter and every repr call it.
"""

from __future__ import annotations

import logging
import re

MASK = "***"

# /rest/<user id>/<webhook code>/...: the code is the password of an incoming webhook.
_WEBHOOK_PATH = re.compile(r"(/rest/\d+/)[^/\s\"'?#<>]+")
# key=value, "key": "value", 'key': 'value' for the OAuth secrets and the `auth` parameter.
_SECRET_PAIR = re.compile(
    r"""(\b(?:auth|access_token|refresh_token|client_secret|application_token)\b["']?\s*[:=]\s*["']?)"""
    r"""[^"'&\s,;)}\]]+""",
    re.IGNORECASE,
)


def redact(text: str) -> str:
    """`text` with webhook codes and tokens replaced by ***."""
    text = _WEBHOOK_PATH.sub(rf"\g<1>{MASK}", text)
    return _SECRET_PAIR.sub(rf"\g<1>{MASK}", text)


class RedactingFilter(logging.Filter):
    """Rewrites a record's message and traceback text through `redact` before any handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed call: logging must not raise at the caller
            message = f"{record.msg} {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        # Always, not only when formatted here: another handler may have cached it unredacted.
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


_FILTER = RedactingFilter()


def redacting_logger(name: str) -> logging.Logger:
    """A logger whose records are redacted (logger filters don't reach children, so per name)."""
    logger = logging.getLogger(name)
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)
    return logger


def guard_http_logs() -> None:
    """httpx logs every request URL at INFO, which would show the webhook code."""
    redacting_logger("httpx")
