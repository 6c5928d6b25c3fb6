"""Writes of the «Наставничество» section: finding or creating the section, importing roadmaps."""

import datetime
from typing import BinaryIO

from anyascii import anyascii
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from home.models import HomePage, MentoringSectionPage, RoadmapEvent, RoadmapPage, RoadmapStage
from home.roadmap_import import (
    ParsedRoadmap,
    RoadmapImportError,
    parse_roadmap,
    read_table_document,
)

SECTION_TITLE = "Наставничество"


def ascii_slug(title: str, *, parent: Page) -> str:
    """A transliterated slug («dorozhnaia-karta»), made unique among the parent's children."""
    base = slugify(anyascii(title))[:70].strip("-") or "page"
    # child_of() reads the tree, unlike get_children(), which trusts a possibly stale numchild.
    taken = set(Page.objects.child_of(parent).values_list("slug", flat=True))
    slug, suffix = base, 2
    while slug in taken:
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


def mentoring_section_get_or_create(
    *, user: AbstractBaseUser | None = None
) -> MentoringSectionPage:
    """The first «Наставничество» section, created and published under the home page if none."""
    section = MentoringSectionPage.objects.order_by("path").first()
    if section:
        return section
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page if site else HomePage.objects.order_by("path").first()
    if home is None:
        raise RoadmapImportError(
            _("The portal has no home page to put the section under."), code="no_home_page"
        )
    section = MentoringSectionPage(title=SECTION_TITLE, slug=ascii_slug(SECTION_TITLE, parent=home))
    home.add_child(instance=section)
    section.save_revision(user=user, log_action=True).publish(user=user)
    return section


def _default_title(parsed_start: datetime.date, parsed_end: datetime.date) -> str:
    if parsed_start.year == parsed_end.year:
        return _("Roadmap for %(year)s") % {"year": parsed_start.year}
    return _("Roadmap for %(start)s–%(end)s") % {
        "start": parsed_start.year,
        "end": parsed_end.year,
    }


def _stages(parsed: ParsedRoadmap) -> list[RoadmapStage]:
    """Stages and events in the file's order; sort_order keeps it through later edits."""
    return [
        RoadmapStage(
            sort_order=stage_index,
            number=stage.number,
            title=stage.title,
            task=stage.task,
            events=[
                RoadmapEvent(
                    sort_order=event_index,
                    number=event.number,
                    name=event.name,
                    responsible=event.responsible,
                    deadline_text=event.deadline,
                    result=event.result,
                )
                for event_index, event in enumerate(stage.events)
            ],
        )
        for stage_index, stage in enumerate(parsed.stages)
    ]


@transaction.atomic
def roadmap_import(
    *,
    file: BinaryIO,
    filename: str,
    parent: Page | None = None,
    user: AbstractBaseUser | None = None,
    title: str = "",
    organisation: str = "",
    period_start: datetime.date | None = None,
    period_end: datetime.date | None = None,
) -> RoadmapPage:
    """Create a draft roadmap page from a .docx, .xlsx, .csv or tab-separated file.

    All or nothing: a file that cannot be read raises RoadmapImportError and leaves the
    database as it was (the section, if created for this import, is rolled back too).
    """
    parsed = parse_roadmap(read_table_document(file, filename))
    period_start = period_start or parsed.period_start
    period_end = period_end or parsed.period_end
    if not (period_start and period_end):
        raise RoadmapImportError(
            _(
                "The roadmap period was not found in the file (such as «на 2023-2024 гг.»): give it explicitly."
            ),
            code="no_period",
        )
    if period_start > period_end:
        raise RoadmapImportError(_("The period cannot end before it starts."), code="bad_period")
    parent = parent or mentoring_section_get_or_create(user=user)
    title = title or _default_title(period_start, period_end)
    page = RoadmapPage(
        title=title,
        slug=ascii_slug(title, parent=parent),
        organisation=organisation or parsed.organisation,
        period_start=period_start,
        period_end=period_end,
        approval_order_number=parsed.approval_order_number,
        approval_order_date=parsed.approval_order_date,
        intro="".join(f"<p>{escape(line)}</p>" for line in parsed.preamble),
        live=False,
        owner=user,
    )
    page.stages = _stages(parsed)
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page
