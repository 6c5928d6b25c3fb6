"""What every history row carries besides simple-history's own columns.

The organisation is copied onto each history row when it is written, so the journal can show
a curator only their organisation's changes without joining a dozen tables, and so a row
still belongs somewhere after its record is deleted.

The respondent is the participant whose questionnaire answer made the change: a pupil who
answers by a personal invitation has no user account, and without it the change would read as
made by «система» when a child made it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TrackedHistory(models.Model):
    # History rows are records of the programme too (see ProgrammeRecord).
    wagtail_reference_index_ignore = True

    history_organisation = models.ForeignKey(
        "programmes.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        db_constraint=False,
    )
    history_respondent = models.ForeignKey(
        "programmes.Participant",
        verbose_name=_("respondent"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        related_name="+",
        db_constraint=False,
    )

    class Meta:
        abstract = True


def attribute_change(
    record: models.Model, *, user, reason: str | None, respondent: models.Model | None = None
) -> None:
    """Name who makes the next save of `record`, and why, for its history row.

    Every service that writes a tracked record calls this just before `save()`; simple-history
    reads the user and the reason when it writes the version, history_signals.py the
    respondent (the participant who answered, when the change comes from an answer). A blank
    reason is stored as none.
    """
    record._history_user = user if getattr(user, "is_authenticated", False) else None
    record._change_reason = str(reason) if reason else None
    record._history_respondent = respondent
