"""A change of a participant's identity that a questionnaire answer asked for.

An answer never renames a known participant, moves them to another class or changes their
date of birth: a pupil may type a classmate's name, a parent their own. What the answer says
differently is kept here for the curator, who accepts or rejects it; the participant's record
changes only on acceptance, and its history names the curator who decided.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.grammar import N, Noun
from programmes.models.history import TrackedHistory
from programmes.models.participants import Participant
from programmes.models.records import ProgrammeRecord

# The fields that say who a participant is: an answer only proposes a change to them.
IDENTITY_FIELDS = ("last_name", "first_name", "patronymic", "birth_date", "group")


class ProposalStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting a decision")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


class ParticipantChangeProposal(ProgrammeRecord):
    organisation_path = "participant__organisation"

    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="change_proposals",
    )
    field_name = models.CharField(
        _("what to change"),
        max_length=30,
        choices=[
            (name, Participant._meta.get_field(name).verbose_name) for name in IDENTITY_FIELDS
        ],
    )
    current_value = models.CharField(_("now"), max_length=300, blank=True)
    proposed_value = models.CharField(_("proposed"), max_length=300)
    source = models.CharField(_("where it comes from"), max_length=300)
    proposed_at = models.DateTimeField(_("proposed at"), default=timezone.now)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ProposalStatus.choices,
        default=ProposalStatus.PENDING,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    history = HistoricalRecords(bases=[TrackedHistory])

    grammar = Noun(
        "предложенное изменение данных участника",
        "предложенного изменения данных участника",
        "предложенное изменение данных участника",
        "предложенные изменения данных участников",
        "предложенных изменений данных участников",
        N,
    )

    class Meta:
        verbose_name = _("proposed change of a participant")
        verbose_name_plural = _("proposed changes of participants")
        ordering = ["-proposed_at", "-pk"]
        indexes = [models.Index(fields=["status", "-proposed_at"])]

    def __str__(self):
        return f"{self.participant}: {self.get_field_name_display()}"

    @staticmethod
    def stored(value) -> str:
        """A field's value as a proposal keeps it: dates as ISO, everything else as text."""
        if isinstance(value, datetime.date):
            return value.isoformat()
        return "" if value is None else str(value).strip()

    def value_for_the_record(self):
        """The proposed value in the participant field's own type."""
        return Participant._meta.get_field(self.field_name).to_python(self.proposed_value)

    @staticmethod
    def shown(field_name: str, value: str) -> str:
        if value and field_name == "birth_date":
            return datetime.date.fromisoformat(value).strftime("%d.%m.%Y")
        return value or "—"

    @property
    def current_display(self) -> str:
        return self.shown(self.field_name, self.current_value)

    @property
    def proposed_display(self) -> str:
        return self.shown(self.field_name, self.proposed_value)
