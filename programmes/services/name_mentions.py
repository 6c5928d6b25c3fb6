"""How a person's name is found in free text that staff typed: any of its Russian cases.

Erasure replaces the name wherever a curator may have written it («Встреча с Ивановой»), so
the pattern has to match the declined forms of a surname too, not only the full name.
"""

import re
from collections.abc import Iterable

# Endings dropped from a surname to find its other cases: Иванова → Иванов(у|ой|ым…).
SURNAME_ENDINGS = ("ая", "яя", "ий", "ой", "ый", "а", "я")
MIN_STEM = 4


def _surname_regex(surname: str) -> str:
    stem = surname
    for ending in SURNAME_ENDINGS:
        if stem.lower().endswith(ending) and len(stem) - len(ending) >= MIN_STEM:
            stem = stem[: -len(ending)]
            break
    if len(stem) < MIN_STEM:
        return rf"(?<!\w){re.escape(surname)}(?!\w)"
    return rf"(?<!\w){re.escape(stem)}\w{{0,3}}(?!\w)"


def name_pattern(names: Iterable[str]) -> re.Pattern | None:
    """A pattern for the ways a person's name is written in free text.

    The full name, the first name with the patronymic, and the surname in any case ending
    (Иванов, Иванова, Иванову, Ивановой…). The first name alone is left: it names nobody.
    """
    variants = set()
    surnames = set()
    for name in names:
        parts = (name or "").split()
        if not parts:
            continue
        variants.add(r"\s+".join(re.escape(part) for part in parts))
        if len(parts) >= 3:
            variants.add(r"\s+".join(re.escape(part) for part in parts[1:3]))
        surnames.add(parts[0])
    alternatives = sorted(variants, key=len, reverse=True) + [
        _surname_regex(surname) for surname in sorted(surnames, key=len, reverse=True)
    ]
    if not alternatives:
        return None
    return re.compile("|".join(f"(?:{alternative})" for alternative in alternatives), re.IGNORECASE)
