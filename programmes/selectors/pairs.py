"""Reads of pairs and groups: the overdue ones, with their last meeting.

Only held meetings count: a planned one has not happened, and a pair whose next meeting is
planned but whose last one was a month ago is overdue all the same.
"""

import datetime

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from programmes.models import MEETING_INTERVAL_DAYS, Meeting, MeetingStatus, Pair, PairStatus


def overdue_cutoff(today: datetime.date) -> datetime.datetime:
    """A pair must have met after this moment («не реже одного раза в две недели»)."""
    start_of_today = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    return start_of_today - datetime.timedelta(days=MEETING_INTERVAL_DAYS)


def with_last_meeting(queryset: QuerySet[Pair]) -> QuerySet[Pair]:
    """Each pair's latest held meeting, read per pair from the (pair, held_at) index: a join
    with GROUP BY would aggregate every meeting of every pair before a list shows its first 50."""
    latest = (
        Meeting.objects.filter(pair=OuterRef("pk"), status=MeetingStatus.HELD)
        .order_by("-held_at")
        .values("held_at")
    )
    return queryset.annotate(last_meeting_at=Subquery(latest[:1]))


def overdue_q(today: datetime.date) -> Q:
    """Active, and the last meeting (or the start, if they never met) is over 14 days ago.

    Needs the `last_meeting_at` annotation of with_last_meeting().
    """
    cutoff = overdue_cutoff(today)
    return Q(status=PairStatus.ACTIVE) & (
        Q(last_meeting_at__lt=cutoff)
        | Q(last_meeting_at__isnull=True, start_date__lt=cutoff.date())
    )


def overdue_pairs(
    queryset: QuerySet[Pair], *, today: datetime.date | None = None
) -> QuerySet[Pair]:
    return with_last_meeting(queryset).filter(overdue_q(today or timezone.localdate()))
