"""What every record of the programme shares, and which organisation owns a record.

Each record declares once, as `organisation_path`, the lookup from itself to its organisation.
Access (`programmes.selectors.access.scoped`, the admin's per-object checks) filters by it in
the database; history stamps each version with the organisation it reaches in Python. Both
read the same declaration, so a curator's journal and a curator's lists cannot disagree about
whose record it is.
"""

from typing import ClassVar

from django.db import models

# The path of the organisation record itself.
SELF = "pk"

# What a record's file may be; the content must match the extension (portal/uploads.py).
SCAN_EXTENSIONS = ("pdf", "jpg", "jpeg", "png")
MATERIAL_EXTENSIONS = (
    *SCAN_EXTENSIONS,
    *("doc", "docx", "odt", "rtf", "txt", "xls", "xlsx", "ods", "csv", "ppt", "pptx", "zip"),
)


class ProgrammeRecord(models.Model):
    """A record of the programme, as opposed to Wagtail content.

    Wagtail keeps a reference index of every model with a foreign key, so that its admin can
    tell where a page, an image or a document is used. Nothing there concerns participants,
    pairs or meetings, and indexing them cost four queries on every save of a record (a
    questionnaire answer saves several).
    """

    wagtail_reference_index_ignore = True

    # The lookup from the record to its Organisation («programme__organisation»), SELF for
    # the organisation itself, None for a record every organisation shares. Every concrete
    # record declares it; programmes/tests/test_record_organisation.py checks that.
    organisation_path: ClassVar[str | None]

    class Meta:
        abstract = True

    @property
    def history_organisation_id(self) -> int | None:
        """The organisation stamped on this record's history rows (history_signals.py)."""
        return organisation_id_of(self)


def organisation_path_of(model) -> str | None:
    """The declared path of a model; a model that declares none is a programming error."""
    try:
        return model.organisation_path
    except AttributeError:
        raise TypeError(
            f"{model.__name__} declares no organisation_path: whose records are they?"
        ) from None


def is_organisation_scoped(model) -> bool:
    """Whether the model's records belong to organisations (and so are filtered by them)."""
    return getattr(model, "organisation_path", None) is not None


def organisation_id_of(record) -> int | None:
    """The id of the organisation that owns `record`, following its declared path.

    The last step reads the foreign key's column (`organisation_id`), so the organisation row
    itself is never fetched.
    """
    path = organisation_path_of(type(record))
    if path is None:
        return None
    if path == SELF:
        return record.pk
    *steps, last = path.split("__")
    value = record
    for step in steps:
        value = getattr(value, step)
        if value is None:
            return None
    return getattr(value, f"{last}_id")
