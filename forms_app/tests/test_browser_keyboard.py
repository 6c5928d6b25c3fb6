"""In a real browser, with the keyboard alone: a visitor fills in a questionnaire of every kind
of question (text, a choice, checkboxes, a 1–10 scale, the consent box), sends it with Enter
and reads the thank-you page; each stop of the Tab key shows where the focus is. The same
questionnaire, with its errors shown, has no serious accessibility fault by axe-core.
"""

import pytest
from playwright.sync_api import expect

from forms_app.models import (
    QuestionnaireAccess,
    QuestionnaireField,
    QuestionnaireKind,
    QuestionnaireSubmission,
)
from forms_app.tests.factories import questionnaire_page
from portal.tests.browser import DESKTOP, PHONE, assert_no_serious_axe_violations, new_context
from programmes.tests.factories import OrganisationFactory

FIELDS = [
    ("Как тебя зовут?", "singleline", ""),
    ("Что ты хочешь узнать от наставника?", "multiline", ""),
    ("Какой формат встреч тебе удобнее?", "radio", ""),
    ("Твой класс", "dropdown", ""),
    ("Какие темы интересны?", "checkboxes", ""),
    ("Насколько тебе интересно участие?", "rating_10", ""),
    ("Я согласен(на) на обработку ответов анкеты", "checkbox", ""),
]
CHOICES = {
    "radio": "Очно\nОнлайн",
    "dropdown": "7 класс\n8 класс\n9 класс",
    "checkboxes": "Программирование\nРобототехника\nШахматы",
}

# Where the focus is and whether it shows: the focused element's outline, or for a scale's
# hidden radio the outline of the box (its label) around it.
FOCUS = """
() => {
    const element = document.activeElement;
    const shown = (node) => node && getComputedStyle(node).outlineStyle !== "none"
        && parseFloat(getComputedStyle(node).outlineWidth) > 0;
    return {
        name: element.name || "",
        tag: element.tagName.toLowerCase(),
        type: element.type || "",
        text: (element.textContent || "").trim(),
        visible: shown(element) || shown(element.closest("label")),
    };
}
"""


def all_questions_page():
    page = questionnaire_page(
        title="Анкета для клавиатуры",
        kind=QuestionnaireKind.FREE,
        access=QuestionnaireAccess.ANYONE,
        organisation=OrganisationFactory(),
        fields=FIELDS,
    )
    for question in QuestionnaireField.objects.filter(page=page):
        if question.field_type in CHOICES:
            question.choices = CHOICES[question.field_type]
            question.save()
    return page


def tab_to(page, name: str, *, limit: int = 40) -> dict:
    """Press Tab until the field called `name` has the focus; fail if it never comes."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        assert focus["visible"], f"the focus on {focus} is not visible"
        if focus["name"] == name:
            return focus
    raise AssertionError(f"Tab never reached the field {name}")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_questionnaire_is_completed_with_the_keyboard_alone(live_server, browser, wagtail_site):
    questionnaire = all_questions_page()
    names = [field.clean_name for field in questionnaire.get_form_fields()]
    name, wish, meeting_format, grade, topics, interest, agree = names
    context = new_context(browser, PHONE)
    page = context.new_page()
    page.goto(live_server.url + questionnaire.url)

    # The first stop is the link past the header, and it leads into the page's content.
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUS)["text"] == "Перейти к содержанию"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"

    tab_to(page, name)
    page.keyboard.type("Вася")
    tab_to(page, wish)
    page.keyboard.type("Хочу научиться решать олимпиадные задачи")
    # A radio group is one stop: the arrows choose within it.
    tab_to(page, meeting_format)
    page.keyboard.press("ArrowDown")
    tab_to(page, grade)
    # The list opens on «— выберите —»: two steps down reach the second class.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    # Each checkbox is a stop of its own: Space ticks it.
    tab_to(page, topics)
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    # The 1–10 scale: the arrows move from 1 up to 7.
    tab_to(page, interest)
    for _ in range(6):
        page.keyboard.press("ArrowRight")
    tab_to(page, agree)
    page.keyboard.press("Space")
    focus = tab_to(page, "")
    assert focus["tag"] == "button", f"after the last question the focus is on {focus}"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    errors = page.locator(".form__field--error, .form__errors").all_inner_texts()
    assert not errors, (page.url, errors)
    page.wait_for_url("**?sent=1")
    expect(page.locator("main")).to_contain_text("Спасибо")
    context.close()
    answer = QuestionnaireSubmission.objects.get(page=questionnaire).get_data()
    assert answer[name] == "Вася"
    assert answer[wish] == "Хочу научиться решать олимпиадные задачи"
    assert answer[meeting_format] == "Онлайн"
    assert answer[grade] == "8 класс"
    assert answer[topics] == ["Робототехника", "Шахматы"]
    assert str(answer[interest]) == "7"
    assert answer[agree] is True


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_questionnaire_and_its_errors_pass_axe_on_both_screens(
    live_server, browser, wagtail_site
):
    questionnaire = all_questions_page()
    for viewport in (PHONE, DESKTOP):
        context = new_context(browser, viewport)
        page = context.new_page()
        page.goto(live_server.url + questionnaire.url)
        assert_no_serious_axe_violations(page)
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state("networkidle")
        expect(page.locator(".form__error").first).to_be_visible()
        assert_no_serious_axe_violations(page)
        context.close()
