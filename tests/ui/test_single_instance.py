"""Two b24desk processes on one home folder: the second hands over to the first and quits,
so nothing (outbox, drafts, settings) is ever rewritten by two owners."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _start(home: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "B24DESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "b24desk", *args],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for_log(home: Path, text: str, seconds: float = 60) -> None:
    log = home / "logs" / "b24desk.log"
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if log.exists() and text in log.read_text(encoding="utf-8", errors="replace"):
            return
        time.sleep(0.05)
    raise AssertionError(f"{text!r} never appeared in {log}")


def _outbox_item() -> dict[str, object]:
    return {
        "id": "kept-1",
        "profile": "Work",
        "entity": {"type": "lead", "id": 5},
        "chat_id": 77,
        "text": "не потерять",
        "created": "2026-11-25T10:00:00+00:00",
        "watermark": 0,
        "state": "unknown",
        "reason": "",
    }


def test_a_second_start_hands_over_and_leaves_the_outbox_alone(tmp_path):
    outbox = tmp_path / "data" / "outbox.json"
    outbox.parent.mkdir(parents=True)
    outbox.write_text(json.dumps({"version": 2, "items": [_outbox_item()], "claimed": {}}))
    first = _start(tmp_path, "--demo")
    try:
        _wait_for_log(tmp_path, "Connected with profile")
        before = outbox.read_bytes()
        second = _start(tmp_path, "--demo")
        _, err = second.communicate(timeout=60)
        assert second.returncode == 0
        assert "already running" in err
        _wait_for_log(tmp_path, "activated by a second start", 20)
        assert outbox.read_bytes() == before
        assert first.poll() is None  # the first window carries on
    finally:
        first.kill()
        first.communicate(timeout=30)
    # The first one crashed (killed): its stale lock does not lock the user out.
    third = _start(tmp_path, "--demo", "--exit-when-ready")
    out, err = third.communicate(timeout=120)
    assert "ready: connected=True" in out, err
    [item] = json.loads(outbox.read_text())["items"]
    assert item["text"] == "не потерять"
