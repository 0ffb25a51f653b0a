"""Read or write, by method name: only reads may be re-sent when their outcome is unknown.

A method whose name we do not recognise counts as a write: re-sending a read we took for
a write only costs a retry, re-sending a write we took for a read may do it twice.
"""

from __future__ import annotations

from collections.abc import Iterable

# Last part of the method name (`crm.lead.list` -> `list`), lower-cased.
_READ_VERBS = frozenset(
    {"list", "get", "search", "current", "getlastid", "fields", "count", "status", "time"}
)
_READ_METHODS = frozenset(
    {
        "scope",
        "methods",
        "method.get",
        "app.info",
        "profile",
        "server.time",
        "user.current",
        "crm.duplicate.findbycomm",
    }
)


def is_read(method: str) -> bool:
    """True for methods that change nothing (list, get, search, current, getLastId, ...)."""
    name = method.strip().lower()
    return name in _READ_METHODS or name.rsplit(".", 1)[-1] in _READ_VERBS


def is_write(method: str) -> bool:
    return not is_read(method)


def batch_is_write(methods: Iterable[str]) -> bool:
    """A batch is a write as soon as one of its commands is."""
    return any(is_write(m) for m in methods)
