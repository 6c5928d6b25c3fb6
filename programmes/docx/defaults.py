"""The templates the portal ships: an order of each kind and the mentoring agreement.

They are built in code with python-docx rather than kept as binary files, so a reviewer reads
their text in a diff; they carry the same placeholders an organisation's own template may use
(contexts.PLACEHOLDERS) and go through the same renderer. The wording follows the usual form
of a school's order: the organisation's name, ПРИКАЗ, date and number, the heading, «В
соответствии с … приказываю:», numbered points, the head's signature.
"""

import io
from functools import cache

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.shared import Cm, Pt

from programmes.models import TemplateKind

FONT = "Times New Roman"
TEXT_WIDTH = Cm(16.5)


def _document():
    document = Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(14)
    style.paragraph_format.space_after = Pt(0)
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    return document


def _paragraph(document, text="", *, bold=False, align=None, indent=True, size=None):
    paragraph = document.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    elif indent:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Cm(1.25)
    run = paragraph.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
    return paragraph


def _two_sides(document, left: str, right: str):
    """«28.09.2023 … № 48-О»: the left text, and the right one flush with the margin."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    paragraph.add_run(f"{left}\t{right}")
    return paragraph


def _header(document, heading: str):
    _paragraph(document, "{{ organisation.full_name }}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, "{{ organisation.address }}", align=WD_ALIGN_PARAGRAPH.CENTER, size=11)
    _paragraph(document)
    _paragraph(document, "ПРИКАЗ", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document)
    _two_sides(document, "{{ order.date }}", "№ {{ order.number }}")
    _paragraph(document)
    _paragraph(document, heading, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    _paragraph(document)
    _paragraph(document, "{{ order.grounds }}, приказываю:")


def _table(document, headings: list[str], loop: str, cells: list[str]):
    """A table whose body row repeats for each item (docxtpl's «{%tr for %}» rows)."""
    table = document.add_table(rows=4, cols=len(headings))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headings, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.size = Pt(12)
    table.rows[1].cells[0].text = f"{{%tr for row in {loop} %}}"
    for cell, text in zip(table.rows[2].cells, cells, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).font.size = Pt(12)
    table.rows[3].cells[0].text = "{%tr endfor %}"
    return table


def _signature(document):
    _paragraph(document)
    _paragraph(document)
    _two_sides(document, "{{ order.signatory_position }}", "{{ order.signatory_name }}")


def _approval(document):
    _header(document, "Об утверждении наставнических пар и групп")
    _paragraph(
        document,
        "1. Утвердить наставнические пары и группы программы наставничества в следующем составе:",
    )
    _table(
        document,
        ["№ п/п", "Наставник", "Наставляемые", "Форма наставничества", "Программа", "Срок"],
        "pairs",
        [
            "{{ row.number }}",
            "{{ row.mentor }}{% if row.mentor_position %}, {{ row.mentor_position }}{% endif %}",
            "{{ row.mentees }}",
            "{{ row.form }}",
            "{{ row.programme }}",
            "{{ row.period }}",
        ],
    )
    _paragraph(
        document,
        "2. Наставникам организовать работу с наставляемыми в соответствии с программой "
        "наставничества и индивидуальными планами развития.",
    )
    _paragraph(
        document,
        "3. Куратору программы наставничества обеспечить учёт и мониторинг работы "
        "наставнических пар и групп.",
    )
    _paragraph(document, "4. Контроль за исполнением настоящего приказа оставляю за собой.")
    _signature(document)


def _incentive(document):
    _header(document, "О поощрении наставников")
    _paragraph(document, "1. Поощрить наставников за работу по программе наставничества:")
    _table(
        document,
        ["№ п/п", "Наставник", "Вид поощрения", "Основание", "Сумма, руб."],
        "decisions",
        [
            "{{ row.number }}",
            "{{ row.mentor }}",
            "{{ row.kind }}",
            "{{ row.grounds }}",
            "{{ row.amount }}",
        ],
    )
    _paragraph(
        document,
        "2. Куратору программы наставничества внести сведения о поощрении в базу наставников.",
    )
    _paragraph(document, "3. Контроль за исполнением настоящего приказа оставляю за собой.")
    _signature(document)


def _termination(document):
    _header(document, "О прекращении наставничества")
    _paragraph(document, "1. Прекратить работу наставнических пар и групп:")
    _table(
        document,
        ["№ п/п", "Наставник", "Наставляемые", "Программа", "Дата прекращения", "Причина"],
        "pairs",
        [
            "{{ row.number }}",
            "{{ row.mentor }}",
            "{{ row.mentees }}",
            "{{ row.programme }}",
            "{{ row.end }}",
            "{{ row.reason }}",
        ],
    )
    _paragraph(
        document,
        "2. Куратору программы наставничества внести сведения о прекращении наставничества в "
        "базы наставников и наставляемых.",
    )
    _paragraph(document, "3. Контроль за исполнением настоящего приказа оставляю за собой.")
    _signature(document)


def _agreement(document):
    _paragraph(
        document,
        "СОГЛАШЕНИЕ № {{ agreement.number }}",
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    _paragraph(
        document,
        "о выполнении работы по наставничеству",
        bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER,
    )
    _paragraph(document)
    _two_sides(document, "", "{{ agreement.date }}")
    _paragraph(document)
    _paragraph(
        document,
        "{{ organisation.full_name }} (далее — организация) в лице руководителя "
        "{{ organisation.head_name }}, с одной стороны, и {{ mentor.full_name }}"
        "{% if mentor.position %}, {{ mentor.position }}{% endif %}"
        "{% if mentor.partner %} ({{ mentor.partner }}){% endif %} (далее — наставник), с "
        "другой стороны, в соответствии со статьёй 351.8 Трудового кодекса Российской Федерации "
        "заключили настоящее соглашение о нижеследующем.",
    )
    points = [
        "1. Наставник с его письменного согласия от {{ agreement.consent_date }} выполняет "
        "работу по наставничеству.",
        "2. Содержание наставничества: {{ agreement.content }}",
        "3. Форма наставничества: {{ agreement.form }}. Программа наставничества: "
        "«{{ agreement.programme }}». Наставляемые: {{ agreement.mentees }}.",
        "4. Срок наставничества: с {{ agreement.period_start }} по {{ agreement.period_end }}.",
        "5. Доплата за работу по наставничеству: {{ agreement.extra_pay }}.",
        "6. Соглашение составлено в двух экземплярах, по одному для каждой из сторон, и "
        "вступает в силу со дня его подписания.",
    ]
    for point in points:
        _paragraph(document, point)
    _paragraph(document)
    _two_sides(document, "Организация: ____________ / {{ organisation.head_name }}", "")
    _paragraph(document)
    _two_sides(document, "Наставник: ____________ / {{ mentor.full_name }}", "")


BUILDERS = {
    TemplateKind.APPROVAL: _approval,
    TemplateKind.INCENTIVE: _incentive,
    TemplateKind.TERMINATION: _termination,
    TemplateKind.AGREEMENT: _agreement,
}


@cache
def default_template(kind: str) -> bytes:
    """The shipped template of `kind` as the bytes of a .docx file."""
    document = _document()
    BUILDERS[TemplateKind(kind)](document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
