"""Builders for questionnaire and consent pages and invitations in tests."""

import datetime

from django.utils import timezone

from forms_app.models import (
    ConsentPage,
    Invitation,
    QuestionnaireAccess,
    QuestionnaireField,
    QuestionnaireKind,
    QuestionnairePage,
)
from home.services import ascii_slug, mentoring_section_get_or_create
from programmes.models import ConsentKind

MENTEE_FIELDS = [
    ("Фамилия", "singleline", "last_name"),
    ("Имя", "singleline", "first_name"),
    ("Класс", "singleline", "group"),
    ("Чему ты хочешь научиться?", "multiline", "requests"),
    ("Насколько тебе интересно участие?", "rating_5", ""),
]


def questionnaire_page(
    *,
    kind=QuestionnaireKind.MENTEE,
    access=QuestionnaireAccess.ANYONE,
    fields=MENTEE_FIELDS,
    title="Анкета наставляемого",
    requires_consent=False,
    **page_fields,
) -> QuestionnairePage:
    section = mentoring_section_get_or_create()
    page = QuestionnairePage(
        title=title,
        slug=ascii_slug(title, parent=section),
        kind=kind,
        access=access,
        requires_consent=requires_consent,
        **page_fields,
    )
    page.form_fields = [
        QuestionnaireField(
            sort_order=index, label=label, field_type=field_type, maps_to=maps_to, required=True
        )
        for index, (label, field_type, maps_to) in enumerate(fields)
    ]
    section.add_child(instance=page)
    page.save_revision().publish()
    return QuestionnairePage.objects.get(pk=page.pk)


def invitation(*, participant, page, days=7, **fields) -> Invitation:
    return Invitation.objects.create(
        participant=participant,
        page=page,
        expires_at=timezone.now() + datetime.timedelta(days=days),
        **fields,
    )


def answers(page, **overrides) -> dict:
    """Valid answers for every field of the page, by clean name."""
    data = {}
    for field in page.get_form_fields():
        if field.field_type.startswith("rating"):
            data[field.clean_name] = "4"
        elif field.field_type == "participant":
            data[field.clean_name] = str(page.participant_choices().first().pk)
        elif field.field_type == "date":
            data[field.clean_name] = "01.02.2012"
        else:
            data[field.clean_name] = f"Ответ на «{field.label}»"
    data.update(overrides)
    return data


def consent_page(organisation, *, kind=ConsentKind.PROCESSING, title=None) -> ConsentPage:
    section = mentoring_section_get_or_create()
    title = title or (
        "Согласие на обработку персональных данных"
        if kind == ConsentKind.PROCESSING
        else "Согласие на распространение персональных данных"
    )
    page = ConsentPage(
        title=title,
        slug=ascii_slug(title, parent=section),
        organisation=organisation,
        kind=kind,
        body="<p>Я даю согласие оператору на обработку моих персональных данных.</p>"
        "<ul><li>свободно</li><li>своей волей и в своём интересе</li></ul>",
        purpose="Организация наставничества в школе.",
        personal_data="Фамилия, имя, отчество; класс; контактный телефон.",
        actions="Сбор, запись, систематизация, хранение, уничтожение; с использованием средств автоматизации.",
        processors="ООО «Хостинг», г. Москва, ул. Серверная, д. 1.",
        validity="До окончания программы наставничества.",
        withdrawal="Письменным заявлением оператору или в личном кабинете.",
    )
    section.add_child(instance=page)
    page.save_revision().publish()
    return ConsentPage.objects.get(pk=page.pk)
