"""Every order number and date typed on pairs and incentive decisions becomes an Order.

Identical number, date and organisation are one order: «48-О of 28.09.2023» on twelve pairs
was one order signed once. An order of pairs approves them, one of decisions rewards mentors.
The new orders get a first history row saying where they came from, and the history rows of
the pairs and decisions that carried the same number and date point at the order too, so a
pair's history still shows when its order was entered. A number without a date names no order
that can be found and is not carried over (nothing could be approved without a date); a date
without a number becomes an order «б/н» (without a number).
"""

from django.db import migrations
from django.utils import timezone

# Stored texts, in the language of the records.
REASON = "Перенесено из номера и даты приказа, указанных у пар и решений о поощрении"
WITHOUT_NUMBER = "б/н"


def _number(raw: str) -> str:
    return (raw or "").strip() or WITHOUT_NUMBER


def forwards(apps, schema_editor):
    Order = apps.get_model("programmes", "Order")
    HistoricalOrder = apps.get_model("programmes", "HistoricalOrder")
    Organisation = apps.get_model("programmes", "Organisation")
    heads = dict(Organisation.objects.values_list("pk", "head_name"))
    orders = {}
    now = timezone.now()

    def order_for(organisation_id, kind, raw_number, date):
        key = (organisation_id, _number(raw_number), date)
        if key not in orders:
            order = Order.objects.filter(
                organisation_id=organisation_id, number=key[1], date=date
            ).first()
            if order is None:
                order = Order.objects.create(
                    organisation_id=organisation_id,
                    kind=kind,
                    number=key[1],
                    date=date,
                    signatory_name=heads.get(organisation_id) or "",
                    signatory_position="Директор",
                )
                HistoricalOrder.objects.create(
                    id=order.pk,
                    organisation_id=organisation_id,
                    kind=kind,
                    number=order.number,
                    date=date,
                    grounds="",
                    signatory_name=order.signatory_name,
                    signatory_position=order.signatory_position,
                    history_date=now,
                    history_type="+",
                    history_change_reason=REASON,
                    history_organisation_id=organisation_id,
                )
            orders[key] = order
        return orders[key]

    for model_name, kind, organisation in (
        ("Pair", "approval", "programme__organisation_id"),
        ("IncentiveDecision", "incentive", "mentor__organisation_id"),
    ):
        model = apps.get_model("programmes", model_name)
        historical = apps.get_model("programmes", f"Historical{model_name}")
        carried = (
            model.objects.exclude(order_date=None)
            .values_list(organisation, "order_number", "order_date")
            .distinct()
        )
        for organisation_id, number, date in carried:
            order = order_for(organisation_id, kind, number, date)
            model.objects.filter(
                **{organisation: organisation_id}, order_number=number, order_date=date
            ).update(order=order)
        versions = (
            historical.objects.exclude(order_date=None)
            .values_list("history_organisation_id", "order_number", "order_date")
            .distinct()
        )
        for organisation_id, number, date in versions:
            order = orders.get((organisation_id, _number(number), date))
            if order is not None:
                historical.objects.filter(
                    history_organisation_id=organisation_id, order_number=number, order_date=date
                ).update(order=order)


def backwards(apps, schema_editor):
    for model_name in ("Pair", "IncentiveDecision"):
        for name in (model_name, f"Historical{model_name}"):
            model = apps.get_model("programmes", name)
            for record in model.objects.exclude(order=None).select_related("order"):
                number = record.order.number
                record.order_number = "" if number == WITHOUT_NUMBER else number
                record.order_date = record.order.date
                record.save(update_fields=["order_number", "order_date"])


class Migration(migrations.Migration):
    dependencies = [("programmes", "0016_orders")]

    operations = [migrations.RunPython(forwards, backwards)]
