"""Writes of matching: the curator's settings and verdicts, and accepting a suggestion.

Accepting creates the suggested pairs and groups as drafts (one per mentor, with all the
mentees suggested to them) in one transaction, through pair_save, so every rule of a pair
holds and the history names the curator and the reason «Подбор пар». It accepts only the
suggestion the curator saw: if the data changed meanwhile, the fingerprint differs and
nothing is created.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from programmes.matching.engine import MatchingResult, suggest
from programmes.models import (
    DecisionKind,
    MatchDecision,
    MatchingSettings,
    Pair,
    PairStatus,
    Participant,
    Programme,
)
from programmes.models.history import attribute_change
from programmes.selectors.matching import matching_pool
from programmes.services.pairs import pair_save

MATCHING_REASON = "Подбор пар"


def matching_settings_save(*, settings: MatchingSettings, user, reason: str) -> MatchingSettings:
    settings.full_clean()
    attribute_change(settings, user=user, reason=reason or MATCHING_REASON)
    settings.save()
    return settings


@transaction.atomic
def match_decide(
    *,
    programme: Programme,
    mentor: Participant,
    mentee: Participant,
    kind: DecisionKind,
    user,
    reason: str = "",
) -> MatchDecision:
    """Lock, reject or exclude a mentor and a mentee; a new verdict replaces the old one."""
    decision = MatchDecision.objects.filter(
        programme=programme, mentor=mentor, mentee=mentee
    ).first() or MatchDecision(programme=programme, mentor=mentor, mentee=mentee)
    decision.kind = kind
    decision.reason = reason
    decision.full_clean()
    attribute_change(decision, user=user, reason=reason or MATCHING_REASON)
    decision.save()
    return decision


def match_decision_withdraw(*, decision: MatchDecision, user, reason: str = "") -> None:
    attribute_change(decision, user=user, reason=reason or MATCHING_REASON)
    decision.delete()


def _start_date(programme: Programme, today: datetime.date) -> datetime.date:
    if today > programme.end_date:
        raise ValidationError(
            _("The programme ended on %(end)s: new pairs cannot be formed in it.")
            % {"end": programme.end_date.strftime("%d.%m.%Y")}
        )
    return max(today, programme.start_date)


@transaction.atomic
def matching_accept(
    *, programme: Programme, fingerprint: str, user, today: datetime.date | None = None
) -> list[Pair]:
    """Create the suggested pairs and groups as drafts; the locks and rejections are spent."""
    today = today or timezone.localdate()
    result: MatchingResult = suggest(matching_pool(programme, today=today))
    if result.fingerprint != fingerprint:
        raise ValidationError(
            _("The bases changed while you were reading the suggestion. Check it again.")
        )
    if not result.suggestions:
        raise ValidationError(_("There is no suggestion to accept."))
    start = _start_date(programme, today)
    by_mentor: dict[int, list[int]] = {}
    for mentor_pk, mentee_pk in result.pairs():
        by_mentor.setdefault(mentor_pk, []).append(mentee_pk)
    people = Participant.objects.in_bulk(
        {pk for pks in by_mentor.values() for pk in pks} | set(by_mentor)
    )
    created = []
    for mentor_pk, mentee_pks in by_mentor.items():
        pair = Pair(
            programme=programme,
            mentor=people[mentor_pk],
            start_date=start,
            status=PairStatus.DRAFT,
        )
        mentees = [people[pk] for pk in mentee_pks]
        created.append(
            pair_save(pair=pair, mentees=mentees, user=user, reason=MATCHING_REASON, today=today)
        )
    for decision in MatchDecision.objects.filter(
        programme=programme, kind__in=(DecisionKind.LOCKED, DecisionKind.REJECTED)
    ):
        match_decision_withdraw(decision=decision, user=user, reason=MATCHING_REASON)
    return created
