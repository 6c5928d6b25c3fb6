from django.db import migrations, models

import forms_app.models.invitations


class Migration(migrations.Migration):
    dependencies = [
        ("forms_app", "0007_invitation_code"),
    ]

    operations = [
        migrations.AlterField(
            model_name="invitation",
            name="code",
            field=models.CharField(
                default=forms_app.models.invitations.new_code,
                editable=False,
                help_text="Typed from a printed slip at /i/<code>.",
                max_length=8,
                unique=True,
                verbose_name="short code",
            ),
        ),
    ]
