"""How long hostile chat content holds the window still (issue 9).

The real window (offscreen) on the qasync loop; the demo portal in its own process, as in
bench/ui_stall.py, so its work is not counted. Three chats each get one crafted message:
1 MB of text, 20,000 nested [b] and 50,000 links. For each, prints the longest loop stall
while the pane opens the chat (the answer is fetched and decoded too) and while the history
view alone shows it again, and the time until its *Show all* link is on screen.
Target: every stall under 16 ms. Run: `python bench/hostile_render.py`.
"""

from __future__ import annotations

import asyncio
import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ui_stall import StallMeter, run_bench  # the script's folder is on sys.path

from b24desk.api.types import CrmEntityType, CrmRef
from b24desk.ui.chat.history import HistoryView
from b24desk.ui.main_window import MainWindow

CASES = {
    "1 MB message": "Очень длинное сообщение клиента. " * 32_000,
    "20,000 nested [b]": "[b]" * 20_000 + "жирно" + "[/b]" * 20_000,
    "50,000 links": "".join(
        f"[url=https://example.com/{i}]ссылка {i}[/url] " for i in range(50_000)
    ),
}
TIMEOUT = 120.0


def has_show_all(view: HistoryView) -> bool:
    # A search in C++: the poll itself must not stall the loop (toHtml() would).
    return not view.document().find("Show all (").isNull()


async def until(predicate, what: str) -> float:
    """Seconds until `predicate` holds, polling the loop every millisecond."""
    started = time.perf_counter()
    while not predicate():
        if time.perf_counter() - started > TIMEOUT:
            raise TimeoutError(what)
        await asyncio.sleep(0.001)
    return time.perf_counter() - started


async def measure(window: MainWindow, meter: StallMeter, name: str, lead_id: int) -> None:
    pane, view, model = window.chat_pane, window.chat_pane.history_view, window.browser.model
    window.browser.find(CrmEntityType.LEAD, lead_id)
    await until(lambda: model.rowCount() == 1 and model.entity_at(0).id == lead_id, "the lead")
    meter.start()
    started = time.perf_counter()
    window.browser.table.selectRow(0)  # the pane opens the lead's last chat: the hostile one
    await until(lambda: pane.shown is not None and pane.shown.entity.id == lead_id, "the pane")
    shown = await until(lambda: has_show_all(view), "Show all") + (time.perf_counter() - started)
    await until(lambda: not view.rendering, "the history")
    await asyncio.sleep(0.05)  # layout and painting that follow the last chunk
    opening, _ = meter.stop()
    history = pane.shown.history
    assert history is not None
    view.show_placeholder("")
    meter.start()
    started = time.perf_counter()
    view.show_history(history, pane.shown.me.id)
    redraw_shown = await until(lambda: has_show_all(view), "Show all")
    await until(lambda: not view.rendering, "the history")
    await asyncio.sleep(0.05)
    showing, _ = meter.stop()
    size = len(CASES[name])
    print(
        f"{name} ({size:,} characters): opening the chat: longest loop stall {opening:.1f} ms, "
        f"Show all on screen after {shown * 1000:.0f} ms; showing the history again: longest "
        f"stall {showing:.1f} ms, Show all after {redraw_shown * 1000:.1f} ms (target < 16 ms)"
    )


async def post_hostile(window: MainWindow) -> list[tuple[str, int]]:
    """Each case posted into the last active chat of its own lead; (case, lead ID) pairs."""
    desk = window.desk
    assert desk is not None
    posted: list[tuple[str, int]] = []
    cases = iter(CASES.items())
    case = next(cases)
    for lead_id in range(1, 1000):
        pane = await desk.open_entity(CrmRef(CrmEntityType.LEAD, lead_id))
        if pane.target is None:
            continue
        await desk.send(pane.target, case[1], join_first=not pane.i_am_participant)
        posted.append((case[0], lead_id))
        if (case := next(cases, None)) is None:
            return posted
    raise RuntimeError("not enough leads with an active chat")


def main() -> None:
    async def scenario(window: MainWindow, meter: StallMeter) -> None:
        assert await window.connect_to("bench")
        for name, lead_id in await post_hostile(window):
            await measure(window, meter, name, lead_id)

    run_bench(200, scenario)


if __name__ == "__main__":
    main()
