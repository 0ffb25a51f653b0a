"""The main window's parts laid out in its frame: browser | chat pane under the restart bar,
the request-log and Activity docks, the status bar. Loaded once the empty frame has painted."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QVBoxLayout, QWidget

from b24desk.desk.tasks import TaskScope

from .activity import ActivityDock
from .browser.browser import EntityBrowser
from .browser.model import FetchNames, FetchPage
from .chat.pane import ChatPane
from .portal_pages import PortalPages
from .request_log import RequestLog
from .restart import RestartBar
from .status_bar import StatusBar


@dataclass(frozen=True)
class Parts:
    browser: EntityBrowser
    chat_pane: ChatPane
    splitter: QSplitter  # browser | chat pane
    restart_bar: RestartBar
    request_log: RequestLog
    log_dock: QDockWidget  # holds the request log
    activity: ActivityDock
    status: StatusBar


def lay_out(
    window: QMainWindow,
    fetch_page: FetchPage,
    runner: TaskScope,
    pages: PortalPages,
    client_names: FetchNames,
) -> Parts:
    """Make the parts and put them in `window`; the docks start hidden (window_layout shows
    them as the supervisor left them)."""
    browser = EntityBrowser(fetch_page, runner, client_names)
    chat_pane = ChatPane(runner, pages)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.setObjectName("mainSplitter")
    splitter.addWidget(browser)
    splitter.addWidget(chat_pane)
    splitter.setStretchFactor(0, 5)
    splitter.setStretchFactor(1, 6)
    restart_bar = RestartBar()
    central = QWidget()
    column = QVBoxLayout(central)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(restart_bar)
    column.addWidget(splitter, 1)
    window.setCentralWidget(central)

    request_log = RequestLog()
    # The window's translation context, where the title has always been.
    log_dock = QDockWidget(QCoreApplication.translate("MainWindow", "Requests"), window)
    log_dock.setObjectName("requestLogDock")
    log_dock.setWidget(request_log)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, log_dock)
    log_dock.hide()
    activity = ActivityDock(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, activity)
    activity.hide()  # on a wide first start it shows (window_layout), else on View

    status = StatusBar(window)
    window.setStatusBar(status)
    return Parts(browser, chat_pane, splitter, restart_bar, request_log, log_dock, activity, status)
