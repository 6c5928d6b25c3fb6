"""Every rule of the records checked over generated data, so a benchmark measures valid data.

The rules are those of the models' `clean()` and of programmes.services: mentor load per
programme, valid consents (a minor's from a legal representative) for approved and active
pairs, approving orders, status transitions, pairs inside the programme period, meetings only
of pairs that have been approved and inside the pair's period, feedback from the pair's
members after the meeting, and history rows with their author, date and organisation.
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, Q
from django.utils import timezone

from benchmarks.scale.tables import SAMPLED_MODELS
from benchmarks.scale.writing import BATCH_SIZE, tracked_attnames
from programmes.models import (
    CONSENT_REQUIRED_STATUSES,
    OPEN_PAIR_STATUSES,
    PAIR_TRANSITIONS,
    Consent,
    ConsentGiver,
    Feedback,
    Meeting,
    Organisation,
    Pair,
    PairMentee,
    PairStatus,
    Participant,
)
from programmes.selectors.consents import participants_without_consent


def _of_organisations(model, organisations):
    """The model's rows that belong to the organisations, by the path the model declares."""
    return model.objects.filter(**{f"{model.organisation_path}__in": organisations})


def consistency_errors(
    *,
    organisations: Iterable[int] | models.QuerySet | None = None,
    sample: int = 100,
    today: datetime.date | None = None,
) -> list[str]:
    """Every rule of the records checked over the organisations' data; [] when all hold.

    A sample of each model goes through `full_clean()`; the rules across records (mentor
    load, consents of approved and active pairs, meetings inside pair periods, status
    transitions in the history, history rows with author, date and organisation) are
    checked over all rows with a few queries each.
    """
    from programmes.services.pairs import pair_membership_errors

    today = today or timezone.localdate()
    if organisations is None:
        organisations = list(Organisation.objects.values_list("pk", flat=True))
    elif isinstance(organisations, models.QuerySet):
        organisations = list(organisations.values_list("pk", flat=True))
    else:
        organisations = list(organisations)
    errors: list[str] = []

    def scoped(model):
        return _of_organisations(model, organisations)

    for model in SAMPLED_MODELS:
        for record in scoped(model).order_by("?")[:sample]:
            try:
                record.full_clean()
            except ValidationError as error:
                errors.append(f"{model.__name__} {record.pk}: {error.messages}")
    for pair in scoped(Pair).filter(status__in=OPEN_PAIR_STATUSES).order_by("?")[:sample]:
        mentees = [m.mentee for m in pair.mentees.filter(left_on__isnull=True)]
        for message in pair_membership_errors(pair=pair, mentees=mentees, today=today):
            errors.append(f"Pair {pair.pk}: {message}")

    pairs = scoped(Pair)
    # Load: current mentees of a mentor's open pairs in a programme, at most the programme's cap.
    overloaded = (
        PairMentee.objects.filter(
            pair__in=pairs.filter(status__in=OPEN_PAIR_STATUSES), left_on__isnull=True
        )
        .values("pair__programme", "pair__mentor")
        .annotate(load=Count("pk"), cap=F("pair__programme__max_mentees_per_mentor"))
        .filter(load__gt=F("cap"))
    )
    errors += [
        f"Mentor {row['pair__mentor']} has {row['load']} mentees in programme {row['pair__programme']} (cap {row['cap']})"
        for row in overloaded[:20]
    ]
    # Consents: everyone in an approved or active pair has a valid one (a minor's from a
    # representative: participants_without_consent applies that rule).
    needing = pairs.filter(status__in=CONSENT_REQUIRED_STATUSES)
    people = Participant.objects.filter(
        Q(mentored_pairs__in=needing)
        | Q(memberships__pair__in=needing, memberships__left_on__isnull=True)
    ).distinct()
    errors += [
        f"Participant {pk} is in an approved or active pair without a valid consent"
        for pk in participants_without_consent(people, today).values_list("pk", flat=True)[:20]
    ]
    minors = [
        pk
        for pk, birth, given in scoped(Consent)
        .filter(given_by=ConsentGiver.PARTICIPANT)
        .values_list("pk", "participant__birth_date", "given_on")
        if birth and Participant(birth_date=birth).is_minor(given)
    ]
    errors += [f"Consent {pk} of a minor was not given by a representative" for pk in minors[:20]]
    errors += [
        f"Pair {pk} is approved or active without an approving order"
        for pk in needing.filter(order__isnull=True).values_list("pk", flat=True)[:20]
    ]
    errors += [
        f"Pair {pk} starts outside its programme's period"
        for pk in pairs.filter(
            Q(start_date__lt=F("programme__start_date"))
            | Q(start_date__gt=F("programme__end_date"))
        ).values_list("pk", flat=True)[:20]
    ]
    errors += [
        f"Pair {pk}: mentor of another organisation or not in the mentor base"
        for pk in pairs.filter(
            ~Q(mentor__organisation=F("programme__organisation")) | Q(mentor__is_mentor=False)
        ).values_list("pk", flat=True)[:20]
    ]
    errors += [
        f"Membership {pk}: mentee of another organisation or not in the mentee base"
        for pk in scoped(PairMentee)
        .filter(
            ~Q(mentee__organisation=F("pair__programme__organisation")) | Q(mentee__is_mentee=False)
        )
        .values_list("pk", flat=True)[:20]
    ]
    meetings = scoped(Meeting).filter(pair__isnull=False)
    errors += [
        f"Meeting {pk} is outside its pair's period"
        for pk in meetings.filter(
            Q(held_at__date__lt=F("pair__start_date")) | Q(held_at__date__gt=F("pair__end_date"))
        ).values_list("pk", flat=True)[:20]
    ]
    errors += [
        f"Meeting {pk} belongs to a pair that was never approved"
        for pk in meetings.filter(
            Q(pair__status=PairStatus.DRAFT)
            | Q(pair__status=PairStatus.TERMINATED, pair__order__isnull=True)
        ).values_list("pk", flat=True)[:20]
    ]
    errors += [
        f"Meeting {pk}: its programme is not its pair's"
        for pk in meetings.exclude(programme=F("pair__programme")).values_list("pk", flat=True)[:20]
    ]
    errors += [
        f"Feedback {pk} was given before the meeting"
        for pk in scoped(Feedback)
        .filter(submitted_at__lt=F("meeting__held_at"))
        .values_list("pk", flat=True)[:20]
    ]
    errors += _transition_errors(pairs)
    errors += _history_errors(organisations)
    return errors


def _transition_errors(pairs) -> list[str]:
    """The statuses in each pair's history follow PAIR_TRANSITIONS and end at its status."""
    errors = []
    current = dict(pairs.values_list("pk", "status"))
    previous: dict[int, str] = {}
    history = (
        Pair.history.model.objects.filter(id__in=pairs.values("pk"))
        .order_by("id", "history_date", "history_id")
        .values_list("id", "status")
    )
    for pk, status in history.iterator(chunk_size=BATCH_SIZE):
        before = previous.get(pk)
        if before and status != before and status not in PAIR_TRANSITIONS[before]:
            errors.append(f"Pair {pk}: history goes from {before} to {status}")
        previous[pk] = status
    errors += [
        f"Pair {pk}: the last history version ({previous.get(pk)}) is not its status ({status})"
        for pk, status in current.items()
        if previous.get(pk) != status
    ]
    return errors[:20]


def _history_errors(organisations: list[int]) -> list[str]:
    """Each record has a «+» row; every row has its author, a past date, the organisation;
    the newest row of a sample equals the record."""
    errors = []
    now = timezone.now()
    for model in SAMPLED_MODELS:
        history = model.history.model.objects
        records = _of_organisations(model, organisations)
        rows = history.filter(id__in=records.values("pk"))
        missing = records.exclude(pk__in=rows.filter(history_type="+").values("id")).count()
        if missing:
            errors.append(f"{model.__name__}: {missing} records without a creation history row")
        incomplete = rows.filter(
            Q(history_user__isnull=True)
            | Q(history_organisation__isnull=True)
            | Q(history_date__gt=now)
        ).count()
        if incomplete:
            errors.append(
                f"{model.__name__}: {incomplete} history rows without author, organisation or with a future date"
            )
        strangers = rows.exclude(history_organisation__in=organisations).count()
        if strangers:
            errors.append(f"{model.__name__}: {strangers} history rows of another organisation")
        names = [name for name in tracked_attnames(model) if name != "id"]
        for record in records.order_by("?")[:20]:
            latest = history.filter(id=record.pk).order_by("-history_date", "-history_id").first()
            if latest is None:
                continue
            differing = [name for name in names if getattr(latest, name) != getattr(record, name)]
            if differing:
                errors.append(
                    f"{model.__name__} {record.pk}: the newest history row differs in {differing}"
                )
    return errors
