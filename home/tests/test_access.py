"""Every URL of the section and its admin views, against every role."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.test.utils.form_data import querydict_from_html

from home.models import DocumentsPage, EventStatus, MentoringDocument, RoadmapEvent, RoadmapPage
from home.services import mentoring_section_get_or_create
from home.tests.factories import SEED_000, roadmap_page
from portal.roles import AUDITORS, CURATORS, EDITORS
from portal.tests.access import NOT_FOUND, OK, REFUSED, TO_LOGIN, outcome
from portal.tests.factories import ROLES, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(django_user_model):
    roadmap = roadmap_page(events=2)
    section = mentoring_section_get_or_create()
    root = Collection.get_first_root_node()
    public = root.add_child(name="Наставничество")
    internal = public.add_child(name="Внутренние")
    restriction = CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=[EDITORS, CURATORS, AUDITORS]))
    public_document = MentoringDocument(title="Приказ № 1", collection=public)
    public_document.file.save("order.txt", ContentFile(b"order"), save=True)
    private_document = MentoringDocument(title="Протокол совета", collection=internal)
    private_document.file.save("protocol.txt", ContentFile(b"protocol"), save=True)
    documents_page = DocumentsPage(title="Документы", slug="dokumenty", collection=public)
    section.add_child(instance=documents_page)
    return {
        "roadmap": roadmap,
        "section": section,
        "documents_page": documents_page,
        "public_document": public_document,
        "private_document": private_document,
    }


def client_as(client, role):
    user = user_with_role(role)
    if user:
        client.force_login(user)
    return client


PUBLIC_URLS = {
    "home": lambda s: "/",
    "section": lambda s: s["section"].url,
    "roadmap": lambda s: s["roadmap"].url,
    "documents page": lambda s: s["documents_page"].url,
    "search": lambda s: "/search/?q=Мероприятие",
    "public document": lambda s: s["public_document"].url,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", PUBLIC_URLS)
def test_public_section_is_readable_by_every_role(client, site, role, name):
    client = client_as(client, role)

    assert outcome(client.get(PUBLIC_URLS[name](site))) == OK


PRIVATE_DOCUMENT = {
    "anonymous": NOT_FOUND,
    "participant": NOT_FOUND,
    "editor": OK,
    "curator": OK,
    "auditor": OK,
    "superuser": OK,
}


@pytest.mark.parametrize(("role", "expected"), PRIVATE_DOCUMENT.items())
def test_private_document_is_served_only_to_staff_roles(client, site, role, expected):
    client = client_as(client, role)

    assert outcome(client.get(site["private_document"].url)) == expected
    listing = client.get(site["documents_page"].url).content.decode()
    assert ("Протокол совета" in listing) == (expected == OK)


def comparable(body: str, url: str) -> str:
    """The page without what differs by design: its own address and the masked CSRF token."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body.replace(url, ""))


@pytest.mark.parametrize("role", ["anonymous", "participant"])
def test_a_private_document_answers_exactly_like_a_missing_one(client, site, role):
    client = client_as(client, role)
    private = site["private_document"]
    urls = [
        private.url,
        reverse("wagtaildocs_serve", args=[private.pk + 1000, private.filename]),
        reverse("wagtaildocs_serve", args=[private.pk, "other.txt"]),
    ]

    responses = {url: client.get(url) for url in urls}

    assert {response.status_code for response in responses.values()} == {404}
    bodies = {comparable(response.content.decode(), url) for url, response in responses.items()}
    assert len(bodies) == 1


def test_not_found_page_tells_an_anonymous_visitor_some_documents_need_signing_in(client, site):
    url = site["private_document"].url

    body = client.get(url).content.decode()

    assert gettext("Some documents open only after signing in.") in body
    assert f"/accounts/login/?next={url}" in body


@pytest.mark.parametrize("role", ROLES)
def test_login_page_is_shown_to_visitors_and_skipped_by_signed_in_users(client, role):
    client = client_as(client, role)

    response = client.get("/accounts/login/")

    assert response.status_code == (200 if role == "anonymous" else 302)


def test_documents_are_never_served_from_the_media_folder(client, site):
    response = client.get("/media/" + site["public_document"].file.name)

    assert response.status_code == 404


ADMIN_PAGES = {
    # name: (url, {role: expected})
    "dashboard": (
        lambda s: "/admin/",
        {
            "anonymous": TO_LOGIN,
            "participant": TO_LOGIN,
            "editor": OK,
            "curator": OK,
            "auditor": OK,
            "superuser": OK,
        },
    ),
    "roadmap import": (
        lambda s: "/admin/roadmaps/import/",
        {
            "anonymous": TO_LOGIN,
            "participant": TO_LOGIN,
            "editor": OK,
            "curator": REFUSED,
            "auditor": REFUSED,
            "superuser": OK,
        },
    ),
    "roadmap deadlines": (
        lambda s: "/admin/roadmaps/deadlines/",
        {
            "anonymous": TO_LOGIN,
            "participant": TO_LOGIN,
            "editor": OK,
            "curator": OK,
            "auditor": OK,
            "superuser": OK,
        },
    ),
    "roadmap editor": (
        lambda s: f"/admin/pages/{s['roadmap'].pk}/edit/",
        {
            "anonymous": TO_LOGIN,
            "participant": TO_LOGIN,
            "editor": OK,
            "curator": REFUSED,
            "auditor": REFUSED,
            "superuser": OK,
        },
    ),
    "documents library": (
        lambda s: "/admin/documents/",
        {
            "anonymous": TO_LOGIN,
            "participant": TO_LOGIN,
            "editor": OK,
            "curator": REFUSED,
            "auditor": REFUSED,
            "superuser": OK,
        },
    ),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_admin_views_open_only_for_their_roles(client, site, role, name):
    url, expected = ADMIN_PAGES[name]
    client = client_as(client, role)

    assert outcome(client.get(url(site))) == expected[role]


def edit_form_data(client, page, **changes):
    """The page editor's own form data, as the browser would send it, with changes."""
    editor = client_as(client.__class__(), "superuser")
    html = editor.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    for name, value in changes.items():
        data[name] = value
    return data


@pytest.mark.parametrize(
    ("role", "may_edit"),
    [
        ("editor", True),
        ("superuser", True),
        ("curator", False),
        ("auditor", False),
        ("participant", False),
        ("anonymous", False),
    ],
)
def test_only_editors_can_publish_an_event_status_change(client, site, role, may_edit):
    page = site["roadmap"]
    first = RoadmapEvent.objects.filter(stage__page=page).order_by("sort_order").first()
    data = edit_form_data(
        client,
        page,
        **{"stages-0-events-0-status": EventStatus.DONE, "action-publish": "action-publish"},
    )
    client = client_as(client, role)

    client.post(f"/admin/pages/{page.pk}/edit/", data)

    first.refresh_from_db()
    assert (first.status == EventStatus.DONE) == may_edit
    assert RoadmapPage.objects.get(pk=page.pk).live


@pytest.mark.parametrize("role", ["anonymous", "participant", "curator", "auditor"])
def test_roadmap_import_post_is_refused_and_creates_nothing(client, site, role):
    client = client_as(client, role)

    with SEED_000.open("rb") as handle:
        client.post("/admin/roadmaps/import/", {"file": handle})

    assert RoadmapPage.objects.count() == 1
