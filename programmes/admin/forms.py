"""Admin forms: choices limited to the user's organisations, and a reason for every change."""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from programmes.models import Participant
from programmes.models.history import attribute_change
from programmes.models.records import is_organisation_scoped
from programmes.selectors.access import scoped
from programmes.services.meetings import attendance_errors, meeting_save, status_change_error
from programmes.services.pairs import (
    joining_errors,
    membership_correct_dates,
    pair_membership_errors,
    pair_save,
)
from programmes.services.plans import plan_goals_save, plan_task_save


class ProgrammeAdminForm(WagtailAdminModelForm):
    change_reason = forms.CharField(
        label=_("Reason for the change"),
        required=False,
        max_length=500,
        help_text=_("Optional; kept in the change history."),
    )

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is None:
            return
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is not None and is_organisation_scoped(queryset.model):
                field.queryset = scoped(queryset, for_user)

    def save(self, commit=True):
        attribute_change(
            self.instance, user=self.for_user, reason=self.cleaned_data.get("change_reason")
        )
        return super().save(commit=commit)


class PairAdminForm(ProgrammeAdminForm):
    """A pair with its mentees, saved through pair_save so every rule applies."""

    mentees = forms.ModelMultipleChoiceField(
        label=_("Mentees"),
        queryset=Participant.objects.filter(is_mentee=True),
        help_text=_("One mentee makes a pair, several make a group."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["mentees"] = [
                m.mentee_id for m in self.instance.mentees.all() if m.left_on is None
            ]

    def _post_clean(self):
        super()._post_clean()
        mentees = self.cleaned_data.get("mentees")
        if mentees is None or not self.instance.mentor_id or not self.instance.programme_id:
            return
        for message in pair_membership_errors(
            pair=self.instance, mentees=list(mentees), today=timezone.localdate()
        ):
            self.add_error("mentees", message)

    def save(self, commit=True):
        return pair_save(
            pair=self.instance,
            mentees=list(self.cleaned_data["mentees"]),
            user=self.for_user,
            reason=self.cleaned_data.get("change_reason", ""),
        )


class MeetingAdminForm(ProgrammeAdminForm):
    """A meeting with who attended it, saved through meeting_save so attendance has history."""

    attendees = forms.ModelMultipleChoiceField(
        label=_("Attendees"),
        queryset=Participant.objects.order_by("last_name", "first_name"),
        required=False,
        help_text=_(
            "Who came. For a group meeting, the preference questionnaire lists these people."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["attendees"] = list(
                self.instance.attendance.values_list("participant_id", flat=True)
            )

    def _post_clean(self):
        super()._post_clean()
        attendees = self.cleaned_data.get("attendees") or []
        if not self.instance.programme_id:
            return
        for message in attendance_errors(meeting=self.instance, attendees=list(attendees)):
            self.add_error("attendees", message)
        status_error = status_change_error(meeting=self.instance)
        if status_error:
            self.add_error("status", status_error)

    def save(self, commit=True):
        return meeting_save(
            meeting=self.instance,
            attendees=list(self.cleaned_data.get("attendees") or []),
            user=self.for_user,
            reason=self.cleaned_data.get("change_reason", ""),
        )


class MembershipAdminForm(ProgrammeAdminForm):
    """A curator's correction of a mentee's dates in a pair, saved by membership_correct_dates."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The history keeps the dates a correction replaces; it says why they were wrong.
        self.fields["change_reason"].required = True
        self.fields["change_reason"].help_text = _("Required; kept in the change history.")

    def _post_clean(self):
        super()._post_clean()
        joined_on = self.cleaned_data.get("joined_on")
        if joined_on and self.instance.pair_id:
            for message in joining_errors(pair=self.instance.pair, joined_on=joined_on):
                self.add_error("joined_on", message)

    def save(self, commit=True):
        return membership_correct_dates(
            membership=self.instance,
            joined_on=self.cleaned_data["joined_on"],
            left_on=self.cleaned_data.get("left_on"),
            left_reason=self.cleaned_data.get("left_reason", ""),
            user=self.for_user,
            reason=self.cleaned_data["change_reason"],
        )


class PlanAdminForm(ProgrammeAdminForm):
    """A mentee's plan: whose (chosen once) and the goals, saved by plan_goals_save."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        membership = self.fields["membership"]
        membership.queryset = membership.queryset.filter(
            Q(plan__isnull=True) | Q(pk=self.instance.membership_id)
        ).select_related("mentee", "pair__mentor")
        membership.label_from_instance = lambda m: f"{m.mentee} — {m.pair}"
        if self.instance.pk:
            # A plan is the mentee's in one pair; it never moves to another.
            membership.disabled = True

    def save(self, commit=True):
        return plan_goals_save(
            membership=self.cleaned_data["membership"],
            goals=self.cleaned_data.get("goals", ""),
            user=self.for_user,
            reason=self.cleaned_data.get("change_reason", ""),
        )


class PlanTaskAdminForm(ProgrammeAdminForm):
    """A task of a plan, saved by plan_task_save so its rules and history apply."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plan = self.fields["plan"]
        plan.queryset = plan.queryset.select_related(
            "membership__mentee", "membership__pair__mentor"
        )
        if self.instance.pk:
            plan.disabled = True

    def save(self, commit=True):
        return plan_task_save(
            task=self.instance,
            user=self.for_user,
            reason=self.cleaned_data.get("change_reason", ""),
        )
