"""The questions each kind of questionnaire starts with; the editor changes them at will.

Written for the demo and as a sensible start: the mentee and mentor questionnaires follow
the methodology's («Чем я могу быть полезен в качестве наставника?»), the satisfaction survey
uses its 1–10 scales.
"""

from django.utils.translation import gettext_lazy as _

from forms_app.models import (
    FieldMapping,
    QuestionnaireAccess,
    QuestionnaireField,
    QuestionnaireKind,
)

# (label, field type, feeds, choices, required, help text)
DEFAULT_QUESTIONS = {
    QuestionnaireKind.MENTEE: [
        ("Фамилия", "singleline", FieldMapping.LAST_NAME, "", True, ""),
        ("Имя", "singleline", FieldMapping.FIRST_NAME, "", True, ""),
        ("Класс или группа", "singleline", FieldMapping.GROUP, "", True, "Например: 7 «А»"),
        (
            "Чему ты хочешь научиться с помощью наставника?",
            "multiline",
            FieldMapping.REQUESTS,
            "",
            True,
            "",
        ),
        ("Твои интересы и увлечения", "multiline", FieldMapping.INTERESTS, "", False, ""),
        (
            "Какая форма наставничества тебе ближе?",
            "radio",
            FieldMapping.PREFERRED_FORM,
            "ученик – ученик\nучитель – ученик\nстудент – ученик\nработодатель – ученик",
            True,
            "",
        ),
        (
            "Насколько тебе важно участие в программе?",
            "rating_5",
            FieldMapping.NONE,
            "",
            True,
            "1 — совсем не важно, 5 — очень важно",
        ),
    ],
    QuestionnaireKind.MENTOR: [
        ("Фамилия", "singleline", FieldMapping.LAST_NAME, "", True, ""),
        ("Имя", "singleline", FieldMapping.FIRST_NAME, "", True, ""),
        ("Отчество", "singleline", FieldMapping.PATRONYMIC, "", False, ""),
        ("Должность, класс или место работы", "singleline", FieldMapping.GROUP, "", True, ""),
        (
            "Чем я могу быть полезен в качестве наставника?",
            "multiline",
            FieldMapping.COMPETENCES,
            "",
            True,
            "Знания, навыки, опыт, которыми вы готовы поделиться",
        ),
        (
            "Сколько наставляемых вы готовы сопровождать?",
            "dropdown",
            FieldMapping.CAPACITY,
            "1\n2\n3\n4\n5",
            True,
            "",
        ),
        (
            "Какая форма наставничества вам ближе?",
            "radio",
            FieldMapping.PREFERRED_FORM,
            "учитель – учитель\nучитель – ученик\nученик – ученик\nработодатель – ученик",
            True,
            "",
        ),
    ],
    QuestionnaireKind.PREFERENCE: [
        (
            "С кем из участников встречи вы хотели бы работать?",
            "participant",
            FieldMapping.PREFERRED_PARTICIPANT,
            "",
            True,
            "Выберите одного человека",
        ),
        ("Почему?", "multiline", FieldMapping.NONE, "", False, ""),
    ],
    QuestionnaireKind.FEEDBACK: [
        (
            "Оцените встречу",
            "rating_5",
            FieldMapping.RATING,
            "",
            True,
            "1 — совсем не полезно, 5 — очень полезно",
        ),
        (
            "Что было полезным, что бы вы изменили?",
            "multiline",
            FieldMapping.COMMENT,
            "",
            False,
            "",
        ),
    ],
    QuestionnaireKind.SATISFACTION: [
        (
            "Насколько вы довольны участием в программе наставничества?",
            "rating_10",
            FieldMapping.NONE,
            "",
            True,
            "1 — совсем не доволен, 10 — полностью доволен",
        ),
        (
            "Насколько комфортно было работать с наставником (наставляемым)?",
            "rating_10",
            FieldMapping.NONE,
            "",
            True,
            "",
        ),
        ("Насколько оправдались ваши ожидания?", "rating_10", FieldMapping.NONE, "", True, ""),
        (
            "Хотели бы вы продолжить участие в программе?",
            "radio",
            FieldMapping.NONE,
            "Да\nНет\nЗатрудняюсь ответить",
            True,
            "",
        ),
        ("Что было самым ценным?", "multiline", FieldMapping.NONE, "", False, ""),
        ("Что стоит изменить в программе?", "multiline", FieldMapping.NONE, "", False, ""),
    ],
    QuestionnaireKind.FREE: [
        ("Ваш вопрос или предложение", "multiline", FieldMapping.NONE, "", True, ""),
    ],
}


# What each kind is for, shown when an editor picks the kind of a new questionnaire.
KIND_DESCRIPTIONS = {
    QuestionnaireKind.MENTEE: _(
        "Requests, interests and the preferred form; fills the mentee base."
    ),
    QuestionnaireKind.MENTOR: _(
        "«How can I be useful as a mentor?»: competences, experience, capacity; fills the mentor base."
    ),
    QuestionnaireKind.PREFERENCE: _(
        "After the group meeting: whom the participant would like to work with, among those "
        "who attended."
    ),
    QuestionnaireKind.FEEDBACK: _("After each meeting, from the mentor and the mentees."),
    QuestionnaireKind.SATISFACTION: _(
        "Monitoring of satisfaction on 1–10 scales; may be anonymous."
    ),
    QuestionnaireKind.FREE: _("Any questions; the answers feed no records."),
}

# Page settings a new questionnaire of a kind starts with (the editor may change them).
KIND_SETTINGS = {
    QuestionnaireKind.FEEDBACK: {"allow_several_answers": True},
    QuestionnaireKind.SATISFACTION: {
        "access": QuestionnaireAccess.ANYONE,
        "requires_consent": False,
    },
    QuestionnaireKind.FREE: {"access": QuestionnaireAccess.ANYONE, "requires_consent": False},
}


def default_questions(kind: str) -> list[QuestionnaireField]:
    """The kind's questions as unsaved fields, in order."""
    return [
        QuestionnaireField(
            sort_order=order,
            label=label,
            field_type=field_type,
            maps_to=maps_to,
            choices=choices,
            required=required,
            help_text=help_text,
        )
        for order, (label, field_type, maps_to, choices, required, help_text) in enumerate(
            DEFAULT_QUESTIONS[kind]
        )
    ]


def prefill_new_questionnaire(page, *, kind: str) -> None:
    """Give an unsaved questionnaire its kind, the kind's settings and questions, so the
    editor sees them in the creation form and changes what they like before saving."""
    page.kind = kind
    for name, value in KIND_SETTINGS.get(kind, {}).items():
        setattr(page, name, value)
    page.form_fields = default_questions(kind)


def add_default_questions(page) -> bool:
    """Give a saved questionnaire without questions its kind's; True if any were added."""
    if page.form_fields.exists():
        return False
    for field in default_questions(page.kind):
        field.page = page
        field.save()
    return True
