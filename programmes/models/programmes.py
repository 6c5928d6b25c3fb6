from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal.grammar import F, Noun
from programmes.models.history import TrackedHistory
from programmes.models.organisations import Organisation
from programmes.models.records import ProgrammeRecord


class MatchingRule(models.TextChoices):
    """Who may mentor whom in a form of mentoring: the hard rules of matching."""

    PUPIL_PUPIL = "pupil_pupil", _("Pupil – pupil: the mentor is in a higher class")
    TEACHER_TEACHER = (
        "teacher_teacher",
        _("Teacher – teacher: an experienced teacher and a young specialist"),
    )
    STUDENT_PUPIL = "student_pupil", _("Student – pupil: the mentor is a student")
    STUDENT_STUDENT = "student_student", _("Student – student")
    TEACHER_PUPIL = "teacher_pupil", _("Teacher – pupil")
    EMPLOYER = "employer", _("Employer – pupil or student: the mentor is from a partner")
    ANY = "any", _("No rules of the form")


class MentoringForm(ProgrammeRecord):
    """A form of mentoring («ученик – ученик», «учитель – учитель», …).

    A model rather than fixed choices: the methodology lists the usual forms, and an
    organisation may add its own (for example «педагог – родитель»).
    """

    organisation_path = None

    name = models.CharField(_("form name"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    matching_rule = models.CharField(
        _("who may mentor whom"),
        max_length=30,
        choices=MatchingRule.choices,
        default=MatchingRule.ANY,
        help_text=_("The rules the matching of pairs applies in programmes of this form."),
    )

    history = HistoricalRecords(bases=[TrackedHistory])

    grammar = Noun(
        "форма наставничества",
        "формы наставничества",
        "форму наставничества",
        "формы наставничества",
        "форм наставничества",
        F,
    )

    class Meta:
        verbose_name = _("form of mentoring")
        verbose_name_plural = _("forms of mentoring")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ProgrammeStatus(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    ACTIVE = "active", _("Running")
    COMPLETED = "completed", _("Completed")


class Programme(ProgrammeRecord):
    """A mentoring programme (программа наставничества) of one organisation and one form."""

    organisation_path = "organisation"

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="programmes",
    )
    title = models.CharField(_("programme title"), max_length=300)
    form = models.ForeignKey(
        MentoringForm,
        verbose_name=_("form of mentoring"),
        on_delete=models.PROTECT,
        related_name="programmes",
    )
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"))
    curator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("curator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="curated_programmes",
    )
    goals = models.TextField(_("goals and tasks"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ProgrammeStatus.choices, default=ProgrammeStatus.DRAFT
    )
    max_mentees_per_mentor = models.PositiveSmallIntegerField(
        _("mentees per mentor, at most"),
        default=5,
        help_text=_("A mentor's load in this programme, counted over all their pairs and groups."),
    )

    history = HistoricalRecords(bases=[TrackedHistory])

    grammar = Noun(
        "программа наставничества",
        "программы наставничества",
        "программу наставничества",
        "программы наставничества",
        "программ наставничества",
        F,
    )

    class Meta:
        verbose_name = _("mentoring programme")
        verbose_name_plural = _("mentoring programmes")
        ordering = ["-start_date", "title"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The programme cannot end before it starts.")})
        if self.max_mentees_per_mentor == 0:
            raise ValidationError(
                {"max_mentees_per_mentor": _("A mentor needs room for at least one mentee.")}
            )
