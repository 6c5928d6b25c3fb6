"""Proposed changes of participants' names, classes and dates of birth, for the curator to decide.

Nobody edits a proposal: it is what an answer said. The curator accepts it (the participant's
record changes, its history naming the curator) or rejects it, from a page of its own.
"""

from django.contrib import messages
from django.contrib.admin import display
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail_modeladmin.helpers import ButtonHelper

from programmes.admin.base import ProgrammeModelAdmin
from programmes.admin.permissions import OrganisationPermissionHelper
from programmes.admin.personal_data import AdminTemplateView
from programmes.models import ParticipantChangeProposal, ProposalStatus
from programmes.selectors.access import organisation_ids_for
from programmes.services.proposals import proposal_accept, proposal_reject

DECIDE = "decide"
REASON_MAX_LENGTH = 500


def user_can_decide(user, proposal: ParticipantChangeProposal) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return user.has_perm(
        "programmes.change_participant"
    ) and proposal.participant.organisation_id in organisation_ids_for(user)


class ProposalPermissionHelper(OrganisationPermissionHelper):
    """Read and decide; a proposal is never created, edited or deleted by hand."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class ProposalButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if (
            DECIDE not in (exclude or [])
            and obj.status == ProposalStatus.PENDING
            and user_can_decide(self.request.user, obj)
        ):
            buttons.append(
                {
                    "url": self.url_helper.get_action_url(DECIDE, quote(obj.pk)),
                    "label": _("Decide"),
                    "classname": self.finalise_classname(["button-small"], classnames_exclude),
                    "title": _("Accept or reject the proposed change"),
                }
            )
        return buttons


class ProposalDecisionView(AdminTemplateView):
    page_title = gettext_lazy("Decide on a proposed change")
    template_name = "programmes/admin/proposal_decision.html"

    def check_action_permitted(self, user):
        return user_can_decide(user, self.instance)

    def post(self, request, *args, **kwargs):
        decision = request.POST.get("decision")
        reason = request.POST.get("reason", "").strip()[:REASON_MAX_LENGTH]
        service = {"accept": proposal_accept, "reject": proposal_reject}.get(decision)
        if service is None:
            messages.error(request, _("Choose whether to accept or reject the change."))
            return redirect(request.path)
        try:
            service(proposal=self.instance, user=request.user, reason=reason)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(request.path)
        messages.success(
            request,
            _("The change has been accepted.")
            if decision == "accept"
            else _("The change has been rejected."),
        )
        return redirect(self.index_url)


class ParticipantChangeProposalAdmin(ProgrammeModelAdmin):
    model = ParticipantChangeProposal
    menu_label = gettext_lazy("Proposed changes")
    menu_icon = "edit"
    list_display = (
        "participant",
        "field_name",
        "current",
        "proposed",
        "source",
        "proposed_at",
        "status",
    )
    list_filter = ("status", "field_name")
    search_fields = ("participant__last_name", "participant__first_name", "proposed_value")
    list_select_related = ("participant",)
    list_export = (
        "participant",
        "get_field_name_display",
        "current",
        "proposed",
        "source",
        "proposed_at",
        "get_status_display",
        "decided_by",
        "decided_at",
    )
    export_filename = "proposed-changes"
    permission_helper_class = ProposalPermissionHelper
    button_helper_class = ProposalButtonHelper
    instance_actions = {DECIDE: ProposalDecisionView}

    @display(description=gettext_lazy("Now"))
    def current(self, obj):
        return obj.current_display

    @display(description=gettext_lazy("Proposed"))
    def proposed(self, obj):
        return obj.proposed_display
