"""The interface speaks Russian: every catalogue is complete and compiled.

Each app keeps its catalogue in ``<app>/locale/ru/LC_MESSAGES/django.po`` and the compiled
``django.mo`` beside it (committed, so the portal runs without GNU gettext). After changing
interface strings run ``make messages``, translate what is new and compile again.
"""

import gettext
import re
from dataclasses import dataclass, field
from pathlib import Path

import django
import pytest
from django.template import Context, Template
from django.utils import translation

from home.models import RoadmapPage

REPO_ROOT = Path(__file__).resolve().parents[2]
# The apps' folders: portal/ and the like, and benchmarks/scale/ a level deeper.
CATALOGUES = sorted(
    path
    for pattern in ("*/locale/ru/LC_MESSAGES/django.po", "*/*/locale/ru/LC_MESSAGES/django.po")
    for path in REPO_ROOT.glob(pattern)
    if not path.relative_to(REPO_ROOT).parts[0].startswith(".")
)
DJANGO_RU_CATALOGUE = (
    Path(django.__file__).parent / "conf" / "locale" / "ru" / "LC_MESSAGES" / "django.po"
)
PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


# --- a small .po reader (the standard library has none, and polib is not a dependency) ---


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None

    def __str__(self) -> str:
        context = f"[{self.msgctxt}] " if self.msgctxt is not None else ""
        return f"line {self.line}: {context}{self.msgid!r}"


def _unquote(text: str) -> str:
    text = text.strip()
    assert text.startswith('"') and text.endswith('"'), f"not a quoted string: {text}"
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), m.group(0)), text[1:-1])


def read_po(path: Path) -> list[Entry]:
    """Entries of a .po file, header included; obsolete (``#~``) entries are skipped."""
    entries: list[Entry] = []
    entry, key = Entry(), None

    def finish():
        nonlocal entry, key
        if key is not None:
            entries.append(entry)
        entry, key = Entry(), None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
        elif line.startswith("#"):
            if key is not None and key.startswith("msgstr"):
                finish()
            if line.startswith("#,"):
                entry.flags.update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith('"'):
            value = _unquote(line)
            if key.startswith("msgstr"):
                entry.msgstr[int(key[7:-1]) if "[" in key else 0] += value
            else:
                setattr(entry, key, getattr(entry, key) + value)
        else:
            keyword, _, rest = line.partition(" ")
            if keyword in ("msgctxt", "msgid") and key is not None and key.startswith("msgstr"):
                finish()
            key = keyword
            if not entry.line:
                entry.line = number
            value = _unquote(rest)
            if keyword.startswith("msgstr"):
                entry.msgstr[int(keyword[7:-1]) if "[" in keyword else 0] = value
            else:
                setattr(entry, keyword, value)
    finish()
    return entries


def header_field(entries: list[Entry], name: str) -> str:
    header = next(entry for entry in entries if entry.is_header)
    for line in header.msgstr[0].splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == name.lower():
            return value.strip()
    raise AssertionError(f"the header has no {name}")


def catalogue_id(path: Path) -> str:
    """The app's folder: the part of the path before ``locale/ru/LC_MESSAGES/django.po``."""
    return path.relative_to(REPO_ROOT).parents[3].as_posix()


def messages(path: Path) -> list[Entry]:
    return [entry for entry in read_po(path) if not entry.is_header]


# --- the tests ---


def test_the_portal_and_the_mentoring_section_have_russian_catalogues():
    apps = {catalogue_id(path) for path in CATALOGUES}
    assert {"portal", "home"} <= apps
    for app in ("portal", "home"):
        assert messages(REPO_ROOT / app / "locale/ru/LC_MESSAGES/django.po")


@pytest.mark.parametrize("path", CATALOGUES, ids=catalogue_id)
def test_every_interface_string_has_a_russian_translation(path):
    entries = read_po(path)
    nplurals = int(re.search(r"nplurals=(\d+)", header_field(entries, "Plural-Forms"))[1])
    assert header_field(entries, "Language") == "ru"

    fuzzy = [str(entry) for entry in entries if "fuzzy" in entry.flags]
    assert not fuzzy, f"{path}: fuzzy entries (review them and drop the flag): {fuzzy}"

    untranslated = []
    for entry in entries:
        if entry.is_header:
            continue
        expected_forms = set(range(nplurals)) if entry.msgid_plural is not None else {0}
        if set(entry.msgstr) != expected_forms or not all(entry.msgstr.values()):
            untranslated.append(str(entry))
    assert not untranslated, f"{path}: untranslated entries: {untranslated}"


@pytest.mark.parametrize("path", CATALOGUES, ids=catalogue_id)
def test_russian_plural_rule_is_the_one_django_uses(path):
    ours = header_field(read_po(path), "Plural-Forms")
    djangos = header_field(read_po(DJANGO_RU_CATALOGUE), "Plural-Forms")
    assert re.sub(r"\s", "", ours) == re.sub(r"\s", "", djangos)


@pytest.mark.parametrize("path", CATALOGUES, ids=catalogue_id)
def test_translations_keep_the_placeholders(path):
    changed = []
    for entry in messages(path):
        if "python-format" not in entry.flags:
            continue
        expected = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        for text in entry.msgstr.values():
            if sorted(PLACEHOLDER.findall(text)) != expected:
                changed.append(f"{entry} -> {text!r}")
    assert not changed, f"{path}: placeholders differ: {changed}"


@pytest.mark.parametrize("path", CATALOGUES, ids=catalogue_id)
def test_compiled_catalogue_matches_the_source(path):
    mo_path = path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run compilemessages"
    entries = read_po(path)
    with mo_path.open("rb") as mo_file:
        compiled = gettext.GNUTranslations(mo_file)
    assert compiled.info().get("plural-forms") == header_field(entries, "Plural-Forms")

    stale = []
    for entry in messages(path):
        if entry.msgid_plural is None:
            if entry.msgctxt is None:
                got = compiled.gettext(entry.msgid)
            else:
                got = compiled.pgettext(entry.msgctxt, entry.msgid)
            if got != entry.msgstr[0]:
                stale.append(f"{entry}: {got!r} != {entry.msgstr[0]!r}")
            continue
        for n in (0, 1, 2, 5, 11, 21, 22, 25, 101, 111):
            if entry.msgctxt is None:
                got = compiled.ngettext(entry.msgid, entry.msgid_plural, n)
            else:
                got = compiled.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
            expected = entry.msgstr.get(compiled.plural(n))
            if got != expected:
                stale.append(f"{entry} (n={n}): {got!r} != {expected!r}")
    assert not stale, f"{mo_path} is out of date, run compilemessages: {stale}"


def test_models_are_named_in_russian():
    with translation.override("ru"):
        assert str(RoadmapPage._meta.verbose_name) == "дорожная карта"
        assert str(RoadmapPage._meta.verbose_name_plural) == "дорожные карты"


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "1 мероприятие"),
        (3, "3 мероприятия"),
        (5, "5 мероприятий"),
        (11, "11 мероприятий"),
        (21, "21 мероприятие"),
        (24, "24 мероприятия"),
    ],
)
def test_event_counts_are_declined_in_russian(count, expected):
    template = Template(
        "{% load i18n %}{% blocktranslate count counter=count %}{{ counter }} event"
        "{% plural %}{{ counter }} events{% endblocktranslate %}"
    )
    with translation.override("ru"):
        assert template.render(Context({"count": count})) == expected
