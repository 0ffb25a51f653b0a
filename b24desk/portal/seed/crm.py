"""Seeding of CRM rows: companies, contacts, leads and deals, in ID order."""

from __future__ import annotations

from typing import Any

from ..rows import MISSING, LeadRow
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
from .statuses import pipeline_stage
from .values import (
    Person,
    amount_strings,
    latin,
    pick,
    random_amount,
    random_email,
    random_person,
    random_phone,
)

Row = dict[str, Any]
_PIPELINE_OF = (0, 0, 0, 0, 0, 0, 1, 1, 1, 2)
_TITLE_FIELDS = ("last", "product", "product_en", "expo")


class CrmSeeder(Seeder):
    """Adds the CRM tables; rows reference each other by ID as in a real CRM."""

    def _channels(self, person: Person, domain: str = "") -> tuple[Any, Any]:
        """A person's PHONE and EMAIL multi-fields, each MISSING when they have none."""
        rand, multifield = self.rand, self.state.multifield
        phones = emails = MISSING
        if rand() < 0.85:
            kind = "MOBILE" if rand() < 0.6 else "WORK"
            phones = [multifield("PHONE", random_phone(rand, person.english), kind)]
            if rand() < 0.1:
                phones.append(multifield("PHONE", random_phone(rand, person.english), "HOME"))
        if rand() < 0.6:
            kind = "WORK" if domain or rand() < 0.5 else "HOME"
            emails = [multifield("EMAIL", random_email(rand, person, domain), kind)]
        return phones, emails

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
            phones, emails = self._channels(
                person, self.company_domains[company - 1] if company else ""
            )
            if phones is not MISSING:
                row["PHONE"], row["HAS_PHONE"] = phones, "Y"
            if emails is not MISSING:
                row["EMAIL"], row["HAS_EMAIL"] = emails, "Y"
            table.add(row)
            self.contact_companies.append(row["COMPANY_ID"])

    def _birthdate(self) -> str:
        rand = self.rand
        return (
            f"{1960 + int(rand() * 45)}-{int(rand() * 12) + 1:02d}-{int(rand() * 28) + 1:02d}"
            "T00:00:00+03:00"
        )

    def add_leads(self, total: int) -> None:
        """Leads, the big table (10^6 rows in benches): the loop is flattened for speed.

        Every draw happens in the same order as in the plain form it replaced (person, status,
        title, dates, owner, contact, title words, post, company, amount, currency, comment,
        channels); tests/portal/seed/test_fingerprint.py pins the data.
        """
        rand, dates = self.rand, self.dates
        # COMPANY_TITLE is free text, so leads name companies even on a portal without any.
        titles = self.company_titles or [f"ООО «{name}»" for name in RU_COMPANY_NAMES]
        table = self.state.crm[CrmType.LEAD]
        contact_companies = self.contact_companies
        contacts = len(contact_companies)
        owners = tuple(str(owner) for owner in ROW_OWNERS)
        amounts = amount_strings()
        size = len(dates)
        channels = self._channels
        newest = size - 1
        n_statuses, n_owners, n_titles = len(LEAD_STATUSES), len(owners), len(titles)
        n_ru, n_en = len(LEAD_TITLES_RU), len(LEAD_TITLES_EN)
        n_products, n_products_en, n_expos = len(PRODUCTS_RU), len(PRODUCTS_EN), len(EXPOS)
        n_posts_ru, n_posts_en, n_comments = len(POSTS_RU), len(POSTS_EN), len(COMMENTS)
        rows, ids, by_id = table.rows, table.ids, table.by_id
        formatted: dict[tuple[str, ...], str] = {}
        fields_of = {
            template: tuple(f"{{{name}}}" in template for name in _TITLE_FIELDS)
            for template, _ in (*LEAD_TITLES_RU, *LEAD_TITLES_EN)
        }
        for number in range(1, total + 1):
            person = random_person(rand)
            english = person.english
            status, semantic = LEAD_STATUSES[int(rand() * n_statuses)]
            if english:
                title, source = LEAD_TITLES_EN[int(rand() * n_en)]
            else:
                title, source = LEAD_TITLES_RU[int(rand() * n_ru)]
            # Seeder._date_span written out.
            created = min(newest, (number - 1) * size // total + int(rand() * 8))
            modified = created + int(rand() * (size - created) * 0.25)
            owner = owners[int(rand() * n_owners)]
            converted = status == "CONVERTED"
            # A converted lead points at the contact it became; a returning customer at theirs.
            contact = int(rand() * contacts) + 1 if contacts and (converted or rand() < 0.06) else 0
            product = PRODUCTS_RU[int(rand() * n_products)]
            product_en = PRODUCTS_EN[int(rand() * n_products_en)]
            expo = EXPOS[int(rand() * n_expos)]
            # Few distinct titles: each is formatted once, and rows share the strings.
            last, with_product, with_product_en, with_expo = fields_of[title]
            words = (
                title,
                person.last_name if last else "",
                product if with_product else "",
                product_en if with_product_en else "",
                expo if with_expo else "",
            )
            title = formatted.get(words) or formatted.setdefault(
                words,
                title.format(last=words[1], product=product, product_en=product_en, expo=expo),
            )
            post = ""
            if rand() < 0.3:
                post = (
                    POSTS_EN[int(rand() * n_posts_en)]
                    if english
                    else POSTS_RU[int(rand() * n_posts_ru)]
                )
            company_title = titles[int(rand() * n_titles)] if rand() < 0.4 else ""
            if status == "NEW" and rand() < 0.5:
                opportunity = "0.00"
            else:
                opportunity = amounts[int(rand() * 300)][rand() < 0.1]
            currency = ("USD", "EUR")[int(rand() * 2)] if english else "RUB"
            comment = COMMENTS[int(rand() * n_comments)] if rand() < 0.15 else ""
            phones, emails = channels(person)
            # In LeadRow.KEYS order.
            row = LeadRow(
                [
                    str(number),
                    title,
                    "",
                    person.name,
                    person.second_name,
                    person.last_name,
                    post,
                    company_title,
                    source,
                    status,
                    semantic,
                    opportunity,
                    currency,
                    owner,
                    owner,
                    owner,
                    dates[created],
                    dates[modified],
                    dates[modified] if semantic != "P" else "",
                    "Y",
                    comment,
                    "",
                    "",
                    str(contact),
                    contact_companies[contact - 1] if contact else "0",
                    "Y" if contact and not converted else "N",
                    "N" if phones is MISSING else "Y",
                    "N" if emails is MISSING else "Y",
                    "N",
                    phones,
                    emails,
                    MISSING,
                ]
            )
            # The table starts empty and IDs ascend, so EntityTable.add's checks are not needed.
            rows.append(row)
            ids.append(number)
            by_id[number] = row
        table.next_id = max(table.next_id, total + 1)

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
            # Six deals in ten in the default pipeline, three in repeat sales, one in service:
            # from the number, so the other fields draw what they always drew.
            pipeline = _PIPELINE_OF[number * 7 % 10]
            owner = str(pick(rand, SALES_TEAM))
            title = pick(rand, DEAL_TITLES)
            row: Row = {
                "ID": str(number),
                "TITLE": f"{title}: {client}" if client else title,
                "TYPE_ID": pick(rand, DEAL_TYPES),
                "STAGE_ID": pipeline_stage(pipeline, stage),
                "STAGE_SEMANTIC_ID": semantic,
                "CATEGORY_ID": str(pipeline),
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
