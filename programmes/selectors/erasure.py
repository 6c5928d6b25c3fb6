"""Whose personal data must be erased: the consent to processing withdrawn, and no valid one."""

import datetime

from django.db.models import Max, Q, QuerySet

from programmes.models import ERASURE_PERIOD_DAYS, ConsentKind, ErasureAct, Participant
from programmes.selectors.consents import valid_processing_consents


def erasure_due_on(withdrawn_on: datetime.date) -> datetime.date:
    """The last day the data may be kept after the consent to processing was withdrawn."""
    return withdrawn_on + datetime.timedelta(days=ERASURE_PERIOD_DAYS)


def is_erased(participant: Participant) -> bool:
    return ErasureAct.objects.filter(former_participant_id=participant.pk).exists()


def participants_awaiting_erasure(today: datetime.date) -> QuerySet[Participant]:
    """Participants who withdrew their consent to processing, have no valid one, not erased yet.

    Annotated with `consent_withdrawn_on`: the latest withdrawal of a consent to processing,
    from which the 30 days are counted.
    """
    return (
        Participant.objects.annotate(
            consent_withdrawn_on=Max(
                "consents__withdrawn_on",
                filter=Q(consents__kind=ConsentKind.PROCESSING, consents__withdrawn_on__lte=today),
            )
        )
        .filter(consent_withdrawn_on__isnull=False)
        .exclude(pk__in=valid_processing_consents(today).values("participant_id"))
        .exclude(pk__in=ErasureAct.objects.values("former_participant_id"))
        .order_by("consent_withdrawn_on", "pk")
    )


def participants_due_for_erasure(today: datetime.date) -> QuerySet[Participant]:
    """Those of `participants_awaiting_erasure` whose due date (withdrawal + 30 days) has come.

    A participant is due on the due date itself, so a daily run erases everyone in time.
    """
    latest_withdrawal = today - datetime.timedelta(days=ERASURE_PERIOD_DAYS)
    return participants_awaiting_erasure(today).filter(consent_withdrawn_on__lte=latest_withdrawal)
