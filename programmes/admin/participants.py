"""Participants in the admin: one model, the three registers curators keep.

Mentors and mentees are one table (a teacher can be both), yet the methodology asks for a
mentor base and a mentee base, each read for its own columns: a mentor's load and
competences, a mentee's requests and whether they are in a pair. They are lists over the
same participants, so they sit beside the list of all participants.
"""

from django.contrib.admin import display
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from programmes.admin.base import ProgrammeModelAdmin, form, yes_no
from programmes.admin.filters import ConsentFilter, MentorBaseFilter
from programmes.admin.personal_data import ERASE, ParticipantButtonHelper, ParticipantErasureView
from programmes.models import OPEN_PAIR_STATUSES, PairMentee, Participant
from programmes.selectors.consents import valid_processing_consents


class ParticipantAdmin(ProgrammeModelAdmin):
    model = Participant
    menu_label = _("All participants")
    menu_icon = "group"
    menu_order = 100
    list_display = (
        "full_name",
        "roles_display",
        "category",
        "group",
        "organisation",
        "status",
        "consent_display",
    )
    list_filter = ("category", "status", "is_mentor", "is_mentee", ConsentFilter, "organisation")
    search_fields = ("last_name", "first_name", "patronymic", "group")
    list_select_related = ("organisation",)
    list_export = (
        "full_name",
        "roles_display",
        "get_category_display",
        "group",
        "organisation",
        "get_status_display",
        "consent_display",
    )
    export_filename = "participants"
    button_helper_class = ParticipantButtonHelper
    instance_actions = {ERASE: ParticipantErasureView}
    edit_handler = form(
        [
            FieldPanel("organisation"),
            FieldRowPanel(
                [FieldPanel("last_name"), FieldPanel("first_name"), FieldPanel("patronymic")]
            ),
            FieldRowPanel([FieldPanel("is_mentor"), FieldPanel("is_mentee")], heading=_("Roles")),
            FieldRowPanel([FieldPanel("category"), FieldPanel("group")]),
            FieldRowPanel([FieldPanel("birth_date"), FieldPanel("phone"), FieldPanel("email")]),
            FieldPanel("partner_organisation"),
            FieldPanel("user"),
            MultiFieldPanel(
                [
                    FieldPanel("competences"),
                    FieldPanel("interests"),
                    FieldPanel("requests"),
                    FieldPanel("preferred_format"),
                ],
                heading=_("Competences, interests and requests"),
            ),
            FieldRowPanel([FieldPanel("status"), FieldPanel("joined_on"), FieldPanel("left_on")]),
        ]
    )

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        valid = valid_processing_consents(timezone.localdate())
        if request.GET.get("export"):
            # Every row is written: an EXISTS per row.
            return queryset.annotate(has_consent=Exists(valid.filter(participant=OuterRef("pk"))))
        # A page of the list: the consents of the participants shown, in one more query. With
        # an EXISTS per row PostgreSQL hashed every consent of a municipality first.
        return queryset.prefetch_related(
            Prefetch("consents", queryset=valid, to_attr="valid_processing_consents")
        )

    @display(description=_("Consent to processing"))
    def consent_display(self, obj):
        if hasattr(obj, "has_consent"):
            return yes_no(obj.has_consent)
        return yes_no(bool(obj.valid_processing_consents))


class MentorBaseAdmin(ParticipantAdmin):
    """The mentor base (база наставников)."""

    menu_label = _("Mentor base")
    menu_icon = "user"
    menu_order = 110
    base_url_path = "programmes/mentor-base"
    list_display = (
        "full_name",
        "category",
        "group",
        "partner_organisation",
        "competences_short",
        "load_display",
        "consent_display",
    )
    list_filter = (MentorBaseFilter, "category", "status", ConsentFilter, "organisation")
    list_select_related = ("organisation", "partner_organisation")
    list_export = (
        "full_name",
        "get_category_display",
        "group",
        "partner_organisation",
        "competences",
        "load_display",
        "consent_display",
    )
    export_filename = "mentor-base"

    def get_queryset(self, request):
        load = Count(
            "mentored_pairs__mentees",
            filter=Q(
                mentored_pairs__status__in=OPEN_PAIR_STATUSES,
                mentored_pairs__mentees__left_on__isnull=True,
            ),
            distinct=True,
        )
        return super().get_queryset(request).filter(is_mentor=True).annotate(load=load)

    @display(description=_("Competences"))
    def competences_short(self, obj):
        return obj.competences[:120]

    @display(description=_("Mentees now"))
    def load_display(self, obj):
        return obj.load


class MenteeBaseAdmin(ParticipantAdmin):
    """The mentee base (база наставляемых) with their requests."""

    menu_label = _("Mentee base")
    menu_icon = "user"
    menu_order = 120
    base_url_path = "programmes/mentee-base"
    list_display = (
        "full_name",
        "category",
        "group",
        "requests_short",
        "in_pair_display",
        "consent_display",
    )
    list_filter = ("category", "status", ConsentFilter, "organisation")
    list_export = (
        "full_name",
        "get_category_display",
        "group",
        "requests",
        "in_pair_display",
        "consent_display",
    )
    export_filename = "mentee-base"

    def get_queryset(self, request):
        in_pair = PairMentee.objects.filter(
            mentee=OuterRef("pk"), left_on__isnull=True, pair__status__in=OPEN_PAIR_STATUSES
        )
        return (
            super().get_queryset(request).filter(is_mentee=True).annotate(in_pair=Exists(in_pair))
        )

    @display(description=_("Requests"))
    def requests_short(self, obj):
        return obj.requests[:120]

    @display(description=_("In a pair"))
    def in_pair_display(self, obj):
        return yes_no(obj.in_pair)
