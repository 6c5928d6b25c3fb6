"""The questions each kind of questionnaire starts with; the editor changes them at will.

Written for the demo and as a sensible start: the mentee and mentor questionnaires follow
the methodology's («Чем я могу быть полезен в качестве наставника?»), the satisfaction survey
uses its 1–10 scales.
"""

from forms_app.models import FieldMapping, QuestionnaireField, QuestionnaireKind

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


def add_default_questions(page) -> bool:
    """Give a new questionnaire its kind's questions; True if any were added."""
    if page.form_fields.exists():
        return False
    for order, (label, field_type, maps_to, choices, required, help_text) in enumerate(
        DEFAULT_QUESTIONS[page.kind]
    ):
        QuestionnaireField.objects.create(
            page=page,
            sort_order=order,
            label=label,
            field_type=field_type,
            maps_to=maps_to,
            choices=choices,
            required=required,
            help_text=help_text,
        )
    return True
