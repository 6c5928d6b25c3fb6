"""The development plans in the cabinet: the mentor keeps them, the mentee reads their own.

A plan is opened by the mentee's membership of the pair (the plan record itself may not exist
yet: it appears with the first goal or task). Whose plan a participant may open is the
selectors' answer (programmes.selectors.plans); a plan outside it is «not found», as if it
did not exist. Only the mentor writes, and the service checks again that they may.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from programmes.cabinet.forms import PlanGoalsForm, PlanTaskForm
from programmes.cabinet.selectors import participant_for_user
from programmes.cabinet.views import add_errors
from programmes.documents.plan import plan_download
from programmes.models import PairMentee, Participant, PlanTask
from programmes.selectors.plans import (
    memberships_mentored_by,
    memberships_readable_by,
    plan_membership,
    plan_sheet,
    tasks_mentored_by,
)
from programmes.services.plans import mentor_edit_error, plan_goals_save, plan_task_save

# Stored in the records' history, so in the records' language.
CABINET_PLAN_REASON = "Изменено наставником в личном кабинете"


def _participant(request: HttpRequest) -> Participant:
    participant = participant_for_user(request.user)
    if participant is None:
        raise Http404
    return participant


def _membership(queryset, pk: int) -> PairMentee:
    membership = plan_membership(queryset, pk)
    if membership is None:
        raise Http404
    return membership


def _plan_url(membership_pk: int) -> str:
    return reverse("cabinet:plan", args=[membership_pk])


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan; its mentor also changes the goals here (POST)."""
    participant = _participant(request)
    membership = _membership(memberships_readable_by(participant), pk)
    is_mentor = membership.pair.mentor_id == participant.pk
    if request.method == "POST" and not is_mentor:
        raise PermissionDenied
    editable = is_mentor and mentor_edit_error(membership=membership, mentor=participant) is None
    sheet = plan_sheet(membership)
    form = None
    if editable:
        form = PlanGoalsForm(
            request.POST if request.method == "POST" else None,
            initial={"goals": "\n".join(sheet.goals)},
        )
        if form.is_valid():
            try:
                plan_goals_save(
                    membership=membership,
                    goals=form.cleaned_data["goals"],
                    user=request.user,
                    reason=CABINET_PLAN_REASON,
                    mentor=participant,
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The goals are saved."))
                return redirect("cabinet:plan", pk=membership.pk)
    elif request.method == "POST":
        messages.error(request, _("The plan of a finished pair cannot be changed."))
        return redirect("cabinet:plan", pk=membership.pk)
    return render(
        request,
        "programmes/cabinet/plan.html",
        {"sheet": sheet, "is_mentor": is_mentor, "editable": editable, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def _task_page(request, *, membership, form, task=None, status=200):
    return render(
        request,
        "programmes/cabinet/plan_task.html",
        {"sheet": plan_sheet(membership), "form": form, "task": task},
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def plan_task_new(request: HttpRequest, pk: int) -> HttpResponse:
    """The mentor adds a task to a mentee's plan."""
    participant = _participant(request)
    membership = _membership(memberships_mentored_by(participant), pk)
    form = PlanTaskForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        task = PlanTask(**form.cleaned_data)
        try:
            plan_task_save(
                task=task,
                membership=membership,
                user=request.user,
                reason=CABINET_PLAN_REASON,
                mentor=participant,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The task is added to the plan."))
            return redirect(_plan_url(membership.pk))
    return _task_page(
        request,
        membership=membership,
        form=form,
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def plan_task(request: HttpRequest, pk: int) -> HttpResponse:
    """The mentor updates a task: its status, the day it was done, its result."""
    participant = _participant(request)
    task = tasks_mentored_by(participant).filter(pk=pk).select_related("plan").first()
    if task is None:
        raise Http404
    membership = _membership(memberships_mentored_by(participant), task.plan.membership_id)
    form = PlanTaskForm(
        request.POST if request.method == "POST" else None,
        initial={
            name: getattr(task, name)
            for name in ("title", "deadline", "status", "completed_on", "result")
        },
    )
    if form.is_valid():
        for name, value in form.cleaned_data.items():
            setattr(task, name, value)
        try:
            plan_task_save(
                task=task, user=request.user, reason=CABINET_PLAN_REASON, mentor=participant
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The task is saved."))
            return redirect(_plan_url(membership.pk))
    return _task_page(
        request,
        membership=membership,
        form=form,
        task=task,
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def plan_document(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan as the printed DOCX, for its mentee and its mentor."""
    participant = _participant(request)
    membership = _membership(memberships_readable_by(participant), pk)
    return plan_download(plan_sheet(membership))
