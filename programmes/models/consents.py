import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.grammar import N, Noun
from portal.uploads import FileContentValidator
from programmes.models.history import TrackedHistory
from programmes.models.participants import Participant
from programmes.models.past_dates import future_date_errors
from programmes.models.records import SCAN_EXTENSIONS, ProgrammeRecord


class ConsentKind(models.TextChoices):
    PROCESSING = "processing", _("Processing of personal data")
    DISSEMINATION = "dissemination", _("Dissemination of personal data (name, photo)")


class ConsentGiver(models.TextChoices):
    PARTICIPANT = "participant", _("The participant")
    REPRESENTATIVE = "representative", _("Legal representative")


class ConsentSource(models.TextChoices):
    WEB = "web", _("Web form")
    PAPER = "paper", _("Paper")


# What the law asks a written consent to name (art. 9 part 4 of 152-ФЗ): the subject's details,
# and for a consent given by a representative, the representative's and their authority.
SUBJECT_DETAILS = (
    "subject_name",
    "subject_address",
    "subject_document",
    "subject_document_date",
    "subject_document_issuer",
)
REPRESENTATIVE_DETAILS = (
    "representative_name",
    "representative_address",
    "representative_document",
    "representative_document_date",
    "representative_document_issuer",
    "representative_authority",
)
DETAIL_FIELDS = SUBJECT_DETAILS + REPRESENTATIVE_DETAILS


SUBJECT_MESSAGES = {
    "subject_name": _("Give the full name of the person whose data it is."),
    "subject_address": _("Give the address of the person whose data it is."),
    "subject_document": _("Give the kind and number of the identity document."),
    "subject_document_date": _("Give the date the identity document was issued."),
    "subject_document_issuer": _("Give who issued the identity document."),
}
REPRESENTATIVE_MESSAGES = {
    "representative_name": _("Give the legal representative's full name."),
    "representative_address": _("Give the legal representative's address."),
    "representative_document": _(
        "Give the kind and number of the legal representative's identity document."
    ),
    "representative_document_date": _(
        "Give the date the legal representative's identity document was issued."
    ),
    "representative_document_issuer": _(
        "Give who issued the legal representative's identity document."
    ),
    "representative_authority": _(
        "Give the document confirming the representative's authority (for example, the child's birth certificate)."
    ),
}


# Codes of refusals, for callers that react to one of them.
DUPLICATE = "duplicate"


class ConsentQuerySet(models.QuerySet):
    def valid_on(self, day: datetime.date):
        return self.filter(
            Q(given_on__lte=day),
            Q(valid_until__isnull=True) | Q(valid_until__gte=day),
            Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=day),
        )


class Consent(ProgrammeRecord):
    """A consent to the processing (or dissemination) of a participant's personal data.

    A consent given on the portal (source «web form») keeps the exact text accepted, when,
    from which address and browser; a paper one keeps its scan. Either names the subject and,
    for a minor, the legal representative with the document confirming their authority.
    """

    organisation_path = "participant__organisation"

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
    source = models.CharField(
        _("source"), max_length=10, choices=ConsentSource.choices, default=ConsentSource.PAPER
    )
    text = models.TextField(
        _("text of the consent"),
        blank=True,
        help_text=_("The exact version of the text that was accepted."),
    )
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=500, blank=True)

    subject_name = models.CharField(_("subject's full name"), max_length=300, blank=True)
    subject_address = models.CharField(_("subject's address"), max_length=500, blank=True)
    subject_document = models.CharField(
        _("subject's identity document"),
        max_length=200,
        blank=True,
        help_text=_("Kind, series and number: for example, passport 2204 123456."),
    )
    subject_document_date = models.DateField(
        _("subject's document issued on"), null=True, blank=True
    )
    subject_document_issuer = models.CharField(
        _("subject's document issued by"), max_length=500, blank=True
    )

    representative_name = models.CharField(
        _("legal representative's full name"),
        max_length=300,
        blank=True,
        help_text=_("For a minor."),
    )
    representative_address = models.CharField(
        _("legal representative's address"), max_length=500, blank=True
    )
    representative_document = models.CharField(
        _("legal representative's identity document"),
        max_length=200,
        blank=True,
        help_text=_("Kind, series and number: for example, passport 2204 123456."),
    )
    representative_document_date = models.DateField(
        _("legal representative's document issued on"), null=True, blank=True
    )
    representative_document_issuer = models.CharField(
        _("legal representative's document issued by"), max_length=500, blank=True
    )
    representative_authority = models.CharField(
        _("document confirming the representative's authority"),
        max_length=500,
        blank=True,
        help_text=_("For example: birth certificate IV-ТН No. 123456 of 01.02.2010."),
    )
    given_on = models.DateField(_("given on"), default=timezone.localdate)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    scan = models.FileField(
        _("scan of the signed consent"),
        upload_to="consents/%Y/",
        blank=True,
        validators=[FileContentValidator(SCAN_EXTENSIONS)],
        help_text=_("PDF, JPG or PNG. Served only to staff."),
    )
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawal_reason = models.CharField(_("reason for withdrawal"), max_length=500, blank=True)

    objects = ConsentQuerySet.as_manager()
    history = HistoricalRecords(bases=[TrackedHistory])

    grammar = Noun(
        "согласие на обработку персональных данных",
        "согласия на обработку персональных данных",
        "согласие на обработку персональных данных",
        "согласия на обработку персональных данных",
        "согласий на обработку персональных данных",
        N,
    )

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_on"]
        constraints = [
            # Two open-ended consents of one kind, neither withdrawn, are in force together for
            # good. A consent with an end date can only be checked against the calendar, which
            # `clean` does (`duplicate`); given_by is part of the key because a minor's own
            # consent counts for nothing and must not block the representative's.
            models.UniqueConstraint(
                fields=["participant", "kind", "given_by"],
                condition=Q(withdrawn_on__isnull=True, valid_until__isnull=True),
                name="one_open_consent_per_kind",
                violation_error_message=_(
                    "A consent of this kind is already in force for this participant."
                ),
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.participant}"

    def clean(self):
        errors = {}
        if self.given_by == ConsentGiver.REPRESENTATIVE:
            errors.update(self._missing(REPRESENTATIVE_DETAILS, REPRESENTATIVE_MESSAGES))
        if self.source == ConsentSource.WEB or self.given_by == ConsentGiver.PARTICIPANT:
            # Art. 9 part 4 of 152-ФЗ: a written consent names its subject, their address and
            # identity document. A web consent has only what was typed in; an adult's paper
            # one is looked up by these details, not by opening its scan.
            errors.update(self._missing(SUBJECT_DETAILS, SUBJECT_MESSAGES))
        if self.source == ConsentSource.WEB:
            if not self.text.strip():
                errors["text"] = _("A consent given on the portal keeps the text accepted.")
            if not self.accepted_at:
                errors["accepted_at"] = _(
                    "A consent given on the portal keeps when it was accepted."
                )
        for name in ("subject_document_date", "representative_document_date"):
            value = getattr(self, name)
            if value and value > timezone.localdate():
                errors[name] = _("The document's date of issue is in the future.")
        errors.update(future_date_errors(self, ("given_on", "accepted_at", "withdrawn_on")))
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
        errors.update(self._duplicate_errors())
        if errors:
            raise ValidationError(errors)

    def duplicate(self) -> "Consent | None":
        """Another consent of the same kind for the participant, in force alongside this one.

        Not withdrawn, and its period (from given_on to valid_until) overlaps this one's. A
        withdrawn consent has no duplicate: it is a record of the past. A minor's own consent
        is ignored, as it counts for nothing (programmes.selectors.consents).
        """
        if not (self.participant_id and self.given_on) or self.withdrawn_on:
            return None
        others = (
            Consent.objects.filter(
                participant_id=self.participant_id, kind=self.kind, withdrawn_on__isnull=True
            )
            .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=self.given_on))
            .exclude(pk=self.pk)
        )
        if self.valid_until:
            others = others.filter(given_on__lte=self.valid_until)
        if self.participant.is_minor(self.given_on):
            others = others.exclude(given_by=ConsentGiver.PARTICIPANT)
        return others.order_by("-given_on", "-pk").first()

    def _duplicate_errors(self) -> dict:
        other = self.duplicate()
        if other is None:
            return {}
        return {
            "kind": ValidationError(
                _(
                    "A consent of this kind was already given on %(date)s and is in force. "
                    "A second one is not needed; to replace it, withdraw the earlier one first."
                )
                % {"date": other.given_on.strftime("%d.%m.%Y")},
                code=DUPLICATE,
            )
        }

    def _missing(self, names, messages) -> dict:
        missing = {}
        for name in names:
            value = getattr(self, name)
            if value is None or (isinstance(value, str) and not value.strip()):
                missing[name] = messages[name]
        return missing

    def is_valid(self, on: datetime.date | None = None) -> bool:
        on = on or timezone.localdate()
        return (
            self.given_on <= on
            and (self.valid_until is None or self.valid_until >= on)
            and (self.withdrawn_on is None or self.withdrawn_on > on)
        )
