"""How authors type deadlines: one spelling for many, and the words dates are made of."""

import re

# A time of day beside a date («31 августа 10:00», «07.05.2015 15.00», «08:30 - 12:30»);
# «15.00» cannot be a date, as no month is numbered 00.
TIME = re.compile(r"\b\d{1,2}(?::\d{2}|\.00)\b(?:\s*[-–—]\s*\d{1,2}[:.]\d{2}\b)?")
# «3 .05. 2015», «20. 11.2019»: spaces typed inside a date.
SPACED_DATE = re.compile(r"(\d)\s*\.\s*(?=\d)")
# «19.01.-23.01.2014», «С 25.04. – 7.05.»: a dot left after a day and month.
DANGLING_DOT = re.compile(r"(\d{1,2}\.\d{1,2})\.(?=[\s,;-]|$)")
DASH = re.compile(r"\s*[-‐‑‒–—―−]\s*")
SLASH = re.compile(r"\s*/\s*")
YEAR_SUFFIX = re.compile(r"(\d)\s*(?:года|году|год|г\.\s?г|гг|г)\b\.?")
QUARTER_ABBREVIATION = re.compile(r"\bкв\b\.?")
# Brackets hold asides («2 раза в год (декабрь, май)», «ежегодно (отчёт)»): read them as a list.
BRACKETS = re.compile(r"\s*[()]\s*")
COMMAS = re.compile(r"\s*,[\s,]*")
EDGE_PUNCTUATION = " ,.;:"
FILLER = re.compile(r"^(?:в течение|в период|в|во) ")


def normalise(text: str) -> str:
    """Reduce the many ways authors type one phrase to a single spelling.

    Lower case, «ё» as «е», one plain space for any run of whitespace (non-breaking
    spaces included), no time of day, dates without stray spaces and trailing dots,
    every dash variant as a bare "-", «/» without spaces, brackets
    as commas, «кв.» as «квартал», and no «г.»/«гг.»/«года» after numbers, since the
    year suffix never changes the meaning.
    """
    text = " ".join(text.lower().replace("ё", "е").split())
    text = SPACED_DATE.sub(r"\1.", TIME.sub(" ", text))
    text = DASH.sub("-", " ".join(text.split()))
    text = DANGLING_DOT.sub(r"\1", text)
    text = SLASH.sub("/", text)
    text = YEAR_SUFFIX.sub(r"\1", text)
    text = QUARTER_ABBREVIATION.sub("квартал", text)
    text = COMMAS.sub(", ", BRACKETS.sub(", ", text))
    return text.strip(EDGE_PUNCTUATION)


_SOFT_ENDINGS = ("ь", "я", "е")
_HARD_ENDINGS = ("", "а", "е")
# Nominative, genitive and prepositional endings: «декабрь», «декабря», «декабре».
_MONTH_SPELLINGS = (
    ("январ", _SOFT_ENDINGS),
    ("феврал", _SOFT_ENDINGS),
    ("март", _HARD_ENDINGS),
    ("апрел", _SOFT_ENDINGS),
    ("ма", ("й", "я", "е")),
    ("июн", _SOFT_ENDINGS),
    ("июл", _SOFT_ENDINGS),
    ("август", _HARD_ENDINGS),
    ("сентябр", _SOFT_ENDINGS),
    ("октябр", _SOFT_ENDINGS),
    ("ноябр", _SOFT_ENDINGS),
    ("декабр", _SOFT_ENDINGS),
)
MONTHS = {
    stem + ending: number
    for number, (stem, endings) in enumerate(_MONTH_SPELLINGS, start=1)
    for ending in endings
}
MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
DATE_WORDS = re.compile(rf"\d|\b{MONTH}\b")

# Quarters, half-years, terms and weeks are numbered in Roman or Arabic numerals or
# in words («первое полугодие»); the endings («-й», «ое», «ом») are matched separately.
ORDINALS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
ORDINALS.update({"перв": 1, "втор": 2, "трет": 3, "четверт": 4})
ORDINAL = "(?:" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + ")"
ORDINAL_ENDING = r"(?:-?[а-я]+)?"
# «квартал» and «полугодие» split the year into blocks of this many months.
BLOCK_MONTHS = {"квартал": 3, "полугоди": 6}
BLOCK_UNIT = "(?:" + "|".join(BLOCK_MONTHS) + ")"
# «2024/2025 учебный год», «2024-25 уч. г.»; a slash alone marks a school year too.
SCHOOL_YEAR = (
    r"(?:(?P<sy_first>\d{4})-(?P<sy_last>\d{4}|\d{2}) (?:учебн[а-я]*|уч\.?) ?(?:год[а-я]*|г\.?)"
    r"|(?P<slash_first>\d{4})/(?P<slash_last>\d{4}|\d{2})(?: (?:учебн[а-я]*|уч\.?) ?(?:год[а-я]*|г\.?))?)"
)
# «учебного года» without years: the school year the roadmap period chooses.
ANY_SCHOOL_YEAR = r"(?:учебн[а-я]*|уч\.?) ?(?:год[а-я]*|г\.?)"


def full_year(digits: str | None) -> int | None:
    """Expand two-digit years («28.02.23») into this century: roadmaps only ever mean 20xx."""
    if digits is None:
        return None
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def school_years(match: re.Match[str]) -> tuple[int, int] | None:
    """The first and last calendar years of a ``SCHOOL_YEAR`` match; ``None`` when absent.

    The last year may be written with two digits («2024-25»): it takes the first's century.
    """
    first = match["sy_first"] or match["slash_first"]
    if first is None:
        return None
    last = match["sy_last"] or match["slash_last"]
    return int(first), int(first[: 4 - len(last)] + last)
