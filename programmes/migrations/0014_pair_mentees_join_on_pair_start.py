"""Mentees the pair was formed with join on the pair's start, not on the day it was entered.

pair_save used to give every new membership the day it was saved, so a pair entered on
15.10 that started on 01.09 had its mentees join on 15.10, and their cabinet hid the meetings
before it. Only what is certain is corrected: a membership whose first history row and its
pair's first history row fall on the same day (Europe/Moscow), with joined_on that very day
and after the pair's start. A mentee added later, or a date a curator set by hand, is left
alone. Each correction gets a history row with the reason.
"""

from zoneinfo import ZoneInfo

from django.db import migrations

MOSCOW = ZoneInfo("Europe/Moscow")
REASON = "Дата входа в пару приведена к началу пары: наставляемый включён при её создании"


def _created_on(history_model, record_id):
    first = (
        history_model.objects.filter(id=record_id, history_type="+")
        .order_by("history_date")
        .values_list("history_date", flat=True)
        .first()
    )
    return first.astimezone(MOSCOW).date() if first else None


def join_on_pair_start(apps, schema_editor):
    from django.utils import timezone

    PairMentee = apps.get_model("programmes", "PairMentee")
    HistoricalPair = apps.get_model("programmes", "HistoricalPair")
    HistoricalPairMentee = apps.get_model("programmes", "HistoricalPairMentee")
    fields = [field.attname for field in PairMentee._meta.concrete_fields]
    memberships = PairMentee.objects.select_related("pair__programme").order_by("pk")
    for membership in memberships.iterator():
        pair = membership.pair
        if membership.joined_on <= pair.start_date:
            continue
        entered = _created_on(HistoricalPairMentee, membership.pk)
        if entered is None or entered != membership.joined_on:
            continue
        if _created_on(HistoricalPair, pair.pk) != entered:
            continue
        membership.joined_on = pair.start_date
        membership.save(update_fields=["joined_on"])
        HistoricalPairMentee.objects.create(
            **{name: getattr(membership, name) for name in fields},
            history_date=timezone.now(),
            history_type="~",
            history_change_reason=REASON,
            history_organisation_id=pair.programme.organisation_id,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0013_meeting_status"),
    ]

    operations = [
        migrations.RunPython(join_on_pair_start, migrations.RunPython.noop),
    ]
