import datetime

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from portal.grammar import M, Noun
from programmes.models.formats import MeetingFormat
from programmes.models.history import TrackedHistory
from programmes.models.organisations import Organisation, PartnerOrganisation
from programmes.models.past_dates import future_date_errors
from programmes.models.records import ProgrammeRecord

ADULT_AGE = 18


class ParticipantCategory(models.TextChoices):
    STUDENT = "student", _("Pupil")
    TEACHER = "teacher", _("Teacher")
    YOUNG_SPECIALIST = "young_specialist", _("Young specialist")
    GRADUATE = "graduate", _("Graduate")
    COLLEGE_STUDENT = "college_student", _("Student of a college or university")
    PARTNER = "partner", _("Partner organisation's representative")


class ParticipantStatus(models.TextChoices):
    ACTIVE = "active", pgettext_lazy("participant status", "Active")
    # The consent to processing was withdrawn: no pairs, no questionnaires, the data await
    # erasure. Only the curator makes them active again, after a new consent.
    SUSPENDED = "suspended", _("Participation suspended: consent withdrawn")
    LEFT = "left", _("Left the programme")


class Participant(ProgrammeRecord):
    """A mentor and/or mentee (наставник / наставляемый): the mentor and mentee bases."""

    organisation_path = "organisation"

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="participants",
    )
    last_name = models.CharField(_("last name"), max_length=100)
    first_name = models.CharField(_("first name"), max_length=100)
    patronymic = models.CharField(_("patronymic"), max_length=100, blank=True)
    is_mentor = models.BooleanField(_("mentor"), default=False)
    is_mentee = models.BooleanField(_("mentee"), default=False)
    category = models.CharField(_("category"), max_length=30, choices=ParticipantCategory.choices)
    group = models.CharField(
        _("class, group or position"),
        max_length=200,
        blank=True,
        help_text=_("For example: 8 «Б», ИС-21, учитель математики"),
    )
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    partner_organisation = models.ForeignKey(
        PartnerOrganisation,
        verbose_name=_("partner organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mentors",
        help_text=_("For mentors from a partner organisation."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participant",
    )
    competences = models.TextField(
        _("competences and experience"), blank=True, help_text=_("For mentors.")
    )
    interests = models.TextField(_("interests"), blank=True)
    requests = models.TextField(
        _("requests"), blank=True, help_text=_("For mentees: what they want help with.")
    )
    preferred_format = models.CharField(
        _("preferred format of meetings"),
        max_length=20,
        choices=MeetingFormat.choices,
        blank=True,
        help_text=_("Empty if it does not matter. Matching weighs it."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ParticipantStatus.choices,
        default=ParticipantStatus.ACTIVE,
    )
    joined_on = models.DateField(_("joined on"), default=timezone.localdate)
    left_on = models.DateField(_("left on"), null=True, blank=True)

    history = HistoricalRecords(bases=[TrackedHistory])

    grammar = Noun("участник", "участника", "участника", "участники", "участников", M)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["last_name", "first_name", "patronymic"]
        indexes = [
            models.Index(fields=["organisation", "last_name"]),
            # The participants list in its order, without sorting the whole base.
            models.Index(fields=["last_name", "first_name", "patronymic"]),
        ]

    def __str__(self):
        return self.full_name

    def clean(self):
        errors = {}
        if not (self.is_mentor or self.is_mentee):
            errors["is_mentor"] = _("A participant is a mentor, a mentee or both.")
        if self.status == ParticipantStatus.LEFT and not self.left_on:
            errors["left_on"] = _("Give the date the participant left.")
        if self.left_on and self.joined_on and self.left_on < self.joined_on:
            errors["left_on"] = _("A participant cannot leave before joining.")
        if self.birth_date and self.birth_date > timezone.localdate():
            errors["birth_date"] = _("The date of birth is in the future.")
        # Joining may be entered ahead; leaving is recorded once it has happened.
        errors.update(future_date_errors(self, ("left_on",)))
        if (
            self.partner_organisation_id
            and self.partner_organisation.organisation_id != self.organisation_id
        ):
            errors["partner_organisation"] = _("The partner belongs to another organisation.")
        if errors:
            raise ValidationError(errors)

    @property
    @admin.display(description=_("Full name"))
    def full_name(self) -> str:
        return " ".join(part for part in (self.last_name, self.first_name, self.patronymic) if part)

    @admin.display(description=_("Roles"))
    def roles_display(self) -> str:
        roles = []
        if self.is_mentor:
            roles.append(str(_("mentor")))
        if self.is_mentee:
            roles.append(str(_("mentee")))
        return ", ".join(roles)

    def is_minor(self, on: datetime.date | None = None) -> bool:
        """Unknown age counts as a minor: a school must not assume a child is an adult."""
        if self.birth_date is None:
            return self.category == ParticipantCategory.STUDENT
        on = on or timezone.localdate()
        had_birthday = (on.month, on.day) >= (self.birth_date.month, self.birth_date.day)
        return on.year - self.birth_date.year - (0 if had_birthday else 1) < ADULT_AGE
