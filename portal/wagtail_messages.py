"""Wagtail's interface strings that its Russian catalogue lacks, translated in portal's.

Django looks a message up in the apps' catalogues with the first of INSTALLED_APPS winning,
and portal is the first, so a msgid listed here (and translated in
portal/locale/ru/LC_MESSAGES/django.po) reads in Russian wherever Wagtail shows it. Listed
because makemessages only keeps the msgids it finds in portal's own source.
"""

from django.utils.translation import gettext_noop

MESSAGES = (
    # The help text of a document's file field (wagtail.documents.fields).
    gettext_noop("Maximum filesize: %(max_upload_size)s."),
)
