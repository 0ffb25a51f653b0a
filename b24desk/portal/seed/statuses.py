"""The CRM reference lists (crm.status.list): lead statuses, deal stages, types and sources,
and the deal pipelines (crm.category.list), each but the default with stages of its own.

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
    # Pipelines other than the default keep their stages in DEAL_STAGE_<id>, codes "C<id>:..."
    # (appended, so the IDs of the items above stay as they were).
    ("DEAL_STAGE_1", "C1:NEW", "Повторный запрос", "#39A8EF", "P"),
    ("DEAL_STAGE_1", "C1:PREPARATION", "Подбор предложения", "#2FC6F6", "P"),
    ("DEAL_STAGE_1", "C1:EXECUTING", "Согласование условий", "#47E4C2", "P"),
    ("DEAL_STAGE_1", "C1:FINAL_INVOICE", "Счёт выставлен", "#FFA900", "P"),
    ("DEAL_STAGE_1", "C1:WON", "Повторная продажа", "#7BD500", "S"),
    ("DEAL_STAGE_1", "C1:LOSE", "Отказ", "#FF5752", "F"),
    ("DEAL_STAGE_2", "C2:NEW", "Заявка на обслуживание", "#39A8EF", "P"),
    ("DEAL_STAGE_2", "C2:PREPARATION", "Диагностика", "#2FC6F6", "P"),
    ("DEAL_STAGE_2", "C2:EXECUTING", "Работы идут", "#47E4C2", "P"),
    ("DEAL_STAGE_2", "C2:WON", "Договор продлён", "#7BD500", "S"),
    ("DEAL_STAGE_2", "C2:LOSE", "Договор расторгнут", "#FF5752", "F"),
)
# Deal pipelines: (ID, name, SORT); 0 is the default one, whose stages are DEAL_STAGE.
PIPELINES: tuple[tuple[int, str, int], ...] = (
    (0, "Продажи", 100),
    (1, "Повторные продажи", 200),
    (2, "Сервисные договоры", 300),
)
# A default-pipeline stage a seeded deal drew, as the same step of another pipeline.
_PIPELINE_STEPS = {
    1: {"PREPAYMENT_INVOICE": "PREPARATION"},
    2: {"PREPAYMENT_INVOICE": "PREPARATION", "FINAL_INVOICE": "EXECUTING"},
}
_EXTRA_SEMANTICS = {"P": "process", "S": "success", "F": "failure"}
# The initial names of the system items, as a fresh portal has them (NAME_INIT).
_SYSTEM = {("STATUS", "NEW"), ("STATUS", "CONVERTED"), ("STATUS", "JUNK"), ("DEAL_STAGE", "NEW")}
_SYSTEM |= {("DEAL_STAGE", "WON"), ("DEAL_STAGE", "LOSE")}
_SYSTEM |= {(f"DEAL_STAGE_{p}", f"C{p}:{s}") for p in (1, 2) for s in ("NEW", "WON", "LOSE")}


def pipeline_stage(pipeline: int, stage: str) -> str:
    """The stage code in `pipeline` for a deal that drew `stage` of the default pipeline."""
    if pipeline == 0:
        return stage
    return f"C{pipeline}:{_PIPELINE_STEPS[pipeline].get(stage, stage)}"


def deal_categories() -> list[dict[str, Any]]:
    """The deal pipelines as crm.category.list returns them (the `category` object)."""
    categories: list[dict[str, Any]] = []
    for number, name, sort in PIPELINES:
        category: dict[str, Any] = {
            "id": number, "name": name, "sort": sort, "entityTypeId": 2,
            "isDefault": "Y" if number == 0 else "N",
        }  # fmt: skip
        if number:  # as in the reference's example, the default pipeline has no origin
            category |= {"originId": "", "originatorId": ""}
        categories.append(category)
    return categories


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
            "CATEGORY_ID": entity_id.rpartition("_")[2] if "STAGE_" in entity_id else None,
            "COLOR": color or None,
            # The top-level SEMANTICS is null for stages in progress, as in the example.
            "SEMANTICS": semantics if semantics in ("S", "F") else None,
        }
        if semantics:  # plain lists (types, sources) carry no EXTRA: they have no stages
            item["EXTRA"] = {"SEMANTICS": _EXTRA_SEMANTICS[semantics], "COLOR": color}
        items.append(item)
    return items
