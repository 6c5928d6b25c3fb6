"""Readable versions of django-simple-history records: when, who, what, from what to what.

`describe(records)` turns historical records (of one model or of several) into `Version`s.
Each version is compared with the previous version of the same object; the values are shown
the way a person reads them: choice labels, names of related records, «да»/«нет», dates as
ДД.ММ.ГГГГ and local times as ДД.ММ.ГГГГ ЧЧ:ММ.

The number of queries depends on the models involved, never on the number of records:
one per historical model for the previous versions, one per related model for the records
that foreign keys point to (the users who made the changes included).
"""

import datetime
import decimal
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

EMPTY = "—"
DATE_FORMAT = "%d.%m.%Y"
DATETIME_FORMAT = "%d.%m.%Y %H:%M"

CREATED, CHANGED, DELETED = "+", "~", "-"
ACTIONS = {
    CREATED: pgettext_lazy("history action", "Created"),
    CHANGED: pgettext_lazy("history action", "Changed"),
    DELETED: pgettext_lazy("history action", "Deleted"),
}


@dataclass(frozen=True)
class FieldChange:
    """One field of a version: its label and its value before and after, both readable."""

    name: str
    label: str
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.label}: {self.old} → {self.new}"


@dataclass
class Version:
    """One history row, readable."""

    record: models.Model = field(repr=False)
    model: type[models.Model]
    history_id: int
    object_id: Any
    date: datetime.datetime
    user_id: int | None
    user: str
    action_code: str
    reason: str
    object_label: str
    organisation_id: int | None
    changes: list[FieldChange]
    _resolver: "_Resolver" = field(repr=False)

    @property
    def action(self) -> str:
        return str(ACTIONS.get(self.action_code, self.action_code))

    @property
    def date_display(self) -> str:
        return format_datetime(self.date)

    @property
    def model_label(self) -> str:
        return capfirst(str(self.model._meta.verbose_name))

    @property
    def model_name(self) -> str:
        return self.model._meta.model_name

    @property
    def changes_text(self) -> str:
        """The changes one per line, «Label: old → new»."""
        return "\n".join(str(change) for change in self.changes)

    def value(self, name: str) -> str:
        """The readable value of one of the record's fields in this version."""
        model_field = self.model._meta.get_field(name)
        return self._resolver.display(model_field, getattr(self.record, model_field.attname))


# --- formatting ----------------------------------------------------------------------------


def format_date(value: datetime.date) -> str:
    return value.strftime(DATE_FORMAT)


def format_datetime(value: datetime.datetime) -> str:
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime(DATETIME_FORMAT)


def _respondent_id(record) -> int | None:
    return getattr(record, "history_respondent_id", None)


def user_label(user) -> str:
    """The user's full name as the rest of the portal shows it, or their login name."""
    return user.get_full_name().strip() or user.get_username()


def deleted_label(pk) -> str:
    return _("deleted (#%(id)s)") % {"id": pk}


def is_empty(value) -> bool:
    return value is None or value == ""


# --- which fields ----------------------------------------------------------------------------


def history_model_of(model: type[models.Model]) -> type[models.Model]:
    """The historical model of a tracked model."""
    manager_name = model._meta.simple_history_manager_attribute
    return getattr(model, manager_name).model


def shown_fields(model: type[models.Model]) -> list[models.Field]:
    """The tracked fields worth showing: not the key, not simple-history's own columns."""
    history_model = history_model_of(model)
    return [
        model_field
        for model_field in history_model.tracked_fields
        if not model_field.primary_key and not model_field.name.startswith("history_")
    ]


def _is_reference(model_field: models.Field) -> bool:
    return model_field.is_relation and (model_field.many_to_one or model_field.one_to_one)


def _str_relations(model: type[models.Model]) -> list[str]:
    """Forward relations to join so a related record's `__str__` needs no query of its own."""
    return [f.name for f in model._meta.concrete_fields if _is_reference(f)]


# --- related records -----------------------------------------------------------------------


class _Missing:
    """Stands in for a related record that no longer exists; any use but `str` fails."""

    def __init__(self, pk):
        self.pk = pk

    def __str__(self) -> str:
        return deleted_label(self.pk)

    def __getattr__(self, name):
        raise AttributeError(name)


class _Resolver:
    """Collects the keys foreign keys point to, then loads them: one query per related model."""

    def __init__(self):
        self.user_model = get_user_model()
        self.participant_model = apps.get_model("programmes", "Participant")
        self._wanted: dict[tuple[type[models.Model], str], set] = defaultdict(set)
        self._found: dict[tuple[type[models.Model], str], dict] = {}

    def want(self, related_model, key: str, value) -> None:
        if value is not None:
            self._wanted[(related_model, key)].add(value)

    def want_field(self, model_field: models.Field, value) -> None:
        if _is_reference(model_field):
            self.want(model_field.related_model, model_field.target_field.attname, value)

    def resolve(self) -> None:
        for (related_model, key), values in self._wanted.items():
            known = self._found.setdefault((related_model, key), {})
            missing = values - known.keys()
            if not missing:
                continue
            queryset = related_model._base_manager.filter(**{f"{key}__in": missing})
            relations = _str_relations(related_model)
            if relations:
                queryset = queryset.select_related(*relations)
            for obj in queryset:
                known[getattr(obj, key)] = obj
        self._wanted.clear()

    def get(self, related_model, key: str, value):
        return self._found.get((related_model, key), {}).get(value)

    def related(self, model_field: models.Field, value):
        return self.get(model_field.related_model, model_field.target_field.attname, value)

    def user(self, pk) -> str:
        if pk is None:
            return _("system")
        user = self.get(self.user_model, self.user_model._meta.pk.attname, pk)
        return user_label(user) if user is not None else deleted_label(pk)

    def author(self, user_pk, respondent_pk) -> str:
        """Who made a version: the user, else the participant whose answer made it."""
        if user_pk is not None or respondent_pk is None:
            return self.user(user_pk)
        respondent = self.get(self.participant_model, "id", respondent_pk)
        name = respondent.full_name if respondent is not None else deleted_label(respondent_pk)
        return _("%(name)s (participant, by a questionnaire answer)") % {"name": name}

    def display(self, model_field: models.Field, value) -> str:
        """A field's value as a person reads it."""
        if is_empty(value):
            return EMPTY
        if _is_reference(model_field):
            obj = self.related(model_field, value)
            if obj is None:
                return deleted_label(value)
            if isinstance(obj, self.user_model):
                return user_label(obj)
            return str(obj)
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(model_field, models.BooleanField):
            return _("yes") if value else _("no")
        if isinstance(model_field, models.DateTimeField):
            return format_datetime(value) if isinstance(value, datetime.datetime) else str(value)
        if isinstance(model_field, models.DateField):
            return format_date(value) if isinstance(value, datetime.date) else str(value)
        if isinstance(model_field, models.FileField):
            return PurePosixPath(str(value)).name or EMPTY
        if isinstance(value, decimal.Decimal | float):
            return formats.number_format(value)
        return str(value)

    def instance(self, model: type[models.Model], record: models.Model) -> models.Model:
        """The record as it was in this version, its relations filled from what was loaded."""
        instance = model(
            **{
                f.attname: getattr(record, f.attname)
                for f in history_model_of(model).tracked_fields
            }
        )
        for model_field in model._meta.concrete_fields:
            if not _is_reference(model_field):
                continue
            value = getattr(instance, model_field.attname)
            if value is None:
                continue
            obj = self.related(model_field, value)
            model_field.set_cached_value(instance, obj if obj is not None else _Missing(value))
        return instance


# --- previous versions ---------------------------------------------------------------------


def _sort_key(record) -> tuple:
    return (record.history_date, record.history_id)


def previous_versions(
    history_model: type[models.Model], records: list[models.Model]
) -> dict[int, models.Model | None]:
    """For each record, the version of the same object just before it: one query in all."""
    if not records:
        return {}
    pk_name = history_model.instance_type._meta.pk.attname
    earlier = (
        history_model._default_manager.filter(**{pk_name: OuterRef(pk_name)})
        .filter(
            Q(history_date__lt=OuterRef("history_date"))
            | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id"))
        )
        .order_by("-history_date", "-history_id")
        .values("history_id")[:1]
    )
    previous_ids = (
        history_model._default_manager.filter(history_id__in=[r.history_id for r in records])
        .order_by()
        .annotate(previous_id=Subquery(earlier))
        .values("previous_id")
    )
    by_object = defaultdict(list)
    for candidate in history_model._default_manager.filter(history_id__in=previous_ids).order_by():
        by_object[getattr(candidate, pk_name)].append(candidate)
    found = {}
    for record in records:
        key = _sort_key(record)
        before = [c for c in by_object[getattr(record, pk_name)] if _sort_key(c) < key]
        found[record.history_id] = max(before, key=_sort_key) if before else None
    return found


# --- versions ------------------------------------------------------------------------------


def _changes(
    resolver: _Resolver, fields: list[models.Field], record, previous
) -> list[FieldChange]:
    changes = []
    for model_field in fields:
        new = getattr(record, model_field.attname)
        if previous is None:
            if is_empty(new):
                continue
            old_display = EMPTY
        else:
            old = getattr(previous, model_field.attname)
            if old == new:
                continue
            old_display = resolver.display(model_field, old)
        changes.append(
            FieldChange(
                name=model_field.name,
                label=capfirst(str(model_field.verbose_name)),
                old=old_display,
                new=resolver.display(model_field, new),
            )
        )
    return changes


def _object_label(resolver: _Resolver, model, record) -> str:
    try:
        label = str(resolver.instance(model, record))
    except Exception:  # a __str__ that needs a record no longer there
        label = ""
    pk = getattr(record, model._meta.pk.attname)
    return label or f"{capfirst(str(model._meta.verbose_name))} #{pk}"


def describe(records: Iterable[models.Model]) -> list[Version]:
    """Readable versions of historical records, in the order given.

    The records may belong to several tracked models. A version with no previous version
    (created, or history that starts later) lists its filled fields with an empty old value;
    a deletion lists what changed since the last version (usually nothing).
    """
    records = list(records)
    by_model: dict[type[models.Model], list] = defaultdict(list)
    for record in records:
        by_model[type(record)].append(record)

    previous: dict[tuple[type, int], models.Model | None] = {}
    for history_model, model_records in by_model.items():
        for history_id, prev in previous_versions(history_model, model_records).items():
            previous[(history_model, history_id)] = prev

    resolver = _Resolver()
    user_key = resolver.user_model._meta.pk.attname
    for history_model, model_records in by_model.items():
        model = history_model.instance_type
        references = [f for f in model._meta.concrete_fields if _is_reference(f)]
        for record in model_records:
            resolver.want(resolver.user_model, user_key, record.history_user_id)
            resolver.want(resolver.participant_model, "id", _respondent_id(record))
            prev = previous[(history_model, record.history_id)]
            for version in (record, prev) if prev is not None else (record,):
                for model_field in references:
                    resolver.want_field(model_field, getattr(version, model_field.attname, None))
    resolver.resolve()

    fields_of = {
        history_model: shown_fields(history_model.instance_type) for history_model in by_model
    }
    versions = []
    for record in records:
        history_model = type(record)
        model = history_model.instance_type
        versions.append(
            Version(
                record=record,
                model=model,
                history_id=record.history_id,
                object_id=getattr(record, model._meta.pk.attname),
                date=record.history_date,
                user_id=record.history_user_id,
                user=resolver.author(record.history_user_id, _respondent_id(record)),
                action_code=record.history_type,
                reason=record.history_change_reason or "",
                object_label=_object_label(resolver, model, record),
                organisation_id=getattr(record, "history_organisation_id", None),
                changes=_changes(
                    resolver,
                    fields_of[history_model],
                    record,
                    previous[(history_model, record.history_id)],
                ),
                _resolver=resolver,
            )
        )
    return versions
