from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from programmes.models import PlanTaskStatus

COMMENT_MAX_LENGTH = 2000
OUTCOME_MAX_LENGTH = 5000

# Shown as «5 — Excellent»: the number first, for those who think in school marks.
RATING_CHOICES = [
    (1, pgettext_lazy("meeting rating", "Bad")),
    (2, pgettext_lazy("meeting rating", "So-so")),
    (3, pgettext_lazy("meeting rating", "Fine")),
    (4, pgettext_lazy("meeting rating", "Good")),
    (5, pgettext_lazy("meeting rating", "Excellent")),
]
# The same message as the service's: the form's check is only the first line of defence.
RATING_ERROR = _("Choose a rating from 1 to 5.")


class FeedbackForm(forms.Form):
    """A mentor's or mentee's feedback on one meeting; the service has the last word."""

    rating = forms.TypedChoiceField(
        label=_("How was the meeting?"),
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": RATING_ERROR,
            "invalid_choice": RATING_ERROR,
        },
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Optional: what was useful, what you would change."),
        error_messages={
            "max_length": _(
                "The comment is too long: %(show_value)d characters, at most %(limit_value)d."
            ),
        },
    )


SUITS_CHOICES = [("yes", _("Yes")), ("no", _("No"))]


def with_suits_question(form: FeedbackForm) -> FeedbackForm:
    """Add «Подходите ли вы друг другу?» (asked after the pair's first working meeting)."""
    form.fields["suits"] = forms.TypedChoiceField(
        label=_("Do you suit each other?"),
        help_text=_("Your honest answer helps the curator to support the pair in time."),
        choices=SUITS_CHOICES,
        coerce=lambda value: value == "yes",
        empty_value=None,
        # Optional, as the rest of the feedback: a question nobody may skip gets careless answers.
        required=False,
        widget=forms.RadioSelect,
    )
    return form


class MeetingHeldForm(forms.Form):
    """The mentor records that a planned meeting took place; meeting_mark_held decides."""

    held_at = forms.DateTimeField(
        label=_("When the meeting took place"),
        help_text=_("DD.MM.YYYY HH:MM, for example 14.11.2026 15:30."),
        widget=forms.DateTimeInput(format="%d.%m.%Y %H:%M", attrs={"autocomplete": "off"}),
    )
    outcome = forms.CharField(
        label=_("Outcome"),
        max_length=OUTCOME_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What you did and what came of it; the curator reads it in the journal."),
        error_messages={"required": _("Describe the outcome of the meeting.")},
    )
    attendees = forms.ModelMultipleChoiceField(
        label=_("Who came"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = people
        self.fields["attendees"].label_from_instance = lambda person: person.full_name


GOALS_MAX_LENGTH = 5000
TASK_RESULT_MAX_LENGTH = 5000


class PlanGoalsForm(forms.Form):
    """The mentor's goals of a mentee's plan, one a line; plan_goals_save decides."""

    goals = forms.CharField(
        label=_("Goals"),
        required=False,
        max_length=GOALS_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One goal per line: what the mentee should reach by the end of the pair."),
    )


class PlanTaskForm(forms.Form):
    """A task of a mentee's plan, as the mentor sets or updates it; plan_task_save decides."""

    title = forms.CharField(label=_("Task"), max_length=500)
    deadline = forms.DateField(
        label=_("Deadline"),
        help_text=_("DD.MM.YYYY, for example 20.12.2026."),
        widget=forms.DateInput(format="%d.%m.%Y", attrs={"autocomplete": "off"}),
    )
    status = forms.ChoiceField(label=_("Status"), choices=PlanTaskStatus.choices)
    completed_on = forms.DateField(
        label=_("Completed on"),
        required=False,
        help_text=_("For a done task: the day it was done, today or earlier."),
        widget=forms.DateInput(format="%d.%m.%Y", attrs={"autocomplete": "off"}),
    )
    result = forms.CharField(
        label=_("Result"),
        required=False,
        max_length=TASK_RESULT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
