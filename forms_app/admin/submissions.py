"""The questionnaire's answers in Wagtail's admin: a readable list and export, logged deletions.

Wagtail's own list exports raw values in UTC under a CSV name that arrives garbled, and names
no respondent; a curator needs names, dates as ДД.ММ.ГГГГ in Moscow time and a file Excel
opens with Cyrillic intact. Wagtail 8 also deletes answers without a trace, while an answer
is personal data whose deletion the auditor must be able to see: every deletion here leaves a
page log entry («Удалено ответов: N») in the deletion's transaction.

The module imports neither forms_app's models nor pandas, so the page model may import it;
its delete view answers Wagtail's own URL (registered before Wagtail's in wagtail_hooks.py).
"""

import tempfile
from collections import OrderedDict

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, StreamingHttpResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.mixins import Echo
from wagtail.admin.widgets.button import HeaderButton
from wagtail.contrib.forms.views import DeleteSubmissionsView, SubmissionsListView
from wagtail.log_actions import LogFormatter, log
from wagtail.log_actions import registry as log_registry
from wagtail.models import Page

from forms_app.reports.filenames import answers_basename, answers_disposition
from forms_app.reports.participants import (
    as_participant_id,
    missing_participant_label,
    participant_labels,
)
from portal.filenames import XLSX_CONTENT_TYPE
from programmes.pagination import CappedCountPaginator

CHUNK_SIZE = 2000
DATETIME_DISPLAY = "%d.%m.%Y %H:%M"
XLSX_DATETIME_FORMAT = "DD.MM.YYYY HH:MM"
SUBMIT_TIME = "submit_time"
# Not a possible clean name (those are snake_case): never collides with a question.
PARTICIPANT = "submission:participant"
DELETE_ACTION = "forms_app.delete_submissions"


# --- readable answers ------------------------------------------------------------------------


class AnswerFormatter:
    """Answers as people read them; participant names fetched a batch at a time."""

    def __init__(self, questions):
        self.types = {question.clean_name: question.field_type for question in questions}
        self.participant_fields = [
            name for name, field_type in self.types.items() if field_type == "participant"
        ]
        self.labels: dict[int, str] = {}

    def prepare(self, submissions) -> None:
        """Fetch, in one query, the names of the participants these submissions mention."""
        wanted = set()
        for submission in submissions:
            wanted.add(getattr(submission, "participant_id", None))
            data = submission.form_data if isinstance(submission.form_data, dict) else {}
            wanted.update(as_participant_id(data.get(name)) for name in self.participant_fields)
        wanted = {pk for pk in wanted if pk is not None and pk not in self.labels}
        if wanted:
            found = participant_labels(wanted)
            for pk in wanted:
                self.labels[pk] = found.get(pk) or missing_participant_label(pk)

    def participant(self, pk) -> str:
        if pk is None:
            return ""
        return self.labels.get(pk) or missing_participant_label(pk)

    def submit_time(self, submission, *, xlsx: bool = False):
        local = timezone.localtime(submission.submit_time)
        if xlsx:
            return timezone.make_naive(local).replace(microsecond=0)
        return local.strftime(DATETIME_DISPLAY)

    def value(self, submission, name: str, *, xlsx: bool = False):
        if name == SUBMIT_TIME:
            return self.submit_time(submission, xlsx=xlsx)
        if name == PARTICIPANT:
            return self.participant(getattr(submission, "participant_id", None))
        data = submission.form_data if isinstance(submission.form_data, dict) else {}
        return self.answer(self.types.get(name, ""), data.get(name))

    def answer(self, field_type: str, value):
        if value is None or value == "":
            return ""
        if field_type == "participant":
            pk = as_participant_id(value)
            return self.participant(pk) if pk is not None else _clean(value)
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        if isinstance(value, list | tuple):
            return _clean(", ".join(str(item) for item in value))
        if field_type == "date" and isinstance(value, str) and (day := parse_date(value[:10])):
            return day.strftime("%d.%m.%Y")
        if field_type == "datetime" and isinstance(value, str):
            try:
                moment = parse_datetime(value)
            except ValueError:
                moment = None
            if moment is not None:
                if timezone.is_aware(moment):
                    moment = timezone.localtime(moment)
                return moment.strftime(DATETIME_DISPLAY)
        if isinstance(value, int | float):
            return value
        return _clean(value)


def _clean(value) -> str:
    """Text without the control characters XLSX refuses (and nobody reads)."""
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


class _Prepared:
    """A queryset streamed in chunks, each chunk's participant names fetched before its rows."""

    def __init__(self, queryset, formatter: AnswerFormatter):
        self.model = queryset.model
        self.queryset = queryset
        self.formatter = formatter

    def __iter__(self):
        chunk = []
        for submission in self.queryset.iterator(chunk_size=CHUNK_SIZE):
            chunk.append(submission)
            if len(chunk) == CHUNK_SIZE:
                yield from self._flush(chunk)
                chunk = []
        yield from self._flush(chunk)

    def _flush(self, chunk):
        self.formatter.prepare(chunk)
        return iter(chunk)


# --- the list and its export -----------------------------------------------------------------


class QuestionnaireSubmissionsListView(SubmissionsListView):
    """Wagtail's submissions list, readable in Russian; see the module's docstring."""

    export_format = None
    paginator_class = CappedCountPaginator

    @cached_property
    def questions(self):
        return list(self.form_page.get_form_fields())

    @cached_property
    def formatter(self) -> AnswerFormatter:
        return AnswerFormatter(self.questions)

    def get_data_fields(self) -> list[tuple[str, str]]:
        fields = [(SUBMIT_TIME, _("Date and time"))]
        if not getattr(self.form_page, "is_anonymous", False):
            fields.append((PARTICIPANT, _("Participant")))
        fields += [(question.clean_name, question.label) for question in self.questions]
        return fields

    # Export

    def get_filename(self):
        return answers_basename(self.form_page.title, timezone.localdate())

    def as_spreadsheet(self, queryset, spreadsheet_format):
        fields = self.get_data_fields()
        self.list_export = [name for name, _label in fields]
        self.export_headings = {name: str(label) for name, label in fields}
        self.export_format = spreadsheet_format
        return super().as_spreadsheet(_Prepared(queryset, self.formatter), spreadsheet_format)

    def to_row_dict(self, item):
        xlsx = self.export_format == self.FORMAT_XLSX
        return OrderedDict(
            (name, self.formatter.value(item, name, xlsx=xlsx)) for name in self.list_export
        )

    def write_xlsx(self, queryset, output):
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=_clean(_("Answers"))[:31])
        sheet.column_dimensions["A"].width = 18
        if PARTICIPANT in self.list_export:
            sheet.column_dimensions["B"].width = 36
        bold = Font(bold=True)
        headings = []
        for name in self.list_export:
            cell = WriteOnlyCell(sheet, value=_clean(self.get_heading(queryset, name)))
            cell.data_type = "s"
            cell.font = bold
            headings.append(cell)
        sheet.append(headings)
        for item in queryset:
            sheet.append(
                self.generate_xlsx_row(
                    sheet, self.to_row_dict(item), date_format=XLSX_DATETIME_FORMAT
                )
            )
        workbook.save(output)

    def write_xlsx_response(self, queryset):
        # FileResponse streams the file and closes it when the download is done.
        output = tempfile.TemporaryFile()  # noqa: SIM115
        try:
            self.write_xlsx(queryset, output)
        except BaseException:
            output.close()
            raise
        output.seek(0)
        response = FileResponse(output, content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = answers_disposition(
            self.form_page, timezone.localdate(), "xlsx"
        )
        return response

    def write_csv_response(self, queryset):
        def rows():
            # A byte order mark: Excel then reads the CSV as UTF-8, Cyrillic intact.
            yield Echo().write("\ufeff")
            yield from self.stream_csv(queryset)

        response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = answers_disposition(
            self.form_page, timezone.localdate(), "csv"
        )
        return response

    # The list

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.is_export:
            return context
        submissions = list(context["submissions"])
        self.formatter.prepare(submissions)
        fields = self.get_data_fields()
        ordering = {heading["name"]: heading for heading in context.get("data_headings", [])}
        context["data_headings"] = [
            {"name": name, "label": label, "order": ordering.get(name, {}).get("order")}
            for name, label in fields
        ]
        context["data_rows"] = [
            {
                "model_id": submission.pk,
                "fields": [self.formatter.value(submission, name) for name, _label in fields],
            }
            for submission in submissions
        ]
        # The same rule as QuestionnaireDeleteSubmissionsView: no boxes for a deletion refused.
        context["may_delete"] = self.form_page.permissions_for_user(self.request.user).can_edit()
        return context

    @cached_property
    def header_buttons(self):
        try:
            url = reverse("forms_app_results", args=[self.form_page.pk])
        except NoReverseMatch:
            return []
        return [HeaderButton(_("Results report"), url=url, icon_name="table")]


# --- deletion --------------------------------------------------------------------------------


class QuestionnaireDeleteSubmissionsView(DeleteSubmissionsView):
    """Wagtail's deletion of the selected answers, written to the page's log: who and how many.

    Curators and auditors may read their organisation's answers, but deleting them stays
    with those who may edit the page (editors, administrators).
    """

    def dispatch(self, request, *args, **kwargs):
        page = Page.objects.filter(pk=kwargs.get("page_id")).first()
        if page is not None and not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def handle_delete(self, submissions):
        model_label = submissions.model._meta.label
        # Wagtail refuses to save an entry whose action it does not know.
        register_log_actions(log_registry)
        with transaction.atomic():
            _total, deleted = submissions.delete()
            count = deleted.get(model_label, 0)
            if count:
                log(
                    instance=self.page,
                    action=DELETE_ACTION,
                    user=self.request.user,
                    data={"count": count},
                )
        messages.success(
            self.request,
            ngettext(
                "One submission has been deleted.",
                "%(count)d submissions have been deleted.",
                count,
            )
            % {"count": count},
        )


class SubmissionsDeletedFormatter(LogFormatter):
    label = gettext_lazy("Delete answers")

    def format_message(self, log_entry):
        count = (log_entry.data or {}).get("count", 0)
        return _("Answers deleted: %(count)s") % {"count": count}


def register_log_actions(actions):
    """Names the deletion in the page's history; idempotent (registered below at import)."""
    # `formatters`, not `action_exists()`: the latter would scan the hooks again mid-scan.
    if DELETE_ACTION not in actions.formatters:
        actions.register_action(DELETE_ACTION)(SubmissionsDeletedFormatter)


hooks.register("register_log_actions", register_log_actions)


def delete_submissions_urls():
    """Wagtail's own deletion path, answered by the logging view (register with order=-1)."""
    return [
        path(
            "forms/submissions/<int:page_id>/delete/",
            QuestionnaireDeleteSubmissionsView.as_view(),
            name="forms_app_delete_submissions",
        )
    ]
