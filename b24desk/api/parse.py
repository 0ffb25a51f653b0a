"""Reading Bitrix24's loosely typed JSON: numbers as strings, Y/N flags, PHP's `[]` for `{}`."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from datetime import datetime, timedelta, tzinfo
from typing import Any

INT_LIMIT = 2**63
# One zone object per UTC offset: fromisoformat builds a new one for every value it reads,
# 160 bytes a row of the browser's 100,000.
_ZONES: dict[timedelta | None, tzinfo] = {}


def as_mapping(value: Any) -> Mapping[str, Any]:
    """An object, also when PHP sent an empty (or list-shaped) array in its place."""
    if isinstance(value, Mapping):
        return value
    if isinstance(value, list):
        return {str(i): v for i, v in enumerate(value)}
    return {}


def as_int(value: Any, default: int = 0) -> int:
    """ "123", 123, 123.0 -> 123; anything unreadable -> default."""
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        number = value
    elif isinstance(value, str | float):
        try:
            number = int(str(value).strip())
        except ValueError:
            try:
                number = int(float(str(value)))
            except (ValueError, OverflowError):  # "abc"; 1e400 and NaN
                return default
    else:
        return default
    # No ID or count is that large; a number this size is junk (and slow to print).
    return number if -INT_LIMIT < number < INT_LIMIT else default


def as_id(value: Any) -> int | None:
    """A positive ID, or None for 0, "", null and junk (Bitrix24's "not linked")."""
    number = as_int(value)
    return number if number > 0 else None


def as_list(value: Any) -> list[Any]:
    """A JSON array; an object's values (PHP sends keyed arrays); () for anything else."""
    if isinstance(value, list):
        return value
    if isinstance(value, Mapping):
        return list(value.values())
    return []


def as_str(value: Any) -> str:
    return "" if value is None or value is False else str(value)


def as_code(value: Any) -> str:
    """A short code repeated on many rows (a status, a currency), kept once in memory."""
    return sys.intern(as_str(value))


def yes_no(value: Any) -> bool:
    """ "Y"/"N" flags, JSON booleans and 1/0 as a bool."""
    if isinstance(value, bool):
        return value
    return str(value).strip().upper() in ("Y", "1", "TRUE")


def as_datetime(value: Any) -> datetime | None:
    """An ISO 8601 date-time ("2026-03-11T13:12:46+01:00"); None when empty or unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    zone = parsed.tzinfo
    if zone is None:
        return parsed
    shared = _ZONES.setdefault(parsed.utcoffset(), zone)
    return parsed if shared is zone else parsed.replace(tzinfo=shared)


def int_tuple(value: Any) -> tuple[int, ...]:
    """A list of IDs (strings or numbers) as ints, skipping junk; a PHP `[]` gives ()."""
    if isinstance(value, Mapping):
        value = list(value.values())
    if not isinstance(value, list | tuple):
        return ()
    return tuple(n for n in (as_int(v, -1) for v in value) if n >= 0)
