"""Every URL pattern of the resolver made into concrete URLs over the matrix's data.

A pattern becomes one or more targets: a route filled with the ids of organisation A's records
(`PARAMETERS`, by parameter name, and `OVERRIDES` where a name means something else under a
prefix), or explicit variants (`VARIANTS`: several pages under Wagtail's catch-all, a list and
its export). A pattern that can be neither must be excluded by the matrix's test with the
reason and what covers it instead; one that is neither fails it, so a new URL cannot slip by.
"""

import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from portal.tests.url_patterns import Pattern, model_admin_of, url_patterns


def _obj(name: str) -> Callable:
    return lambda world: world.objects[name]


def _pk(name: str) -> Callable:
    return lambda world: world.objects[name].pk


def _fixed(value: str) -> Callable:
    return lambda world: value


# What a route parameter names, by the parameter's name.
PARAMETERS = {
    "page_id": _pk("questionnaire"),
    "parent_page_id": _pk("section"),
    "page_to_move_id": _pk("questionnaire"),
    "destination_id": _pk("section"),
    "page_pk": _pk("questionnaire"),
    "workflow_pk": _pk("workflow"),
    "revision_id": lambda world: world.objects["questionnaire"].latest_revision_id,
    "revision_id_a": _fixed("earliest"),
    "revision_id_b": _fixed("latest"),
    "task_state_id": _pk("task_state"),
    "task_id": _pk("task"),
    "workflow_state_id": _pk("workflow_state"),
    "action_name": _fixed("approve"),
    "content_type_app_name": _fixed("forms_app"),
    "content_type_model_name": _fixed("questionnairepage"),
    "app_label": _fixed("forms_app"),
    "model_name": _fixed("questionnairepage"),
    "collection_id": _pk("collection"),
    "document_id": _pk("private_document"),
    "doc_id": _pk("private_document"),
    "image_id": _pk("image"),
    "uploaded_file_id": _pk("uploaded_file"),
    "redirect_id": _pk("redirect"),
    "filter_spec": _fixed("max-165x165"),
    "session_id": _pk("editing_session"),
    "programme_id": _pk("programme"),
    "decision_id": _pk("match_decision"),
    "object_id": _pk("questionnaire"),
    "restriction_id": _pk("collection_restriction"),
    "page_view_restriction_id": _pk("page_restriction"),
    "uidb64": lambda world: urlsafe_base64_encode(force_bytes(world.users["mentee"].pk)),
    "token": _fixed("set-password"),
}

# {route prefix: {parameter: value}}: where a parameter's name means something else.
OVERRIDES = {
    "admin/api/main/pages/": {"pk": _pk("questionnaire"), "action_name": _fixed("copy")},
    "admin/api/main/documents/": {"pk": _pk("private_document")},
    "admin/api/main/images/": {"pk": _pk("image")},
    "admin/pages/(?P<pk>": {"pk": _pk("questionnaire")},
    # The roadmap page is in moderation (the data starts Wagtail's default workflow on it).
    "admin/pages/workflow/": {"page_id": _pk("roadmap")},
    "admin/pages/<int:page_id>/workflow_history/": {"page_id": _pk("roadmap")},
    "admin/bulk/": {"app_label": _fixed("wagtailcore"), "model_name": _fixed("page")},
    "admin/collections/": {"pk": _pk("collection")},
    "admin/workflows/tasks/add/": {
        "app_label": _fixed("wagtailcore"),
        "model_name": _fixed("groupapprovaltask"),
    },
    "admin/workflows/tasks/": {"pk": _pk("task")},
    "admin/workflows/": {"pk": _pk("workflow")},
    "admin/editing-sessions/ping/": {
        "app_label": _fixed("wagtailcore"),
        "model_name": _fixed("page"),
    },
    "admin/tag-autocomplete/": {
        "app_name": _fixed("home"),
        "model_name": _fixed("mentoringdocument"),
    },
    # No settings model is registered: any name answers 404.
    "admin/settings/": {
        "app_name": _fixed("home"),
        "model_name": _fixed("nosuchsetting"),
        "pk": _fixed("1"),
    },
    "admin/sites/": {"pk": _pk("site")},
    # The child's own account: its page names them.
    "admin/users/": {"pk": lambda world: world.users["mentee"].pk},
    "admin/groups/": {"pk": _pk("group")},
    "admin/documents/chooser/": {"pk": _pk("private_document")},
    "admin/images/chooser/": {"pk": _pk("image")},
    "cabinet/meetings/": {"pk": _pk("meeting")},
    "cabinet/consents/": {"pk": _pk("consent")},
    # A plan is opened by the mentee's membership of the pair; a task by its own id.
    "cabinet/plans/": {"pk": lambda world: world.objects["plan"].membership_id},
    "cabinet/plans/tasks/": {"pk": _pk("plan_task")},
}

# The record of A each list's pages are opened with, by the list's address.
MODEL_ADMIN_RECORDS = {
    "/admin/programmes/programme/": _obj("programme"),
    "/admin/programmes/pair/": _obj("pair"),
    "/admin/programmes/overdue-pairs/": _obj("pair"),
    "/admin/programmes/pairmentee/": lambda world: world.objects["pair"].mentees.first(),
    "/admin/programmes/developmentplan/": _obj("plan"),
    "/admin/programmes/plantask/": _obj("plan_task"),
    "/admin/programmes/meeting/": _obj("meeting"),
    "/admin/programmes/feedback/": _obj("feedback"),
    "/admin/programmes/participant/": lambda world: world.people["mentee"].participant,
    "/admin/programmes/mentor-base/": lambda world: world.people["mentor"].participant,
    "/admin/programmes/mentee-base/": lambda world: world.people["mentee"].participant,
    "/admin/programmes/matchpreference/": _obj("preference"),
    "/admin/programmes/consent/": _obj("consent"),
    "/admin/programmes/erasureact/": _obj("erasure_act"),
    "/admin/programmes/participantchangeproposal/": _obj("proposal"),
    "/admin/programmes/mentortraining/": _obj("training"),
    "/admin/programmes/incentivedecision/": _obj("incentive"),
    "/admin/programmes/order/": _obj("order"),
    "/admin/programmes/ordertemplate/": _obj("order_template"),
    "/admin/programmes/mentoringagreement/": _obj("agreement"),
    "/admin/programmes/partnerorganisation/": _obj("partner"),
    "/admin/programmes/case/": _obj("case"),
    "/admin/programmes/mentoringform/": lambda world: world.objects["programme"].form,
    "/admin/programmes/organisation/": _obj("a"),
    "/admin/forms_app/invitation/": _obj("invitation"),
}


def _page_url(name: str) -> Callable:
    return lambda world: world.objects[name].url


# {pattern name: {variant: world -> URL}}: patterns opened more than one way.
VARIANTS = {
    "wagtail_serve": {
        "home": _fixed("/"),
        "section": _page_url("section"),
        "roadmap": _page_url("roadmap"),
        "documents page": _page_url("documents_page"),
        "members-only page": _page_url("members_only"),
        "questionnaire": _page_url("questionnaire"),
        "questionnaire sent": lambda world: world.objects["questionnaire"].url + "?sent=1",
        "invitation questionnaire": _page_url("invitation_page"),
        "preference questionnaire": _page_url("preference_page"),
        "consent page": _page_url("consent_page"),
        "no such page": _fixed("/no-such-page/"),
    },
    "wagtaildocs_serve": {
        "private document": lambda world: world.objects["private_document"].url,
        "public document": lambda world: world.objects["public_document"].url,
        "generated order": lambda world: world.objects["order"].document.url,
        "generated agreement": lambda world: world.objects["agreement"].document.url,
    },
    "programmes_file": {
        kind: (
            lambda world, kind=kind, record=record: (
                f"/admin/programmes/files/{kind}/{world.objects[record].pk}/"
            )
        )
        for kind, record in (
            ("consent", "consent"),
            ("training", "training"),
            ("case", "case"),
            ("template", "order_template"),
        )
    },
    "wagtailforms:list_submissions": {
        "": lambda world: f"/admin/forms/submissions/{world.objects['questionnaire'].pk}/",
        "xlsx": lambda world: (
            f"/admin/forms/submissions/{world.objects['questionnaire'].pk}/?export=xlsx"
        ),
        "csv": lambda world: (
            f"/admin/forms/submissions/{world.objects['questionnaire'].pk}/?export=csv"
        ),
    },
    "wagtail_bulk_action": {
        "delete": lambda world: (
            f"/admin/bulk/wagtailcore/page/delete/?id={world.objects['questionnaire'].pk}"
        ),
    },
    "search": {"": _fixed("/search/?q=совета")},
    # A printed slip's short link: it leads to the invitation page's own link (a redirect).
    "forms_app_invitation_short_link": {
        "asks for the code": _fixed("/i/"),
        "code": lambda world: f"/i/{world.objects['invitation'].code_display}",
        "code typed into the form": lambda world: (
            f"/i/?code={world.objects['invitation'].code.lower()}"
        ),
        "no such code": _fixed("/i/2222-2222"),
    },
}
# Admin views that render a page as visitors see it, opened for the group-meeting preference
# questionnaire too: its form lists the meeting's attendees.
RENDERS_THE_PAGE = {
    "wagtailadmin_pages:edit",
    "wagtailadmin_pages:view_draft",
    "wagtailadmin_pages:preview_on_edit",
    "wagtailadmin_pages:revisions_view",
    "wagtailadmin_pages:revisions_compare",
    "wagtailadmin_api:pages:detail",
}
PREFERENCE_PAGE = {
    "page_id": _pk("preference_page"),
    "pk": _pk("preference_page"),
    "revision_id": lambda world: world.objects["preference_page"].latest_revision_id,
}

# Wagtail's catch-all under /admin/ (its 404 page); it has no name.
ADMIN_CATCH_ALL = "admin/.*/$"

# Names of views that change data (their last part after any namespace or modeladmin prefix).
# Not among them: Wagtail's embed chooser (any admin user may embed), the editing-session
# release (it deletes only the caller's own sessions) and the workflow cancellation
# confirmation (a modal that changes nothing).
WRITE_ACTIONS = {
    "create", "add", "edit", "delete", "copy", "move", "move_confirm", "set_page_position",
    "unpublish", "convert_alias", "set_privacy", "lock", "unlock", "revisions_revert",
    "revisions_unschedule", "workflow_action", "collect_workflow_action_data",
    "enable", "disable", "remove", "add_task", "edit_task",
    "disable_task", "enable_task", "task_chooser_create", "start_import", "process_import",
    "add_multiple", "edit_multiple", "delete_multiple", "create_multiple_from_uploaded_document",
    "create_multiple_from_uploaded_image", "delete_upload_multiple",
    "erase", "withdraw", "decide", "feedback", "consent_withdrawal", "action", "wagtail_bulk_action",
    "forms_app_delete_submissions", "home_roadmap_import", "home_roadmap_import_preview",
    "forms_app_invitation_create", "plan", "plan_task_new", "plan_task",
    "programmes_matching", "programmes_matching_decide", "programmes_matching_withdraw",
    "programmes_matching_accept",
    "ping", "approve", "docx",
}  # fmt: skip


@dataclass(frozen=True)
class Target:
    pattern: Pattern
    variant: str
    make_url: Callable

    @property
    def key(self) -> str:
        return f"{self.pattern.key} {{{self.variant}}}" if self.variant else self.pattern.key

    @property
    def action(self) -> str:
        name = self.pattern.name.rsplit(":", 1)[-1]
        return name.rsplit("_modeladmin_", 1)[-1] if "_modeladmin_" in name else name

    @property
    def writes(self) -> bool:
        return self.action in WRITE_ACTIONS


ROUTE_PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def fill(route: str, values: dict) -> str:
    """The route with its parameters replaced by the values, without regex anchors."""
    path = ROUTE_PARAMETER.sub(lambda m: str(values[m.group(1) or m.group(2)]), route)
    return "/" + path.replace("^", "").replace("$", "").replace("\\.", ".")


def _parameters(pattern: Pattern, extra: dict | None = None) -> Callable:
    def make(world) -> dict:
        values = {}
        names = [m.group(1) or m.group(2) for m in ROUTE_PARAMETER.finditer(pattern.route)]
        overrides = {}
        for prefix, override in sorted(OVERRIDES.items(), key=lambda item: len(item[0])):
            if pattern.route.startswith(prefix):
                overrides.update(override)
        overrides.update(extra or {})
        for name in names:
            provider = overrides.get(name) or PARAMETERS[name]
            values[name] = provider(world)
        return values

    return make


def _route_is_fillable(pattern: Pattern) -> bool:
    names = [m.group(1) or m.group(2) for m in ROUTE_PARAMETER.finditer(pattern.route)]
    bare = ROUTE_PARAMETER.sub("", pattern.route)
    if "(" in bare or "*" in bare or "+" in bare:
        return False  # an unnamed regex group: needs an explicit variant
    known = set(PARAMETERS)
    for prefix, override in OVERRIDES.items():
        if pattern.route.startswith(prefix):
            known |= set(override)
    return all(name in known for name in names)


def _model_admin_targets(pattern: Pattern) -> list[Target] | None:
    model_admin = model_admin_of(pattern)
    if model_admin is None:
        return None
    base = model_admin.url_helper.index_url
    if base not in MODEL_ADMIN_RECORDS:
        return []
    record = MODEL_ADMIN_RECORDS[base]
    if "instance_pk" not in pattern.route:
        targets = [Target(pattern, "", lambda world, p=pattern: fill(p.route, {}))]
        if inspect.unwrap(pattern.callback).__name__ == "index_view" and model_admin.list_export:
            targets.append(Target(pattern, "export csv", lambda world, b=base: f"{b}?export=csv"))
        return targets
    return [
        Target(
            pattern,
            "",
            lambda world, p=pattern, r=record: fill(p.route, {"instance_pk": r(world).pk}),
        )
    ]


def targets_of(pattern: Pattern) -> list[Target]:
    """The concrete targets of a pattern; [] when it cannot be made concrete."""
    found = _model_admin_targets(pattern)
    if found is not None:
        return found
    if pattern.name in VARIANTS:
        return [Target(pattern, variant, make) for variant, make in VARIANTS[pattern.name].items()]
    if pattern.route == ADMIN_CATCH_ALL:
        return [Target(pattern, "", _fixed("/admin/no-such-admin-page/"))]
    if not _route_is_fillable(pattern):
        return []
    values = _parameters(pattern)
    targets = [Target(pattern, "", lambda world, p=pattern: fill(p.route, values(world)))]
    if pattern.name in RENDERS_THE_PAGE:
        preference = _parameters(pattern, PREFERENCE_PAGE)
        targets.append(
            Target(
                pattern,
                "preference questionnaire",
                lambda world, p=pattern: fill(p.route, preference(world)),
            )
        )
    return targets


def all_targets(excluded: dict) -> tuple[list[Target], list[Pattern]]:
    """Every target of every pattern not in `excluded`, and the patterns made into none."""
    targets, unhandled = [], []
    for pattern in url_patterns():
        if pattern.key in excluded:
            continue
        found = targets_of(pattern)
        targets.extend(found)
        if not found:
            unhandled.append(pattern)
    return targets, unhandled
