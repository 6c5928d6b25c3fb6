from django.contrib import admin
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from portal.grammar import F, M, Noun
from programmes.models.agreements import needs_agreement
from programmes.models.history import TrackedHistory
from programmes.models.participants import Participant
from programmes.models.past_dates import LATER_THAN_TODAY
from programmes.models.programmes import Programme
from programmes.models.records import ProgrammeRecord


class PairStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", pgettext_lazy("pair status", "Approved")
    ACTIVE = "active", pgettext_lazy("pair status", "Active")
    COMPLETED = "completed", _("Completed")
    TERMINATED = "terminated", _("Terminated")


# draft → approved → active → completed, or terminated from any open status.
PAIR_TRANSITIONS = {
    PairStatus.DRAFT: {PairStatus.APPROVED, PairStatus.TERMINATED},
    PairStatus.APPROVED: {PairStatus.ACTIVE, PairStatus.TERMINATED},
    PairStatus.ACTIVE: {PairStatus.COMPLETED, PairStatus.TERMINATED},
    PairStatus.COMPLETED: set(),
    PairStatus.TERMINATED: set(),
}
OPEN_PAIR_STATUSES = (PairStatus.DRAFT, PairStatus.APPROVED, PairStatus.ACTIVE)
CONSENT_REQUIRED_STATUSES = (PairStatus.APPROVED, PairStatus.ACTIVE)


class Pair(ProgrammeRecord):
    """A mentoring pair, or a group when the mentor has several mentees.

    The mentees are rows of their own (PairMentee), each with its own history; a mentee who
    leaves keeps the row with the date and reason, so the auditor can tell who was in the
    group on any day.
    """

    organisation_path = "programme__organisation"

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="pairs"
    )
    mentor = models.ForeignKey(
        Participant,
        verbose_name=_("mentor"),
        on_delete=models.PROTECT,
        related_name="mentored_pairs",
    )
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PairStatus.choices, default=PairStatus.DRAFT
    )
    termination_reason = models.TextField(_("reason for termination"), blank=True)
    order = models.ForeignKey(
        "programmes.Order",
        verbose_name=_("approving order"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="approved_pairs",
        limit_choices_to={"kind": "approval"},
    )
    termination_order = models.ForeignKey(
        "programmes.Order",
        verbose_name=_("terminating order"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="terminated_pairs",
        limit_choices_to={"kind": "termination"},
    )
    goals = models.TextField(_("goals"), blank=True)

    history = HistoricalRecords(bases=[TrackedHistory])

    grammar = Noun(
        "пара или группа",
        "пары или группы",
        "пару или группу",
        "пары и группы",
        "пар и групп",
        F,
    )

    class Meta:
        verbose_name = _("pair or group")
        verbose_name_plural = _("pairs and groups")
        ordering = ["-start_date", "pk"]
        indexes = [
            models.Index(fields=["status", "start_date"]),
            models.Index(fields=["start_date", "id"]),  # the pairs list, newest first
        ]

    def __str__(self):
        return _("%(mentor)s, from %(start)s") % {
            "mentor": self.mentor.full_name if self.mentor_id else "—",
            "start": self.start_date.strftime("%d.%m.%Y") if self.start_date else "—",
        }

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The pair cannot end before it starts.")
        if self.programme_id and self.start_date:
            programme = self.programme
            if not programme.start_date <= self.start_date <= programme.end_date:
                errors["start_date"] = _(
                    "The pair starts outside the programme's period (%(start)s – %(end)s)."
                ) % {
                    "start": programme.start_date.strftime("%d.%m.%Y"),
                    "end": programme.end_date.strftime("%d.%m.%Y"),
                }
        if self.status == PairStatus.TERMINATED and not self.termination_reason.strip():
            errors["termination_reason"] = _("Give the reason the pair was terminated.")
        errors.update(self._order_errors())
        if self.mentor_id and not self.mentor.is_mentor:
            errors["mentor"] = _("%(name)s is not in the mentor base.") % {"name": self.mentor}
        if (
            self.mentor_id
            and self.programme_id
            and self.mentor.organisation_id != self.programme.organisation_id
        ):
            errors["mentor"] = _("The mentor belongs to another organisation.")
        previous = self.stored_status()
        if previous and self.status != previous and self.status not in PAIR_TRANSITIONS[previous]:
            errors["status"] = _("The status cannot change from «%(old)s» to «%(new)s».") % {
                "old": PairStatus(previous).label,
                "new": PairStatus(self.status).label,
            }
        if errors:
            raise ValidationError(errors)

    def _order_errors(self) -> dict[str, str]:
        """The orders: of the right kind and organisation; an approved pair has one, and, where
        art. 351.8 of the Labour Code asks for it, the mentor's agreement too."""
        errors = {}
        organisation_id = self.programme.organisation_id if self.programme_id else None
        for name, kind in (("order", "approval"), ("termination_order", "termination")):
            order = getattr(self, name)
            if order is None:
                continue
            if order.kind != kind:
                errors[name] = _("This order is of another kind: «%(kind)s».") % {
                    "kind": order.get_kind_display()
                }
            elif organisation_id and order.organisation_id != organisation_id:
                errors[name] = _("The order belongs to another organisation.")
        if self.status in CONSENT_REQUIRED_STATUSES:
            if self.order_id is None:
                errors.setdefault("order", _("An approved pair needs the approving order."))
            if needs_agreement(self) and not self.has_agreement():
                errors["status"] = _(
                    "%(pair)s: the mentor needs a written consent and a mentoring agreement "
                    "(art. 351.8 of the Labour Code) before the pair is approved."
                ) % {"pair": self}
        return errors

    def has_agreement(self) -> bool:
        if self.pk is None:
            return False
        try:
            return self.agreement is not None
        except ObjectDoesNotExist:
            return False

    def stored_status(self) -> str | None:
        if self.pk is None:
            return None
        return Pair.objects.filter(pk=self.pk).values_list("status", flat=True).first()

    @property
    def is_group(self) -> bool:
        return len(self.current_mentees()) > 1

    def current_mentees(self) -> list["PairMentee"]:
        return [membership for membership in self.mentees.all() if membership.left_on is None]

    @admin.display(description=_("mentees"))
    def mentees_summary(self) -> str:
        """Everyone who has been a mentee of the pair, with their dates."""
        lines = []
        for membership in self.mentees.select_related("mentee").order_by("joined_on", "pk"):
            line = _("%(name)s, from %(joined)s") % {
                "name": membership.mentee,
                "joined": membership.joined_on.strftime("%d.%m.%Y"),
            }
            if membership.left_on:
                line += _(" to %(left)s (%(reason)s)") % {
                    "left": membership.left_on.strftime("%d.%m.%Y"),
                    "reason": membership.left_reason,
                }
            lines.append(line)
        return "; ".join(lines)


class PairMentee(ProgrammeRecord):
    """A mentee's membership of a pair or group, from joining to leaving."""

    organisation_path = "pair__programme__organisation"

    pair = models.ForeignKey(
        Pair, verbose_name=_("pair or group"), on_delete=models.CASCADE, related_name="mentees"
    )
    mentee = models.ForeignKey(
        Participant, verbose_name=_("mentee"), on_delete=models.PROTECT, related_name="memberships"
    )
    joined_on = models.DateField(_("joined on"), default=timezone.localdate)
    left_on = models.DateField(_("left on"), null=True, blank=True)
    left_reason = models.CharField(_("reason for leaving"), max_length=500, blank=True)

    history = HistoricalRecords(bases=[TrackedHistory])

    grammar = Noun(
        "наставляемый в паре",
        "наставляемого в паре",
        "наставляемого в паре",
        "наставляемые в парах",
        "наставляемых в парах",
        M,
    )

    class Meta:
        verbose_name = _("mentee of a pair")
        verbose_name_plural = _("mentees of pairs")
        constraints = [
            models.UniqueConstraint(fields=["pair", "mentee"], name="unique_mentee_per_pair")
        ]

    def __str__(self):
        return str(self.mentee)

    def clean(self):
        if self.left_on and self.joined_on and self.left_on < self.joined_on:
            raise ValidationError({"left_on": _("A mentee cannot leave before joining.")})
        if self.left_on and not self.left_reason.strip():
            raise ValidationError({"left_reason": _("Give the reason the mentee left.")})
        self._check_not_later_than_today()

    def _check_not_later_than_today(self) -> None:
        """Joining and leaving have happened, except in a pair that has not started yet: its
        mentees join on its start, and one who leaves before it leaves on that day."""
        today = timezone.localdate()
        start = self.pair.start_date if self.pair_id and self.pair.start_date else today
        if self.joined_on and self.joined_on > max(today, start):
            raise ValidationError(
                {
                    "joined_on": _(
                        "«%(field)s» cannot be later than today or than the pair's start."
                    )
                    % {"field": capfirst(self._meta.get_field("joined_on").verbose_name)}
                }
            )
        if self.left_on and self.joined_on and self.left_on > max(today, self.joined_on):
            raise ValidationError(
                {
                    "left_on": LATER_THAN_TODAY
                    % {"field": capfirst(self._meta.get_field("left_on").verbose_name)}
                }
            )
