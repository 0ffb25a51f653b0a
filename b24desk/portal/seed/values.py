"""Random values shaped like real CRM data: people, phones, e-mails, amounts, bindings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple, TypeVar

from ..state import CrmType, User
from .corpus import (
    EN_NAMES,
    EN_SURNAMES,
    FREE_MAIL_EN,
    FREE_MAIL_RU,
    PATRONYMICS,
    RU_CITY_CODES,
    RU_FEMALE_NAMES,
    RU_MALE_NAMES,
    RU_MOBILE_CODES,
    RU_SURNAMES,
)

T = TypeVar("T")
Rand = Callable[[], float]

TRANSLIT = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
        "я": "ya", " ": "-", "'": "",
    }
)  # fmt: skip


def latin(text: str) -> str:
    return text.lower().translate(TRANSLIT)


def feminine(surname: str) -> str:
    return surname[:-2] + "ая" if surname.endswith("ий") else surname + "а"


def with_latin(names: Iterable[str]) -> tuple[tuple[str, str], ...]:
    return tuple((name, latin(name)) for name in names)


MALE_FIRST = with_latin(RU_MALE_NAMES)
FEMALE_FIRST = with_latin(RU_FEMALE_NAMES)
MALE_LAST = with_latin(RU_SURNAMES)
FEMALE_LAST = with_latin(feminine(name) for name in RU_SURNAMES)
MALE_PATRONYMICS = tuple(male for male, _ in PATRONYMICS)
FEMALE_PATRONYMICS = tuple(female for _, female in PATRONYMICS)
EN_FIRST = with_latin(EN_NAMES)
EN_LAST = with_latin(EN_SURNAMES)
EN_FIRST_SET = frozenset(EN_NAMES)


class Person(NamedTuple):
    name: str
    second_name: str
    last_name: str
    first_latin: str
    last_latin: str
    english: bool


def pick(rand: Rand, items: Sequence[T]) -> T:
    # int(random() * n) is several times faster than Random.choice in the row loops.
    return items[int(rand() * len(items))]


def bindings(
    lead: int = 0, deal: int = 0, contact: int = 0, company: int = 0
) -> dict[CrmType, int]:
    return {
        CrmType.LEAD: lead,
        CrmType.DEAL: deal,
        CrmType.CONTACT: contact,
        CrmType.COMPANY: company,
    }


def random_phone(rand: Rand, english: bool) -> str:
    digits = f"{int(rand() * 10_000_000):07d}"
    if english:
        return pick(rand, ("+44 20 7946 ", "+1 415 555 ")) + digits[:4]
    style = rand()
    if style < 0.2:
        return f"+7 {pick(rand, RU_CITY_CODES)} {digits[:3]}-{digits[3:5]}-{digits[5:]}"
    code = pick(rand, RU_MOBILE_CODES)
    if style < 0.6:
        return f"+7 {code} {digits[:3]}-{digits[3:5]}-{digits[5:]}"
    if style < 0.85:
        return f"+7{code}{digits}"
    return f"8 ({code}) {digits[:3]}-{digits[3:5]}-{digits[5:]}"


def random_email(rand: Rand, person: Person, domain: str = "") -> str:
    domain = domain or pick(rand, FREE_MAIL_EN if person.english else FREE_MAIL_RU)
    style = rand()
    if style < 0.5:
        local = f"{person.first_latin}.{person.last_latin}"
    elif style < 0.8:
        local = f"{person.first_latin[0]}.{person.last_latin}{int(rand() * 90) + 10}"
    else:
        local = f"{person.last_latin}.{person.first_latin}"
    return f"{local}@{domain}"


def random_person(rand: Rand) -> Person:
    # pick() written out: this runs once per CRM row.
    if rand() < 0.12:
        name, name_latin = EN_FIRST[int(rand() * len(EN_FIRST))]
        last, last_latin = EN_LAST[int(rand() * len(EN_LAST))]
        return Person(name, "", last, name_latin, last_latin, True)
    if rand() < 0.5:
        firsts, lasts, patronymics = MALE_FIRST, MALE_LAST, MALE_PATRONYMICS
    else:
        firsts, lasts, patronymics = FEMALE_FIRST, FEMALE_LAST, FEMALE_PATRONYMICS
    name, name_latin = firsts[int(rand() * len(firsts))]
    last, last_latin = lasts[int(rand() * len(lasts))]
    second = patronymics[int(rand() * len(patronymics))] if rand() < 0.5 else ""
    return Person(name, second, last, name_latin, last_latin, False)


def random_amount(rand: Rand) -> str:
    return f"{(int(rand() * 300) + 1) * 500 * (10 if rand() < 0.1 else 1)}.00"


def amount_strings() -> list[tuple[str, str]]:
    """What random_amount can return, indexed by its two draws: [first draw][second < 0.1]."""
    return [(f"{n * 500}.00", f"{n * 5000}.00") for n in range(1, 301)]


def joined_text(user: User) -> str:
    verb = "присоединилась" if user.gender == "F" else "присоединился"
    return f"[USER={user.id}]{user.full_name}[/USER] {verb} к чату"
