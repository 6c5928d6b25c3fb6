"""Demo questionnaires, one of each kind, with realistic answers for the results report."""

import random

from django.db import transaction

from forms_app.defaults import add_default_questions
from forms_app.models import (
    ConsentPage,
    QuestionnaireAccess,
    QuestionnaireKind,
    QuestionnairePage,
    QuestionnaireSubmission,
)
from home.services import ascii_slug, mentoring_section_get_or_create
from programmes.models import ConsentKind, Meeting, Organisation, Programme

PAGES = [
    (
        "Анкета наставляемого",
        QuestionnaireKind.MENTEE,
        QuestionnaireAccess.INVITATION,
        False,
        "<p>Расскажи, чему ты хочешь научиться. По ответам куратор подберёт тебе наставника.</p>",
    ),
    (
        "Чем я могу быть полезен в качестве наставника?",
        QuestionnaireKind.MENTOR,
        QuestionnaireAccess.PARTICIPANTS,
        False,
        "<p>Анкета для тех, кто готов стать наставником: педагогов, старшеклассников, представителей партнёров.</p>",
    ),
    (
        "Анкета после групповой встречи",
        QuestionnaireKind.PREFERENCE,
        QuestionnaireAccess.PARTICIPANTS,
        False,
        "<p>Выберите участника встречи, с которым вы хотели бы работать в паре.</p>",
    ),
    (
        "Обратная связь после встречи",
        QuestionnaireKind.FEEDBACK,
        QuestionnaireAccess.PARTICIPANTS,
        True,
        "<p>Заполняется после каждой встречи наставником и наставляемым.</p>",
    ),
    (
        "Мониторинг удовлетворённости участием в программе",
        QuestionnaireKind.SATISFACTION,
        QuestionnaireAccess.ANYONE,
        False,
        "<p>Анонимный опрос. Ответы помогут сделать программу лучше.</p>",
    ),
    (
        "Вопросы и предложения",
        QuestionnaireKind.FREE,
        QuestionnaireAccess.ANYONE,
        False,
        "<p>Напишите куратору программы.</p>",
    ),
]

SATISFACTION_COMMENTS = [
    "Наставник всегда находил время ответить на вопросы.",
    "Хотелось бы встречаться чаще.",
    "Стало легче готовиться к олимпиаде.",
    "",
    "Понравилась встреча с инженерами технопарка.",
]


CONSENT_PAGES = [
    (
        "Согласие на обработку персональных данных",
        ConsentKind.PROCESSING,
        "<p>Я даю согласие на обработку моих персональных данных (персональных данных моего ребёнка) "
        "в целях участия в программе наставничества.</p>",
        "",
    ),
    (
        "Согласие на распространение персональных данных",
        ConsentKind.DISSEMINATION,
        "<p>Я даю согласие на публикацию моих фамилии, имени и фотографии на сайте образовательной "
        "организации в разделе «Наставничество» в связи с поощрением за наставническую деятельность.</p>",
        "Публикация только на официальном сайте организации; передача неограниченному кругу лиц иными способами запрещена.",
    ),
]


def _consent_pages(section, organisation) -> None:
    for title, kind, body, conditions in CONSENT_PAGES:
        if ConsentPage.objects.child_of(section).filter(title=title).exists():
            continue
        page = ConsentPage(
            title=title,
            slug=ascii_slug(title, parent=section),
            organisation=organisation,
            kind=kind,
            body=body,
            purpose="Организация и реализация программы наставничества, мониторинг её результатов.",
            personal_data="Фамилия, имя, отчество; класс или должность; дата рождения; контактный телефон; адрес электронной почты; сведения об участии в программе наставничества.",
            actions="Сбор, запись, систематизация, накопление, хранение, уточнение, использование, обезличивание, удаление, уничтожение; с использованием средств автоматизации и без них.",
            conditions=conditions,
            validity="До окончания участия в программе наставничества или до отзыва согласия.",
            withdrawal="Согласие отзывается письменным заявлением на имя руководителя организации или в личном кабинете портала.",
        )
        section.add_child(instance=page)
        page.save_revision().publish()


@transaction.atomic
def load_forms_demo(*, organisation_name: str, curator_email: str, log=print) -> None:
    section = mentoring_section_get_or_create()
    organisation = Organisation.objects.filter(short_name=organisation_name).first()
    programme = Programme.objects.filter(organisation=organisation).order_by("pk").first()
    group_meeting = (
        Meeting.objects.filter(programme__organisation=organisation, pair__isnull=True)
        .order_by("held_at")
        .first()
    )
    _consent_pages(section, organisation)
    for title, kind, access, several, intro in PAGES:
        if QuestionnairePage.objects.child_of(section).filter(title=title).exists():
            continue
        page = QuestionnairePage(
            title=title,
            slug=ascii_slug(title, parent=section),
            kind=kind,
            access=access,
            allow_several_answers=several,
            organisation=organisation,
            programme=(group_meeting.programme if group_meeting else programme)
            if kind == QuestionnaireKind.PREFERENCE
            else None,
            meeting=group_meeting if kind == QuestionnaireKind.PREFERENCE else None,
            intro=intro,
            to_address=curator_email,
            from_address="portal@example.org",
        )
        section.add_child(instance=page)
        add_default_questions(page)
        page = QuestionnairePage.objects.get(pk=page.pk)
        page.save_revision().publish()
        if kind == QuestionnaireKind.SATISFACTION:
            _satisfaction_answers(QuestionnairePage.objects.get(pk=page.pk))
        log(f"Анкета: {title}")


def _satisfaction_answers(page, count: int = 24) -> None:
    randomness = random.Random(2026)  # the same demo every time
    fields = page.get_form_fields()
    for number in range(count):
        data = {}
        for field in fields:
            if field.field_type == "rating_10":
                data[field.clean_name] = randomness.choice([6, 7, 8, 8, 9, 9, 10, 10])
            elif field.field_type == "radio":
                data[field.clean_name] = randomness.choice(
                    ["Да", "Да", "Да", "Нет", "Затрудняюсь ответить"]
                )
            else:
                data[field.clean_name] = SATISFACTION_COMMENTS[number % len(SATISFACTION_COMMENTS)]
        # Anonymous answers feed nothing, so they are stored as the page stores them, quietly:
        # the curator's notification is for real answers, not a demo's.
        QuestionnaireSubmission.objects.create(
            page=page, form_data=data, page_revision=page.live_revision
        )
