import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from programmes.models.history import TrackedHistory
from programmes.models.participants import Participant


class ConsentKind(models.TextChoices):
    PROCESSING = "processing", _("Processing of personal data")
    DISSEMINATION = "dissemination", _("Dissemination of personal data (name, photo)")


class ConsentGiver(models.TextChoices):
    PARTICIPANT = "participant", _("The participant")
    REPRESENTATIVE = "representative", _("Legal representative")


class ConsentQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date):
        return self.filter(
            Q(given_on__lte=day),
            Q(valid_until__isnull=True) | Q(valid_until__gte=day),
            Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=day),
        )


class Consent(models.Model):
    """A consent to the processing (or dissemination) of a participant's personal data."""

    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="consents",
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=ConsentKind.choices, default=ConsentKind.PROCESSING
    )
    given_by = models.CharField(
        _("given by"), max_length=20, choices=ConsentGiver.choices, default=ConsentGiver.PARTICIPANT
    )
    representative_name = models.CharField(
        _("legal representative's full name"),
        max_length=300,
        blank=True,
        help_text=_("For a minor."),
    )
    given_on = models.DateField(_("given on"), default=timezone.localdate)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    scan = models.FileField(
        _("scan of the signed consent"),
        upload_to="consents/%Y/",
        blank=True,
        help_text=_("Served only to staff."),
    )
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)

    objects = ConsentQuerySet.as_manager()
    history = HistoricalRecords(bases=[TrackedHistory])

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_on"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.participant}"

    def clean(self):
        errors = {}
        if self.given_by == ConsentGiver.REPRESENTATIVE and not self.representative_name.strip():
            errors["representative_name"] = _("Give the legal representative's full name.")
        if self.valid_until and self.given_on and self.valid_until < self.given_on:
            errors["valid_until"] = _("A consent cannot expire before it is given.")
        if self.withdrawn_on and self.given_on and self.withdrawn_on < self.given_on:
            errors["withdrawn_on"] = _("A consent cannot be withdrawn before it is given.")
        if (
            self.participant_id
            and self.given_by == ConsentGiver.PARTICIPANT
            and self.participant.is_minor(self.given_on)
        ):
            errors["given_by"] = _(
                "The participant is a minor: the consent is given by a legal representative."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def history_organisation_id(self):
        return self.participant.organisation_id

    def is_valid(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return (
            self.given_on <= on
            and (self.valid_until is None or self.valid_until >= on)
            and (self.withdrawn_on is None or self.withdrawn_on > on)
        )
