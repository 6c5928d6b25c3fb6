"""Writes of the «Наставничество» section: finding or creating the section, importing roadmaps."""

import datetime
from dataclasses import dataclass
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


@dataclass
class RoadmapDraft:
    """What an import would create: the parsed file and the page's title, owner and period.

    ``roadmap_read`` makes it without writing anything, the admin shows it as a preview,
    and ``roadmap_create`` turns it into the draft page.
    """

    parsed: ParsedRoadmap
    title: str
    organisation: str
    period_start: datetime.date
    period_end: datetime.date


def roadmap_read(
    *,
    file: BinaryIO,
    filename: str,
    title: str = "",
    organisation: str = "",
    period_start: datetime.date | None = None,
    period_end: datetime.date | None = None,
) -> RoadmapDraft:
    """Read a .docx, .xlsx, .csv or tab-separated file into a draft; nothing is saved.

    The arguments override what the file says; the title falls back to the document's own
    title, then to «Дорожная карта на …». Raises RoadmapImportError for a file that cannot
    become a roadmap.
    """
    parsed = parse_roadmap(read_table_document(file, filename))
    return roadmap_draft(
        parsed,
        title=title,
        organisation=organisation,
        period_start=period_start,
        period_end=period_end,
    )


def roadmap_draft(
    parsed: ParsedRoadmap,
    *,
    title: str = "",
    organisation: str = "",
    period_start: datetime.date | None = None,
    period_end: datetime.date | None = None,
) -> RoadmapDraft:
    """The page a parsed roadmap would become, given what the editor typed."""
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
    return RoadmapDraft(
        parsed=parsed,
        title=title or parsed.title or _default_title(period_start, period_end),
        organisation=organisation or parsed.organisation,
        period_start=period_start,
        period_end=period_end,
    )


@transaction.atomic
def roadmap_create(
    *, draft: RoadmapDraft, parent: Page | None = None, user: AbstractBaseUser | None = None
) -> RoadmapPage:
    """Create the draft roadmap page (not live) under ``parent`` or the first section.

    All or nothing: the section, if created for this import, is rolled back with the page.
    """
    parsed = draft.parsed
    parent = parent or mentoring_section_get_or_create(user=user)
    page = RoadmapPage(
        title=draft.title,
        slug=ascii_slug(draft.title, parent=parent),
        organisation=draft.organisation,
        period_start=draft.period_start,
        period_end=draft.period_end,
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
    """Read a file and create its draft page at once (the management command, the demo).

    A file that cannot be read raises RoadmapImportError and leaves the database as it was.
    """
    draft = roadmap_read(
        file=file,
        filename=filename,
        title=title,
        organisation=organisation,
        period_start=period_start,
        period_end=period_end,
    )
    return roadmap_create(draft=draft, parent=parent, user=user)
