"""Seeding of Open Lines: lines, chats bound to CRM rows, sessions and their dialogues."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..rows import Row
from ..schema import CONNECTOR_TITLES
from ..state import (
    SESSION_FINISHED_TEXT,
    SESSION_STARTED_TEXT,
    Chat,
    Connector,
    CrmType,
    FileInfo,
    OpenLine,
    User,
)
from .corpus import (
    ADMIN_ID,
    BOT_ID,
    CHAT_WINDOW,
    COMPANY_CHATS,
    CONNECTOR_MIX,
    CONTACT_CHATS,
    DAY,
    DEAL_CHATS,
    FIRST_CHAT_ID,
    FIRST_CUSTOMER_ID,
    FORMER_OPERATORS,
    HELPERS,
    LEAD_CHATS,
    LEAD_ONE_CONNECTORS,
    LINE_HEADS,
    LINE_OF,
    LINE_QUEUES,
    LINES,
    NOW,
    OPERATORS,
    RESTRICTED_ID,
    SALES_TEAM,
    SESSION_COUNTS,
    STRANGER_CHATS,
    STRANGERS,
)
from .crm import CrmSeeder
from .dialogues import (
    BOT_GREETING_EN,
    BOT_GREETING_RU,
    GROUP_TALK,
    HELPER_LINES,
    HOSTILE_TEXTS,
    SCRIPTS_EN,
    SCRIPTS_RU,
    ScriptLine,
)
from .values import EN_FIRST_SET, bindings, joined_text, latin, pick, random_person

DialogueLine = tuple[int, str, str]  # author ID, text, attached file kind ("" = none)


@dataclass
class ChatPlan:
    """What one Open Lines chat is about, decided before chat IDs are handed out."""

    crm: dict[CrmType, int]
    connector: str
    customer: tuple[str, str]  # name, last name
    english: bool
    operator: int  # of the last session
    force_active: bool = False

    @property
    def key(self) -> tuple[CrmType, int] | None:
        """The entity whose chats form one history: only its newest chat may be active."""
        for crm_type, crm_id in self.crm.items():
            if crm_id:
                return crm_type, crm_id
        return None


class ChatSeeder(CrmSeeder):
    """Adds open lines and their chats on top of the CRM rows the chats are bound to."""

    lead_chats = LEAD_CHATS  # leads given chats; build_state may raise it

    def add_open_lines(self) -> None:
        state = self.state
        state.connectors = {cid: Connector(cid, title) for cid, title in CONNECTOR_TITLES.items()}
        for line_id, name, connectors in LINES:
            state.lines[line_id] = OpenLine(
                line_id,
                name,
                list(connectors),
                queue=list(LINE_QUEUES[line_id]),
                heads=list(LINE_HEADS[line_id]),
            )

    # --- chats ------------------------------------------------------------------------------

    def add_chats(self) -> None:
        rng = self.rng
        self.state.next_chat_id = FIRST_CHAT_ID
        plans = [
            *self._lead_plans(),
            *self._contact_plans(),
            *self._company_plans(),
            *self._stranger_plans(),
        ]
        rng.shuffle(plans)
        newest = {plan.key: index for index, plan in enumerate(plans)}
        hostile_chats = rng.sample(range(len(plans)), min(len(plans), len(HOSTILE_TEXTS)))
        hostile = dict(zip(hostile_chats, HOSTILE_TEXTS, strict=False))
        # Chats open in ID order over the last four months, at least two days before "now".
        starts = sorted((rng.randrange(2 * DAY, 120 * DAY) for _ in plans), reverse=True)
        for index, plan in enumerate(plans):
            latest = plan.key is None or newest[plan.key] == index
            active = latest and (plan.force_active or self.rand() < 0.7)
            start = NOW - timedelta(seconds=starts[index])
            chat = self._add_chat(
                FIRST_CUSTOMER_ID + index, plan, start, active, hostile.get(index)
            )
            self._mark_bound(chat)

    def _operator_for(self, row: Row) -> int:
        owner = int(row["ASSIGNED_BY_ID"])
        return owner if owner in OPERATORS else pick(self.rand, OPERATORS)

    def _connector(self) -> str:
        return pick(self.rand, CONNECTOR_MIX)

    def _entity_plan(
        self, crm: dict[CrmType, int], row: Row, connector: str, operator: int = 0
    ) -> ChatPlan:
        return ChatPlan(
            crm=crm,
            connector=connector,
            customer=(row["NAME"], row["LAST_NAME"]),
            english=row["NAME"] in EN_FIRST_SET,
            operator=operator or self._operator_for(row),
        )

    def _lead_plans(self) -> list[ChatPlan]:
        leads = self.state.crm[CrmType.LEAD]
        window = min(len(leads.rows), CHAT_WINDOW)
        if not window:
            return []
        first = leads.by_id[1]
        plans = [self._entity_plan(bindings(lead=1), first, c) for c in LEAD_ONE_CONNECTORS]
        for plan in plans:
            plan.force_active = True  # only the newest of them ends up active
        picked = self.rng.sample(range(2, window + 1), min(window - 1, self.lead_chats))
        for lead_id in picked[:4]:
            row = leads.by_id[lead_id]
            row["ASSIGNED_BY_ID"] = row["MODIFY_BY_ID"] = str(RESTRICTED_ID)
            plans.append(
                self._entity_plan(bindings(lead=lead_id), row, self._connector(), RESTRICTED_ID)
            )
        for lead_id in picked[4:6]:
            for connector in self.rng.sample(tuple(LINE_OF), 2):
                plans.append(
                    self._entity_plan(bindings(lead=lead_id), leads.by_id[lead_id], connector)
                )
        for lead_id in picked[6 : 6 + max(0, self.lead_chats - len(plans))]:
            plans.append(
                self._entity_plan(bindings(lead=lead_id), leads.by_id[lead_id], self._connector())
            )
        plans[-1].operator, plans[-1].force_active = ADMIN_ID, True
        return plans

    def _contact_plans(self) -> list[ChatPlan]:
        state, rng = self.state, self.rng
        contacts = state.crm[CrmType.CONTACT]
        deals_with_contact = [
            row for row in state.crm[CrmType.DEAL].rows[:CHAT_WINDOW] if row["CONTACT_ID"] != "0"
        ]
        plans: list[ChatPlan] = []
        used: set[int] = set()
        for deal in rng.sample(deals_with_contact, min(len(deals_with_contact), DEAL_CHATS)):
            contact_id = int(deal["CONTACT_ID"])
            if contact_id in used:
                continue
            used.add(contact_id)
            crm = bindings(
                deal=int(deal["ID"]), contact=contact_id, company=int(deal["COMPANY_ID"])
            )
            plans.append(self._entity_plan(crm, contacts.by_id[contact_id], self._connector()))
        window = min(len(contacts.rows), CHAT_WINDOW)
        for contact_id in rng.sample(range(1, window + 1), min(window, CONTACT_CHATS)):
            if len(plans) == CONTACT_CHATS:
                break
            if contact_id in used:
                continue
            row = contacts.by_id[contact_id]
            crm = bindings(contact=contact_id, company=int(row["COMPANY_ID"]))
            plans.append(self._entity_plan(crm, row, self._connector()))
        if plans:
            plans[-1].operator, plans[-1].force_active = ADMIN_ID, True
        return plans

    def _company_plans(self) -> list[ChatPlan]:
        total = min(len(self.state.crm[CrmType.COMPANY].rows), CHAT_WINDOW)
        plans: list[ChatPlan] = []
        for company_id in self.rng.sample(range(1, total + 1), min(total, COMPANY_CHATS)):
            person = random_person(self.rand)
            plans.append(
                ChatPlan(
                    crm=bindings(company=company_id),
                    connector=pick(self.rand, ("email", "livechat")),
                    customer=(person.name, person.last_name),
                    english=person.english,
                    operator=pick(self.rand, OPERATORS),
                )
            )
        return plans

    def _stranger_plans(self) -> list[ChatPlan]:
        plans = [
            ChatPlan(
                crm=bindings(),
                connector=self._connector(),
                customer=(name, last),
                english=english,
                operator=pick(self.rand, OPERATORS),
            )
            for name, last, english in self.rng.sample(STRANGERS, STRANGER_CHATS)
        ]
        # With no lead yet, these are the chats where the admin can try "create lead".
        for plan in plans[:2]:
            plan.operator, plan.force_active = ADMIN_ID, True
        return plans

    def _add_chat(
        self, customer_id: int, plan: ChatPlan, start: datetime, active: bool, hostile: str | None
    ) -> Chat:
        state, rng, rand = self.state, self.rng, self.rand
        line = state.lines[LINE_OF[plan.connector]]
        customer = User(
            customer_id, *plan.customer, is_connector=True, date_register=start.isoformat()
        )
        state.users[customer_id] = customer
        helper = pick(rand, [h for h in HELPERS if h != plan.operator]) if rand() < 0.25 else 0
        with_bot = rand() < 0.2
        participants = [customer_id, plan.operator]
        participants += [helper] if helper else []
        participants += [BOT_ID] if with_bot else []
        chat = state.add_chat(
            Chat(
                id=0,
                name=f"{customer.full_name} - {line.name}",
                owner_id=plan.operator,
                date_create=start.isoformat(),
                line_id=line.id,
                connector_id=plan.connector,
                customer_id=customer_id,
                connector_chat_id=rng.randrange(1000, 99_999_999),
                crm=plan.crm,
                participants=participants,
            )
        )
        moment = start
        sessions = pick(rand, SESSION_COUNTS)
        scripts = rng.sample(SCRIPTS_EN if plan.english else SCRIPTS_RU, sessions)
        for number, script in enumerate(scripts):
            first, last = number == 0, number == sessions - 1
            if not first:
                pause = rng.randrange(3600, 20 * DAY)
                # Cap each pause so even three sessions end before "now".
                pause = min(pause, int((NOW - moment).total_seconds() * 0.4))
                moment += timedelta(seconds=pause)
            operator = plan.operator if last else pick(rand, FORMER_OPERATORS)
            closed = not (last and active)
            state.add_session(chat, operator, moment.isoformat(), closed)
            lines = self._dialogue(
                plan,
                script,
                customer_id,
                operator,
                helper=helper if last else 0,
                bot=with_bot and first,
                hostile=hostile if first else None,
                closed=closed,
            )
            moment = self._post(chat, lines, moment)
        return chat

    def _dialogue(
        self,
        plan: ChatPlan,
        script: Sequence[ScriptLine],
        customer_id: int,
        operator_id: int,
        *,
        helper: int,
        bot: bool,
        hostile: str | None,
        closed: bool,
    ) -> list[DialogueLine]:
        rand, users = self.rand, self.state.users
        count = 3 + int(rand() * (min(15, len(script)) - 2))
        if closed and count % 2:
            count += 1 if count < len(script) else -1  # a closed session ends on an answer
        operator_name = users[operator_id].name
        fill = {
            "name": plan.customer[0],
            "op": latin(operator_name).capitalize() if plan.english else operator_name,
            "order": f"{int(rand() * 90_000) + 10_000}",
            "portal": self.base_url,
        }
        lines: list[DialogueLine] = [(0, SESSION_STARTED_TEXT, "")]
        for index, entry in enumerate(script[:count]):
            text, kind = (entry, "") if isinstance(entry, str) else entry
            author = operator_id if index % 2 else customer_id
            lines.append((author, text.format(**fill), kind))
        if hostile:
            lines.insert(2, (customer_id, hostile, ""))
        if bot:
            greeting = BOT_GREETING_EN if plan.english else BOT_GREETING_RU
            lines.insert(2, (BOT_ID, greeting, ""))
        if helper:
            lines[4:4] = [
                (0, joined_text(users[helper]), ""),
                (helper, pick(rand, HELPER_LINES), ""),
            ]
        if closed:
            lines.append((0, SESSION_FINISHED_TEXT, ""))
        return lines

    def _post(self, chat: Chat, lines: list[DialogueLine], moment: datetime) -> datetime:
        for author, text, kind in lines:
            moment += timedelta(seconds=15 + int(self.rand() * 300))
            date = moment.isoformat()
            file_ids = [self._attach(chat, author, kind, date)] if kind else []
            self.state.add_message(chat, author, text, date, file_ids)
        return moment

    def _attach(self, chat: Chat, author: int, kind: str, date: str) -> int:
        rng = self.rng
        if kind == "photo":
            width, height = pick(self.rand, ((1280, 960), (960, 1280), (1920, 1080), (1080, 1920)))
            name, size = f"photo_{date[:10]}.jpg", rng.randrange(80_000, 900_000)
            info = FileInfo(0, chat.id, name, "image", "jpg", size, author, date, width, height)
        else:
            size = rng.randrange(120_000, 400_000)
            info = FileInfo(0, chat.id, "Договор.pdf", "file", "pdf", size, author, date)
        return self.state.add_file(info).id

    def _mark_bound(self, chat: Chat) -> None:
        """Give every entity bound to the chat its IM link, as Bitrix24 does on binding."""
        last_date = chat.messages[-1].date
        for crm_type, crm_id in chat.crm.items():
            if not crm_id:
                continue
            row = self.state.crm[crm_type].by_id[crm_id]
            # Same offset everywhere, so ISO strings compare in time order.
            row["DATE_MODIFY"] = max(row["DATE_MODIFY"], last_date)
            if crm_type is CrmType.DEAL:
                continue  # deals have no communication fields
            row["HAS_IMOL"] = "Y"
            link = self.state.multifield("IM", f"imol|{chat.entity_id}", "OPENLINE")
            row.setdefault("IM", []).append(link)
            if crm_type is CrmType.LEAD and len(row["IM"]) == 1:
                row["TITLE"] = chat.name  # a lead made from a dialogue is named after the chat

    def add_group_chat(self) -> None:
        """An ordinary group chat, so that Open-Lines-only methods have a CHAT_TYPE case."""
        state = self.state
        start = NOW - timedelta(days=3, hours=5)
        chat = state.add_chat(
            Chat(
                id=0,
                name="Отдел продаж",
                owner_id=2,
                date_create=start.isoformat(),
                chat_type="chat",
                crm=bindings(),
                participants=list(SALES_TEAM),
            )
        )
        moment = start
        for author, text in GROUP_TALK:
            moment += timedelta(seconds=self.rng.randrange(60, 3600))
            state.add_message(chat, author, text, moment.isoformat())
