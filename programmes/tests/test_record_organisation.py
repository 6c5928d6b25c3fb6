"""Every programme record says once which organisation owns it; access and history agree."""

import pytest
from django.apps import apps

from portal.tests.factories import UserFactory
from programmes.models import MentoringForm, Organisation
from programmes.models.records import SELF, ProgrammeRecord, organisation_id_of
from programmes.selectors.access import scoped
from programmes.tests import factories

pytestmark = pytest.mark.django_db

FACTORIES = {
    "Organisation": factories.OrganisationFactory,
    "PartnerOrganisation": factories.PartnerOrganisationFactory,
    "Participant": factories.ParticipantFactory,
    "Consent": factories.ConsentFactory,
    "Programme": factories.ProgrammeFactory,
    "Pair": factories.PairFactory,
    "PairMentee": factories.PairMenteeFactory,
    "DevelopmentPlan": factories.DevelopmentPlanFactory,
    "PlanTask": factories.PlanTaskFactory,
    "Meeting": factories.MeetingFactory,
    "MeetingAttendance": factories.MeetingAttendanceFactory,
    "Feedback": factories.FeedbackFactory,
    "MentorTraining": factories.MentorTrainingFactory,
    "IncentiveDecision": factories.IncentiveDecisionFactory,
    "Case": factories.CaseFactory,
    "MatchPreference": factories.MatchPreferenceFactory,
    "MatchingSettings": factories.MatchingSettingsFactory,
    "MatchDecision": factories.MatchDecisionFactory,
    "ErasureAct": factories.ErasureActFactory,
    "ParticipantChangeProposal": factories.ParticipantChangeProposalFactory,
    "Order": factories.OrderFactory,
    "OrderTemplate": factories.OrderTemplateFactory,
    "MentoringAgreement": factories.MentoringAgreementFactory,
}
# Shared by every organisation: nobody's in particular.
SHARED = {MentoringForm}


def programme_records():
    return [
        model
        for model in apps.get_app_config("programmes").get_models()
        if issubclass(model, ProgrammeRecord)
    ]


def organisation_reached_by(model, path: str):
    """The model a lookup path ends at, walking the model's own field definitions."""
    current = model
    for step in path.split("__"):
        current = current._meta.get_field(step).related_model
    return current


@pytest.mark.parametrize("model", programme_records(), ids=lambda model: model.__name__)
def test_every_programme_record_declares_the_path_to_its_organisation(model):
    assert "organisation_path" in vars(model), f"{model.__name__} declares no organisation_path"
    path = model.organisation_path
    if model in SHARED:
        assert path is None
    elif model is Organisation:
        assert path == SELF
    else:
        assert organisation_reached_by(model, path) is Organisation


def test_every_organisation_owned_record_is_checked_below():
    owned = {model.__name__ for model in programme_records() if model not in SHARED}
    assert owned == set(FACTORIES)


@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_lists_and_history_give_a_record_to_the_same_organisation(name):
    record = FACTORIES[name]()
    model = type(record)
    path = model.organisation_path
    owner_in_database = model.objects.filter(pk=record.pk).values_list(path, flat=True).get()

    assert organisation_id_of(record) == owner_in_database
    assert model.history.filter(id=record.pk).latest().history_organisation_id == (
        owner_in_database
    )

    curator = UserFactory()
    Organisation.objects.get(pk=owner_in_database).members.add(curator)
    stranger = UserFactory()
    factories.OrganisationFactory().members.add(stranger)
    assert list(scoped(model.objects.filter(pk=record.pk), curator)) == [record]
    assert not scoped(model.objects.filter(pk=record.pk), stranger).exists()


def test_a_shared_record_belongs_to_no_organisation_in_history_and_to_everyone_in_lists():
    form = MentoringForm.objects.create(name="педагог – родитель")
    stranger = UserFactory()
    factories.OrganisationFactory().members.add(stranger)

    assert form.history.latest().history_organisation_id is None
    assert scoped(MentoringForm.objects.filter(pk=form.pk), stranger).get() == form
