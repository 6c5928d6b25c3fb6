"""«Формы» in the admin menu: the questionnaires whose answers the user may read.

Wagtail's own list of form pages asks for a right to edit pages, while reading answers is
given by `get_forms_for_user` as narrowed in forms_app/wagtail_hooks.py: the curators and
auditors of the page's organisation, who edit no page, were shown the menu item and refused
the list. Here the list is exactly `get_forms_for_user`, the same set Wagtail's menu item
counts, so the item is shown to whoever it opens for. Each row leads to the answers (with
their export) and to the results report. The view answers Wagtail's own addresses, registered
ahead of Wagtail's in forms_app/wagtail_hooks.py.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, IntegerField, Max, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.ui.tables.pages import PageStatusColumn
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.contrib.forms.views import FormPagesListView

from forms_app.models import QuestionnaireSubmission


class AnswerLinksColumn(Column):
    cell_template_name = "forms_app/admin/answer_links_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["answers_url"] = reverse("wagtailforms:list_submissions", args=[instance.pk])
        context["report_url"] = reverse("forms_app_results", args=[instance.pk])
        return context


class MoscowTimeColumn(Column):
    """A moment as ДД.ММ.ГГГГ ЧЧ:ММ in the portal's time zone, as the answers list shows it."""

    def get_value(self, instance):
        moment = super().get_value(instance)
        return timezone.localtime(moment).strftime("%d.%m.%Y %H:%M") if moment else ""


class QuestionnaireListView(FormPagesListView):
    """The questionnaires with answers the user may read, their organisation and answers."""

    any_permission_required = None
    default_ordering = "title"
    columns = [
        TitleColumn(
            "title",
            classname="title",
            label=_("Title"),
            url_name="wagtailforms:list_submissions",
            sort_key="title",
            width="30%",
        ),
        Column("organisation", label=_("Organisation"), width="20%"),
        Column("answer_count", label=_("Answers received"), sort_key="answer_count", width="10%"),
        MoscowTimeColumn("last_answer_at", label=_("Latest answer"), sort_key="last_answer_at"),
        AnswerLinksColumn("links", label=""),
        PageStatusColumn("status", label=_("Status"), sort_key="live", width="12%"),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not get_forms_for_user(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        answers = QuestionnaireSubmission.objects.filter(page=OuterRef("pk")).order_by()
        pages = get_forms_for_user(self.request.user).annotate(
            answer_count=Coalesce(
                Subquery(
                    answers.values("page").annotate(total=Count("pk")).values("total"),
                    output_field=IntegerField(),
                ),
                Value(0),
            ),
            last_answer_at=Subquery(
                answers.values("page").annotate(last=Max("submit_time")).values("last")
            ),
        )
        return self.annotate_queryset(pages.select_related("content_type"))


def questionnaire_list_urls():
    """Wagtail's forms list addresses, to be registered before Wagtail's (order=-1)."""
    return [
        path("forms/", QuestionnaireListView.as_view(), name="forms_app_questionnaires"),
        path(
            "forms/results/",
            QuestionnaireListView.as_view(results_only=True),
            name="forms_app_questionnaires_results",
        ),
    ]
