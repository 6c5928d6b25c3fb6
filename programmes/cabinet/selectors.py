"""What a participant sees of the programme: their own pairs and meetings, nothing else.

The overview is built as plain rows holding only what the participant's role in each pair
may see, so a template cannot show a fellow mentee's contacts by accident: they are not there.
"""

import datetime
from dataclasses import dataclass, field
from typing import Literal

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from programmes.models import (
    Consent,
    Feedback,
    Meeting,
    MeetingStatus,
    Pair,
    PairMentee,
    Participant,
)
from programmes.selectors.meetings import VISIBLE_PAIR_STATUSES, meetings_of_participant
from programmes.selectors.plans import Progress, progress_by_membership

MENTOR, MENTEE = "mentor", "mentee"


def participant_for_user(user) -> Participant | None:
    """The participant record linked to the user's account, if there is one."""
    if not user.is_authenticated:
        return None
    try:
        return user.participant
    except ObjectDoesNotExist:
        return None


def _current_memberships(participant: Participant) -> QuerySet[PairMentee]:
    return PairMentee.objects.filter(mentee=participant, left_on__isnull=True)


def meetings_for(*, participant: Participant) -> QuerySet[Meeting]:
    """Meetings the participant may see; feedback is given on the held ones among them."""
    return meetings_of_participant(participant)


@dataclass(frozen=True)
class MenteeRow:
    name: str
    group: str  # the class or group; empty where the viewer may not see it
    is_viewer: bool


@dataclass(frozen=True)
class MeetingRow:
    pk: int
    held_at: datetime.datetime
    kind: str
    format: str
    topic: str
    is_held: bool
    feedback_given: bool

    @property
    def feedback_due(self) -> bool:
        return self.is_held and not self.feedback_given


@dataclass(frozen=True)
class PlanLink:
    """A mentee's development plan as the card links to it: whose, and how far it got."""

    membership_pk: int
    mentee: str
    progress: Progress


@dataclass(frozen=True)
class PairCard:
    role: Literal["mentor", "mentee"]
    programme: str
    status: str
    status_code: str
    start_date: datetime.date
    end_date: datetime.date | None
    mentor_name: str
    mentees: list[MenteeRow]
    meetings: list[MeetingRow]
    goals: str = ""
    plans: list[PlanLink] = field(default_factory=list)

    @property
    def is_mentor(self) -> bool:
        return self.role == MENTOR

    @property
    def planned_meetings(self) -> list[MeetingRow]:
        """Upcoming first: the next meeting is the one to prepare for."""
        return sorted(
            (meeting for meeting in self.meetings if not meeting.is_held),
            key=lambda meeting: meeting.held_at,
        )

    @property
    def held_meetings(self) -> list[MeetingRow]:
        return [meeting for meeting in self.meetings if meeting.is_held]

    @property
    def feedback_due_count(self) -> int:
        return sum(1 for meeting in self.meetings if meeting.feedback_due)


def cabinet_pairs(*, participant: Participant) -> list[PairCard]:
    """The participant's pairs and groups, newest first, in a fixed number of queries."""
    mentees = (
        PairMentee.objects.filter(left_on__isnull=True)
        .select_related("mentee")
        .only(
            "pair_id",
            "mentee_id",
            "joined_on",
            "left_on",
            "mentee__last_name",
            "mentee__first_name",
            "mentee__patronymic",
            "mentee__group",
        )
        .order_by("mentee__last_name", "mentee__first_name", "mentee__patronymic")
    )
    pairs = list(
        Pair.objects.filter(status__in=VISIBLE_PAIR_STATUSES)
        .filter(
            Q(mentor=participant) | Q(pk__in=_current_memberships(participant).values("pair_id"))
        )
        .select_related("programme", "mentor")
        .prefetch_related(
            Prefetch("mentees", queryset=mentees, to_attr="current_memberships"),
            Prefetch("meetings", queryset=Meeting.objects.order_by("-held_at")),
        )
        .order_by("-start_date", "pk")
    )
    if not pairs:
        return []
    given = set(
        Feedback.objects.filter(author=participant, meeting__pair__in=pairs).values_list(
            "meeting_id", flat=True
        )
    )
    progress = progress_by_membership(
        [
            membership.pk
            for pair in pairs
            for membership in pair.current_memberships
            if pair.mentor_id == participant.pk or membership.mentee_id == participant.pk
        ]
    )
    return [_card(pair, participant=participant, given=given, progress=progress) for pair in pairs]


def _card(
    pair: Pair, *, participant: Participant, given: set[int], progress: dict[int, Progress]
) -> PairCard:
    is_mentor = pair.mentor_id == participant.pk
    memberships = pair.current_memberships
    if is_mentor:
        since = None
        mentees = [
            MenteeRow(name=m.mentee.full_name, group=m.mentee.group, is_viewer=False)
            for m in memberships
        ]
    else:
        # A mentee sees who else is in the group by name, and nothing more about them.
        since = next(m.joined_on for m in memberships if m.mentee_id == participant.pk)
        mentees = [
            MenteeRow(name=m.mentee.full_name, group="", is_viewer=m.mentee_id == participant.pk)
            for m in memberships
        ]
    meetings = [
        MeetingRow(
            pk=meeting.pk,
            held_at=meeting.held_at,
            kind=meeting.get_kind_display(),
            format=meeting.get_format_display(),
            topic=meeting.topic,
            is_held=meeting.status == MeetingStatus.HELD,
            feedback_given=meeting.pk in given,
        )
        for meeting in pair.meetings.all()
        if since is None or timezone.localdate(meeting.held_at) >= since
    ]
    return PairCard(
        role=MENTOR if is_mentor else MENTEE,
        programme=pair.programme.title,
        status=pair.get_status_display(),
        status_code=pair.status,
        start_date=pair.start_date,
        end_date=pair.end_date,
        mentor_name=pair.mentor.full_name,
        mentees=mentees,
        meetings=meetings,
        goals=pair.goals,
        # The mentor keeps every mentee's plan; a mentee sees their own only.
        plans=[
            PlanLink(membership_pk=m.pk, mentee=m.mentee.full_name, progress=progress[m.pk])
            for m in memberships
            if m.pk in progress
        ],
    )


@dataclass(frozen=True)
class ConsentRow:
    pk: int
    kind: str
    given_on: datetime.date
    given_by: str
    valid_until: datetime.date | None
    withdrawn_on: datetime.date | None
    is_valid: bool

    @property
    def can_withdraw(self) -> bool:
        return self.withdrawn_on is None


def cabinet_consents(*, participant: Participant) -> list[ConsentRow]:
    """The participant's consents, newest first: what they gave, and whether it still holds."""
    today = timezone.localdate()
    return [
        ConsentRow(
            pk=consent.pk,
            kind=consent.get_kind_display(),
            given_on=consent.given_on,
            given_by=consent.get_given_by_display(),
            valid_until=consent.valid_until,
            withdrawn_on=consent.withdrawn_on,
            is_valid=consent.is_valid(today),
        )
        for consent in Consent.objects.filter(participant=participant)
        .only("pk", "kind", "given_on", "given_by", "valid_until", "withdrawn_on")
        .order_by("-given_on", "-pk")
    ]


def meetings_led_by(*, participant: Participant) -> QuerySet[Meeting]:
    """Meetings of the pairs and groups the participant mentors: theirs to mark held."""
    return Meeting.objects.filter(pair__mentor=participant)


def meeting_people(meeting: Meeting) -> QuerySet[Participant]:
    """Who may have come to a pair's meeting: its mentor and its current mentees."""
    return (
        Participant.objects.filter(
            Q(pk=meeting.pair.mentor_id)
            | Q(memberships__pair=meeting.pair_id, memberships__left_on__isnull=True)
        )
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )
