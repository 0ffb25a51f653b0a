"""b24desk's own files: the atomic user-only writer, set-aside names, the bounded JSON reader."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from b24desk import files
from b24desk.files import (
    UnreadableFileError,
    deeper_than,
    parse_json,
    read_json,
    set_aside,
    write_atomic,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


@posix_only
def test_written_files_are_readable_only_by_the_user(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        write_atomic(tmp_path / "f.json", b"{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "f.json").stat().st_mode) == 0o600


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp_file(tmp_path, monkeypatch) -> None:
    target = tmp_path / "f.json"
    write_atomic(target, b"old")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]


def test_every_file_set_aside_gets_a_name_of_its_own(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    kept = []
    for content in (b"first", b"second", b"third"):
        target.write_bytes(content)
        kept.append(set_aside(target))
    assert [p.name for p in kept if p] == [
        "settings.json.bak",
        "settings.json.1.bak",
        "settings.json.2.bak",
    ]
    assert [p.read_bytes() for p in kept if p] == [b"first", b"second", b"third"]
    assert not target.exists()


def test_set_aside_can_keep_the_original(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(b"partly readable")
    copy = set_aside(target, keep_original=True)
    assert copy is not None and copy.read_bytes() == target.read_bytes() == b"partly readable"


def test_set_aside_of_a_missing_file_says_none_and_leaves_nothing(tmp_path: Path) -> None:
    assert set_aside(tmp_path / "gone.json") is None
    assert list(tmp_path.iterdir()) == []


def test_read_json_reads_what_json_reads(tmp_path: Path) -> None:
    value = {"a": [1, 2.5, 'x[{\\"', {"b": None}], "c": "}}}]]]"}
    (tmp_path / "f.json").write_text(json.dumps(value), encoding="utf-8")
    assert read_json(tmp_path / "f.json") == value


@pytest.mark.parametrize("depth", [33, 1_000, 200_000])
def test_deep_nesting_is_refused_before_parsing(tmp_path: Path, depth: int) -> None:
    """json.loads raises RecursionError (not ValueError) from about 1,000 levels."""
    (tmp_path / "f.json").write_bytes(b"[" * depth + b"]" * depth)
    with pytest.raises(UnreadableFileError, match="nested deeper"):
        read_json(tmp_path / "f.json")


def test_brackets_inside_strings_do_not_count() -> None:
    text = json.dumps({"note": "[" * 100 + '\\"' + "{" * 100})
    assert parse_json(text.encode()) == json.loads(text)


@pytest.mark.parametrize(
    ("document", "limit", "deeper"),
    [
        (b"[]", 1, False),
        (b"[[]]", 1, True),
        (b'[[1,{"a":[]}]]', 4, False),
        (b'[[1,{"a":[]}]]', 3, True),
        (b"[[],[],[[]]]", 3, False),
        (b"[[],[],[[]]]", 2, True),
        (b"[[[", 5, True),  # unbalanced: never readable
        (b"7", 0, False),
    ],
)
def test_depth_is_measured_exactly(document: bytes, limit: int, deeper: bool) -> None:
    assert deeper_than(document, limit) is deeper


def test_files_over_the_size_limit_are_refused_unread(tmp_path: Path) -> None:
    (tmp_path / "f.json").write_bytes(b'"' + b"x" * 2000 + b'"')
    with pytest.raises(UnreadableFileError, match="larger than"):
        read_json(tmp_path / "f.json", max_bytes=1000)
    assert read_json(tmp_path / "f.json", max_bytes=2002) == "x" * 2000


@pytest.mark.parametrize("content", [b"{truncated", b"\xff\xfe\x00", b"", b"1" * 5000])
def test_content_that_is_not_json_is_one_error(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "f.json").write_bytes(content)
    with pytest.raises(UnreadableFileError):
        read_json(tmp_path / "f.json")


def test_a_missing_file_is_not_a_bad_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_json(tmp_path / "missing.json")
