"""Responsiveness and memory of the window on a big portal.

Prints the longest stall of the Qt event loop while the entity browser pages through all
leads of a 100,000-lead portal and while the chat pane fills, and the process memory with
all rows loaded against the bare window. Targets: stalls under 16 ms; under 150 MB above
the bare window. The portal runs in its own process (loopback HTTP), so its memory and
CPU are not counted against the window.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from b24desk.settings.paths import Paths
from b24desk.settings.profiles import RateLimit, SecretKind, split_webhook_url
from b24desk.settings.secrets import SecretStore
from b24desk.settings.store import load_settings
from b24desk.ui.aio import favour_gui_thread
from b24desk.ui.collector import GuiThreadCollector
from b24desk.ui.main_window import MainWindow


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class StallMeter:
    """The longest gap between ticks of a 1 ms timer: how long the loop was not listening."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst = 0.0
        self.gaps: list[float] = []
        self.long: list[tuple[int, int]] = []  # (ms, tick number) of each stall over 16 ms

    def start(self) -> None:
        self.last, self.worst, self.gaps, self.long = time.perf_counter(), 0.0, [], []
        self.timer.start()

    def stop(self) -> tuple[float, float]:
        self.timer.stop()
        ordered = sorted(self.gaps)
        p99 = ordered[int(len(ordered) * 0.99)] if ordered else 0.0
        return self.worst * 1000, p99 * 1000

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = now - self.last
        self.gaps.append(gap)
        if gap > 0.016:
            self.long.append((round(gap * 1000), len(self.gaps)))
        self.worst = max(self.worst, gap)
        self.last = now


def start_portal(leads: int, *options: str) -> tuple[subprocess.Popen[str], str]:
    """The demo portal in its own process; no rate limit unless `options` set one."""
    process = subprocess.Popen(
        [sys.executable, "-m", "b24desk.portal", "--leads", str(leads), "--rate", "0", *options],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("webhook:"):
            return process, line.split()[1]
    raise RuntimeError("the portal did not start")


UNLIMITED = RateLimit(1000.0, 1000)


def bench_window(webhook: str, local_index: bool, rate_limit: RateLimit = UNLIMITED) -> MainWindow:
    """The window with one profile, "bench", for `webhook`; settings live in $B24DESK_HOME.
    By default the client is unlimited: paging would otherwise wait on the 2 req/s bucket
    and the benchmark would measure the rate limit instead."""
    paths = Paths.default().ensure()
    settings, secrets = load_settings(paths), SecretStore(paths)
    settings.local_index = local_index
    parts = split_webhook_url(webhook)
    settings.add_profile(parts.to_profile("bench", rate_limit))
    secrets.set("bench", SecretKind.WEBHOOK_CODE, parts.code)
    return MainWindow(settings, paths, secrets)


async def page_everything(window: MainWindow, meter: StallMeter, leads: int) -> float:
    model = window.browser.model
    # From the first page on: its paint is the table's first with text in it (glyph caches,
    # about 25 ms once), not the paging this measures.
    while not model.rowCount():
        await asyncio.sleep(0.001)
    started = time.perf_counter()
    meter.start()
    while model.rowCount() < leads:
        if model.canFetchMore():
            model.fetchMore()
        await asyncio.sleep(0.001)
    stall, p99 = meter.stop()
    print(
        f"paged {model.rowCount()} rows in {time.perf_counter() - started:.1f} s; "
        f"longest loop stall {stall:.1f} ms, p99 {p99:.1f} ms (target < 16 ms)"
    )
    print(
        f"  stalls over 16 ms: {len(meter.long)}, longest first: "
        f"{sorted((ms for ms, _ in meter.long), reverse=True)[:10]}"
    )
    return stall


async def idle_while_indexing(window: MainWindow, meter: StallMeter) -> None:
    """The window sits still while the local index syncs every type: the everyday case."""
    session = window.session
    assert session is not None and session.local is not None
    local = session.local
    started = time.perf_counter()
    meter.start()
    while not local.status.ready:
        await asyncio.sleep(0.05)
    stall, p99 = meter.stop()
    print(
        f"idle while the index synced in {time.perf_counter() - started:.1f} s; "
        f"longest loop stall {stall:.1f} ms, p99 {p99:.1f} ms, "
        f"stalls over 16 ms: {len(meter.long)}"
    )


async def open_panes(window: MainWindow, meter: StallMeter, count: int) -> float:
    model = window.browser.model
    meter.start()
    for row in range(count):
        window.browser.table.selectRow(row)
        entity = model.entity_at(row)
        while window.chat_pane.shown is None or window.chat_pane.shown.entity.id != entity.id:
            await asyncio.sleep(0.001)
    stall, p99 = meter.stop()
    print(f"filled the pane {count} times; longest loop stall {stall:.1f} ms, p99 {p99:.1f} ms")
    return stall


def run_bench(
    leads: int,
    scenario: Callable[[MainWindow, StallMeter], Awaitable[None]],
    local_index: bool = True,
    portal_options: Sequence[str] = (),
    rate_limit: RateLimit = UNLIMITED,
) -> None:
    """Run `scenario` with a shown window on the qasync loop, the portal in its own process."""
    portal, webhook = start_portal(leads, *portal_options)
    app = QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    GuiThreadCollector(app).start()  # as b24desk.app does
    favour_gui_thread()
    try:
        with tempfile.TemporaryDirectory() as home:
            os.environ["B24DESK_HOME"] = home
            window = bench_window(webhook, local_index, rate_limit)
            window.resize(1280, 800)
            window.show()
            meter = StallMeter()

            async def run() -> None:
                await scenario(window, meter)
                await window.aclose()

            with loop:
                loop.run_until_complete(run())
    finally:
        portal.terminate()
        portal.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument(
        "--no-index", action="store_true", help="without the local index and its sync"
    )
    args = parser.parse_args()

    async def scenario(window: MainWindow, meter: StallMeter) -> None:
        await asyncio.sleep(0.2)
        bare = rss_mb()
        await window.connect_to("bench")
        if not args.no_index:
            await idle_while_indexing(window, meter)
        await page_everything(window, meter, args.leads)
        loaded = rss_mb()
        print(
            f"memory: bare window {bare:.0f} MB, with {args.leads} rows {loaded:.0f} MB, "
            f"+{loaded - bare:.0f} MB (target < 150 MB)"
        )
        window.browser.search.setText("")
        await open_panes(window, meter, 20)

    run_bench(args.leads, scenario, local_index=not args.no_index)


if __name__ == "__main__":
    main()
