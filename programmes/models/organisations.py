from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.grammar import F, Noun
from programmes.models.history import TrackedHistory
from programmes.models.records import SELF, ProgrammeRecord


class Organisation(ProgrammeRecord):
    """An educational organisation: every participant, programme and pair belongs to one.

    Several organisations of a municipality can share the portal; a curator sees the records of
    the organisations they are a member of, an auditor possibly of several.
    """

    organisation_path = SELF

    full_name = models.CharField(_("full name"), max_length=500)
    short_name = models.CharField(_("short name"), max_length=200)
    address = models.CharField(_("address"), max_length=500, blank=True)
    head_name = models.CharField(_("head"), max_length=200, blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff with access"),
        related_name="organisations",
        blank=True,
        help_text=_("Curators and auditors who work with this organisation's records."),
    )

    history = HistoricalRecords(bases=[TrackedHistory], excluded_fields=["members"])

    grammar = Noun(
        "организация",
        "организации",
        "организацию",
        "образовательные организации",
        "образовательных организаций",
        F,
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["short_name"]

    def __str__(self):
        return self.short_name


class PartnerOrganisation(ProgrammeRecord):
    """A partner (enterprise, university, NGO) whose people mentor under an agreement."""

    organisation_path = "organisation"

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="partners",
    )
    name = models.CharField(_("partner name"), max_length=500)
    agreement_number = models.CharField(_("agreement No."), max_length=50, blank=True)
    agreement_date = models.DateField(_("agreement date"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    contact_person = models.CharField(_("contact person"), max_length=200, blank=True)
    contacts = models.CharField(_("contacts"), max_length=300, blank=True)

    history = HistoricalRecords(bases=[TrackedHistory])

    grammar = Noun(
        "партнёрская организация",
        "партнёрской организации",
        "партнёрскую организацию",
        "партнёрские организации",
        "партнёрских организаций",
        F,
    )

    class Meta:
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.agreement_date and self.valid_until and self.valid_until < self.agreement_date:
            raise ValidationError(
                {"valid_until": _("The agreement cannot end before it is signed.")}
            )
