"""The portal's roles as Django groups, defined here in code and kept in sync on migrate.

Whatever an administrator adds to these groups by hand is reset by the next `migrate`: the code
is the one place a role's rights are decided, and the place a reviewer reads them.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

EDITORS = "Редакторы"
CURATORS = "Кураторы"
AUDITORS = "Проверяющие"
PARTICIPANTS = "Участники"

ROLE_LABELS = {
    EDITORS: _("Editors"),
    CURATORS: _("Curators"),
    AUDITORS: _("Auditors"),
    PARTICIPANTS: _("Participants"),
}

PAGE_EDITING = [
    "add_page",
    "change_page",
    "publish_page",
    "delete_page",
    "lock_page",
    "unlock_page",
]
DOCUMENT_EDITING = [
    "add_document",
    "change_document",
    "delete_document",
    "choose_document",
    "add_image",
    "change_image",
    "delete_image",
    "choose_image",
]


@dataclass(frozen=True)
class Role:
    name: str
    # "app_label.codename" permissions held everywhere.
    permissions: list[str] = field(default_factory=list)
    # Wagtail page permissions on the whole tree (granted on the root page).
    page_permissions: list[str] = field(default_factory=list)
    # Wagtail document/image permissions on the whole library (the root collection).
    collection_permissions: list[str] = field(default_factory=list)


ROLES = [
    Role(
        name=EDITORS,
        permissions=["wagtailadmin.access_admin", "home.view_roadmapevent"],
        page_permissions=PAGE_EDITING,
        collection_permissions=DOCUMENT_EDITING,
    ),
    Role(
        name=CURATORS,
        permissions=["wagtailadmin.access_admin", "home.view_roadmapevent"],
        collection_permissions=["choose_document", "choose_image"],
    ),
    Role(
        name=AUDITORS,
        permissions=["wagtailadmin.access_admin", "home.view_roadmapevent"],
    ),
    Role(name=PARTICIPANTS),
]


def _permissions(codes: list[str]) -> list[Permission]:
    found = []
    for code in codes:
        app_label, codename = code.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def _wagtail_permissions(codenames: list[str]) -> list[Permission]:
    return list(
        Permission.objects.filter(
            codename__in=codenames,
            content_type__app_label__in=["wagtailcore", "wagtaildocs", "wagtailimages"],
        ).select_related("content_type")
    )


@transaction.atomic
def sync_roles() -> None:
    """Create the role groups and set exactly the permissions the code gives them."""
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role.name)
        group.permissions.set(_permissions(role.permissions))
        GroupPagePermission.objects.filter(group=group).delete()
        if root_page:
            GroupPagePermission.objects.bulk_create(
                GroupPagePermission(group=group, page=root_page, permission=permission)
                for permission in _wagtail_permissions(role.page_permissions)
                if permission.content_type.app_label == "wagtailcore"
            )
        GroupCollectionPermission.objects.filter(group=group).delete()
        if root_collection:
            GroupCollectionPermission.objects.bulk_create(
                GroupCollectionPermission(
                    group=group, collection=root_collection, permission=permission
                )
                for permission in _wagtail_permissions(role.collection_permissions)
                if permission.content_type.app_label != "wagtailcore"
            )
