"""«Подбор пар» in the admin: the suggestion for one programme, explained, and what the curator
does with it (lock, reject, never put together, change the weights, accept, download).

Wired in programmes/wagtail_hooks.py (register_admin_urls) and reached from the programme's
row in «Программы» (ProgrammeButtonHelper). Who may do what:

- read the suggestion and download the comparison: whoever may view pairs (curators and
  auditors) in the programme's organisation, and superusers;
- change anything: whoever may add pairs (curators) there, and superusers.

A programme of another organisation is «not found», as everywhere in the admin. The engine
works on values read in a fixed number of queries, so the page costs the same whatever the
size of the bases.
"""

import io

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.filenames import (
    XLSX_CONTENT_TYPE,
    ascii_filename,
    attachment_disposition,
    filename_title,
)
from programmes.matching.engine import suggest
from programmes.matching.report import write_matching_xlsx
from programmes.matching.scoring import points
from programmes.models import DecisionKind, MatchDecision, MatchingSettings, Participant, Programme
from programmes.selectors.access import scoped
from programmes.selectors.matching import matching_pool, matching_settings
from programmes.services.matching import (
    match_decide,
    match_decision_withdraw,
    matching_accept,
    matching_settings_save,
)

PAGE_SIZE = 100


def user_can_read_matching(user) -> bool:
    return user.is_superuser or user.has_perm("programmes.view_pair")


def user_can_match(user) -> bool:
    return user.is_superuser or user.has_perm("programmes.add_pair")


class SettingsForm(forms.ModelForm):
    change_reason = forms.CharField(
        label=gettext_lazy("Reason for the change"), required=False, max_length=500
    )

    class Meta:
        model = MatchingSettings
        fields = [
            "goal",
            "min_score",
            "class_gap",
            "young_specialist_age",
            "weight_mutual",
            "weight_requests",
            "weight_format",
            "weight_class",
        ]


class DecisionForm(forms.Form):
    mentor = forms.ModelChoiceField(
        queryset=Participant.objects.none(), label=gettext_lazy("Mentor")
    )
    mentee = forms.ModelChoiceField(
        queryset=Participant.objects.none(), label=gettext_lazy("Mentee")
    )
    kind = forms.ChoiceField(choices=DecisionKind.choices, label=gettext_lazy("Decision"))
    reason = forms.CharField(label=gettext_lazy("Reason"), required=False, max_length=500)

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        people = Participant.objects.filter(organisation_id=programme.organisation_id)
        self.fields["mentor"].queryset = people.filter(is_mentor=True)
        self.fields["mentee"].queryset = people.filter(is_mentee=True)


class MatchingAccessMixin:
    """The programme from the URL, within the user's organisations, and the right to read."""

    write = False

    def dispatch(self, request, *args, programme_id: int, **kwargs):
        if not user_can_read_matching(request.user):
            raise PermissionDenied
        programme = (
            scoped(Programme.objects.select_related("form", "organisation"), request.user)
            .filter(pk=programme_id)
            .first()
        )
        if programme is None:
            raise Http404
        if self.write and not user_can_match(request.user):
            raise PermissionDenied
        self.programme = programme
        return super().dispatch(request, *args, **kwargs)

    @property
    def matching_url(self) -> str:
        return reverse("programmes_matching", args=[self.programme.pk])


class MatchingView(MatchingAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Matching of pairs")
    header_icon = "group"
    template_name = "programmes/admin/matching.html"
    http_method_names = ["get", "head", "post"]

    def get_page_subtitle(self):
        return str(self.programme)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("programmes_programme_modeladmin_index"),
                "label": _("Programmes"),
            },
            {"url": "", "label": _("Matching of pairs")},
        ]

    def post(self, request, *args, **kwargs):
        """Saves the settings; the other actions have URLs of their own."""
        if not user_can_match(request.user):
            raise PermissionDenied
        stored = matching_settings(self.programme)
        form = SettingsForm(request.POST, instance=stored)
        if form.is_valid():
            try:
                matching_settings_save(
                    settings=form.instance,
                    user=request.user,
                    reason=form.cleaned_data["change_reason"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The matching settings are saved."))
                return redirect(self.matching_url)
        return self.render_to_response(self.get_context_data(settings_form=form))

    def get_context_data(self, settings_form=None, **kwargs):
        today = timezone.localdate()
        stored = matching_settings(self.programme)
        pool = matching_pool(self.programme, today=today, stored=stored)
        result = suggest(pool)
        page = Paginator(result.suggestions, PAGE_SIZE).get_page(self.request.GET.get("p"))
        decisions = MatchDecision.objects.filter(programme=self.programme).select_related(
            "mentor", "mentee"
        )
        set_aside: dict[str, list[str]] = {}
        for person in pool.set_aside:
            set_aside.setdefault(person.reason, []).append(person.name)
        return super().get_context_data(
            programme=self.programme,
            settings=stored,
            pool=pool,
            result=result,
            total_points=points(result.tenths).lstrip("+"),
            page_obj=page,
            decisions=decisions,
            set_aside=sorted(set_aside.items()),
            can_match=user_can_match(self.request.user),
            settings_form=settings_form or SettingsForm(instance=stored),
            decision_form=DecisionForm(programme=self.programme),
            kinds=DecisionKind,
            **kwargs,
        )


class DecideView(MatchingAccessMixin, View):
    """Lock, reject or exclude a mentor and a mentee (a POST from the suggestion's row)."""

    write = True
    http_method_names = ["post"]

    def post(self, request):
        form = DecisionForm(request.POST, programme=self.programme)
        if not form.is_valid():
            messages.error(request, _("Choose a mentor, a mentee and a decision."))
            return redirect(self.matching_url)
        try:
            match_decide(programme=self.programme, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The decision is saved; the suggestion is recomputed."))
        return redirect(self.matching_url)


class WithdrawDecisionView(MatchingAccessMixin, View):
    write = True
    http_method_names = ["post"]

    def post(self, request, decision_id: int):
        decision = MatchDecision.objects.filter(programme=self.programme, pk=decision_id).first()
        if decision is None:
            raise Http404
        match_decision_withdraw(decision=decision, user=request.user)
        messages.success(request, _("The decision is withdrawn."))
        return redirect(self.matching_url)


class AcceptView(MatchingAccessMixin, View):
    write = True
    http_method_names = ["post"]

    def post(self, request):
        try:
            created = matching_accept(
                programme=self.programme,
                fingerprint=request.POST.get("fingerprint", ""),
                user=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.matching_url)
        messages.success(
            request,
            _("Draft pairs and groups created: %(count)s. Approve them with an order.")
            % {"count": len(created)},
        )
        return redirect(reverse("programmes_pair_modeladmin_index") + "?status=draft")


class MatchingReportView(MatchingAccessMixin, View):
    http_method_names = ["get", "head"]

    def get(self, request):
        today = timezone.localdate()
        pool = matching_pool(self.programme, today=today)
        output = io.BytesIO()
        write_matching_xlsx(pool, suggest(pool), output)
        response = HttpResponse(output.getvalue(), content_type=XLSX_CONTENT_TYPE)
        title = _("Comparison of mentor and mentee questionnaires")
        name = f"{title} — {filename_title(self.programme.title)} — {today:%d.%m.%Y}.xlsx"
        fallback = ascii_filename("matching", str(self.programme.pk), f"{today:%Y-%m-%d}")
        response["Content-Disposition"] = attachment_disposition(name, f"{fallback}.xlsx")
        return response


def matching_urls():
    prefix = "programmes/matching/<int:programme_id>/"
    return [
        path(prefix, MatchingView.as_view(), name="programmes_matching"),
        path(f"{prefix}decide/", DecideView.as_view(), name="programmes_matching_decide"),
        path(
            f"{prefix}decisions/<int:decision_id>/withdraw/",
            WithdrawDecisionView.as_view(),
            name="programmes_matching_withdraw",
        ),
        path(f"{prefix}accept/", AcceptView.as_view(), name="programmes_matching_accept"),
        path(f"{prefix}report/", MatchingReportView.as_view(), name="programmes_matching_report"),
    ]
