"""The pair's free-text plan, moved into the mentees' plans by 0021, is dropped."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("programmes", "0021_plans_from_pair_text")]

    operations = [
        migrations.RemoveField(
            model_name="historicalpair",
            name="development_plan",
        ),
        migrations.RemoveField(
            model_name="pair",
            name="development_plan",
        ),
    ]
