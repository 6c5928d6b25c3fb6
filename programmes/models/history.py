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
