"""Start-up: command line, QApplication, the qasync loop, and the first connection."""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from typing import TYPE_CHECKING

from b24desk import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

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
    from b24desk.logs import log_start_up, setup_logging

    setup_logging()  # the rotating file in Paths.default().log_dir, warnings on stderr
    log_start_up()

    import qasync
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from b24desk.desk.connect import DEMO_PROFILE
    from b24desk.settings.paths import Paths
    from b24desk.settings.secrets import SecretStore
    from b24desk.settings.store import load_settings
    from b24desk.ui import language
    from b24desk.ui.collector import GuiThreadCollector
    from b24desk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("b24desk")
    app.setApplicationVersion(__version__)
    # The taskbar/title-bar icon; the desktop file name lets Wayland match b24desk.desktop.
    from b24desk.resources import app_icon

    app.setWindowIcon(app_icon())
    app.setDesktopFileName("b24desk")
    # The window closes itself after an orderly shutdown; the loop must outlive that.
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    GuiThreadCollector(app).start()

    paths = Paths.default().ensure()
    from b24desk.ui.single_instance import SingleInstance

    instance = SingleInstance(paths.data_dir, app)
    if not instance.acquire():
        print(
            "b24desk is already running for this user; its window was brought to the front.",
            file=sys.stderr,
        )
        return 0
    settings = load_settings(paths)
    # Before any widget exists: widgets take their texts when they are built.
    language.install(settings.language, app)
    from b24desk.demo import open_demo

    window = MainWindow(settings, paths, SecretStore(paths), demo=open_demo)
    instance.activated.connect(window.bring_to_front)
    closed: asyncio.Future[None] = loop.create_future()
    app.lastWindowClosed.connect(lambda: closed.done() or closed.set_result(None))
    if args.exit_when_ready:
        _report_first_paint(app)
    window.show()

    async def first_connection() -> None:
        if args.demo:
            connected = await window.connect_to(DEMO_PROFILE)
        elif args.profile:
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
        loop.call_soon(lambda: window.runner.spawn(first_connection()))
        loop.run_until_complete(closed)
        loop.run_until_complete(window.aclose())
    instance.release()
    return 0


def _report_first_paint(app: QApplication) -> None:
    """Print when any widget is first painted (for the start-up benchmark)."""
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                print(f"painted in {time.perf_counter() - STARTED:.3f} s", flush=True)
                app.removeEventFilter(self)
            return False

    app.installEventFilter(FirstPaint(app))


if __name__ == "__main__":
    sys.exit(main())
