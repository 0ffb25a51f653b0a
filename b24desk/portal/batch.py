"""`batch`: up to 50 commands in one request, with `$result[cmd][path]` references.

References are resolved the way the PHP portal does it (CRestUtil::ParseBatchQuery): the
command's query string is decoded first, then every value mentioning `$result[...]`,
`$next[...]`, `$total[...]`, `$time[...]` or `$error[...]` is looked up in what earlier
commands produced. The lookup walks the bracketed path and stops at the first missing
key; a value that is exactly one reference takes the (possibly non-scalar) value found,
a reference inside a longer string is replaced only by a scalar.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

from . import errors
from .errors import RestError
from .methods import ListResult
from .params import parse_query

# The portal hands in how to run one command (method, params -> outcome, seconds spent) and
# how to write a `time` block (start, processing seconds), so batch needs nothing else of it.
Invoke = Callable[[str, dict[str, Any]], tuple[Any, float]]
TimeBlock = Callable[[float, float], dict[str, Any]]

MAX_COMMANDS = 50
_REFERENCE = re.compile(r"\$(result|next|total|time|error)([^\s]*)", re.IGNORECASE)
_PATH_KEY = re.compile(r"\[([^\]]+)\]")


def _lookup(node: Any, keys: list[str]) -> Any:
    for key in keys:
        if isinstance(node, dict) and node.get(key) is not None:
            node = node[key]
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        else:
            break
    return node


def _substitute(value: Any, produced: dict[str, dict[str, Any]]) -> Any:
    if isinstance(value, dict):
        return {k: _substitute(v, produced) for k, v in value.items()}
    if isinstance(value, list):
        return [_substitute(v, produced) for v in value]
    if not isinstance(value, str) or "$" not in value:
        return value
    for match in _REFERENCE.finditer(value):
        found = _lookup(produced[match.group(1).lower()], _PATH_KEY.findall(match.group(2)))
        if match.group(0) == value:
            return found
        if isinstance(found, bool):
            continue
        if isinstance(found, int | float | str):
            value = value.replace(match.group(0), str(found))
    return value


def _php_array(part: dict[str, Any]) -> Any:
    """json_encode of a PHP array: [] when empty, a list when keys are 0..n-1."""
    if not part:
        return []
    if all(key == str(i) for i, key in enumerate(part)):
        return list(part.values())
    return part


def _commands(cmd: Any) -> list[tuple[str, str]]:
    if isinstance(cmd, dict):
        return [(str(k), str(v)) for k, v in cmd.items()]
    if isinstance(cmd, list):
        return [(str(i), str(v)) for i, v in enumerate(cmd)]
    return []


def _halts(value: Any) -> bool:
    return str(value).strip().lower() in ("1", "true", "y")


def run_batch(
    invoke: Invoke, time_block: TimeBlock, params: dict[str, Any]
) -> tuple[dict[str, Any], float]:
    """Run the commands one after another; return the result parts and the seconds spent."""
    produced: dict[str, dict[str, Any]] = {
        "result": {},
        "error": {},
        "total": {},
        "next": {},
        "time": {},
    }
    halt = _halts(params.get("halt", False))
    spent = 0.0
    for index, (name, command) in enumerate(_commands(params.get("cmd"))):
        started = time.time()
        method, _, query = command.partition("?")
        method = method.strip().lower().removesuffix(".json")
        try:
            if index >= MAX_COMMANDS:
                raise errors.batch_length()
            outcome, seconds = invoke(method, _substitute(parse_query(query), produced))
        except RestError as error:
            produced["error"][name] = error.body()
            if halt:
                break
            continue
        spent += seconds
        if isinstance(outcome, ListResult):
            produced["result"][name] = outcome.rows
            if outcome.total is not None:
                produced["total"][name] = outcome.total
            if outcome.next is not None:
                produced["next"][name] = outcome.next
        else:
            produced["result"][name] = outcome
        produced["time"][name] = time_block(started, seconds)
    result = {
        "result": _php_array(produced["result"]),
        "result_error": _php_array(produced["error"]),
        "result_total": _php_array(produced["total"]),
        "result_next": _php_array(produced["next"]),
        "result_time": _php_array(produced["time"]),
    }
    return result, spent
