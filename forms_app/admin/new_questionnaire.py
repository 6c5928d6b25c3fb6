"""A new questionnaire starts from its kind: the editor picks the kind, then sees the kind's
questions already in the creation form.

Wagtail builds the creation form from an unsaved page it makes itself, so the kind chosen in
the `before_create_page` hook reaches the `init_new_page` signal (sent just before the form
is built, in the same request) through a context variable.
"""

from contextvars import ContextVar

from django.template.response import TemplateResponse
from django.utils.http import urlencode

from forms_app.defaults import KIND_DESCRIPTIONS, prefill_new_questionnaire
from forms_app.models import QuestionnaireKind, QuestionnairePage

KIND_PARAMETER = "kind"
_chosen_kind: ContextVar[str | None] = ContextVar("chosen_questionnaire_kind", default=None)


def choose_kind_first(request, parent_page, page_class):
    """`before_create_page`: without a kind in the address, ask for one first."""
    if not issubclass(page_class, QuestionnairePage) or request.method not in ("GET", "HEAD"):
        return None
    kind = request.GET.get(KIND_PARAMETER)
    if kind in QuestionnaireKind.values:
        _chosen_kind.set(kind)
        return None
    kinds = [
        {
            "label": label,
            "description": KIND_DESCRIPTIONS[value],
            "url": f"{request.path}?{urlencode({**request.GET.dict(), KIND_PARAMETER: value})}",
        }
        for value, label in QuestionnaireKind.choices
    ]
    return TemplateResponse(
        request,
        "forms_app/admin/choose_kind.html",
        {"kinds": kinds, "parent_page": parent_page},
    )


def prefill_with_chosen_kind(sender, page, parent, **kwargs):
    """`init_new_page`: the chosen kind's settings and questions on the unsaved page."""
    kind = _chosen_kind.get()
    _chosen_kind.set(None)
    if isinstance(page, QuestionnairePage) and kind:
        prefill_new_questionnaire(page, kind=kind)
