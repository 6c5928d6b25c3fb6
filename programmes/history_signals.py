"""Copy each record's organisation onto its history row as the row is written."""

from django.dispatch import receiver
from simple_history.signals import pre_create_historical_record


@receiver(pre_create_historical_record)
def stamp_history_organisation(sender, instance, history_instance, **kwargs):
    organisation_id = getattr(instance, "history_organisation_id", None)
    if hasattr(history_instance, "history_organisation_id"):
        history_instance.history_organisation_id = organisation_id
