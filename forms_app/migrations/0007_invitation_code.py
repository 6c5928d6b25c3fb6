"""Invitations get a short code; those already made get one each, then it is required.

Two steps (this one and 0008) because PostgreSQL refuses to alter a table in the transaction
that updated its rows while their deferred foreign-key checks are pending.
"""

from django.db import migrations, models

import forms_app.models.invitations


def give_codes(apps, schema_editor):
    Invitation = apps.get_model("forms_app", "Invitation")
    taken = set(Invitation.objects.exclude(code=None).values_list("code", flat=True))
    for invitation in Invitation.objects.filter(code=None).only("pk").iterator():
        code = forms_app.models.invitations.new_code()
        while code in taken:
            code = forms_app.models.invitations.new_code()
        taken.add(code)
        Invitation.objects.filter(pk=invitation.pk).update(code=code)


class Migration(migrations.Migration):
    dependencies = [
        ("forms_app", "0006_question_updates_known_participant"),
    ]

    operations = [
        migrations.AddField(
            model_name="invitation",
            name="code",
            field=models.CharField(editable=False, max_length=8, null=True, verbose_name="short code"),
        ),
        migrations.RunPython(give_codes, migrations.RunPython.noop),
    ]
