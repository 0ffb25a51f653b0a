"""GUI fixtures: a qasync loop per test (pytest-qt has none), task runners, real windows."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Coroutine, Iterator
from typing import Any

import pytest
import qasync
from PySide6.QtCore import QLocale

from b24desk.desk import connect
from b24desk.desk.tasks import TaskScope
from b24desk.ui import language
from b24desk.ui.collector import GuiThreadCollector
from b24desk.ui.main_window import MainWindow
from tests.helpers.windows import QUICK_OPTIONS


@pytest.fixture
def aloop(qapp) -> Iterator[qasync.QEventLoop]:
    loop = qasync.QEventLoop(qapp, already_running=False)
    asyncio.set_event_loop(loop)
    # As in the app: the last window closing (a dialog, in a widget test) must not stop
    # the loop under the test.
    qapp.setQuitOnLastWindowClosed(False)
    # As in the app: garbage with Qt objects in it is collected on this thread only. Nothing
    # is frozen: the test's garbage goes at its end, and the run's frozen modules stay so.
    collector = GuiThreadCollector(freeze=False)
    collector.start()
    yield loop
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    loop.close()
    asyncio.set_event_loop(None)
    collector.stop()
    gc.collect()


@pytest.fixture
def ui_language(request, qapp) -> Iterator[str]:
    """The UI in `request.param` ("en" or "ru") for one test; English again afterwards."""
    before = QLocale()
    installed = language.install(getattr(request, "param", "en"), qapp)
    yield getattr(request, "param", "en")
    language.uninstall(installed, qapp)
    QLocale.setDefault(before)


@pytest.fixture
def errors() -> list[BaseException]:
    """What background tasks raised (a TaskScope's error sink)."""
    return []


@pytest.fixture
def runner(errors) -> TaskScope:
    return TaskScope(errors.append)


@pytest.fixture
def run(aloop) -> Callable[[Coroutine[Any, Any, Any]], Any]:
    """Drive a test scenario on the qasync loop; Qt events flow while it runs."""
    return lambda coro: aloop.run_until_complete(asyncio.wait_for(coro, 60))


@pytest.fixture
def quick_client(monkeypatch) -> None:
    """Short back-offs and timeouts, so fault scenarios settle within a test's time."""
    monkeypatch.setattr(connect, "options_for", lambda profile: QUICK_OPTIONS)


@pytest.fixture
def windows(aloop, quick_client) -> Iterator[list[MainWindow]]:
    """Windows a test opened; each is shut down while its loop still runs, then closed.

    Not left to qtbot: it closes widgets before fixtures end, with no loop running.
    """
    opened: list[MainWindow] = []
    yield opened
    for window in opened:
        aloop.run_until_complete(window.aclose())
        window.close()
        window.deleteLater()


@pytest.fixture(autouse=True)
def _collect_garbage_here(qapp) -> Iterator[None]:
    """Set up before qtbot, so it tears down after qtbot closed the test's widgets: their
    garbage is collected now, on the GUI thread, not later by some server thread."""
    yield
    gc.collect()
