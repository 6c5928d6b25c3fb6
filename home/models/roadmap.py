import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.deadlines import Deadline, DeadlineKind, Recurrence, parse_deadline


class EventStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", pgettext_lazy("roadmap event status", "In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


CLOSED_STATUSES = (EventStatus.DONE, EventStatus.CANCELLED)


class RoadmapPage(Page):
    """A roadmap (дорожная карта) of the target mentoring model: stages, events, deadlines.

    Deadlines are kept as the organisation wrote them and parsed into periods against the
    roadmap's own period, so «февраль апрель» in a 2023–2024 roadmap means February–April 2023.
    """

    organisation = models.CharField(_("organisation"), max_length=500, blank=True)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    approval_order_number = models.CharField(_("approving order No."), max_length=50, blank=True)
    approval_order_date = models.DateField(_("approving order date"), null=True, blank=True)
    intro = RichTextField(_("explanatory note"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading=_("Period")),
        FieldRowPanel(
            [FieldPanel("approval_order_number"), FieldPanel("approval_order_date")],
            heading=_("Approval"),
        ),
        FieldPanel("intro"),
        InlinePanel("stages", heading=_("Stages"), label=_("Stage")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("organisation"),
        index.SearchField("intro"),
        index.RelatedFields(
            "stages",
            [
                index.SearchField("title"),
                index.SearchField("task"),
                index.RelatedFields(
                    "events", [index.SearchField("name"), index.SearchField("result")]
                ),
            ],
        ),
    ]

    parent_page_types = ["home.MentoringSectionPage"]
    # Every anonymous reader sees the same page (see portal.page_cache).
    cache_for_anonymous = True

    class Meta:
        verbose_name = _("roadmap")
        verbose_name_plural = _("roadmaps")

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_start > self.period_end:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})

    # Wagtail cleans before every revision and every save (fully for live pages, minimally
    # for drafts), so parsed deadlines always match the text an editor typed.
    def full_clean(self, *args, **kwargs):
        self.refresh_deadlines()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        self.refresh_deadlines()
        super().minimal_clean()

    def refresh_deadlines(self) -> None:
        if not (self.period_start and self.period_end) or self.period_start > self.period_end:
            return
        for stage in self.stages.all():
            for event in stage.events.all():
                event.apply_deadline(
                    parse_deadline(
                        event.deadline_text,
                        period_start=self.period_start,
                        period_end=self.period_end,
                    )
                )

    def stages_with_events(self):
        """Stages with their events in two queries, however long the roadmap."""
        return self.stages.all().prefetch_related(
            models.Prefetch(
                "events",
                queryset=RoadmapEvent.objects.select_related("evidence_document", "evidence_page"),
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        stages = list(self.stages_with_events())
        events = []
        for stage in stages:
            stage.event_list = list(stage.events.all())
            for event in stage.event_list:
                event.overdue = event.is_overdue(today)
            events.extend(stage.event_list)
        context.update(
            stages=stages,
            today=today,
            event_count=len(events),
            done_count=sum(event.status == EventStatus.DONE for event in events),
            overdue_count=sum(event.overdue for event in events),
        )
        return context


class RoadmapStage(Orderable, ClusterableModel):
    """A stage (этап) or section (раздел) of a roadmap, with its task."""

    page = ParentalKey(RoadmapPage, on_delete=models.CASCADE, related_name="stages")
    number = models.CharField(_("No."), max_length=20, blank=True)
    title = models.CharField(_("stage title"), max_length=1000)
    task = models.TextField(_("task of the stage"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("title")]),
        FieldPanel("task"),
        InlinePanel("events", heading=_("Events"), label=_("Event")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("roadmap stage")
        verbose_name_plural = _("roadmap stages")

    def __str__(self):
        return f"{self.number} {self.title}".strip()


class RoadmapEvent(Orderable):
    """An event (мероприятие) of a roadmap stage, with its deadline as written and as parsed."""

    stage = ParentalKey(RoadmapStage, on_delete=models.CASCADE, related_name="events")
    number = models.CharField(_("No."), max_length=20, blank=True)
    name = models.TextField(_("event"))
    responsible = models.TextField(_("responsible"), blank=True)
    deadline_text = models.CharField(
        _("deadline as written"),
        max_length=500,
        blank=True,
        help_text=_("For example: «Сентябрь 2022 г.», «до 28.02.23», «ежеквартально»."),
    )
    deadline_kind = models.CharField(
        _("deadline kind"),
        max_length=20,
        choices=DeadlineKind.choices,
        default=DeadlineKind.UNPARSED,
        editable=False,
    )
    deadline_start = models.DateField(
        _("period start"),
        null=True,
        blank=True,
        help_text=_(
            "Filled in from the deadline; set it by hand only if the deadline is not recognised."
        ),
    )
    deadline_end = models.DateField(_("period end"), null=True, blank=True, db_index=True)
    deadline_recurrence = models.CharField(
        _("recurrence"),
        max_length=20,
        choices=Recurrence.choices,
        default=Recurrence.NONE,
        blank=True,
        editable=False,
    )
    result = models.TextField(_("expected result / document"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.PLANNED
    )
    evidence_document = models.ForeignKey(
        "home.MentoringDocument",
        verbose_name=_("evidence: document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    evidence_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("evidence: page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("status")]),
        FieldPanel("name"),
        FieldPanel("responsible"),
        MultiFieldPanel(
            [
                FieldPanel("deadline_text"),
                FieldRowPanel([FieldPanel("deadline_start"), FieldPanel("deadline_end")]),
            ],
            heading=_("Deadline"),
        ),
        FieldPanel("result"),
        FieldRowPanel([FieldPanel("evidence_document"), FieldPanel("evidence_page")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("roadmap event")
        verbose_name_plural = _("roadmap events")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.deadline_start and self.deadline_end and self.deadline_start > self.deadline_end:
            raise ValidationError({"deadline_end": _("The period cannot end before it starts.")})

    def apply_deadline(self, deadline: Deadline) -> None:
        """Take the parsed period; an unrecognised phrase keeps a period typed by hand.

        A phrase recognised as having no date («по запросу») clears the period: such an
        event is never due, so never overdue.
        """
        self.deadline_kind = deadline.kind
        self.deadline_recurrence = deadline.recurrence
        if deadline.is_parsed:
            self.deadline_start = deadline.start
            self.deadline_end = deadline.end

    @property
    def deadline_is_parsed(self) -> bool:
        return self.deadline_kind != DeadlineKind.UNPARSED

    @property
    def deadline_is_on_demand(self) -> bool:
        return self.deadline_kind == DeadlineKind.ON_DEMAND

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return (
            self.status not in CLOSED_STATUSES
            and not self.deadline_is_on_demand
            and self.deadline_end is not None
            and self.deadline_end < today
        )
