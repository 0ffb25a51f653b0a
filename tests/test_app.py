"""Start-up: the window's first frame comes before the slow parts load (the keyring, the REST
client and httpx, the demo portal), and the demo still opens right after it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

# Not needed for the first frame, which is the empty window: each costs tens of milliseconds
# to import (the keyring's backend probe more), or is not on the desktop's path at all
# (uvicorn, sqlite3). The window's parts, the desk and the qasync loop load after it.
NOT_BEFORE_FIRST_PAINT = (
    "keyring",
    "secretstorage",
    "httpx",
    "b24desk.api.client",
    "b24desk.portal",
    "uvicorn",
    "sqlite3",
    "importlib.metadata",
    "email",
    "b24desk.ui.dialogs",
    "b24desk.ui.chat",
    "b24desk.ui.browser",
    "b24desk.ui.bulk",
    "b24desk.desk",
    "asyncio",
    "qasync",
    "PySide6.QtNetwork",
)

# Records sys.modules at the first paint of any widget, then runs the app as `b24desk --demo`.
RUN_TO_FIRST_PAGE = """
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
seen = {}

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "paint" not in seen:
            seen["paint"] = sorted(sys.modules)
        return False

spy = FirstPaint()
app.installEventFilter(spy)
from b24desk.app import main

code = main(["--demo", "--exit-when-ready"])
print(json.dumps({"code": code, "at_paint": seen.get("paint"), "at_exit": sorted(sys.modules)}))
"""


def _loaded(modules: list[str], name: str) -> bool:
    return any(module == name or module.startswith(name + ".") for module in modules)


def test_first_paint_loads_no_keyring_client_or_portal(tmp_path: Path) -> None:
    env = {**os.environ, "B24DESK_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-c", RUN_TO_FIRST_PAGE],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert any(line.startswith("ready: connected=True") for line in lines), run.stdout
    report = json.loads(lines[-1])
    assert report["code"] == 0
    at_paint, at_exit = report["at_paint"], report["at_exit"]
    assert at_paint is not None, "no widget was ever painted"
    assert "b24desk.ui.main_window" in at_paint
    early = [name for name in NOT_BEFORE_FIRST_PAINT if _loaded(at_paint, name)]
    assert early == []
    # They were deferred, not dropped: the demo portal opened through the client afterwards.
    assert _loaded(at_exit, "b24desk.portal") and _loaded(at_exit, "httpx")
