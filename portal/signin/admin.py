"""«Блокировки входа» in Wagtail's settings menu: current lockouts and «Разблокировать».

Who sees what is decided in portal/signin/lockouts.py; this module only shows and forwards.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.signin.lockouts import can_unlock, current_lockouts, described, unlock

PAGE_SIZE = 50


class UnlockForm(forms.Form):
    username = forms.CharField(max_length=255)
    ip_address = forms.GenericIPAddressField(required=False)


class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Sign-in lockouts")
    header_icon = "lock"
    template_name = "portal/admin/lockouts.html"
    http_method_names = ["get", "head", "post", "options"]

    def dispatch(self, request, *args, **kwargs):
        if not can_unlock(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        paginator = Paginator(current_lockouts(self.request.user), PAGE_SIZE)
        page = paginator.get_page(self.request.GET.get("p"))
        return super().get_context_data(
            rows=described(page.object_list),
            page_obj=page,
            paginator=paginator,
            elided_page_range=paginator.get_elided_page_range(page.number),
            **kwargs,
        )

    def post(self, request):
        form = UnlockForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("The lockout to lift was not recognised; nothing changed."))
        elif unlock(
            user=request.user,
            username=(username := form.cleaned_data["username"]),
            ip_address=(address := form.cleaned_data["ip_address"] or None),
        ):
            if address:
                done = _("Sign-in of %(username)s from %(address)s is unlocked.")
            else:
                done = _("Sign-in of %(username)s from an unknown address is unlocked.")
            messages.success(request, done % {"username": username, "address": address})
        else:
            messages.warning(
                request, _("This lockout is no longer in force, or it is not yours to lift.")
            )
        return HttpResponseRedirect(reverse("portal_signin_lockouts"))


def lockout_urls():
    """The screen's admin URLs, for the `register_admin_urls` hook."""
    return [path("signin-lockouts/", LockoutsView.as_view(), name="portal_signin_lockouts")]


class LockoutsMenuItem(MenuItem):
    def __init__(self, **kwargs):
        kwargs.setdefault("name", "signin-lockouts")
        kwargs.setdefault("icon_name", "lock")
        super().__init__(
            gettext_lazy("Sign-in lockouts"), reverse_lazy("portal_signin_lockouts"), **kwargs
        )

    def is_shown(self, request):
        return can_unlock(request.user)
