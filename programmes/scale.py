"""Scale data: many organisations' programme records, invented but consistent, for benchmarks.

Why a generator of its own rather than the demo: the demo goes through the services one
record at a time (a query or three per row), which would take hours for a municipality. Here
the records are built in memory and inserted in big batches, and their simple-history rows
are written alongside with bulk_create: the bulk path skips simple-history's signals, so
every history row gets its author (the organisation's generated curator), its date (spread
over the programme year, always in the past), its type and `history_organisation` here.

"Realistic edits" are extra history rows of type «~»: a record's versions are built backwards
from its final state (the row in the table), so the newest version always equals the record
and every older one is a plausible earlier state (a pair's draft before its approval, a
meeting before its outcome was written, a phone number before it was corrected).

Determinism: names, dates and choices come from `random.Random` seeded with the seed and
the organisation's number, and from pools of names read from Faker's ru_RU provider, so an
organisation is the same whatever was generated before it. Dates are relative to the day of
generation (the programme year ends three months after it).

Idempotency: an organisation is generated in one transaction together with its curator
account `scale-s<seed>-o<number>`, which is its marker; an organisation whose marker exists
is skipped, so a second run for the same seed adds nothing, and an interrupted run resumes
at the first missing organisation. Another seed makes a separate dataset.

The rules kept are those of the models' `clean()` and of programmes.services: mentor load
per programme, valid consents (a minor's from a legal representative) for approved and
active pairs, approving orders, status transitions, pairs inside the programme period,
meetings only of pairs that have been approved and inside the pair's period, feedback from
the pair's members after the meeting. `consistency_errors()` checks them over the data.
"""

import dataclasses
import datetime
import functools
import json
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

from anyascii import anyascii
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models
from django.db.models import Count, F, Q
from django.utils import timezone
from faker import Faker
from faker.providers.person.ru_RU import Provider as RussianNames

from programmes.models import (
    CONSENT_REQUIRED_STATUSES,
    OPEN_PAIR_STATUSES,
    PAIR_TRANSITIONS,
    Case,
    Consent,
    ConsentGiver,
    ConsentKind,
    ConsentSource,
    DecisionStatus,
    Feedback,
    IncentiveDecision,
    IncentiveKind,
    Meeting,
    MeetingFormat,
    MeetingKind,
    MentoringForm,
    MentorTraining,
    Organisation,
    Pair,
    PairMentee,
    PairStatus,
    Participant,
    ParticipantCategory,
    ParticipantStatus,
    PartnerOrganisation,
    Programme,
    ProgrammeStatus,
)
from programmes.selectors.consents import participants_without_consent

BATCH_SIZE = 5_000
Progress = Callable[[str, int], None]


# --- profiles --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScaleProfile:
    """How much to generate. The *_edits are the mean number of extra «~» versions a record gets."""

    name: str
    organisations: int
    participants: int
    pairs: int
    meetings: int
    submissions: int
    participant_edits: float
    meeting_edits: float
    feedback_edits: float


PROFILES = {
    profile.name: profile
    for profile in (
        ScaleProfile("school", 1, 1_000, 300, 6_000, 20_000, 1.5, 1.0, 0.2),
        # The edit rates are tuned so the history tables hold about 5 000 000 rows.
        ScaleProfile("municipality", 50, 50_000, 20_000, 400_000, 1_000_000, 2.5, 3.8, 1.7),
    )
}

HISTORY_SUBJECT_VERSIONS = 1_000
HISTORY_SUBJECT_NOTE = "Нагрузочные данные: запись с 1000 версиями истории."


def profile_with(*, profile: ScaleProfile, **counts: int | None) -> ScaleProfile:
    """The profile with the counts given explicitly (None leaves the profile's)."""
    return dataclasses.replace(
        profile, **{name: value for name, value in counts.items() if value is not None}
    )


def share(*, total: int, parts: int, index: int) -> int:
    """The index-th of `parts` nearly equal shares of `total` (the first ones get the rest)."""
    return total // parts + (1 if index < total % parts else 0)


def curator_username(*, seed: int, index: int) -> str:
    """The generated curator of an organisation; its existence marks the organisation as done."""
    return f"scale-s{seed}-o{index:03d}"


def scale_organisation_find(*, seed: int, index: int) -> Organisation | None:
    return (
        Organisation.objects.filter(members__username=curator_username(seed=seed, index=index))
        .order_by("pk")
        .first()
    )


def scale_organisations(*, seed: int | None = None) -> models.QuerySet[Organisation]:
    """The generated organisations (of one seed, or of all)."""
    prefix = "scale-s" if seed is None else f"scale-s{seed}-o"
    return Organisation.objects.filter(members__username__startswith=prefix).distinct()


def history_subject(*, seed: int) -> Participant | None:
    """The participant with 1000 versions: the first participant of the seed's first organisation."""
    organisation = scale_organisation_find(seed=seed, index=0)
    if organisation is None:
        return None
    return (
        Participant.objects.filter(organisation=organisation, interests=HISTORY_SUBJECT_NOTE)
        .order_by("pk")
        .first()
    )


# --- pools of invented data ------------------------------------------------------------------


@dataclass(frozen=True)
class Pools:
    # Faker's ru_RU surnames are paired by position: Смирнов / Смирнова.
    last_male: tuple[str, ...]
    last_female: tuple[str, ...]
    first_male: tuple[str, ...]
    first_female: tuple[str, ...]
    middle_male: tuple[str, ...]
    middle_female: tuple[str, ...]
    latin: dict[str, str]
    streets: tuple[str, ...]
    cities: tuple[str, ...]
    companies: tuple[str, ...]


def _latin(name: str) -> str:
    return re.sub(r"[^a-z]", "", anyascii(name).lower()) or "user"


@functools.cache
def pools(*, seed: int) -> Pools:
    """Names from Faker's ru_RU lists, addresses and companies from a seeded Faker: built once."""
    fake = Faker("ru_RU")
    fake.seed_instance(seed)
    names = RussianNames
    every_name = (
        *names.last_names_male,
        *names.last_names_female,
        *names.first_names_male,
        *names.first_names_female,
    )
    return Pools(
        last_male=tuple(names.last_names_male),
        last_female=tuple(names.last_names_female),
        first_male=tuple(names.first_names_male),
        first_female=tuple(names.first_names_female),
        middle_male=tuple(names.middle_names_male),
        middle_female=tuple(names.middle_names_female),
        latin={name: _latin(name) for name in every_name},
        streets=tuple(fake.street_address() for _ in range(400)),
        cities=tuple(sorted({fake.city_name() for _ in range(60)})),
        companies=tuple(sorted({fake.company() for _ in range(80)})),
    )


SUBJECTS = (
    "математики",
    "русского языка и литературы",
    "физики",
    "информатики",
    "истории и обществознания",
    "биологии",
    "химии",
    "английского языка",
    "начальных классов",
    "географии",
    "физической культуры",
    "музыки",
)
# Mentees are mostly from the middle school.
GRADES = (1, 2, 3, 4, *range(5, 10), *range(5, 10), *range(5, 10), 10, 11)
POSITIONS = ("инженер-конструктор", "программист", "технолог", "менеджер проектов", "экономист")
COMPETENCES = (
    "Олимпиадная подготовка, исследовательские проекты",
    "Подготовка к ОГЭ и ЕГЭ, индивидуальные образовательные маршруты",
    "Классное руководство, работа с родителями",
    "Робототехника и программирование",
    "Проектная деятельность, публичные выступления",
    "Профориентация, знакомство с производством",
    "Адаптация молодых педагогов, методическая работа",
    "Школьное самоуправление, волонтёрство",
)
INTERESTS = (
    "Шахматы, чтение",
    "Футбол, компьютерные игры",
    "Рисование, музыка",
    "Программирование",
    "Театральная студия",
    "Туризм и краеведение",
    "Волонтёрство",
    "Биология, экология",
    "",
)
REQUESTS = (
    "Подтянуть математику",
    "Подготовиться к олимпиаде",
    "Освоиться в новом классе",
    "Выбрать профиль обучения и профессию",
    "Научиться выступать перед аудиторией",
    "Программирование с нуля",
    "Разговорный английский",
    "Дисциплина на уроке, работа с родителями",
)
TOPICS = {
    MeetingKind.INTRODUCTION: "Знакомство, ожидания от работы в паре",
    MeetingKind.TRIAL: "Пробное занятие",
    MeetingKind.PLANNING: "Составление индивидуального плана развития",
    MeetingKind.FINAL: "Подведение итогов, самооценка результатов",
}
WORKING_TOPICS = (
    "Разбор олимпиадных задач",
    "Подготовка проекта к защите",
    "Работа над ошибками контрольной",
    "Репетиция выступления",
    "Экскурсия на предприятие партнёра",
    "Разбор урока, обратная связь",
    "Планирование следующего этапа",
    "Тренировка по вариантам ОГЭ",
)
OUTCOMES = (
    "Цели встречи достигнуты, задание на следующую встречу согласовано.",
    "Разобрали трудные места, наставляемый справился с заданием самостоятельно.",
    "Составлен план на месяц, определены сроки.",
    "Подготовлен черновик проекта.",
    "Наставляемый выступил с докладом, обсудили замечания.",
)
OUTCOME_ADDITIONS = (
    " Материалы отправлены наставляемому.",
    " Куратор ознакомлен.",
    " Следующая встреча — по расписанию.",
    " Родители проинформированы.",
)
COMMENTS = (
    "Встреча была полезной.",
    "Хотелось бы больше практики.",
    "Всё понятно, спасибо!",
    "Было интересно.",
    "Нужно больше времени на задачи.",
)
GOALS = {
    "student": "Повышение успеваемости и адаптация обучающихся",
    "teacher": "Профессиональное становление молодого специалиста",
    "teacher_student": "Индивидуальный образовательный маршрут",
    "employer": "Профориентация и профессиональные пробы",
}
LEAVING_REASONS = ("Перевод в другую школу", "Заявление родителей", "Смена формы наставничества")
TERMINATION_REASONS = (
    "Наставляемый перешёл в другую школу",
    "Заявление наставника: смена места работы",
    "Несовместимость участников пары",
)
WITHDRAWAL_REASONS = ("Заявление участника", "Заявление законного представителя")
USER_AGENTS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 YaBrowser/24.4",
    "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/123.0 Mobile Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Safari/604.1",
)
CONSENT_TEXT = (
    "Я даю согласие на обработку моих персональных данных (персональных данных моего ребёнка) "
    "в целях участия в программе наставничества."
)
COURSES = (
    ("Наставничество в образовательной организации", Decimal("36.0")),
    ("Школа юного наставника", Decimal("16.0")),
    ("Методика сопровождения молодых педагогов", Decimal("72.0")),
)


@dataclass(frozen=True)
class ProgrammeKind:
    key: str
    form: str
    title: str
    cap: int
    mentor_categories: tuple[str, ...]
    mentee_category: str


PROGRAMMES = (
    ProgrammeKind(
        "student",
        "ученик – ученик",
        "Шаг вперёд: ученик – ученик",
        3,
        (ParticipantCategory.STUDENT,),
        ParticipantCategory.STUDENT,
    ),
    ProgrammeKind(
        "teacher",
        "учитель – учитель",
        "Школа молодого педагога",
        2,
        (ParticipantCategory.TEACHER,),
        ParticipantCategory.YOUNG_SPECIALIST,
    ),
    ProgrammeKind(
        "teacher_student",
        "учитель – ученик",
        "Учитель – ученик: индивидуальные маршруты",
        5,
        (ParticipantCategory.TEACHER,),
        ParticipantCategory.STUDENT,
    ),
    ProgrammeKind(
        "employer",
        "работодатель – ученик",
        "Профессиональные пробы с партнёрами",
        5,
        (ParticipantCategory.PARTNER,),
        ParticipantCategory.STUDENT,
    ),
)


# --- what the command gets back ----------------------------------------------------------------


@dataclass(frozen=True)
class Respondent:
    """What a generated participant would have answered in their questionnaire."""

    pk: int
    is_mentor: bool
    last_name: str
    first_name: str
    patronymic: str
    group: str
    requests: str
    interests: str
    competences: str
    form: str
    capacity: int
    joined_at: datetime.datetime


@dataclass
class OrganisationResult:
    organisation_id: int
    respondents: list[Respondent]
    counts: Counter
    history_subject_id: int | None
    period_start: datetime.date
    last_day: datetime.date


# --- time ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Calendar:
    """The programme year: it began nine months before the month of generation."""

    today: datetime.date
    horizon: datetime.datetime  # nothing generated happens after it
    programme_start: datetime.date
    programme_end: datetime.date
    tz: ZoneInfo

    @property
    def last_day(self) -> datetime.date:
        return self.today - datetime.timedelta(days=1)

    def at(self, day: datetime.date, rng: random.Random, hours=(8, 18)) -> datetime.datetime:
        moment = datetime.datetime(
            day.year,
            day.month,
            day.day,
            rng.randrange(*hours),
            rng.randrange(60),
            rng.randrange(60),
            tzinfo=self.tz,
        )
        return min(moment, self.horizon)


def calendar_for(*, today: datetime.date, now: datetime.datetime | None = None) -> Calendar:
    month = today.year * 12 + today.month - 1 - 9
    start = datetime.date(month // 12, month % 12 + 1, 1)
    end_month = month + 12
    end = datetime.date(end_month // 12, end_month % 12 + 1, 1) - datetime.timedelta(days=1)
    now = now or timezone.now()
    tz = ZoneInfo(settings.TIME_ZONE)
    midnight = datetime.datetime(today.year, today.month, today.day, tzinfo=tz)
    return Calendar(
        today=today,
        horizon=min(now, midnight) - datetime.timedelta(minutes=1),
        programme_start=start,
        programme_end=end,
        tz=tz,
    )


def _days(start: datetime.date, end: datetime.date, rng: random.Random) -> datetime.date:
    """A random day from start to end (start when the span is empty)."""
    span = (end - start).days
    return start + datetime.timedelta(days=rng.randint(0, span)) if span > 0 else start


def _between(
    start: datetime.datetime, end: datetime.datetime, count: int, rng: random.Random
) -> list[datetime.datetime]:
    """`count` increasing moments after `start`, up to `end` (one second apart if no room)."""
    seconds = int((end - start).total_seconds())
    if seconds <= count:
        return [start + datetime.timedelta(seconds=n + 1) for n in range(count)]
    offsets = sorted(rng.sample(range(1, seconds), count)) if count else []
    return [start + datetime.timedelta(seconds=offset) for offset in offsets]


def _edits(rng: random.Random, mean: float) -> int:
    """How many extra versions a record gets: on average `mean`, from 0 to twice its whole part."""
    whole = int(mean)
    return rng.randint(0, 2 * whole) + (rng.random() < mean - whole)


# --- history -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Version:
    """One history row of a record: its state is the record's with `changes` applied."""

    when: datetime.datetime
    type: str = "~"
    changes: dict | None = None
    reason: str | None = None


@functools.cache
def _tracked_attnames(model) -> tuple[str, ...]:
    history_model = model.history.model
    return tuple(
        field.attname
        for field in history_model._meta.concrete_fields
        if not field.name.startswith("history_")
    )


HISTORY_COLUMNS = (
    "history_date",
    "history_type",
    "history_change_reason",
    "history_user_id",
    "history_organisation_id",
)


def _to_db(field: models.Field) -> Callable[[object], object] | None:
    """What COPY needs instead of the attribute, for the few types psycopg cannot take as is."""
    if isinstance(field, models.FileField):
        return lambda value: (value.name or "") if value else ""
    if isinstance(field, models.JSONField):
        encoder = field.encoder or DjangoJSONEncoder
        return lambda value: None if value is None else json.dumps(value, cls=encoder)
    return None


def _copy(table: str, columns: list[str], rows: Iterable[tuple]) -> None:
    """PostgreSQL's COPY: several times faster than INSERT for millions of rows."""
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _reserve_ids(model, count: int) -> list[int]:
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def rows_insert(model, objects: list[models.Model]) -> None:
    """Insert new records and give them their primary keys, without signals (no history).

    On PostgreSQL: keys reserved from the sequence, rows sent with COPY; elsewhere
    bulk_create (which SQLite answers with the keys, batch by batch under its variable limit).
    Field defaults are already on the instances; auto_now(_add) is not applied by COPY, so
    such fields must be set by the caller.
    """
    if not objects:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objects, batch_size=BATCH_SIZE)
        return
    fields = [field for field in model._meta.concrete_fields]
    pk = model._meta.pk
    for obj, key in zip(objects, _reserve_ids(model, len(objects)), strict=True):
        setattr(obj, pk.attname, key)
    converters = [(field.attname, _to_db(field)) for field in fields]
    _copy(
        model._meta.db_table,
        [field.column for field in fields],
        (
            tuple(
                convert(getattr(obj, name)) if convert else getattr(obj, name)
                for name, convert in converters
            )
            for obj in objects
        ),
    )


def history_write(
    *,
    model: type[models.Model],
    records: Iterable[tuple[models.Model, list[Version]]],
    user_id: int,
    organisation_id: int,
    progress: Progress,
) -> int:
    """Write the history rows of records inserted in bulk; the number of rows.

    The records must have their primary keys. Rows are written BATCH_SIZE at a time (COPY on
    PostgreSQL, bulk_create elsewhere), so memory stays flat.
    """
    history_model = model.history.model
    names = _tracked_attnames(model)
    by_name = {field.attname: field for field in history_model._meta.concrete_fields}
    # The record's own fields decide: simple-history turns a FileField into a TextField.
    source = {field.attname: field for field in model._meta.concrete_fields}
    converters = [(name, _to_db(source.get(name, by_name[name]))) for name in names]
    columns = [by_name[name].column for name in names] + [
        by_name[name].column for name in HISTORY_COLUMNS
    ]
    copying = connection.vendor == "postgresql"
    batch: list = []
    written = 0

    def flush():
        nonlocal batch, written
        if copying:
            _copy(history_model._meta.db_table, columns, batch)
        else:
            history_model.objects.bulk_create(
                [
                    history_model(**dict(zip(names + HISTORY_COLUMNS, row, strict=True)))
                    for row in batch
                ],
                batch_size=BATCH_SIZE,
            )
        written += len(batch)
        progress("history", len(batch))
        batch = []

    for record, versions in records:
        state = {name: getattr(record, name) for name in names}
        if copying:
            for name, convert in converters:
                if convert:
                    state[name] = convert(state[name])
        for version in versions:
            values = {**state, **version.changes} if version.changes else state
            batch.append(
                (
                    *(values[name] for name in names),
                    version.when,
                    version.type,
                    version.reason,
                    user_id,
                    organisation_id,
                )
            )
        if len(batch) >= BATCH_SIZE:
            flush()
    if batch:
        flush()
    return written


def _insert(model, objects: list, progress: Progress, kind: str) -> list:
    for start in range(0, len(objects), BATCH_SIZE):
        chunk = objects[start : start + BATCH_SIZE]
        rows_insert(model, chunk)
        progress(kind, len(chunk))
    return objects


def _backwards(final_changes: list[tuple[str, object]]) -> list[dict]:
    """States before each edit, oldest first, from (field, value before the edit), newest last.

    With edits e1..en (oldest first) changing fields to their final values, the version
    after edit k differs from the record in the fields edited after k.
    """
    states: list[dict] = [{}]
    accumulated: dict = {}
    for name, earlier in reversed(final_changes):
        accumulated = {**accumulated, name: earlier}
        states.append(accumulated)
    return list(reversed(states))


# --- one organisation ------------------------------------------------------------------------


@dataclass
class _Person:
    record: Participant
    male: bool
    surname_index: int
    versions: list[Version] = dataclasses.field(default_factory=list)
    consent_day: datetime.date | None = None
    form: str = ""
    capacity: int = 0


@dataclass
class _PairPlan:
    record: Pair
    kind: ProgrammeKind
    mentees: list[_Person]
    versions: list[Version]
    approved_at: datetime.datetime | None = None
    active_day: datetime.date | None = None
    memberships: list[PairMentee] = dataclasses.field(default_factory=list)


class _Generator:
    """Builds and inserts one organisation's records; see the module's docstring."""

    def __init__(
        self,
        *,
        seed: int,
        index: int,
        profile: ScaleProfile,
        curator,
        calendar: Calendar,
        progress: Progress,
        history_subject: bool,
    ):
        self.seed = seed
        self.index = index
        self.rng = random.Random(f"scale:{seed}:{index}")
        self.pools = pools(seed=seed)
        self.profile = profile
        self.curator = curator
        self.cal = calendar
        self.progress = progress
        self.with_history_subject = history_subject
        self.counts: Counter = Counter()
        parts = profile.organisations
        self.n_participants = share(total=profile.participants, parts=parts, index=index)
        self.n_pairs = share(total=profile.pairs, parts=parts, index=index)
        self.n_meetings = share(total=profile.meetings, parts=parts, index=index)
        self.setup_start = calendar.programme_start - datetime.timedelta(days=30)

    # history

    def _history(self, model, records) -> None:
        self.counts[f"history:{model.__name__}"] += history_write(
            model=model,
            records=records,
            user_id=self.curator.pk,
            organisation_id=self.organisation.pk,
            progress=self.progress,
        )

    def _at(self, day: datetime.date, hours=(8, 18)) -> datetime.datetime:
        return self.cal.at(min(day, self.cal.last_day), self.rng, hours)

    # steps

    def run(self) -> OrganisationResult:
        self._organisation()
        self._programmes()
        people = self._participants()
        self._consents(people)
        pairs = self._pairs(people)
        self._meetings(pairs)
        self._mentor_records(people, pairs)
        subject = people[0].record.pk if self.with_history_subject and people else None
        return OrganisationResult(
            organisation_id=self.organisation.pk,
            respondents=[self._respondent(person) for person in people],
            counts=self.counts,
            history_subject_id=subject,
            period_start=self.cal.programme_start,
            last_day=self.cal.last_day,
        )

    def _respondent(self, person: _Person) -> Respondent:
        record = person.record
        return Respondent(
            pk=record.pk,
            is_mentor=record.is_mentor,
            last_name=record.last_name,
            first_name=record.first_name,
            patronymic=record.patronymic,
            group=record.group,
            requests=record.requests,
            interests=record.interests,
            competences=record.competences,
            form=person.form,
            capacity=person.capacity,
            joined_at=person.versions[0].when,
        )

    def _organisation(self) -> None:
        rng = self.rng
        city = rng.choice(self.pools.cities)
        number = self.index * 3 + rng.randint(1, 3)
        head = self._full_name(male=rng.random() < 0.3)
        organisation = Organisation(
            full_name=(
                "Муниципальное бюджетное общеобразовательное учреждение "
                f"«Средняя общеобразовательная школа № {number}» г. {city}"
            ),
            short_name=f"Школа № {number} ({city})",
            address=f"г. {city}, {rng.choice(self.pools.streets)}",
            head_name=head,
        )
        Organisation.objects.bulk_create([organisation])
        organisation.members.add(self.curator)
        self.organisation = organisation
        self.city = city
        created = self._at(self.setup_start, (9, 12))
        self._history(Organisation, [(organisation, [Version(created, "+")])])
        self.counts["Organisation"] += 1
        self.progress("organisations", 1)

        partners = [
            PartnerOrganisation(
                organisation=organisation,
                name=name,
                agreement_number=f"{rng.randint(1, 40)}-С",
                agreement_date=self.setup_start - datetime.timedelta(days=rng.randint(5, 200)),
                valid_until=self.cal.programme_end + datetime.timedelta(days=365),
                contact_person=self._full_name(male=rng.random() < 0.6),
                contacts=self._phone(),
            )
            for name in rng.sample(self.pools.companies, 2)
        ]
        _insert(PartnerOrganisation, partners, self.progress, "partners")
        self.partners = partners
        self._history(
            PartnerOrganisation,
            [(partner, [Version(self._at(self.setup_start), "+")]) for partner in partners],
        )
        self.counts["PartnerOrganisation"] += len(partners)

    def _programmes(self) -> None:
        forms = {
            kind.form: MentoringForm.objects.get_or_create(name=kind.form)[0] for kind in PROGRAMMES
        }
        programmes = [
            Programme(
                organisation=self.organisation,
                title=kind.title,
                form=forms[kind.form],
                start_date=self.cal.programme_start,
                end_date=self.cal.programme_end,
                curator=self.curator,
                goals=GOALS[kind.key],
                status=ProgrammeStatus.ACTIVE,
                max_mentees_per_mentor=kind.cap,
            )
            for kind in PROGRAMMES
        ]
        _insert(Programme, programmes, self.progress, "programmes")
        self.programmes = {
            kind.key: programme for kind, programme in zip(PROGRAMMES, programmes, strict=True)
        }
        start = self._at(self.cal.programme_start, (9, 11))
        self._history(
            Programme,
            [
                (
                    programme,
                    [
                        Version(
                            self._at(self.setup_start),
                            "+",
                            {"status": ProgrammeStatus.DRAFT},
                        ),
                        Version(start, reason="Приказ об утверждении программы"),
                    ],
                )
                for programme in programmes
            ],
        )
        self.counts["Programme"] += len(programmes)

    # people

    def _full_name(self, *, male: bool) -> str:
        rng, pools = self.rng, self.pools
        if male:
            return f"{rng.choice(pools.last_male)} {rng.choice(pools.first_male)} {rng.choice(pools.middle_male)}"
        return f"{rng.choice(pools.last_female)} {rng.choice(pools.first_female)} {rng.choice(pools.middle_female)}"

    def _phone(self) -> str:
        rng = self.rng
        return f"+7 9{rng.randint(10, 99)} {rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}"

    def _email(self, last: str, first: str) -> str:
        latin = self.pools.latin
        return f"{latin[last]}.{latin[first][:1]}{self.rng.randint(1, 999)}@example.ru"

    def _participants(self) -> list[_Person]:
        rng = self.rng
        total = self.n_participants
        mentors = min(round(total * 0.25), total - self.n_pairs) if total else 0
        if self.n_pairs and mentors < 1:
            raise ValueError(
                f"{self.n_participants} participants cannot form {self.n_pairs} pairs."
            )
        people = []
        for number in range(total):
            is_mentor = number < mentors
            if is_mentor:
                roll = rng.random()
                category = (
                    ParticipantCategory.TEACHER
                    if number == 0 or roll < 0.55
                    else ParticipantCategory.STUDENT
                    if roll < 0.85
                    else ParticipantCategory.PARTNER
                )
            else:
                category = (
                    ParticipantCategory.YOUNG_SPECIALIST
                    if rng.random() < 0.1
                    else ParticipantCategory.STUDENT
                )
            people.append(self._person(category=category, is_mentor=is_mentor))
        if self.with_history_subject and people:
            self._history_subject(people[0])
        _insert(Participant, [person.record for person in people], self.progress, "participants")
        self._history(Participant, ((person.record, person.versions) for person in people))
        self.counts["Participant"] += len(people)
        return people

    def _person(self, *, category: str, is_mentor: bool) -> _Person:
        rng, pools, cal = self.rng, self.pools, self.cal
        teacherish = category in (ParticipantCategory.TEACHER, ParticipantCategory.YOUNG_SPECIALIST)
        male = rng.random() < (0.2 if teacherish else 0.5)
        surname = rng.randrange(len(pools.last_male))
        last = (pools.last_male if male else pools.last_female)[surname]
        first = rng.choice(pools.first_male if male else pools.first_female)
        middle = rng.choice(pools.middle_male if male else pools.middle_female)
        year = cal.programme_start.year
        partner = None
        if category == ParticipantCategory.STUDENT:
            grade = rng.randint(10, 11) if is_mentor else rng.choice(GRADES)
            age = 6 + grade
            group = f"{grade} «{rng.choice('АБВГ')}»"
        elif category == ParticipantCategory.TEACHER:
            age = rng.randint(26, 62)
            group = f"учитель {rng.choice(SUBJECTS)}"
        elif category == ParticipantCategory.YOUNG_SPECIALIST:
            age = rng.randint(22, 27)
            group = f"учитель {rng.choice(SUBJECTS)}"
        else:
            age = rng.randint(25, 55)
            group = rng.choice(POSITIONS)
            partner = rng.choice(self.partners)
        birth = datetime.date(year - age - 1, 9, 1) + datetime.timedelta(days=rng.randrange(365))
        adult = category != ParticipantCategory.STUDENT
        joined = _days(self.setup_start, cal.programme_start + datetime.timedelta(days=20), rng)
        record = Participant(
            organisation=self.organisation,
            last_name=last,
            first_name=first,
            patronymic=middle,
            is_mentor=is_mentor,
            is_mentee=not is_mentor,
            category=category,
            group=group,
            birth_date=birth,
            phone=self._phone() if adult or rng.random() < 0.5 else "",
            email=self._email(last, first) if adult or rng.random() < 0.4 else "",
            partner_organisation=partner,
            competences=rng.choice(COMPETENCES) if is_mentor else "",
            interests=rng.choice(INTERESTS),
            requests="" if is_mentor else rng.choice(REQUESTS),
            status=ParticipantStatus.ACTIVE,
            joined_on=joined,
        )
        person = _Person(record=record, male=male, surname_index=surname)
        person.versions = self._corrections(record, joined)
        return person

    def _corrections(self, record: Participant, joined: datetime.date) -> list[Version]:
        """The record as first entered, then the curator's corrections up to its final state."""
        rng = self.rng
        edits = []
        for _ in range(_edits(rng, self.profile.participant_edits)):
            name = rng.choice(("phone", "email", "group", "interests"))
            current = getattr(record, name)
            earlier = {
                "phone": self._phone() if current else "",
                "email": "",
                "group": f"{current} (уточнить)" if current else "",
                "interests": "",
            }[name]
            edits.append((name, earlier))
        states = _backwards(edits)
        created = self._at(joined)
        moments = [created, *_between(created, self.cal.horizon, len(edits), rng)]
        reasons = [None, *["Уточнены данные участника" for _ in edits]]
        return [
            Version(when, "+" if number == 0 else "~", state or None, reason)
            for number, (when, state, reason) in enumerate(
                zip(moments, states, reasons, strict=True)
            )
        ]

    def _history_subject(self, person: _Person) -> None:
        """Exactly 1000 versions: the record created, then 999 corrections by the curator."""
        record = person.record
        record.interests = HISTORY_SUBJECT_NOTE
        rng = self.rng
        fields = ("phone", "email", "group", "competences")
        edits = []
        for number in range(HISTORY_SUBJECT_VERSIONS - 1):
            name = fields[number % len(fields)]
            earlier = {
                "phone": self._phone(),
                "email": self._email(record.last_name, record.first_name),
                "group": f"учитель {rng.choice(SUBJECTS)}",
                "competences": rng.choice(COMPETENCES),
            }[name]
            edits.append((name, earlier))
        states = _backwards(edits)
        created = person.versions[0].when
        moments = [created, *_between(created, self.cal.horizon, len(edits), rng)]
        person.versions = [
            Version(when, "+" if number == 0 else "~", state or None)
            for number, (when, state) in enumerate(zip(moments, states, strict=True))
        ]

    def _consents(self, people: list[_Person]) -> None:
        rng, cal = self.rng, self.cal
        consents: list[tuple[Consent, list[Version]]] = []
        for person in people:
            record = person.record
            given = _days(record.joined_on, record.joined_on + datetime.timedelta(days=7), rng)
            given = min(given, cal.last_day)
            person.consent_day = given
            consents.append(self._consent(person, ConsentKind.PROCESSING, given))
            if rng.random() < (0.25 if record.is_mentor else 0.05):
                consents.append(self._consent(person, ConsentKind.DISSEMINATION, given))
        _insert(Consent, [consent for consent, _ in consents], self.progress, "consents")
        self._history(Consent, consents)
        self.counts["Consent"] += len(consents)

    def _consent(
        self, person: _Person, kind: str, given: datetime.date
    ) -> tuple[Consent, list[Version]]:
        rng, pools, cal = self.rng, self.pools, self.cal
        record = person.record
        minor = record.is_minor(given)
        web = rng.random() < 0.4
        address = f"г. {self.city}, {rng.choice(pools.streets)}"
        age = (given - record.birth_date).days // 365
        if age >= 14:
            document = f"паспорт {rng.randint(1000, 9999)} {rng.randint(100000, 999999)}"
            document_date = record.birth_date + datetime.timedelta(
                days=14 * 365 + rng.randint(10, 300)
            )
            issuer = "ГУ МВД России по Нижегородской области"
        else:
            document = f"свидетельство о рождении IV-ТН № {rng.randint(100000, 999999)}"
            document_date = record.birth_date + datetime.timedelta(days=rng.randint(5, 30))
            issuer = f"Отдел ЗАГС г. {self.city}"
        consent = Consent(
            participant=record,
            kind=kind,
            given_by=ConsentGiver.REPRESENTATIVE if minor else ConsentGiver.PARTICIPANT,
            source=ConsentSource.WEB if web else ConsentSource.PAPER,
            text=CONSENT_TEXT if web else "",
            accepted_at=self._at(given) if web else None,
            ip_address=f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
            if web
            else None,
            user_agent=rng.choice(USER_AGENTS) if web else "",
            subject_name=record.full_name,
            subject_address=address,
            subject_document=document,
            subject_document_date=min(document_date, given),
            subject_document_issuer=issuer,
            given_on=given,
        )
        if minor:
            parent_male = rng.random() < 0.3
            surname = (self.pools.last_male if parent_male else self.pools.last_female)[
                person.surname_index
            ]
            first = rng.choice(pools.first_male if parent_male else pools.first_female)
            middle = rng.choice(pools.middle_male if parent_male else pools.middle_female)
            consent.representative_name = f"{surname} {first} {middle}"
            consent.representative_address = address
            consent.representative_document = (
                f"паспорт {rng.randint(1000, 9999)} {rng.randint(100000, 999999)}"
            )
            consent.representative_document_date = given - datetime.timedelta(
                days=rng.randint(400, 5000)
            )
            consent.representative_document_issuer = "ГУ МВД России по Нижегородской области"
            consent.representative_authority = (
                f"свидетельство о рождении IV-ТН № {rng.randint(100000, 999999)} "
                f"от {(record.birth_date + datetime.timedelta(days=20)):%d.%m.%Y}"
            )
        created = consent.accepted_at or self._at(given)
        versions = [Version(created, "+")]
        if not web and rng.random() < 0.15:
            # A paper consent typed in without the address first, completed from the scan.
            versions = [
                Version(created, "+", {"subject_address": ""}),
                Version(_between(created, cal.horizon, 1, rng)[0], reason="Уточнены реквизиты"),
            ]
        if kind == ConsentKind.DISSEMINATION and rng.random() < 0.2:
            withdrawn = _days(given + datetime.timedelta(days=10), cal.last_day, rng)
            if withdrawn <= cal.last_day:
                consent.withdrawn_on = withdrawn
                consent.withdrawal_reason = rng.choice(WITHDRAWAL_REASONS)
                before = {"withdrawn_on": None, "withdrawal_reason": ""}
                versions = [
                    Version(v.when, v.type, {**(v.changes or {}), **before}, v.reason)
                    for v in versions
                ]
                when = max(self._at(withdrawn), versions[-1].when + datetime.timedelta(seconds=1))
                versions.append(Version(when, reason=consent.withdrawal_reason))
        return consent, versions

    # pairs

    def _pairs(self, people: list[_Person]) -> list[_PairPlan]:
        rng = self.rng
        mentors = [p for p in people if p.record.is_mentor]
        queues = {
            category: [p for p in people if p.record.is_mentee and p.record.category == category]
            for category in (ParticipantCategory.STUDENT, ParticipantCategory.YOUNG_SPECIALIST)
        }
        for queue in queues.values():
            rng.shuffle(queue)
        matchable = int(sum(len(q) for q in queues.values()) * 0.92)
        extra = max(0, matchable - self.n_pairs)
        capacity = {}
        by_kind = {}
        for kind in PROGRAMMES:
            candidates = [m for m in mentors if m.record.category in kind.mentor_categories]
            by_kind[kind.key] = candidates
            for mentor in candidates:
                capacity[(kind.key, id(mentor))] = kind.cap
        pointer = Counter()
        plans: list[_PairPlan] = []
        for _ in range(self.n_pairs):
            size = 1
            if extra and rng.random() < 0.3:
                size += min(extra, rng.randint(1, 3))
            options = []
            for kind in PROGRAMMES:
                queue = queues[kind.mentee_category]
                room = max((capacity[(kind.key, id(m))] for m in by_kind[kind.key]), default=0)
                if queue and room:
                    options.append((kind, min(room, len(queue))))
            if not options:
                break
            kind, room = rng.choices(
                options, weights=[len(queues[k.mentee_category]) * r for k, r in options]
            )[0]
            size = min(size, room)
            candidates = by_kind[kind.key]
            for step in range(len(candidates)):
                mentor = candidates[(pointer[kind.key] + step) % len(candidates)]
                if capacity[(kind.key, id(mentor))] >= size:
                    pointer[kind.key] += step + 1
                    break
            capacity[(kind.key, id(mentor))] -= size
            queue = queues[kind.mentee_category]
            mentees = [queue.pop() for _ in range(size)]
            extra -= size - 1
            mentor.form = mentor.form or kind.form
            mentor.capacity = kind.cap
            for mentee in mentees:
                mentee.form = kind.form
            plans.append(self._pair_plan(kind, mentor, mentees))
        _insert(Pair, [plan.record for plan in plans], self.progress, "pairs")
        self._history(Pair, ((plan.record, plan.versions) for plan in plans))
        self.counts["Pair"] += len(plans)
        self._memberships(plans)
        return plans

    def _pair_plan(self, kind: ProgrammeKind, mentor: _Person, mentees: list[_Person]) -> _PairPlan:
        rng, cal = self.rng, self.cal
        programme = self.programmes[kind.key]
        roll = rng.random()
        status = (
            PairStatus.DRAFT
            if roll < 0.08
            else PairStatus.APPROVED
            if roll < 0.15
            else PairStatus.ACTIVE
            if roll < 0.78
            else PairStatus.COMPLETED
            if roll < 0.90
            else PairStatus.TERMINATED
        )
        from_draft = status == PairStatus.TERMINATED and rng.random() < 0.2
        ready = max(p.consent_day for p in [mentor, *mentees]) + datetime.timedelta(days=1)
        ready = max(ready, cal.programme_start + datetime.timedelta(days=28))
        last = cal.last_day
        if status in (PairStatus.DRAFT, PairStatus.APPROVED):
            created_day = _days(max(ready, last - datetime.timedelta(days=30)), last, rng)
        else:
            created_day = _days(ready, ready + datetime.timedelta(days=40), rng)
        created = self._at(created_day, (9, 13))
        pair = Pair(
            programme=programme,
            mentor=mentor.record,
            status=status,
            goals=f"{GOALS[kind.key]}: {mentees[0].record.requests or 'работа по плану'}"[:300],
        )
        plan = _PairPlan(record=pair, kind=kind, mentees=mentees, versions=[])
        draft = {
            "status": PairStatus.DRAFT,
            "order_number": "",
            "order_date": None,
            "development_plan": "",
            "end_date": None,
            "termination_reason": "",
        }
        if status == PairStatus.DRAFT or from_draft:
            pair.start_date = min(
                created_day + datetime.timedelta(days=rng.randint(7, 21)), programme.end_date
            )
            plan.versions = [Version(created, "+", draft)]
            if from_draft:
                ended = _days(created_day + datetime.timedelta(days=2), last, rng)
                pair.end_date = pair.start_date
                pair.termination_reason = rng.choice(TERMINATION_REASONS)
                plan.versions.append(
                    Version(self._after(ended, created), reason=pair.termination_reason)
                )
            return plan
        order_day = min(created_day + datetime.timedelta(days=rng.randint(3, 10)), last)
        pair.order_date = order_day
        pair.order_number = f"{20 + (order_day - cal.programme_start).days // 7}-О"
        pair.development_plan = f"Индивидуальный план развития: {GOALS[kind.key].lower()}"
        approved_at = self._after(order_day, created, (9, 12))
        plan.approved_at = approved_at
        approved = {"status": PairStatus.APPROVED, "end_date": None, "termination_reason": ""}
        if status == PairStatus.APPROVED:
            pair.start_date = min(
                order_day + datetime.timedelta(days=rng.randint(1, 14)), programme.end_date
            )
            plan.versions = [
                Version(created, "+", draft),
                Version(approved_at, changes=None, reason="Приказ о закреплении пар"),
            ]
            return plan
        pair.start_date = min(order_day + datetime.timedelta(days=rng.randint(0, 3)), last)
        active_day = min(pair.start_date + datetime.timedelta(days=rng.randint(0, 4)), last)
        plan.active_day = active_day
        active_at = self._after(active_day, approved_at, (18, 20))
        plan.versions = [
            Version(created, "+", draft),
            Version(approved_at, changes=approved, reason="Приказ о закреплении пар"),
        ]
        if status == PairStatus.ACTIVE:
            plan.versions.append(Version(active_at, reason="Встреча-знакомство проведена"))
            return plan
        plan.versions.append(
            Version(
                active_at,
                changes={"status": PairStatus.ACTIVE, "end_date": None, "termination_reason": ""},
                reason="Встреча-знакомство проведена",
            )
        )
        shortest = 14 if status == PairStatus.TERMINATED else 60
        earliest = min(active_day + datetime.timedelta(days=shortest), last)
        pair.end_date = _days(earliest, last, rng)
        if status == PairStatus.TERMINATED:
            pair.termination_reason = rng.choice(TERMINATION_REASONS)
            reason = pair.termination_reason
        else:
            reason = "Индивидуальный план выполнен"
        plan.versions.append(
            Version(self._after(pair.end_date, active_at, (18, 21)), reason=reason)
        )
        return plan

    def _after(self, day: datetime.date, previous: datetime.datetime, hours=(9, 18)):
        """A moment on `day`, but after `previous` (the versions of a record must be ordered)."""
        moment = self._at(day, hours)
        if moment <= previous:
            moment = previous + datetime.timedelta(minutes=self.rng.randint(1, 30))
        return moment

    def _memberships(self, plans: list[_PairPlan]) -> None:
        rng, last = self.rng, self.cal.last_day
        rows: list[tuple[PairMentee, list[Version]]] = []
        for plan in plans:
            pair = plan.record
            for number, mentee in enumerate(plan.mentees):
                membership = PairMentee(pair=pair, mentee=mentee.record, joined_on=pair.start_date)
                created = plan.versions[0].when + datetime.timedelta(seconds=1)
                versions = [Version(created, "+")]
                if number and plan.active_day and rng.random() < 0.1:
                    end = min(pair.end_date or last, last)
                    earliest = plan.active_day + datetime.timedelta(days=14)
                    if earliest < end:
                        membership.left_on = _days(earliest, end, rng)
                        membership.left_reason = rng.choice(LEAVING_REASONS)
                        versions = [
                            Version(created, "+", {"left_on": None, "left_reason": ""}),
                            Version(
                                self._after(membership.left_on, created),
                                reason=membership.left_reason,
                            ),
                        ]
                plan.memberships.append(membership)
                rows.append((membership, versions))
        _insert(PairMentee, [m for m, _ in rows], self.progress, "memberships")
        self._history(PairMentee, rows)
        self.counts["PairMentee"] += len(rows)

    # meetings and feedback

    def _meetings(self, plans: list[_PairPlan]) -> None:
        rng, last = self.rng, self.cal.last_day
        held = [plan for plan in plans if plan.active_day]
        windows = [
            ((min(plan.record.end_date or last, last) - plan.active_day).days + 1) for plan in held
        ]
        quotas = _apportion(self.n_meetings, windows)
        meetings: list[tuple[Meeting, list[Version], _PairPlan]] = []
        for plan, quota, window in zip(held, quotas, windows, strict=True):
            pair = plan.record
            step = window / quota if quota else 0
            for number in range(quota):
                offset = int(number * step + rng.random() * step * 0.6) if number else 0
                day = plan.active_day + datetime.timedelta(days=min(offset, window - 1))
                if number == 0:
                    kind = MeetingKind.INTRODUCTION
                elif number == quota - 1 and pair.status == PairStatus.COMPLETED:
                    kind = MeetingKind.FINAL
                elif number < 3:
                    kind = (MeetingKind.TRIAL, MeetingKind.PLANNING)[number - 1]
                else:
                    kind = MeetingKind.WORKING
                held_at = self.cal.at(day, rng, (14, 18))
                if number == 0:
                    # The introduction comes before the pair turns active (see _pair_plan).
                    held_at = held_at.replace(hour=15)
                meeting = Meeting(
                    programme_id=pair.programme_id,
                    pair=pair,
                    kind=kind,
                    held_at=held_at,
                    format=MeetingFormat.REMOTE if rng.random() < 0.2 else MeetingFormat.IN_PERSON,
                    topic=TOPICS.get(kind) or rng.choice(WORKING_TOPICS),
                    outcome=rng.choice(OUTCOMES),
                )
                meetings.append((meeting, self._meeting_versions(meeting, plan), plan))
        _insert(Meeting, [m for m, _, _ in meetings], self.progress, "meetings")
        self._history(Meeting, ((m, v) for m, v, _ in meetings))
        self.counts["Meeting"] += len(meetings)
        self._feedback(meetings)

    def _meeting_versions(self, meeting: Meeting, plan: _PairPlan) -> list[Version]:
        """Planned, maybe rescheduled or reworded, then held (outcome written), maybe supplemented."""
        rng, horizon = self.rng, self.cal.horizon
        held_at = meeting.held_at
        edits = _edits(rng, self.profile.meeting_edits)
        before = rng.randint(0, edits)
        after = edits - before
        planned = held_at - datetime.timedelta(hours=rng.randint(24, 24 * 7))
        created = max(planned, plan.approved_at + datetime.timedelta(minutes=1))
        if created >= held_at:
            created = held_at - datetime.timedelta(minutes=30)
        earlier: list[tuple[str, object]] = []
        for _ in range(before):
            name = rng.choice(("held_at", "format", "topic"))
            earlier.append(
                (
                    name,
                    {
                        "held_at": held_at.replace(hour=rng.choice((13, 14, 15, 16, 17)), minute=0),
                        "format": MeetingFormat.IN_PERSON
                        if meeting.format == MeetingFormat.REMOTE
                        else MeetingFormat.REMOTE,
                        "topic": "Встреча по плану",
                    }[name],
                )
            )
        filled = min(held_at + datetime.timedelta(minutes=rng.randint(60, 48 * 60)), horizon)
        earlier.append(("outcome", ""))
        additions = []
        outcome = meeting.outcome
        for _ in range(after):
            addition = rng.choice(OUTCOME_ADDITIONS)
            additions.append(("outcome", outcome))
            outcome += addition
        meeting.outcome = outcome
        states = _backwards(earlier + additions)
        moments = [
            created,
            *_between(created, held_at, before, rng),
            max(filled, held_at + datetime.timedelta(seconds=1)),
        ]
        moments += _between(
            moments[-1], min(moments[-1] + datetime.timedelta(days=20), horizon), after, rng
        )
        reasons = [None] * (before + 1) + ["Встреча проведена"] + ["Дополнен итог"] * after
        return [
            Version(when, "+" if number == 0 else "~", state or None, reason)
            for number, (when, state, reason) in enumerate(
                zip(moments, states, reasons, strict=True)
            )
        ]

    def _feedback(self, meetings) -> None:
        rng, horizon = self.rng, self.cal.horizon
        members_of = {}
        for _, _, plan in meetings:
            if id(plan) not in members_of:
                members_of[id(plan)] = [(plan.record.mentor, None, None, 0.85)] + [
                    (m.mentee, m.joined_on, m.left_on, 0.8) for m in plan.memberships
                ]
        rows: list[tuple[Feedback, list[Version]]] = []
        for meeting, _versions, plan in meetings:
            day = timezone.localtime(meeting.held_at, self.cal.tz).date()
            for author, joined, left, chance in members_of[id(plan)]:
                if (joined and day < joined) or (left and day > left):
                    continue
                if rng.random() >= chance:
                    continue
                submitted = min(
                    meeting.held_at + datetime.timedelta(minutes=rng.randint(60, 72 * 60)), horizon
                )
                submitted = max(submitted, meeting.held_at + datetime.timedelta(seconds=1))
                feedback = Feedback(
                    meeting=meeting,
                    author=author,
                    rating=rng.choices((5, 4, 3, 2, 1), weights=(45, 35, 13, 5, 2))[0],
                    comment=rng.choice(COMMENTS) if rng.random() < 0.6 else "",
                    submitted_at=submitted,
                )
                edits = _edits(rng, self.profile.feedback_edits)
                if edits and not feedback.comment:
                    feedback.comment = rng.choice(COMMENTS)
                earlier = []
                comment = ""
                for _ in range(edits):
                    earlier.append(("comment", comment))
                    comment = (comment + " " + rng.choice(COMMENTS)).strip()
                if edits:
                    feedback.comment = (comment + " " + feedback.comment).strip()
                states = _backwards(earlier)
                moments = [
                    submitted,
                    *_between(
                        submitted, min(submitted + datetime.timedelta(days=7), horizon), edits, rng
                    ),
                ]
                rows.append(
                    (
                        feedback,
                        [
                            Version(when, "+" if n == 0 else "~", state or None)
                            for n, (when, state) in enumerate(zip(moments, states, strict=True))
                        ],
                    )
                )
        _insert(Feedback, [f for f, _ in rows], self.progress, "feedback")
        self._history(Feedback, rows)
        self.counts["Feedback"] += len(rows)

    # mentors' trainings, incentives, a practice

    def _mentor_records(self, people: list[_Person], plans: list[_PairPlan]) -> None:
        rng, cal = self.rng, self.cal
        mentors = [p for p in people if p.record.is_mentor]
        trainings = []
        decisions = []
        for mentor in mentors:
            if rng.random() < 0.4:
                course, hours = rng.choice(COURSES)
                day = _days(
                    cal.programme_start - datetime.timedelta(days=60),
                    cal.programme_start + datetime.timedelta(days=30),
                    rng,
                )
                training = MentorTraining(
                    mentor=mentor.record, course=course, hours=hours, completed_on=day
                )
                trainings.append((training, [Version(self._at(day), "+")]))
            if rng.random() < 0.12:
                decisions.append(self._decision(mentor))
        _insert(MentorTraining, [t for t, _ in trainings], self.progress, "trainings")
        self._history(MentorTraining, trainings)
        _insert(IncentiveDecision, [d for d, _ in decisions], self.progress, "incentives")
        self._history(IncentiveDecision, decisions)
        self.counts["MentorTraining"] += len(trainings)
        self.counts["IncentiveDecision"] += len(decisions)
        active = [plan for plan in plans if plan.record.status == PairStatus.ACTIVE]
        if active:
            plan = rng.choice(active)
            case = Case(
                organisation=self.organisation,
                title=f"{plan.kind.title}: от знакомства до результата",
                programme=plan.record.programme,
                pair=plan.record,
                description="Как пара за полгода выполнила индивидуальный план развития.",
                is_published=True,
            )
            _insert(Case, [case], self.progress, "cases")
            created = self._at(cal.last_day - datetime.timedelta(days=20))
            self._history(
                Case,
                [
                    (
                        case,
                        [
                            Version(created, "+", {"is_published": False}),
                            Version(_between(created, cal.horizon, 1, rng)[0]),
                        ],
                    )
                ],
            )
            self.counts["Case"] += 1

    def _decision(self, mentor: _Person) -> tuple[IncentiveDecision, list[Version]]:
        rng, cal = self.rng, self.cal
        kind = rng.choice(IncentiveKind.values)
        proposed = _days(cal.programme_start + datetime.timedelta(days=60), cal.last_day, rng)
        roll = rng.random()
        status = (
            DecisionStatus.PROPOSED
            if roll < 0.3
            else DecisionStatus.APPROVED
            if roll < 0.85
            else DecisionStatus.REJECTED
        )
        decision = IncentiveDecision(
            mentor=mentor.record,
            kind=kind,
            grounds="Результативное сопровождение наставляемых в программе наставничества",
            amount=Decimal(rng.choice((3000, 5000, 10000)))
            if kind == IncentiveKind.PAYMENT
            else None,
            status=status,
        )
        created = self._at(proposed)
        if status == DecisionStatus.PROPOSED:
            return decision, [Version(created, "+")]
        decided = _days(proposed, min(proposed + datetime.timedelta(days=20), cal.last_day), rng)
        decision.decided_by = self.curator
        decision.decided_on = decided
        if status == DecisionStatus.APPROVED:
            decision.order_number = f"{rng.randint(100, 300)}-О"
            decision.order_date = decided
        pending = {
            "status": DecisionStatus.PROPOSED,
            "decided_by_id": None,
            "decided_on": None,
            "order_number": "",
            "order_date": None,
        }
        return decision, [
            Version(created, "+", pending),
            Version(self._after(decided, created), reason="Решение принято"),
        ]


def _apportion(total: int, weights: list[int]) -> list[int]:
    """`total` split in proportion to the weights, each part at least 1 while total allows."""
    if not weights or total <= 0:
        return [0] * len(weights)
    if total < len(weights):
        return [1] * total + [0] * (len(weights) - total)
    rest = total - len(weights)
    whole = sum(weights)
    parts = [1 + rest * weight // whole for weight in weights]
    missing = total - sum(parts)
    order = sorted(range(len(weights)), key=lambda n: -weights[n])
    for n in range(missing):
        parts[order[n % len(order)]] += 1
    return parts


def scale_organisation_generate(
    *,
    seed: int,
    index: int,
    profile: ScaleProfile,
    curator,
    calendar: Calendar,
    progress: Progress = lambda kind, count: None,
) -> OrganisationResult:
    """Generate one organisation's records and their history; call inside a transaction.

    `curator` is the organisation's generated curator (username `curator_username()`):
    they become a member of the organisation and the author of every history row.
    """
    return _Generator(
        seed=seed,
        index=index,
        profile=profile,
        curator=curator,
        calendar=calendar,
        progress=progress,
        history_subject=index == 0,
    ).run()


# --- the check ---------------------------------------------------------------------------------

SAMPLED_MODELS = (
    Organisation,
    PartnerOrganisation,
    Programme,
    Participant,
    Consent,
    Pair,
    PairMentee,
    Meeting,
    Feedback,
    MentorTraining,
    IncentiveDecision,
    Case,
)
# How each model reaches its organisation.
ORGANISATION_PATHS = {
    Organisation: "pk",
    PartnerOrganisation: "organisation",
    Programme: "organisation",
    Participant: "organisation",
    Consent: "participant__organisation",
    Pair: "programme__organisation",
    PairMentee: "pair__programme__organisation",
    Meeting: "programme__organisation",
    Feedback: "meeting__programme__organisation",
    MentorTraining: "mentor__organisation",
    IncentiveDecision: "mentor__organisation",
    Case: "organisation",
}


def consistency_errors(
    *,
    organisations: Iterable[int] | models.QuerySet | None = None,
    sample: int = 100,
    today: datetime.date | None = None,
) -> list[str]:
    """Every rule of the records checked over the organisations' data; [] when all hold.

    A sample of each model goes through `full_clean()`; the rules across records (mentor
    load, consents of approved and active pairs, meetings inside pair periods, status
    transitions in the history, history rows with author, date and organisation) are
    checked over all rows with a few queries each.
    """
    from programmes.services.pairs import pair_membership_errors

    today = today or timezone.localdate()
    if organisations is None:
        organisations = list(Organisation.objects.values_list("pk", flat=True))
    elif isinstance(organisations, models.QuerySet):
        organisations = list(organisations.values_list("pk", flat=True))
    else:
        organisations = list(organisations)
    errors: list[str] = []

    def scoped(model):
        return model.objects.filter(**{f"{ORGANISATION_PATHS[model]}__in": organisations})

    for model in SAMPLED_MODELS:
        for record in scoped(model).order_by("?")[:sample]:
            try:
                record.full_clean()
            except ValidationError as error:
                errors.append(f"{model.__name__} {record.pk}: {error.messages}")
    for pair in scoped(Pair).filter(status__in=OPEN_PAIR_STATUSES).order_by("?")[:sample]:
        mentees = [m.mentee for m in pair.mentees.filter(left_on__isnull=True)]
        for message in pair_membership_errors(pair=pair, mentees=mentees, today=today):
            errors.append(f"Pair {pair.pk}: {message}")

    pairs = scoped(Pair)
    # Load: current mentees of a mentor's open pairs in a programme, at most the programme's cap.
    overloaded = (
        PairMentee.objects.filter(
            pair__in=pairs.filter(status__in=OPEN_PAIR_STATUSES), left_on__isnull=True
        )
        .values("pair__programme", "pair__mentor")
        .annotate(load=Count("pk"), cap=F("pair__programme__max_mentees_per_mentor"))
        .filter(load__gt=F("cap"))
    )
    errors += [
        f"Mentor {row['pair__mentor']} has {row['load']} mentees in programme {row['pair__programme']} (cap {row['cap']})"
        for row in overloaded[:20]
    ]
    # Consents: everyone in an approved or active pair has a valid one (a minor's from a
    # representative: participants_without_consent applies that rule).
    needing = pairs.filter(status__in=CONSENT_REQUIRED_STATUSES)
    people = Participant.objects.filter(
        Q(mentored_pairs__in=needing)
        | Q(memberships__pair__in=needing, memberships__left_on__isnull=True)
    ).distinct()
    errors += [
        f"Participant {pk} is in an approved or active pair without a valid consent"
        for pk in participants_without_consent(people, today).values_list("pk", flat=True)[:20]
    ]
    minors = [
        pk
        for pk, birth, given in scoped(Consent)
        .filter(given_by=ConsentGiver.PARTICIPANT)
        .values_list("pk", "participant__birth_date", "given_on")
        if birth and Participant(birth_date=birth).is_minor(given)
    ]
    errors += [f"Consent {pk} of a minor was not given by a representative" for pk in minors[:20]]
    errors += [
        f"Pair {pk} is approved or active without an approving order"
        for pk in needing.filter(Q(order_number="") | Q(order_date__isnull=True)).values_list(
            "pk", flat=True
        )[:20]
    ]
    errors += [
        f"Pair {pk} starts outside its programme's period"
        for pk in pairs.filter(
            Q(start_date__lt=F("programme__start_date"))
            | Q(start_date__gt=F("programme__end_date"))
        ).values_list("pk", flat=True)[:20]
    ]
    errors += [
        f"Pair {pk}: mentor of another organisation or not in the mentor base"
        for pk in pairs.filter(
            ~Q(mentor__organisation=F("programme__organisation")) | Q(mentor__is_mentor=False)
        ).values_list("pk", flat=True)[:20]
    ]
    errors += [
        f"Membership {pk}: mentee of another organisation or not in the mentee base"
        for pk in scoped(PairMentee)
        .filter(
            ~Q(mentee__organisation=F("pair__programme__organisation")) | Q(mentee__is_mentee=False)
        )
        .values_list("pk", flat=True)[:20]
    ]
    meetings = scoped(Meeting).filter(pair__isnull=False)
    errors += [
        f"Meeting {pk} is outside its pair's period"
        for pk in meetings.filter(
            Q(held_at__date__lt=F("pair__start_date")) | Q(held_at__date__gt=F("pair__end_date"))
        ).values_list("pk", flat=True)[:20]
    ]
    errors += [
        f"Meeting {pk} belongs to a pair that was never approved"
        for pk in meetings.filter(
            Q(pair__status=PairStatus.DRAFT)
            | Q(pair__status=PairStatus.TERMINATED, pair__order_date__isnull=True)
        ).values_list("pk", flat=True)[:20]
    ]
    errors += [
        f"Meeting {pk}: its programme is not its pair's"
        for pk in meetings.exclude(programme=F("pair__programme")).values_list("pk", flat=True)[:20]
    ]
    errors += [
        f"Feedback {pk} was given before the meeting"
        for pk in scoped(Feedback)
        .filter(submitted_at__lt=F("meeting__held_at"))
        .values_list("pk", flat=True)[:20]
    ]
    errors += _transition_errors(pairs)
    errors += _history_errors(organisations)
    return errors


def _transition_errors(pairs) -> list[str]:
    """The statuses in each pair's history follow PAIR_TRANSITIONS and end at its status."""
    errors = []
    current = dict(pairs.values_list("pk", "status"))
    previous: dict[int, str] = {}
    history = (
        Pair.history.model.objects.filter(id__in=pairs.values("pk"))
        .order_by("id", "history_date", "history_id")
        .values_list("id", "status")
    )
    for pk, status in history.iterator(chunk_size=BATCH_SIZE):
        before = previous.get(pk)
        if before and status != before and status not in PAIR_TRANSITIONS[before]:
            errors.append(f"Pair {pk}: history goes from {before} to {status}")
        previous[pk] = status
    errors += [
        f"Pair {pk}: the last history version ({previous.get(pk)}) is not its status ({status})"
        for pk, status in current.items()
        if previous.get(pk) != status
    ]
    return errors[:20]


def _history_errors(organisations: list[int]) -> list[str]:
    """Each record has a «+» row; every row has its author, a past date, the organisation;
    the newest row of a sample equals the record."""
    errors = []
    now = timezone.now()
    for model in SAMPLED_MODELS:
        history = model.history.model.objects
        records = model.objects.filter(**{f"{ORGANISATION_PATHS[model]}__in": organisations})
        rows = history.filter(id__in=records.values("pk"))
        missing = records.exclude(pk__in=rows.filter(history_type="+").values("id")).count()
        if missing:
            errors.append(f"{model.__name__}: {missing} records without a creation history row")
        incomplete = rows.filter(
            Q(history_user__isnull=True)
            | Q(history_organisation__isnull=True)
            | Q(history_date__gt=now)
        ).count()
        if incomplete:
            errors.append(
                f"{model.__name__}: {incomplete} history rows without author, organisation or with a future date"
            )
        strangers = rows.exclude(history_organisation__in=organisations).count()
        if strangers:
            errors.append(f"{model.__name__}: {strangers} history rows of another organisation")
        names = [name for name in _tracked_attnames(model) if name != "id"]
        for record in records.order_by("?")[:20]:
            latest = history.filter(id=record.pk).order_by("-history_date", "-history_id").first()
            if latest is None:
                continue
            differing = [name for name in names if getattr(latest, name) != getattr(record, name)]
            if differing:
                errors.append(
                    f"{model.__name__} {record.pk}: the newest history row differs in {differing}"
                )
    return errors


def table_counts() -> dict[str, int]:
    """Rows per programme table and per history table, for the summary."""
    counts = {}
    for model in SAMPLED_MODELS:
        counts[model._meta.db_table] = model.objects.count()
    for model in SAMPLED_MODELS:
        history_model = model.history.model
        counts[history_model._meta.db_table] = history_model.objects.count()
    counts["auth_user"] = get_user_model().objects.count()
    return counts


def history_tables() -> list[str]:
    return [model.history.model._meta.db_table for model in SAMPLED_MODELS]
