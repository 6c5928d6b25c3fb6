"""Individual development plans per mentee, with tasks; «do you suit each other?» in feedback.

The pair's old free-text plan moves into them in 0021 and its field goes in 0022: on
PostgreSQL a table cannot be altered in the transaction that has just written rows into it.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0018_remove_loose_order_fields"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="feedback",
            name="suits",
            field=models.BooleanField(
                blank=True,
                help_text="Asked after the pair's first working meeting.",
                null=True,
                verbose_name="Do you suit each other?",
            ),
        ),
        migrations.AddField(
            model_name="historicalfeedback",
            name="suits",
            field=models.BooleanField(
                blank=True,
                help_text="Asked after the pair's first working meeting.",
                null=True,
                verbose_name="Do you suit each other?",
            ),
        ),
        migrations.CreateModel(
            name="DevelopmentPlan",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "goals",
                    models.TextField(
                        blank=True,
                        help_text="One goal per line: what the mentee should reach by the end of the pair.",
                        verbose_name="goals",
                    ),
                ),
                (
                    "membership",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="plan",
                        to="programmes.pairmentee",
                        verbose_name="mentee of a pair",
                    ),
                ),
            ],
            options={
                "verbose_name": "individual development plan",
                "verbose_name_plural": "individual development plans",
                "ordering": ["pk"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalDevelopmentPlan",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "goals",
                    models.TextField(
                        blank=True,
                        help_text="One goal per line: what the mentee should reach by the end of the pair.",
                        verbose_name="goals",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_organisation",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="programmes.organisation",
                        verbose_name="organisation",
                    ),
                ),
                (
                    "history_respondent",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programmes.participant",
                        verbose_name="respondent",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "membership",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programmes.pairmentee",
                        verbose_name="mentee of a pair",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical individual development plan",
                "verbose_name_plural": "historical individual development plans",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPlanTask",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=500, verbose_name="task")),
                ("deadline", models.DateField(verbose_name="deadline")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("planned", "Planned"),
                            ("in_progress", "In progress"),
                            ("done", "Done"),
                            ("cancelled", "Cancelled"),
                        ],
                        default="planned",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                (
                    "completed_on",
                    models.DateField(
                        blank=True,
                        help_text="For a done task: the day it was done, today or earlier.",
                        null=True,
                        verbose_name="completed on",
                    ),
                ),
                ("result", models.TextField(blank=True, verbose_name="result")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_organisation",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="programmes.organisation",
                        verbose_name="organisation",
                    ),
                ),
                (
                    "history_respondent",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programmes.participant",
                        verbose_name="respondent",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programmes.developmentplan",
                        verbose_name="individual development plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical plan task",
                "verbose_name_plural": "historical plan tasks",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="PlanTask",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=500, verbose_name="task")),
                ("deadline", models.DateField(verbose_name="deadline")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("planned", "Planned"),
                            ("in_progress", "In progress"),
                            ("done", "Done"),
                            ("cancelled", "Cancelled"),
                        ],
                        default="planned",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                (
                    "completed_on",
                    models.DateField(
                        blank=True,
                        help_text="For a done task: the day it was done, today or earlier.",
                        null=True,
                        verbose_name="completed on",
                    ),
                ),
                ("result", models.TextField(blank=True, verbose_name="result")),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tasks",
                        to="programmes.developmentplan",
                        verbose_name="individual development plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "plan task",
                "verbose_name_plural": "plan tasks",
                "ordering": ["deadline", "pk"],
                "indexes": [
                    models.Index(fields=["plan", "deadline"], name="programmes__plan_id_20c8a5_idx")
                ],
            },
        ),
    ]
