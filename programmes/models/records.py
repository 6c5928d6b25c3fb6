"""What every record of the programme shares."""

from django.db import models


class ProgrammeRecord(models.Model):
    """A record of the programme, as opposed to Wagtail content.

    Wagtail keeps a reference index of every model with a foreign key, so that its admin can
    tell where a page, an image or a document is used. Nothing there concerns participants,
    pairs or meetings, and indexing them cost four queries on every save of a record (a
    questionnaire answer saves several).
    """

    wagtail_reference_index_ignore = True

    class Meta:
        abstract = True
