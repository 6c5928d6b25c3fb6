"""The loose order number and date of pairs and incentive decisions go: the Order holds them.

Runs after 0016_orders_from_loose_fields has moved every value to an Order.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("programmes", "0017_orders_from_loose_fields")]

    operations = [
        migrations.RemoveField(
            model_name='historicalincentivedecision',
            name='order_date',
        ),
        migrations.RemoveField(
            model_name='historicalincentivedecision',
            name='order_number',
        ),
        migrations.RemoveField(
            model_name='historicalpair',
            name='order_date',
        ),
        migrations.RemoveField(
            model_name='historicalpair',
            name='order_number',
        ),
        migrations.RemoveField(
            model_name='incentivedecision',
            name='order_date',
        ),
        migrations.RemoveField(
            model_name='incentivedecision',
            name='order_number',
        ),
        migrations.RemoveField(
            model_name='pair',
            name='order_date',
        ),
        migrations.RemoveField(
            model_name='pair',
            name='order_number',
        ),
    ]
