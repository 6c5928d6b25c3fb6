"""Server errors mailed to ADMINS: where it broke, never what the visitor sent.

Django's error mail carries the request: the answers of a questionnaire (often a child's),
the invitation token in the query string, the address, cookies, every setting. A mail box is
no place for that, so the report keeps the traceback, the path, the method and the browser,
and blanks the rest. Mail was chosen over an error tracking service because it sends nothing
to a third party and needs nothing new on a school's server.

A 503 (the database down, see portal/unavailable.py; /healthz failing) is an outage, not a
bug: it would be mailed once per request, and monitoring /healthz reports it better.
"""

import logging

from django.conf import settings
from django.views.debug import ExceptionReporter

HIDDEN = "********************"
# Request headers that say where and how, not who or what.
SHOWN_META = {
    "CONTENT_LENGTH",
    "CONTENT_TYPE",
    "HTTP_ACCEPT_LANGUAGE",
    "HTTP_HOST",
    "HTTP_USER_AGENT",
    "HTTP_X_FORWARDED_PROTO",
    "PATH_INFO",
    "REQUEST_METHOD",
    "SERVER_NAME",
    "SERVER_PORT",
    "wsgi.url_scheme",
}
SHOWN_SETTINGS = ("INSTALLED_APPS", "MIDDLEWARE")
UNDELIVERING_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}


def error_notification_configured() -> bool:
    """Whether a server error reaches a person: the 500 page promises only then."""
    return bool(settings.ADMINS) and settings.EMAIL_BACKEND not in UNDELIVERING_BACKENDS


def _blanked(items) -> list[tuple[str, str]]:
    return [(name, HIDDEN) for name, _value in items]


class PersonalDataReporter(ExceptionReporter):
    """The mail_admins handler's reporter (settings LOGGING)."""

    def get_traceback_data(self):
        data = super().get_traceback_data()
        # Settings hold addresses and passwords that no name marks as secret (REDIS_URL).
        data["settings"] = {name: data["settings"][name] for name in SHOWN_SETTINGS}
        for frame in data["frames"]:
            if "vars" in frame:
                frame["vars"] = _blanked(frame["vars"])
        if self.request is None:
            return data
        data["request_insecure_uri"] = self.request.path
        data["request_GET_items"] = _blanked(data["request_GET_items"])
        data["filtered_POST_items"] = _blanked(data["filtered_POST_items"])
        data["request_FILES_items"] = _blanked(data["request_FILES_items"])
        data["request_COOKIES_items"] = _blanked(data["request_COOKIES_items"])
        data["request_meta"] = {
            name: value if name in SHOWN_META else HIDDEN
            for name, value in data["request_meta"].items()
        }
        data["user_str"] = self._user()
        return data

    def _user(self) -> str:
        try:
            user = self.request.user
            return f"#{user.pk}" if user.is_authenticated else "anonymous"
        except Exception:  # the database may be what broke
            return "unknown"


class NotAnOutage(logging.Filter):
    """Lets through everything but the log lines of 503 answers."""

    def filter(self, record: logging.LogRecord) -> bool:
        return getattr(record, "status_code", None) != 503
