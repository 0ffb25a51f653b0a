"""Opening and copying the connected portal's web pages; failures are said in the window."""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from b24desk.desk.links import portal_url
from b24desk.ui.context_menu import copy_text


class PortalPages(QObject):
    """Knows the portal's address; `notice` carries a sentence for the status bar."""

    notice = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = ""  # "" while disconnected and for the demo portal: no web pages

    def url(self, path: str) -> str:
        return portal_url(self.root, path)

    def open(self, path: str) -> None:
        """Open the page in the web browser, or say why not (never a box that takes the keys)."""
        url = self.url(path)
        if not url:
            self.notice.emit(self.tr("The demo portal has no web pages to open."))
        elif not QDesktopServices.openUrl(QUrl(url)):
            copy_text(url)
            self.notice.emit(
                self.tr("No web browser could be opened. The address was copied: {0}").format(url)
            )

    def copy(self, path: str) -> None:
        url = self.url(path)
        if not url:
            self.notice.emit(self.tr("The demo portal has no web pages to link to."))
            return
        copy_text(url)
        self.notice.emit(self.tr("Link copied: {0}").format(url))
