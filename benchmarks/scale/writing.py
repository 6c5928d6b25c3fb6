"""Records and their history rows into the database, in big batches.

Going through the services one record at a time (a query or three per row) would take hours
for a municipality, so records are inserted in batches: COPY on PostgreSQL, with keys
reserved from the sequence, bulk_create elsewhere. The bulk path skips simple-history's
signals, so the history rows are written here, each with its author (the organisation's
generated curator), its date, its type and `history_organisation`.
"""

import datetime
import functools
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models

BATCH_SIZE = 5_000
Progress = Callable[[str, int], None]


@dataclass(frozen=True)
class Version:
    """One history row of a record: its state is the record's with `changes` applied."""

    when: datetime.datetime
    type: str = "~"
    changes: dict | None = None
    reason: str | None = None


@functools.cache
def tracked_attnames(model) -> tuple[str, ...]:
    history_model = model.history.model
    return tuple(
        field.attname
        for field in history_model._meta.concrete_fields
        if not field.name.startswith("history_")
    )


HISTORY_COLUMNS = (
    "history_date",
    "history_type",
    "history_change_reason",
    "history_user_id",
    "history_organisation_id",
)


def _to_db(field: models.Field) -> Callable[[object], object] | None:
    """What COPY needs instead of the attribute, for the few types psycopg cannot take as is."""
    if isinstance(field, models.FileField):
        return lambda value: (value.name or "") if value else ""
    if isinstance(field, models.JSONField):
        encoder = field.encoder or DjangoJSONEncoder
        return lambda value: None if value is None else json.dumps(value, cls=encoder)
    return None


def _copy(table: str, columns: list[str], rows: Iterable[tuple]) -> None:
    """PostgreSQL's COPY: several times faster than INSERT for millions of rows."""
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    with connection.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _reserve_ids(model, count: int) -> list[int]:
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def rows_insert(model, objects: list[models.Model]) -> None:
    """Insert new records and give them their primary keys, without signals (no history).

    On PostgreSQL: keys reserved from the sequence, rows sent with COPY; elsewhere
    bulk_create (which SQLite answers with the keys, batch by batch under its variable limit).
    Field defaults are already on the instances; auto_now(_add) is not applied by COPY, so
    such fields must be set by the caller.
    """
    if not objects:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objects, batch_size=BATCH_SIZE)
        return
    fields = [field for field in model._meta.concrete_fields]
    pk = model._meta.pk
    for obj, key in zip(objects, _reserve_ids(model, len(objects)), strict=True):
        setattr(obj, pk.attname, key)
    converters = [(field.attname, _to_db(field)) for field in fields]
    _copy(
        model._meta.db_table,
        [field.column for field in fields],
        (
            tuple(
                convert(getattr(obj, name)) if convert else getattr(obj, name)
                for name, convert in converters
            )
            for obj in objects
        ),
    )


def history_write(
    *,
    model: type[models.Model],
    records: Iterable[tuple[models.Model, list[Version]]],
    user_id: int,
    organisation_id: int,
    progress: Progress,
) -> int:
    """Write the history rows of records inserted in bulk; the number of rows.

    The records must have their primary keys. Rows are written BATCH_SIZE at a time (COPY on
    PostgreSQL, bulk_create elsewhere), so memory stays flat.
    """
    history_model = model.history.model
    names = tracked_attnames(model)
    by_name = {field.attname: field for field in history_model._meta.concrete_fields}
    # The record's own fields decide: simple-history turns a FileField into a TextField.
    source = {field.attname: field for field in model._meta.concrete_fields}
    converters = [(name, _to_db(source.get(name, by_name[name]))) for name in names]
    columns = [by_name[name].column for name in names] + [
        by_name[name].column for name in HISTORY_COLUMNS
    ]
    copying = connection.vendor == "postgresql"
    batch: list = []
    written = 0

    def flush():
        nonlocal batch, written
        if copying:
            _copy(history_model._meta.db_table, columns, batch)
        else:
            history_model.objects.bulk_create(
                [
                    history_model(**dict(zip(names + HISTORY_COLUMNS, row, strict=True)))
                    for row in batch
                ],
                batch_size=BATCH_SIZE,
            )
        written += len(batch)
        progress("history", len(batch))
        batch = []

    for record, versions in records:
        state = {name: getattr(record, name) for name in names}
        if copying:
            for name, convert in converters:
                if convert:
                    state[name] = convert(state[name])
        for version in versions:
            values = {**state, **version.changes} if version.changes else state
            batch.append(
                (
                    *(values[name] for name in names),
                    version.when,
                    version.type,
                    version.reason,
                    user_id,
                    organisation_id,
                )
            )
        if len(batch) >= BATCH_SIZE:
            flush()
    if batch:
        flush()
    return written


def planner_statistics_refresh() -> None:
    """ANALYZE the database after a bulk load.

    Autovacuum reaches new rows in its own time; until then the planner guesses from stale
    statistics. Without them, PostgreSQL looked up the journal's previous versions by walking
    the date index of every history row instead of the record's own.
    """
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
