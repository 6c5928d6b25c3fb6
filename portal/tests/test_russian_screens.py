"""Every admin screen and export of the portal reads in Russian, for every staff role.

The screens are the access matrix's targets (`matrix_urls`) over its data (`matrix_world`):
every page of every registered ModelAdmin, its exports in CSV and XLSX, the project's own admin
pages and the questionnaires' submissions. Each is opened as every staff role that may open
it; the text a reader sees (tags, scripts and styles stripped, of the attributes only the ones
read aloud or shown: title, placeholder, aria-label, alt) must hold no English word and no
Python value (True, False, None), and an export likewise, cell by cell. A word is English when
it is three Latin letters or more and neither a legitimate Latin token (`ALLOWED`) nor the
data's own (the world's usernames, addresses and file names).
"""

import csv
import html
import inspect
import io
import re
from html.parser import HTMLParser

import openpyxl
import pytest
from django.conf import settings
from django.db import transaction
from django.http import HttpResponse
from django.test import Client

from forms_app.models import Invitation
from forms_app.services.invitations import invitation_url
from portal.tests.matrix_urls import Target, all_targets
from portal.tests.matrix_world import build_world
from portal.tests.test_access_matrix import EXCLUDED
from portal.tests.url_patterns import model_admin_of

STAFF_ROLES = ["editor", "curator_a", "auditor_a", "superuser"]
PROJECT_APPS = ("programmes", "forms_app", "portal", "home")
PROJECT_VIEW_NAMES = ("programmes_", "forms_app_", "portal_", "home_", "wagtailforms:")
# Wagtail's own screens where its catalogue lacked Russian: the page explorer's count, the
# document upload's size limit.
WAGTAIL_SCREENS = {"wagtailadmin_explore", "wagtaildocs:add_multiple"}

# Latin words a Russian interface legitimately shows: the admin's brand, the keys of the
# keyboard as printed on them (Wagtail's shortcuts), and file formats («файл XLSX», «.docx»).
ALLOWED = {"Wagtail", "e-mail", "Alt", "Ctrl", "Shift", "Esc", "Enter", "Tab", "IP", "QR", "ID"}
FILE_FORMATS = {"XLSX", "CSV", "DOCX", "PDF", "PNG", "JPG", "JPEG", "ZIP", "TXT"}
PYTHON_VALUES = {"True", "False", "None"}
# A word of two Latin letters or more, hyphenated parts included («e-mail»), that is not a
# Roman numeral («IV-ИК», a birth certificate's series).
WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
ROMAN_NUMERAL = re.compile(r"[IVXLC]+")
SHOWN_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt"}
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
VOID_ELEMENTS |= {"source", "track", "wbr"}


def _is_project_screen(target: Target) -> bool:
    path_route = target.pattern.route
    if not path_route.startswith("admin/"):
        return False
    if model_admin_of(target.pattern) is not None:
        return True
    view = inspect.unwrap(target.pattern.callback)
    module = getattr(getattr(view, "view_class", view), "__module__", "")
    return (
        module.split(".")[0] in PROJECT_APPS
        or target.pattern.name.startswith(PROJECT_VIEW_NAMES)
        or target.pattern.name in WAGTAIL_SCREENS
    )


def _xlsx(target: Target) -> Target:
    return Target(target.pattern, "export xlsx", lambda world: target.make_url(world)[:-3] + "xlsx")


def screens() -> list[Target]:
    targets, _ = all_targets(EXCLUDED)
    found = [target for target in targets if _is_project_screen(target)]
    return found + [_xlsx(target) for target in found if target.variant == "export csv"]


SCREENS = screens()


# --- the data, once per module ---------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def sessions(world, django_db_blocker):
    keys = {}
    with django_db_blocker.unblock():
        for role in STAFF_ROLES:
            client = Client()
            client.force_login(world.users[role])
            keys[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return keys


@pytest.fixture(scope="module")
def own_words(world) -> set[str]:
    """The Latin words of the data itself: usernames, e-mail addresses, file names, the
    invitations' tokens and short links on the test server, and Wagtail's default workflow,
    named in English by its migration."""
    texts = [user.username for user in world.users.values()]
    texts += [person.email for person in world.people.values()]
    texts += list(Invitation.objects.values_list("token", flat=True))
    texts += [
        invitation_url(invitation, base_url="http://testserver")
        for invitation in Invitation.objects.all()
    ]
    texts += [world.objects["workflow"].name, world.objects["task"].name]
    texts.append(world.objects["section"].get_parent().get_parent().title)  # Wagtail's «Root»
    texts += [
        str(getattr(record, attribute))
        for record in world.objects.values()
        for attribute in ("file", "scan", "certificate")
        if getattr(record, attribute, None)
    ]
    return {word for text in texts for word in WORD.findall(text)}


# --- reading what a reader sees --------------------------------------------------------------


class _Visible(HTMLParser):
    """The text of a page and of its shown attributes, without scripts, styles, code (a
    template's placeholders, typed as they are) and elements marked hidden (until a script
    fills them in)."""

    HIDDEN = {"script", "style", "noscript", "code"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0
        self._open: list[tuple[str, bool]] = []  # hidden elements' tags and those inside them

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self._hidden += 1
        elif self._open or any(name == "hidden" for name, _value in attrs):
            if tag not in VOID_ELEMENTS:
                self._open.append(tag)
            return
        self.parts.extend(value for name, value in attrs if name in SHOWN_ATTRIBUTES and value)

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self._hidden:
            self._hidden -= 1
        elif self._open and self._open[-1] == tag:
            self._open.pop()

    def handle_data(self, data):
        if not self._hidden and not self._open:
            self.parts.append(data)


def visible_texts(response) -> list[str]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    content_type = response.get("Content-Type", "")
    if "spreadsheetml" in content_type:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        return [
            str(value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        ]
    text = content.decode("utf-8-sig", "replace")
    if "text/csv" in content_type:
        return [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    if "html" not in content_type:
        return []
    parser = _Visible()
    parser.feed(text)
    return [html.unescape(part) for part in parser.parts]


def _is_foreign(word: str, own: set[str]) -> bool:
    if word in PYTHON_VALUES:
        return True
    legitimate = (
        word in ALLOWED
        or word.upper() in FILE_FORMATS
        or word in own
        or ROMAN_NUMERAL.fullmatch(word)
    )
    return len(word) >= 2 and not legitimate


def foreign_words(texts: list[str], own: set[str]) -> list[str]:
    found = []
    for text in texts:
        stripped = text.strip()
        if stripped in PYTHON_VALUES:
            found.append(stripped)
            continue
        found += [word for word in WORD.findall(text) if _is_foreign(word, own)]
    return found


# --- the screens -----------------------------------------------------------------------------


@pytest.mark.parametrize("role", STAFF_ROLES)
@pytest.mark.parametrize("target", SCREENS, ids=lambda target: target.key)
def test_a_staff_screen_and_its_exports_are_in_russian(
    world, sessions, own_words, db, client, role, target
):
    client.cookies[settings.SESSION_COOKIE_NAME] = sessions[role]

    response = client.get(target.make_url(world))

    if response.status_code != 200:
        return  # refused or sent elsewhere: the access matrix checks who may open what
    found = sorted(set(foreign_words(visible_texts(response), own_words)))
    assert found == [], f"FOUND {target.key} {role}: {' '.join(found)}"


def test_the_check_sees_english_and_python_values():
    own = {"curator"}
    texts = ["Full name", "True", "Отправлено: None", "Файл XLSX", "curator", "1-14 of 14", "IV-ИК"]

    assert foreign_words(texts, own) == ["Full", "name", "True", "None", "of"]


def test_the_check_reads_what_is_shown_and_skips_what_is_hidden():
    response = HttpResponse(
        '<p title="Edit">Да<span hidden>None <b>x</b></span></p><script>var a;</script>'
        '<input placeholder="Search"><img alt="False"><div>Нет</div>'
    )

    assert visible_texts(response) == ["Edit", "Да", "Search", "False", "Нет"]
