import datetime
import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Page

from home.roadmap_import.errors import RoadmapImportError
from home.roadmap_import.preview import RoadmapPreview, preview_lines, roadmap_preview
from home.services import RoadmapDraft, roadmap_create, roadmap_read

YEARS = re.compile(r"^(\d{4})(?:\s*[-–]\s*(\d{4}))?$")
SCHOOL_YEARS = re.compile(
    r"^(\d{4})\s*(?:/\s*(\d{4})|[-–]\s*(\d{4})\s*(?:учебн\w*|уч\.?)\s*(?:год\w*|г\.?)?)$",
    re.IGNORECASE,
)
DATES = re.compile(r"^(\d{2}\.\d{2}\.\d{4})\s*[-–]\s*(\d{2}\.\d{2}\.\d{4})$")


def parse_period(value: str) -> tuple[datetime.date, datetime.date]:
    """«2023-2024» (calendar years), «2023», «2023/2024» or «2023-2024 уч. год» (a school
    year, 1 September to 31 August) or «01.09.2023-31.05.2024»."""
    value = value.strip()
    if match := YEARS.match(value):
        first, last = int(match[1]), int(match[2] or match[1])
        return datetime.date(first, 1, 1), datetime.date(last, 12, 31)
    if (match := SCHOOL_YEARS.match(value)) and int(match[2] or match[3]) > int(match[1]):
        return datetime.date(int(match[1]), 9, 1), datetime.date(int(match[2] or match[3]), 8, 31)
    if match := DATES.match(value):
        try:
            return tuple(datetime.datetime.strptime(d, "%d.%m.%Y").date() for d in match.groups())
        except ValueError:
            pass
    raise CommandError(
        _(
            "The period «%(value)s» is not understood: write 2023-2024, 2023/2024 for a school "
            "year or 01.09.2023-31.05.2024."
        )
        % {"value": value}
    )


class Command(BaseCommand):
    help = _(
        "Import a roadmap from a .docx, .xlsx, .csv or tab-separated .txt file as a draft page "
        "under the «Наставничество» section (created if there is none)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--parent", type=int, help=_("ID of the page to put the roadmap under.")
        )
        parser.add_argument("--title", default="", help=_("Page title."))
        parser.add_argument("--organisation", default="", help=_("Organisation's name."))
        parser.add_argument(
            "--period",
            help=_("Period: 2023-2024, 2023/2024 for a school year or 01.09.2023-31.05.2024."),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("Only show the stages, events and warnings the file gives; create nothing."),
        )

    def handle(
        self,
        *args,
        file: Path,
        parent=None,
        title="",
        organisation="",
        period=None,
        dry_run=False,
        **options,
    ):
        if not file.is_file():
            raise CommandError(_("File not found: %(path)s") % {"path": file})
        parent_page = None
        if parent is not None:
            parent_page = Page.objects.filter(pk=parent).first()
            if parent_page is None:
                raise CommandError(_("No page with ID %(id)s.") % {"id": parent})
        period_start, period_end = parse_period(period) if period else (None, None)
        self.stdout.write(_("Reading %(name)s…") % {"name": file.name})
        try:
            with file.open("rb") as handle:
                draft = roadmap_read(
                    file=handle,
                    filename=file.name,
                    title=title,
                    organisation=organisation,
                    period_start=period_start,
                    period_end=period_end,
                )
        except RoadmapImportError as error:
            raise CommandError(str(error)) from error
        preview = roadmap_preview(
            draft.parsed, period_start=draft.period_start, period_end=draft.period_end
        )
        for warning in preview.warnings:
            self.stdout.write(self.style.WARNING(warning.message))
        if dry_run:
            self._show(draft, preview)
            return
        page = roadmap_create(draft=draft, parent=parent_page)
        events = [event for stage in page.stages.all() for event in stage.events.all()]
        unparsed = [event for event in events if not event.deadline_is_parsed]
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Draft roadmap «%(title)s» created (page ID %(id)s): %(stages)s stages, %(events)s events."
                )
                % {
                    "title": page.title,
                    "id": page.pk,
                    "stages": page.stages.count(),
                    "events": len(events),
                }
            )
        )
        for event in unparsed:
            message = _("Deadline not recognised, check it: «%(text)s» (%(event)s)") % {
                "text": event.deadline_text,
                "event": event.name[:80],
            }
            self.stdout.write(self.style.WARNING(message))

    def _show(self, draft: RoadmapDraft, preview: RoadmapPreview) -> None:
        """What ``--dry-run`` prints: the page that would be created, then its contents."""
        self.stdout.write(_("Page title: %(title)s") % {"title": draft.title})
        self.stdout.write(
            _("Period: %(start)s – %(end)s")
            % {
                "start": draft.period_start.strftime("%d.%m.%Y"),
                "end": draft.period_end.strftime("%d.%m.%Y"),
            }
        )
        for line in preview_lines(preview):
            self.stdout.write(line)
        self.stdout.write(
            self.style.SUCCESS(
                _("Nothing created (--dry-run): %(stages)s stages, %(events)s events.")
                % {"stages": len(preview.stages), "events": preview.event_count}
            )
        )
