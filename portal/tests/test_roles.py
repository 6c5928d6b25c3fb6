import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from portal.roles import AUDITORS, CURATORS, EDITORS, PARTICIPANTS, sync_roles

pytestmark = pytest.mark.django_db


def codenames(group_name):
    group = Group.objects.get(name=group_name)
    return {
        "model": set(group.permissions.values_list("codename", flat=True)),
        "page": set(
            GroupPagePermission.objects.filter(group=group).values_list(
                "permission__codename", flat=True
            )
        ),
        "collection": set(
            GroupCollectionPermission.objects.filter(group=group).values_list(
                "permission__codename", flat=True
            )
        ),
    }


def test_migrate_creates_every_role_group():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        EDITORS,
        CURATORS,
        AUDITORS,
        PARTICIPANTS,
    }


def test_editors_edit_and_publish_pages_and_documents():
    editors = codenames(EDITORS)

    assert {"add_page", "change_page", "publish_page"} <= editors["page"]
    assert {"add_document", "change_document"} <= editors["collection"]


def test_auditors_and_participants_change_nothing():
    for group in (AUDITORS, PARTICIPANTS):
        rights = codenames(group)
        assert not rights["page"]
        assert not rights["collection"]
        assert not {c for c in rights["model"] if c.startswith(("add_", "change_", "delete_"))}


def test_participants_have_no_admin_access():
    assert "access_admin" not in codenames(PARTICIPANTS)["model"]


def test_sync_resets_rights_added_by_hand():
    auditors = Group.objects.get(name=AUDITORS)
    from django.contrib.auth.models import Permission

    auditors.permissions.add(Permission.objects.get(codename="change_roadmapevent"))

    sync_roles()

    assert "change_roadmapevent" not in codenames(AUDITORS)["model"]
