"""The results of a questionnaire: how the answers to each question are distributed.

Every answer of the page is read in one query, streamed in chunks (`iterator`), and only the
values of the page's current questions are kept, column by column, before pandas counts them:
a million answers are never held twice. Participant names come from one more query, whatever
the number of answers.

Shares are percentages of all the answers to the questionnaire (submissions), so a question's
rows and its «no answer» row add up to 100 %, except for questions where several options may
be ticked: there a share is the part of the respondents who ticked the option.
"""

import datetime
import re
import warnings
from dataclasses import dataclass, field
from enum import StrEnum

import pandas as pd
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from forms_app.reports.participants import (
    as_participant_id,
    missing_participant_label,
    participant_label,
)
from programmes.models import Participant

CHUNK_SIZE = 2000
# The newest free answers per question the admin page lists, and those the XLSX file lists. A
# report is no way to read more: a municipal survey's million answers took minutes to pack and
# choke Excel, and the download of the answers (CSV or XLSX) has every one.
HTML_TEXT_LIMIT = 500
XLSX_TEXT_LIMIT = 100_000

SINGLE_CHOICE_TYPES = {"dropdown", "radio"}
MULTIPLE_CHOICE_TYPES = {"checkboxes", "multiselect"}
RATING_SCALES = {"rating_5": 5, "rating_10": 10}
CHOICE_TYPES = {
    *SINGLE_CHOICE_TYPES,
    *MULTIPLE_CHOICE_TYPES,
    *RATING_SCALES,
    "checkbox",
    "participant",
}
NUMBER_TYPES = {"number"}
TEXT_TYPES = {"singleline", "multiline", "email", "url"}
DATE_TYPES = {"date", "datetime"}
# Hidden fields are filled in by the page, not by the respondent: no question to report on.
SKIPPED_TYPES = {"hidden"}

ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})")
RUSSIAN_DATE_MONTH = re.compile(r"^\d{1,2}\.(\d{2})\.(\d{4})")


class QuestionKind(StrEnum):
    CHOICE = "choice"
    NUMBER = "number"
    TEXT = "text"
    DATE = "date"


def question_kind(field_type: str) -> QuestionKind:
    if field_type in CHOICE_TYPES:
        return QuestionKind.CHOICE
    if field_type in NUMBER_TYPES:
        return QuestionKind.NUMBER
    if field_type in DATE_TYPES:
        return QuestionKind.DATE
    # Free text, and any type added later: its answers are listed as they are.
    return QuestionKind.TEXT


@dataclass(frozen=True)
class Row:
    """One line of a distribution: an option (or a month) and how many chose it."""

    label: str
    count: int
    share: float  # percent, one decimal
    # False for a value the question does not offer (any more): a renamed option, a participant
    # no longer in the programme.
    declared: bool = True

    @property
    def bar_width(self) -> str:
        """The row's bar as a CSS width, with a decimal dot whatever the locale."""
        return f"{min(max(self.share, 0.0), 100.0):.1f}%"


@dataclass(frozen=True)
class TextAnswer:
    submitted_at: datetime.datetime
    text: str


@dataclass
class QuestionResult:
    number: int
    label: str
    clean_name: str
    field_type: str
    field_type_label: str
    kind: QuestionKind
    answered: int
    no_answer: Row
    rows: list[Row] = field(default_factory=list)
    multiple: bool = False
    mean: float | None = None
    median: float | None = None
    minimum: float | None = None
    maximum: float | None = None
    # Newest first; cut to the limit the report was built with (see `answered` for the count).
    texts: list[TextAnswer] = field(default_factory=list)

    @property
    def has_distribution(self) -> bool:
        return self.kind in (QuestionKind.CHOICE, QuestionKind.DATE)

    @property
    def is_rating(self) -> bool:
        return self.field_type in RATING_SCALES

    @property
    def has_statistics(self) -> bool:
        return self.is_rating or self.kind == QuestionKind.NUMBER

    @property
    def texts_left_out(self) -> int:
        return max(self.answered - len(self.texts), 0) if self.kind == QuestionKind.TEXT else 0


@dataclass
class ResultsReport:
    page_id: int
    title: str
    total: int
    first_submitted_at: datetime.datetime | None
    last_submitted_at: datetime.datetime | None
    questions: list[QuestionResult]
    text_limit: int | None = None

    @property
    def period_display(self) -> str:
        """«ДД.ММ.ГГГГ – ДД.ММ.ГГГГ» (one date when all answers came the same day), or ""."""
        if self.first_submitted_at is None or self.last_submitted_at is None:
            return ""
        first = timezone.localtime(self.first_submitted_at).strftime("%d.%m.%Y")
        last = timezone.localtime(self.last_submitted_at).strftime("%d.%m.%Y")
        return first if first == last else f"{first} – {last}"

    @property
    def has_undeclared_rows(self) -> bool:
        return any(not row.declared for question in self.questions for row in question.rows)

    @property
    def text_questions(self) -> list[QuestionResult]:
        return [question for question in self.questions if question.kind == QuestionKind.TEXT]


# --- reading ---------------------------------------------------------------------------------


# An answer to a free-text question that is counted but not kept (past the report's limit).
_NOT_KEPT = object()


def _shareable(value) -> bool:
    """Strings, whole numbers and tuples of strings; never bools (True == 1 as a dict key)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, str | int):
        return True
    return isinstance(value, tuple) and all(isinstance(item, str) for item in value)


def _read_answers(page, questions, text_limit: int | None) -> tuple[pd.Series, pd.DataFrame]:
    """Submission times (newest first) and the answers to the questions, in one query.

    Memory is what a million answers cost: a choice's value is kept once however many chose
    it, and past `text_limit` a free answer is counted, not kept.
    """
    times: list[datetime.datetime] = []
    columns: dict[str, list] = {question.clean_name: [] for question in questions}
    text_names = {
        question.clean_name
        for question in questions
        if question_kind(question.field_type) == QuestionKind.TEXT
    }
    texts_left = dict.fromkeys(text_names, text_limit) if text_limit is not None else {}
    shared: dict = {}
    rows = (
        page.get_submissions()
        .order_by("-submit_time", "-pk")
        .values_list("submit_time", "form_data")
    )
    for submitted_at, data in rows.iterator(chunk_size=CHUNK_SIZE):
        times.append(submitted_at)
        if not isinstance(data, dict):
            data = {}
        for name, values in columns.items():
            value = data.get(name)
            if name in texts_left:
                if not _has_answer(value):
                    value = None
                elif texts_left[name] > 0:
                    texts_left[name] -= 1
                else:
                    value = _NOT_KEPT
            elif name not in text_names:
                if isinstance(value, list):
                    value = tuple(value)
                if _shareable(value):
                    value = shared.setdefault((type(value), value), value)
            values.append(value)
    answers = pd.DataFrame(index=pd.RangeIndex(len(times)))
    with warnings.catch_warnings():
        # A block per column is the point: consolidating would copy every column once more.
        warnings.simplefilter("ignore", pd.errors.PerformanceWarning)
        for name in list(columns):
            # One column at a time, each list freed as soon as pandas holds its values.
            answers[name] = pd.Series(columns.pop(name), dtype=object)
    return pd.Series(times, dtype=object), answers


def _has_answer(value) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | tuple | dict):
        return bool(value)
    if isinstance(value, float):
        return not pd.isna(value)
    return True


# --- computing -------------------------------------------------------------------------------


def _share(count: int, total: int) -> float:
    return round(count * 100 / total, 1) if total else 0.0


def _rounded(value) -> float | None:
    return None if value is None or pd.isna(value) else round(float(value), 2)


def _extra_rows(counts: pd.Series, known: set, total: int, label_of=str) -> list[Row]:
    """Values the question does not offer, most frequent first."""
    extras = [(key, int(count)) for key, count in counts.items() if key not in known]
    extras.sort(key=lambda item: (-item[1], str(item[0])))
    return [
        Row(label_of(key), count, _share(count, total), declared=False) for key, count in extras
    ]


def _distribution(
    counts: pd.Series, declared: list[tuple[object, str]], total: int, label_of=str
) -> list[Row]:
    """Every declared option, in the question's order and with zeros, then anything else."""
    rows = []
    for key, label in declared:
        count = int(counts.get(key, 0))
        rows.append(Row(label, count, _share(count, total)))
    return rows + _extra_rows(counts, {key for key, _label in declared}, total, label_of)


def _declared_choices(page, question) -> list[tuple[str, str]]:
    builder = page.form_builder([]) if hasattr(page, "form_builder") else None
    if builder is not None and hasattr(builder, "get_formatted_field_choices"):
        choices = builder.get_formatted_field_choices(question)
    else:  # pragma: no cover - every Wagtail form builder has it
        choices = [(choice.strip(), choice.strip()) for choice in question.choices.splitlines()]
    return [(str(value), str(label)) for value, label in choices if str(value)]


def _as_text(value) -> str:
    return str(value).strip()


def _rating_counts(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Counts of the ratings by their number (garbage from old data by its text), and the numbers."""
    numbers = pd.to_numeric(values, errors="coerce")
    whole = numbers.notna() & (numbers % 1 == 0)
    counts = pd.concat(
        [numbers[whole].astype(int).value_counts(), values[~whole].map(_as_text).value_counts()]
    )
    return counts, numbers.dropna()


def _checkbox_key(value):
    return value if isinstance(value, bool) else _as_text(value)


def _month_key(value) -> str:
    """«YYYY-MM» for a date (ISO, as saved, or ДД.ММ.ГГГГ from older data), else the text."""
    text = _as_text(value)
    if match := ISO_MONTH.match(text):
        return f"{match[1]}-{match[2]}"
    if match := RUSSIAN_DATE_MONTH.match(text):
        return f"{match[2]}-{match[1]}"
    return text


def _choice_result(question, page, values: pd.Series, total: int, participants) -> dict:
    field_type = question.field_type
    if field_type in MULTIPLE_CHOICE_TYPES:
        options = values.map(lambda value: value if isinstance(value, list | tuple) else [value])
        picked = options.explode().dropna().map(_as_text)
        return {
            "rows": _distribution(
                picked[picked != ""].value_counts(), _declared_choices(page, question), total
            ),
            "multiple": True,
        }
    if field_type in RATING_SCALES:
        counts, numbers = _rating_counts(values)
        declared = [(n, str(n)) for n in range(1, RATING_SCALES[field_type] + 1)]
        return {
            "rows": _distribution(counts, declared, total),
            "mean": _rounded(numbers.mean()) if not numbers.empty else None,
            "median": _rounded(numbers.median()) if not numbers.empty else None,
        }
    if field_type == "checkbox":
        declared = [(True, _("Yes")), (False, _("No"))]
        return {"rows": _distribution(values.map(_checkbox_key).value_counts(), declared, total)}
    if field_type == "participant":
        return {"rows": participants.rows(values, total)}
    return {
        "rows": _distribution(
            values.map(_as_text).value_counts(), _declared_choices(page, question), total
        )
    }


def _number_result(values: pd.Series) -> dict:
    numbers = pd.to_numeric(values, errors="coerce").dropna()
    if numbers.empty:
        return {"answered": 0}
    return {
        "answered": int(numbers.size),
        "mean": _rounded(numbers.mean()),
        "median": _rounded(numbers.median()),
        "minimum": _rounded(numbers.min()),
        "maximum": _rounded(numbers.max()),
    }


def _date_rows(values: pd.Series, total: int) -> list[Row]:
    counts = values.map(_month_key).value_counts()
    months = sorted(key for key in counts.index if ISO_MONTH.fullmatch(key))
    rows = [
        Row(f"{key[5:7]}.{key[:4]}", int(counts[key]), _share(int(counts[key]), total))
        for key in months
    ]
    return rows + _extra_rows(counts, set(months), total)


class _ParticipantDirectory:
    """Names for «choice of a participant» answers: the page's choices and whoever was chosen."""

    def __init__(self, page, columns: list[pd.Series]):
        chosen = set()
        for values in columns:
            chosen.update(pk for pk in map(as_participant_id, values) if pk is not None)
        self.declared: list[int] = []
        self.labels: dict[int, str] = {}
        choices = page.participant_choices() if hasattr(page, "participant_choices") else None
        offers = choices is not None and not choices.query.is_empty()
        condition = Q(pk__in=chosen) if chosen else None
        if offers:
            offered = Q(pk__in=choices.values("pk"))
            condition = offered if condition is None else condition | offered
        if condition is None:
            return
        found = Participant.objects.filter(condition).only(
            "pk", "last_name", "first_name", "patronymic", "group"
        )
        if offers:
            found = found.annotate(offered=ExpressionWrapper(offered, output_field=BooleanField()))
        for participant in found:
            self.labels[participant.pk] = participant_label(participant)
            if getattr(participant, "offered", False):
                self.declared.append(participant.pk)

    def label(self, pk: int) -> str:
        return self.labels.get(pk) or missing_participant_label(pk)

    def rows(self, values: pd.Series, total: int) -> list[Row]:
        ids = values.map(lambda value: as_participant_id(value) or _as_text(value))
        declared = [(pk, self.label(pk)) for pk in self.declared]
        # Chosen but not offered now (moved to another programme, erased): named, not numbered.
        return _distribution(
            ids.value_counts(),
            declared,
            total,
            label_of=lambda key: self.label(key) if isinstance(key, int) else str(key),
        )


def questionnaire_results(page, *, text_limit: int | None = None) -> ResultsReport:
    """The page's results, question by question in the page's order.

    `text_limit` keeps that many (newest) free answers per question (None: all of them).
    """
    questions = [
        question for question in page.get_form_fields() if question.field_type not in SKIPPED_TYPES
    ]
    times, answers = _read_answers(page, questions, text_limit)
    total = len(times)
    masks = {
        question.clean_name: answers[question.clean_name].map(_has_answer).astype(bool)
        for question in questions
    }
    participants = (
        _ParticipantDirectory(
            page,
            [
                answers[question.clean_name][masks[question.clean_name]]
                for question in questions
                if question.field_type == "participant"
            ],
        )
        if any(question.field_type == "participant" for question in questions)
        else None
    )

    results = []
    for number, question in enumerate(questions, start=1):
        mask = masks[question.clean_name]
        values = answers[question.clean_name][mask]
        kind = question_kind(question.field_type)
        answered = int(mask.sum())
        details: dict = {}
        if kind == QuestionKind.CHOICE:
            details = _choice_result(question, page, values, total, participants)
        elif kind == QuestionKind.NUMBER:
            details = _number_result(values)
            answered = details.pop("answered")
        elif kind == QuestionKind.DATE:
            details = {"rows": _date_rows(values, total)}
        else:
            kept = slice(None) if text_limit is None else slice(0, text_limit)
            details = {
                "texts": [
                    TextAnswer(submitted_at, _as_text(value))
                    for submitted_at, value in zip(
                        times[mask].iloc[kept], values.iloc[kept], strict=True
                    )
                ]
            }
        no_answer = total - answered
        results.append(
            QuestionResult(
                number=number,
                label=question.label,
                clean_name=question.clean_name,
                field_type=question.field_type,
                field_type_label=str(question.get_field_type_display()),
                kind=kind,
                answered=answered,
                no_answer=Row(_("No answer"), no_answer, _share(no_answer, total), declared=False),
                **details,
            )
        )
    return ResultsReport(
        page_id=page.pk,
        title=page.title,
        total=total,
        first_submitted_at=times.iloc[-1] if total else None,
        last_submitted_at=times.iloc[0] if total else None,
        questions=results,
        text_limit=text_limit,
    )
