"""The form of a consent page: the details art. 9 part 4 of 152-ФЗ asks for, and the agreement.

The fields are named after Consent's, so the cleaned data go to `consent_accept` as they are;
the model's rules are applied again there, and their messages come back onto these fields.
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programmes.models.consents import REPRESENTATIVE_MESSAGES, SUBJECT_MESSAGES

HONEYPOT_FIELD = "website"
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]


def _text(label, *, max_length=300, help_text="", autocomplete="off"):
    return forms.CharField(
        label=label,
        max_length=max_length,
        help_text=help_text,
        widget=forms.TextInput(attrs={"autocomplete": autocomplete}),
    )


def _date(label):
    return forms.DateField(
        label=label,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(
            format="%d.%m.%Y", attrs={"placeholder": "ДД.ММ.ГГГГ", "inputmode": "numeric"}
        ),
    )


class ConsentForm(forms.Form):
    """The subject's details; for a minor, also the legal representative's and their authority."""

    subject_name = _text(_("Full name"), autocomplete="name")
    subject_address = _text(
        _("Address"), max_length=500, help_text=_("Registered address, as in the document.")
    )
    subject_document = _text(
        _("Identity document: kind, series and number"),
        max_length=200,
        help_text=_(
            "For example: passport 2204 123456; for a child under 14 — birth certificate IV-ТН No. 123456."
        ),
    )
    subject_document_date = _date(_("Date of issue"))
    subject_document_issuer = _text(_("Issued by"), max_length=500)

    representative_name = _text(_("Legal representative's full name"))
    representative_address = _text(_("Legal representative's address"), max_length=500)
    representative_document = _text(
        _("Legal representative's identity document: kind, series and number"), max_length=200
    )
    representative_document_date = _date(_("Date of issue"))
    representative_document_issuer = _text(_("Issued by"), max_length=500)
    representative_authority = _text(
        _("Document confirming the authority of the legal representative"),
        max_length=500,
        help_text=_(
            "For a parent: the child's birth certificate (series, number, date); for a guardian: the guardianship decision."
        ),
    )

    agree = forms.BooleanField(
        required=True,
        error_messages={"required": _("Tick the box to give your consent.")},
    )
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    SUBJECT_FIELDS = (
        "subject_name",
        "subject_address",
        "subject_document",
        "subject_document_date",
        "subject_document_issuer",
    )
    REPRESENTATIVE_FIELDS = (
        "representative_name",
        "representative_address",
        "representative_document",
        "representative_document_date",
        "representative_document_issuer",
        "representative_authority",
    )

    def __init__(self, *args, representative: bool, agreement: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.representative = representative
        if not representative:
            for name in self.REPRESENTATIVE_FIELDS:
                del self.fields[name]
        else:
            # The subject is the child: their document is usually the birth certificate.
            self.fields["subject_name"].label = _("Full name of the person whose data it is")
            self.fields["subject_address"].label = _("Address of the person whose data it is")
            self.fields["subject_name"].widget.attrs["autocomplete"] = "off"
        self.fields["agree"].label = agreement
        # The same messages as the model's: the form's check is only the first line of defence.
        for name, message in {**SUBJECT_MESSAGES, **REPRESENTATIVE_MESSAGES}.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message

    def clean(self):
        cleaned = super().clean()
        if cleaned.pop(HONEYPOT_FIELD, ""):
            raise forms.ValidationError(
                _("The form could not be accepted. Please try again."), code="honeypot"
            )
        today = timezone.localdate()
        for name in ("subject_document_date", "representative_document_date"):
            value = cleaned.get(name)
            if value and value > today:
                self.add_error(name, _("The document's date of issue is in the future."))
        return cleaned

    def details(self) -> dict:
        """The cleaned details, by Consent's field names."""
        names = self.SUBJECT_FIELDS + (self.REPRESENTATIVE_FIELDS if self.representative else ())
        return {name: self.cleaned_data[name] for name in names}

    def subject_fields(self):
        return [self[name] for name in self.SUBJECT_FIELDS]

    def representative_fields(self):
        if not self.representative:
            return []
        return [self[name] for name in self.REPRESENTATIVE_FIELDS]
