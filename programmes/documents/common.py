"""What every printed document of the programme shares: the DOCX basics, file types, dates.

Dates are ДД.ММ.ГГГГ and times Moscow's (the site's zone), as everywhere in the portal; an
empty value prints as a dash, so a blank cell is never mistaken for a lost one.
"""

import datetime
import io

from django.http import HttpResponse
from django.utils import timezone
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt

from portal.filenames import (
    ascii_filename,
    attachment_disposition,
    filename_title,
)

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DASH = "—"


def day(value: datetime.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else DASH


def moment(value: datetime.datetime | None) -> str:
    return timezone.localtime(value).strftime("%d.%m.%Y %H:%M") if value else DASH


def new_document(*, landscape: bool = False):
    """An A4 document in Times New Roman 12, the font of a school's paperwork."""
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    return document


def table(document, header: list[str], rows: list[list[str]]):
    """A bordered table with a bold header row."""
    result = document.add_table(rows=1, cols=len(header))
    result.style = "Table Grid"
    for cell, text in zip(result.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for values in rows:
        cells = result.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    return result


def facts(document, pairs: list[tuple[str, str]]):
    """Label — value lines, the label bold."""
    for label, value in pairs:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value or DASH)


def docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def download(content: bytes, *, content_type: str, name: str, fallback: str, extension: str):
    """The file as an attachment named in Russian, with an ASCII name for old clients."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = attachment_disposition(
        f"{filename_title(name)}.{extension}", f"{ascii_filename(fallback)}.{extension}"
    )
    return response
