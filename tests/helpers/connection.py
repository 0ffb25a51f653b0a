"""A stand-in for the desk's connection check, and a webhook it accepts."""

from __future__ import annotations

import asyncio

from b24desk.ui.dialogs.connection_entry import ConnectionReport, ConnectionRequest

HOOK = "https://demo.bitrix24.ru/rest/1/abc123def456/"
ALL_SCOPES = frozenset({"crm", "imopenlines", "im", "user", "task"})


class FakeTester:
    """Stands in for the desk's connection check; `gate` holds the answer back."""

    def __init__(self, report: ConnectionReport | None = None) -> None:
        self.report = report or ConnectionReport("Анна Смирнова", "demo.bitrix24.ru", ALL_SCOPES)
        self.error: Exception | None = None
        self.requests: list[ConnectionRequest] = []
        self.gate: asyncio.Event | None = None

    async def __call__(self, request: ConnectionRequest) -> ConnectionReport:
        self.requests.append(request)
        if self.gate is not None:
            await self.gate.wait()
        await asyncio.sleep(0)
        if self.error is not None:
            raise self.error
        return self.report
