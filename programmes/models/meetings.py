from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from portal.grammar import F, Noun
from programmes.models.formats import MeetingFormat
from programmes.models.history import TrackedHistory
from programmes.models.pairs import Pair, PairStatus
from programmes.models.participants import Participant
from programmes.models.programmes import Programme
from programmes.models.records import ProgrammeRecord

MEETING_INTERVAL_DAYS = 14


class MeetingKind(models.TextChoices):
    GROUP = "group", _("Group meeting of mentors and mentees")
    INTRODUCTION = "introduction", _("Introduction")
    TRIAL = "trial", _("Trial")
    PLANNING = "planning", _("Planning")
    WORKING = "working", _("Working")
    FINAL = "final", _("Final")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("meeting status", "Planned")
    HELD = "held", pgettext_lazy("meeting status", "Held")


class Meeting(ProgrammeRecord):
    """A meeting of a pair or group, or a group meeting of a programme's mentors and mentees.

    Pairs meet at least once every two weeks. The group meeting comes before the pairs: the
    mentors and mentees get to know each other, and afterwards say whom they would like to
    work with, choosing among those who attended (the preference questionnaire).

    A meeting is planned or held. Only a held one counts for the pair's regularity and can
    have feedback, so it cannot be dated in the future: a meeting «held» next month would
    keep its pair off the overdue list until then.
    """

    organisation_path = "programme__organisation"

    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        blank=True,
        related_name="meetings",
        help_text=_("For a pair's meeting, taken from the pair."),
    )
    pair = models.ForeignKey(
        Pair,
        verbose_name=_("pair or group"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="meetings",
        help_text=_("Empty for a group meeting of the programme's mentors and mentees."),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=MeetingKind.choices, default=MeetingKind.WORKING
    )
    held_at = models.DateTimeField(_("date and time"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MeetingStatus.choices,
        default=MeetingStatus.HELD,
        help_text=_("A held meeting is dated today or earlier; an upcoming one is planned."),
    )
    format = models.CharField(
        _("format"), max_length=20, choices=MeetingFormat.choices, default=MeetingFormat.IN_PERSON
    )
    topic = models.CharField(_("topic"), max_length=500)
    outcome = models.TextField(_("outcome"), blank=True)
    attendees = models.ManyToManyField(
        Participant,
        verbose_name=_("attendees"),
        through="MeetingAttendance",
        related_name="attended_meetings",
        blank=True,
    )

    history = HistoricalRecords(bases=[TrackedHistory])

    grammar = Noun("встреча", "встречи", "встречу", "встречи", "встреч", F)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-held_at"]
        indexes = [
            models.Index(fields=["pair", "held_at"]),
            models.Index(fields=["programme", "held_at"]),
            # The meetings list, newest first, reads its page straight off this index.
            models.Index(fields=["held_at", "id"]),
        ]

    def __str__(self):
        return (
            f"{timezone.localtime(self.held_at):%d.%m.%Y} — {self.topic}"
            if self.held_at
            else self.topic
        )

    def save(self, *args, **kwargs):
        if self.pair_id and not self.programme_id:
            self.programme_id = self.pair.programme_id
        super().save(*args, **kwargs)

    def clean(self):
        if self.pair_id and not self.programme_id:
            self.programme_id = self.pair.programme_id
        if not (self.pair_id or self.programme_id):
            raise ValidationError({"programme": _("Choose the programme or the pair.")})
        if self.pair_id and self.pair.programme_id != self.programme_id:
            raise ValidationError({"pair": _("The pair belongs to another programme.")})
        if self.pair_id is None and self.kind != MeetingKind.GROUP:
            raise ValidationError(
                {"pair": _("Choose the pair or group, or make it a group meeting.")}
            )
        if self.pair_id and self.kind == MeetingKind.GROUP:
            raise ValidationError(
                {"kind": _("A group meeting of the programme is held without a pair.")}
            )
        if not self.held_at:
            return
        if self.status == MeetingStatus.HELD and self.held_at > timezone.now():
            raise ValidationError(
                {
                    "held_at": _(
                        "A held meeting cannot be in the future: check the date, or mark the meeting as planned."
                    )
                }
            )
        day = timezone.localtime(self.held_at).date()
        if self.pair_id is None:
            self._check_programme_period(day)
            return
        if self.pair.status in (PairStatus.DRAFT, PairStatus.TERMINATED) and self._state.adding:
            raise ValidationError({"pair": _("Meetings are held by approved or active pairs.")})
        if day < self.pair.start_date or (self.pair.end_date and day > self.pair.end_date):
            raise ValidationError({"held_at": _("The meeting is outside the pair's period.")})

    def _check_programme_period(self, day):
        if self.programme_id is None:
            return
        programme = self.programme
        if day < programme.start_date or day > programme.end_date:
            raise ValidationError({"held_at": _("The meeting is outside the programme's period.")})

    @property
    def is_group_meeting(self) -> bool:
        return self.pair_id is None

    @property
    def is_held(self) -> bool:
        return self.status == MeetingStatus.HELD


class MeetingAttendance(ProgrammeRecord):
    """Who attended a meeting; one row each, so the history tells who was added and when."""

    organisation_path = "meeting__programme__organisation"

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendance"
    )
    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="attendance",
    )

    history = HistoricalRecords(bases=[TrackedHistory])

    class Meta:
        verbose_name = _("meeting attendance")
        verbose_name_plural = _("meeting attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "participant"], name="unique_attendance_per_meeting"
            )
        ]

    def __str__(self):
        return str(self.participant)

    def clean(self):
        if not (self.meeting_id and self.participant_id):
            return
        if self.participant.organisation_id != self.meeting.programme.organisation_id:
            raise ValidationError(
                {"participant": _("The participant belongs to another organisation.")}
            )


class Feedback(ProgrammeRecord):
    """Feedback on a meeting from the mentor or one of the mentees."""

    organisation_path = "meeting__programme__organisation"

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
    # Asked once, after the pair's first held working meeting; empty on every other feedback.
    suits = models.BooleanField(
        _("Do you suit each other?"),
        null=True,
        blank=True,
        help_text=_("Asked after the pair's first working meeting."),
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)

    history = HistoricalRecords(bases=[TrackedHistory])

    grammar = Noun(
        "обратная связь",
        "обратной связи",
        "обратную связь",
        "обратная связь",
        "обратной связи",
        F,
    )

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
        if pair is None:
            members = set(self.meeting.attendance.values_list("participant_id", flat=True))
        else:
            members = {pair.mentor_id, *pair.mentees.values_list("mentee_id", flat=True)}
        if self.author_id not in members:
            raise ValidationError(
                {"author": _("Feedback comes from the meeting's mentor, mentees or attendees.")}
            )
