"""Factories for the programme's records, consistent with every rule of the models."""

import datetime

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from programmes.docx.defaults import default_template
from programmes.models import (
    Case,
    Consent,
    ConsentGiver,
    ConsentKind,
    DecisionKind,
    DevelopmentPlan,
    ErasureAct,
    Feedback,
    IncentiveDecision,
    IncentiveKind,
    MatchDecision,
    MatchingSettings,
    MatchPreference,
    Meeting,
    MeetingAttendance,
    MeetingStatus,
    MentoringAgreement,
    MentoringForm,
    MentorTraining,
    Order,
    OrderKind,
    OrderTemplate,
    Organisation,
    Pair,
    PairMentee,
    PairStatus,
    Participant,
    ParticipantCategory,
    ParticipantChangeProposal,
    PartnerOrganisation,
    PlanTask,
    PlanTaskStatus,
    Programme,
    TemplateKind,
)

TODAY = datetime.date(2024, 3, 1)


class OrganisationFactory(factory.django.DjangoModelFactory):
    full_name = factory.Sequence(
        lambda n: f"Муниципальное бюджетное общеобразовательное учреждение «Школа № {n}»"
    )
    short_name = factory.Sequence(lambda n: f"Школа № {n}")
    address = "г. Кстово, ул. Школьная, д. 1"
    head_name = "Иванова Мария Петровна"

    class Meta:
        model = Organisation


class ParticipantFactory(factory.django.DjangoModelFactory):
    organisation = factory.SubFactory(OrganisationFactory)
    last_name = factory.Faker("last_name_male", locale="ru_RU")
    first_name = factory.Faker("first_name_male", locale="ru_RU")
    patronymic = factory.Faker("middle_name_male", locale="ru_RU")
    category = ParticipantCategory.TEACHER
    birth_date = datetime.date(1985, 5, 17)
    is_mentor = True
    is_mentee = False
    joined_on = datetime.date(2023, 9, 1)

    class Meta:
        model = Participant

    class Params:
        mentee = factory.Trait(
            is_mentor=False,
            is_mentee=True,
            category=ParticipantCategory.STUDENT,
            birth_date=datetime.date(2010, 2, 3),
            group="8 «Б»",
            requests="Подготовка к олимпиаде по математике",
        )


class ConsentFactory(factory.django.DjangoModelFactory):
    participant = factory.SubFactory(ParticipantFactory)
    kind = ConsentKind.PROCESSING
    given_on = datetime.date(2023, 9, 1)
    given_by = factory.LazyAttribute(
        lambda c: (
            ConsentGiver.REPRESENTATIVE
            if c.participant.is_minor(c.given_on)
            else ConsentGiver.PARTICIPANT
        )
    )
    # What art. 9 part 4 of 152-ФЗ asks of every written consent: its subject's details.
    subject_name = factory.LazyAttribute(lambda c: c.participant.full_name)
    subject_address = "г. Кстово, ул. Садовая, д. 5, кв. 12"
    subject_document = factory.LazyAttribute(
        lambda c: (
            "свидетельство о рождении IV-ТН № 654321"
            if c.given_by == ConsentGiver.REPRESENTATIVE
            else "паспорт 2210 654321"
        )
    )
    subject_document_date = datetime.date(2012, 3, 1)
    subject_document_issuer = "ГУ МВД России по Нижегородской области"
    representative_name = factory.LazyAttribute(
        lambda c: "Петрова Ольга Ивановна" if c.given_by == ConsentGiver.REPRESENTATIVE else ""
    )
    # What art. 9 part 4 of 152-ФЗ asks of a consent given by a legal representative.
    representative_address = factory.LazyAttribute(
        lambda c: (
            "г. Кстово, ул. Садовая, д. 5, кв. 12"
            if c.given_by == ConsentGiver.REPRESENTATIVE
            else ""
        )
    )
    representative_document = factory.LazyAttribute(
        lambda c: "паспорт 2204 123456" if c.given_by == ConsentGiver.REPRESENTATIVE else ""
    )
    representative_document_date = factory.LazyAttribute(
        lambda c: datetime.date(2015, 6, 1) if c.given_by == ConsentGiver.REPRESENTATIVE else None
    )
    representative_document_issuer = factory.LazyAttribute(
        lambda c: (
            "ГУ МВД России по Нижегородской области"
            if c.given_by == ConsentGiver.REPRESENTATIVE
            else ""
        )
    )
    representative_authority = factory.LazyAttribute(
        lambda c: (
            "свидетельство о рождении IV-ТН № 123456"
            if c.given_by == ConsentGiver.REPRESENTATIVE
            else ""
        )
    )

    class Meta:
        model = Consent


class ProgrammeFactory(factory.django.DjangoModelFactory):
    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Программа наставничества № {n}")
    # get_or_create: a transactional test before this one may have flushed the migration rows.
    form = factory.LazyFunction(
        lambda: MentoringForm.objects.get_or_create(name="учитель – ученик")[0]
    )
    start_date = datetime.date(2023, 9, 1)
    end_date = datetime.date(2024, 6, 30)
    max_mentees_per_mentor = 3

    class Meta:
        model = Programme


class OrderFactory(factory.django.DjangoModelFactory):
    organisation = factory.SubFactory(OrganisationFactory)
    kind = OrderKind.APPROVAL
    number = factory.Sequence(lambda n: f"{48 + n}-О")
    date = datetime.date(2023, 9, 28)
    signatory_name = "Иванова М. П."

    class Meta:
        model = Order


class OrderTemplateFactory(factory.django.DjangoModelFactory):
    organisation = factory.SubFactory(OrganisationFactory)
    kind = TemplateKind.APPROVAL
    file = factory.LazyFunction(
        lambda: ContentFile(default_template(TemplateKind.APPROVAL), name="shablon.docx")
    )

    class Meta:
        model = OrderTemplate


def _approving_order():
    return factory.SubFactory(
        OrderFactory, organisation=factory.SelfAttribute("..programme.organisation")
    )


class PairFactory(factory.django.DjangoModelFactory):
    programme = factory.SubFactory(ProgrammeFactory)
    mentor = factory.SubFactory(
        ParticipantFactory, organisation=factory.SelfAttribute("..programme.organisation")
    )
    start_date = datetime.date(2023, 10, 1)
    status = PairStatus.DRAFT

    class Meta:
        model = Pair

    class Params:
        approved = factory.Trait(status=PairStatus.APPROVED, order=_approving_order())
        active = factory.Trait(status=PairStatus.ACTIVE, order=_approving_order())


class MentoringAgreementFactory(factory.django.DjangoModelFactory):
    pair = factory.SubFactory(PairFactory)
    consent_date = datetime.date(2023, 9, 20)
    number = factory.Sequence(lambda n: f"{n + 1}-Н")
    date = datetime.date(2023, 9, 25)
    content = "Помощь молодому педагогу в освоении профессии и адаптации в коллективе"
    period_start = datetime.date(2023, 10, 1)
    period_end = datetime.date(2024, 6, 30)
    extra_pay = 3000

    class Meta:
        model = MentoringAgreement


class PairMenteeFactory(factory.django.DjangoModelFactory):
    pair = factory.SubFactory(PairFactory)
    mentee = factory.SubFactory(
        ParticipantFactory,
        mentee=True,
        organisation=factory.SelfAttribute("..pair.programme.organisation"),
    )
    joined_on = datetime.date(2023, 10, 1)

    class Meta:
        model = PairMentee


class DevelopmentPlanFactory(factory.django.DjangoModelFactory):
    membership = factory.SubFactory(PairMenteeFactory, pair__active=True)
    goals = "Подготовиться к муниципальному этапу олимпиады\nВыступить с докладом на конференции"

    class Meta:
        model = DevelopmentPlan


class PlanTaskFactory(factory.django.DjangoModelFactory):
    plan = factory.SubFactory(DevelopmentPlanFactory)
    title = "Решить вариант школьного этапа прошлого года"
    deadline = datetime.date(2023, 11, 15)
    status = PlanTaskStatus.PLANNED

    class Meta:
        model = PlanTask


class MeetingFactory(factory.django.DjangoModelFactory):
    pair = factory.SubFactory(PairFactory, active=True)
    held_at = factory.LazyFunction(
        lambda: timezone.make_aware(datetime.datetime(2023, 10, 10, 15, 0))
    )
    topic = "Встреча-знакомство"
    # As a curator would record it: a meeting still to come is planned, a past one held.
    status = factory.LazyAttribute(
        lambda meeting: (
            MeetingStatus.PLANNED if meeting.held_at > timezone.now() else MeetingStatus.HELD
        )
    )

    class Meta:
        model = Meeting


class FeedbackFactory(factory.django.DjangoModelFactory):
    meeting = factory.SubFactory(MeetingFactory)
    author = factory.SelfAttribute("meeting.pair.mentor")
    rating = 5
    comment = "Полезная встреча"

    class Meta:
        model = Feedback


class IncentiveDecisionFactory(factory.django.DjangoModelFactory):
    mentor = factory.SubFactory(ParticipantFactory)
    kind = IncentiveKind.GRATITUDE
    grounds = "Успешное сопровождение наставляемых"

    class Meta:
        model = IncentiveDecision


class MeetingAttendanceFactory(factory.django.DjangoModelFactory):
    meeting = factory.SubFactory(MeetingFactory)
    participant = factory.SelfAttribute("meeting.pair.mentor")

    class Meta:
        model = MeetingAttendance


class MentorTrainingFactory(factory.django.DjangoModelFactory):
    mentor = factory.SubFactory(ParticipantFactory)
    course = "Школа наставника: основы сопровождения"
    hours = 36
    completed_on = datetime.date(2023, 8, 25)

    class Meta:
        model = MentorTraining


class PartnerOrganisationFactory(factory.django.DjangoModelFactory):
    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"ООО «Партнёр {n}»")
    agreement_number = "12-П"
    agreement_date = datetime.date(2023, 8, 1)

    class Meta:
        model = PartnerOrganisation


class CaseFactory(factory.django.DjangoModelFactory):
    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Практика № {n}")
    description = "Как пара готовилась к олимпиаде по математике"

    class Meta:
        model = Case


class MatchPreferenceFactory(factory.django.DjangoModelFactory):
    participant = factory.SubFactory(ParticipantFactory, mentee=True)
    preferred = factory.SubFactory(
        ParticipantFactory, organisation=factory.SelfAttribute("..participant.organisation")
    )
    reason = "Понравилось объяснение на встрече"

    class Meta:
        model = MatchPreference


class MatchingSettingsFactory(factory.django.DjangoModelFactory):
    programme = factory.SubFactory(ProgrammeFactory)

    class Meta:
        model = MatchingSettings


class MatchDecisionFactory(factory.django.DjangoModelFactory):
    programme = factory.SubFactory(ProgrammeFactory)
    mentor = factory.SubFactory(
        ParticipantFactory, organisation=factory.SelfAttribute("..programme.organisation")
    )
    mentee = factory.SubFactory(
        ParticipantFactory,
        organisation=factory.SelfAttribute("..programme.organisation"),
        mentee=True,
    )
    kind = DecisionKind.EXCLUDED
    reason = "Двоюродные брат и сестра"

    class Meta:
        model = MatchDecision


class ErasureActFactory(factory.django.DjangoModelFactory):
    organisation = factory.SubFactory(OrganisationFactory)
    former_participant_id = factory.Sequence(lambda n: 900_000 + n)

    class Meta:
        model = ErasureAct


class ParticipantChangeProposalFactory(factory.django.DjangoModelFactory):
    participant = factory.SubFactory(ParticipantFactory, mentee=True)
    field_name = "last_name"
    current_value = factory.SelfAttribute("participant.last_name")
    proposed_value = "Новикова"
    source = "Анкета «Анкета наставляемого»"

    class Meta:
        model = ParticipantChangeProposal


def pair_with_mentees(*, mentees: int = 1, consents: bool = True, **pair_fields) -> Pair:
    """A pair or group with `mentees` mentees; consents for everyone unless consents=False."""
    pair = PairFactory(**pair_fields)
    for _ in range(mentees):
        membership = PairMenteeFactory(pair=pair)
        if consents:
            ConsentFactory(participant=membership.mentee)
    if consents:
        ConsentFactory(participant=pair.mentor)
    return pair
