"""Builders for the section's pages in tests."""

import datetime
from pathlib import Path

from home.models import EventStatus, RoadmapEvent, RoadmapPage, RoadmapStage
from home.services import ascii_slug, mentoring_section_get_or_create

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
SEED_000 = SEEDS / "000_1c6819adc6d14504.txt"
SEED_004 = SEEDS / "004_2a77d13b6357ae68.txt"


def roadmap_page(
    *,
    events: int = 3,
    stages: int = 1,
    deadline: str = "март 2023",
    status: str = EventStatus.PLANNED,
    title: str = "Дорожная карта",
    period: tuple[datetime.date, datetime.date] = (
        datetime.date(2023, 1, 1),
        datetime.date(2024, 12, 31),
    ),
    live: bool = True,
) -> RoadmapPage:
    """A roadmap with `stages` stages of `events` events each, published unless live=False."""
    section = mentoring_section_get_or_create()
    page = RoadmapPage(
        title=title,
        slug=ascii_slug(title, parent=section),
        period_start=period[0],
        period_end=period[1],
        organisation="Школа № 1",
        live=live,
    )
    page.stages = [
        RoadmapStage(
            sort_order=stage_no,
            number=str(stage_no),
            title=f"Этап {stage_no}",
            task=f"Задача этапа {stage_no}",
            events=[
                RoadmapEvent(
                    sort_order=event_no,
                    number=f"{stage_no}.{event_no}",
                    name=f"Мероприятие {stage_no}.{event_no}",
                    responsible="Куратор",
                    deadline_text=deadline,
                    result="Протокол",
                    status=status,
                )
                for event_no in range(1, events + 1)
            ],
        )
        for stage_no in range(1, stages + 1)
    ]
    section.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return RoadmapPage.objects.get(pk=page.pk)
