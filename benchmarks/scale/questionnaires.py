"""Scale data for the questionnaires: a few published pages and many answers, for benchmarks.

The pages are made the way forms_app.demo makes them (default questions of their kind) and
found again by their slugs, so they are created once whatever the seed. Answers are inserted
with bulk_create: they would feed the participants' records through the service
(questionnaire_submit), but the generated participants already hold what they answered, so
the answers are written as the service stores them: keys are the questions' clean names,
values what the form's cleaned_data gives (ints for scales, strings for choices), with the
participant linked unless the page is anonymous.
"""

import contextlib
import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from wagtail.models import Revision

from benchmarks.scale.results import Respondent
from benchmarks.scale.writing import BATCH_SIZE, rows_insert
from forms_app.defaults import add_default_questions
from forms_app.models import (
    FieldMapping,
    QuestionnaireAccess,
    QuestionnaireKind,
    QuestionnairePage,
    QuestionnaireSubmission,
)
from home.services import mentoring_section_get_or_create

Progress = Callable[[str, int], None]

# slug, title, kind, who answers
SCALE_PAGES = (
    (
        "scale-mentee-questionnaire",
        "Анкета наставляемого (сводные данные)",
        QuestionnaireKind.MENTEE,
        QuestionnaireAccess.INVITATION,
    ),
    (
        "scale-mentor-questionnaire",
        "Анкета наставника (сводные данные)",
        QuestionnaireKind.MENTOR,
        QuestionnaireAccess.PARTICIPANTS,
    ),
    (
        "scale-satisfaction-survey",
        "Мониторинг удовлетворённости программой (сводные данные)",
        QuestionnaireKind.SATISFACTION,
        QuestionnaireAccess.ANYONE,
    ),
)
FREE_TEXTS = (
    "Наставник всегда находил время ответить на вопросы.",
    "Хотелось бы встречаться чаще.",
    "Стало легче готовиться к олимпиаде.",
    "Понравилась встреча с инженерами технопарка.",
    "Больше практических заданий.",
    "Всё устроило.",
)
USER_AGENTS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 YaBrowser/24.4",
    "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/123.0 Mobile Safari/537.36",
)


@dataclass(frozen=True)
class Question:
    clean_name: str
    field_type: str
    maps_to: str
    choices: tuple[str, ...]
    required: bool


@dataclass(frozen=True)
class ScalePage:
    pk: int
    kind: str
    anonymous: bool
    revision_id: int | None
    questions: tuple[Question, ...]


def scale_pages_ensure(*, published_at: datetime.datetime) -> dict[str, ScalePage]:
    """The mentee, mentor and satisfaction pages, created and published if missing.

    A new page's publication is dated `published_at` (before the programme year) so that the
    generated answers do not come before the form existed.
    """
    section = mentoring_section_get_or_create()
    found = {}
    for slug, title, kind, access in SCALE_PAGES:
        page = QuestionnairePage.objects.child_of(section).filter(slug=slug).first()
        if page is None:
            page = QuestionnairePage(
                title=title,
                slug=slug,
                kind=kind,
                access=access,
                requires_consent=access != QuestionnaireAccess.ANYONE,
                intro="<p>Анкета с ответами, созданными для проверки производительности.</p>",
            )
            section.add_child(instance=page)
            add_default_questions(page)
            page = QuestionnairePage.objects.get(pk=page.pk)
            revision = page.save_revision()
            revision.publish()
            Revision.objects.filter(pk=revision.pk).update(created_at=published_at)
            QuestionnairePage.objects.filter(pk=page.pk).update(
                first_published_at=published_at, last_published_at=published_at
            )
            page = QuestionnairePage.objects.get(pk=page.pk)
        found[kind] = ScalePage(
            pk=page.pk,
            kind=kind,
            anonymous=page.is_anonymous,
            revision_id=page.live_revision_id,
            questions=tuple(
                Question(
                    clean_name=field.clean_name,
                    field_type=field.field_type,
                    maps_to=field.maps_to,
                    choices=tuple(
                        choice.strip() for choice in field.choices.splitlines() if choice.strip()
                    ),
                    required=field.required,
                )
                for field in page.get_form_fields()
            ),
        )
    return found


@contextlib.contextmanager
def _keeping_submit_time():
    """bulk_create would stamp every answer with now (auto_now_add): keep the times given."""
    field = QuestionnaireSubmission._meta.get_field("submit_time")
    field.auto_now_add = False
    try:
        yield
    finally:
        field.auto_now_add = True


MAPPED_TEXT = {
    FieldMapping.LAST_NAME: "last_name",
    FieldMapping.FIRST_NAME: "first_name",
    FieldMapping.PATRONYMIC: "patronymic",
    FieldMapping.GROUP: "group",
    FieldMapping.REQUESTS: "requests",
    FieldMapping.INTERESTS: "interests",
    FieldMapping.COMPETENCES: "competences",
}


def answers_for(
    *, page: ScalePage, respondent: Respondent | None, rng: random.Random
) -> dict[str, object]:
    """What the page's form would store for this respondent (or an anonymous one)."""
    data: dict[str, object] = {}
    for question in page.questions:
        kind = question.field_type
        if question.maps_to in MAPPED_TEXT and respondent is not None:
            value = getattr(respondent, MAPPED_TEXT[question.maps_to])
            if question.required and not value:
                value = rng.choice(FREE_TEXTS)
        elif kind in ("radio", "dropdown"):
            value = _choice(question, respondent, rng)
        elif kind == "rating_5":
            value = rng.choices((5, 4, 3, 2, 1), weights=(40, 35, 15, 7, 3))[0]
        elif kind == "rating_10":
            value = rng.choices(range(1, 11), weights=(1, 1, 2, 3, 5, 8, 14, 22, 22, 22))[0]
        elif kind == "checkbox":
            value = rng.random() < 0.7
        elif kind == "checkboxes":
            value = [c for c in question.choices if rng.random() < 0.4]
        elif kind == "number":
            value = str(rng.randint(1, 10))
        elif kind == "date":
            value = datetime.date(2025, 9, rng.randint(1, 28)).isoformat()
        elif kind == "email":
            value = "" if not question.required else "respondent@example.ru"
        else:  # singleline, multiline, anything textual
            value = rng.choice(FREE_TEXTS) if question.required or rng.random() < 0.5 else ""
        data[question.clean_name] = value
    return data


def _choice(question: Question, respondent: Respondent | None, rng: random.Random) -> str:
    choices = question.choices
    if respondent is not None:
        if question.maps_to == FieldMapping.PREFERRED_FORM and respondent.form in choices:
            return respondent.form
        if question.maps_to == FieldMapping.CAPACITY and str(respondent.capacity) in choices:
            return str(respondent.capacity)
    if choices and choices[0] == "Да":
        return rng.choices(choices, weights=(75, 10, 15)[: len(choices)])[0]
    return rng.choice(choices)


def scale_submissions_generate(
    *,
    pages: dict[str, ScalePage],
    respondents: list[Respondent],
    count: int,
    seed: int,
    index: int,
    period_start: datetime.date,
    horizon: datetime.datetime,
    progress: Progress = lambda kind, number: None,
) -> int:
    """`count` answers: each participant's mentee or mentor questionnaire first (as far as the
    count allows), the rest on the anonymous satisfaction survey. Returns the number written."""
    rng = random.Random(f"scale-forms:{seed}:{index}")
    tz = horizon.tzinfo
    answered = respondents[:count]
    rows = []
    for respondent in answered:
        page = pages[QuestionnaireKind.MENTOR if respondent.is_mentor else QuestionnaireKind.MENTEE]
        # The questionnaire comes before the participant's record, which it fed.
        submitted = respondent.joined_at - datetime.timedelta(minutes=rng.randint(30, 5 * 24 * 60))
        rows.append(
            QuestionnaireSubmission(
                page_id=page.pk,
                form_data=answers_for(page=page, respondent=respondent, rng=rng),
                participant_id=None if page.anonymous else respondent.pk,
                page_revision_id=page.revision_id,
                ip_address=f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                user_agent=rng.choice(USER_AGENTS),
                submit_time=submitted,
            )
        )
    survey = pages[QuestionnaireKind.SATISFACTION]
    start = datetime.datetime.combine(period_start, datetime.time(8), tzinfo=tz)
    seconds = max(1, int((horizon - start).total_seconds()))
    for _ in range(count - len(answered)):
        rows.append(
            QuestionnaireSubmission(
                page_id=survey.pk,
                form_data=answers_for(page=survey, respondent=None, rng=rng),
                page_revision_id=survey.revision_id,
                submit_time=start + datetime.timedelta(seconds=rng.randrange(seconds)),
            )
        )
    with _keeping_submit_time():
        for first in range(0, len(rows), BATCH_SIZE):
            chunk = rows[first : first + BATCH_SIZE]
            rows_insert(QuestionnaireSubmission, chunk)
            progress("submissions", len(chunk))
    return len(rows)


def submission_errors(*, sample: int = 50) -> list[str]:
    """Answers of the generated pages that the page's own form would not give back as stored.

    Each sampled answer is put through the page's form (as a browser would post it) and its
    cleaned data compared with the stored form_data.
    """
    from forms_app.services.questionnaires import _json_ready

    errors = []
    now = timezone.now()
    for slug, _title, _kind, _access in SCALE_PAGES:
        page = QuestionnairePage.objects.filter(slug=slug).first()
        if page is None:
            continue
        form_class = page.get_form_class()
        names = {field.clean_name for field in page.get_form_fields()}
        submissions = QuestionnaireSubmission.objects.filter(page=page)
        for submission in submissions.order_by("?")[:sample]:
            data = submission.form_data
            if set(data) != names:
                errors.append(
                    f"Answer {submission.pk}: keys {sorted(data)} are not {sorted(names)}"
                )
                continue
            posted = {
                name: value if isinstance(value, list | bool) else str(value)
                for name, value in data.items()
            }
            form = form_class(data=posted)
            if not form.is_valid():
                errors.append(f"Answer {submission.pk}: {form.errors.as_text()}")
            elif _json_ready(form.cleaned_data) != data:
                errors.append(
                    f"Answer {submission.pk}: stored {data}, the form gives {form.cleaned_data}"
                )
            if submission.submit_time > now:
                errors.append(f"Answer {submission.pk} is dated in the future")
            if page.is_anonymous == (submission.participant_id is not None):
                errors.append(f"Answer {submission.pk}: participant link does not fit the page")
    return errors
