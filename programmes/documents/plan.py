"""The printed «Индивидуальный план развития» of one mentee: what the pair signs and files.

Built from a `PlanSheet` (programmes.selectors.plans), so the document shows exactly what the
cabinet and the admin show, and nothing the reader of the cabinet may not see.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from programmes.documents.common import (
    DOCX_CONTENT_TYPE,
    day,
    docx_bytes,
    download,
    facts,
    new_document,
    table,
)
from programmes.selectors.plans import PlanSheet

SIGNATURE = "____________________"


def plan_docx(sheet: PlanSheet) -> bytes:
    document = new_document()
    document.add_paragraph(sheet.organisation)
    document.add_heading(_("Individual development plan"), level=1)
    facts(
        document,
        [
            (_("Mentoring programme"), sheet.programme),
            (_("Form of mentoring"), sheet.form),
            (_("Mentor"), sheet.mentor),
            (_("Mentee"), sheet.mentee + (f", {sheet.group}" if sheet.group else "")),
            (
                _("Period"),
                _("from %(start)s to %(end)s")
                % {"start": day(sheet.starts_on), "end": day(sheet.ends_on)},
            ),
        ],
    )
    document.add_heading(_("Goals"), level=2)
    if sheet.goals:
        for goal in sheet.goals:
            document.add_paragraph(goal, style="List Number")
    else:
        document.add_paragraph(_("No goals have been set yet."))
    document.add_heading(_("Tasks"), level=2)
    if sheet.tasks:
        table(
            document,
            [
                pgettext("table heading", "No."),
                _("Task"),
                _("Deadline"),
                _("Status"),
                _("Completed on"),
                _("Result"),
            ],
            [
                [
                    str(number),
                    task.title,
                    day(task.deadline),
                    task.status,
                    day(task.completed_on),
                    task.result or "—",
                ]
                for number, task in enumerate(sheet.tasks, start=1)
            ],
        )
        progress = sheet.progress
        document.add_paragraph(
            _("Tasks done: %(done)s of %(counted)s (cancelled ones are not counted).")
            % {"done": progress.done, "counted": progress.counted}
        )
    else:
        document.add_paragraph(_("No tasks have been set yet."))
    document.add_paragraph()
    for role, name in (
        (_("Mentor"), sheet.mentor),
        (_("Mentee"), sheet.mentee),
        (_("Curator of the programme"), ""),
    ):
        document.add_paragraph(f"{role}: {SIGNATURE} / {name or SIGNATURE} /")
    document.add_paragraph(_("Date: «___» ____________ 20___"))
    return docx_bytes(document)


def plan_download(sheet: PlanSheet):
    today = timezone.localdate()
    return download(
        plan_docx(sheet),
        content_type=DOCX_CONTENT_TYPE,
        name=f"{_('Individual development plan')} — {sheet.mentee} — {today:%d.%m.%Y}",
        fallback=f"development-plan-{sheet.membership_pk}-{today:%Y-%m-%d}",
        extension="docx",
    )
