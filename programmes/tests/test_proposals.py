"""The curator decides on the identity changes that answers proposed."""

import pytest
from django.urls import reverse

from portal.tests.factories import user_with_role
from programmes.models import ParticipantChangeProposal, ProposalStatus
from programmes.services.erasure import participant_erase
from programmes.tests.factories import OrganisationFactory, ParticipantChangeProposalFactory

pytestmark = pytest.mark.django_db


def decide_url(proposal) -> str:
    return reverse("programmes_participantchangeproposal_modeladmin_decide", args=[proposal.pk])


@pytest.fixture
def proposal():
    return ParticipantChangeProposalFactory(
        participant__last_name="Петрова", proposed_value="Новикова"
    )


def staff(role, organisation):
    user = user_with_role(role)
    organisation.members.add(user)
    return user


def test_the_curator_accepts_and_the_history_names_the_curator(client, proposal):
    curator = staff("curator", proposal.participant.organisation)
    client.force_login(curator)

    page = client.get(decide_url(proposal))
    response = client.post(
        decide_url(proposal), {"decision": "accept", "reason": "Сменила фамилию"}
    )

    assert page.status_code == 200 and "Новикова" in page.content.decode()
    assert response.status_code == 302
    participant = proposal.participant
    participant.refresh_from_db()
    assert participant.last_name == "Новикова"
    latest = participant.history.order_by("-history_date").first()
    assert (latest.history_user, latest.history_change_reason) == (curator, "Сменила фамилию")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by) == (ProposalStatus.ACCEPTED, curator)


def test_a_rejected_proposal_leaves_the_record_and_cannot_be_decided_again(client, proposal):
    client.force_login(staff("curator", proposal.participant.organisation))

    client.post(decide_url(proposal), {"decision": "reject"})
    client.post(decide_url(proposal), {"decision": "accept"})

    proposal.refresh_from_db()
    proposal.participant.refresh_from_db()
    assert proposal.status == ProposalStatus.REJECTED
    assert proposal.participant.last_name == "Петрова"


def test_no_decision_without_choosing_one(client, proposal):
    client.force_login(staff("curator", proposal.participant.organisation))

    client.post(decide_url(proposal), {"decision": "maybe"})

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PENDING


@pytest.mark.parametrize("who", ["auditor", "editor", "curator of another organisation"])
def test_others_cannot_decide(client, proposal, who):
    if who == "curator of another organisation":
        user = staff("curator", OrganisationFactory())
    else:
        user = staff(who, proposal.participant.organisation)
    client.force_login(user)

    response = client.post(decide_url(proposal), {"decision": "accept"})

    assert response.status_code in (302, 403)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PENDING


def test_the_list_shows_pending_proposals_to_the_curator(client, proposal):
    client.force_login(staff("curator", proposal.participant.organisation))

    response = client.get(reverse("programmes_participantchangeproposal_modeladmin_index"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Новикова" in content and decide_url(proposal) in content


def test_erasing_the_participant_deletes_their_proposals_and_their_history(proposal):
    participant = proposal.participant
    act = participant_erase(participant=participant)

    assert not ParticipantChangeProposal.objects.filter(participant=participant).exists()
    assert not ParticipantChangeProposal.history.filter(participant_id=participant.pk).exists()
    assert any("класса" in kind for kind in act.erased_data)
