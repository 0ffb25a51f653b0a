"""The demo portal in-process: its own thread and loop, reached through httpx's ASGI transport.

The portal's work (filtering 100,000 rows, its simulated latency) then never runs on the
caller's loop, which for the desktop app is the Qt event loop.
"""

from __future__ import annotations

import asyncio
import threading

import httpx

from .app import Portal


class PortalThread:
    """Runs a Portal's event loop in a daemon thread until `stop()`."""

    def __init__(self, portal: Portal) -> None:
        self.portal = portal
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="demo-portal", daemon=True)
        self._thread.start()
        # Live mode, when the portal's config asks for it, runs on the portal's loop.
        self.loop.call_soon_threadsafe(portal.start_live)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()

    def transport(self) -> httpx.AsyncBaseTransport:
        return _ThreadedASGITransport(self.portal, self.loop)

    def stop(self) -> None:
        if self.loop.is_running():
            stopped = asyncio.run_coroutine_threadsafe(self.portal.stop_live(), self.loop)
            stopped.result(timeout=5)
            self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=5)
        if not self.loop.is_running():
            self.loop.close()


class _ThreadedASGITransport(httpx.AsyncBaseTransport):
    """httpx.ASGITransport driven on the portal's loop; the answer comes back whole."""

    def __init__(self, portal: Portal, loop: asyncio.AbstractEventLoop) -> None:
        self._inner = httpx.ASGITransport(app=portal)
        self._loop = loop

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()

        async def exchange() -> tuple[int, httpx.Headers, bytes]:
            copy = httpx.Request(request.method, request.url, headers=request.headers, content=body)
            try:
                response = await self._inner.handle_async_request(copy)
            except AssertionError:
                # httpx's ASGI transport asserts the app finished its answer; a "drop" fault
                # ends it early, which over a socket is a connection closed mid-answer.
                raise httpx.RemoteProtocolError("the portal closed the connection") from None
            return response.status_code, response.headers, await response.aread()

        future = asyncio.run_coroutine_threadsafe(exchange(), self._loop)
        try:
            status, headers, content = await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            future.cancel()
            raise
        headers = httpx.Headers([(k, v) for k, v in headers.items() if k != "content-length"])
        return httpx.Response(status, headers=headers, content=content, request=request)
