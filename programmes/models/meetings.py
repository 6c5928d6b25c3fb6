from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from programmes.models.history import TrackedHistory
from programmes.models.pairs import Pair, PairStatus
from programmes.models.participants import Participant

MEETING_INTERVAL_DAYS = 14


class MeetingKind(models.TextChoices):
    INTRODUCTION = "introduction", _("Introduction")
    TRIAL = "trial", _("Trial")
    PLANNING = "planning", _("Planning")
    WORKING = "working", _("Working")
    FINAL = "final", _("Final")


class MeetingFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    REMOTE = "remote", _("Remote")


class Meeting(models.Model):
    """A meeting of a pair or group; pairs meet at least once every two weeks."""

    pair = models.ForeignKey(
        Pair, verbose_name=_("pair or group"), on_delete=models.CASCADE, related_name="meetings"
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=MeetingKind.choices, default=MeetingKind.WORKING
    )
    held_at = models.DateTimeField(_("date and time"))
    format = models.CharField(
        _("format"), max_length=20, choices=MeetingFormat.choices, default=MeetingFormat.IN_PERSON
    )
    topic = models.CharField(_("topic"), max_length=500)
    outcome = models.TextField(_("outcome"), blank=True)

    history = HistoricalRecords(bases=[TrackedHistory])

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-held_at"]
        indexes = [models.Index(fields=["pair", "held_at"])]

    def __str__(self):
        return (
            f"{timezone.localtime(self.held_at):%d.%m.%Y} — {self.topic}"
            if self.held_at
            else self.topic
        )

    def clean(self):
        if not (self.pair_id and self.held_at):
            return
        day = timezone.localtime(self.held_at).date()
        if self.pair.status in (PairStatus.DRAFT, PairStatus.TERMINATED) and self._state.adding:
            raise ValidationError({"pair": _("Meetings are held by approved or active pairs.")})
        if day < self.pair.start_date or (self.pair.end_date and day > self.pair.end_date):
            raise ValidationError({"held_at": _("The meeting is outside the pair's period.")})

    @property
    def history_organisation_id(self):
        return self.pair.programme.organisation_id


class Feedback(models.Model):
    """Feedback on a meeting from the mentor or one of the mentees."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="feedback"
    )
    author = models.ForeignKey(
        Participant, verbose_name=_("author"), on_delete=models.PROTECT, related_name="feedback"
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"),
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("From 1 to 5."),
    )
    comment = models.TextField(_("comment"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)

    history = HistoricalRecords(bases=[TrackedHistory])

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "author"], name="one_feedback_per_author")
        ]

    def __str__(self):
        return f"{self.author}: {self.rating}"

    def clean(self):
        if not (self.meeting_id and self.author_id):
            return
        pair = self.meeting.pair
        members = {pair.mentor_id, *pair.mentees.values_list("mentee_id", flat=True)}
        if self.author_id not in members:
            raise ValidationError(
                {"author": _("Feedback comes from the pair's mentor or mentees.")}
            )

    @property
    def history_organisation_id(self):
        return self.author.organisation_id
