"""How a supervisor's search text is read: folded words, Latin↔Cyrillic, phone digits, IDs.

Both the indexed text and the query go through the same folding, so "Komarov" finds
"Комаров" and "+7 (916) 555-81-02" is found by "5558102" or "8 916 555".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Cyrillic to Latin as Russian names are commonly written in passports and e-mails.
_CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}  # fmt: skip
MIN_PHONE_DIGITS = 4
_NOT_WORD = re.compile(r"[^\w@.+-]+")
_PHONE_TEXT = re.compile(r"^\+?[\d\s()\-.]+$")


def fold(text: str) -> str:
    """Lower case, no accents, single spaces: how every searched text is compared."""
    # NFKD splits "й" into "и" + a combining breve: a letter of its own, so keep it whole.
    decomposed = unicodedata.normalize("NFKD", text.casefold()).replace("и\u0306", "й")
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NOT_WORD.sub(" ", kept).split())


def latin(text: str) -> str:
    """A folded text in one Latin spelling: "Комаров" and "Komarov" both become "komarov"."""
    return "".join(_CYRILLIC_TO_LATIN.get(c, c) for c in fold(text))


def phone_digits(text: str) -> str:
    """The digits of a phone number, with a Russian trunk 8 read as the country code 7."""
    digits = "".join(c for c in text if c.isdigit())
    if len(digits) == 11 and digits.startswith("8"):
        digits = "7" + digits[1:]
    return digits


@dataclass(frozen=True, slots=True)
class Query:
    """A search text, read every way it could be meant."""

    text: str
    words: str  # folded
    spelled: str  # folded and in one Latin spelling
    digits: str  # a phone's digits when the text looks like (part of) a phone number
    id: int | None  # when the text is a plain number

    @property
    def empty(self) -> bool:
        return not self.words


def read_query(text: str) -> Query:
    stripped = text.strip()
    words = fold(stripped)
    plain_number = stripped.isdigit()
    digits = ""
    if _PHONE_TEXT.match(stripped):
        digits = "".join(c for c in stripped if c.isdigit())
        if len(digits) < MIN_PHONE_DIGITS:
            digits = ""
    return Query(
        text=stripped,
        words=words,
        spelled=latin(stripped),
        digits=digits,
        id=int(stripped) if plain_number and len(stripped) < 19 else None,
    )


def phone_variants(digits: str) -> tuple[str, ...]:
    """A typed run of digits, and the same with a leading trunk 8 read as 7."""
    if digits.startswith("8") and len(digits) > MIN_PHONE_DIGITS:
        return (digits, "7" + digits[1:])
    return (digits,)
