"""Reads of meetings from a participant's side: which ones they may see and give feedback on.

The cabinet (programmes/cabinet) and the feedback questionnaire (forms_app) list meetings
through these, so both apply the same membership and status rules as `feedback_submit`.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from programmes.models import (
    Meeting,
    MeetingAttendance,
    MeetingStatus,
    PairMentee,
    PairStatus,
    Participant,
)

# A draft is the curator's work in progress: participants see a pair once it is approved.
VISIBLE_PAIR_STATUSES = (
    PairStatus.APPROVED,
    PairStatus.ACTIVE,
    PairStatus.COMPLETED,
    PairStatus.TERMINATED,
)


def meetings_of_participant(participant: Participant) -> QuerySet[Meeting]:
    """Meetings the participant may see, planned or held.

    Those of the pairs they mentor, those of the pairs they are a current mentee of that
    were held on or after the day they joined, and the group meetings they attended.
    """
    member = PairMentee.objects.filter(
        mentee=participant,
        left_on__isnull=True,
        pair=OuterRef("pair"),
        joined_on__lte=OuterRef("held_at__date"),
    )
    of_pairs = Q(pair__status__in=VISIBLE_PAIR_STATUSES) & (
        Q(pair__mentor=participant) | Exists(member)
    )
    group_meetings = Q(pair__isnull=True) & Exists(
        MeetingAttendance.objects.filter(meeting=OuterRef("pk"), participant=participant)
    )
    return Meeting.objects.filter(of_pairs | group_meetings)


def meetings_held_for_participant(participant: Participant) -> QuerySet[Meeting]:
    """The held meetings the participant may give feedback on, newest first."""
    return (
        meetings_of_participant(participant)
        .filter(status=MeetingStatus.HELD)
        .order_by("-held_at", "-pk")
    )
