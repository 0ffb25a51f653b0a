"""`crm.item.list` filters and order: camelCase fields, prefixes, nested `logic: OR` groups.

A filter is a group: its conditions are ANDed unless the key `logic` says "OR". A key that
is a number holds a nested group (crm-item-list.md's example: `{"0": {"logic": "OR",
"0": {"!=name": ""}, "1": {"!=lastName": ""}}, "@stageId": [...]}`). Unknown fields and
unreadable values are refused with INVALID_ARG_VALUE, as the reference lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import RestError
from .item_schema import ItemField
from .query import Predicate, make_predicate, split_prefix, typed
from .schema import FieldType

_LIKE = {"%", "=%", "%=", "!%", "!=%", "!%="}


def invalid(message: str) -> RestError:
    return RestError("INVALID_ARG_VALUE", message, 400)


@dataclass
class ItemFilter:
    """The compiled filter: predicates ANDed, the ID range an index can serve, and whether
    the ID range is all there is (then nothing needs scanning)."""

    predicates: list[Predicate]
    id_range: tuple[int | None, int | None]
    id_only: bool


def _members(node: Any) -> list[tuple[str, Any]]:
    if isinstance(node, dict):
        return [(str(k), v) for k, v in node.items()]
    if isinstance(node, list):
        return [(str(i), v) for i, v in enumerate(node)]
    raise invalid("Invalid filter: filter must be an object")  # reference silent on wording


def _check_value(name: str, op: str, value: Any, compare: FieldType) -> None:
    if op in _LIKE or compare not in (FieldType.INT, FieldType.FLOAT, FieldType.DATETIME):
        return
    values = list(value.values()) if isinstance(value, dict) else value
    for item in values if isinstance(values, list) else [values]:
        if item not in (None, "") and typed(item, compare) is None:
            raise invalid(f"Invalid filter: field '{name}' has invalid value")


def _condition(key: str, value: Any, fields: dict[str, ItemField]) -> tuple[str, str, Predicate]:
    op, name = split_prefix(key)
    field = fields.get(name)
    if field is None or field.column is None:
        raise invalid(f"Invalid filter: field '{name}' is not allowed in filter")
    _check_value(name, op, value, field.compare)
    return op, field.column, make_predicate(op, field.column, value, field.compare)


def _group(node: Any, fields: dict[str, ItemField]) -> Predicate:
    parts: list[Predicate] = []
    any_of = False
    for key, value in _members(node):
        if key.lower() == "logic":
            any_of = str(value).strip().upper() == "OR"
        elif key.isdigit():
            parts.append(_group(value, fields))
        else:
            parts.append(_condition(key, value, fields)[2])
    if any_of:
        return lambda row: any(p(row) for p in parts)
    return lambda row: all(p(row) for p in parts)


def compile_filter(node: Any, fields: dict[str, ItemField]) -> ItemFilter:
    """The top level as a list of ANDed predicates, its `id` bounds read for the index."""
    members = _members(node) if node not in (None, "") else []
    if any(k.lower() == "logic" and str(v).strip().upper() == "OR" for k, v in members):
        return ItemFilter([_group(node, fields)], (None, None), False)
    predicates: list[Predicate] = []
    low: int | None = None
    high: int | None = None
    id_only = True
    for key, value in members:
        if key.lower() == "logic":
            continue
        if key.isdigit():
            predicates.append(_group(value, fields))
            id_only = False
            continue
        op, column, predicate = _condition(key, value, fields)
        predicates.append(predicate)
        bound = typed(value, FieldType.INT) if not isinstance(value, dict | list) else None
        if column != "ID" or bound is None or op not in (">", ">=", "<", "<=", "="):
            id_only = False
            continue
        if op in (">", ">=", "="):
            low = max(low or 0, bound + 1 if op == ">" else bound)
        if op in ("<", "<=", "="):
            candidate = bound - 1 if op == "<" else bound
            high = candidate if high is None else min(high, candidate)
    return ItemFilter(predicates, (low, high), id_only)


def parse_item_order(order: Any, fields: dict[str, ItemField]) -> list[tuple[str, bool]]:
    """`{"title": "DESC"}` -> [("TITLE", True)]; unknown fields and directions are refused."""
    result = []
    for name, direction in _members(order) if order not in (None, "") else []:
        field = fields.get(name)
        if field is None or field.column is None:
            raise invalid(f"Invalid order: field '{name}' is not allowed in order")
        word = str(direction).strip().upper()
        if word not in ("ASC", "DESC"):
            raise invalid(
                "Invalid order: allowed sort directions are ASC, DESC. "
                f"But got '{direction}' for field '{name}'"
            )
        result.append((field.column, word == "DESC"))
    return result
