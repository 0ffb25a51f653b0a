"""b24desk's own files on disk: one atomic user-only writer, one bounded JSON reader, and one
way to set an unusable file aside under a name that never overwrites an earlier one.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

PRIVATE_MODE = 0o600
# Our files are small (settings, secrets, the outbox of unsent messages); anything bigger
# or deeper than this was not written by b24desk.
MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 32
ASIDE_SUFFIX = ".bak"

# A JSON string, escapes included ("unrolled loop" form: linear, no backtracking).
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
# Depth is all we check, so "{}" count as "[]" (mismatched pairs are json.loads's to refuse).
_SQUARE = bytes.maketrans(b"{}", b"[]")
_NOT_BRACKETS = bytes(range(256)).translate(None, b"[]{}")


class UnreadableFileError(ValueError):
    """The file's content is not what we can read: not JSON, too big or too deeply nested."""


@dataclass(frozen=True)
class SetAside:
    """Something b24desk could not use and kept for the user instead of erasing it.

    `what` says which kind of thing (e.g. "settings", "profile", "secrets", "outbox"),
    `name` which one when there are many (a profile's name as found in the file), and
    `where` is the file the user can recover it from.
    """

    what: str
    where: Path
    name: str = ""


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file only its user may read, via a temp file and os.replace, so a crash
    never leaves half a file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, PRIVATE_MODE)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def set_aside(path: Path, *, keep_original: bool = False) -> Path | None:
    """Keep `path` as `<name>.bak` (or `<name>.1.bak`, `<name>.2.bak`, ...: never an
    existing name) so the user can still recover it; None when that failed.

    The file is moved, or copied when `keep_original` (the caller still reads the rest).
    """
    try:
        aside, fd = _claim_aside_name(path)
    except OSError as exc:
        log.warning("Could not set %s aside: %s", path, exc)
        return None
    try:
        if keep_original:
            with os.fdopen(fd, "wb") as stream:
                stream.write(path.read_bytes())
        else:
            os.close(fd)
            os.replace(path, aside)  # onto the empty file we just created, nobody else's
    except OSError as exc:
        aside.unlink(missing_ok=True)
        log.warning("Could not set %s aside: %s", path, exc)
        return None
    log.warning("%s could not be used; kept it as %s", path, aside)
    return aside


def _claim_aside_name(path: Path) -> tuple[Path, int]:
    """The first free aside name, created empty and user-only (O_EXCL: no race, no overwrite)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for number in range(10_000):
        infix = f".{number}" if number else ""
        aside = path.with_name(f"{path.name}{infix}{ASIDE_SUFFIX}")
        try:
            return aside, os.open(aside, flags, PRIVATE_MODE)
        except FileExistsError:
            continue
    raise FileExistsError(f"too many set-aside copies of {path.name}")


def read_json(path: Path, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH) -> Any:
    """The file's JSON value; UnreadableFileError when it is not JSON or exceeds the limits.

    OSError (FileNotFoundError included) passes through: a missing file is not a bad one.
    """
    with path.open("rb") as stream:
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UnreadableFileError(f"larger than {max_bytes} bytes")
    return parse_json(data, max_depth=max_depth)


def parse_json(data: bytes, *, max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON after checking its nesting, so a deep document cannot raise RecursionError."""
    if deeper_than(data, max_depth):
        raise UnreadableFileError(f"nested deeper than {max_depth} levels")
    try:
        return json.loads(data)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and UnicodeDecodeError too
        raise UnreadableFileError(f"not valid JSON ({type(exc).__name__})") from None


def deeper_than(data: bytes, limit: int) -> bool:
    """True when brackets outside strings nest deeper than `limit` (or do not balance).

    Each round deletes the innermost pairs, so `limit` rounds empty any document no deeper
    than that; all at C speed, with no Python loop over a possibly huge input.
    """
    brackets = _JSON_STRING.sub(b"", data).translate(_SQUARE, _NOT_BRACKETS)
    too_deep = b"[" * (limit + 1)
    for _ in range(limit):
        if not brackets:
            return False
        if too_deep in brackets:
            return True
        brackets = brackets.replace(b"[]", b"")
    return bool(brackets)
