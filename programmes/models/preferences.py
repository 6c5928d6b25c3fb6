from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.grammar import N, Noun
from programmes.models.history import TrackedHistory
from programmes.models.participants import Participant
from programmes.models.programmes import Programme
from programmes.models.records import ProgrammeRecord


class MatchPreference(ProgrammeRecord):
    """Whom a participant would like as their mentor or mentee, said after the group meeting.

    The curator sees these when forming pairs; matching later weighs mutual choices.
    """

    organisation_path = "participant__organisation"

    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="preferences",
    )
    preferred = models.ForeignKey(
        Participant,
        verbose_name=_("would like to work with"),
        on_delete=models.CASCADE,
        related_name="preferred_by",
    )
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="preferences",
    )
    reason = models.TextField(_("why"), blank=True)
    stated_at = models.DateTimeField(_("stated at"), default=timezone.now)

    history = HistoricalRecords(bases=[TrackedHistory])

    grammar = Noun(
        "предпочтение",
        "предпочтения",
        "предпочтение",
        "предпочтения",
        "предпочтений",
        N,
    )

    class Meta:
        verbose_name = _("preference")
        verbose_name_plural = _("preferences")
        ordering = ["-stated_at"]

    def __str__(self):
        return f"{self.participant} → {self.preferred}"

    def clean(self):
        if self.participant_id and self.participant_id == self.preferred_id:
            raise ValidationError({"preferred": _("Choose someone other than yourself.")})

    @property
    def is_mutual(self) -> bool:
        return MatchPreference.objects.filter(
            participant=self.preferred_id, preferred=self.participant_id
        ).exists()
