"""The change journal in Wagtail's admin: the filtered list, its XLSX export, URLs and menu item.

Wiring (in the app's wagtail_hooks.py)::

    @hooks.register("register_admin_urls")
    def register_journal_urls():
        return journal_urls()

    @hooks.register("register_admin_menu_item")
    def register_journal_menu_item():
        return JournalMenuItem(order=...)
"""

import datetime
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from urllib.parse import quote as url_quote

from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import FileResponse, HttpResponseRedirect
from django.urls import NoReverseMatch, path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.date_widgets import StrictAdminDateInput
from portal.filenames import XLSX_CONTENT_TYPE
from programmes.history.diff import Version
from programmes.history.journal import (
    MAX_MATCHED_USERS,
    JournalFilters,
    entries,
    iter_entries,
    journal_models,
    journal_rows,
    model_by_name,
    user_can_see_journal,
    users_matching,
)
from programmes.history.views import PAGE_SIZE, HistoryPaginator

MAX_OBJECT_ID = 2**63 - 1


class JournalFilterForm(forms.Form):
    """The journal's filters; every field may stay empty."""

    model = forms.ChoiceField(label=gettext_lazy("Record type"), required=False)
    user = forms.CharField(
        label=gettext_lazy("Who changed"),
        required=False,
        max_length=150,
        help_text=gettext_lazy("Surname, name or login."),
    )
    date_from = forms.DateField(
        label=gettext_lazy("Period from"), required=False, widget=StrictAdminDateInput()
    )
    date_to = forms.DateField(
        label=gettext_lazy("Period to"), required=False, widget=StrictAdminDateInput()
    )
    object_id = forms.IntegerField(
        label=gettext_lazy("Record ID"), required=False, min_value=1, max_value=MAX_OBJECT_ID
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["model"].choices = [
            ("", _("All types")),
            *sorted(
                (
                    (model._meta.model_name, capfirst(str(model._meta.verbose_name_plural)))
                    for model in journal_models(user)
                ),
                key=lambda choice: choice[1],
            ),
        ]

    def clean_user(self) -> tuple[int, ...] | None:
        text = self.cleaned_data["user"].strip()
        if not text:
            return None
        user_ids = users_matching(text)
        if not user_ids:
            raise forms.ValidationError(_("Nobody with this name or login was found."))
        if len(user_ids) > MAX_MATCHED_USERS:
            raise forms.ValidationError(
                _("Too many people match; give the surname more fully or the login.")
            )
        return tuple(user_ids)

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error("date_to", _("The end of the period is before its start."))
        return cleaned

    def filters(self) -> JournalFilters:
        data = self.cleaned_data
        return JournalFilters(
            model=model_by_name(data["model"]) if data.get("model") else None,
            user_ids=data.get("user"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            object_id=data.get("object_id"),
        )


class JournalAccessMixin:
    """Who may open the journal: whoever may view any of the programme's records.

    Editors may view only the mentoring forms, so they are let in and see only the
    mentoring forms' history (rows of no organisation); curators and auditors see the rows of
    their organisations (an auditor of several organisations sees all of theirs); superusers
    see everything. Anonymous users and participants (no admin access) are sent to the login
    page by Wagtail's `require_admin_access` before the view runs.
    """

    def dispatch(self, request, *args, **kwargs):
        if not user_can_see_journal(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self) -> JournalFilterForm:
        return JournalFilterForm(self.request.GET, user=self.request.user)


class JournalView(JournalAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """The change journal: who changed which record, when, what from what to what, and why.

    Access (see `JournalAccessMixin`): anonymous users and participants are sent to the login
    page; editors are let in but see only the rows they may see elsewhere, the mentoring
    forms' history (their only `programmes.view_*` permission); curators and auditors see the
    rows stamped with any of their organisations plus rows of no organisation; superusers see
    every row. Filters come in the query string; a filter that does not validate shows its
    error and no rows, never a server error.
    """

    page_title = gettext_lazy("Change journal")
    header_icon = "history"
    template_name = "programmes/history/journal.html"
    http_method_names = ["get", "head", "options"]

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        form = self.get_form()
        if form.is_valid():
            rows = journal_rows(self.request.user, form.filters())
        else:
            rows = journal_rows(self.request.user).none()
        paginator = HistoryPaginator(rows, PAGE_SIZE)
        page = paginator.get_page(self.request.GET.get("p"))
        versions = entries(page.object_list)
        links = history_links(versions)
        return super().get_context_data(
            form=form,
            rows=[(version, links.get((version.model, version.object_id))) for version in versions],
            page_obj=page,
            paginator=paginator,
            elided_page_range=paginator.get_elided_page_range(page.number),
            export_url=reverse("programmes_journal_export"),
            **kwargs,
        )


class JournalExportView(JournalAccessMixin, View):
    """The filtered journal, every row of it, as an XLSX download."""

    http_method_names = ["get", "head", "options"]

    def get(self, request):
        form = self.get_form()
        if not form.is_valid():
            # The journal shows the same filters with their errors.
            query = request.GET.urlencode()
            return HttpResponseRedirect(f"{reverse('programmes_journal')}?{query}")
        rows = journal_rows(request.user, form.filters())
        # FileResponse streams the file and closes it when the download is done.
        output = tempfile.TemporaryFile()  # noqa: SIM115
        try:
            write_journal_xlsx(iter_entries(rows), output)
        except BaseException:
            output.close()
            raise
        output.seek(0)
        response = FileResponse(output, content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = export_disposition(timezone.localdate())
        return response


def export_disposition(day: datetime.date) -> str:
    """«Журнал изменений ДД.ММ.ГГГГ.xlsx» as RFC 5987 `filename*`, an ASCII name for old clients."""
    filename = f"{_('Change journal')} {day:%d.%m.%Y}.xlsx"
    return (
        f'attachment; filename="change-journal-{day:%Y-%m-%d}.xlsx"; '
        f"filename*=utf-8''{url_quote(filename, safe='')}"
    )


def history_links(versions: list[Version]) -> dict[tuple[type[models.Model], object], str]:
    """Links to the history pages of the records that still exist: one query per model."""
    ids = defaultdict(set)
    for version in versions:
        ids[version.model].add(version.object_id)
    links = {}
    for model, object_ids in ids.items():
        url_name = f"{model._meta.app_label}_{model._meta.model_name}_modeladmin_history"
        try:
            reverse(url_name, args=[0])
        except NoReverseMatch:
            continue
        existing = model._base_manager.filter(pk__in=object_ids).values_list("pk", flat=True)
        for pk in existing:
            links[(model, pk)] = reverse(url_name, args=[quote(pk)])
    return links


# --- XLSX ----------------------------------------------------------------------------------


def _text(value: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def write_journal_xlsx(versions: Iterable[Version], output) -> None:
    """Write the versions to `output` as a workbook, a row each, streaming as it goes."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_text(_("Change journal"))[:31])
    widths = {"A": 18, "B": 28, "C": 28, "D": 40, "E": 12, "F": 70, "G": 40}
    for column, width in widths.items():
        sheet.column_dimensions[column].width = width
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")

    def text_cell(value: str, alignment=top):
        cell = WriteOnlyCell(sheet, value=_text(value))
        # Never a formula, whatever a person typed into a record.
        cell.data_type = "s"
        cell.alignment = alignment
        return cell

    headers = [
        _("Date and time"),
        _("User"),
        _("Record type"),
        _("Object"),
        _("Action"),
        _("Changes"),
        _("Reason"),
    ]
    header_cells = []
    for header in headers:
        cell = text_cell(header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)

    for version in versions:
        when = WriteOnlyCell(sheet, value=_local_naive(version.date))
        when.number_format = "DD.MM.YYYY HH:MM"
        when.alignment = top
        sheet.append(
            [
                when,
                text_cell(version.user),
                text_cell(version.model_label),
                text_cell(f"{version.object_label} (#{version.object_id})"),
                text_cell(version.action),
                text_cell(version.changes_text, wrap),
                text_cell(version.reason, wrap),
            ]
        )
    workbook.save(output)


def _local_naive(value: datetime.datetime) -> datetime.datetime:
    if timezone.is_aware(value):
        value = timezone.make_naive(timezone.localtime(value))
    return value.replace(microsecond=0)


# --- wiring --------------------------------------------------------------------------------


def journal_urls():
    """The journal's admin URLs, for the `register_admin_urls` hook."""
    return [
        path("journal/", JournalView.as_view(), name="programmes_journal"),
        path("journal/export/", JournalExportView.as_view(), name="programmes_journal_export"),
    ]


class JournalMenuItem(MenuItem):
    """The journal's menu item, shown to whoever may view any of the programme's records."""

    def __init__(self, label=None, url=None, **kwargs):
        kwargs.setdefault("name", "programmes-journal")
        kwargs.setdefault("icon_name", "history")
        super().__init__(
            label or gettext_lazy("Change journal"),
            url or reverse_lazy("programmes_journal"),
            **kwargs,
        )

    def is_shown(self, request):
        return user_can_see_journal(request.user)
