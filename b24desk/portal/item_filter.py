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
from .rows import Row
from .schema import FieldType

_LIKE = {"%", "=%", "%=", "!%", "!=%", "!%="}


def invalid(message: str) -> RestError:
    return RestError("INVALID_ARG_VALUE", message, 400)


@dataclass
class ItemFilter:
    """The compiled filter: predicates ANDed, the ID range an index can serve, the IDs an
    `@id` names (None: any), and whether the ID index serves all of it (nothing scanned)."""

    predicates: list[Predicate]
    id_range: tuple[int | None, int | None]
    id_only: bool
    ids: set[int] | None = None


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


def _is_or(members: list[tuple[str, Any]]) -> bool:
    return any(k.lower() == "logic" and str(v).strip().upper() == "OR" for k, v in members)


def _group(node: Any, fields: dict[str, ItemField]) -> Predicate:
    members = _members(node)
    parts = [
        _group(value, fields) if key.isdigit() else _condition(key, value, fields)[2]
        for key, value in members
        if key.lower() != "logic"
    ]
    if len(parts) == 1:
        return parts[0]
    wanted = not _is_or(members)  # AND: stop at the first False; OR: at the first True

    def group(row: Row) -> bool:
        for part in parts:  # a plain loop: every row of a big table passes through here
            if part(row) != wanted:
                return not wanted
        return wanted

    return group


def _id_set(value: Any) -> set[int] | None:
    values = list(value.values()) if isinstance(value, dict) else value
    if not isinstance(values, list):
        return None
    ids = {typed(v, FieldType.INT) for v in values}
    return None if None in ids else ids


def _single(members: list[tuple[str, Any]]) -> Any:
    """A group of one member (e.g. `{"logic": "OR", "0": {"id": 5}}`) is that member: its
    conditions can then use the ID index."""
    parts = [(k, v) for k, v in members if k.lower() != "logic"]
    if len(parts) == 1 and parts[0][0].isdigit() and isinstance(parts[0][1], dict | list):
        return _single(_members(parts[0][1]))
    return members


def compile_filter(node: Any, fields: dict[str, ItemField]) -> ItemFilter:
    """The top level as a list of ANDed predicates, its `id` bounds read for the index."""
    members = _single(_members(node)) if node not in (None, "") else []
    if _is_or(members):
        return ItemFilter([_group(node, fields)], (None, None), False)
    predicates: list[Predicate] = []
    low: int | None = None
    high: int | None = None
    ids: set[int] | None = None
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
        named = _id_set(value) if column == "ID" and op == "@" else None
        if named is not None:
            ids = named if ids is None else ids & named  # IN on the primary key: no scan
            continue
        bound = typed(value, FieldType.INT) if not isinstance(value, dict | list) else None
        if column != "ID" or bound is None or op not in (">", ">=", "<", "<=", "="):
            id_only = False
            continue
        if op in (">", ">=", "="):
            low = max(low or 0, bound + 1 if op == ">" else bound)
        if op in ("<", "<=", "="):
            candidate = bound - 1 if op == "<" else bound
            high = candidate if high is None else min(high, candidate)
    return ItemFilter(predicates, (low, high), id_only, ids)


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
