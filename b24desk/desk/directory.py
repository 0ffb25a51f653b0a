"""What the browser and the pickers read of one portal: entity pages and search, one entity,
the names of clients, employees and statuses, users by name."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from b24desk.api import clients, crm, statuses, users
from b24desk.api.types import CrmEntityType, CrmRef, Entity, Page, StatusNames, User

from .local import LocalIndex

if TYPE_CHECKING:
    from b24desk.api.client import B24Client


class Directory:
    """The reads behind the browser, for the `Desk` of one connection."""

    client: B24Client
    local: LocalIndex | None  # the profile's index, when it has one

    async def entity_page(
        self,
        entity_type: CrmEntityType,
        start: int,
        order: list[tuple[str, bool]],
        search: str = "",
    ) -> Page[Entity]:
        """One page for the browser: a plain list page, or every search hit at once.

        In ID order `start` is a cursor (the last ID shown, 0 for the first page) and the
        portal is never asked to count: on a big portal counting is what makes a list slow.
        Once the local index holds every row of the type, it serves pages and search.
        """
        if self.local is not None and self.local.serves(entity_type, order):
            page = await self.local.page(entity_type, start, order, search)
            if page is not None:
                return page
        if search.strip():
            found = await crm.search(self.client, entity_type, search)
            return Page(found, len(found), None)
        if all(name == "ID" for name, _ in order):
            descending = order[0][1] if order else True
            return await crm.id_page(
                self.client, entity_type, after=start or None, descending=descending
            )
        ordering = {name: "DESC" if descending else "ASC" for name, descending in order}
        return await crm.list_page(self.client, entity_type, order=ordering or None, start=start)

    async def get_entity(self, entity: CrmRef) -> Entity:
        return await crm.get_entity(self.client, entity.type, entity.id)

    async def client_names(self, refs: Iterable[CrmRef]) -> dict[CrmRef, str]:
        """Contacts' and companies' names (a deal's client): from the local index when it
        holds them, the rest in one request; one nobody can name is left out."""
        wanted = set(refs)
        names = await self.local.index.names(wanted) if self.local is not None else {}
        missing = wanted - names.keys()
        if missing:
            names |= await clients.client_names(self.client, missing)
        return names

    async def employee_names(self) -> dict[int, str]:
        """Every employee's name, fired ones included (they still own CRM rows)."""
        return {user.id: user.full_name for user in await users.all_users(self.client)}

    async def status_names(self) -> StatusNames:
        """What this portal calls each type's status, stage and type codes, with colours."""
        return await statuses.status_names(self.client)

    async def search_users(self, text: str) -> list[User]:
        if not text.strip():
            return []
        return list(await users.search_users(self.client, text))
