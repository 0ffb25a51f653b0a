"""The CRM reference lists (crm.status.list): lead statuses, deal stages, types and sources.

Names are a Russian portal's defaults (a portal names its lists in its own language);
colours and semantics are the defaults the reference's example shows.
"""

from __future__ import annotations

from typing import Any

# (ENTITY_ID, STATUS_ID, NAME, COLOR or "", SEMANTICS "P"/"S"/"F" or "" for plain lists)
_DIRECTORY: tuple[tuple[str, str, str, str, str], ...] = (
    ("STATUS", "NEW", "Не обработан", "#39A8EF", "P"),
    ("STATUS", "IN_PROCESS", "В работе", "#2FC6F6", "P"),
    ("STATUS", "PROCESSED", "Обработан", "#55D0E0", "P"),
    ("STATUS", "CONVERTED", "Качественный лид", "#7BD500", "S"),
    ("STATUS", "JUNK", "Некачественный лид", "#FF5752", "F"),
    ("DEAL_STAGE", "NEW", "Новая", "#39A8EF", "P"),
    ("DEAL_STAGE", "PREPARATION", "Подготовка документов", "#2FC6F6", "P"),
    ("DEAL_STAGE", "PREPAYMENT_INVOICE", "Счёт на предоплату", "#55D0E0", "P"),
    ("DEAL_STAGE", "EXECUTING", "В работе", "#47E4C2", "P"),
    ("DEAL_STAGE", "FINAL_INVOICE", "Финальный счёт", "#FFA900", "P"),
    ("DEAL_STAGE", "WON", "Сделка успешна", "#7BD500", "S"),
    ("DEAL_STAGE", "LOSE", "Сделка провалена", "#FF5752", "F"),
    ("DEAL_TYPE", "SALE", "Продажа", "", ""),
    ("DEAL_TYPE", "COMPLEX", "Комплексная продажа", "", ""),
    ("DEAL_TYPE", "GOODS", "Продажа товара", "", ""),
    ("DEAL_TYPE", "SERVICES", "Продажа услуги", "", ""),
    ("DEAL_TYPE", "SERVICE", "Сервисное обслуживание", "", ""),
    ("CONTACT_TYPE", "CLIENT", "Клиенты", "", ""),
    ("CONTACT_TYPE", "SUPPLIER", "Поставщики", "", ""),
    ("CONTACT_TYPE", "PARTNER", "Партнёры", "", ""),
    ("CONTACT_TYPE", "OTHER", "Другое", "", ""),
    ("COMPANY_TYPE", "CUSTOMER", "Клиент", "", ""),
    ("COMPANY_TYPE", "SUPPLIER", "Поставщик", "", ""),
    ("COMPANY_TYPE", "COMPETITOR", "Конкурент", "", ""),
    ("COMPANY_TYPE", "PARTNER", "Партнёр", "", ""),
    ("COMPANY_TYPE", "OTHER", "Другое", "", ""),
    ("SOURCE", "CALL", "Звонок", "", ""),
    ("SOURCE", "EMAIL", "Электронная почта", "", ""),
    ("SOURCE", "WEB", "Веб-сайт", "", ""),
    ("SOURCE", "ADVERTISING", "Реклама", "", ""),
    ("SOURCE", "PARTNER", "Существующий клиент", "", ""),
    ("SOURCE", "RECOMMENDATION", "По рекомендации", "", ""),
    ("SOURCE", "TRADE_SHOW", "Выставка", "", ""),
    ("SOURCE", "OTHER", "Другое", "", ""),
)
_EXTRA_SEMANTICS = {"P": "process", "S": "success", "F": "failure"}
# The initial names of the system items, as a fresh portal has them (NAME_INIT).
_SYSTEM = {("STATUS", "NEW"), ("STATUS", "CONVERTED"), ("STATUS", "JUNK"), ("DEAL_STAGE", "NEW")}
_SYSTEM |= {("DEAL_STAGE", "WON"), ("DEAL_STAGE", "LOSE")}


def status_directory() -> list[dict[str, Any]]:
    """Every item as crm.status.list returns it, IDs and SORT in list order."""
    items: list[dict[str, Any]] = []
    sort_in: dict[str, int] = {}
    for number, (entity_id, status_id, name, color, semantics) in enumerate(_DIRECTORY):
        sort_in[entity_id] = sort_in.get(entity_id, 0) + 10
        system = (entity_id, status_id) in _SYSTEM
        item: dict[str, Any] = {
            "ID": str(101 + 2 * number),
            "ENTITY_ID": entity_id,
            "STATUS_ID": status_id,
            "NAME": name,
            "NAME_INIT": name if system else "",
            "SORT": str(sort_in[entity_id]),
            "SYSTEM": "Y" if system else "N",
            "CATEGORY_ID": None,
            "COLOR": color or None,
            # The top-level SEMANTICS is null for stages in progress, as in the example.
            "SEMANTICS": semantics if semantics in ("S", "F") else None,
        }
        if semantics:  # plain lists (types, sources) carry no EXTRA: they have no stages
            item["EXTRA"] = {"SEMANTICS": _EXTRA_SEMANTICS[semantics], "COLOR": color}
        items.append(item)
    return items
