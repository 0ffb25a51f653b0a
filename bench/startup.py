"""Start-up time: `b24desk --demo` to its first painted window and to its first page of leads,
against a bare PySide6 window, in the same run. Prints medians over several launches."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

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
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory() as home:
        env["B24DESK_HOME"] = home
        app = [
            launch([sys.executable, "-m", "b24desk", "--demo", "--exit-when-ready"], env)
            for _ in range(args.runs)
        ]
    bare = [launch([sys.executable, "-c", BARE], env) for _ in range(args.runs)]

    def median(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in runs) * 1000

    print(f"platform: {env['QT_QPA_PLATFORM']}, {args.runs} launches each, medians")
    print(f"bare PySide6 window, first paint:     {median(bare, 'painted'):7.0f} ms")
    print(f"b24desk --demo, first paint:          {median(app, 'painted'):7.0f} ms")
    print(f"b24desk --demo, first page of leads:  {median(app, 'ready'):7.0f} ms")
    overhead = median(app, "painted") - median(bare, "painted")
    print(f"overhead over the bare window (paint): {overhead:6.0f} ms")


if __name__ == "__main__":
    main()
