"""The log file: where it goes, that it rotates, and that no webhook code or token reaches it."""

from __future__ import annotations

import io
import logging

import pytest

from b24desk import __version__
from b24desk.logs import LOG_FILE, log_start_up, setup_logging

CODE = "z9x8c7v6b5n4m3"
TOKEN = "tok-0a1b2c3d4e5f"
WEBHOOK = f"https://x.bitrix24.ru/rest/1/{CODE}/"


@pytest.fixture
def installed(tmp_path, monkeypatch):
    """setup_logging as the app calls it, under B24DESK_HOME; its handlers removed afterwards."""
    monkeypatch.setenv("B24DESK_HOME", str(tmp_path))
    setups = []

    def install(**options):
        setups.append(setup_logging(**options))
        return setups[-1]

    yield install
    for setup in reversed(setups):
        setup.remove()


def flushed(setup) -> str:
    for handler in setup.handlers:
        handler.flush()
    return setup.log_file.read_text(encoding="utf-8")


def test_log_file_is_under_b24desk_home_and_names_the_version(installed, tmp_path):
    setup = installed()
    log_start_up()
    assert setup.log_file == tmp_path / "logs" / LOG_FILE
    text = flushed(setup)
    assert f"b24desk {__version__} starting" in text and "Python" in text


def test_file_takes_info_console_only_warnings(installed, capsys):
    setup = installed()
    logging.getLogger("b24desk.test").info("quiet detail")
    logging.getLogger("b24desk.test").warning("loud problem")
    assert "quiet detail" in flushed(setup) and "loud problem" in flushed(setup)
    err = capsys.readouterr().err
    assert "loud problem" in err and "quiet detail" not in err


def test_log_file_rotates(installed):
    setup = installed(console=False, max_bytes=2_000, backups=2)
    for i in range(200):
        logging.getLogger("b24desk.test").info("line %d %s", i, "x" * 40)
    folder = setup.log_file.parent
    assert (folder / f"{LOG_FILE}.1").exists() and (folder / f"{LOG_FILE}.2").exists()
    assert not (folder / f"{LOG_FILE}.3").exists()
    assert all(p.stat().st_size <= 2_000 for p in folder.iterdir())


def test_secrets_are_redacted_from_every_logger(installed):
    setup = installed(console=False)
    # httpx and uvicorn have no filter of their own here: the handler's filter must catch them.
    logging.getLogger("httpx").info('HTTP Request: POST %s "HTTP/1.1 200 OK"', WEBHOOK + "scope")
    logging.getLogger("httpcore.connection").warning("send %s", {"auth": TOKEN})
    logging.getLogger("b24desk.api.client").info("GET /rest/user.current?auth=%s", TOKEN)
    try:
        raise RuntimeError(f"portal refused {WEBHOOK}crm.lead.list")
    except RuntimeError:
        logging.getLogger("b24desk.ui.aio").exception("request to %s failed", WEBHOOK)
    text = flushed(setup)
    assert CODE not in text and TOKEN not in text
    assert "/rest/1/***/scope" in text and "auth=***" in text
    assert "RuntimeError: portal refused https://x.bitrix24.ru/rest/1/***/" in text


def test_uvicorn_records_are_redacted_for_its_own_handlers_too(installed, monkeypatch):
    """uvicorn's logging config gives its loggers handlers of their own and stops propagation."""
    installed(console=False)
    own = io.StringIO()
    handler = logging.StreamHandler(own)
    loggers = [logging.getLogger(name) for name in ("uvicorn.error", "uvicorn.access")]
    for logger in loggers:
        monkeypatch.setattr(logger, "propagate", False)
        logger.addHandler(handler)
    try:
        try:
            raise RuntimeError(f"portal refused {WEBHOOK}")
        except RuntimeError:
            loggers[0].exception("Exception in ASGI application")
        loggers[1].warning('"POST %s HTTP/1.1" 500', WEBHOOK + "scope")
    finally:
        for logger in loggers:
            logger.removeHandler(handler)
    text = own.getvalue()
    assert "RuntimeError: portal refused" in text and "/rest/1/***/scope" in text
    assert CODE not in text


def test_traceback_formatted_by_another_handler_first_is_still_redacted(installed):
    """A handler without the filter (a caplog, say) caches the traceback text unredacted."""
    setup = installed(console=False)
    root = logging.getLogger()
    # A StringIO: StreamHandler.close() leaves its stream open, so a real file would leak.
    early = logging.StreamHandler(io.StringIO())
    root.handlers.insert(0, early)
    try:
        try:
            raise ValueError(f"bad {WEBHOOK}")
        except ValueError:
            logging.getLogger("b24desk.test").exception("oops")
    finally:
        root.removeHandler(early)
        early.close()
    assert CODE not in flushed(setup)


def test_malformed_log_call_is_written_not_raised(installed):
    """(pytest's own capture handler raises on these, so the record goes to ours directly.)"""
    setup = installed(console=False)
    record = logging.LogRecord(
        "b24desk.test", logging.INFO, __file__, 1, "%d leads at %s", ("many", WEBHOOK), None
    )
    setup.handlers[0].handle(record)
    text = flushed(setup)
    assert "many" in text and CODE not in text


def test_remove_leaves_the_root_logger_as_it_was(tmp_path):
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    setup = setup_logging(tmp_path)
    assert all(h in root.handlers for h in setup.handlers)
    setup.remove()
    assert root.handlers == before and root.level == level


def test_unwritable_log_folder_falls_back_to_the_console(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    setup = setup_logging(blocker / "logs")
    try:
        assert setup.log_file is None
        assert [type(h) for h in setup.handlers] == [logging.StreamHandler]
    finally:
        setup.remove()
