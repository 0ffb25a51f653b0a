"""Compact CRM rows: values in a list under one shared key schema, read and written like a dict.

A million leads as dicts take 1.7 GB and most of the seeding time; as lists, about a third
of the memory. A key the row does not have is held as MISSING, so `in` and iteration
behave as they would on the dict the row stands for.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any, ClassVar

MISSING: Any = object()
# A CRM row as the portal reads it: a CompactRow or a plain dict.
Row = MutableMapping[str, Any]


class CompactRow(MutableMapping[str, Any]):
    """A row of one table's schema (KEYS, in the order the REST answer lists them)."""

    __slots__ = ("cells",)
    KEYS: ClassVar[tuple[str, ...]] = ()
    INDEX: ClassVar[dict[str, int]] = {}

    def __init__(self, values: list[Any]) -> None:
        self.cells = values  # not `values`: that would hide Mapping.values()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.INDEX = {key: index for index, key in enumerate(cls.KEYS)}

    def get(self, key: str, default: Any = None) -> Any:
        # Written out (not the Mapping mixin's try/except): filters call it per row.
        index = self.INDEX.get(key)
        if index is None:
            return default
        value = self.cells[index]
        return default if value is MISSING else value

    def __getitem__(self, key: str) -> Any:
        value = self.get(key, MISSING)
        if value is MISSING:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key, MISSING) is not MISSING

    def __setitem__(self, key: str, value: Any) -> None:
        index = self.INDEX.get(key)
        if index is None:
            raise KeyError(f"{type(self).__name__} has no field {key!r}")
        self.cells[index] = value

    def __delitem__(self, key: str) -> None:
        if key not in self:
            raise KeyError(key)
        self.cells[self.INDEX[key]] = MISSING

    def __iter__(self) -> Iterator[str]:
        return (
            key for key, value in zip(self.KEYS, self.cells, strict=True) if value is not MISSING
        )

    def __len__(self) -> int:
        return sum(1 for value in self.cells if value is not MISSING)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict(self)!r})"


class LeadRow(CompactRow):
    """A lead as the seed makes them; PHONE, EMAIL and IM only when the lead has them."""

    __slots__ = ()
    KEYS = (
        "ID", "TITLE", "HONORIFIC", "NAME", "SECOND_NAME", "LAST_NAME", "POST", "COMPANY_TITLE",
        "SOURCE_ID", "STATUS_ID", "STATUS_SEMANTIC_ID", "OPPORTUNITY", "CURRENCY_ID",
        "ASSIGNED_BY_ID", "CREATED_BY_ID", "MODIFY_BY_ID", "DATE_CREATE", "DATE_MODIFY",
        "DATE_CLOSED", "OPENED", "COMMENTS", "ORIGINATOR_ID", "ORIGIN_ID", "CONTACT_ID",
        "COMPANY_ID", "IS_RETURN_CUSTOMER", "HAS_PHONE", "HAS_EMAIL", "HAS_IMOL", "PHONE",
        "EMAIL", "IM",
    )  # fmt: skip
