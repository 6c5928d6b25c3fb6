"""Organisations, partners and forms of mentoring in the admin: the reference records.

Everything else points at these, and they change seldom; they close the menu.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from programmes.admin.base import ProgrammeModelAdmin, form
from programmes.models import MentoringForm, Organisation, PartnerOrganisation


class PartnerOrganisationAdmin(ProgrammeModelAdmin):
    model = PartnerOrganisation
    menu_label = _("Partner organisations")
    menu_icon = "site"
    menu_order = 160
    list_display = ("name", "agreement_number", "agreement_date", "valid_until", "contact_person")
    search_fields = ("name", "contact_person")
    list_export = (
        "name",
        "agreement_number",
        "agreement_date",
        "valid_until",
        "contact_person",
        "contacts",
    )
    export_filename = "partners"
    edit_handler = form(
        [
            FieldPanel("organisation"),
            FieldPanel("name"),
            FieldRowPanel(
                [
                    FieldPanel("agreement_number"),
                    FieldPanel("agreement_date"),
                    FieldPanel("valid_until"),
                ]
            ),
            FieldRowPanel([FieldPanel("contact_person"), FieldPanel("contacts")]),
        ]
    )


class MentoringFormAdmin(ProgrammeModelAdmin):
    model = MentoringForm
    menu_label = _("Forms of mentoring")
    menu_icon = "list-ul"
    menu_order = 180
    list_display = ("name", "matching_rule", "description")
    edit_handler = form(
        [FieldPanel("name"), FieldPanel("matching_rule"), FieldPanel("description")]
    )


class OrganisationAdmin(ProgrammeModelAdmin):
    model = Organisation
    menu_label = _("Organisations")
    menu_icon = "home"
    menu_order = 190
    list_display = ("short_name", "full_name", "head_name")
    search_fields = ("short_name", "full_name")
    edit_handler = form(
        [
            FieldPanel("full_name"),
            FieldPanel("short_name"),
            FieldPanel("address"),
            FieldPanel("head_name"),
            FieldPanel("members"),
        ]
    )
