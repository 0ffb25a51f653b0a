"""Sends under faults and clock skew: how many messages the portal holds once, twice, never.

Drives the desk's send path as the window does (send; on "not confirmed", *Check and
resend*; on a refusal, send the draft again) against the demo portal on loopback.

  python bench/outbox_faults.py              # 200 sends under 30 % mixed faults
  python bench/outbox_faults.py --skew       # 50 lost-answer sends per portal clock skew
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from collections import Counter
from pathlib import Path

from b24desk.api import B24Client, ClientOptions, WebhookAuth
from b24desk.api.errors import B24Error
from b24desk.desk.desk import Desk, NotConfirmedError, NotInChatError
from b24desk.desk.drafts import Drafts
from b24desk.desk.outbox import ChatTarget, Outbox
from b24desk.portal import Portal, PortalConfig
from b24desk.portal.server import PortalServer

MIXED_FAULTS = ("500", "502", "html", "truncated", "drop", "hang")
SKEWS_MINUTES = (-10, -1.5, 0, 1.5, 10)
OPTIONS = ClientOptions(rate=10_000, burst=10_000, read_timeout=0.5, backoff=0.01)


async def deliver(desk: Desk, target: ChatTarget, text: str) -> int:
    """Until the portal confirms it, as a patient supervisor would; returns the attempts."""
    attempts = 1
    try:
        await desk.send(target, text)
        return attempts
    except NotConfirmedError as unsure:
        item = unsure.item
    except (B24Error, NotInChatError):
        item = None  # refused: nothing posted, the draft still holds the text
    while True:
        attempts += 1
        try:
            if item is None:
                await desk.send(target, text)
            else:
                await desk.resend(item)
            return attempts
        except NotConfirmedError as unsure:
            item = unsure.item
        except (B24Error, NotInChatError):
            current = desk.outbox.get(item.id) if item is not None else None
            item = current  # a refused resend stays in the outbox, marked failed


def lines_chat(portal: Portal) -> tuple[ChatTarget, object]:
    from b24desk.api.types import CrmEntityType, CrmRef

    chat = next(
        c for c in portal.state.chats.values() if c.is_lines and c.active and any(c.crm.values())
    )
    crm_type, crm_id = next((t, i) for t, i in chat.crm.items() if i)
    if 1 not in chat.participants:
        chat.participants.append(1)
    return ChatTarget(CrmRef(CrmEntityType(crm_type.value), crm_id), chat.id), chat


async def run(portal: Portal, url: str, texts: list[str], home: Path) -> tuple[Counter[str], int]:
    client = B24Client(WebhookAuth(url), OPTIONS)
    desk = await Desk.connect(
        client, Outbox(home / "outbox.json"), Drafts(home / "drafts.json"), "bench"
    )
    target, chat = lines_chat(portal)
    await desk.open_entity(target.entity, chat_id=target.chat_id)
    attempts = 0
    for text in texts:
        attempts += await deliver(desk, target, text)
    await client.aclose()
    held = Counter(m.text for m in chat.messages)  # type: ignore[attr-defined]
    return held, attempts


def tally(held: Counter[str], texts: list[str]) -> tuple[int, int, int]:
    wanted = Counter(texts)
    once = sum(1 for t in wanted if held[t] == wanted[t])
    twice = sum(1 for t in wanted if held[t] > wanted[t])
    never = sum(1 for t in wanted if held[t] < wanted[t])
    return once, twice, never


def mixed(sends: int, rate: float) -> None:
    portal = Portal(
        PortalConfig(rate_limit=False, fail_rate=rate, fail_kinds=MIXED_FAULTS, hang_seconds=1)
    )
    # Every fifth text repeats an earlier one: same-text sends must not be taken for each other.
    texts = [f"ответ {i // 5 * 5 if i % 5 == 4 else i}" for i in range(sends)]
    with PortalServer(portal) as server, tempfile.TemporaryDirectory() as home:
        portal.base_url = server.base_url
        held, attempts = asyncio.run(run(portal, portal.webhook_urls()[0], texts, Path(home)))
    once, twice, never = tally(held, texts)
    print(f"{sends} sends, {rate:.0%} mixed faults {MIXED_FAULTS}: {attempts} attempts")
    print(f"  texts held the right number of times: {once}; too often: {twice}; too few: {never}")


def skewed(sends: int) -> None:
    print(f"{sends} lost-answer sends (answer cut after the portal ran it) per portal clock skew")
    for minutes in SKEWS_MINUTES:
        portal = Portal(PortalConfig(rate_limit=False, clock_skew=minutes * 60))
        portal.faults.inject("truncated", method="imopenlines.crm.message.add", times=sends)
        texts = ["Ok, checking"] * (sends // 2) + [f"ответ {i}" for i in range(sends - sends // 2)]
        with PortalServer(portal) as server, tempfile.TemporaryDirectory() as home:
            portal.base_url = server.base_url
            held, _ = asyncio.run(run(portal, portal.webhook_urls()[0], texts, Path(home)))
        wanted = Counter(texts)
        extra = sum(max(0, held[t] - n) for t, n in wanted.items())
        missing = sum(max(0, n - held[t]) for t, n in wanted.items())
        print(f"  skew {minutes:+5} min: sent {sends}, doubled {extra}, lost {missing}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sends", type=int, default=200)
    parser.add_argument("--fail-rate", type=float, default=0.3)
    parser.add_argument("--skew", action="store_true", help="the clock-skew runs instead")
    args = parser.parse_args()
    if args.skew:
        skewed(min(args.sends, 50))
    else:
        mixed(args.sends, args.fail_rate)


if __name__ == "__main__":
    main()
