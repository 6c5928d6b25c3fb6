"""Requests and competences as lemmas, so that «подготовка к ОГЭ по математике» meets
«математика, ОГЭ»: each word is brought to its dictionary form by pymorphy3, and words that
carry no subject (prepositions, conjunctions, «помощь», «подготовка») are dropped.
"""

import re
from functools import lru_cache

import pymorphy3

_WORD = re.compile(r"[А-Яа-яЁёA-Za-z0-9]+")
# A field lists its items on lines or after semicolons; commas stay inside an item
# («математика, ОГЭ» is one competence).
_ITEM_BREAK = re.compile(r"[\n;•·]+")
_FUNCTION_WORDS = {"PREP", "CONJ", "PRCL", "INTJ", "NPRO", "PRED"}
# Words of a request that say what kind of help, not in what.
_GENERIC = {
    "помощь",
    "подготовка",
    "помогать",
    "помочь",
    "хотеть",
    "нужный",
    "научиться",
    "улучшить",
    "развитие",
    "вопрос",
}


@lru_cache(maxsize=1)
def _analyser() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=100_000)
def lemma(word: str) -> str | None:
    """The dictionary form of a word, or None for a word that names no subject."""
    word = word.lower().replace("ё", "е")
    if len(word) < 2 and not word.isdigit():
        return None
    parses = _analyser().parse(word)
    if parses[0].tag.POS in _FUNCTION_WORDS:
        return None
    # A word already in a dictionary form is taken as it is: «математика» is the subject,
    # not the genitive of «математик».
    forms = [parse.normal_form.replace("ё", "е") for parse in parses]
    found = word if word in forms else forms[0]
    return None if found in _GENERIC else found


def items(text: str) -> tuple[str, ...]:
    """The separate requests or competences written in a field."""
    return tuple(
        part.strip(" -–—,.") for part in _ITEM_BREAK.split(text or "") if part.strip(" -–—,.")
    )


def item_lemmas(item: str) -> frozenset[str]:
    return frozenset(found for word in _WORD.findall(item) if (found := lemma(word)))
