"""Every page of every ModelAdmin asks the model's permission and the record's organisation.

The checks belong to the ModelAdmin (programmes.admin.base.ScopedModelAdmin), not to each
view class, so a model admin that sets a view class of its own cannot drop them.
"""

import pytest
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.test import RequestFactory
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.views import HistoryView, InspectView

from portal.tests.access import REFUSED, outcome
from portal.tests.factories import user_with_role
from portal.tests.url_patterns import registered_model_admins
from programmes.admin.base import ScopedModelAdmin
from programmes.admin.permissions import OrganisationPermissionHelper
from programmes.models import Pair
from programmes.tests.factories import OrganisationFactory, pair_with_mentees

pytestmark = pytest.mark.django_db


def test_every_registered_model_admin_checks_permission_and_organisation():
    unchecked = [
        type(model_admin).__name__
        for model_admin in registered_model_admins()
        if not isinstance(model_admin, ScopedModelAdmin)
        or not isinstance(model_admin.permission_helper, OrganisationPermissionHelper)
    ]

    assert unchecked == []


def test_a_model_admin_whose_helper_ignores_organisations_does_not_start():
    class Careless(ScopedModelAdmin):
        model = Pair
        permission_helper_class = PermissionHelper

    with pytest.raises(ImproperlyConfigured):
        Careless()


class Unguarded(ScopedModelAdmin):
    """Wagtail's own history view and an inspect view that lets everyone in."""

    model = Pair
    inspect_view_enabled = True
    history_view_class = HistoryView
    inspect_view_class = type(
        "OpenInspectView", (InspectView,), {"check_action_permitted": lambda self, user: True}
    )


@pytest.mark.parametrize("view", ["history_view", "inspect_view", "edit_view", "delete_view"])
def test_view_classes_that_check_nothing_are_checked_anyway(view):
    pair = pair_with_mentees(active=True)
    curator = user_with_role("curator")
    OrganisationFactory().members.add(curator)
    request = RequestFactory().get("/")
    request.user = curator

    with pytest.raises(PermissionDenied):
        getattr(Unguarded(), view)(request, str(pair.pk))


@pytest.mark.parametrize("action", ["inspect", "history", "edit", "delete", "erase"])
def test_a_record_of_another_organisation_is_refused_on_every_page(client, action):
    mentee = pair_with_mentees(active=True).mentees.get().mentee
    curator = user_with_role("curator")
    OrganisationFactory().members.add(curator)
    client.force_login(curator)

    response = client.get(f"/admin/programmes/participant/{action}/{mentee.pk}/")

    assert outcome(response) == REFUSED
    assert mentee.last_name not in response.content.decode()


@pytest.mark.parametrize("pk", ["abc", "999999"])
@pytest.mark.parametrize("action", ["inspect", "history", "edit", "delete", "withdraw"])
def test_an_id_that_names_no_record_is_not_found(client, action, pk):
    client.force_login(user_with_role("superuser"))

    assert client.get(f"/admin/programmes/consent/{action}/{pk}/").status_code == 404
