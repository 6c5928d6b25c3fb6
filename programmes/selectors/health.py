"""How an active pair is doing: «в норме», «нужно внимание» or «рано судить», with reasons.

Computed on every read, never stored: it depends on today's date and on every new meeting and
feedback. Three signals, each read in the same query as the pairs (subqueries per pair):

- cadence: a held meeting within the last 14 days (the rule of the overdue list,
  programmes.selectors.pairs); a pair that has never met is too early to judge for its first
  14 days and needs attention after;
- ratings: the average of every feedback rating on the pair's meetings below 3 of 5;
- fit: after the first working meeting the mentor and the mentees are asked «Подходите ли вы
  друг другу?»; any «нет» needs attention.

Pairs that are not active (a draft, a finished one) have no health.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Avg, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from programmes.models import MEETING_INTERVAL_DAYS, Feedback, Pair, PairStatus
from programmes.selectors.pairs import overdue_cutoff, with_last_meeting

HEALTHY, ATTENTION, TOO_EARLY = "healthy", "attention", "too_early"
LOW_AVERAGE_RATING = 3


def with_health(queryset: QuerySet[Pair]) -> QuerySet[Pair]:
    """The pairs annotated with what their health is computed from (`health_of`)."""
    ratings = (
        Feedback.objects.filter(meeting__pair=OuterRef("pk"))
        .values("meeting__pair")
        .annotate(average=Avg("rating"))
        .values("average")
    )
    said_no = Feedback.objects.filter(meeting__pair=OuterRef("pk"), suits=False)
    return with_last_meeting(queryset).annotate(
        average_rating=Subquery(ratings[:1]),
        mentor_says_no=Exists(said_no.filter(author=OuterRef("mentor"))),
        mentee_says_no=Exists(said_no.exclude(author=OuterRef("mentor"))),
    )


def attention_q(today: datetime.date) -> Q:
    """The pairs that need attention; needs the annotations of with_health().

    Each nullable comparison says «is not null» itself: negated (the healthy and too-early
    filters), a bare `NULL < 3` is unknown, and SQL would drop the row it should keep.
    """
    cutoff = overdue_cutoff(today)
    overdue = Q(last_meeting_at__isnull=False, last_meeting_at__lt=cutoff) | Q(
        last_meeting_at__isnull=True, start_date__lt=cutoff.date()
    )
    return Q(status=PairStatus.ACTIVE) & (
        overdue
        | Q(average_rating__isnull=False, average_rating__lt=LOW_AVERAGE_RATING)
        | Q(mentor_says_no=True)
        | Q(mentee_says_no=True)
    )


def too_early_q(today: datetime.date) -> Q:
    """Active, never met, and started no more than 14 days ago (and nothing else is wrong)."""
    return (
        Q(status=PairStatus.ACTIVE, last_meeting_at__isnull=True)
        & Q(start_date__gte=overdue_cutoff(today).date())
        & ~attention_q(today)
    )


def healthy_q(today: datetime.date) -> Q:
    return Q(status=PairStatus.ACTIVE) & ~attention_q(today) & ~too_early_q(today)


@dataclass(frozen=True)
class Health:
    status: str
    reasons: list[str]

    @property
    def label(self) -> str:
        return {
            HEALTHY: _("fine"),
            ATTENTION: _("needs attention"),
            TOO_EARLY: _("too early to judge"),
        }[self.status]

    @property
    def summary(self) -> str:
        return f"{self.label}: {'; '.join(self.reasons)}" if self.reasons else self.label


def health_of(pair: Pair, *, today: datetime.date | None = None) -> Health | None:
    """The health of a pair annotated by with_health(); None for a pair that is not active."""
    if pair.status != PairStatus.ACTIVE:
        return None
    today = today or timezone.localdate()
    reasons = []
    last = pair.last_meeting_at
    since = timezone.localdate(last) if last else pair.start_date
    days = (today - since).days
    early = last is None and days <= MEETING_INTERVAL_DAYS
    if days > MEETING_INTERVAL_DAYS:
        reasons.append(
            ngettext(
                "no meetings held for %(days)s day",
                "no meetings held for %(days)s days",
                days,
            )
            % {"days": days}
        )
    average = pair.average_rating
    if average is not None and average < LOW_AVERAGE_RATING:
        reasons.append(
            _("average rating %(average)s of 5") % {"average": f"{average:.1f}".replace(".", ",")}
        )
    if pair.mentor_says_no:
        reasons.append(_("the mentor answered that the pair does not suit"))
    if pair.mentee_says_no:
        reasons.append(_("a mentee answered that the pair does not suit"))
    if reasons:
        return Health(ATTENTION, reasons)
    if early:
        return Health(TOO_EARLY, [_("the pair started less than 14 days ago")])
    return Health(HEALTHY, [])


def pairs_needing_attention(
    queryset: QuerySet[Pair], *, today: datetime.date | None = None, limit: int = 20
) -> tuple[list[tuple[Pair, Health]], int]:
    """The first `limit` pairs that need attention, longest without a meeting first, with their
    health; and how many there are in all. Three queries, whatever the number of pairs."""
    today = today or timezone.localdate()
    found = with_health(queryset).filter(attention_q(today))
    pairs = list(
        found.select_related("mentor", "programme").order_by(
            F("last_meeting_at").asc(nulls_first=True), "start_date", "pk"
        )[:limit]
    )
    return [(pair, health_of(pair, today=today)) for pair in pairs], found.count()
