"""The «Наставничество» admin menu: one ModelAdmin per record, and the bases as lists of their own."""

from django.contrib.admin import display
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import re_path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup

from programmes.admin.consents import (
    ERASE,
    WITHDRAW,
    ConsentButtonHelper,
    ConsentWithdrawalView,
    ParticipantButtonHelper,
    ParticipantErasureView,
    ReadOnlyPermissionHelper,
)
from programmes.admin.filters import ConsentFilter, MentorBaseFilter, OverdueFilter
from programmes.admin.forms import MeetingAdminForm, PairAdminForm, ProgrammeAdminForm
from programmes.admin.index import RecordIndexView
from programmes.admin.permissions import OrganisationPermissionHelper
from programmes.history.views import RecordHistoryView
from programmes.models import (
    OPEN_PAIR_STATUSES,
    Case,
    Consent,
    ErasureAct,
    Feedback,
    IncentiveDecision,
    MatchPreference,
    Meeting,
    MentoringForm,
    MentorTraining,
    Organisation,
    Pair,
    PairMentee,
    Participant,
    PartnerOrganisation,
    Programme,
)
from programmes.selectors.access import organisation_ids_for, scoped
from programmes.selectors.consents import valid_processing_consents
from programmes.selectors.pairs import overdue_q, with_last_meeting

REASON = FieldPanel("change_reason")


def form(panels, form_class=ProgrammeAdminForm):
    return ObjectList([*panels, REASON], base_form_class=form_class)


class ProgrammeModelAdmin(ModelAdmin):
    """Lists, views and exports limited to the user's organisations, with inspect and history."""

    inspect_view_enabled = True
    permission_helper_class = OrganisationPermissionHelper
    history_view_class = RecordHistoryView
    index_view_class = RecordIndexView
    list_per_page = 50
    list_select_related = ()
    prefetch = ()
    add_to_admin_menu = False

    def get_queryset(self, request):
        queryset = scoped(super().get_queryset(request), request.user)
        if self.list_select_related:
            queryset = queryset.select_related(*self.list_select_related)
        if self.prefetch:
            queryset = queryset.prefetch_related(*self.prefetch)
        return queryset

    # {action: view class} of extra pages of one record, at <base>/<action>/<pk>/.
    instance_actions = {}

    def get_admin_urls_for_registration(self):
        urls = super().get_admin_urls_for_registration()
        return urls + tuple(
            re_path(
                self.url_helper.get_action_url_pattern(action),
                self._instance_action(view_class),
                name=self.url_helper.get_action_url_name(action),
            )
            for action, view_class in self.instance_actions.items()
        )

    def _instance_action(self, view_class):
        def view(request, instance_pk):
            return view_class.as_view(model_admin=self, instance_pk=instance_pk)(request)

        return view

    def get_list_filter(self, request):
        list_filter = super().get_list_filter(request)
        if (
            "organisation" in list_filter
            and len(organisation_ids_for(request.user)) < 2
            and not request.user.is_superuser
        ):
            return tuple(f for f in list_filter if f != "organisation")
        return list_filter


def yes_no(value: bool) -> str:
    return str(_("yes") if value else _("no"))


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
    export_headings = {
        "full_name": _("Full name"),
        "roles_display": _("Roles"),
        "get_category_display": _("Category"),
        "group": _("Class, group or position"),
        "organisation": _("Organisation"),
        "get_status_display": _("Status"),
        "consent_display": _("Consent to processing"),
    }
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
                [FieldPanel("competences"), FieldPanel("interests"), FieldPanel("requests")],
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
        # an EXISTS per row PostgreSQL hashed every consent of a municipality first (0.1 s).
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
    export_headings = {
        **ParticipantAdmin.export_headings,
        "partner_organisation": _("Partner organisation"),
        "competences": _("Competences"),
        "load_display": _("Mentees now"),
    }
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
    export_headings = {
        **ParticipantAdmin.export_headings,
        "requests": _("Requests"),
        "in_pair_display": _("In a pair"),
    }
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


class ConsentAdmin(ProgrammeModelAdmin):
    model = Consent
    menu_label = _("Consents")
    menu_icon = "doc-full"
    menu_order = 130
    list_display = (
        "participant",
        "kind",
        "given_by",
        "given_on",
        "valid_until",
        "withdrawn_on",
        "valid_display",
    )
    list_filter = ("kind", "given_by")
    search_fields = ("participant__last_name", "participant__first_name", "representative_name")
    list_select_related = ("participant",)
    list_export = (
        "participant",
        "get_kind_display",
        "get_given_by_display",
        "representative_name",
        "given_on",
        "valid_until",
        "withdrawn_on",
        "valid_display",
    )
    export_headings = {
        "participant": _("Participant"),
        "get_kind_display": _("Kind"),
        "get_given_by_display": _("Given by"),
        "representative_name": _("Legal representative"),
        "given_on": _("Given on"),
        "valid_until": _("Valid until"),
        "withdrawn_on": _("Withdrawn on"),
        "valid_display": _("Valid today"),
    }
    export_filename = "consents"
    inspect_view_fields_exclude = ("scan",)
    button_helper_class = ConsentButtonHelper
    instance_actions = {WITHDRAW: ConsentWithdrawalView}
    edit_handler = form(
        [
            FieldPanel("participant"),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("given_by")]),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("subject_name"), FieldPanel("subject_address")]),
                    FieldRowPanel(
                        [
                            FieldPanel("subject_document"),
                            FieldPanel("subject_document_date"),
                            FieldPanel("subject_document_issuer"),
                        ]
                    ),
                ],
                heading=_("Subject of the personal data"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [FieldPanel("representative_name"), FieldPanel("representative_address")]
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("representative_document"),
                            FieldPanel("representative_document_date"),
                            FieldPanel("representative_document_issuer"),
                        ]
                    ),
                    FieldPanel("representative_authority"),
                ],
                heading=_("Legal representative (for a minor)"),
            ),
            FieldRowPanel(
                [FieldPanel("given_on"), FieldPanel("valid_until"), FieldPanel("withdrawn_on")]
            ),
            FieldPanel("withdrawal_reason"),
            FieldPanel("scan"),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("source", read_only=True),
                            FieldPanel("accepted_at", read_only=True),
                            FieldPanel("ip_address", read_only=True),
                        ]
                    ),
                    FieldPanel("user_agent", read_only=True),
                    FieldPanel("text", read_only=True),
                ],
                heading=_("Given on the portal"),
            ),
        ]
    )

    @display(description=_("Valid today"))
    def valid_display(self, obj):
        return yes_no(obj.is_valid())

    @display(description=_("Scan"))
    def scan_link(self, obj):
        if not obj.scan:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("programmes_file", args=["consent", obj.pk]),
            _("download"),
        )


class ErasureActAdmin(ProgrammeModelAdmin):
    """Acts of erasure of personal data: read-only for everyone, an auditor's evidence."""

    model = ErasureAct
    menu_label = _("Acts of erasure of data")
    menu_icon = "bin"
    menu_order = 135
    permission_helper_class = ReadOnlyPermissionHelper
    list_display = (
        "__str__",
        "former_participant_id",
        "organisation",
        "erased_at",
        "erased_by",
        "consent_withdrawn_on",
    )
    list_filter = ("organisation",)
    list_select_related = ("organisation", "erased_by")
    inspect_view_fields = (
        "organisation",
        "former_participant_id",
        "erased_at",
        "erased_by",
        "consent_withdrawn_on",
        "erased_data_display",
    )
    list_export = (
        "former_participant_id",
        "organisation",
        "erased_at",
        "erased_by",
        "consent_withdrawn_on",
        "erased_data_display",
    )
    export_headings = {
        "former_participant_id": _("Participant's No."),
        "organisation": _("Organisation"),
        "erased_at": _("Erased at"),
        "erased_by": _("Erased by"),
        "consent_withdrawn_on": _("Consent withdrawn on"),
        "erased_data_display": _("Data erased"),
    }
    export_filename = "erasure-acts"


class ProgrammeAdmin(ProgrammeModelAdmin):
    model = Programme
    menu_label = _("Programmes")
    menu_icon = "tasks"
    menu_order = 10
    list_display = ("title", "form", "organisation", "start_date", "end_date", "status", "curator")
    list_filter = ("form", "status", "organisation")
    search_fields = ("title",)
    list_select_related = ("form", "organisation", "curator")
    list_export = (
        "title",
        "form",
        "organisation",
        "start_date",
        "end_date",
        "get_status_display",
        "curator",
    )
    export_headings = {
        "title": _("Title"),
        "form": _("Form of mentoring"),
        "organisation": _("Organisation"),
        "start_date": _("Start"),
        "end_date": _("End"),
        "get_status_display": _("Status"),
        "curator": _("Curator"),
    }
    export_filename = "programmes"
    edit_handler = form(
        [
            FieldPanel("organisation"),
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("form"), FieldPanel("status")]),
            FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            FieldRowPanel([FieldPanel("curator"), FieldPanel("max_mentees_per_mentor")]),
            FieldPanel("goals"),
        ]
    )


class PairAdmin(ProgrammeModelAdmin):
    model = Pair
    menu_label = _("Pairs and groups")
    menu_icon = "link"
    menu_order = 20
    list_display = (
        "__str__",
        "mentees_display",
        "programme",
        "status",
        "start_date",
        "last_meeting_display",
    )
    list_filter = ("status", OverdueFilter, "programme", "programme__form")
    search_fields = ("mentor__last_name", "mentees__mentee__last_name", "order_number")
    list_select_related = ("mentor", "programme")
    list_export = (
        "mentor",
        "mentees_display",
        "programme",
        "get_status_display",
        "start_date",
        "end_date",
        "order_number",
        "order_date",
        "last_meeting_display",
    )
    export_headings = {
        "mentor": _("Mentor"),
        "mentees_display": _("Mentees"),
        "programme": _("Programme"),
        "get_status_display": _("Status"),
        "start_date": _("Start"),
        "end_date": _("End"),
        "order_number": _("Order No."),
        "order_date": _("Order date"),
        "last_meeting_display": _("Last meeting"),
    }
    export_filename = "pairs"
    inspect_view_fields = (
        "programme",
        "mentor",
        "mentees_summary",
        "start_date",
        "end_date",
        "status",
        "termination_reason",
        "order_number",
        "order_date",
        "goals",
        "development_plan",
    )
    edit_handler = form(
        [
            FieldRowPanel([FieldPanel("programme"), FieldPanel("mentor")]),
            FieldPanel("mentees"),
            FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            FieldRowPanel(
                [FieldPanel("status"), FieldPanel("order_number"), FieldPanel("order_date")]
            ),
            FieldPanel("termination_reason"),
            FieldPanel("goals"),
            FieldPanel("development_plan"),
        ],
        form_class=PairAdminForm,
    )

    def get_queryset(self, request):
        current = PairMentee.objects.filter(left_on__isnull=True).select_related("mentee")
        queryset = (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("mentees", queryset=current, to_attr="current"))
        )
        return with_last_meeting(queryset)

    def get_extra_class_names_for_field_col(self, obj, field_name):
        if field_name == "last_meeting_display" and getattr(obj, "is_overdue", False):
            return ["overdue"]
        return []

    @display(description=_("Mentees"))
    def mentees_display(self, obj):
        return ", ".join(m.mentee.full_name for m in obj.current)

    @display(description=_("Last meeting"))
    def last_meeting_display(self, obj):
        if obj.last_meeting_at is None:
            return "—"
        return timezone.localtime(obj.last_meeting_at).strftime("%d.%m.%Y")


class OverduePairAdmin(PairAdmin):
    """Active pairs without a meeting for over 14 days."""

    menu_label = _("Overdue pairs")
    menu_icon = "warning"
    menu_order = 30
    base_url_path = "programmes/overdue-pairs"
    list_filter = ("programme", "programme__form")
    export_filename = "overdue-pairs"

    def get_queryset(self, request):
        return super().get_queryset(request).filter(overdue_q(timezone.localdate()))


class MeetingAdmin(ProgrammeModelAdmin):
    model = Meeting
    menu_label = _("Meetings")
    menu_icon = "date"
    menu_order = 40
    list_display = (
        "held_at_display",
        "programme",
        "pair",
        "kind",
        "format",
        "topic",
        "feedback_count",
    )
    list_filter = ("kind", "format", "programme")
    search_fields = ("topic", "pair__mentor__last_name")
    list_select_related = ("programme", "pair__mentor")
    list_export = (
        "held_at_display",
        "programme",
        "pair",
        "get_kind_display",
        "get_format_display",
        "topic",
        "outcome",
        "feedback_count",
    )
    export_headings = {
        "held_at_display": _("Date and time"),
        "programme": _("Programme"),
        "pair": _("Pair or group"),
        "get_kind_display": _("Kind"),
        "get_format_display": _("Format"),
        "topic": _("Topic"),
        "outcome": _("Outcome"),
        "feedback_count": _("Feedback"),
    }
    export_filename = "meetings"
    edit_handler = form(
        [
            FieldRowPanel([FieldPanel("programme"), FieldPanel("pair")]),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("format"), FieldPanel("held_at")]),
            FieldPanel("topic"),
            FieldPanel("outcome"),
            FieldPanel("attendees"),
        ],
        form_class=MeetingAdminForm,
    )

    def get_queryset(self, request):
        # Counted per meeting shown (a subquery on the feedback's meeting index), not by a
        # GROUP BY over every meeting before the first page is cut.
        feedback = (
            Feedback.objects.filter(meeting=OuterRef("pk"))
            .order_by()
            .values("meeting")
            .annotate(total=Count("pk"))
            .values("total")
        )
        return (
            super().get_queryset(request).annotate(feedback_total=Coalesce(Subquery(feedback), 0))
        )

    @display(description=_("Date and time"), ordering="held_at")
    def held_at_display(self, obj):
        return timezone.localtime(obj.held_at).strftime("%d.%m.%Y %H:%M")

    @display(description=_("Feedback"))
    def feedback_count(self, obj):
        return obj.feedback_total


class FeedbackAdmin(ProgrammeModelAdmin):
    model = Feedback
    menu_label = _("Feedback")
    menu_icon = "comment"
    menu_order = 50
    list_display = ("meeting", "author", "rating", "submitted_at")
    list_filter = ("rating",)
    search_fields = ("author__last_name", "comment")
    list_select_related = ("meeting", "author")
    list_export = ("meeting", "author", "rating", "comment", "submitted_at")
    export_headings = {
        "meeting": _("Meeting"),
        "author": _("Author"),
        "rating": _("Rating"),
        "comment": _("Comment"),
        "submitted_at": _("Submitted at"),
    }
    export_filename = "feedback"
    edit_handler = form(
        [FieldPanel("meeting"), FieldPanel("author"), FieldPanel("rating"), FieldPanel("comment")]
    )


class MentorTrainingAdmin(ProgrammeModelAdmin):
    model = MentorTraining
    menu_label = _("Mentor training")
    menu_icon = "pick"
    menu_order = 140
    list_display = ("mentor", "course", "hours", "completed_on")
    search_fields = ("mentor__last_name", "course")
    list_select_related = ("mentor",)
    list_export = ("mentor", "course", "hours", "completed_on")
    export_headings = {
        "mentor": _("Mentor"),
        "course": _("Course"),
        "hours": _("Hours"),
        "completed_on": _("Completed on"),
    }
    export_filename = "mentor-training"
    inspect_view_fields_exclude = ("certificate",)
    edit_handler = form(
        [
            FieldPanel("mentor"),
            FieldPanel("course"),
            FieldRowPanel([FieldPanel("hours"), FieldPanel("completed_on")]),
            FieldPanel("certificate"),
        ]
    )


class IncentiveDecisionAdmin(ProgrammeModelAdmin):
    model = IncentiveDecision
    menu_label = _("Incentive decisions")
    menu_icon = "pick"
    menu_order = 150
    list_display = ("mentor", "kind", "amount", "status", "decided_on", "order_number")
    list_filter = ("kind", "status")
    search_fields = ("mentor__last_name", "grounds", "order_number")
    list_select_related = ("mentor",)
    list_export = (
        "mentor",
        "get_kind_display",
        "grounds",
        "amount",
        "get_status_display",
        "decided_by",
        "decided_on",
        "order_number",
        "order_date",
    )
    export_headings = {
        "mentor": _("Mentor"),
        "get_kind_display": _("Kind"),
        "grounds": _("Grounds"),
        "amount": _("Amount, roubles"),
        "get_status_display": _("Status"),
        "decided_by": _("Decided by"),
        "decided_on": _("Decided on"),
        "order_number": _("Order No."),
        "order_date": _("Order date"),
    }
    export_filename = "incentives"
    edit_handler = form(
        [
            FieldPanel("mentor"),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("amount")]),
            FieldPanel("grounds"),
            FieldRowPanel(
                [FieldPanel("status"), FieldPanel("decided_by"), FieldPanel("decided_on")]
            ),
            FieldRowPanel([FieldPanel("order_number"), FieldPanel("order_date")]),
        ]
    )


class PartnerOrganisationAdmin(ProgrammeModelAdmin):
    model = PartnerOrganisation
    menu_label = _("Partner organisations")
    menu_icon = "site"
    menu_order = 160
    list_display = ("name", "agreement_number", "agreement_date", "valid_until", "contact_person")
    search_fields = ("name", "contact_person")
    list_export = (
        "name",
        "agreement_number",
        "agreement_date",
        "valid_until",
        "contact_person",
        "contacts",
    )
    export_headings = {
        "name": _("Name"),
        "agreement_number": _("Agreement No."),
        "agreement_date": _("Agreement date"),
        "valid_until": _("Valid until"),
        "contact_person": _("Contact person"),
        "contacts": _("Contacts"),
    }
    export_filename = "partners"
    edit_handler = form(
        [
            FieldPanel("organisation"),
            FieldPanel("name"),
            FieldRowPanel(
                [
                    FieldPanel("agreement_number"),
                    FieldPanel("agreement_date"),
                    FieldPanel("valid_until"),
                ]
            ),
            FieldRowPanel([FieldPanel("contact_person"), FieldPanel("contacts")]),
        ]
    )


class CaseAdmin(ProgrammeModelAdmin):
    model = Case
    menu_label = _("Successful practices")
    menu_icon = "pick"
    menu_order = 170
    list_display = ("title", "programme", "is_published")
    list_filter = ("is_published", "programme")
    search_fields = ("title", "description")
    list_select_related = ("programme",)
    list_export = ("title", "programme", "description", "is_published")
    export_headings = {
        "title": _("Title"),
        "programme": _("Programme"),
        "description": _("Description"),
        "is_published": _("Published"),
    }
    export_filename = "cases"
    inspect_view_fields_exclude = ("file",)
    edit_handler = form(
        [
            FieldPanel("organisation"),
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("programme"), FieldPanel("pair")]),
            FieldPanel("description"),
            FieldPanel("file"),
            FieldPanel("is_published"),
        ]
    )


class MatchPreferenceAdmin(ProgrammeModelAdmin):
    """Whom participants chose after the group meeting; mutual choices first to look at."""

    model = MatchPreference
    menu_label = _("Preferences")
    menu_icon = "resubmit"
    menu_order = 125
    list_display = ("participant", "preferred", "programme", "mutual_display", "stated_at")
    list_filter = ("programme",)
    search_fields = ("participant__last_name", "preferred__last_name")
    list_select_related = ("participant", "preferred", "programme")
    list_export = ("participant", "preferred", "programme", "mutual_display", "stated_at")
    export_headings = {
        "participant": _("Participant"),
        "preferred": _("Would like to work with"),
        "programme": _("Programme"),
        "mutual_display": _("Mutual"),
        "stated_at": _("Stated at"),
    }
    export_filename = "preferences"
    edit_handler = form(
        [
            FieldPanel("participant"),
            FieldPanel("preferred"),
            FieldPanel("programme"),
            FieldPanel("reason"),
        ]
    )

    def get_queryset(self, request):
        mutual = MatchPreference.objects.filter(
            participant=OuterRef("preferred"), preferred=OuterRef("participant")
        )
        return super().get_queryset(request).annotate(mutual=Exists(mutual))

    @display(description=_("Mutual"))
    def mutual_display(self, obj):
        return yes_no(obj.mutual)


class MentoringFormAdmin(ProgrammeModelAdmin):
    model = MentoringForm
    menu_label = _("Forms of mentoring")
    menu_icon = "list-ul"
    menu_order = 180
    list_display = ("name", "description")
    edit_handler = form([FieldPanel("name"), FieldPanel("description")])


class OrganisationAdmin(ProgrammeModelAdmin):
    model = Organisation
    menu_label = _("Organisations")
    menu_icon = "home"
    menu_order = 190
    list_display = ("short_name", "full_name", "head_name")
    search_fields = ("short_name", "full_name")
    edit_handler = form(
        [
            FieldPanel("full_name"),
            FieldPanel("short_name"),
            FieldPanel("address"),
            FieldPanel("head_name"),
            FieldPanel("members"),
        ]
    )


class MentoringGroup(ModelAdminGroup):
    menu_label = _("Mentoring")
    menu_icon = "group"
    menu_order = 200
    items = (
        ProgrammeAdmin,
        PairAdmin,
        OverduePairAdmin,
        MeetingAdmin,
        FeedbackAdmin,
        ParticipantAdmin,
        MentorBaseAdmin,
        MenteeBaseAdmin,
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
