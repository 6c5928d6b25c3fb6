"""Pair.development_plan was one free text for the whole pair or group. Its text is not lost:
it becomes, whole, the goals of a new plan for each mentee who has ever been in the pair (a
plan is individual), with a history row saying where it came from. A pair with such a text
and no mentee at all keeps it at the end of its goals, marked as the former plan.
"""

from django.db import migrations

REASON = "Перенесено из текстового поля «Индивидуальный план развития» пары"
FORMER_PLAN = "Индивидуальный план развития (прежний текст)"


def move_plans_to_mentees(apps, schema_editor):
    from django.utils import timezone

    Pair = apps.get_model("programmes", "Pair")
    PairMentee = apps.get_model("programmes", "PairMentee")
    DevelopmentPlan = apps.get_model("programmes", "DevelopmentPlan")
    HistoricalDevelopmentPlan = apps.get_model("programmes", "HistoricalDevelopmentPlan")
    HistoricalPair = apps.get_model("programmes", "HistoricalPair")
    pair_fields = [field.attname for field in Pair._meta.concrete_fields]
    now = timezone.now()
    pairs = Pair.objects.exclude(development_plan="").select_related("programme")
    for pair in pairs.order_by("pk").iterator():
        text = pair.development_plan.strip()
        if not text:
            continue
        organisation_id = pair.programme.organisation_id
        memberships = PairMentee.objects.filter(pair=pair).order_by("pk")
        if not memberships.exists():
            pair.goals = f"{pair.goals}\n\n{FORMER_PLAN}:\n{text}".strip()
            pair.save(update_fields=["goals"])
            HistoricalPair.objects.create(
                **{name: getattr(pair, name) for name in pair_fields},
                history_date=now,
                history_type="~",
                history_change_reason=REASON,
                history_organisation_id=organisation_id,
            )
            continue
        for membership in memberships:
            plan, created = DevelopmentPlan.objects.get_or_create(
                membership=membership, defaults={"goals": text}
            )
            if not created:
                continue
            HistoricalDevelopmentPlan.objects.create(
                id=plan.pk,
                membership_id=membership.pk,
                goals=text,
                history_date=now,
                history_type="+",
                history_change_reason=REASON,
                history_organisation_id=organisation_id,
            )


class Migration(migrations.Migration):
    dependencies = [("programmes", "0020_match_decision_relations")]

    operations = [migrations.RunPython(move_plans_to_mentees, migrations.RunPython.noop)]
