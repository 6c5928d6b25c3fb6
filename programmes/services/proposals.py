"""Deciding on the identity changes that questionnaire answers proposed."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from programmes.models import Participant, ParticipantChangeProposal, ProposalStatus
from programmes.models.history import attribute_change

NOT_PENDING = "not_pending"


def proposals_record(
    *,
    participant: Participant,
    proposed: dict[str, object],
    source: str,
    respondent: Participant | None,
) -> list[ParticipantChangeProposal]:
    """Keep, for the curator, each proposed value that differs from the record.

    A value already awaiting a decision for the same field is not proposed twice.
    """
    made = []
    for field_name, value in proposed.items():
        current = ParticipantChangeProposal.stored(getattr(participant, field_name))
        new = ParticipantChangeProposal.stored(value)
        if not new or new.casefold() == current.casefold():
            continue
        pending = ParticipantChangeProposal.objects.filter(
            participant=participant,
            field_name=field_name,
            proposed_value=new,
            status=ProposalStatus.PENDING,
        )
        if pending.exists():
            continue
        proposal = ParticipantChangeProposal(
            participant=participant,
            field_name=field_name,
            current_value=current,
            proposed_value=new,
            source=source[:300],
        )
        proposal.full_clean()
        attribute_change(proposal, user=None, reason=source, respondent=respondent)
        proposal.save()
        made.append(proposal)
    return made


def _decide(proposal: ParticipantChangeProposal, *, status: str, user, reason: str) -> None:
    proposal.status = status
    proposal.decided_by = user
    proposal.decided_at = timezone.now()
    proposal.full_clean()
    attribute_change(proposal, user=user, reason=reason)
    proposal.save()


def _locked_pending(proposal: ParticipantChangeProposal) -> ParticipantChangeProposal:
    proposal = ParticipantChangeProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != ProposalStatus.PENDING:
        raise ValidationError(_("This proposal has already been decided on."), code=NOT_PENDING)
    return proposal


@transaction.atomic
def proposal_accept(
    *, proposal: ParticipantChangeProposal, user: AbstractBaseUser, reason: str = ""
) -> Participant:
    """Change the participant's record as proposed; the history names who accepted it."""
    proposal = _locked_pending(proposal)
    participant = Participant.objects.select_for_update().get(pk=proposal.participant_id)
    setattr(participant, proposal.field_name, proposal.value_for_the_record())
    participant.full_clean()
    why = reason or _("Accepted the change proposed by «%(source)s»") % {"source": proposal.source}
    attribute_change(participant, user=user, reason=why)
    participant.save(update_fields=[proposal.field_name])
    _decide(proposal, status=ProposalStatus.ACCEPTED, user=user, reason=why)
    return participant


@transaction.atomic
def proposal_reject(
    *, proposal: ParticipantChangeProposal, user: AbstractBaseUser, reason: str = ""
) -> ParticipantChangeProposal:
    """Leave the participant's record as it is; the proposal keeps who rejected it and why."""
    proposal = _locked_pending(proposal)
    _decide(proposal, status=ProposalStatus.REJECTED, user=user, reason=reason)
    return proposal
