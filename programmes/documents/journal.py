"""The mentoring journal of a pair as DOCX (to print and sign) and XLSX (to sort and count).

Both carry the same facts from `PairJournal` (programmes.selectors.journal): the heading
(organisation, programme, form, mentor, mentees with their dates, period) and a row per
meeting — date and time in Moscow, kind, format, topic, status, outcome, who came, the
ratings and comments. The XLSX has a second sheet with one row per feedback, for whoever
counts ratings. XlsxWriter, as the other reports, with real dates rather than text.
"""

import io

import xlsxwriter
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from portal.filenames import XLSX_CONTENT_TYPE
from programmes.documents.common import (
    DOCX_CONTENT_TYPE,
    day,
    docx_bytes,
    download,
    facts,
    moment,
    new_document,
    table,
)
from programmes.selectors.journal import FeedbackEntry, PairJournal

DATETIME_FORMAT = "DD.MM.YYYY HH:MM"


def _suits(value: bool | None) -> str:
    return "" if value is None else (_("Yes") if value else _("No"))


def _feedback_line(entry: FeedbackEntry) -> str:
    line = _("%(author)s (%(role)s): %(rating)s of 5") % {
        "author": entry.author,
        "role": entry.role,
        "rating": entry.rating,
    }
    if entry.suits is not None:
        line += "; " + _("suit each other: %(answer)s") % {"answer": _suits(entry.suits).lower()}
    if entry.comment:
        line += f" — {entry.comment}"
    return line


def _heading(journal: PairJournal) -> list[tuple[str, str]]:
    return [
        (_("Organisation"), journal.organisation),
        (_("Mentoring programme"), journal.programme),
        (_("Form of mentoring"), journal.form),
        (_("Mentor"), journal.mentor),
        (_("Mentees"), "; ".join(journal.mentees)),
        (
            _("Period"),
            _("from %(start)s to %(end)s")
            % {"start": day(journal.start_date), "end": day(journal.end_date)},
        ),
        (_("Status of the pair"), journal.status),
        (
            _("Meetings held"),
            _("%(held)s of %(total)s recorded")
            % {"held": journal.held_count, "total": len(journal.meetings)},
        ),
    ]


def _columns() -> list[str]:
    return [
        _("Date and time"),
        _("Kind"),
        _("Format"),
        _("Topic"),
        _("Status"),
        _("Outcome"),
        _("Who came"),
        _("Feedback"),
    ]


def journal_docx(journal: PairJournal) -> bytes:
    document = new_document(landscape=True)
    document.add_heading(_("Mentoring journal"), level=1)
    facts(document, _heading(journal))
    if not journal.meetings:
        document.add_paragraph(_("No meetings have been recorded."))
        return docx_bytes(document)
    table(
        document,
        [pgettext("table heading", "No."), *_columns()],
        [
            [
                str(number),
                moment(meeting.held_at),
                meeting.kind,
                meeting.format,
                meeting.topic,
                meeting.status,
                meeting.outcome or "—",
                ", ".join(meeting.attendees) or "—",
                "\n".join(_feedback_line(entry) for entry in meeting.feedback) or "—",
            ]
            for number, meeting in enumerate(journal.meetings, start=1)
        ],
    )
    document.add_paragraph()
    document.add_paragraph(f"{_('Curator of the programme')}: ____________________")
    return docx_bytes(document)


def journal_xlsx(journal: PairJournal) -> bytes:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "remove_timezone": True})
    bold = workbook.add_format({"bold": True, "valign": "top"})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    when = workbook.add_format({"num_format": DATETIME_FORMAT, "valign": "top"})
    title = workbook.add_format({"bold": True, "font_size": 14})

    sheet = workbook.add_worksheet(_("Journal"))
    sheet.write(0, 0, _("Mentoring journal"), title)
    row = 1
    for label, value in _heading(journal):
        sheet.write(row, 0, label, bold)
        sheet.write(row, 1, value, wrap)
        row += 1
    row += 1
    header = [*_columns()[:7], _("Average rating"), _("Feedback")]
    for column, text in enumerate(header):
        sheet.write(row, column, text, bold)
    for meeting in journal.meetings:
        row += 1
        sheet.write_datetime(row, 0, _local(meeting.held_at), when)
        for column, text in enumerate(
            [
                meeting.kind,
                meeting.format,
                meeting.topic,
                meeting.status,
                meeting.outcome,
                ", ".join(meeting.attendees),
            ],
            start=1,
        ):
            sheet.write_string(row, column, text, wrap)
        if meeting.average_rating is not None:
            sheet.write_number(row, 7, round(meeting.average_rating, 2))
        sheet.write_string(row, 8, "\n".join(map(_feedback_line, meeting.feedback)), wrap)
    for column, width in enumerate((17, 14, 12, 40, 13, 40, 30, 10, 50)):
        sheet.set_column(column, column, width)

    ratings = workbook.add_worksheet(_("Feedback"))
    header = [
        _("Meeting"),
        _("Topic"),
        _("Author"),
        _("Role"),
        _("Rating"),
        _("Do you suit each other?"),
        _("Comment"),
        _("Submitted at"),
    ]
    for column, text in enumerate(header):
        ratings.write(0, column, text, bold)
    row = 0
    for meeting in journal.meetings:
        for entry in meeting.feedback:
            row += 1
            ratings.write_datetime(row, 0, _local(meeting.held_at), when)
            ratings.write_string(row, 1, meeting.topic, wrap)
            ratings.write_string(row, 2, entry.author)
            ratings.write_string(row, 3, entry.role)
            ratings.write_number(row, 4, entry.rating)
            ratings.write_string(row, 5, _suits(entry.suits))
            ratings.write_string(row, 6, entry.comment, wrap)
            ratings.write_datetime(row, 7, _local(entry.submitted_at), when)
    for column, width in enumerate((17, 40, 30, 14, 8, 14, 50, 17)):
        ratings.set_column(column, column, width)
    workbook.close()
    return buffer.getvalue()


def _local(value):
    """Excel has no time zones: Moscow's wall-clock time."""
    return timezone.localtime(value).replace(tzinfo=None, microsecond=0)


def journal_download(journal: PairJournal, extension: str):
    today = timezone.localdate()
    content, content_type = (
        (journal_docx(journal), DOCX_CONTENT_TYPE)
        if extension == "docx"
        else (journal_xlsx(journal), XLSX_CONTENT_TYPE)
    )
    return download(
        content,
        content_type=content_type,
        name=f"{_('Mentoring journal')} — {journal.mentor} — {today:%d.%m.%Y}",
        fallback=f"mentoring-journal-{journal.pair_pk}-{today:%Y-%m-%d}",
        extension=extension,
    )
