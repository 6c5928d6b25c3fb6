"""The access matrix: every URL of the portal, as every role, with no server error and no leak.

The URLs come from the resolver (`matrix_urls`), the data from `matrix_world`: organisation A
with every kind of record, organisation B with staff of its own. Each cell is one URL as one
role; it fails on a server error, on one of A's people named in a response to a role that may
not see them, and, for a write URL a role may not use, on a POST that is not refused or that
sends the database any statement that changes data. Who may see what of A's people:

- A's curator and auditor, and superusers: everything;
- anonymous visitors, editors, B's curator and auditor: nothing;
- a mentee or a mentor: themselves anywhere, the people of their own pair by name on their
  cabinet pages, nobody's contacts but their own.

Known leaks being fixed elsewhere are strict expected failures (`KNOWN_LEAKS`): once fixed,
their cells pass, fail as XPASS, and the entry must go.
"""

import contextlib
import io
import json
import re

import docx
import openpyxl
import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import resolve

from portal.tests.matrix_urls import all_targets
from portal.tests.matrix_world import PRIVATE_TEXT, build_world
from portal.tests.url_patterns import model_admin_of, url_patterns
from programmes.models.records import organisation_path_of

ROLES = [
    "anonymous",
    "mentee",
    "mentor",
    "editor",
    "curator_a",
    "auditor_a",
    "superuser",
    "curator_b",
    "auditor_b",
]
ENTITLED = {"curator_a", "auditor_a", "superuser"}
PAIR_PEOPLE = {"mentee": ("mentor", "classmate"), "mentor": ("mentee", "classmate")}
# Who came to the group meeting: on its preference questionnaire they choose among each other.
GROUP_MEETING_ATTENDEES = ("mentor", "other_mentor", "other_mentee")
# The private document is restricted to these groups' members (by role, not organisation).
PRIVATE_DOCUMENT_READERS = {
    "editor",
    "curator_a",
    "auditor_a",
    "superuser",
    "curator_b",
    "auditor_b",
}
PRIVATE_DOCUMENT = ["Протокол совета", PRIVATE_TEXT]

# {(pattern name, variant, role): reason} of cells that leak today, as strict expected
# failures: a fixed leak fails the test until its entry goes. None at present.
KNOWN_LEAKS: dict[tuple[str, str, str], str] = {}

# Patterns that are no cell of the matrix: why, and what covers them instead.
EXCLUDED = {
    "admin/forms/submissions/<int:page_id>/delete/ [wagtailforms:delete_submissions]": (
        "shadowed: forms_app registers the same route first (forms_app_delete_submissions), "
        "which answers every request for it and is a target of the matrix"
    ),
    "admin/forms/ [wagtailforms:index]": (
        "shadowed: forms_app registers the same route first (forms_app_questionnaires), "
        "which answers every request for it and is a target of the matrix"
    ),
    "admin/forms/results/ [wagtailforms:index_results]": (
        "shadowed: forms_app_questionnaires_results answers the same route first and is a "
        "target of the matrix"
    ),
    "admin/reports/site-history/ [wagtailadmin_reports:site_history]": (
        "shadowed: programmes_site_history answers the same route first (Wagtail's report "
        "without organisations' records) and is a target of the matrix"
    ),
    "admin/reports/site-history/results/ [wagtailadmin_reports:site_history_results]": (
        "shadowed: programmes_site_history_results answers the same route first and is a "
        "target of the matrix"
    ),
    "admin/failwhale/ [wagtailadmin_error_test]": (
        "Wagtail's deliberate server error, for checking that error reports reach the "
        "administrators: it raises for every admin user by design and reads no data; "
        "anonymous visitors and participants are sent to sign in before it, as on every "
        "admin URL the matrix does cover"
    ),
}

TARGETS, UNHANDLED = all_targets(EXCLUDED)


def _cell(target, role):
    reason = KNOWN_LEAKS.get((target.pattern.name, target.variant, role))
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(target, role, id=f"{role}:{target.key}", marks=marks)


# --- who may write what ----------------------------------------------------------------------

# Where editors legitimately write: pages, documents and images, answers of pages they edit,
# roadmap imports, and the list of mentoring forms.
EDITOR_WRITES = (
    "admin/pages/",
    "admin/api/main/pages/",
    "admin/bulk/",
    "admin/documents/",
    "admin/images/",
    "admin/forms/submissions/",
    "admin/roadmaps/import/",
    "admin/editing-sessions/",
    "admin/programmes/mentoringform/create/",
    "admin/programmes/mentoringform/edit/",
)


def may_not_write(role: str, target) -> bool:
    """Whether the role must be refused a POST to the target (a write URL of A's data)."""
    route, action = target.pattern.route, target.action
    if role in ("curator_a", "superuser"):
        return False
    if action == "consent_withdrawal":  # the mentee's own consent, in their cabinet
        return role != "mentee"
    if action == "feedback":  # a meeting of the mentee's and the mentor's pair
        return role not in ("mentee", "mentor")
    if action == "meeting_held":  # a meeting of the mentor's own pair
        return role != "mentor"
    if action in ("plan", "plan_task_new", "plan_task"):  # the plan of the mentor's mentee
        return role != "mentor"
    if role == "editor":
        return not route.startswith(EDITOR_WRITES)
    if role == "curator_b":
        # Curators add records of their own organisation and keep the shared ones (the
        # mentoring forms).
        model_admin = model_admin_of(target.pattern)
        if model_admin is not None and organisation_path_of(model_admin.model) is None:
            return False
        return not (action == "create" and route.startswith("admin/programmes/")) and (
            action != "forms_app_invitation_create"
        )
    return True


GET_CELLS = [_cell(target, role) for target in TARGETS for role in ROLES]
POST_CELLS = [
    pytest.param(target, role, id=f"{role}:{target.key}")
    for target in TARGETS
    if target.writes
    for role in ROLES
    if may_not_write(role, target)
]


# --- the data, once per module ---------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def sessions(world, django_db_blocker):
    """A signed-in session per role, made once: each cell only sends its cookie."""
    keys = {}
    with django_db_blocker.unblock():
        for role, user in world.users.items():
            client = Client()
            client.force_login(user)
            keys[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return keys


@pytest.fixture
def as_role(sessions, db, client):
    def login(role):
        client.raise_request_exception = False
        if role != "anonymous":
            client.cookies[settings.SESSION_COOKIE_NAME] = sessions[role]
        return client

    return login


# --- reading a response ----------------------------------------------------------------------


def response_text(response) -> str:
    """Everything a reader gets: headers that can carry names, and the body decoded."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    content_type = response.get("Content-Type", "")
    parts = [response.get("Location", ""), response.get("Content-Disposition", "")]
    if "wordprocessingml" in content_type:
        document = docx.Document(io.BytesIO(content))
        parts.extend(paragraph.text for paragraph in document.paragraphs)
        for table in document.tables:
            parts.extend(cell.text for row in table.rows for cell in row.cells)
    elif "spreadsheetml" in content_type:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                parts.extend(str(value) for value in row if value is not None)
    else:
        text = content.decode("utf-8", "replace")
        if "json" in content_type:
            with contextlib.suppress(ValueError):
                text = json.dumps(json.loads(text), ensure_ascii=False)
        parts.append(text)
    return "\n".join(parts)


def forbidden_strings(world, role: str, path: str) -> list[str]:
    """What of A's people (and the private document) the role must not read at this path."""
    if role in ENTITLED:
        return []
    strings = [] if role in PRIVATE_DOCUMENT_READERS else list(PRIVATE_DOCUMENT)
    on_cabinet = path.startswith("/cabinet/")
    names_shown = set(PAIR_PEOPLE.get(role, ())) if on_cabinet else set()
    if role in GROUP_MEETING_ATTENDEES and path == world.objects["preference_page"].url:
        names_shown |= set(GROUP_MEETING_ATTENDEES)
    for key, person in world.people.items():
        if key == role:  # a mentee's or a mentor's own data
            continue
        if key in names_shown:
            strings += person.secrets()[1:]  # the name is theirs to see, the contacts are not
        else:
            strings += person.secrets()
    return strings


def _check_resolves(target, path):
    match = resolve(path.split("?")[0])
    reached = match.route == target.pattern.route and (
        not target.pattern.name or match.view_name == target.pattern.name
    )
    assert reached, f"{path} does not reach {target.key}"


# --- the matrix --------------------------------------------------------------------------------


def test_every_url_pattern_is_in_the_matrix_or_excluded_with_a_reason():
    keys = {pattern.key for pattern in url_patterns()}

    assert [pattern.key for pattern in UNHANDLED] == []
    assert [key for key in EXCLUDED if key not in keys] == [], "excluded, but no such pattern"
    assert all(reason.strip() for reason in EXCLUDED.values())


def test_the_matrix_would_see_a_leak_and_a_write(world, as_role):
    """The checks are not vacuous: the entitled do read A's people, and a write shows."""
    mentee = world.people["mentee"]
    client = as_role("curator_a")
    participants = response_text(client.get("/admin/programmes/participant/"))
    export = response_text(client.get("/admin/programmes/participant/?export=csv"))
    partner = world.objects["partner"]

    with CaptureQueriesContext(connection) as queries:
        client.post(f"/admin/programmes/partnerorganisation/delete/{partner.pk}/")

    assert mentee.name in participants and mentee.name in export
    assert set(mentee.secrets()) <= set(forbidden_strings(world, "editor", "/admin/"))
    assert any("programmes_partnerorganisation" in sql for sql in data_writes(queries))


@pytest.mark.parametrize(("target", "role"), GET_CELLS)
def test_a_get_gives_no_server_error_and_no_personal_data_it_may_not(world, as_role, target, role):
    url = target.make_url(world)
    _check_resolves(target, url)

    response = as_role(role).get(url)

    assert response.status_code < 500, getattr(response, "exc_info", None)
    text = response_text(response)
    assert [s for s in forbidden_strings(world, role, url) if s in text] == []


# Tables written without anyone writing data: the session store, and Wagtail's profile of
# interface preferences, made when a user first sees a page.
NOT_DATA = ("django_session", "wagtailusers_userprofile")
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


def data_writes(queries) -> list[str]:
    """The statements among `queries` that changed (or tried to change) data."""
    return [
        query["sql"][:200]
        for query in queries
        if WRITE.match(query["sql"]) and not any(table in query["sql"] for table in NOT_DATA)
    ]


@pytest.mark.parametrize(("target", "role"), POST_CELLS)
def test_a_write_by_a_role_that_may_not_is_refused_and_changes_nothing(
    world, as_role, target, role
):
    url = target.make_url(world)
    client = as_role(role)

    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, {})

    assert response.status_code < 500, getattr(response, "exc_info", None)
    assert data_writes(queries) == []
    assert response.status_code != 200, "the POST was taken, not refused"
