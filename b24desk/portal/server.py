"""Serve a Portal over HTTP on loopback with uvicorn, in this thread or a background one."""

from __future__ import annotations

import asyncio
import logging
import socket
import threading
import time
from types import TracebackType
from typing import Any

import uvicorn

from .app import Portal

# The "drop" fault ends a response on purpose; uvicorn reports that as an error.
_INTENDED = ("ASGI callable returned without completing response",)


class _QuietIntendedFaults(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not any(text in record.getMessage() for text in _INTENDED)


def bind(host: str = "127.0.0.1", port: int = 0) -> socket.socket:
    """A listening socket; port 0 picks a free one."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Accepted connections inherit this; without it Nagle and delayed ACKs add ~40 ms to
    # every answer after the first on a keep-alive connection (nginx has tcp_nodelay on).
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.listen(128)
    return sock


def make_server(app: Any, log_level: str = "warning") -> uvicorn.Server:
    logging.getLogger("uvicorn.error").addFilter(_QuietIntendedFaults())
    config = uvicorn.Config(
        app,
        log_level=log_level,
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=1,
        timeout_keep_alive=30,
    )
    return uvicorn.Server(config)


def base_url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


class PortalServer:
    """A portal on loopback in a background thread: `with PortalServer(portal) as s: s.base_url`."""

    def __init__(
        self, portal: Portal, host: str = "127.0.0.1", port: int = 0, app: Any = None
    ) -> None:
        """`app` may wrap the portal (tests swap portals behind one server)."""
        self.portal = portal
        self._sock = bind(host, port)
        self.base_url = base_url_of(self._sock)
        portal.base_url = self.base_url
        self._server = make_server(app or portal)
        self._thread = threading.Thread(target=self._run, name="demo-portal", daemon=True)

    def _run(self) -> None:
        async def serve() -> None:
            self.portal.start_live()  # when the portal's config asks for live mode
            try:
                await self._server.serve(sockets=[self._sock])
            finally:
                await self.portal.stop_live()

        asyncio.run(serve())

    def start(self) -> PortalServer:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the demo portal did not start")
            time.sleep(0.005)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._sock.close()

    def __enter__(self) -> PortalServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
