"""Admin actions on personal data that no edit form could do safely.

Withdrawing a consent takes the participant out of their open pairs and tells the curators;
erasing a participant reaches every record their data live in. So each is a confirmation page
of its own, answered by a POST, beside the record's usual pages; who may use them:

- withdraw a consent: whoever may change consents (curators) of the participant's organisation,
  and superusers;
- erase a participant's personal data: whoever may delete participants (curators) of the
  participant's organisation, and superusers. Auditors and editors may do neither.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.views import InspectView, InstanceSpecificView

from portal.date_widgets import StrictAdminDateInput
from programmes.models import (
    OPEN_PAIR_STATUSES,
    Consent,
    ConsentKind,
    ErasureAct,
    Pair,
    Participant,
)
from programmes.selectors.access import organisation_ids_for
from programmes.selectors.consents import valid_processing_consents
from programmes.selectors.erasure import erasure_due_on
from programmes.services.consents import consent_withdraw
from programmes.services.erasure import participant_erase

ERASE, WITHDRAW = "erase", "withdraw"


def _may(user, permission: str, organisation_id) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return user.has_perm(permission) and organisation_id in organisation_ids_for(user)


def user_can_erase(user, participant: Participant) -> bool:
    return _may(user, "programmes.delete_participant", participant.organisation_id)


def user_can_withdraw(user, consent: Consent) -> bool:
    return _may(user, "programmes.change_consent", consent.participant.organisation_id)


def erasure_act_of(participant: Participant) -> ErasureAct | None:
    return ErasureAct.objects.filter(former_participant_id=participant.pk).first()


class AdminTemplateView(WagtailAdminTemplateMixin, InstanceSpecificView):
    """A page of one record in the admin's furniture, with breadcrumbs back to the record."""

    http_method_names = ["get", "head", "post"]

    def get_template_names(self):
        return [self.template_name]

    def get_page_subtitle(self):
        return str(self.instance)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": self.url_helper.index_url, "label": self.verbose_name_plural.capitalize()},
            {"url": self.record_url or "", "label": str(self.instance)},
            {"url": "", "label": self.get_page_title()},
        ]

    @property
    def record_url(self) -> str | None:
        try:
            return self.url_helper.get_action_url("inspect", self.pk_quoted)
        except NoReverseMatch:
            return None


# --- erasure of a participant's personal data ------------------------------------------------


class ParticipantErasureView(AdminTemplateView):
    page_title = gettext_lazy("Erase personal data")
    template_name = "programmes/admin/participant_erasure.html"

    def check_action_permitted(self, user):
        return user_can_erase(user, self.instance)

    def get_context_data(self, **kwargs):
        participant = self.instance
        today = timezone.localdate()
        withdrawn = (
            participant.consents.filter(kind=ConsentKind.PROCESSING, withdrawn_on__isnull=False)
            .order_by("-withdrawn_on")
            .values_list("withdrawn_on", flat=True)
            .first()
        )
        return super().get_context_data(
            act=erasure_act_of(participant),
            has_valid_consent=valid_processing_consents(today)
            .filter(participant=participant)
            .exists(),
            withdrawn_on=withdrawn,
            due_on=erasure_due_on(withdrawn) if withdrawn else None,
            consents=participant.consents.count(),
            open_pairs=Pair.objects.filter(status__in=OPEN_PAIR_STATUSES)
            .filter(
                Q(mentor=participant)
                | Q(mentees__mentee=participant, mentees__left_on__isnull=True)
            )
            .distinct()
            .count(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        try:
            act = participant_erase(participant=self.instance, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.record_url or self.index_url)
        messages.success(
            request,
            _("The personal data of participant No. %(id)s have been erased; act No. %(act)s.")
            % {"id": act.former_participant_id, "act": act.pk},
        )
        return redirect(reverse("programmes_erasureact_modeladmin_inspect", args=[act.pk]))


class ParticipantButtonHelper(ButtonHelper):
    """Adds «Erase personal data» to the buttons of a participant's inspect page."""

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        exclude = exclude or []
        if (
            isinstance(self.view, InspectView)
            and ERASE not in exclude
            and user_can_erase(self.request.user, obj)
            and erasure_act_of(obj) is None
        ):
            buttons.append(
                {
                    "url": self.url_helper.get_action_url(ERASE, quote(obj.pk)),
                    "label": _("Erase personal data"),
                    "classname": self.finalise_classname(["no"], classnames_exclude),
                    "title": _("Erase this participant's personal data everywhere"),
                }
            )
        return buttons


# --- withdrawal of a consent -----------------------------------------------------------------


class ConsentWithdrawalForm(forms.Form):
    withdrawn_on = forms.DateField(
        label=gettext_lazy("Withdrawn on"),
        widget=StrictAdminDateInput,
        help_text=gettext_lazy("The day the withdrawal was received."),
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason for withdrawal"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "For example: a written withdrawal of 01.03.2024, incoming No. 15. It is recorded in the pairs the participant leaves."
        ),
    )


class ConsentWithdrawalView(AdminTemplateView):
    page_title = gettext_lazy("Withdraw consent")
    template_name = "programmes/admin/consent_withdrawal.html"

    def check_action_permitted(self, user):
        return user_can_withdraw(user, self.instance)

    def get_context_data(self, form=None, **kwargs):
        if form is None:
            form = ConsentWithdrawalForm(initial={"withdrawn_on": timezone.localdate()})
        return super().get_context_data(
            form=form,
            is_processing=self.instance.kind == ConsentKind.PROCESSING,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = ConsentWithdrawalForm(request.POST)
        if self.instance.withdrawn_on is not None:
            messages.warning(
                request,
                _("The consent was already withdrawn on %(date)s.")
                % {"date": self.instance.withdrawn_on.strftime("%d.%m.%Y")},
            )
            return redirect(self.index_url)
        if form.is_valid():
            try:
                consent_withdraw(
                    consent=self.instance,
                    user=request.user,
                    reason=form.cleaned_data["reason"],
                    when=form.cleaned_data["withdrawn_on"],
                )
            except ValidationError as error:
                for field, errors in error.update_error_dict({}).items():
                    target = {"withdrawal_reason": "reason"}.get(field, field)
                    form.add_error(target if target in form.fields else None, errors)
            else:
                messages.success(
                    request,
                    _("The withdrawal has been registered and the curators have been told."),
                )
                return redirect(self.index_url)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ConsentButtonHelper(ButtonHelper):
    """Adds «Withdraw» to a consent that has not been withdrawn, for those who may."""

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if (
            WITHDRAW not in (exclude or [])
            and obj.withdrawn_on is None
            and user_can_withdraw(self.request.user, obj)
        ):
            buttons.append(
                {
                    "url": self.url_helper.get_action_url(WITHDRAW, quote(obj.pk)),
                    "label": _("Withdraw"),
                    "classname": self.finalise_classname(
                        ["button-secondary", *(classnames_add or [])], classnames_exclude
                    ),
                    "title": _("Register the withdrawal of this consent"),
                }
            )
        return buttons
