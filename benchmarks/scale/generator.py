"""One organisation's records and their history, built in memory and written in batches.

Why a generator of its own rather than the demo: the demo goes through the services one
record at a time (a query or three per row), which would take hours for a municipality. Here
the records are built in memory and inserted in big batches (see benchmarks.scale.writing),
with every history row's author, date, type and organisation set here.

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
the pair's members after the meeting. benchmarks.scale.consistency checks them over the data.
"""

import dataclasses
import datetime
import random
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from benchmarks.scale.calendar import Calendar
from benchmarks.scale.profiles import (
    HISTORY_SUBJECT_NOTE,
    HISTORY_SUBJECT_VERSIONS,
    ScaleProfile,
    share,
)
from benchmarks.scale.programme_kinds import PROGRAMMES, ProgrammeKind
from benchmarks.scale.results import OrganisationResult, Respondent
from benchmarks.scale.vocabulary import (
    COMMENTS,
    COMPETENCES,
    CONSENT_TEXT,
    COURSES,
    GOALS,
    GRADES,
    INTERESTS,
    LEAVING_REASONS,
    OUTCOME_ADDITIONS,
    OUTCOMES,
    POSITIONS,
    REQUESTS,
    SUBJECTS,
    TERMINATION_REASONS,
    TOPICS,
    USER_AGENTS,
    WITHDRAWAL_REASONS,
    WORKING_TOPICS,
    pools,
)
from benchmarks.scale.writing import BATCH_SIZE, Progress, Version, history_write, rows_insert
from programmes.models import (
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
    MentoringAgreement,
    MentoringForm,
    MentorTraining,
    Order,
    OrderKind,
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
    is_employee_form,
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
    order_day: datetime.date | None = None
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
        self.orders: dict[tuple[str, datetime.date], Order] = {}
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
        self._agreements(plans)
        return plans

    def _order(self, kind: str, number: str, day: datetime.date) -> Order:
        """The organisation's order of that number and date, made on first use."""
        key = (number, day)
        if key not in self.orders:
            order = Order(
                organisation=self.organisation,
                kind=kind,
                number=number,
                date=day,
                signatory_name=self.organisation.head_name,
            )
            _insert(Order, [order], self.progress, "orders")
            self._history(Order, [(order, [Version(self._at(day, (9, 10)), "+")])])
            self.counts["Order"] += 1
            self.orders[key] = order
        return self.orders[key]

    def _agreements(self, plans: list[_PairPlan]) -> None:
        """Art. 351.8 agreements of the approved pairs whose mentors need one."""
        rows = []
        for plan in plans:
            pair = plan.record
            if plan.order_day is None or not (
                is_employee_form(plan.kind.form)
                or pair.mentor.category == ParticipantCategory.PARTNER
            ):
                continue
            signed = plan.order_day - datetime.timedelta(days=1)
            agreement = MentoringAgreement(
                pair=pair,
                consent_date=signed - datetime.timedelta(days=2),
                number=f"{pair.pk}-Н",
                date=signed,
                content=f"Сопровождение наставляемых: {GOALS[plan.kind.key].lower()}",
                period_start=pair.start_date,
                period_end=pair.programme.end_date,
                extra_pay=Decimal(self.rng.choice((2000, 3000, 5000))),
            )
            rows.append((agreement, [Version(self._after(signed, plan.versions[0].when), "+")]))
        _insert(MentoringAgreement, [a for a, _ in rows], self.progress, "agreements")
        self._history(MentoringAgreement, rows)
        self.counts["MentoringAgreement"] += len(rows)

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
            "order_id": None,
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
        pair.order = self._order(
            OrderKind.APPROVAL, f"{20 + (order_day - cal.programme_start).days // 7}-О", order_day
        )
        plan.order_day = order_day
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
            decision.order = self._order(
                OrderKind.INCENTIVE, f"{100 + (decided - cal.programme_start).days // 7}-О", decided
            )
        pending = {
            "status": DecisionStatus.PROPOSED,
            "decided_by_id": None,
            "decided_on": None,
            "order_id": None,
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
