"""The change journal: every history row of the programme's records, newest first.

The rows of all tracked models are one UNION of `.values()` querysets with the same columns,
so the database sorts and pages them; only the rows of the page shown are then read whole
and made readable (`entries`), in a number of queries that depends on the models on the
page, not on the number of rows.

Who sees what: superusers every row; everyone else the rows of the models they may view
(`programmes.view_<model>`) stamped with one of their organisations, plus the rows with no
organisation (the mentoring forms), which belong to no organisation in particular.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import F, Q, Value
from django.utils import timezone

from programmes.history.diff import Version, describe, history_model_of
from programmes.selectors.access import organisation_ids_for

APP_LABEL = "programmes"
COLUMNS = (
    "history_id",
    "history_date",
    "history_type",
    "history_user_id",
    "history_change_reason",
    "history_organisation_id",
)
ORDERING = ("-history_date", "-history_id", "model_label")


@cache
def tracked_models() -> tuple[type[models.Model], ...]:
    """Every model of the app that keeps a simple-history history."""
    return tuple(
        model
        for model in apps.get_app_config(APP_LABEL).get_models()
        if hasattr(model._meta, "simple_history_manager_attribute")
    )


def model_by_label(label: str) -> type[models.Model] | None:
    return next((m for m in tracked_models() if m._meta.label_lower == label), None)


def model_by_name(model_name: str) -> type[models.Model] | None:
    return next((m for m in tracked_models() if m._meta.model_name == model_name), None)


def journal_models(user) -> list[type[models.Model]]:
    """The tracked models whose history the user may read: the ones they may view."""
    if not (user.is_authenticated and user.is_active):
        return []
    if user.is_superuser:
        return list(tracked_models())
    return [
        model
        for model in tracked_models()
        if user.has_perm(f"{APP_LABEL}.view_{model._meta.model_name}")
    ]


def user_can_see_journal(user) -> bool:
    return bool(journal_models(user))


def history_values(model: type[models.Model], queryset: models.QuerySet | None = None):
    """History rows of `model` as the journal's columns (the shape every part of the union has)."""
    if queryset is None:
        queryset = history_model_of(model)._default_manager.all()
    return queryset.order_by().values(
        *COLUMNS,
        object_id=F(model._meta.pk.attname),
        model_label=Value(model._meta.label_lower, output_field=models.CharField()),
    )


def union(parts: list[models.QuerySet]) -> models.QuerySet:
    """One queryset of rows from `history_values` parts, newest first."""
    if not parts:
        return history_values(tracked_models()[0]).none()
    first, *rest = parts
    combined = first.union(*rest, all=True) if rest else first
    return combined.order_by(*ORDERING)


@dataclass(frozen=True)
class JournalFilters:
    """What the journal is narrowed to; dates are local days, both ends included."""

    model: type[models.Model] | None = None
    user_ids: tuple[int, ...] | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    object_id: int | None = None


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _scope(user) -> Q:
    if user.is_superuser:
        return Q()
    return Q(history_organisation_id__in=organisation_ids_for(user)) | Q(
        history_organisation_id__isnull=True
    )


def _filters(filters: JournalFilters) -> Q:
    condition = Q()
    if filters.user_ids is not None:
        condition &= Q(history_user_id__in=filters.user_ids)
    if filters.date_from is not None:
        condition &= Q(history_date__gte=_day_start(filters.date_from))
    if filters.date_to is not None:
        condition &= Q(history_date__lt=_day_start(filters.date_to + datetime.timedelta(days=1)))
    return condition


def journal_rows(user, filters: JournalFilters | None = None) -> models.QuerySet:
    """The history rows the user may see, filtered, newest first, as dicts of `COLUMNS`
    plus `object_id` and `model_label`. Page it by slicing."""
    filters = filters or JournalFilters()
    models_ = journal_models(user)
    if filters.model is not None:
        models_ = [m for m in models_ if m is filters.model]
    condition = _scope(user) & _filters(filters)
    parts = []
    for model in models_:
        queryset = history_model_of(model)._default_manager.filter(condition)
        if filters.object_id is not None:
            queryset = queryset.filter(**{model._meta.pk.attname: filters.object_id})
        parts.append(history_values(model, queryset))
    if not parts:
        return union([])
    return union(parts)


# How many people a «who changed» search may match; more means the search is too vague.
MAX_MATCHED_USERS = 50


def users_matching(text: str) -> list[int]:
    """Ids of the people whose surname, name or login contains `text`.

    The journal asks for a name rather than offering a list of everyone who ever changed
    something: finding them would read every history row, millions at a municipality.
    """
    users = get_user_model()._default_manager.all()
    for word in text.split():
        # SQLite folds the case of Latin letters only: «авторова» must still find «Авторова».
        variants = {word, word.lower(), word.capitalize(), word.upper()}
        matches = Q()
        for variant in variants:
            for field in ("last_name", "first_name", "username"):
                matches |= Q(**{f"{field}__icontains": variant})
        users = users.filter(matches)
    return list(users.order_by("pk").values_list("pk", flat=True)[: MAX_MATCHED_USERS + 1])


def entries(rows: Iterable[dict]) -> list[Version]:
    """The journal's rows made readable, in their order: per model on the page one query for
    its records, then `describe`'s queries (previous versions, related records)."""
    rows = list(rows)
    ids_by_label: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        ids_by_label[row["model_label"]].append(row["history_id"])
    records = {}
    for label, history_ids in ids_by_label.items():
        model = model_by_label(label)
        if model is None:
            continue
        for record in history_model_of(model)._default_manager.filter(history_id__in=history_ids):
            records[(label, record.history_id)] = record
    ordered = [
        records[key]
        for key in ((row["model_label"], row["history_id"]) for row in rows)
        if key in records
    ]
    return describe(ordered)


def iter_entries(rows: models.QuerySet, chunk_size: int = 1000) -> Iterator[Version]:
    """Every row of `rows` made readable, a chunk at a time (for the export)."""
    offset = 0
    while True:
        chunk = list(rows[offset : offset + chunk_size])
        yield from entries(chunk)
        if len(chunk) < chunk_size:
            return
        offset += chunk_size
