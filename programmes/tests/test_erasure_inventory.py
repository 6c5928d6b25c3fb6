"""Every field of a record holding a participant's personal data is erased or kept on purpose."""

import pytest

from programmes.models import Participant
from programmes.models.records import ProgrammeRecord
from programmes.services.erasure import MENTION_FIELDS, erased_fields
from programmes.services.erasure_inventory import KEPT_FIELDS


def records_holding_personal_data():
    """The participant, every programme record pointing at them, and every record of free texts."""
    pointing = {
        relation.related_model
        for relation in Participant._meta.related_objects
        if issubclass(relation.related_model, ProgrammeRecord)
    }
    return sorted({Participant, *pointing, *MENTION_FIELDS}, key=lambda model: model.__name__)


@pytest.mark.parametrize("model", records_holding_personal_data(), ids=lambda m: m.__name__)
def test_every_field_is_either_erased_or_listed_as_kept(model):
    fields = {field.name for field in model._meta.concrete_fields}
    erased = erased_fields(model)
    kept = KEPT_FIELDS.get(model, frozenset())

    assert fields - erased - kept == set(), "neither erased nor listed as kept"
    assert erased & kept == set(), "both erased and kept"
    assert (erased | kept) - fields == set(), "listed but not a field"


def test_the_kept_list_names_no_record_that_holds_no_personal_data():
    assert set(KEPT_FIELDS) == set(records_holding_personal_data())


def test_the_participant_keeps_neither_name_nor_contacts():
    kept = KEPT_FIELDS[Participant]
    for personal in ("last_name", "first_name", "patronymic", "birth_date", "phone", "email"):
        assert personal not in kept
        assert personal in erased_fields(Participant)
