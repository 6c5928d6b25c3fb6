"""Development plans in the cabinet and the admin: who reads, who writes, the printed DOCX."""

import datetime
import io

import docx
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from portal.roles import CURATORS, PARTICIPANTS
from portal.tests.access import NOT_FOUND, REFUSED, outcome
from portal.tests.factories import UserFactory, user_with_role
from programmes.cabinet.plans import CABINET_PLAN_REASON
from programmes.models import DevelopmentPlan, PlanTask, PlanTaskStatus
from programmes.tests.factories import (
    OrganisationFactory,
    PlanTaskFactory,
    pair_with_mentees,
)

pytestmark = pytest.mark.django_db


def account(participant):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=PARTICIPANTS))
    participant.user = user
    participant.save()
    return user


@pytest.fixture
def group():
    """A group of two mentees; the first one's plan has a done task and a planned one."""
    pair = pair_with_mentees(mentees=2, active=True)
    first, second = pair.mentees.order_by("pk")
    PlanTaskFactory(
        plan__membership=first,
        plan__goals="Подготовиться к олимпиаде\nВыступить на конференции",
        title="Решить вариант школьного этапа",
        deadline=datetime.date(2023, 11, 15),
        status=PlanTaskStatus.DONE,
        completed_on=datetime.date(2023, 11, 14),
        result="Решено 5 задач из 7",
    )
    PlanTaskFactory(plan=first.plan, title="Подготовить доклад", deadline=datetime.date(2099, 3, 1))
    PlanTaskFactory(plan__membership=second, title="Секретная задача одноклассника")
    return {"pair": pair, "first": first, "second": second}


def plan_url(membership):
    return reverse("cabinet:plan", args=[membership.pk])


def test_the_mentee_reads_their_plan_with_its_progress(client, group):
    client.force_login(account(group["first"].mentee))

    overview = client.get(reverse("cabinet:overview")).content.decode()
    page = client.get(plan_url(group["first"])).content.decode()

    assert plan_url(group["first"]) in overview
    assert plan_url(group["second"]) not in overview
    assert "Подготовиться к олимпиаде" in page and "Решено 5 задач из 7" in page
    assert "Выполнено задач: 1 из 2" in page
    assert '<rect class="progress-bar__done" width="50"' in page
    assert "Секретная задача одноклассника" not in page
    assert "<textarea" not in page  # reading, not editing


def test_a_mentee_never_opens_a_classmates_or_another_pairs_plan(client, group):
    other = pair_with_mentees(active=True, programme=group["pair"].programme)
    client.force_login(account(group["first"].mentee))

    for membership in (group["second"], other.mentees.get()):
        assert outcome(client.get(plan_url(membership))) == NOT_FOUND
        assert (
            outcome(client.get(reverse("cabinet:plan_document", args=[membership.pk]))) == NOT_FOUND
        )


def test_the_mentee_cannot_change_their_own_plan(client, group):
    client.force_login(account(group["first"].mentee))
    task = group["first"].plan.tasks.first()

    refused = [
        client.post(plan_url(group["first"]), {"goals": "Ничего не делать"}),
        client.post(
            reverse("cabinet:plan_task_new", args=[group["first"].pk]),
            {"title": "Отдыхать", "deadline": "01.01.2099", "status": "planned"},
        ),
        client.post(
            reverse("cabinet:plan_task", args=[task.pk]),
            {"title": "Отдыхать", "deadline": "01.01.2099", "status": "cancelled"},
        ),
    ]

    assert [outcome(response) for response in refused] == [REFUSED, NOT_FOUND, NOT_FOUND]
    assert group["first"].plan.goals.startswith("Подготовиться")
    assert PlanTask.objects.count() == 3
    assert PlanTask.objects.get(pk=task.pk).title == task.title


def test_the_mentor_sets_goals_adds_and_completes_a_task(client, group):
    mentor = account(group["pair"].mentor)
    client.force_login(mentor)
    second = group["second"]

    goals = client.post(plan_url(second), {"goals": "Научиться планировать время"})
    added = client.post(
        reverse("cabinet:plan_task_new", args=[second.pk]),
        {"title": "Вести дневник", "deadline": "20.12.2099", "status": "in_progress"},
    )
    task = PlanTask.objects.get(title="Вести дневник")
    today = timezone.localdate().strftime("%d.%m.%Y")
    done = client.post(
        reverse("cabinet:plan_task", args=[task.pk]),
        {
            "title": "Вести дневник",
            "deadline": "20.12.2099",
            "status": "done",
            "completed_on": today,
            "result": "Дневник ведётся",
        },
    )

    assert [goals.status_code, added.status_code, done.status_code] == [302, 302, 302]
    second.plan.refresh_from_db()
    assert second.plan.goals == "Научиться планировать время"
    task.refresh_from_db()
    assert (task.plan.membership, task.status, task.result) == (second, "done", "Дневник ведётся")
    latest = task.history.order_by("-history_id").first()
    assert (latest.history_user, latest.history_change_reason) == (mentor, CABINET_PLAN_REASON)


def test_the_mentor_is_told_what_is_wrong_and_nothing_changes(client, group):
    client.force_login(account(group["pair"].mentor))
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).strftime("%d.%m.%Y")

    response = client.post(
        reverse("cabinet:plan_task_new", args=[group["second"].pk]),
        {"title": "Вести дневник", "deadline": "31.02.2099", "status": "done"},
    )
    future = client.post(
        reverse("cabinet:plan_task_new", args=[group["second"].pk]),
        {
            "title": "Вести дневник",
            "deadline": "20.12.2099",
            "status": "done",
            "completed_on": tomorrow,
        },
    )

    assert response.status_code == 400 and future.status_code == 400
    assert "не может быть позже сегодняшнего дня" in future.content.decode()
    assert not PlanTask.objects.filter(title="Вести дневник").exists()


def test_another_pairs_mentor_cannot_open_or_change_the_plan(client, group):
    other = pair_with_mentees(active=True, programme=group["pair"].programme)
    client.force_login(account(other.mentor))
    task = group["first"].plan.tasks.first()

    assert outcome(client.get(plan_url(group["first"]))) == NOT_FOUND
    assert outcome(client.post(plan_url(group["first"]), {"goals": "Чужое"})) == NOT_FOUND
    assert (
        outcome(client.post(reverse("cabinet:plan_task", args=[task.pk]), {"title": "Чужое"}))
        == NOT_FOUND
    )
    assert not PlanTask.objects.filter(title="Чужое").exists()


def test_a_finished_pairs_plan_is_read_only_for_the_mentor(client, group):
    pair = group["pair"]
    pair.status, pair.end_date = "completed", timezone.localdate()
    pair.save()
    client.force_login(account(pair.mentor))

    page = client.get(plan_url(group["first"])).content.decode()
    post = client.post(plan_url(group["first"]), {"goals": "Поздно"})

    assert "<textarea" not in page and "Подготовиться к олимпиаде" in page
    assert post.status_code == 302
    assert DevelopmentPlan.objects.get(pk=group["first"].plan.pk).goals.startswith("Подг")


def document_text(response) -> str:
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    document = docx.Document(io.BytesIO(response.content))
    texts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        texts += ["|".join(cell.text for cell in row.cells) for row in table.rows]
    return "\n".join(texts)


def test_the_printed_plan_has_the_heading_goals_tasks_and_signatures(client, group):
    pair, first = group["pair"], group["first"]
    client.force_login(account(first.mentee))

    response = client.get(reverse("cabinet:plan_document", args=[first.pk]))
    text = document_text(response)

    assert "Индивидуальный план развития" in text
    assert pair.programme.organisation.full_name in text
    assert f"Программа наставничества: {pair.programme.title}" in text
    assert f"Форма наставничества: {pair.programme.form}" in text
    assert f"Наставник: {pair.mentor.full_name}" in text
    assert f"Наставляемый: {first.mentee.full_name}" in text
    assert "Период: с 01.10.2023 по 30.06.2024" in text
    assert "Подготовиться к олимпиаде\nВыступить на конференции" in text
    assert "№|Задача|Срок|Статус|Дата выполнения|Результат" in text
    assert (
        "1|Решить вариант школьного этапа|15.11.2023|Выполнена|14.11.2023|Решено 5 задач из 7"
        in text
    )
    assert "2|Подготовить доклад|01.03.2099|Запланирована|—|—" in text
    assert "Выполнено задач: 1 из 2" in text
    assert "Наставник: ____________________" in text and "Куратор программы:" in text
    assert "Секретная задача одноклассника" not in text
    assert "filename*=utf-8''" in response["Content-Disposition"]


def test_curator_edits_the_plan_in_the_admin_with_a_reason_and_the_auditor_only_reads(
    client, group
):
    school = group["pair"].programme.organisation
    curator, auditor = user_with_role("curator"), user_with_role("auditor")
    school.members.add(curator, auditor)
    stranger = UserFactory()
    stranger.groups.add(Group.objects.get(name=CURATORS))
    OrganisationFactory().members.add(stranger)
    plan = group["first"].plan
    edit = reverse("programmes_developmentplan_modeladmin_edit", args=[plan.pk])
    document = reverse("programmes_developmentplan_modeladmin_document", args=[plan.pk])

    client.force_login(curator)
    saved = client.post(
        edit,
        {
            "membership": group["first"].pk,
            "goals": "Цель куратора",
            "change_reason": "Решение методического совета",
        },
    )
    curator_document = client.get(document)
    client.force_login(auditor)
    auditor_edit = client.post(edit, {"goals": "Аудитор", "change_reason": "—"})
    auditor_document = client.get(document)
    client.force_login(stranger)
    stranger_document = client.get(document)

    assert saved.status_code == 302
    plan.refresh_from_db()
    assert plan.goals == "Цель куратора"
    latest = plan.history.order_by("-history_id").first()
    assert (latest.history_user, latest.history_change_reason) == (
        curator,
        "Решение методического совета",
    )
    assert "Цель куратора" in document_text(curator_document)
    assert outcome(auditor_edit) == REFUSED and plan.goals == "Цель куратора"
    assert "Цель куратора" in document_text(auditor_document)
    assert outcome(stranger_document) == REFUSED


def test_curator_adds_a_task_in_the_admin_by_the_service_rules(client, group):
    curator = user_with_role("curator")
    group["pair"].programme.organisation.members.add(curator)
    client.force_login(curator)
    create = reverse("programmes_plantask_modeladmin_create")
    data = {
        "plan": group["second"].plan.pk,
        "title": "Посетить открытый урок",
        "deadline": "01.12.2099",
        "status": "done",
        "completed_on": "",
        "result": "",
        "change_reason": "План согласован",
    }

    refused = client.post(create, data)
    accepted = client.post(create, data | {"status": "planned"})

    assert refused.status_code == 200 and "Укажите день, когда задача выполнена." in (
        refused.content.decode()
    )
    assert accepted.status_code == 302
    task = PlanTask.objects.get(title="Посетить открытый урок")
    assert task.history.get().history_change_reason == "План согласован"
