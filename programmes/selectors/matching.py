"""The matching pool of a programme, read in a fixed number of queries whatever its size.

Who takes part: the active participants of the programme's organisation (partner
organisations' mentors included, they belong to it) with a valid consent to processing, who
suit the programme's form and are in no open pair of the programme as mentees. Everyone else
of the bases is set aside with the reason, for the curator to see.
"""

import datetime
import re

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from programmes.matching.pool import Person, Pool, SetAside, Settings
from programmes.matching.rules import mentee_unfit, mentor_unfit
from programmes.models import (
    OPEN_PAIR_STATUSES,
    MatchDecision,
    MatchingSettings,
    MatchPreference,
    PairMentee,
    Participant,
    ParticipantCategory,
    ParticipantStatus,
    Programme,
)
from programmes.selectors.consents import participants_with_consent

_CLASS = re.compile(r"^\s*(\d{1,2})(?!\d)")

FIELDS = (
    "pk",
    "last_name",
    "first_name",
    "patronymic",
    "category",
    "group",
    "birth_date",
    "partner_organisation_id",
    "preferred_format",
    "competences",
    "requests",
    "is_mentor",
    "is_mentee",
)


def matching_settings(programme: Programme) -> MatchingSettings:
    """The programme's settings, or the defaults (unsaved) until the curator changes them."""
    found = MatchingSettings.objects.filter(programme=programme).first()
    return found or MatchingSettings(programme=programme)


def settings_values(programme: Programme, stored: MatchingSettings) -> Settings:
    return Settings(
        rule=programme.form.matching_rule,
        goal=stored.goal,
        min_score=stored.min_score,
        class_gap=stored.class_gap,
        young_specialist_age=stored.young_specialist_age,
        weight_mutual=stored.weight_mutual,
        weight_requests=stored.weight_requests,
        weight_format=stored.weight_format,
        weight_class=stored.weight_class,
    )


def class_number(category: str, group: str) -> int | None:
    if category != ParticipantCategory.STUDENT:
        return None
    found = _CLASS.match(group or "")
    return int(found.group(1)) if found and 1 <= int(found.group(1)) <= 11 else None


def _age(birth: datetime.date | None, today: datetime.date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _person(row: dict, today: datetime.date, *, topics: str, capacity: int = 0) -> Person:
    name = " ".join(
        part for part in (row["last_name"], row["first_name"], row["patronymic"]) if part
    )
    return Person.with_topics(
        topics,
        pk=row["pk"],
        name=name,
        category=row["category"],
        class_number=class_number(row["category"], row["group"]),
        age=_age(row["birth_date"], today),
        from_partner=row["partner_organisation_id"] is not None,
        preferred_format=row["preferred_format"],
        capacity=capacity,
    )


def matching_pool(
    programme: Programme, *, today: datetime.date, stored: MatchingSettings | None = None
) -> Pool:
    stored = stored or matching_settings(programme)
    settings = settings_values(programme, stored)
    organisation = programme.organisation_id
    rows = list(
        Participant.objects.filter(organisation_id=organisation, status=ParticipantStatus.ACTIVE)
        .filter(Q(is_mentor=True) | Q(is_mentee=True))
        .order_by("last_name", "first_name", "patronymic", "pk")
        .values(*FIELDS)
    )
    consenting = set(
        participants_with_consent(today)
        .filter(organisation_id=organisation)
        .values_list("pk", flat=True)
    )
    open_memberships = PairMentee.objects.filter(
        pair__programme=programme, pair__status__in=OPEN_PAIR_STATUSES, left_on__isnull=True
    )
    paired_mentees = set(open_memberships.values_list("mentee_id", flat=True))
    load = dict(
        open_memberships.values("pair__mentor_id")
        .annotate(mentees=Count("pk"))
        .values_list("pair__mentor_id", "mentees")
    )
    pool = Pool(settings=settings, mentors=[], mentees=[])
    no_consent = _("no valid consent to the processing of personal data")
    for row in rows:
        if row["is_mentor"]:
            mentor = _person(
                row,
                today,
                topics=row["competences"],
                capacity=max(programme.max_mentees_per_mentor - load.get(row["pk"], 0), 0),
            )
            reason = no_consent if row["pk"] not in consenting else mentor_unfit(mentor, settings)
            if reason:
                pool.set_aside.append(SetAside(mentor.name, "mentor", reason))
            else:
                pool.mentors.append(mentor)
        if row["is_mentee"] and row["pk"] not in paired_mentees:
            mentee = _person(row, today, topics=row["requests"])
            reason = no_consent if row["pk"] not in consenting else mentee_unfit(mentee, settings)
            if reason:
                pool.set_aside.append(SetAside(mentee.name, "mentee", reason))
            else:
                pool.mentees.append(mentee)
    people = {row["pk"] for row in rows}
    pool.choices = {
        (chooser, chosen)
        for chooser, chosen in MatchPreference.objects.filter(
            Q(programme=programme) | Q(programme__isnull=True), participant_id__in=people
        ).values_list("participant_id", "preferred_id")
    }
    pool.decisions = {
        (mentor, mentee): kind
        for mentor, mentee, kind in MatchDecision.objects.filter(programme=programme).values_list(
            "mentor_id", "mentee_id", "kind"
        )
    }
    return pool
