from django import forms
from django.utils.translation import gettext_lazy as _

from home.models import MentoringSectionPage

ROADMAP_FILE_TYPES = ".docx,.xlsx,.csv,.txt,.tsv"


class RoadmapImportForm(forms.Form):
    file = forms.FileField(
        label=_("Roadmap file"),
        help_text=_(
            "A table in .docx, .xlsx, .csv or tab-separated .txt, with the columns «Мероприятие», «Срок», «Ответственный», «Результат»."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ROADMAP_FILE_TYPES}),
    )
    parent = forms.ModelChoiceField(
        label=_("Section"),
        queryset=MentoringSectionPage.objects.none(),
        required=False,
        empty_label=_("The first «Наставничество» section (created if there is none)"),
    )
    title = forms.CharField(
        label=_("Page title"),
        max_length=255,
        required=False,
        help_text=_(
            "Leave empty to take the title of the document (or «Дорожная карта на 2023–2024 гг.» when it has none)."
        ),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=500,
        required=False,
        help_text=_("Leave empty to take it from the file."),
    )
    period_start = forms.DateField(
        label=_("Period start"),
        required=False,
        help_text=_("ДД.ММ.ГГГГ. Leave empty to take the years from the file."),
    )
    period_end = forms.DateField(label=_("Period end"), required=False)

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = sections

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if bool(start) != bool(end):
            raise forms.ValidationError(
                _("Give both the start and the end of the period, or neither.")
            )
        if start and end and start > end:
            self.add_error("period_end", _("The period cannot end before it starts."))
        return cleaned
