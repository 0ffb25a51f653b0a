"""The log file: rotating, in the log folder, with webhook codes and tokens redacted.

No Qt here: `setup_logging` runs before the QApplication exists.
"""

from __future__ import annotations

import logging
import platform
import sys
from dataclasses import dataclass
from logging.handlers import RotatingFileHandler
from pathlib import Path

from b24desk import __version__
from b24desk.api.redact import RedactingFilter, redacting_logger
from b24desk.settings.paths import Paths

LOG_FILE = "b24desk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FILE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
CONSOLE_FORMAT = "%(levelname)s %(name)s: %(message)s"
# Loggers that may get handlers of their own (uvicorn's default config: propagate=False), which
# a filter on our handlers never reaches; their records are redacted where they are made.
OWN_HANDLER_LOGGERS = ("httpx", "uvicorn", "uvicorn.error", "uvicorn.access")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LogSetup:
    """What `setup_logging` installed on the root logger; `remove()` takes it all back."""

    log_file: Path | None  # None when the file could not be opened (console only then)
    handlers: tuple[logging.Handler, ...]
    previous_level: int

    def remove(self) -> None:
        root = logging.getLogger()
        for handler in self.handlers:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(self.previous_level)


def setup_logging(
    log_dir: Path | None = None,
    *,
    console: bool = True,
    max_bytes: int = MAX_BYTES,
    backups: int = BACKUPS,
) -> LogSetup:
    """Log INFO and up to `log_dir`/b24desk.log (rotating), WARNING and up to stderr.

    `log_dir` defaults to Paths.default().log_dir, which honours $B24DESK_HOME.
    """
    log_dir = log_dir if log_dir is not None else Paths.default().log_dir
    # On the handlers, not on loggers: a logger's filter never sees records propagated from
    # its children (httpx, httpcore, uvicorn.error, ...), a handler's sees every record.
    redacting = RedactingFilter()
    handlers: list[logging.Handler] = []
    if console:
        stream = logging.StreamHandler(sys.stderr)
        stream.setLevel(logging.WARNING)
        stream.setFormatter(logging.Formatter(CONSOLE_FORMAT))
        handlers.append(stream)
    log_file: Path | None = None
    failure: OSError | None = None
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        file_handler = RotatingFileHandler(
            log_dir / LOG_FILE, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
        )
    except OSError as exc:
        failure = exc
    else:
        log_file = log_dir / LOG_FILE
        file_handler.setLevel(logging.INFO)
        file_handler.setFormatter(logging.Formatter(FILE_FORMAT))
        handlers.append(file_handler)
    for name in OWN_HANDLER_LOGGERS:
        redacting_logger(name)
    root = logging.getLogger()
    previous_level = root.level
    for handler in handlers:
        handler.addFilter(redacting)
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    if failure is not None:
        log.warning(
            "Cannot write the log file in %s (%s); logging to the console only", log_dir, failure
        )
    return LogSetup(log_file, tuple(handlers), previous_level)


def log_start_up() -> None:
    """One line naming the version and platform, so every log file says what wrote it."""
    log.info(
        "b24desk %s starting: Python %s on %s",
        __version__,
        platform.python_version(),
        platform.platform(),
    )
