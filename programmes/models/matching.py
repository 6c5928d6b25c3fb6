"""What the curator decides about matching in a programme: its settings and her verdicts.

The suggestions themselves are not stored: programmes/matching/ computes them afresh from the
bases, and the same data always give the same suggestion. What is stored is what the curator
said, so that a re-run keeps it: the weights and rules she chose (MatchingSettings), and each
suggestion she locked or rejected and each pair she said never to put together (MatchDecision).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.grammar import F, N, Noun
from programmes.models.history import TrackedHistory
from programmes.models.participants import Participant
from programmes.models.programmes import Programme
from programmes.models.records import ProgrammeRecord

WEIGHT = [MinValueValidator(0), MaxValueValidator(10)]


class MatchingGoal(models.TextChoices):
    QUALITY = "quality", _("Best quality")
    COVERAGE = "coverage", _("Most mentees matched")


class MatchingSettings(ProgrammeRecord):
    """The curator's rules and weights for matching in one programme; defaults until changed."""

    organisation_path = "programme__organisation"

    programme = models.OneToOneField(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="matching_settings",
    )
    goal = models.CharField(
        _("goal"), max_length=20, choices=MatchingGoal.choices, default=MatchingGoal.QUALITY
    )
    min_score = models.PositiveSmallIntegerField(
        _("lowest score of a suggestion"),
        default=1,
        validators=[MaxValueValidator(40)],
        help_text=_("With the goal «best quality», no pair scoring less is suggested."),
    )
    class_gap = models.PositiveSmallIntegerField(
        _("the mentor's class is higher by at least"),
        default=1,
        validators=[MaxValueValidator(10)],
        help_text=_("Pupil – pupil: 0 lets classmates mentor each other."),
    )
    young_specialist_age = models.PositiveSmallIntegerField(
        _("a young specialist is younger than"),
        default=35,
        validators=[MinValueValidator(18), MaxValueValidator(70)],
        help_text=_("Teacher – teacher: mentees younger than this, or young specialists."),
    )
    weight_mutual = models.PositiveSmallIntegerField(
        _("mutual choice"), default=10, validators=WEIGHT
    )
    weight_requests = models.PositiveSmallIntegerField(
        _("requests and competences"), default=6, validators=WEIGHT
    )
    weight_format = models.PositiveSmallIntegerField(
        _("format of meetings"), default=3, validators=WEIGHT
    )
    weight_class = models.PositiveSmallIntegerField(
        _("closeness of classes"), default=2, validators=WEIGHT
    )

    history = HistoricalRecords(bases=[TrackedHistory])

    grammar = Noun(
        "настройки подбора",
        "настроек подбора",
        "настройки подбора",
        "настройки подбора",
        "настроек подбора",
        F,
    )

    class Meta:
        verbose_name = _("matching settings")
        verbose_name_plural = _("matching settings")

    def __str__(self):
        return str(self.programme)


class DecisionKind(models.TextChoices):
    LOCKED = "locked", _("Locked: keep this pair")
    REJECTED = "rejected", _("Rejected: suggest another")
    EXCLUDED = "excluded", _("Never put together")


class MatchDecision(ProgrammeRecord):
    """A curator's verdict on a mentor and a mentee in a programme's matching."""

    organisation_path = "programme__organisation"

    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="match_decisions",
    )
    mentor = models.ForeignKey(
        Participant,
        verbose_name=_("mentor"),
        on_delete=models.CASCADE,
        related_name="match_decisions_as_mentor",
    )
    mentee = models.ForeignKey(
        Participant,
        verbose_name=_("mentee"),
        on_delete=models.CASCADE,
        related_name="match_decisions_as_mentee",
    )
    kind = models.CharField(_("decision"), max_length=20, choices=DecisionKind.choices)
    reason = models.CharField(_("reason"), max_length=500, blank=True)

    history = HistoricalRecords(bases=[TrackedHistory])

    grammar = Noun(
        "решение по подбору",
        "решения по подбору",
        "решение по подбору",
        "решения по подбору",
        "решений по подбору",
        N,
    )

    class Meta:
        verbose_name = _("matching decision")
        verbose_name_plural = _("matching decisions")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "mentor", "mentee"], name="one_match_decision_per_pair"
            )
        ]

    def __str__(self):
        return f"{self.mentor} — {self.mentee}: {self.get_kind_display()}"

    def clean(self):
        errors = {}
        if self.kind == DecisionKind.EXCLUDED and not self.reason.strip():
            errors["reason"] = _("Say why these two must not be put together.")
        if self.mentor_id and self.mentor_id == self.mentee_id:
            errors["mentee"] = _("Nobody can mentor themselves.")
        if self.programme_id:
            organisation = self.programme.organisation_id
            for field in ("mentor", "mentee"):
                person = getattr(self, field) if getattr(self, f"{field}_id") else None
                if person and person.organisation_id != organisation:
                    errors[field] = _("%(name)s belongs to another organisation.") % {
                        "name": person
                    }
        if errors:
            raise ValidationError(errors)
