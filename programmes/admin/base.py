"""What every ModelAdmin of the portal shares, so the rules cannot drift apart.

A curator or an auditor sees the records of their own organisations only, in lists, inspect
pages, histories, exports and extra pages alike. wagtail-modeladmin leaves that question to
each view class, and its own history view asks nothing at all: an editor could read whose
invitation a number was by counting ids. So every URL of a ScopedModelAdmin asks the
permission helper — the model's right and the record's organisation — before any view class
runs, whichever view class a subclass sets; a list applies only the filters it offers
(`RecordIndexView`). The programme's lists add inspection, simple-history's history page and
a reason on every edit.
"""

from django.contrib.admin import display
from django.contrib.admin.utils import unquote
from django.core.exceptions import (
    FieldDoesNotExist,
    ImproperlyConfigured,
    PermissionDenied,
    ValidationError,
)
from django.db import models
from django.http import Http404
from django.urls import re_path
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail_modeladmin.options import ModelAdmin

from portal.grammar import noun_of
from programmes.admin.forms import ProgrammeAdminForm
from programmes.admin.grammar import (
    RecordCreateView,
    RecordDeleteView,
    RecordEditView,
    RecordInspectView,
    with_nouns,
)
from programmes.admin.index import RecordIndexView
from programmes.admin.permissions import OrganisationPermissionHelper
from programmes.admin.values import EMPTY, yes_no
from programmes.history.views import RecordHistoryView
from programmes.selectors.access import organisation_ids_for, scoped

REASON = FieldPanel("change_reason")


def form(panels, form_class=ProgrammeAdminForm):
    return ObjectList([*panels, REASON], base_form_class=form_class)


class ScopedModelAdmin(ModelAdmin):
    """Every page asks the model's permission and the record's organisation first.

    The checks sit in the URL's view methods, not in the view classes, so a subclass that
    sets another view class (modeladmin's default history, a page of its own in
    `instance_actions`) keeps them. A record of another organisation is refused (403), an id
    that names no record is not found (404).

    Its views and buttons label the records in their Russian cases (programmes.admin.grammar):
    the model must declare them (`grammar = Noun(...)`, portal.grammar).
    """

    permission_helper_class = OrganisationPermissionHelper
    empty_value_display = EMPTY
    index_view_class = RecordIndexView
    create_view_class = RecordCreateView
    edit_view_class = RecordEditView
    delete_view_class = RecordDeleteView
    inspect_view_class = RecordInspectView
    # {action: view class} of extra pages of one record, at <base>/<action>/<pk>/. Whoever
    # may view the record reaches them; the view's check_action_permitted asks for more.
    instance_actions = {}

    def __init__(self, parent=None):
        super().__init__(parent)
        if not isinstance(self.permission_helper, OrganisationPermissionHelper):
            raise ImproperlyConfigured(
                f"{type(self).__name__}.permission_helper_class must check organisations "
                "(derive it from OrganisationPermissionHelper)."
            )
        try:
            noun_of(self.model)
        except TypeError as error:
            raise ImproperlyConfigured(str(error)) from error
        self.list_display = tuple(self._yes_no_columns(self.list_display))

    def _yes_no_columns(self, names):
        """The list's columns, a yes/no field replaced by a column reading «Да»/«Нет».

        Django's admin shows such a field as a tick whose text is «True»/«False».
        """
        for name in names:
            try:
                field = self.model._meta.get_field(name)
            except (FieldDoesNotExist, TypeError):
                yield name
                continue
            if isinstance(field, models.BooleanField):
                column_name = f"{name}_yes_no"
                setattr(self, column_name, yes_no_column(field))
                yield column_name
            else:
                yield name

    def get_button_helper_class(self):
        return with_nouns(super().get_button_helper_class())

    def get_queryset(self, request):
        return scoped(super().get_queryset(request), request.user)

    # --- the checks ----------------------------------------------------------------------

    @staticmethod
    def _require(allowed: bool) -> None:
        if not allowed:
            raise PermissionDenied

    def _require_on_record(self, request, instance_pk, check) -> None:
        try:
            instance = self.model._default_manager.filter(pk=unquote(instance_pk)).first()
        except (ValueError, ValidationError):
            instance = None  # «edit/abc/» for a numeric key
        if instance is None:
            raise Http404
        self._require(check(request.user, instance))

    def index_view(self, request):
        self._require(self.permission_helper.user_can_list(request.user))
        return super().index_view(request)

    def create_view(self, request):
        self._require(self.permission_helper.user_can_create(request.user))
        return super().create_view(request)

    def choose_parent_view(self, request):
        self._require(self.permission_helper.user_can_create(request.user))
        return super().choose_parent_view(request)

    def inspect_view(self, request, instance_pk):
        self._require_on_record(request, instance_pk, self.permission_helper.user_can_inspect_obj)
        return super().inspect_view(request, instance_pk)

    def history_view(self, request, instance_pk):
        self._require_on_record(request, instance_pk, self.permission_helper.user_can_view_obj)
        return super().history_view(request, instance_pk)

    def edit_view(self, request, instance_pk):
        self._require_on_record(request, instance_pk, self.permission_helper.user_can_edit_obj)
        return super().edit_view(request, instance_pk)

    def delete_view(self, request, instance_pk):
        self._require_on_record(request, instance_pk, self.permission_helper.user_can_delete_obj)
        return super().delete_view(request, instance_pk)

    # --- extra pages of one record ----------------------------------------------------------

    def get_admin_urls_for_registration(self):
        urls = super().get_admin_urls_for_registration()
        return urls + tuple(
            re_path(
                self.url_helper.get_action_url_pattern(action),
                self._instance_action(view_class),
                name=self.url_helper.get_action_url_name(action),
            )
            for action, view_class in self.instance_actions.items()
        )

    def _instance_action(self, view_class):
        def view(request, instance_pk):
            self._require_on_record(request, instance_pk, self.permission_helper.user_can_view_obj)
            return view_class.as_view(model_admin=self, instance_pk=instance_pk)(request)

        view.model_admin = self
        return view


class ProgrammeModelAdmin(ScopedModelAdmin):
    """The programme's records: inspection, simple-history's history, a reason on each edit."""

    inspect_view_enabled = True
    history_view_class = RecordHistoryView
    list_per_page = 50
    list_select_related = ()
    prefetch = ()
    add_to_admin_menu = False

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self.list_select_related:
            queryset = queryset.select_related(*self.list_select_related)
        if self.prefetch:
            queryset = queryset.prefetch_related(*self.prefetch)
        return queryset

    def get_list_filter(self, request):
        list_filter = super().get_list_filter(request)
        if (
            "organisation" in list_filter
            and len(organisation_ids_for(request.user)) < 2
            and not request.user.is_superuser
        ):
            return tuple(f for f in list_filter if f != "organisation")
        return list_filter


def yes_no_column(field):
    """A list column showing a yes/no field as «Да»/«Нет», sorted by the field."""

    @display(description=field.verbose_name, ordering=field.name)
    def column(obj):
        return yes_no(getattr(obj, field.name))

    return column
