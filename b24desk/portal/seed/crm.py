"""Seeding of CRM rows: companies, contacts, leads and deals, in ID order."""

from __future__ import annotations

from typing import Any

from ..state import CrmType
from .base import Seeder
from .corpus import (
    COMMENTS,
    COMPANY_TYPES,
    CONTACT_TYPES,
    DEAL_STAGES,
    DEAL_TITLES,
    DEAL_TYPES,
    EMPLOYEE_RANGES,
    EN_COMPANIES,
    EXPOS,
    INDUSTRIES,
    LEAD_STATUSES,
    LEAD_TITLES_EN,
    LEAD_TITLES_RU,
    LEGAL_FORMS,
    POSTS_EN,
    POSTS_RU,
    PRODUCTS_EN,
    PRODUCTS_RU,
    ROW_OWNERS,
    RU_COMPANY_NAMES,
    SALES_TEAM,
    SOURCES,
)
from .values import Person, latin, pick, random_amount, random_email, random_person, random_phone

Row = dict[str, Any]


class CrmSeeder(Seeder):
    """Adds the CRM tables; rows reference each other by ID as in a real CRM."""

    def _add_channels(self, row: Row, person: Person, domain: str = "") -> None:
        rand, multifield = self.rand, self.state.multifield
        if rand() < 0.85:
            kind = "MOBILE" if rand() < 0.6 else "WORK"
            row["PHONE"] = [multifield("PHONE", random_phone(rand, person.english), kind)]
            if rand() < 0.1:
                row["PHONE"].append(multifield("PHONE", random_phone(rand, person.english), "HOME"))
            row["HAS_PHONE"] = "Y"
        if rand() < 0.6:
            kind = "WORK" if domain or rand() < 0.5 else "HOME"
            row["EMAIL"] = [multifield("EMAIL", random_email(rand, person, domain), kind)]
            row["HAS_EMAIL"] = "Y"

    def add_companies(self, total: int) -> None:
        rand, rng, dates = self.rand, self.rng, self.dates
        table, multifield = self.state.crm[CrmType.COMPANY], self.state.multifield
        names = [
            (f"{form} «{name}»", f"{latin(name)}.ru", False)
            for name in RU_COMPANY_NAMES
            for form in LEGAL_FORMS[1:]
        ] + [(title, domain, True) for title, domain in EN_COMPANIES]
        rng.shuffle(names)
        for number in range(1, total + 1):
            title, domain, english = names[(number - 1) % len(names)]
            if number > len(names):
                title = f"{title} ({(number - 1) // len(names) + 1})"
            created, modified = self._date_span(number, total)
            owner = str(pick(rand, SALES_TEAM))
            from_1c = rand() < 0.3
            row: Row = {
                "ID": str(number),
                "TITLE": title,
                "COMPANY_TYPE": pick(rand, COMPANY_TYPES),
                "INDUSTRY": pick(rand, INDUSTRIES),
                "EMPLOYEES": pick(rand, EMPLOYEE_RANGES),
                "REVENUE": f"{(int(rand() * 900) + 10) * 100_000}.00",
                "CURRENCY_ID": "USD" if english else "RUB",
                "SOURCE_ID": pick(rand, SOURCES),
                "ASSIGNED_BY_ID": owner,
                "CREATED_BY_ID": owner,
                "MODIFY_BY_ID": owner,
                "DATE_CREATE": dates[created],
                "DATE_MODIFY": dates[modified],
                "OPENED": "Y",
                "COMMENTS": "",
                "ORIGINATOR_ID": "1C" if from_1c else "",
                "ORIGIN_ID": f"{int(rand() * 1_000_000):09d}" if from_1c else "",
                "HAS_PHONE": "Y",
                "HAS_EMAIL": "Y",
                "HAS_IMOL": "N",
                "LEAD_ID": "0",
                "PHONE": [multifield("PHONE", random_phone(rand, english), "WORK")],
                "EMAIL": [multifield("EMAIL", f"{pick(rand, ('info', 'sales'))}@{domain}", "WORK")],
                "WEB": [multifield("WEB", f"https://{domain}", "WORK")],
            }
            table.add(row)
            self.company_titles.append(title)
            self.company_domains.append(domain)

    def add_contacts(self, total: int) -> None:
        rand, dates = self.rand, self.dates
        table = self.state.crm[CrmType.CONTACT]
        companies = len(self.company_domains)
        for number in range(1, total + 1):
            person = random_person(rand)
            company = int(rand() * companies) + 1 if companies and rand() < 0.6 else 0
            created, modified = self._date_span(number, total)
            owner = str(pick(rand, ROW_OWNERS))
            row: Row = {
                "ID": str(number),
                "NAME": person.name,
                "SECOND_NAME": person.second_name,
                "LAST_NAME": person.last_name,
                "HONORIFIC": "",
                "POST": pick(rand, POSTS_EN if person.english else POSTS_RU) if company else "",
                "TYPE_ID": pick(rand, CONTACT_TYPES),
                "COMPANY_ID": str(company),
                "BIRTHDATE": self._birthdate() if rand() < 0.25 else "",
                "EXPORT": "Y",
                "LEAD_ID": "0",
                "SOURCE_ID": pick(rand, SOURCES),
                "ASSIGNED_BY_ID": owner,
                "CREATED_BY_ID": owner,
                "MODIFY_BY_ID": owner,
                "DATE_CREATE": dates[created],
                "DATE_MODIFY": dates[modified],
                "OPENED": "Y",
                "COMMENTS": pick(rand, COMMENTS) if rand() < 0.1 else "",
                "ORIGINATOR_ID": "",
                "ORIGIN_ID": "",
                "HAS_PHONE": "N",
                "HAS_EMAIL": "N",
                "HAS_IMOL": "N",
            }
            self._add_channels(row, person, self.company_domains[company - 1] if company else "")
            table.add(row)
            self.contact_companies.append(row["COMPANY_ID"])

    def _birthdate(self) -> str:
        rand = self.rand
        return (
            f"{1960 + int(rand() * 45)}-{int(rand() * 12) + 1:02d}-{int(rand() * 28) + 1:02d}"
            "T00:00:00+03:00"
        )

    def add_leads(self, total: int) -> None:
        rand, dates = self.rand, self.dates
        # COMPANY_TITLE is free text, so leads name companies even on a portal without any.
        titles = self.company_titles or [f"ООО «{name}»" for name in RU_COMPANY_NAMES]
        table = self.state.crm[CrmType.LEAD]
        contacts = len(self.contact_companies)
        for number in range(1, total + 1):
            person = random_person(rand)
            status, semantic = pick(rand, LEAD_STATUSES)
            title, source = pick(rand, LEAD_TITLES_EN if person.english else LEAD_TITLES_RU)
            created, modified = self._date_span(number, total)
            owner = str(pick(rand, ROW_OWNERS))
            converted = status == "CONVERTED"
            # A converted lead points at the contact it became; a returning customer at theirs.
            contact = int(rand() * contacts) + 1 if contacts and (converted or rand() < 0.06) else 0
            row: Row = {
                "ID": str(number),
                "TITLE": title.format(
                    last=person.last_name,
                    product=pick(rand, PRODUCTS_RU),
                    product_en=pick(rand, PRODUCTS_EN),
                    expo=pick(rand, EXPOS),
                ),
                "HONORIFIC": "",
                "NAME": person.name,
                "SECOND_NAME": person.second_name,
                "LAST_NAME": person.last_name,
                "POST": pick(rand, POSTS_EN if person.english else POSTS_RU)
                if rand() < 0.3
                else "",
                "COMPANY_TITLE": pick(rand, titles) if rand() < 0.4 else "",
                "SOURCE_ID": source,
                "STATUS_ID": status,
                "STATUS_SEMANTIC_ID": semantic,
                "OPPORTUNITY": "0.00" if status == "NEW" and rand() < 0.5 else random_amount(rand),
                "CURRENCY_ID": pick(rand, ("USD", "EUR")) if person.english else "RUB",
                "ASSIGNED_BY_ID": owner,
                "CREATED_BY_ID": owner,
                "MODIFY_BY_ID": owner,
                "DATE_CREATE": dates[created],
                "DATE_MODIFY": dates[modified],
                "DATE_CLOSED": dates[modified] if semantic != "P" else "",
                "OPENED": "Y",
                "COMMENTS": pick(rand, COMMENTS) if rand() < 0.15 else "",
                "ORIGINATOR_ID": "",
                "ORIGIN_ID": "",
                "CONTACT_ID": str(contact),
                "COMPANY_ID": self.contact_companies[contact - 1] if contact else "0",
                "IS_RETURN_CUSTOMER": "Y" if contact and not converted else "N",
                "HAS_PHONE": "N",
                "HAS_EMAIL": "N",
                "HAS_IMOL": "N",
            }
            self._add_channels(row, person)
            table.add(row)

    def add_deals(self, total: int) -> None:
        rand, dates = self.rand, self.dates
        table = self.state.crm[CrmType.DEAL]
        contacts, companies = len(self.contact_companies), len(self.company_domains)
        for number in range(1, total + 1):
            stage, semantic, probability = pick(rand, DEAL_STAGES)
            contact = int(rand() * contacts) + 1 if contacts and rand() < 0.85 else 0
            company = self.contact_companies[contact - 1] if contact else "0"
            if company == "0" and companies and rand() < 0.4:
                company = str(int(rand() * companies) + 1)
            client = self.company_titles[int(company) - 1] if company != "0" else ""
            created, modified = self._date_span(number, total)
            closes = modified if semantic != "P" else created + int(rand() * (len(dates) - created))
            owner = str(pick(rand, SALES_TEAM))
            title = pick(rand, DEAL_TITLES)
            row: Row = {
                "ID": str(number),
                "TITLE": f"{title}: {client}" if client else title,
                "TYPE_ID": pick(rand, DEAL_TYPES),
                "STAGE_ID": stage,
                "STAGE_SEMANTIC_ID": semantic,
                "CATEGORY_ID": "0",
                "PROBABILITY": probability,
                "CURRENCY_ID": "RUB",
                "OPPORTUNITY": random_amount(rand),
                "COMPANY_ID": company,
                "CONTACT_ID": str(contact),
                "LEAD_ID": "0",
                "BEGINDATE": dates[created],
                "CLOSEDATE": dates[closes],
                "CLOSED": "N" if semantic == "P" else "Y",
                "IS_NEW": "Y" if stage == "NEW" else "N",
                "SOURCE_ID": pick(rand, SOURCES),
                "ASSIGNED_BY_ID": owner,
                "CREATED_BY_ID": owner,
                "MODIFY_BY_ID": owner,
                "DATE_CREATE": dates[created],
                "DATE_MODIFY": dates[modified],
                "OPENED": "Y",
                "COMMENTS": "",
                "ORIGINATOR_ID": "",
                "ORIGIN_ID": "",
            }
            table.add(row)
