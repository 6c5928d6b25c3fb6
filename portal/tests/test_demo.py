import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from wagtail.models import Page, Revision

from home.models import DocumentsPage, MentoringDocument, RegulationsPage, RoadmapEvent, RoadmapPage
from portal.demo_users import DEMO_USERS

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "documents": MentoringDocument.objects.count(),
        "events": list(RoadmapEvent.objects.order_by("pk").values_list("pk", "status")),
    }


def test_load_demo_builds_the_section_from_both_seeds(capsys):
    call_command("load_demo", password="secret-demo")

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
        assert authenticate(username=user.username, password="secret-demo")


def test_load_demo_twice_changes_nothing():
    call_command("load_demo")
    before = snapshot()

    call_command("load_demo")

    assert snapshot() == before
