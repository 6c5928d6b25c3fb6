"""Participants named in answers: a «choice of a participant» keeps the participant's id.

Kept free of pandas and of forms_app's models, so the submissions list (which the page model
may import) stays light.
"""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from programmes.models import Participant


def as_participant_id(value) -> int | None:
    """The id an answer holds (an int, or digits from older data), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def participant_label(participant: Participant) -> str:
    """As the questionnaire lists them: «Фамилия Имя Отчество (класс)»."""
    return (
        f"{participant.full_name} ({participant.group})"
        if participant.group
        else participant.full_name
    )


def missing_participant_label(participant_id: int) -> str:
    """A participant whose record is gone (erased under the data protection rules)."""
    return _("Participant No. %(id)s (deleted)") % {"id": participant_id}


def participant_labels(ids: Iterable[int]) -> dict[int, str]:
    """Labels of the participants with these ids, in one query; unknown ids are left out."""
    wanted = {pk for pk in ids if pk is not None}
    if not wanted:
        return {}
    participants = Participant.objects.filter(pk__in=wanted).only(
        "pk", "last_name", "first_name", "patronymic", "group"
    )
    return {participant.pk: participant_label(participant) for participant in participants}
