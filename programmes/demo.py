"""Demo records of the programme: invented people, realistic pairs, meetings and decisions.

Built through the services, with the demo curator as the author, so the change history and
the journal have something true to show. Loading twice changes nothing.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from programmes.demo_group import demo_group_load
from programmes.demo_people import (
    MATCHING_CHOICES,
    MATCHING_MENTEES,
    MATCHING_MENTORS,
    MENTEES,
    MENTORS,
    PROGRAMMES,
)
from programmes.models import (
    Case,
    Consent,
    ConsentGiver,
    DecisionStatus,
    Feedback,
    IncentiveDecision,
    IncentiveKind,
    MatchPreference,
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
    PairStatus,
    Participant,
    ParticipantCategory,
    PartnerOrganisation,
    Programme,
    ProgrammeStatus,
)
from programmes.models.history import attribute_change
from programmes.services.agreements import agreement_generate_document, agreement_save
from programmes.services.meetings import meeting_save
from programmes.services.orders import order_approve_pairs, order_generate_document, order_save
from programmes.services.pairs import pair_change_status, pair_save

ORGANISATION = "Гимназия «Жуковка»"


def school_year(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    start_year = today.year if today.month >= 9 else today.year - 1
    return datetime.date(start_year, 9, 1), datetime.date(start_year + 1, 5, 31)


def programme_period(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The school year, widened so that months of work lie behind and weeks ahead of today.

    Loaded in September, or in the summer, the demo still shows pairs that have met for
    weeks and have meetings to come.
    """
    start, end = school_year(today)
    return (
        min(start, today - datetime.timedelta(days=120)),
        max(end, today + datetime.timedelta(days=60)),
    )


def _save(instance, user):
    instance.full_clean()
    attribute_change(instance, user=user, reason=None)
    instance.save()
    return instance


def _participant(organisation, row, *, mentor: bool, user, joined_on, partner=None):
    last, first, patronymic, category, group, text, *birth = row
    return _save(
        Participant(
            organisation=organisation,
            last_name=last,
            first_name=first,
            patronymic=patronymic,
            is_mentor=mentor,
            is_mentee=not mentor,
            category=category,
            group=group,
            birth_date=birth[0]
            if birth
            else datetime.date(1980 + len(last), 3, 10)
            if category != ParticipantCategory.STUDENT
            else datetime.date(2008, 10, 1),
            competences=text if mentor else "",
            requests="" if mentor else text,
            partner_organisation=partner if category == ParticipantCategory.PARTNER else None,
            joined_on=joined_on,
        ),
        user,
    )


def _consent(participant, user, given_on):
    minor = participant.is_minor(given_on)
    representative = (
        {
            "representative_name": f"{participant.last_name.rstrip('а')}а Ольга Викторовна",
            "representative_address": "г. Кстово, ул. Школьная, д. 3, кв. 7",
            "representative_document": "паспорт 2210 654321",
            "representative_document_date": datetime.date(2016, 4, 12),
            "representative_document_issuer": "ГУ МВД России по Нижегородской области",
            "representative_authority": "свидетельство о рождении",
        }
        if minor
        else {}
    )
    return _save(
        Consent(
            participant=participant,
            given_by=ConsentGiver.REPRESENTATIVE if minor else ConsentGiver.PARTICIPANT,
            given_on=given_on,
            # Art. 9 part 4 of 152-ФЗ: an adult's written consent names them and their document.
            **(
                {}
                if minor
                else {
                    "subject_name": participant.full_name,
                    "subject_address": "г. Кстово, ул. Школьная, д. 3, кв. 7",
                    "subject_document": "паспорт 2204 123456",
                    "subject_document_date": datetime.date(2012, 5, 15),
                    "subject_document_issuer": "ГУ МВД России по Нижегородской области",
                }
            ),
            **representative,
        ),
        user,
    )


def _agreement(pair, content: str, user) -> MentoringAgreement:
    """The mentor's consent and agreement under art. 351.8 of the Labour Code, before approval."""
    return agreement_save(
        agreement=MentoringAgreement(
            pair=pair,
            consent_date=pair.start_date - datetime.timedelta(days=7),
            number=f"{pair.mentor.pk}-Н",
            date=pair.start_date - datetime.timedelta(days=5),
            content=content,
            period_start=pair.start_date,
            period_end=pair.programme.end_date,
            extra_pay=3000 if pair.mentor.partner_organisation_id is None else None,
            without_extra_pay=pair.mentor.partner_organisation_id is not None,
        ),
        user=user,
        reason="Соглашение о наставничестве подписано",
    )


def _meetings(pair, user, today, *, every_days: int, until: datetime.date):
    kinds = [MeetingKind.INTRODUCTION, MeetingKind.TRIAL, MeetingKind.PLANNING]
    day, number = pair.start_date + datetime.timedelta(days=3), 0
    meetings = []
    while day <= min(until, today):
        kind = kinds[number] if number < len(kinds) else MeetingKind.WORKING
        held_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(15, 30)))
        meetings.append(
            _save(
                Meeting(
                    pair=pair,
                    kind=kind,
                    held_at=held_at,
                    format=MeetingFormat.REMOTE if number % 4 == 3 else MeetingFormat.IN_PERSON,
                    topic=f"{kind.label}: {pair.goals or 'работа по плану'}"[:200],
                    outcome="Цели встречи достигнуты, задание на следующую встречу согласовано.",
                ),
                user,
            )
        )
        day += datetime.timedelta(days=every_days)
        number += 1
    return meetings


@transaction.atomic
def load_programmes_demo(
    *, curator, auditor, mentor_user, mentee_user, today: datetime.date, log=print
) -> None:
    if Organisation.objects.filter(short_name=ORGANISATION).exists():
        return
    organisation = _save(
        Organisation(
            full_name="Муниципальное автономное общеобразовательное учреждение «Гимназия «Жуковка»»",
            short_name=ORGANISATION,
            address="Московская область, Одинцовский городской округ, с. Жуковка",
            head_name="Демина Е. И.",
        ),
        curator,
    )
    organisation.members.add(curator, auditor)
    partner = _save(
        PartnerOrganisation(
            organisation=organisation,
            name="ООО «Технопарк Жуковка»",
            agreement_number="12-С",
            agreement_date=datetime.date(2025, 8, 28),
            valid_until=datetime.date(2027, 8, 31),
            contact_person="Зайцев М. Ю.",
        ),
        curator,
    )
    start, end = programme_period(today)
    mentors = [
        _participant(organisation, row, mentor=True, user=curator, joined_on=start, partner=partner)
        for row in [*MENTORS, *MATCHING_MENTORS]
    ]
    mentees = [
        _participant(organisation, row, mentor=False, user=curator, joined_on=start)
        for row in [*MENTEES, *MATCHING_MENTEES]
    ]
    mentors[0].user = mentor_user
    _save(mentors[0], curator)
    mentees[0].user = mentee_user
    _save(mentees[0], curator)
    consent_day = start + datetime.timedelta(days=4)
    awaiting_consent = mentees[4]  # in a draft pair until the parents sign
    for person in [*mentors, *mentees]:
        if person is not awaiting_consent:
            _consent(person, curator, consent_day)

    programmes = {
        key: _save(
            Programme(
                organisation=organisation,
                title=title,
                form=MentoringForm.objects.get_or_create(name=form_name)[0],
                start_date=start,
                end_date=end,
                curator=curator,
                status=ProgrammeStatus.ACTIVE,
                goals=goals,
            ),
            curator,
        )
        for key, title, form_name, goals in PROGRAMMES
    }
    pair_start = max(start, today - datetime.timedelta(days=70))
    meeting_save(
        meeting=Meeting(
            programme=programmes["student"],
            kind=MeetingKind.GROUP,
            held_at=timezone.make_aware(
                datetime.datetime.combine(
                    max(start, pair_start - datetime.timedelta(days=7)), datetime.time(14, 0)
                )
            ),
            topic="Групповая встреча наставников и наставляемых: знакомство, игры на командообразование",
            outcome="Участники познакомились; после встречи заполняют анкету предпочтений.",
        ),
        attendees=[
            *mentors[:2],
            mentors[4],
            mentors[5],
            *mentors[len(MENTORS) :],
            *mentees[:5],
            mentees[8],
            *mentees[len(MENTEES) :],
        ],
        user=curator,
        reason="Лист регистрации участников",
    )
    by_name = {person.last_name: person for person in [*mentors, *mentees]}
    for chooser, chosen in MATCHING_CHOICES:
        _save(
            MatchPreference(
                participant=by_name[chooser],
                preferred=by_name[chosen],
                programme=programmes["student"],
                reason="Понравилось работать вместе на групповой встрече",
            ),
            curator,
        )
    order = order_save(
        order=Order(
            organisation=organisation,
            kind=OrderKind.APPROVAL,
            number="48-О",
            date=pair_start - datetime.timedelta(days=3),
            signatory_name=organisation.head_name,
        ),
        user=curator,
        reason="Приказ подписан директором",
    )

    def pair(programme, mentor, group, goals, status=PairStatus.ACTIVE, agreement=""):
        # As of its start day, so the mentees joined on the day the pair began.
        created = pair_save(
            pair=Pair(programme=programme, mentor=mentor, start_date=pair_start, goals=goals),
            mentees=group,
            user=curator,
            today=pair_start,
        )
        if agreement:
            _agreement(created, agreement, curator)
        if status != PairStatus.DRAFT:
            order_approve_pairs(
                order=order, pairs=[created], user=curator, reason="Приказ о закреплении пар"
            )
            created.refresh_from_db()
        if status == PairStatus.ACTIVE:
            pair_change_status(
                pair=created,
                status=PairStatus.ACTIVE,
                user=curator,
                reason="Встреча-знакомство проведена",
            )
        return created

    # The demo accounts' group: Анна Кузнецова («mentor») with Павел Смирнов («mentee»).
    demo_group_load(
        programme=programmes["mixed"],
        mentor=mentors[0],
        mentees=[mentees[0], mentees[1]],
        curator=curator,
        order=order,
        today=today,
    )
    python = pair(
        programmes["student"], mentors[4], [mentees[3]], "Программирование на Python с нуля"
    )
    robots = pair(programmes["mixed"], mentors[2], [mentees[2]], "Сборка робота к соревнованиям")
    code = pair(programmes["student"], mentors[5], [mentees[8]], "Разговорный английский")
    teacher = pair(
        programmes["teacher"],
        mentors[3],
        [mentees[7]],
        "Адаптация молодого педагога",
        agreement="Помощь молодому педагогу в освоении профессии: посещение и разбор уроков, "
        "подготовка к аттестации, адаптация в коллективе",
    )
    career = pair(
        programmes["mixed"],
        mentors[6],
        [mentees[5], mentees[6]],
        "Профориентация: инженерные профессии",
        agreement="Профориентационные встречи на производстве партнёра, сопровождение "
        "инженерных проектов наставляемых",
    )
    pair(
        programmes["student"],
        mentors[5],
        [mentees[4]],
        "Адаптация в новом классе",
        status=PairStatus.DRAFT,
    )

    for active, every, until in [
        (python, 7, today),
        (robots, 10, today),
        (teacher, 14, today),
        (career, 7, today - datetime.timedelta(days=20)),  # stopped meeting: overdue
        (code, 12, today - datetime.timedelta(days=16)),  # overdue too
    ]:
        for meeting in _meetings(active, curator, today, every_days=every, until=until):
            for author, rating in [
                (active.mentor, 5),
                *[(m.mentee, 4) for m in active.mentees.all()],
            ]:
                _save(
                    Feedback(
                        meeting=meeting,
                        author=author,
                        rating=rating,
                        comment="Встреча была полезной.",
                    ),
                    curator,
                )
    pair_change_status(
        pair=code,
        status=PairStatus.TERMINATED,
        user=curator,
        reason="Заявление наставляемого",
        termination_reason="Наставляемый перешёл в другую школу",
    )

    _save(
        MentorTraining(
            mentor=mentors[0],
            course="Наставничество в образовательной организации",
            hours=36,
            completed_on=start + datetime.timedelta(days=20),
        ),
        curator,
    )
    _save(
        MentorTraining(
            mentor=mentors[4],
            course="Школа юного наставника",
            hours=16,
            completed_on=start + datetime.timedelta(days=25),
        ),
        curator,
    )
    incentive_order = order_save(
        order=Order(
            organisation=organisation,
            kind=OrderKind.INCENTIVE,
            number="112-О",
            date=today - datetime.timedelta(days=10),
            signatory_name=organisation.head_name,
        ),
        user=curator,
        reason="Приказ подписан директором",
    )
    _save(
        IncentiveDecision(
            mentor=mentors[2],
            kind=IncentiveKind.CERTIFICATE,
            grounds="Победа команды наставляемых в муниципальных соревнованиях по робототехнике",
            status=DecisionStatus.APPROVED,
            decided_by=curator,
            decided_on=today - datetime.timedelta(days=10),
            order=incentive_order,
        ),
        curator,
    )
    for generated in (order, incentive_order):
        order_generate_document(order=generated, user=curator)
    agreement_generate_document(agreement=teacher.agreement, user=curator)
    _save(
        IncentiveDecision(
            mentor=mentors[3],
            kind=IncentiveKind.PAYMENT,
            grounds="Сопровождение молодого специалиста",
            amount=5000,
            status=DecisionStatus.PROPOSED,
        ),
        curator,
    )
    _save(
        Case(
            organisation=organisation,
            title="Робототехника: от первой встречи до соревнований",
            programme=programmes["mixed"],
            pair=robots,
            description="Как наставник-физик и восьмиклассник за два месяца собрали робота и заняли призовое место.",
            is_published=True,
        ),
        curator,
    )
    log(
        f"Программы: {Programme.objects.count()}, пары и группы: {Pair.objects.count()}, встречи: {Meeting.objects.count()}"
    )
