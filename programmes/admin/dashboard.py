"""The curator's dashboard panel: how the programme stands today, and which pairs need
attention and why (programmes.selectors.health), in a fixed number of queries."""

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from programmes.models import Pair, PairStatus, Participant, ParticipantStatus
from programmes.selectors.access import scoped
from programmes.selectors.consents import participants_without_consent
from programmes.selectors.health import pairs_needing_attention
from programmes.selectors.pairs import overdue_pairs


class ProgrammeSummaryPanel(Component):
    name = "programme_summary"
    order = 40
    template_name = "programmes/admin/summary_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        pairs = scoped(Pair.objects.all(), self.user)
        participants = scoped(
            Participant.objects.filter(status=ParticipantStatus.ACTIVE), self.user
        )
        attention, attention_count = pairs_needing_attention(pairs, today=today)
        return {
            "attention": [
                {
                    "pair": str(pair),
                    "programme": pair.programme.title,
                    "reasons": health.reasons,
                    "url": reverse("programmes_pair_modeladmin_inspect", args=[pair.pk]),
                }
                for pair, health in attention
            ],
            "attention_count": attention_count,
            "attention_url": reverse("programmes_pair_modeladmin_index") + "?health=attention",
            "active_pairs": pairs.filter(status=PairStatus.ACTIVE).count(),
            "overdue_pairs": overdue_pairs(pairs, today=today).count(),
            "without_consent": participants_without_consent(participants, today).count(),
            "pairs_url": reverse("programmes_pair_modeladmin_index") + "?status=active",
            "overdue_url": reverse("programmes_overdue-pairs_modeladmin_index"),
            "consent_url": reverse("programmes_participant_modeladmin_index")
            + "?consent=no&status=active",
        }
