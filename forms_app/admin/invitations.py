"""Invitations in bulk: choose a form page and a list of participants, hand out the links."""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from forms_app.models import ConsentPage, Invitation, QuestionnaireAccess, QuestionnairePage
from forms_app.services.invitations import (
    invitation_url,
    invitations_create,
    invitations_xlsx,
    qr_svg,
)
from portal.base_url import portal_base_url
from portal.filenames import XLSX_CONTENT_TYPE
from programmes.admin.base import ScopedModelAdmin
from programmes.admin.grammar import RecordInspectView
from programmes.admin.permissions import OrganisationPermissionHelper
from programmes.models import Organisation, Participant, ParticipantCategory, ParticipantStatus
from programmes.selectors.access import scoped

BATCH_SESSION_KEY = "forms_app_invitation_batch"


def invitation_pages():
    """Live form pages that admit invitation links: such questionnaires, and consent pages.

    An invitation to a consent page with «for the legal representatives» ticked is how a
    parent receives a child's consent to fill in.
    """
    questionnaires = QuestionnairePage.objects.live().filter(access=QuestionnaireAccess.INVITATION)
    consents = ConsentPage.objects.live()
    return Page.objects.filter(
        Q(pk__in=questionnaires.values("pk")) | Q(pk__in=consents.values("pk"))
    ).order_by("title")


class InvitationBatchForm(forms.Form):
    page = forms.ModelChoiceField(label=_("Form page"), queryset=Page.objects.none())
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    role = forms.ChoiceField(
        label=_("Participants"),
        choices=[("all", _("everyone")), ("mentees", _("mentees")), ("mentors", _("mentors"))],
    )
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("any")), *ParticipantCategory.choices]
    )
    group = forms.CharField(label=_("Class or group contains"), required=False, max_length=100)
    valid_days = forms.IntegerField(
        label=_("Valid for, days"), min_value=1, max_value=90, initial=14
    )
    for_representative = forms.BooleanField(
        label=_("For the legal representatives (parents)"), required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].queryset = invitation_pages()
        self.fields["organisation"].queryset = scoped(Organisation.objects.all(), user)

    def participants(self):
        data = self.cleaned_data
        queryset = Participant.objects.filter(
            organisation=data["organisation"], status=ParticipantStatus.ACTIVE
        )
        if data["role"] == "mentees":
            queryset = queryset.filter(is_mentee=True)
        elif data["role"] == "mentors":
            queryset = queryset.filter(is_mentor=True)
        if data["category"]:
            queryset = queryset.filter(category=data["category"])
        if data["group"]:
            queryset = queryset.filter(group__icontains=data["group"])
        return list(queryset.order_by("group", "last_name", "first_name"))


def can_invite(user) -> bool:
    return user.has_perm("forms_app.add_invitation")


class InvitationAccessMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_invite(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def batch(self):
        ids = self.request.session.get(BATCH_SESSION_KEY, [])
        invitations = scoped(Invitation.objects.filter(pk__in=ids), self.request.user)
        return list(
            invitations.select_related("participant", "page").order_by(
                "participant__group", "participant__last_name"
            )
        )


class InvitationBatchCreateView(InvitationAccessMixin, WagtailAdminTemplateMixin, FormView):
    page_title = _("Create invitations")
    header_icon = "mail"
    template_name = "forms_app/admin/invitation_create.html"
    form_class = InvitationBatchForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        participants = form.participants()
        if not participants:
            form.add_error(None, _("No participant matches the filter: nothing was created."))
            return self.form_invalid(form)
        invitations = invitations_create(
            page=form.cleaned_data["page"],
            participants=participants,
            valid_days=form.cleaned_data["valid_days"],
            user=self.request.user,
            for_representative=form.cleaned_data["for_representative"],
        )
        self.request.session[BATCH_SESSION_KEY] = [invitation.pk for invitation in invitations]
        return redirect("forms_app_invitation_batch")


class InvitationBatchView(InvitationAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Invitations created")
    header_icon = "mail"
    template_name = "forms_app/admin/invitation_batch.html"

    def get_context_data(self, **kwargs):
        base_url = portal_base_url(self.request)
        rows = [
            (invitation, invitation_url(invitation, base_url=base_url))
            for invitation in self.batch()
        ]
        return super().get_context_data(rows=rows, **kwargs)


@dataclass(frozen=True)
class Slip:
    invitation: Invitation
    url: str
    qr: str

    @property
    def address(self) -> str:
        """The link as it is typed: without «https://», which browsers add themselves."""
        return self.url.split("://", 1)[-1]

    @property
    def prefix(self) -> str:
        """The address up to the code, «portal.school.ru/i/», printed smaller than the code."""
        return self.address.removesuffix(self.invitation.code_display)


class InvitationBatchPrintView(InvitationBatchView):
    """Slips to cut and hand out: the short link in large type and its QR code on each."""

    template_name = "forms_app/admin/invitation_print.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["slips"] = [
            Slip(invitation=invitation, url=url, qr=qr_svg(url, title=url))
            for invitation, url in context["rows"]
        ]
        return context


class InvitationBatchXlsxView(InvitationAccessMixin, View):
    def get(self, request):
        content = invitations_xlsx(self.batch(), base_url=portal_base_url(request))
        response = HttpResponse(
            content,
            content_type=XLSX_CONTENT_TYPE,
        )
        name = f"invitations-{timezone.localdate():%d.%m.%Y}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class InvitationPermissionHelper(OrganisationPermissionHelper):
    """Invitations are made in bulk, never one by one or edited."""

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False


class InvitationInspectView(RecordInspectView):
    """The invitation's screen: its short link and QR code, to print or show again one by one."""

    def get_context_data(self, **kwargs):
        url = invitation_url(self.instance, base_url=portal_base_url(self.request))
        return super().get_context_data(
            short_link=url, qr=qr_svg(url, title=url), expired=self.instance.is_expired(), **kwargs
        )


class InvitationAdmin(ScopedModelAdmin):
    """The invitations of the user's organisations; its history is Wagtail's log, checked too."""

    model = Invitation
    menu_label = _("Invitations")
    menu_icon = "mail"
    permission_helper_class = InvitationPermissionHelper
    inspect_view_enabled = True
    inspect_view_class = InvitationInspectView
    inspect_template_name = "forms_app/admin/invitation_inspect.html"
    # The short link above shows the code; the token is the long link's key, not for the eye.
    inspect_view_fields_exclude = ("token", "code")
    list_display = ("participant", "page", "expires_at", "used_at", "created_by")
    list_filter = ("for_representative",)
    search_fields = ("participant__last_name", "participant__group")
    list_per_page = 50

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("participant", "page", "created_by")
