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
    # {"app_label": ["view", "add", ...]}: those actions on every model of the app.
    app_actions: dict[str, list[str]] = field(default_factory=dict)
    # "app_label.codename" permissions taken back from app_actions.
    excluded: list[str] = field(default_factory=list)
    # Wagtail page permissions on the whole tree (granted on the root page).
    page_permissions: list[str] = field(default_factory=list)
    # Wagtail document/image permissions on the whole library (the root collection).
    collection_permissions: list[str] = field(default_factory=list)


ROLES = [
    Role(
        name=EDITORS,
        permissions=[
            "wagtailadmin.access_admin",
            "home.view_roadmapevent",
            # Editors keep the list of mentoring forms that programmes choose from.
            "programmes.view_mentoringform",
            "programmes.add_mentoringform",
            "programmes.change_mentoringform",
        ],
        page_permissions=PAGE_EDITING,
        collection_permissions=DOCUMENT_EDITING,
    ),
    Role(
        name=CURATORS,
        permissions=[
            "wagtailadmin.access_admin",
            "home.view_roadmapevent",
            # Lifting the sign-in lockouts of their organisations' participants
            # (portal/signin/lockouts.py decides whose).
            "axes.delete_accessattempt",
        ],
        app_actions={
            "programmes": ["view", "add", "change", "delete"],
            "forms_app": ["view", "add"],
        },
        # Organisations and who works with them are the administrator's business.
        excluded=[
            "programmes.add_organisation",
            "programmes.change_organisation",
            "programmes.delete_organisation",
        ],
        collection_permissions=["choose_document", "choose_image"],
    ),
    Role(
        name=AUDITORS,
        permissions=["wagtailadmin.access_admin"],
        app_actions={"home": ["view"], "programmes": ["view"], "forms_app": ["view"]},
    ),
    Role(name=PARTICIPANTS),
]


def _permissions(codes: list[str]) -> list[Permission]:
    found = []
    for code in codes:
        app_label, codename = code.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def _app_permissions(app_actions: dict[str, list[str]]) -> list[Permission]:
    found = []
    for app_label, actions in app_actions.items():
        # History tables get permissions too; nobody is given a right to change history.
        permissions = Permission.objects.filter(content_type__app_label=app_label).exclude(
            content_type__model__startswith="historical"
        )
        found.extend(p for p in permissions if p.codename.split("_", 1)[0] in actions)
    return found


def _wagtail_permissions(codenames: list[str]) -> list[Permission]:
    return list(
        Permission.objects.filter(
            codename__in=codenames,
            content_type__app_label__in=["wagtailcore", "wagtaildocs", "wagtailimages"],
        ).select_related("content_type")
    )


WAGTAIL_DEFAULT_GROUPS = ["Moderators", "Editors"]


@transaction.atomic
def sync_roles() -> None:
    """Create the role groups and set exactly the permissions the code gives them.

    Wagtail's own English «Editors» and «Moderators» groups are removed while nobody is in
    them, so the group list shows the portal's roles only.
    """
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role.name)
        excluded = {permission.pk for permission in _permissions(role.excluded)}
        granted = _permissions(role.permissions) + _app_permissions(role.app_actions)
        group.permissions.set([p for p in granted if p.pk not in excluded])
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
