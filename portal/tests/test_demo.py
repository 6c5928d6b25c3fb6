import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Revision

from home.models import DocumentsPage, MentoringDocument, RegulationsPage, RoadmapEvent, RoadmapPage
from portal.demo_users import DEMO_USERS
from programmes.cabinet.selectors import cabinet_pairs
from programmes.models import (
    Feedback,
    Meeting,
    MentoringAgreement,
    Order,
    Pair,
    PairMentee,
    PairStatus,
    Participant,
    Programme,
)
from programmes.selectors.pairs import overdue_pairs

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "documents": MentoringDocument.objects.count(),
        "events": list(RoadmapEvent.objects.order_by("pk").values_list("pk", "status")),
        "participants": Participant.objects.count(),
        "pairs": list(Pair.objects.order_by("pk").values_list("pk", "status")),
        "meetings": Meeting.objects.count(),
        "memberships": PairMentee.objects.count(),
        "feedback": Feedback.objects.count(),
        "pair history": Pair.history.count(),
    }


def test_load_demo_builds_the_section_from_both_seeds(capsys):
    call_command("load_demo", password="secret-demo", force=True)

    roadmaps = RoadmapPage.objects.live().order_by("period_start")
    assert [
        (r.stages.count(), RoadmapEvent.objects.filter(stage__page=r).count()) for r in roadmaps
    ] == [
        (7, 29),
        (6, 30),
    ]
    assert RegulationsPage.objects.live().exists()
    assert DocumentsPage.objects.live().exists()
    assert MentoringDocument.objects.filter(collection__name="Внутренние документы").exists()
    output = capsys.readouterr().out
    for user in DEMO_USERS:
        assert user.username in output
        assert get_user_model().objects.get(username=user.username).check_password("secret-demo")


def test_load_demo_builds_a_programme_a_curator_can_work_with():
    call_command("load_demo", force=True)

    curator = get_user_model().objects.get(username="curator")
    assert curator.organisations.count() == 1
    assert Pair.objects.filter(status=PairStatus.ACTIVE).count() >= 3
    assert overdue_pairs(Pair.objects.all()).exists()
    assert Pair.objects.filter(mentees__mentee__user__username="mentee").exists()
    assert Pair.history.filter(history_user=curator).exists()


def test_load_demo_twice_changes_nothing():
    call_command("load_demo", force=True)
    before = snapshot()

    call_command("load_demo", force=True)

    assert snapshot() == before


def test_load_demo_refuses_a_server_with_debug_off_and_changes_nothing(settings):
    settings.DEBUG = False
    users = get_user_model().objects.count()

    with pytest.raises(CommandError) as refusal:
        call_command("load_demo")

    assert "load_demo --force" in str(refusal.value)
    assert get_user_model().objects.count() == users
    assert not get_user_model().objects.filter(username="admin").exists()


def test_load_demo_loads_with_debug_on_without_force(settings):
    settings.DEBUG = True

    call_command("load_demo")

    assert get_user_model().objects.get(username="admin").check_password("demo12345")


def test_the_demo_mentor_and_mentee_find_their_living_group_in_the_cabinet(client):
    call_command("load_demo", force=True)
    users = get_user_model().objects.in_bulk(["mentor", "mentee", "curator"], field_name="username")

    cards, html = {}, {}
    for role in ("mentor", "mentee"):
        client.force_login(users[role])
        page = client.get(reverse("cabinet:overview"))
        assert page.status_code == 200
        [card] = cabinet_pairs(participant=users[role].participant)
        html[role] = page.content.decode()
        assert card.programme in html[role]
        cards[role] = card

    now = timezone.now()
    for role, card in cards.items():
        assert card.status_code == PairStatus.ACTIVE
        assert card.mentor_name == users["mentor"].participant.full_name
        held = [meeting for meeting in card.meetings if meeting.is_held]
        assert len(held) >= 10 and all(meeting.held_at <= now for meeting in held), role
        assert any(not meeting.is_held and meeting.held_at > now for meeting in card.meetings)
        assert card.feedback_due_count > 0, role
    group = Pair.objects.get(mentor__user=users["mentor"], status=PairStatus.ACTIVE)
    assert group.goals
    membership = group.mentees.get(mentee__user=users["mentee"])
    assert membership.plan.goals and membership.plan.tasks.count() == 6
    for role in ("mentor", "mentee"):
        assert reverse("cabinet:plan", args=[membership.pk]) in html[role], role
    assert membership.joined_on == group.start_date
    client.force_login(users["curator"])
    pairs = client.get(reverse("programmes_pair_modeladmin_index")).content.decode()
    assert users["mentor"].participant.last_name in pairs
    assert (
        group.programme.title
        in client.get(reverse("programmes_programme_modeladmin_index")).content.decode()
    )


def test_the_demo_holds_the_generated_order_approving_its_pairs():
    call_command("load_demo", force=True)

    order = Order.objects.get(number="48-О")
    assert order.document.title.startswith("Приказ")
    assert order.document.collection.get_view_restrictions().exists()
    approved = Pair.objects.exclude(status=PairStatus.DRAFT)
    assert approved.exists() and not approved.filter(order=None).exists()
    assert approved.filter(order=order).count() == approved.count()
    assert MentoringAgreement.objects.exclude(document=None).exists()


def test_the_demo_curator_finds_pairs_to_match_with_a_mutual_choice(client):
    call_command("load_demo", force=True)
    client.force_login(get_user_model().objects.get(username="curator"))
    programme = Programme.objects.get(title="Шаг вперёд: ученик – ученик")

    response = client.get(reverse("programmes_matching", args=[programme.pk]))

    suggestions = {
        (s.mentee.name.split()[0], s.mentor.name.split()[0]): s
        for s in response.context["result"].suggestions
    }
    assert ("Богданов", "Ершова") in suggestions
    assert "взаимный выбор" in [line.text for line in suggestions["Богданов", "Ершова"].lines]
    assert ("Сергеева", "Киселёва") in suggestions
