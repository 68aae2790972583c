"""Numbers in prose, read the way a French or an English reader reads them.

"6,6 milliards", "6.6 milliards", "395 000" (with a normal, no-break or narrow no-break space),
"150 milliards de dollars", "$6.6 billion", "157 billion", "US$141.1 billion", "7,6 %".
Digits are parsed by Babel with the page's locale (decimal comma in French, grouping commas in
English); scale words, currencies and percent signs come from the small tables at the bottom.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import NumberFormatError, parse_decimal

from bilingue import SOURCE_LANGUAGE


@dataclass(frozen=True)
class Quantity:
    """A number found in a text, with what surrounds it."""

    value: float  # scale applied: "6,6 milliards" -> 6.6e9
    text: str  # as written, e.g. "6,6 milliards de dollars"
    start: int  # offsets in the text searched
    end: int
    scaled: bool  # a scale word was written (milliards, billion, k...)
    unit: str | None  # "USD", "EUR", "GBP", "%" or None

    @property
    def is_claim(self) -> bool:
        """Whether the number states a fact worth a source (not "5 ans", not "en 2019").

        A scale word, a currency or a percent makes it a claim; so does a bare number of 1000
        or more, unless it looks like a year.
        """
        if self.scaled or self.unit:
            return True
        is_year = self.value.is_integer() and 1800 <= self.value <= 2100 and self.text.isdigit()
        return self.value >= 1000 and not is_year


def find_quantities(text: str, language: str) -> list[Quantity]:
    """Every number in ``text`` with its scale and unit, in order."""
    found = []
    for match in _QUANTITY.finditer(text):
        number = _parse_number(match.group("number"), language)
        if number is None:
            continue
        scale_word = (match.group("scale") or "").lower()
        if len(scale_word) == 1 and not match.group("prefix"):
            scale_word = ""  # "5 m" is five metres; only "$157B" / "€3M" read as scales
        factor = _SCALES.get(scale_word, _SCALES.get(scale_word.rstrip("s"), 1))
        if language == SOURCE_LANGUAGE and scale_word.startswith("billion"):
            factor = 10**12  # French "billion" is 10^12 (English "billion" is "milliard")
        unit = _unit(match.group("prefix"), match.group("suffix"))
        found.append(
            Quantity(
                float(number * factor),
                match.group(0).strip(),
                match.start(),
                match.end(),
                bool(scale_word),
                unit,
            )
        )
    return found


def relative_difference(stated: float, reference: float) -> float:
    """|stated - reference| / |reference| (0 when both are 0)."""
    if reference == 0:
        return 0.0 if stated == 0 else float("inf")
    return abs(stated - reference) / abs(reference)


def _parse_number(raw: str, language: str) -> Decimal | None:
    if language == SOURCE_LANGUAGE:
        # Babel's French grouping is the narrow no-break space; authors type any space.
        candidate = _SPACES.sub("\u202f", raw)
        if "." in candidate and "," not in candidate and not _DOT_GROUPS.fullmatch(candidate):
            candidate = candidate.replace(".", ",")  # "6.6 milliards" written the English way
        elif _DOT_GROUPS.fullmatch(candidate):
            candidate = candidate.replace(".", "\u202f")  # "1.000.000"
    else:
        candidate = _SPACES.sub("", raw)  # "395 000" in English text (SI style)
    for strict in (True, False):
        try:
            return parse_decimal(candidate, locale=language, strict=strict)
        except NumberFormatError:
            continue
    return None


def _unit(prefix: str | None, suffix: str | None) -> str | None:
    for part in (prefix, suffix):
        if part:
            key = _SPACES.sub(" ", part.strip().lower())
            for pattern, unit in _UNITS:
                if pattern.fullmatch(key):
                    return unit
    return None


# ---------------------------------------------------------------------------------------------------
# Data

_SPACES = re.compile(r"[ \u00a0\u202f]")
_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")

_SCALES = {
    "k": 10**3,
    "mille": 10**3,
    "thousand": 10**3,
    "million": 10**6,
    "m": 10**6,
    "mn": 10**6,
    "milliard": 10**9,
    "md": 10**9,
    "mds": 10**9,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
}

_SP = r"[ \u00a0\u202f]"
_NUMBER = (
    r"\d{1,3}(?:" + _SP + r"\d{3})+(?:,\d+)?"  # 395 000 / 395 000,5 (French grouping)
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 141,109,373,209 / 1,000.5 (English grouping)
    r"|\d{1,3}(?:\.\d{3}){2,}"  # 1.000.000
    r"|\d+(?:[.,]\d+)?"  # 6,6 / 6.6 / 150
)
_SCALE = (
    r"milliards?|millions?|mille|billions?|trillions?|thousand|Mds?|bn|tn|mn"
    r"|k(?=\b)|[MB](?=\b)"
)
_PREFIX = r"US\$|CA\$|C\$|\$|€|£"
_SUFFIX = (
    r"(?:de|d['’])?" + _SP + r"?(?:dollars?(?:" + _SP + r"(?:US|américains|canadiens))?"
    r"|euros?|livres sterling)"
    r"|\$" + _SP + r"?(?:US|CA)?|€|£|USD|EUR|CAD|GBP|dollars|%|pour" + _SP + r"?cent"
    r"|per" + _SP + r"?cent|percent"
)
_QUANTITY = re.compile(
    r"(?<![\w.,\-/])(?P<prefix>" + _PREFIX + r")?" + _SP + r"?"
    r"(?P<number>" + _NUMBER + r")"
    r"(?:" + _SP + r"?(?P<scale>" + _SCALE + r")(?!\w)|(?![\d\w]))"
    r"(?:" + _SP + r"?(?P<suffix>" + _SUFFIX + r")(?![\w]))?",
    re.IGNORECASE,
)

_UNITS = [
    (re.compile(r"us\$|\$|\$ ?us|usd|(?:de |d['’])?dollars?(?: us| américains)?"), "USD"),
    (re.compile(r"ca\$|c\$|\$ ?ca|cad|(?:de |d['’])?dollars? canadiens"), "CAD"),
    (re.compile(r"€|eur|(?:d['’] ?)?euros?"), "EUR"),
    (re.compile(r"£|gbp|(?:de )?livres sterling"), "GBP"),
    (re.compile(r"%|pour ?cent|per ?cent|percent"), "%"),
]
