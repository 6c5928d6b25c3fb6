"""What the editor checks before an import: each event's deadline as written and as read.

The admin preview (home/views.py, template home/admin/roadmap_import_preview.html) lists
the stages and events of a parsed roadmap with these notes; the management command prints
the same with ``--dry-run``. Deadlines are read with the portal's own parser
(home/deadlines), against the period the page will have, exactly as saving the page will.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from home.deadlines import Deadline, DeadlineKind, Recurrence, parse_deadline

from .parser import ImportWarning, ParsedEvent, ParsedRoadmap, ParsedStage


@dataclass
class EventPreview:
    event: ParsedEvent
    deadline: Deadline

    @property
    def deadline_unrecognised(self) -> bool:
        return bool(self.event.deadline) and not self.deadline.is_parsed

    @property
    def deadline_understood(self) -> str:
        """«01.02.2023 – 30.04.2023, every quarter», «on request», or "" when unread."""
        deadline = self.deadline
        if deadline.kind == DeadlineKind.ON_DEMAND:
            return str(DeadlineKind.ON_DEMAND.label)
        if not deadline.is_parsed or deadline.start is None or deadline.end is None:
            return ""
        span = _day(deadline.start)
        if deadline.end != deadline.start:
            span = f"{span} – {_day(deadline.end)}"
        if deadline.recurrence != Recurrence.NONE:
            span = f"{span}, {Recurrence(deadline.recurrence).label.lower()}"
        return span


@dataclass
class StagePreview:
    stage: ParsedStage
    events: list[EventPreview] = field(default_factory=list)


@dataclass
class RoadmapPreview:
    stages: list[StagePreview]
    warnings: list[ImportWarning]

    @property
    def events(self) -> list[EventPreview]:
        return [event for stage in self.stages for event in stage.events]

    @property
    def event_count(self) -> int:
        return len(self.events)

    @property
    def unrecognised(self) -> list[EventPreview]:
        return [event for event in self.events if event.deadline_unrecognised]

    @property
    def merge_count(self) -> int:
        return sum(warning.kind == ImportWarning.MERGED for warning in self.warnings)

    @property
    def doubtful_count(self) -> int:
        return sum(warning.kind == ImportWarning.DOUBTFUL for warning in self.warnings)

    @property
    def attention_count(self) -> int:
        return len(self.warnings) + len(self.unrecognised)


def roadmap_preview(
    roadmap: ParsedRoadmap, *, period_start: date, period_end: date
) -> RoadmapPreview:
    stages = [
        StagePreview(
            stage=stage,
            events=[
                EventPreview(
                    event=event,
                    deadline=parse_deadline(
                        event.deadline, period_start=period_start, period_end=period_end
                    ),
                )
                for event in stage.events
            ],
        )
        for stage in roadmap.stages
    ]
    return RoadmapPreview(stages=stages, warnings=roadmap.warnings)


def _day(value: date) -> str:
    return value.strftime("%d.%m.%Y")


def preview_lines(preview: RoadmapPreview) -> list[str]:
    """The preview as text lines, for the management command's ``--dry-run``."""
    lines = []
    for stage in preview.stages:
        number = f"{stage.stage.number}. " if stage.stage.number else ""
        lines.append(f"{number}{stage.stage.title}")
        for item in stage.events:
            event = item.event
            head = f"  {event.number} " if event.number else "  "
            lines.append(head + event.name.replace("\n", "\n    "))
            if item.deadline_unrecognised:
                lines.append(
                    "    " + _("Deadline: «%(text)s» — not recognised") % {"text": event.deadline}
                )
            elif event.deadline:
                lines.append(
                    "    "
                    + _("Deadline: «%(text)s» → %(understood)s")
                    % {"text": event.deadline, "understood": item.deadline_understood}
                )
    return lines
