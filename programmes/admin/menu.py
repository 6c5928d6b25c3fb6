"""The «Наставничество» menu: the lists in the order of a curator's work.

Programmes and pairs first, then meetings, participants and consents, reference records last;
wagtail_hooks registers this group and every list in it with the admin.
"""

from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.options import ModelAdminGroup

from programmes.admin.agreements import MentoringAgreementAdmin
from programmes.admin.consents import ConsentAdmin, ErasureActAdmin
from programmes.admin.incentives import CaseAdmin, IncentiveDecisionAdmin, MentorTrainingAdmin
from programmes.admin.meetings import FeedbackAdmin, MeetingAdmin
from programmes.admin.orders import OrderAdmin, OrderTemplateAdmin
from programmes.admin.organisations import (
    MentoringFormAdmin,
    OrganisationAdmin,
    PartnerOrganisationAdmin,
)
from programmes.admin.pairs import OverduePairAdmin, PairAdmin, PairMenteeAdmin
from programmes.admin.participants import MenteeBaseAdmin, MentorBaseAdmin, ParticipantAdmin
from programmes.admin.plans import DevelopmentPlanAdmin, PlanTaskAdmin
from programmes.admin.preferences import MatchPreferenceAdmin
from programmes.admin.programmes import ProgrammeAdmin
from programmes.admin.proposals import ParticipantChangeProposalAdmin


class MentoringGroup(ModelAdminGroup):
    menu_label = _("Mentoring")
    menu_icon = "group"
    menu_order = 200
    items = (
        ProgrammeAdmin,
        PairAdmin,
        OverduePairAdmin,
        PairMenteeAdmin,
        OrderAdmin,
        MentoringAgreementAdmin,
        OrderTemplateAdmin,
        DevelopmentPlanAdmin,
        PlanTaskAdmin,
        MeetingAdmin,
        FeedbackAdmin,
        ParticipantAdmin,
        MentorBaseAdmin,
        MenteeBaseAdmin,
        ParticipantChangeProposalAdmin,
        MatchPreferenceAdmin,
        ConsentAdmin,
        ErasureActAdmin,
        MentorTrainingAdmin,
        IncentiveDecisionAdmin,
        PartnerOrganisationAdmin,
        CaseAdmin,
        MentoringFormAdmin,
        OrganisationAdmin,
    )
