"""The mentoring agreement of art. 351.8 of the Labour Code (in force from 01.03.2025).

An employee becomes a mentor only with their written consent and under an agreement that
states the content of the mentoring, its period, its form and the extra pay. The portal asks
for it when the mentor is an employee mentoring a colleague (the form «учитель – учитель») or
comes from a partner organisation; a teacher mentoring pupils does so within their own post,
and a pupil mentor is nobody's employee. A pair that needs an agreement cannot be approved
without one (Pair.clean).
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from wagtail.documents import get_document_model_string

from portal.grammar import N, Noun
from programmes.models.history import TrackedHistory
from programmes.models.participants import ParticipantCategory
from programmes.models.past_dates import future_date_errors
from programmes.models.records import ProgrammeRecord

# Forms in which employees mentor employees, by their name with spaces and dashes dropped.
EMPLOYEE_FORMS = {"учительучитель", "педагогпедагог"}


def is_employee_form(name: str) -> bool:
    """«учитель – учитель», «Учитель-учитель», «педагог — педагог» alike."""
    return re.sub(r"[\s\-‐‑‒–—]", "", name or "").lower() in EMPLOYEE_FORMS


def needs_agreement(pair) -> bool:
    """Whether art. 351.8 asks for a mentoring agreement before the pair is approved."""
    if not (pair.mentor_id and pair.programme_id):
        return False
    mentor = pair.mentor
    return (
        is_employee_form(pair.programme.form.name)
        or mentor.partner_organisation_id is not None
        or mentor.category == ParticipantCategory.PARTNER
    )


class MentoringAgreement(ProgrammeRecord):
    """The mentor's written consent and agreement for one pair or group."""

    organisation_path = "pair__programme__organisation"

    pair = models.OneToOneField(
        "programmes.Pair",
        verbose_name=_("pair or group"),
        on_delete=models.CASCADE,
        related_name="agreement",
    )
    consent_date = models.DateField(_("date of the mentor's written consent"))
    number = models.CharField(_("agreement No."), max_length=50)
    date = models.DateField(_("agreement date"))
    content = models.TextField(
        _("content of the mentoring"),
        help_text=_("What the mentor does: for example, helps a young teacher adapt."),
    )
    period_start = models.DateField(_("mentoring from"))
    period_end = models.DateField(_("mentoring until"))
    extra_pay = models.DecimalField(
        _("extra pay, roubles a month"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    without_extra_pay = models.BooleanField(
        _("without extra pay"),
        default=False,
        help_text=_("The agreement must say either the amount or that there is no extra pay."),
    )
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("generated document"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = HistoricalRecords(bases=[TrackedHistory])

    grammar = Noun(
        "соглашение о наставничестве",
        "соглашения о наставничестве",
        "соглашение о наставничестве",
        "соглашения о наставничестве",
        "соглашений о наставничестве",
        N,
    )

    class Meta:
        verbose_name = _("mentoring agreement")
        verbose_name_plural = _("mentoring agreements")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return _("Agreement No. %(number)s of %(date)s") % {
            "number": self.number,
            "date": self.date.strftime("%d.%m.%Y") if self.date else "—",
        }

    def clean(self):
        errors = future_date_errors(self, ("consent_date", "date"))
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("The mentoring cannot end before it starts.")
        if self.consent_date and self.date and self.consent_date > self.date:
            errors["consent_date"] = _(
                "The mentor's written consent comes before the agreement, not after it."
            )
        if self.extra_pay is None and not self.without_extra_pay:
            errors["extra_pay"] = _(
                "Give the extra pay, or state that the mentoring is without extra pay."
            )
        if self.extra_pay is not None and self.without_extra_pay:
            errors["without_extra_pay"] = _(
                "The agreement gives an amount of extra pay: it cannot be without extra pay too."
            )
        if self.pair_id and self.period_start:
            programme = self.pair.programme
            if self.period_start < programme.start_date:
                errors["period_start"] = _(
                    "The mentoring cannot start before the programme does (%(start)s)."
                ) % {"start": programme.start_date.strftime("%d.%m.%Y")}
        if not self.content.strip():
            errors["content"] = _("State the content of the mentoring.")
        if errors:
            raise ValidationError(errors)

    @property
    def title(self) -> str:
        return f"Соглашение о наставничестве № {self.number} от {self.date:%d.%m.%Y}"

    @property
    def extra_pay_text(self) -> str:
        """As the agreement states it: «5 000,00 руб. в месяц» or «без доплаты»."""
        if self.extra_pay is None:
            return "без доплаты"
        whole, _dot, cents = f"{self.extra_pay:,.2f}".partition(".")
        return f"{whole.replace(',', ' ')},{cents} руб. в месяц"

    def get_extra_pay_display(self) -> str:
        return self.extra_pay_text
