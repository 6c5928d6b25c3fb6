"""What every history row carries besides simple-history's own columns.

The organisation is copied onto each history row when it is written, so the journal can show
a curator only their organisation's changes without joining a dozen tables, and so a row
still belongs somewhere after its record is deleted.
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

    class Meta:
        abstract = True


def attribute_change(record: models.Model, *, user, reason: str | None) -> None:
    """Name who makes the next save of `record`, and why, for its history row.

    Every service that writes a tracked record calls this just before `save()`; simple-history
    reads these two attributes when it writes the version. A blank reason is stored as none.
    """
    record._history_user = user if getattr(user, "is_authenticated", False) else None
    record._change_reason = str(reason) if reason else None
