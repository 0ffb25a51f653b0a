"""Start-up: command line, QApplication, the qasync loop, and the first connection."""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from typing import TYPE_CHECKING

from b24desk import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from b24desk.settings.secrets import SecretStore
    from b24desk.ui.main_window import MainWindow
    from b24desk.ui.single_instance import SingleInstance

STARTED = time.perf_counter()


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="b24desk", description="A desk for Bitrix24 contact-centre supervisors."
    )
    parser.add_argument(
        "--demo", action="store_true", help="open the built-in demo portal (no network, no set-up)"
    )
    parser.add_argument("--profile", metavar="NAME", help="connect with this saved profile")
    parser.add_argument("--version", action="version", version=f"b24desk {__version__}")
    # For benchmarks and smoke tests: report when the first page is shown, then quit.
    parser.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # The frame first: what its first paint needs, and nothing else (not even asyncio).
    from PySide6.QtWidgets import QApplication

    from b24desk.settings.paths import Paths
    from b24desk.settings.secrets import SecretStore
    from b24desk.settings.store import load_settings
    from b24desk.ui.main_window import MainWindow
    from b24desk.ui.single_instance import SingleInstance

    # A QApplication made earlier (pytest-qt's) is reused; instance() is typed as the base class.
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("b24desk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("b24desk")  # lets Wayland match b24desk.desktop
    # The window closes itself after an orderly shutdown; the loop must outlive that.
    app.setQuitOnLastWindowClosed(False)
    paths = Paths.default().ensure()
    instance = SingleInstance(paths.data_dir, app)
    if not instance.acquire():
        print(
            "b24desk is already running for this user; its window was brought to the front.",
            file=sys.stderr,
        )
        return 0
    settings = load_settings(paths)  # the window's size and place, and the language
    # The store touches no keyring yet: choosing a backend is slow, so it happens after the
    # window has painted, on a worker thread (`secrets.probe`).
    secrets = SecretStore(paths)
    from b24desk.demo import open_demo  # light: the portal itself loads when the demo opens

    window = MainWindow(settings, paths, secrets, demo=open_demo, build=False)
    _paint_first(app, window, report=args.exit_when_ready)
    return _run(app, window, instance, args)


def _run(
    app: QApplication, window: MainWindow, instance: SingleInstance, args: argparse.Namespace
) -> int:
    """After the first paint: the log, the language, the window's parts, the qasync loop, and
    the first connection; until the window has closed."""
    import asyncio

    from PySide6.QtCore import QCoreApplication

    from b24desk.desk.connect import DEMO_PROFILE
    from b24desk.logs import log_start_up, setup_logging
    from b24desk.resources import app_icon
    from b24desk.ui import language
    from b24desk.ui.aio import favour_gui_thread
    from b24desk.ui.collector import GuiThreadCollector

    setup_logging()  # the rotating file in Paths.default().log_dir, warnings on stderr
    log_start_up()
    settings, secrets = window.settings, window.secrets
    app.setWindowIcon(app_icon())  # the taskbar/title-bar icon
    # Before the parts are built: widgets take their texts when they are built.
    language.install(settings.language, app)
    # After PySide6, so qasync finds it loaded instead of trying PyQt5, PyQt6 and PySide2.
    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    window.build()
    instance.listen()
    instance.activated.connect(window.bring_to_front)
    closed: asyncio.Future[None] = loop.create_future()

    def last_window_closed() -> None:
        if not closed.done():
            closed.set_result(None)

    app.lastWindowClosed.connect(last_window_closed)

    async def first_connection() -> None:
        # Before any thread of ours starts (the demo portal's, the keyring probe's).
        GuiThreadCollector(app).start()
        favour_gui_thread()
        if args.demo:
            connected = await window.connect_to(DEMO_PROFILE)
            window.runner.spawn(asyncio.to_thread(_first_uses, secrets), name="first uses")
        else:
            # A profile's secrets come from the keyring: choose it here, off the GUI thread.
            await asyncio.to_thread(_first_uses, secrets)
            if args.profile:
                if args.profile not in settings.profiles:
                    text = QCoreApplication.translate("app", "No saved profile named “{0}”.")
                    window.statusBar().showMessage(text.format(args.profile))
                    await window.new_connection()
                    return
                connected = await window.connect_to(args.profile)
            elif settings.last_profile:
                connected = await window.connect_to(settings.last_profile)
            else:
                await window.new_connection()
                return
        if args.exit_when_ready:
            deadline = time.monotonic() + 30
            while not window.browser.model.rowCount() and time.monotonic() < deadline:
                await asyncio.sleep(0.005)
            print(f"ready: connected={connected} in {time.perf_counter() - STARTED:.3f} s")
            window.close()

    with loop:
        if window.isVisible():  # not closed while it painted
            loop.call_soon(lambda: window.runner.spawn(first_connection()))
            loop.run_until_complete(closed)
        loop.run_until_complete(window.aclose())
    instance.release()
    if window.restart_requested:  # e.g. a new language: after the lock is released
        _relaunch(window.profile_name, DEMO_PROFILE)
    return 0


def _relaunch(profile: str | None, demo_profile: str) -> None:
    """Start b24desk again on the same connection, as a process of its own."""
    import subprocess

    from b24desk.ui.restart import relaunch_command, restart_arguments

    subprocess.Popen(relaunch_command(restart_arguments(profile, demo_profile)))


def _first_uses(secrets: SecretStore) -> None:
    """On a worker thread, after the first paint: what the first connection would otherwise do
    slowly on the GUI thread (the keyring backend probe, loading the REST client and httpx)."""
    importlib.import_module("b24desk.api.client")
    secrets.probe()


# The frame is shown and Qt's loop runs until it has painted, but not for ever: a window that
# is never exposed (minimised at start, a compositor that holds it back) gets no paint event.
FIRST_PAINT_WAIT_S = 1.0


def _paint_first(app: QApplication, window: QWidget, *, report: bool) -> None:
    """Show `window` and return once any widget has painted (or after FIRST_PAINT_WAIT_S);
    with `report`, print when that happened (for the start-up benchmark)."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

    waiting = QEventLoop()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                # Every event of the application passes the filter: gone once it is of no use.
                app.removeEventFilter(self)
                if report:
                    print(f"painted in {time.perf_counter() - STARTED:.3f} s", flush=True)
                waiting.quit()  # after this paint event returns, not inside it
            return False

    spy = FirstPaint()
    app.installEventFilter(spy)
    timeout = QTimer()
    timeout.setSingleShot(True)
    timeout.timeout.connect(waiting.quit)
    timeout.start(int(FIRST_PAINT_WAIT_S * 1000))
    window.show()
    waiting.exec()
    timeout.stop()
    app.removeEventFilter(spy)


if __name__ == "__main__":
    sys.exit(main())
