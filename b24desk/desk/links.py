"""Addresses of a portal's own web pages: a CRM entity's card and an Open Lines chat."""

from __future__ import annotations

from b24desk.api.types import CrmRef


def entity_path(ref: CrmRef) -> str:
    """The entity's card, e.g. /crm/lead/details/12/ (Bitrix24's own CRM detail URLs)."""
    return f"/crm/{ref.type.value}/details/{ref.id}/"


def chat_path(chat_id: int) -> str:
    """The chat in the web messenger. The reference has no page for this address; it is the
    one Bitrix24 builds itself for a chat (`/online/?IM_DIALOG=chat#chat_id#`), Open Lines
    chats included, and that BX24.im.openMessenger's `chatXXX` dialog IDs name."""
    return f"/online/?IM_DIALOG=chat{chat_id}"


def portal_url(root: str, path: str) -> str:
    """`path` on the portal at `root` (e.g. https://example.bitrix24.ru); "" without a root."""
    return f"{root.rstrip('/')}{path}" if root else ""
