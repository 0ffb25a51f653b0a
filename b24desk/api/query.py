"""Batch command strings, PHP `http_build_query` style, with `$result[...]` references kept.

A batch command is `method?query`; Bitrix24 decodes the query with PHP's `parse_str`
(`filter[>ID]=5`, `select[0]=ID`) and only then replaces references such as
`$result[last]` or `$result[page3][49][ID]` inside the values. So values are URL-encoded,
except reference text, which stays literal for the portal to find.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any
from urllib.parse import quote

REFERENCE = re.compile(r"\$(?:result|next|total|time|error)(?:\[[^\[\]&=#+%\s]+\])+")
_REFERENCED_COMMAND = re.compile(r"\$(?:result|next|total|time|error)\[([^\[\]&=#+%\s]+)\]")

IdOrRef = int | str  # an ID, or in a batch a reference to one such as "$result[last]"


def ref(command: str, *path: str | int, part: str = "result") -> str:
    """A reference to an earlier command's output: `ref("last")` -> `$result[last]`,
    `ref("page", 49, "ID")` -> `$result[page][49][ID]`."""
    return f"${part}[{command}]" + "".join(f"[{key}]" for key in path)


def referenced_commands(text: str) -> set[str]:
    """Names of the commands that references in `text` point to."""
    return set(_REFERENCED_COMMAND.findall(text))


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"  # as PHP writes true/false
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def flatten(params: Mapping[str, Any] | Sequence[Any], prefix: str = "") -> list[tuple[str, str]]:
    """Nested parameters as (key, value) pairs: {"filter": {">ID": 5}} -> [("filter[>ID]", "5")]."""
    pairs: list[tuple[str, str]] = []
    items = params.items() if isinstance(params, Mapping) else enumerate(params)
    for key, value in items:
        full_key = f"{prefix}[{key}]" if prefix else str(key)
        if value is None:
            continue  # http_build_query drops nulls
        if isinstance(value, Mapping) or (
            isinstance(value, Sequence) and not isinstance(value, str | bytes)
        ):
            pairs += flatten(value, full_key)
        else:
            pairs.append((full_key, _scalar(value)))
    return pairs


def encode_value(value: str) -> str:
    """URL-encode a value, leaving reference text literal."""
    out: list[str] = []
    position = 0
    for match in REFERENCE.finditer(value):
        out.append(quote(value[position : match.start()], safe=""))
        out.append(match.group(0))
        position = match.end()
    out.append(quote(value[position:], safe=""))
    return "".join(out)


def build_query(params: Mapping[str, Any]) -> str:
    """`http_build_query(params)` with brackets left readable and references intact."""
    return "&".join(
        f"{quote(key, safe='[]')}={encode_value(value)}" for key, value in flatten(params)
    )


def command_string(method: str, params: Mapping[str, Any]) -> str:
    """One batch command: `method?query` (or just the method without parameters)."""
    query = build_query(params)
    return f"{method}?{query}" if query else method
