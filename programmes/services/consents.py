"""Consents to the processing of personal data (152-ФЗ): giving and withdrawing.

A consent is the legal ground for everything else the portal keeps about a participant, so
it is stored as evidence: the exact text accepted, when, from which address and browser. A
withdrawal of the consent to processing ends that ground: the participant leaves every open
pair at once, their participation is suspended until the curator restores it, the curators
learn of it (without names, after the commit), and the 30 days within which the data must
be destroyed start (programmes/services/erasure.py). One consent of a kind is in force at a
time: a second is refused rather than recorded.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.base_url import portal_base_url
from programmes.models import (
    Consent,
    ConsentKind,
    ConsentSource,
    Participant,
    ParticipantStatus,
)
from programmes.models.consents import DETAIL_FIELDS
from programmes.models.history import attribute_change
from programmes.selectors.consents import valid_processing_consents
from programmes.selectors.erasure import erasure_due_on
from programmes.services.pairs import participant_leave_open_pairs

logger = logging.getLogger(__name__)

# Stored texts (history reasons, names), in the language of the records rather than of the
# interface, like programmes.services.pairs.DEFAULT_LEAVING_REASON.
WEB_ACCEPTANCE_REASON = "Согласие дано на портале"
SUPERSEDED_REASON = "Заменено согласием на новую редакцию текста"
WITHDRAWAL_STATUS_REASON = "Отзыв согласия"

# Codes of refusals, for callers that react to one of them.
ALREADY_WITHDRAWN = "already_withdrawn"

USER_AGENT_MAX_LENGTH = 500


# --- giving --------------------------------------------------------------------------------


@transaction.atomic
def consent_accept(
    *,
    participant: Participant,
    kind: str,
    text: str,
    details: dict,
    given_by: str,
    ip: str | None,
    user_agent: str,
    user: AbstractBaseUser | None = None,
    valid_until: datetime.date | None = None,
    replaces: Consent | None = None,
) -> Consent:
    """Record a consent accepted on the portal, with the exact text shown and where from.

    `details` holds the subject's (and for a consent given by a legal representative, the
    representative's) details named in art. 9 part 4 of 152-ФЗ: the keys are Consent's
    field names (`programmes.models.consents.DETAIL_FIELDS`). Refused with a ValidationError
    whose messages sit on those field names when something the law requires is missing, or
    when a minor's consent is not given by a representative; nothing is saved then.

    A new consent to processing from a participant whose participation was suspended by a
    withdrawal leaves the status as it is: the curators are told, and they decide.

    A second consent of the same kind while one is in force is refused (code
    `programmes.models.consents.DUPLICATE`), unless it `replaces` that one: a new version of
    a text the editor has changed. The earlier consent then ends today, in the same
    transaction, with SUPERSEDED_REASON; it is not a withdrawal, so nothing else follows.
    """
    unknown = set(details) - set(DETAIL_FIELDS)
    if unknown:
        raise ValueError(f"Not consent details: {', '.join(sorted(unknown))}")
    # One writer per participant at a time, so two clicks cannot both pass the duplicate check.
    Participant.objects.select_for_update().filter(pk=participant.pk).first()
    now = timezone.now()
    if replaces is not None:
        _supersede(replaces, user=user, when=timezone.localdate(now))
    consent = Consent(
        participant=participant,
        kind=kind,
        given_by=given_by,
        source=ConsentSource.WEB,
        text=text,
        accepted_at=now,
        given_on=timezone.localdate(now),
        valid_until=valid_until,
        ip_address=ip or None,
        user_agent=(user_agent or "")[:USER_AGENT_MAX_LENGTH],
        **{
            name: value.strip() if isinstance(value, str) else value
            for name, value in details.items()
        },
    )
    consent.full_clean()
    attribute_change(consent, user=user, reason=WEB_ACCEPTANCE_REASON)
    try:
        with transaction.atomic():
            consent.save()
    except IntegrityError as error:
        # The database's own rule (one open-ended consent): a race the check above lost.
        duplicate = consent.duplicate()
        if duplicate is None:
            raise
        raise ValidationError(consent._duplicate_errors()) from error
    if (
        kind == ConsentKind.PROCESSING
        and Participant.objects.filter(
            pk=participant.pk, status=ParticipantStatus.SUSPENDED
        ).exists()
    ):
        transaction.on_commit(
            lambda: notify_curators_of_new_consent(consent_id=consent.pk), robust=True
        )
    return consent


def _supersede(consent: Consent, *, user, when: datetime.date) -> None:
    earlier = Consent.objects.select_for_update().get(pk=consent.pk)
    if earlier.withdrawn_on is not None:
        return
    earlier.withdrawn_on = max(when, earlier.given_on)
    earlier.withdrawal_reason = SUPERSEDED_REASON
    attribute_change(earlier, user=user, reason=SUPERSEDED_REASON)
    earlier.save()


# --- withdrawing ---------------------------------------------------------------------------


def consent_withdraw(
    *,
    consent: Consent,
    user: AbstractBaseUser | None = None,
    reason: str,
    when: datetime.date | None = None,
) -> Consent:
    """Withdraw a consent on `when` (today by default) for `reason`.

    Only the withdrawal's own fields are checked: a withdrawal is never refused because an
    old paper consent lacks some details.

    When it leaves the participant without a valid consent to processing, the participant
    leaves every open pair and group (a mentee's membership ends; a mentor's pairs are
    terminated) with `reason`, an active participant's status becomes «participation
    suspended» (history reason WITHDRAWAL_STATUS_REASON and `reason`), and their personal
    data are due for erasure 30 days after `when` (see programmes.selectors.erasure). The curators of the participant's organisation
    are e-mailed once the transaction is committed; a failing mail server is logged and does
    not undo the withdrawal.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"withdrawal_reason": _("Give the reason for the withdrawal.")})
    with transaction.atomic():
        consent = (
            Consent.objects.select_for_update()
            .select_related("participant__organisation")
            .get(pk=consent.pk)
        )
        if consent.withdrawn_on is not None:
            raise ValidationError(
                _("The consent was already withdrawn on %(date)s.")
                % {"date": consent.withdrawn_on.strftime("%d.%m.%Y")},
                code=ALREADY_WITHDRAWN,
            )
        today = timezone.localdate()
        when = when or max(today, consent.given_on)
        if when > today:
            raise ValidationError(
                {"withdrawn_on": _("A consent cannot be withdrawn on a future date.")}
            )
        if when < consent.given_on:
            raise ValidationError(
                {"withdrawn_on": _("A consent cannot be withdrawn before it is given.")}
            )
        consent.withdrawn_on = when
        consent.withdrawal_reason = reason[
            : Consent._meta.get_field("withdrawal_reason").max_length
        ]
        attribute_change(consent, user=user, reason=reason)
        consent.save()

        participant = consent.participant
        pairs_left = 0
        erasure_due = None
        suspended = False
        if consent.kind == ConsentKind.PROCESSING and not _has_valid_processing_consent(
            participant, when
        ):
            pairs_left = participant_leave_open_pairs(
                participant=participant, user=user, reason=reason, when=when
            )
            erasure_due = erasure_due_on(when)
            suspended = _suspend(participant, user=user, reason=reason)
        transaction.on_commit(
            lambda: notify_curators_of_withdrawal(
                consent_id=consent.pk,
                pairs_left=pairs_left,
                erasure_due=erasure_due,
                suspended=suspended,
            ),
            robust=True,
        )
    return consent


def _suspend(participant: Participant, *, user, reason: str) -> bool:
    """An active participant's participation stops with the consent; a new consent does not
    restart it by itself: the curator decides (programmes.admin.participants)."""
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    if participant.status != ParticipantStatus.ACTIVE:
        return False
    participant.status = ParticipantStatus.SUSPENDED
    participant.full_clean()
    attribute_change(participant, user=user, reason=f"{WITHDRAWAL_STATUS_REASON}: {reason}")
    participant.save()
    return True


def _has_valid_processing_consent(participant: Participant, day: datetime.date) -> bool:
    return valid_processing_consents(day).filter(participant=participant).exists()


def _participant_link(participant_id: int) -> str:
    """The participant's record in the admin, from the portal's address: e-mails link, not tell."""
    return portal_base_url() + reverse(
        "programmes_participant_modeladmin_inspect", args=[participant_id]
    )


def _send_each(addresses: list[str], *, subject: str, body: str) -> int:
    """One e-mail per curator, so that no curator learns another's address; the number sent."""
    messages = [
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in addresses
    ]
    return get_connection().send_messages(messages) or 0


def curator_addresses(organisation) -> list[str]:
    """E-mail addresses of the staff who run the organisation's records (curators)."""
    members = organisation.members.filter(is_active=True).exclude(email="").order_by("pk")
    return sorted(
        {member.email for member in members if member.has_perm("programmes.change_participant")}
    )


def notify_curators_of_withdrawal(
    *,
    consent_id: int,
    pairs_left: int = 0,
    erasure_due: datetime.date | None = None,
    suspended: bool = False,
) -> int:
    """E-mail the organisation's curators that a consent was withdrawn; the number of e-mails.

    The e-mail names the participant by number and links to their record in the admin: it
    carries no personal data. Any failure is logged, never raised.
    """
    try:
        consent = Consent.objects.select_related("participant__organisation").get(pk=consent_id)
        organisation = consent.participant.organisation
        addresses = curator_addresses(organisation)
        if not addresses:
            logger.warning(
                "No curator of organisation %s to tell of the withdrawal of consent %s",
                organisation.pk,
                consent_id,
            )
            return 0
        link = _participant_link(consent.participant_id)
        subject = _(
            "A consent to personal data processing was withdrawn (participant No. %(id)s)"
        ) % {"id": consent.participant_id}
        if consent.kind != ConsentKind.PROCESSING:
            subject = _(
                "A consent to personal data dissemination was withdrawn (participant No. %(id)s)"
            ) % {"id": consent.participant_id}
        body = render_to_string(
            "programmes/email/consent_withdrawn.txt",
            {
                "participant_id": consent.participant_id,
                "organisation": organisation.short_name,
                "kind": consent.get_kind_display(),
                "is_processing": consent.kind == ConsentKind.PROCESSING,
                "withdrawn_on": consent.withdrawn_on,
                "pairs_left": pairs_left,
                "erasure_due": erasure_due,
                "suspended": suspended,
                "link": link,
            },
        )
        return _send_each(addresses, subject=subject, body=body)
    except Exception:
        logger.exception("Could not tell the curators of the withdrawal of consent %s", consent_id)
        return 0


def notify_curators_of_new_consent(*, consent_id: int) -> int:
    """E-mail the curators that a suspended participant consented again; the number sent.

    Like the withdrawal's e-mail it names the participant by number only. Failures are logged.
    """
    try:
        consent = Consent.objects.select_related("participant__organisation").get(pk=consent_id)
        organisation = consent.participant.organisation
        addresses = curator_addresses(organisation)
        if not addresses:
            return 0
        link = _participant_link(consent.participant_id)
        subject = _(
            "A participant whose participation is suspended gave a new consent (participant No. %(id)s)"
        ) % {"id": consent.participant_id}
        body = render_to_string(
            "programmes/email/consent_given_again.txt",
            {
                "participant_id": consent.participant_id,
                "organisation": organisation.short_name,
                "given_on": consent.given_on,
                "link": link,
            },
        )
        return _send_each(addresses, subject=subject, body=body)
    except Exception:
        logger.exception("Could not tell the curators of the new consent %s", consent_id)
        return 0
