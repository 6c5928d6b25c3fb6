"""In a real browser: the public site, the forms, the cabinet and the admin break no rule of the
Content-Security-Policy, so the policy can be enforced without losing a feature.

Chromium reports every blocked script, style, image or frame as a `securitypolicyviolation`
event (collected from every frame through an exposed function) and as a console message.
"""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from forms_app.models import ConsentPage, QuestionnairePage
from home.models import DocumentsPage, MentoringSectionPage, RegulationsPage, RoadmapPage
from programmes.models import Pair

PASSWORD = "Csp-demo-42"
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.reportCspViolation(
        [location.pathname, event.violatedDirective, event.blockedURI, event.sample].join(" | ")
    );
});
"""


class Visitor:
    """A browser context that remembers every policy violation and checks every page's header."""

    def __init__(self, browser, live_server):
        self.server = live_server.url
        self.context = browser.new_context(locale="ru-RU", timezone_id="Europe/Moscow")
        self.violations: list[str] = []
        self.context.expose_function("reportCspViolation", self._violation)
        self.context.add_init_script(REPORT_VIOLATIONS)
        self.page = self.context.new_page()
        self.page.on("console", self._console)

    def _violation(self, text: str) -> None:
        self.violations.append(text)

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text:
            self.violations.append(f"console | {message.text}")

    def open(self, path: str):
        response = self.page.goto(self.server + path)
        assert response.ok, path
        assert "default-src 'self'" in response.headers["content-security-policy"], path
        self.page.wait_for_load_state("networkidle")
        return self.page

    def sign_in(self, username: str, *, admin: bool = False) -> None:
        page = self.open("/admin/login/" if admin else "/accounts/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", PASSWORD)
        page.locator("form button[type=submit]").last.click()
        page.wait_for_load_state("networkidle")

    def close(self) -> list[str]:
        self.page.wait_for_timeout(300)  # violation events are dispatched asynchronously
        self.context.close()
        return self.violations


def live_url(model) -> str:
    return model.objects.live().first().url


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_public_pages_forms_and_cabinet_break_no_policy_rule(
    live_server, browser, wagtail_site, settings
):
    settings.PAGE_CACHE_SECONDS = 300  # a roadmap read twice is served from the cache
    call_command("load_demo", password=PASSWORD, force=True, stdout=io.StringIO())
    anonymous = Visitor(browser, live_server)
    for path in (
        "/",
        live_url(MentoringSectionPage),
        live_url(RegulationsPage),
        live_url(RoadmapPage),
        live_url(RoadmapPage),
        live_url(DocumentsPage),
        "/search/?q=наставник",
    ):
        anonymous.open(path)
    assert anonymous.close() == []

    mentor = Visitor(browser, live_server)
    mentor.sign_in("mentor")
    mentor.open("/cabinet/")
    expect(mentor.page.locator("main")).to_contain_text("Мои пары и группы")
    # The roadmap's print button is a static script now, and the userbar-free page still works.
    mentor.open(live_url(RoadmapPage))

    consent = ConsentPage.objects.get(slug__contains="rasprostranenie")
    page = mentor.open(consent.url)
    page.fill("input[name=subject_name]", "Кузнецова Анна Сергеевна")
    page.fill("input[name=subject_address]", "Московская обл., с. Жуковка, д. 1")
    page.fill("input[name=subject_document]", "паспорт 4600 123456")
    page.fill("input[name=subject_document_date]", "15.05.2010")
    page.fill("input[name=subject_document_issuer]", "ОВД Одинцовского района")
    page.check("input[name=agree]")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("main")).not_to_contain_text("Обязательное поле")

    questionnaire = QuestionnairePage.objects.get(slug="voprosy-i-predlozheniya")
    page = mentor.open(questionnaire.url)
    page.locator("main form textarea").first.fill("Можно ли встречаться по субботам?")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**?sent=1")
    expect(page.locator("main")).to_contain_text("Спасибо")

    assert mentor.close() == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_admins_main_screens_break_no_policy_rule(live_server, browser, wagtail_site):
    call_command("load_demo", password=PASSWORD, force=True, stdout=io.StringIO())
    roadmap = RoadmapPage.objects.live().first()
    questionnaire = QuestionnairePage.objects.live().first()
    pair = Pair.objects.first()
    admin = Visitor(browser, live_server)
    admin.sign_in("admin", admin=True)

    # The userbar on a public page, for someone who may edit it.
    admin.open(roadmap.url)
    expect(admin.page.locator("wagtail-userbar")).to_have_count(1)
    for path in (
        "/admin/",
        f"/admin/pages/{roadmap.get_parent().pk}/",
        f"/admin/pages/{questionnaire.pk}/edit/",
        "/admin/programmes/pair/",
        f"/admin/programmes/pair/edit/{pair.pk}/",
        "/admin/programmes/erasureact/",  # an empty list
        "/admin/journal/",
        "/admin/documents/",
        "/admin/images/",
        f"/admin/questionnaires/{questionnaire.pk}/report/",
    ):
        admin.open(path)

    # The roadmap editor and its live preview, a frame of the same site.
    page = admin.open(f"/admin/pages/{roadmap.pk}/edit/")
    page.locator("button[data-side-panel-toggle='preview']").click()
    preview = page.frame_locator("iframe.w-preview__iframe").last
    expect(preview.locator("h1")).to_contain_text(roadmap.title, timeout=30_000)
    # Wagtail's inline initialisers ran with the nonce, those of a new event too.
    page.locator("#id_stages-0-events-ADD").click()
    total = int(page.locator("#id_stages-0-events-TOTAL_FORMS").input_value())
    new_event = f"id_stages-0-events-{total - 1}"
    bound = "(id) => !!window.jQuery('#' + id).data('xdsoft_datetimepicker')"
    assert page.evaluate(bound, "id_period_start")
    assert page.evaluate(bound, f"{new_event}-deadline_start")
    page.locator(f"#{new_event}-evidence_document-chooser [data-chooser-action-choose]").click()
    expect(page.locator(".modal-content")).to_contain_text("Выберите документ")

    assert admin.close() == []
