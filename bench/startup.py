"""Start-up time: `b24desk --demo` to its first painted window and to its first page of leads,
against a bare PySide6 window, in the same run. Prints medians over several launches.

Launches alternate (b24desk, bare, b24desk, ...) so a shared machine's load falls on both alike,
after one unmeasured launch of each. Bytecode is cached (in the run's own folder) as in an
installed app, even where PYTHONDONTWRITEBYTECODE is set; `--no-bytecode-cache` compiles
b24desk's sources at every launch instead.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("bare"))
window.resize(1280, 800)
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            app.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False
app.installEventFilter(FirstPaint(app))
window.show()
app.exec()
"""


def launch(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from launch to each marker line ("painted", "ready") the process prints."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    marks: dict[str, float] = {}
    assert process.stdout is not None
    for line in process.stdout:
        word = (line.split() or [""])[0].rstrip(":")
        if word in ("painted", "ready"):
            marks[word] = time.perf_counter() - started
    process.wait(timeout=60)
    marks["exit"] = time.perf_counter() - started
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="honour PYTHONDONTWRITEBYTECODE: b24desk's sources are compiled at every launch",
    )
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory() as home:
        env["B24DESK_HOME"] = str(Path(home) / "b24desk")
        if not args.no_bytecode_cache:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(home) / "pycache")
        app_command = [sys.executable, "-m", "b24desk", "--demo", "--exit-when-ready"]
        bare_command = [sys.executable, "-c", BARE]
        launch(app_command, env), launch(bare_command, env)  # warm-up: caches, bytecode
        app: list[dict[str, float]] = []
        bare: list[dict[str, float]] = []
        for _ in range(args.runs):
            app.append(launch(app_command, env))
            bare.append(launch(bare_command, env))

    def median(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in runs) * 1000

    cache = "no bytecode cache" if args.no_bytecode_cache else "bytecode cached"
    print(f"platform: {env['QT_QPA_PLATFORM']}, {args.runs} launches each, medians, {cache}")
    print(f"bare PySide6 window, first paint:     {median(bare, 'painted'):7.0f} ms")
    print(f"b24desk --demo, first paint:          {median(app, 'painted'):7.0f} ms")
    print(f"b24desk --demo, first page of leads:  {median(app, 'ready'):7.0f} ms")
    overhead = median(app, "painted") - median(bare, "painted")
    print(f"overhead over the bare window (paint): {overhead:6.0f} ms")
    ratio = median(app, "painted") / median(bare, "painted")
    print(f"first paint against the bare window:   {ratio:6.2f}x")


if __name__ == "__main__":
    main()
