from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from forms_app.public import short_links
from portal import views
from portal.signin.throttle import SiteLoginForm
from programmes.admin.site_history import site_history_urls

handler500 = views.server_error

urlpatterns = [
    # Wagtail's error test raises on purpose and answers 500; `sendtestemail --admins` is how
    # to check the error mail (README).
    path("admin/failwhale/", views.not_found),
    # Before Wagtail's admin: answers its «Site history» without other organisations' records.
    path("admin/", include(site_history_urls())),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", views.search, name="search"),
    path("healthz", views.healthz, name="healthz"),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            redirect_authenticated_user=True, authentication_form=SiteLoginForm
        ),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("cabinet/", include("programmes.cabinet.urls")),
    # A printed invitation's short link, typed by hand: 12 characters of path, «/i/K7MQ-2PXA»,
    # with or without a trailing slash; «/i/» alone asks for the code.
    re_path(r"^i/(?P<code>[^/]*)/?$", short_links.redeem, name="forms_app_invitation_short_link"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    # Only images are served from the media folder; documents always go through
    # /documents/, which checks the privacy of their collection.
    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(
        settings.MEDIA_URL + "images/", document_root=settings.MEDIA_ROOT / "images"
    )
    urlpatterns += static(
        settings.MEDIA_URL + "original_images/",
        document_root=settings.MEDIA_ROOT / "original_images",
    )

urlpatterns += [path("", include(wagtail_urls))]
