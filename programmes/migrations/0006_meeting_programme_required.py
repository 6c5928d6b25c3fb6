"""Separate from 0005: PostgreSQL refuses to alter a table with pending deferred checks."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0005_group_meetings"),
    ]

    operations = [
        migrations.AlterField(
            model_name="meeting",
            name="programme",
            field=models.ForeignKey(
                blank=True,
                help_text="For a pair's meeting, taken from the pair.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="meetings",
                to="programmes.programme",
                verbose_name="programme",
            ),
        ),
    ]
