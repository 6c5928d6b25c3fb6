from django.conf import settings
from django.contrib import admin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.grammar import M, Noun
from programmes.models.history import TrackedHistory
from programmes.models.organisations import Organisation
from programmes.models.records import ProgrammeRecord

# How long after the withdrawal of the consent to processing the participant's personal data
# must be destroyed (152-ФЗ, art. 21 part 5: «в срок, не превышающий тридцати дней»).
ERASURE_PERIOD_DAYS = 30


class ErasureAct(ProgrammeRecord):
    """The record that a participant's personal data were erased: who, when, which kinds.

    It holds no personal data itself: the participant is named by their former number only,
    so the act can be kept and shown to an auditor for as long as the organisation needs.
    """

    organisation_path = "organisation"

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="erasure_acts",
    )
    former_participant_id = models.PositiveBigIntegerField(
        _("participant's No."), db_index=True, unique=True
    )
    erased_at = models.DateTimeField(_("erased at"), default=timezone.now)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("erased by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty when erased by the scheduled command."),
    )
    consent_withdrawn_on = models.DateField(
        _("consent to processing withdrawn on"), null=True, blank=True
    )
    erased_data = models.JSONField(
        _("data erased"), default=list, blank=True, help_text=_("The kinds of data erased.")
    )

    history = HistoricalRecords(bases=[TrackedHistory])

    grammar = Noun(
        "акт об уничтожении персональных данных",
        "акта об уничтожении персональных данных",
        "акт об уничтожении персональных данных",
        "акты об уничтожении персональных данных",
        "актов об уничтожении персональных данных",
        M,
    )

    class Meta:
        verbose_name = _("act of erasure of personal data")
        verbose_name_plural = _("acts of erasure of personal data")
        ordering = ["-erased_at"]

    def __str__(self):
        return _("Erasure of the data of participant No. %(id)s, %(date)s") % {
            "id": self.former_participant_id,
            "date": timezone.localtime(self.erased_at).strftime("%d.%m.%Y")
            if self.erased_at
            else "—",
        }

    @admin.display(description=_("data erased"))
    def erased_data_display(self) -> str:
        return "; ".join(str(label) for label in self.erased_data or [])
