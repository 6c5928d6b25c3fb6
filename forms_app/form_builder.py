"""The questionnaire's form builder: rating scales, a choice of participant, length limits.

Every field is validated on the server with Russian messages; the browser's checks are a
convenience only.
"""

import django.forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

HONEYPOT_FIELD = "website"


class RatingField(django.forms.TypedChoiceField):
    def __init__(self, *, top: int, **options):
        options.pop("initial", None)
        super().__init__(
            choices=[(str(n), str(n)) for n in range(1, top + 1)],
            coerce=int,
            widget=django.forms.RadioSelect(attrs={"class": "rating-scale"}),
            error_messages={
                "invalid_choice": _("Choose a value from 1 to %(top)s.") % {"top": top},
                "required": _("Choose a value from 1 to %(top)s.") % {"top": top},
            },
            **options,
        )


class ParticipantChoiceField(django.forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} ({obj.group})" if obj.group else obj.full_name


class QuestionnaireBaseForm(BaseForm):
    """Adds a honeypot: people never see it, robots fill it in.

    `questions` holds the page's form fields the form was built from, so that the answer's
    service maps them without reading them again.
    """

    questions: tuple = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = django.forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=django.forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.pop(HONEYPOT_FIELD, ""):
            raise django.forms.ValidationError(
                _("The form could not be accepted. Please try again."), code="honeypot"
            )
        return cleaned


class QuestionnaireFormBuilder(FormBuilder):
    def __init__(self, fields, participants=None):
        super().__init__(fields)
        self.participants = participants

    def create_singleline_field(self, field, options):
        options["max_length"] = min(field.max_length or 255, 255)
        return django.forms.CharField(**options)

    def create_multiline_field(self, field, options):
        options["max_length"] = field.max_length or 1000
        options.setdefault(
            "widget", django.forms.Textarea(attrs={"rows": 4, "maxlength": options["max_length"]})
        )
        return django.forms.CharField(**options)

    def create_dropdown_field(self, field, options):
        # Without an empty first option the browser shows the first choice as if chosen, and a
        # respondent who skipped the question would send it unknowingly.
        choices = self.get_formatted_field_choices(field)
        options["choices"] = [("", _("— choose —")), *choices]
        return django.forms.ChoiceField(**options)

    def create_rating_5_field(self, field, options):
        return RatingField(top=5, **options)

    def create_rating_10_field(self, field, options):
        return RatingField(top=10, **options)

    def create_participant_field(self, field, options):
        options.pop("initial", None)
        return ParticipantChoiceField(
            queryset=self.participants,
            empty_label=_("— choose —"),
            error_messages={"invalid_choice": _("Choose someone from the list.")},
            **options,
        )

    def get_form_class(self):
        formfields = self.formfields
        return type(
            "QuestionnaireForm",
            (QuestionnaireBaseForm,),
            {**formfields, "questions": tuple(self.fields)},
        )
