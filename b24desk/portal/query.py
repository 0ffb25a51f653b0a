"""Filters and ordering of the old list methods (`crm.*.list`, `user.get`).

Filter keys carry an operator prefix: `>=`, `>`, `<=`, `<`, `@` (IN), `!@` (NOT IN),
`%` (substring), `=%`/`%=` (LIKE with `%` in the value), `!%`, `!=%`/`!%=`, `=`
(default), `!=`/`!`. Values compare by the field's type; an array value under `=` means IN.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta, timezone
from typing import Any, TypeVar

from .rows import Row
from .schema import FieldType

_PORTAL_TZ = timezone(timedelta(hours=3))

Predicate = Callable[[Row], bool]
R = TypeVar("R", bound=Row)  # matching() gives back the row type it was given

# Longest prefixes first, so `>=` is not read as `>`.
_OPERATORS = ("!=%", "!%=", "=%", "%=", "!@", "!%", "!=", ">=", "<=", "@", "%", ">", "<", "!", "=")
_LIKE_OPS = {"%", "=%", "%=", "!%", "!=%", "!%="}


def split_prefix(key: str) -> tuple[str, str]:
    """`>=createdTime` -> (">=", "createdTime"): the operator and the name as given."""
    for op in _OPERATORS:
        if key.startswith(op):
            return op, key[len(op) :]
    return "=", key


def split_key(key: str) -> tuple[str, str]:
    """`>=DATE_CREATE` -> (">=", "DATE_CREATE")."""
    op, name = split_prefix(key)
    return op, name.upper()


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def typed(value: Any, field_type: FieldType) -> Any:
    """The comparable form of a row's or a filter's value; None if it has none."""
    if value is None:
        return None
    if isinstance(value, bool):
        value = "Y" if value else "N"
    text = str(value).strip()
    try:
        if field_type is FieldType.INT:
            return int(float(text)) if text else None
        if field_type is FieldType.FLOAT:
            return float(text) if text else None
        if field_type is FieldType.DATETIME:
            return _parse_date(text) if text else None
    except ValueError:
        return None
    return text.casefold()


def _parse_date(text: str) -> datetime | None:
    text = text.replace(" ", "T")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=_PORTAL_TZ)
    return parsed


def _like(pattern: str) -> re.Pattern[str]:
    escaped = "".join(
        ".*" if ch == "%" else "." if ch == "_" else re.escape(ch) for ch in pattern.casefold()
    )
    return re.compile(f"^{escaped}$", re.DOTALL)


def _row_values(row: Row, field: str, field_type: FieldType) -> list[Any]:
    """A row's value(s) for a field; multi-fields and arrays give several."""
    raw = row.get(field)
    if field_type is FieldType.MULTI:
        values = [item.get("VALUE", "") for item in raw or []]
        if field == "PHONE":
            return [_digits(v) for v in values]
        return [v.casefold() for v in values]
    if isinstance(raw, list):
        return [typed(v, field_type) for v in raw]
    return [typed(raw, field_type)]


def _scalar_ok(value: Any) -> bool:
    return not isinstance(value, dict | list)


def make_predicate(op: str, field: str, value: Any, field_type: FieldType) -> Predicate:
    """One filter condition as a function of a row."""
    negate = op.startswith("!")
    if isinstance(value, dict):
        value = list(value.values())
    if op in ("@", "!@") or (op in ("=", "!=", "!") and isinstance(value, list)):
        wanted = {_typed_filter(v, field, field_type) for v in _as_list(value)}

        def in_set(row: Row) -> bool:
            return any(v in wanted for v in _row_values(row, field, field_type))

        return (lambda row: not in_set(row)) if negate else in_set
    if not _scalar_ok(value):
        # A structure where a scalar belongs (e.g. an unresolved batch reference that
        # left a whole page in place) matches nothing.
        return lambda row: False
    if op in ("%", "!%") and field_type is not FieldType.MULTI and not set("%_") & set(str(value)):
        like = _contains(field, str(value).casefold())
        return (lambda row: not like(row)) if negate else like
    if op in _LIKE_OPS:
        text = str(value)
        pattern = _like(text if op not in ("%", "!%") else f"%{text}%")

        def like(row: Row) -> bool:
            return any(
                v is not None and pattern.match(str(v).casefold())
                for v in _row_values_text(row, field, field_type)
            )

        return (lambda row: not like(row)) if negate else like
    target = _typed_filter(value, field, field_type)
    compare = {
        "=": lambda a: a == target,
        "!=": lambda a: a != target,
        "!": lambda a: a != target,
        ">": lambda a: a is not None and target is not None and a > target,
        ">=": lambda a: a is not None and target is not None and a >= target,
        "<": lambda a: a is not None and target is not None and a < target,
        "<=": lambda a: a is not None and target is not None and a <= target,
    }[op]
    if op in ("!=", "!"):
        return lambda row: all(compare(v) for v in _row_values(row, field, field_type))
    return lambda row: any(compare(v) for v in _row_values(row, field, field_type))


def _contains(field: str, needle: str) -> Predicate:
    """`%` without wildcards in the value: a plain substring test, a fraction of a regex's
    cost (name searches scan every row of a million-lead portal)."""

    def contains(row: Row) -> bool:
        raw = row.get(field)
        if isinstance(raw, list):
            return any(needle in str(v).casefold() for v in raw)
        return raw is not None and needle in str(raw).casefold()

    return contains


def _row_values_text(row: Row, field: str, field_type: FieldType) -> list[str]:
    raw = row.get(field)
    if field_type is FieldType.MULTI:
        return [item.get("VALUE", "") for item in raw or []]
    if isinstance(raw, list):
        return [str(v) for v in raw]
    return ["" if raw is None else str(raw)]


def _typed_filter(value: Any, field: str, field_type: FieldType) -> Any:
    if field_type is FieldType.MULTI:
        text = str(value)
        return _digits(text) if field == "PHONE" else text.casefold()
    return typed(value, field_type)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def build_filter(
    filter_params: dict[str, Any], fields: dict[str, FieldType]
) -> tuple[list[Predicate], tuple[int | None, int | None]]:
    """Predicates for the known fields, plus the ID range an index can serve."""
    predicates: list[Predicate] = []
    low: int | None = None
    high: int | None = None
    for key, value in filter_params.items():
        op, field = split_key(str(key))
        field_type = fields.get(field)
        if field_type is None:
            continue  # unknown fields are ignored, as the portal does
        predicates.append(make_predicate(op, field, value, field_type))
        if field == "ID" and _scalar_ok(value):
            bound = typed(value, FieldType.INT)
            if bound is None:
                continue
            if op in (">", ">="):
                candidate = bound + 1 if op == ">" else bound
                low = candidate if low is None else max(low, candidate)
            elif op in ("<", "<="):
                candidate = bound - 1 if op == "<" else bound
                high = candidate if high is None else min(high, candidate)
            elif op == "=":
                low, high = bound, bound
    return predicates, (low, high)


def sort_key(order: list[tuple[str, bool]], fields: dict[str, FieldType]) -> Callable[[Row], Any]:
    """A key for sorted(): fields in order; descending fields invert via _Reversed."""

    def key(row: Row) -> tuple[Any, ...]:
        parts = []
        for field, descending in order:
            value = typed(row.get(field), fields.get(field, FieldType.STRING))
            item = (value is None, value if value is not None else 0)
            parts.append(_Reversed(item) if descending else item)
        return tuple(parts)

    return key


class _Reversed:
    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __lt__(self, other: _Reversed) -> bool:
        return self.value > other.value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Reversed) and self.value == other.value

    def __hash__(self) -> int:
        return hash(self.value)


def parse_order(order: Any, fields: dict[str, FieldType]) -> list[tuple[str, bool]]:
    """`{"TITLE": "DESC"}` -> [("TITLE", True)]; unknown fields are dropped."""
    result = []
    for field, direction in order.items():
        name = str(field).upper()
        if name in fields:
            result.append((name, str(direction).strip().upper() == "DESC"))
    return result


def matching(rows: Iterable[R], predicates: list[Predicate]) -> Iterable[R]:
    return (row for row in rows if all(p(row) for p in predicates))
