"""Individual development plans per mentee, with tasks; «do you suit each other?» in feedback.

Pair.development_plan was one free text for the whole pair or group. Its text is not lost:
it becomes, whole, the goals of a new plan for each mentee who has ever been in the pair (a
plan is individual), with a history row saying where it came from. A pair with such a text
and no mentee at all keeps it at the end of its goals, marked as the former plan.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

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

    dependencies = [
        ('programmes', '0018_remove_loose_order_fields'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='feedback',
            name='suits',
            field=models.BooleanField(blank=True, help_text="Asked after the pair's first working meeting.", null=True, verbose_name='Do you suit each other?'),
        ),
        migrations.AddField(
            model_name='historicalfeedback',
            name='suits',
            field=models.BooleanField(blank=True, help_text="Asked after the pair's first working meeting.", null=True, verbose_name='Do you suit each other?'),
        ),
        migrations.CreateModel(
            name='DevelopmentPlan',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('goals', models.TextField(blank=True, help_text='One goal per line: what the mentee should reach by the end of the pair.', verbose_name='goals')),
                ('membership', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='plan', to='programmes.pairmentee', verbose_name='mentee of a pair')),
            ],
            options={
                'verbose_name': 'individual development plan',
                'verbose_name_plural': 'individual development plans',
                'ordering': ['pk'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalDevelopmentPlan',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('goals', models.TextField(blank=True, help_text='One goal per line: what the mentee should reach by the end of the pair.', verbose_name='goals')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.TextField(null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='programmes.organisation', verbose_name='organisation')),
                ('history_respondent', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.participant', verbose_name='respondent')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('membership', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.pairmentee', verbose_name='mentee of a pair')),
            ],
            options={
                'verbose_name': 'historical individual development plan',
                'verbose_name_plural': 'historical individual development plans',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalPlanTask',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('title', models.CharField(max_length=500, verbose_name='task')),
                ('deadline', models.DateField(verbose_name='deadline')),
                ('status', models.CharField(choices=[('planned', 'Planned'), ('in_progress', 'In progress'), ('done', 'Done'), ('cancelled', 'Cancelled')], default='planned', max_length=20, verbose_name='status')),
                ('completed_on', models.DateField(blank=True, help_text='For a done task: the day it was done, today or earlier.', null=True, verbose_name='completed on')),
                ('result', models.TextField(blank=True, verbose_name='result')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.TextField(null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='programmes.organisation', verbose_name='organisation')),
                ('history_respondent', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.participant', verbose_name='respondent')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('plan', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='programmes.developmentplan', verbose_name='individual development plan')),
            ],
            options={
                'verbose_name': 'historical plan task',
                'verbose_name_plural': 'historical plan tasks',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='PlanTask',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=500, verbose_name='task')),
                ('deadline', models.DateField(verbose_name='deadline')),
                ('status', models.CharField(choices=[('planned', 'Planned'), ('in_progress', 'In progress'), ('done', 'Done'), ('cancelled', 'Cancelled')], default='planned', max_length=20, verbose_name='status')),
                ('completed_on', models.DateField(blank=True, help_text='For a done task: the day it was done, today or earlier.', null=True, verbose_name='completed on')),
                ('result', models.TextField(blank=True, verbose_name='result')),
                ('plan', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tasks', to='programmes.developmentplan', verbose_name='individual development plan')),
            ],
            options={
                'verbose_name': 'plan task',
                'verbose_name_plural': 'plan tasks',
                'ordering': ['deadline', 'pk'],
                'indexes': [models.Index(fields=['plan', 'deadline'], name='programmes__plan_id_20c8a5_idx')],
            },
        ),
        migrations.RunPython(move_plans_to_mentees, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='historicalpair',
            name='development_plan',
        ),
        migrations.RemoveField(
            model_name='pair',
            name='development_plan',
        ),
    ]
