"""The admin's date and date-time fields: the picker never rewrites what the person typed.

Wagtail's AdminDateInput and AdminDateTimeInput drive the jQuery datetimepicker, whose
`validateOnBlur` (on by default) re-parses the text when the field loses focus: its parser
rolls an impossible day over into the next month (31.02.2024 became 02.03.2024) and replaces
anything it cannot read («abc», «вчера») with the current moment. The form then saved a date
nobody typed, and the server never saw the mistake. With `validateOnBlur` off the text goes to
the server as typed, and Django's field refuses it with its Russian message; the calendar still
writes a date when one is picked in it.

A native `<input type="date">` was the other way; it is not used because Chromium turns a day
that does not exist into an empty value, so an optional field would be saved blank without a
word, and its display follows the browser's language rather than ДД.ММ.ГГГГ.

`portal.apps.PortalConfig.ready` registers these for every model DateField and DateTimeField of
the admin's forms (pages, modeladmin); forms that name a widget themselves use these classes.
The module imports no app, so `home` may use it too.
"""

from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

# The picker's options that keep the typed text as it is.
STRICT_PICKER_OPTIONS = {"validateOnBlur": False}


class StrictAdminDateInput(AdminDateInput):
    def get_config(self):
        return {**super().get_config(), **STRICT_PICKER_OPTIONS}


class StrictAdminDateTimeInput(AdminDateTimeInput):
    def get_config(self):
        return {**super().get_config(), **STRICT_PICKER_OPTIONS}


# Telepath (inline panels and blocks built in the browser) finds the parent's adapter through
# the class's MRO, so these need no adapter of their own.


def register_strict_date_widgets() -> None:
    """Make the model forms of the admin use these widgets for dates and date-times."""
    from django.db import models
    from wagtail.admin.forms.models import register_form_field_override

    register_form_field_override(models.DateField, override={"widget": StrictAdminDateInput})
    register_form_field_override(
        models.DateTimeField, override={"widget": StrictAdminDateTimeInput}
    )
