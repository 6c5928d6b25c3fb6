"""One open-ended consent of a kind per participant (and giver), checked before it is enforced.

Duplicates already in the base are not deleted or withdrawn here: a consent is evidence, and
which of two is the one to keep is the curator's decision. The migration stops with the list
of them instead; withdraw the extra ones (admin, «Согласия», «Отозвать») or give them their
end date, then migrate again.
"""

from django.db import migrations, models
from django.db.models import Count


def refuse_existing_duplicates(apps, schema_editor):
    Consent = apps.get_model("programmes", "Consent")
    groups = (
        Consent.objects.filter(withdrawn_on__isnull=True, valid_until__isnull=True)
        .values("participant_id", "kind", "given_by")
        .annotate(count=Count("pk"))
        .filter(count__gt=1)
        .order_by("participant_id", "kind", "given_by")
    )
    lines = []
    for group in groups:
        ids = Consent.objects.filter(
            participant_id=group["participant_id"],
            kind=group["kind"],
            given_by=group["given_by"],
            withdrawn_on__isnull=True,
            valid_until__isnull=True,
        ).values_list("pk", flat=True)
        lines.append(
            f"participant No. {group['participant_id']}, {group['kind']} consent given by "
            f"{group['given_by']}: consents No. {', '.join(str(pk) for pk in sorted(ids))}"
        )
    if lines:
        raise RuntimeError(
            "Open-ended consents of the same kind, none withdrawn, are recorded twice for:\n  "
            + "\n  ".join(lines)
            + "\nWithdraw the extra ones or give them an end date, then run migrate again."
        )


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0010_file_content_checks"),
    ]

    operations = [
        migrations.RunPython(refuse_existing_duplicates, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="consent",
            constraint=models.UniqueConstraint(
                condition=models.Q(("valid_until__isnull", True), ("withdrawn_on__isnull", True)),
                fields=("participant", "kind", "given_by"),
                name="one_open_consent_per_kind",
                violation_error_message=(
                    "A consent of this kind is already in force for this participant."
                ),
            ),
        ),
    ]
