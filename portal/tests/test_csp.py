"""The Content-Security-Policy: on every HTML answer, with a nonce only for Wagtail's initialisers."""

import io
import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from forms_app.models import ConsentPage, QuestionnairePage
from home.models import DocumentsPage, MentoringSectionPage, RegulationsPage, RoadmapPage
from home.tests.factories import roadmap_page
from portal.csp import is_wagtail_initialiser, nonce_wagtail_initialisers
from programmes.models import Pair

pytestmark = pytest.mark.django_db

HEADER = "Content-Security-Policy"
NONCE = re.compile(r"'nonce-([^']+)'")


def policy_of(response, directive: str) -> list[str] | None:
    return directives(response).get(directive)


def directives(response) -> dict[str, list[str]]:
    policy = {}
    for part in response[HEADER].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


@pytest.fixture
def demo():
    call_command("load_demo", password="demo-password", force=True, stdout=io.StringIO())


def signed_in(username: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def url_of(model) -> str:
    return model.objects.live().first().url


def test_every_html_answer_carries_the_policy(demo):
    public = [
        "/",
        url_of(MentoringSectionPage),
        url_of(RegulationsPage),
        url_of(RoadmapPage),
        url_of(DocumentsPage),
        "/search/?q=план",
        url_of(QuestionnairePage),
        url_of(ConsentPage),
        "/accounts/login/",
        "/no-such-page/",
    ]
    pair = Pair.objects.first()
    roadmap = RoadmapPage.objects.first()
    admin = [
        "/admin/",
        f"/admin/pages/{roadmap.get_parent().pk}/",
        f"/admin/pages/{roadmap.pk}/edit/",
        "/admin/programmes/pair/",
        f"/admin/programmes/pair/edit/{pair.pk}/",
        "/admin/journal/",
        "/admin/documents/",
    ]
    anonymous = [(url, Client().get(url)) for url in public]
    signed = [("/cabinet/", signed_in("mentor").get("/cabinet/"))]
    signed += [(url, signed_in("admin").get(url)) for url in admin]

    for url, response in anonymous + signed:
        assert response.status_code == (404 if url == "/no-such-page/" else 200), url
        assert response["Content-Type"].startswith("text/html"), url
        policy = directives(response)
        assert policy["default-src"] == ["'self'"], url
        assert policy["script-src"][0] == "'self'", url
        assert "'unsafe-inline'" not in policy["script-src"], url
        assert "'unsafe-eval'" not in policy["script-src"], url
        assert policy["object-src"] == ["'none'"], url
        assert policy["base-uri"] == ["'self'"], url
        assert policy["form-action"] == ["'self'"], url
        assert policy["frame-ancestors"] == ["'self'"], url
    for url, response in anonymous:
        # The public templates have no inline code: no nonce, no inline style.
        assert not NONCE.search(response[HEADER]), url
        assert "nonce=" not in response.content.decode(), url
        assert policy_of(response, "style-src") == ["'self'"], url
        assert policy_of(response, "style-src-elem") is None, url
        assert policy_of(response, "img-src") == ["'self'"], url


def test_the_admin_gives_the_nonce_to_wagtails_initialisers_only(admin_client):
    roadmap = roadmap_page(events=2)

    response = admin_client.get(f"/admin/pages/{roadmap.pk}/edit/")

    nonce = NONCE.search(response[HEADER]).group(1)
    scripts = re.findall(
        r"<script( nonce=\"[^\"]*\")?>(.*?)</script>", response.content.decode(), re.DOTALL
    )
    assert scripts
    for attribute, body in scripts:
        assert attribute == f' nonce="{nonce}"', body[:80]
    bodies = " ".join(body for _, body in scripts)
    for initialiser in ("initDateChooser(", "new DocumentChooser(", "new InlinePanel("):
        assert initialiser in bodies


def test_each_admin_answer_has_a_nonce_of_its_own(admin_client):
    url = f"/admin/pages/{roadmap_page(events=1).pk}/edit/"

    first, second = admin_client.get(url), admin_client.get(url)

    assert NONCE.search(first[HEADER]).group(1) != NONCE.search(second[HEADER]).group(1)


@pytest.mark.parametrize(
    "script",
    [
        'initDateChooser("id_period_start", {"dayOfWeekStart": 1, "format": "d.m.Y"});',
        'initDateTimeChooser("id_go_live_at", {"dayOfWeekStart": 1, "format": "d.m.Y H:i"});',
        'initDateChooser("id_stages\\u002D0\\u002Devents\\u002D1\\u002Ddeadline_end", {});',
        'new DocumentChooser("id_signed_copy", {"modalUrl": "/admin/documents/chooser/"});',
        'new PageChooser("id_page", {"modelNames": ["wagtailcore.page"], "userPerms": null});',
        'createTaskChooser("id_task");',
        '(function() {\n    var panel = new InlinePanel(JSON.parse("{\\u0022type\\u0022: 1}"));\n})();',
    ],
)
def test_wagtails_initialisers_are_recognised(script):
    assert is_wagtail_initialiser(script)


@pytest.mark.parametrize(
    "script",
    [
        "alert(1);",
        'initDateChooser("id", {}); alert(1);',
        'initDateChooser("id", {}); alert({});',
        'initDateChooser("id", {"a": alert(1)});',
        'initDateChooser("id" + alert(1), {});',
        'initDateChooser("id", {});\nfetch("/admin/")',
        'new Function("alert(1)", {});',
        'new DocumentChooser("id", {"a": "</script><script>alert(1)//"});',
        '(function() { var panel = new InlinePanel(JSON.parse("{}")); alert(1); })();',
        '(function() { var panel = new InlinePanel(JSON.parse("" + alert(1))); })();',
        'initDateChooser("<!--<script>", {});',
    ],
)
def test_any_other_inline_script_is_not_recognised(script):
    assert not is_wagtail_initialiser(script)


def test_only_recognised_scripts_get_the_nonce():
    html = (
        '<script>initDateChooser("id_a", {});</script>'
        "<script>alert(1)</script>"
        '<script src="/static/a.js"></script>'
        '<script type="application/json">{}</script>'
    )

    nonced = nonce_wagtail_initialisers(html, "abc")

    assert nonced == (
        '<script nonce="abc">initDateChooser("id_a", {});</script>'
        "<script>alert(1)</script>"
        '<script src="/static/a.js"></script>'
        '<script type="application/json">{}</script>'
    )


def test_our_templates_have_no_inline_code():
    inline = re.compile(
        r"<script(?![^>]*\b(?:src=|type=\"application/json\"))[^>]*>|<style\b|\sstyle=|\son[a-z]+=|javascript:",
        re.IGNORECASE,
    )
    found = [
        f"{template.relative_to(settings.BASE_DIR)}: {match.group(0)}"
        for app in ("portal", "home", "programmes", "forms_app")
        for template in (settings.BASE_DIR / app / "templates").rglob("*.html")
        for match in inline.finditer(template.read_text())
    ]

    assert found == []


def test_no_gravatar_leaves_the_site(admin_client):
    response = admin_client.get("/admin/")

    assert "gravatar" not in response.content.decode()
