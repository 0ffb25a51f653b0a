"""Commands (a method, its parameters, how to read its result) and what a batch returns.

A `Command[T]` is what the typed modules build: the client runs it alone (`client.run`)
or with others in one `batch`, and either way the same parser turns the raw result into T.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from .coded_errors import error_from_response
from .errors import (
    ApiError,
    B24Error,
    BatchSkippedError,
    OutcomeUnknownError,
    ProtocolError,
)
from .kinds import is_write
from .parse import as_int, as_mapping
from .query import command_string, referenced_commands

T = TypeVar("T")

MAX_COMMANDS = 50
# Bare digits are refused: with them the portal answers lists instead of objects.
_NAME = re.compile(r"(?!\d+$)[A-Za-z0-9_]+")


def _raw(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Command(Generic[T]):
    """One REST call: method, parameters, the parser of its result and, optionally, the
    errors that mean a value (e.g. getLastId's "no chat" meaning None)."""

    method: str
    params: Mapping[str, Any] = field(default_factory=dict)
    parse: Callable[[Any], T] = _raw
    recover: Callable[[ApiError], T] | None = None

    def outcome(self, raw: Any) -> T:
        """The parsed result; a result of an unreadable shape is a typed error (for a write,
        OutcomeUnknownError: it ran, but what it made cannot be told)."""
        try:
            return self.parse(raw)
        except ProtocolError as exc:
            unreadable = exc.description
        except B24Error:
            raise
        except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as exc:
            unreadable = f"unreadable result ({type(exc).__name__})"
        except RecursionError:
            unreadable = "unreadable result (nested too deeply)"
        cls = OutcomeUnknownError if is_write(self.method) else ProtocolError
        raise cls(unreadable, method=self.method)

    def outcome_of_error(self, error: ApiError) -> T:
        """The value an error stands for, or the error itself raised."""
        if self.recover is None:
            raise error
        return self.recover(error)


CommandLike = Command[Any] | tuple[str, Mapping[str, Any]]


def as_command(item: CommandLike) -> Command[Any]:
    if isinstance(item, Command):
        return item
    method, params = item
    return Command(method, params)


def check_names(names: list[str]) -> None:
    for name in names:
        if not _NAME.fullmatch(name):
            raise ValueError(
                f"batch command name {name!r}: use letters, digits and _ (not digits only)"
            )


def chunks(commands: Mapping[str, Command[Any]]) -> list[dict[str, Command[Any]]]:
    """Groups of at most 50 commands, in order; a reference must stay within its group."""
    names = list(commands)
    groups = [names[i : i + MAX_COMMANDS] for i in range(0, len(names), MAX_COMMANDS)]
    for group in groups:
        members = set(group)
        for name in group:
            text = command_string(commands[name].method, commands[name].params)
            foreign = {n for n in referenced_commands(text) if n in commands} - members
            if foreign:
                raise ValueError(
                    f"command {name!r} refers to {sorted(foreign)} in another 50-command chunk"
                )
    return [{name: commands[name] for name in group} for group in groups]


def payload(commands: Mapping[str, Command[Any]], halt: bool) -> dict[str, Any]:
    """The JSON body of a `batch` request."""
    return {
        "halt": 1 if halt else 0,
        "cmd": {name: command_string(c.method, c.params) for name, c in commands.items()},
    }


@dataclass(frozen=True)
class BatchResult:
    """Per-command outcomes of a batch; `value(name)` gives the parsed result or raises."""

    results: Mapping[str, Any]  # raw results of the commands that succeeded
    errors: Mapping[str, ApiError]  # typed errors of the commands that failed
    totals: Mapping[str, int]
    nexts: Mapping[str, int]
    commands: Mapping[str, Command[Any]] = field(repr=False, default_factory=dict)
    halted: bool = False  # sent with halt=1: commands after an error never ran

    def value(self, name: str) -> Any:
        """The command's parsed result; its typed error raised; BatchSkippedError if it
        never ran (a halting batch stopped earlier)."""
        command = self.commands.get(name, Command(""))
        if name in self.errors:
            return command.outcome_of_error(self.errors[name])
        if name in self.results:
            return command.outcome(self.results[name])
        if name in self.commands and self.halted:
            raise BatchSkippedError(method=command.method)
        if name in self.commands:
            # Without halt every command is answered: this answer lost one.
            cls = OutcomeUnknownError if is_write(command.method) else ProtocolError
            raise cls("the batch answer does not mention this command", method=command.method)
        raise KeyError(name)

    @property
    def ok(self) -> bool:
        return not self.errors and set(self.results) >= set(self.commands)

    def merged(self, other: BatchResult) -> BatchResult:
        return BatchResult(
            {**self.results, **other.results},
            {**self.errors, **other.errors},
            {**self.totals, **other.totals},
            {**self.nexts, **other.nexts},
            {**self.commands, **other.commands},
        )


EMPTY = BatchResult({}, {}, {}, {}, {})


def parse_result(result: Any, commands: Mapping[str, Command[Any]]) -> BatchResult:
    """Read a batch's `result`; each part may be PHP's `[]` instead of an object."""
    body = as_mapping(result)
    errors = {
        name: error_from_response(
            commands[name].method if name in commands else "", None, as_mapping(error)
        )
        for name, error in as_mapping(body.get("result_error")).items()
    }
    return BatchResult(
        results=dict(as_mapping(body.get("result"))),
        errors=errors,
        totals={k: as_int(v) for k, v in as_mapping(body.get("result_total")).items()},
        nexts={k: as_int(v) for k, v in as_mapping(body.get("result_next")).items()},
        commands=dict(commands),
    )
