"""Stamp each history row, as it is written, with what the record and its writer know.

The organisation comes from the record's declared path (programmes.models.records); the
respondent from `attribute_change`, when a participant's answer made the change.
"""

from django.dispatch import receiver
from simple_history.signals import pre_create_historical_record


@receiver(pre_create_historical_record)
def stamp_history_row(sender, instance, history_instance, **kwargs):
    if hasattr(history_instance, "history_organisation_id"):
        history_instance.history_organisation_id = getattr(
            instance, "history_organisation_id", None
        )
    if hasattr(history_instance, "history_respondent_id"):
        respondent = getattr(instance, "_history_respondent", None)
        history_instance.history_respondent_id = respondent.pk if respondent else None
