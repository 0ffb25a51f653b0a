"""Click-to-filled-pane: HTTP requests and time when a supervisor opens an entity.

The demo portal runs on loopback with a fixed latency per request (150 ms by default);
the window is the real one (offscreen). Target: one request, time within RTT + 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtWidgets import QApplication

from b24desk.portal import Portal, PortalConfig
from b24desk.portal.server import PortalServer
from b24desk.portal.state import CrmType
from b24desk.settings.paths import Paths
from b24desk.settings.profiles import SecretKind, split_webhook_url
from b24desk.settings.secrets import SecretStore
from b24desk.settings.store import load_settings
from b24desk.ui.main_window import MainWindow


async def measure(
    window: MainWindow, portal: Portal, lead_ids: list[int]
) -> list[tuple[float, int]]:
    model = window.browser.model
    results = []
    for lead_id in lead_ids:
        window.browser.search.setText(str(lead_id))
        window.browser.model.set_search(str(lead_id))
        while not (model.rowCount() == 1 and model.entity_at(0).id == lead_id):
            await asyncio.sleep(0.001)
        window.browser.table.clearSelection()
        before = len(portal.wire_log)
        clicked = time.perf_counter()
        window.browser.table.selectRow(0)  # the click
        pane = window.chat_pane
        while not (pane.shown is not None and pane.shown.entity.id == lead_id):
            await asyncio.sleep(0.001)
        filled = time.perf_counter() - clicked
        results.append((filled, len(portal.wire_log) - before))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--latency-ms", type=float, default=150.0)
    parser.add_argument("--opens", type=int, default=10)
    args = parser.parse_args()
    portal = Portal(PortalConfig(latency_ms=args.latency_ms))
    state = portal.state
    lead_ids = [
        int(r["ID"])
        for r in state.crm[CrmType.LEAD].rows
        if state.chats_of(CrmType.LEAD, int(r["ID"]))
    ][: args.opens]
    app = QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with PortalServer(portal) as server, tempfile.TemporaryDirectory() as home:
        os.environ["B24DESK_HOME"] = home
        paths = Paths.default().ensure()
        settings, secrets = load_settings(paths), SecretStore(paths)
        parts = split_webhook_url(portal.webhook_urls()[0])
        settings.add_profile(parts.to_profile("bench"))
        secrets.set("bench", SecretKind.WEBHOOK_CODE, parts.code)
        window = MainWindow(settings, paths, secrets)
        window.show()

        async def scenario() -> list[tuple[float, int]]:
            await window.connect_to("bench")
            results = await measure(window, portal, lead_ids)
            await window.aclose()
            return results

        with loop:
            results = loop.run_until_complete(scenario())
    del server
    times = [t * 1000 for t, _ in results]
    requests = [n for _, n in results]
    rtt = args.latency_ms
    print(f"portal latency per request: {rtt:.0f} ms; {len(results)} entities opened")
    print(f"HTTP requests per open: {sorted(set(requests))} (target: 1)")
    print(
        f"click to filled pane: median {statistics.median(times):.0f} ms, "
        f"max {max(times):.0f} ms (target: within {rtt + 50:.0f} ms)"
    )


if __name__ == "__main__":
    main()
