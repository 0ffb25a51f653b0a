"""Deterministic demo data for the portal: staff, credentials, CRM rows, open lines and chats.

The same arguments always give the same state; a million leads take about 8 s and 1.2 GB.
"""

from __future__ import annotations

import gc

from ..state import PortalState
from .chats import ChatSeeder
from .corpus import LEAD_CHATS, NOW
from .dialogues import HOSTILE_TEXTS
from .statuses import deal_categories, status_directory

__all__ = ["HOSTILE_TEXTS", "NOW", "build_state"]


def build_state(
    seed: int = 42,
    leads: int = 300,
    deals: int = 120,
    contacts: int = 200,
    companies: int = 60,
    lead_chats: int = LEAD_CHATS,
    base_url: str = "http://127.0.0.1",
) -> PortalState:
    """A portal full of demo data; the same arguments always give the same state."""
    # The rows hold no reference cycles, and collecting while a million of them are built
    # walks them again and again (about 40% of the time of a 10^6-lead seed).
    collecting = gc.isenabled()
    gc.disable()
    try:
        seeder = ChatSeeder(seed, base_url)
        seeder.lead_chats = lead_chats
        seeder.add_credentials()
        seeder.add_staff()
        seeder.state.statuses = status_directory()
        seeder.state.categories = deal_categories()
        seeder.add_companies(companies)
        seeder.add_contacts(contacts)
        seeder.add_leads(leads)
        seeder.add_deals(deals)
        seeder.add_open_lines()
        seeder.add_chats()
        seeder.add_group_chat()
    finally:
        if collecting:
            gc.enable()
    # Everything seeded has been read: only what happens from now on is unread.
    seeder.state.read_floor = seeder.state.next_message_id
    return seeder.state
