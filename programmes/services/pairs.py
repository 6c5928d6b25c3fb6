"""Writes of pairs and groups: the rules a curator meets when forming and running them."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from programmes.models import (
    CONSENT_REQUIRED_STATUSES,
    OPEN_PAIR_STATUSES,
    Pair,
    PairMentee,
    PairStatus,
    Participant,
)
from programmes.models.history import attribute_change
from programmes.selectors.consents import participants_with_consent

DEFAULT_LEAVING_REASON = "Исключён(а) из пары или группы куратором"


def pair_membership_errors(
    *, pair: Pair, mentees: list[Participant], today: datetime.date
) -> list[str]:
    """What is wrong with these mentees for this pair, as messages for the curator."""
    errors = []
    if not mentees:
        errors.append(_("A pair needs at least one mentee."))
        return errors
    if pair.mentor_id and any(mentee.pk == pair.mentor_id for mentee in mentees):
        errors.append(
            _("Nobody can mentor themselves: %(name)s is both the mentor and a mentee.")
            % {"name": pair.mentor}
        )
    for mentee in mentees:
        if not mentee.is_mentee:
            errors.append(_("%(name)s is not in the mentee base.") % {"name": mentee})
        if pair.programme_id and mentee.organisation_id != pair.programme.organisation_id:
            errors.append(_("%(name)s belongs to another organisation.") % {"name": mentee})
    if pair.mentor_id and pair.programme_id:
        errors.extend(_load_errors(pair=pair, mentees=mentees))
    if pair.status in CONSENT_REQUIRED_STATUSES:
        errors.extend(_consent_errors(pair=pair, mentees=mentees, today=today))
    return errors


def _load_errors(*, pair: Pair, mentees: list[Participant]) -> list[str]:
    other_pairs = Pair.objects.filter(
        programme=pair.programme, mentor=pair.mentor, status__in=OPEN_PAIR_STATUSES
    ).exclude(pk=pair.pk)
    load = other_pairs.aggregate(mentees=Count("mentees", filter=Q(mentees__left_on__isnull=True)))[
        "mentees"
    ]
    cap = pair.programme.max_mentees_per_mentor
    if load + len(mentees) > cap:
        return [
            _(
                "%(name)s would have %(load)s mentees in this programme; the programme allows %(cap)s per mentor."
            )
            % {"name": pair.mentor, "load": load + len(mentees), "cap": cap}
        ]
    return []


def _consent_errors(*, pair: Pair, mentees: list[Participant], today: datetime.date) -> list[str]:
    people = [pair.mentor, *mentees] if pair.mentor_id else list(mentees)
    consenting = set(
        participants_with_consent(today)
        .filter(pk__in=[p.pk for p in people])
        .values_list("pk", flat=True)
    )
    return [
        _(
            "%(name)s has no valid consent to the processing of personal data (for a minor, from a legal representative): the pair cannot be approved or active."
        )
        % {"name": person}
        for person in people
        if person.pk not in consenting
    ]


def pair_validate(
    *, pair: Pair, mentees: list[Participant], today: datetime.date | None = None
) -> None:
    """Every rule of a pair, the model's own and the membership's, as one ValidationError."""
    today = today or timezone.localdate()
    errors = {}
    try:
        pair.full_clean()
    except ValidationError as error:
        errors = error.message_dict
    membership = pair_membership_errors(pair=pair, mentees=mentees, today=today)
    if membership:
        errors.setdefault("mentees", []).extend(membership)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def pair_save(
    *,
    pair: Pair,
    mentees: list[Participant],
    user=None,
    reason: str = "",
    today: datetime.date | None = None,
) -> Pair:
    """Save a pair and its mentees; a removed mentee keeps their row, marked as left."""
    today = today or timezone.localdate()
    pair_validate(pair=pair, mentees=mentees, today=today)
    creating = pair._state.adding
    previous_start = (
        None if creating else Pair.objects.values_list("start_date", flat=True).get(pk=pair.pk)
    )
    attribute_change(pair, user=user, reason=reason)
    pair.save()
    if previous_start and previous_start != pair.start_date:
        _move_start(pair=pair, previous=previous_start, user=user, reason=reason)
    # The mentees the pair is formed with are in it from its start, even when it is entered
    # later; one added to a running pair joins on the day they are added.
    joining = pair.start_date if creating else max(today, pair.start_date)
    _sync_mentees(
        pair=pair, mentees=mentees, user=user, reason=reason, today=today, joining=joining
    )
    return pair


def _move_start(*, pair: Pair, previous: datetime.date, user, reason: str) -> None:
    """Mentees who joined on the pair's start join on the corrected start."""
    for membership in pair.mentees.filter(joined_on=previous):
        if membership.left_on is not None and membership.left_on < pair.start_date:
            continue
        membership.joined_on = pair.start_date
        _save_membership(membership, user=user, reason=reason)


def _sync_mentees(
    *,
    pair: Pair,
    mentees: list[Participant],
    user,
    reason: str,
    today: datetime.date,
    joining: datetime.date,
) -> None:
    wanted = {mentee.pk for mentee in mentees}
    memberships = {membership.mentee_id: membership for membership in pair.mentees.all()}
    for mentee_id, membership in memberships.items():
        if mentee_id not in wanted and membership.left_on is None:
            membership.left_on = max(today, membership.joined_on)
            membership.left_reason = reason or DEFAULT_LEAVING_REASON
            _save_membership(membership, user=user, reason=reason)
        elif mentee_id in wanted and membership.left_on is not None:
            membership.left_on = None
            membership.left_reason = ""
            _save_membership(membership, user=user, reason=reason)
    for mentee_id in wanted - memberships.keys():
        membership = PairMentee(pair=pair, mentee_id=mentee_id, joined_on=joining)
        _save_membership(membership, user=user, reason=reason)


def _save_membership(membership: PairMentee, *, user, reason: str) -> None:
    membership.full_clean()
    attribute_change(membership, user=user, reason=reason)
    membership.save()


def joining_errors(*, pair: Pair, joined_on: datetime.date) -> list[str]:
    """Why a mentee cannot have joined the pair on this day: outside the pair's period."""
    if joined_on < pair.start_date:
        return [
            _("A mentee cannot join before the pair starts (%(start)s).")
            % {"start": pair.start_date.strftime("%d.%m.%Y")}
        ]
    if pair.end_date and joined_on > pair.end_date:
        return [
            _("A mentee cannot join after the pair ends (%(end)s).")
            % {"end": pair.end_date.strftime("%d.%m.%Y")}
        ]
    return []


@transaction.atomic
def membership_correct_dates(
    *,
    membership: PairMentee,
    joined_on: datetime.date,
    left_on: datetime.date | None,
    left_reason: str = "",
    user=None,
    reason: str,
) -> PairMentee:
    """A curator's correction of when a mentee joined or left a pair; the history keeps the
    dates it replaces, so the correction needs a reason."""
    if not reason.strip():
        raise ValidationError({"change_reason": _("Give the reason for the correction.")})
    errors = joining_errors(pair=membership.pair, joined_on=joined_on)
    if errors:
        raise ValidationError({"joined_on": errors})
    membership.joined_on = joined_on
    membership.left_on = left_on
    membership.left_reason = left_reason.strip() if left_on else ""
    _save_membership(membership, user=user, reason=reason.strip())
    return membership


@transaction.atomic
def pair_change_status(
    *, pair: Pair, status: str, user=None, reason: str = "", termination_reason: str = ""
) -> Pair:
    """Move a pair along draft → approved → active → completed, or terminate it."""
    pair.status = status
    if status == PairStatus.TERMINATED:
        pair.termination_reason = termination_reason or pair.termination_reason
    mentees = [
        membership.mentee
        for membership in pair.mentees.select_related("mentee")
        if membership.left_on is None
    ]
    return pair_save(pair=pair, mentees=mentees, user=user, reason=reason)


def participant_leave_open_pairs(
    *, participant: Participant, user, reason: str, when: datetime.date
) -> int:
    """End the participant's place in every open pair or group; the number of pairs left."""
    left = 0
    memberships = PairMentee.objects.filter(
        mentee=participant, left_on__isnull=True, pair__status__in=OPEN_PAIR_STATUSES
    ).select_related("pair")
    for membership in memberships:
        membership.left_on = max(when, membership.joined_on)
        membership.left_reason = reason[: PairMentee._meta.get_field("left_reason").max_length]
        membership.full_clean()
        attribute_change(membership, user=user, reason=reason)
        membership.save()
        left += 1
    for pair in Pair.objects.filter(mentor=participant, status__in=OPEN_PAIR_STATUSES):
        if pair.end_date is None:
            pair.end_date = max(when, pair.start_date)
        pair_change_status(
            pair=pair,
            status=PairStatus.TERMINATED,
            user=user,
            reason=reason,
            termination_reason=reason,
        )
        left += 1
    return left
