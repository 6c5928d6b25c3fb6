"""The questionnaire results report in Wagtail's admin, and its XLSX download.

Who may open it is who may read the page's answers: Wagtail's rule for a form's submissions
(`get_forms_for_user`) as narrowed by the `filter_form_submissions_for_user` hook in
forms_app/wagtail_hooks.py — the curators and auditors of the page's organisation and the
superuser. The right is checked before the page is looked up, as Wagtail's own submissions
views do, so a refused user learns nothing about which pages exist.
"""

import tempfile

from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.contrib.forms.utils import get_forms_for_user

from forms_app.models import QuestionnairePage
from forms_app.reports.filenames import report_disposition
from forms_app.reports.results import HTML_TEXT_LIMIT, XLSX_TEXT_LIMIT, questionnaire_results
from forms_app.reports.xlsx import write_results_xlsx
from portal.filenames import XLSX_CONTENT_TYPE


def user_can_view_submissions(user, page_id: int) -> bool:
    """Wagtail's rule for a form page's submissions, as its submissions list applies it."""
    return get_forms_for_user(user).filter(pk=page_id).exists()


def _url_or_none(name: str, *args) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


class ResultsAccessMixin:
    """Sets `self.page`; refuses whoever may not see the page's submissions.

    As in Wagtail's submissions views, the right is checked before the page is looked up, so
    a refused user learns nothing about which pages exist.
    """

    page: QuestionnairePage

    def dispatch(self, request, *args, page_id: int, **kwargs):
        if not user_can_view_submissions(request.user, page_id):
            raise PermissionDenied
        self.page = get_object_or_404(QuestionnairePage, pk=page_id)
        return super().dispatch(request, *args, page_id=page_id, **kwargs)


class ResultsReportView(ResultsAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    """Each question's answers as a table with bars; free answers, the newest 500 of each."""

    template_name = "forms_app/reports/results.html"
    page_title = gettext_lazy("Questionnaire results")
    header_icon = "form"
    http_method_names = ["get", "head", "options"]

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items]
        if forms_url := _url_or_none("wagtailforms:index"):
            items.append({"url": forms_url, "label": _("Forms")})
        if submissions_url := _url_or_none("wagtailforms:list_submissions", self.page.pk):
            items.append({"url": submissions_url, "label": self.page.get_admin_display_title()})
        items.append(
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()}
        )
        return items

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            form_page=self.page,
            report=questionnaire_results(self.page, text_limit=HTML_TEXT_LIMIT),
            text_limit=HTML_TEXT_LIMIT,
            xlsx_text_limit=XLSX_TEXT_LIMIT,
            xlsx_url=reverse("forms_app_results_xlsx", args=[self.page.pk]),
            submissions_url=_url_or_none("wagtailforms:list_submissions", self.page.pk),
            **kwargs,
        )


class ResultsXlsxView(ResultsAccessMixin, View):
    """The report as «Отчет по результатам … .xlsx», with the newest free answers."""

    http_method_names = ["get", "head", "options"]

    def get(self, request, *args, **kwargs):
        report = questionnaire_results(self.page, text_limit=XLSX_TEXT_LIMIT)
        # FileResponse streams the file and closes it when the download is done.
        output = tempfile.TemporaryFile()  # noqa: SIM115
        try:
            write_results_xlsx(report, output)
        except BaseException:
            output.close()
            raise
        output.seek(0)
        response = FileResponse(output, content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = report_disposition(self.page, timezone.localdate())
        return response


def report_urls():
    """The report's admin URLs, for the `register_admin_urls` hook."""
    return [
        path(
            "questionnaires/<int:page_id>/report/",
            ResultsReportView.as_view(),
            name="forms_app_results",
        ),
        path(
            "questionnaires/<int:page_id>/report.xlsx",
            ResultsXlsxView.as_view(),
            name="forms_app_results_xlsx",
        ),
    ]
