"""Help → Copy diagnostics / Open log folder: desk/diagnostics.py's report, Qt versions added."""

from __future__ import annotations

import platform
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication

from b24desk import __version__
from b24desk.desk.diagnostics import ConnectionSummary, SessionHistory, Versions, diagnostics_report


def _package_version(name: str) -> str:
    # Here, not at the top: importlib.metadata (and email under it) is not for start-up.
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def current_versions() -> Versions:
    return Versions(
        b24desk=__version__,
        python=f"{platform.python_version()} ({platform.python_implementation()}, {sys.platform})",
        pyside=PySide6.__version__,
        qt=qVersion(),
        qasync=_package_version("qasync"),
        httpx=_package_version("httpx"),
        platform=platform.platform(),
    )


def report_for_clipboard(
    history: SessionHistory, connection: ConnectionSummary | None, log_dir: Path
) -> str:
    """Put the report on the clipboard and return it."""
    text = diagnostics_report(current_versions(), connection, history, log_dir)
    QGuiApplication.clipboard().setText(text)
    return text


def open_log_folder(log_dir: Path) -> bool:
    """Show the log folder in the system's file manager; False when none could open it."""
    log_dir.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir)))
