"""Reads of roadmap events for lists and dashboards."""

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from home.deadlines import DeadlineKind, parse_deadline
from home.models.roadmap import CLOSED_STATUSES, RoadmapEvent


def _open_events() -> QuerySet[RoadmapEvent]:
    return (
        RoadmapEvent.objects.exclude(status__in=CLOSED_STATUSES)
        .select_related("stage__page")
        .order_by("deadline_end", "stage__page__title", "stage__sort_order", "sort_order")
    )


def overdue_events(*, today: datetime.date | None = None) -> QuerySet[RoadmapEvent]:
    """Events not done or cancelled whose period ended before today.

    An event due «по запросу» has no period and is never overdue, whatever dates it holds.
    """
    today = today or timezone.localdate()
    return (
        _open_events().exclude(deadline_kind=DeadlineKind.ON_DEMAND).filter(deadline_end__lt=today)
    )


def upcoming_events(
    *, today: datetime.date | None = None, days: int = 30
) -> list[tuple[RoadmapEvent, datetime.date]]:
    """Open events with a deadline (the next occurrence, for recurring ones) in `days` days.

    Returns (event, due date) pairs, soonest first. Recurrences are resolved in Python: a
    roadmap has tens of events, and SQL knows nothing of «ежеквартально».
    """
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=days)
    upcoming = []
    for event in _open_events().filter(deadline_end__gte=today, deadline_start__lte=horizon):
        page = event.stage.page
        deadline = parse_deadline(
            event.deadline_text, period_start=page.period_start, period_end=page.period_end
        )
        occurrence = deadline.next_occurrence(today) if deadline.is_parsed else None
        due = occurrence[1] if occurrence else event.deadline_end
        if due <= horizon:
            upcoming.append((event, due))
    return sorted(upcoming, key=lambda pair: pair[1])
