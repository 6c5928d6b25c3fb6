from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from portal.grammar import F, N, Noun
from portal.uploads import FileContentValidator
from programmes.models.history import TrackedHistory
from programmes.models.participants import Participant
from programmes.models.past_dates import future_date_errors
from programmes.models.records import MATERIAL_EXTENSIONS, SCAN_EXTENSIONS, ProgrammeRecord


class MentorTraining(ProgrammeRecord):
    """A course a mentor took: the «отбор и обучение наставников» stage."""

    organisation_path = "mentor__organisation"

    mentor = models.ForeignKey(
        Participant, verbose_name=_("mentor"), on_delete=models.PROTECT, related_name="trainings"
    )
    course = models.CharField(_("course"), max_length=500)
    hours = models.DecimalField(
        _("hours"), max_digits=6, decimal_places=1, validators=[MinValueValidator(0)]
    )
    completed_on = models.DateField(_("completed on"))
    certificate = models.FileField(
        _("certificate"),
        upload_to="trainings/%Y/",
        blank=True,
        validators=[FileContentValidator(SCAN_EXTENSIONS)],
        help_text=_("PDF, JPG or PNG."),
    )

    history = HistoricalRecords(bases=[TrackedHistory])

    grammar = Noun(
        "обучение наставника",
        "обучения наставника",
        "обучение наставника",
        "обучение наставников",
        "обучения наставников",
        N,
    )

    class Meta:
        verbose_name = _("mentor training")
        verbose_name_plural = _("mentor trainings")
        ordering = ["-completed_on"]

    def __str__(self):
        return f"{self.mentor}: {self.course}"

    def clean(self):
        if self.mentor_id and not self.mentor.is_mentor:
            raise ValidationError(
                {"mentor": _("%(name)s is not in the mentor base.") % {"name": self.mentor}}
            )
        if errors := future_date_errors(self, ("completed_on",)):
            raise ValidationError(errors)


class IncentiveKind(models.TextChoices):
    GRATITUDE = "gratitude", _("Letter of thanks")
    CERTIFICATE = "certificate", _("Certificate of honour")
    PAYMENT = "payment", _("Incentive payment")
    AWARD = "award", _("Nomination for an award")
    MENTOR_OF_THE_YEAR = "mentor_of_the_year", _("Nomination «Mentor of the year»")
    PUBLICATION = "publication", _("Publication of the practice")


class DecisionStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    APPROVED = "approved", pgettext_lazy("decision status", "Approved")
    REJECTED = "rejected", _("Rejected")


class IncentiveDecision(ProgrammeRecord):
    """A decision to reward a mentor (решение о поощрении), from proposal to order."""

    organisation_path = "mentor__organisation"

    mentor = models.ForeignKey(
        Participant, verbose_name=_("mentor"), on_delete=models.PROTECT, related_name="incentives"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=IncentiveKind.choices)
    grounds = models.TextField(_("grounds"))
    amount = models.DecimalField(
        _("amount, roubles"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    status = models.CharField(
        _("status"), max_length=20, choices=DecisionStatus.choices, default=DecisionStatus.PROPOSED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    order = models.ForeignKey(
        "programmes.Order",
        verbose_name=_("order"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="incentive_decisions",
        limit_choices_to={"kind": "incentive"},
    )

    history = HistoricalRecords(bases=[TrackedHistory])

    grammar = Noun(
        "решение о поощрении",
        "решения о поощрении",
        "решение о поощрении",
        "решения о поощрении",
        "решений о поощрении",
        N,
    )

    class Meta:
        verbose_name = _("incentive decision")
        verbose_name_plural = _("incentive decisions")
        ordering = ["-decided_on", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.mentor}"

    def clean(self):
        errors = {}
        if self.mentor_id and not self.mentor.is_mentor:
            errors["mentor"] = _("%(name)s is not in the mentor base.") % {"name": self.mentor}
        if self.kind == IncentiveKind.PAYMENT and self.amount is None:
            errors["amount"] = _("Give the amount of the payment.")
        if self.kind != IncentiveKind.PAYMENT and self.amount is not None:
            errors["amount"] = _("Only a payment has an amount.")
        if self.status != DecisionStatus.PROPOSED and not self.decided_on:
            errors["decided_on"] = _("Give the date of the decision.")
        errors.update(future_date_errors(self, ("decided_on",)))
        if self.order_id:
            if self.order.kind != "incentive":
                errors["order"] = _("This order is of another kind: «%(kind)s».") % {
                    "kind": self.order.get_kind_display()
                }
            elif self.mentor_id and self.order.organisation_id != self.mentor.organisation_id:
                errors["order"] = _("The order belongs to another organisation.")
        if errors:
            raise ValidationError(errors)


class Case(ProgrammeRecord):
    """A successful practice (кейс) worth sharing."""

    organisation_path = "organisation"

    organisation = models.ForeignKey(
        "programmes.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="cases",
    )
    title = models.CharField(_("practice title"), max_length=300)
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
    )
    pair = models.ForeignKey(
        "programmes.Pair",
        verbose_name=_("pair or group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
    )
    description = models.TextField(_("description"))
    file = models.FileField(
        _("materials"),
        upload_to="cases/%Y/",
        blank=True,
        validators=[FileContentValidator(MATERIAL_EXTENSIONS)],
        help_text=_("A document, a table, a presentation, a picture or a ZIP archive."),
    )
    is_published = models.BooleanField(_("published"), default=False)

    history = HistoricalRecords(bases=[TrackedHistory])

    grammar = Noun(
        "успешная практика",
        "успешной практики",
        "успешную практику",
        "успешные практики",
        "успешных практик",
        F,
    )

    class Meta:
        verbose_name = _("successful practice")
        verbose_name_plural = _("successful practices")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.programme_id and self.programme.organisation_id != self.organisation_id:
            raise ValidationError(
                {"programme": _("The programme belongs to another organisation.")}
            )
        if self.pair_id and self.pair.programme.organisation_id != self.organisation_id:
            raise ValidationError({"pair": _("The pair belongs to another organisation.")})
