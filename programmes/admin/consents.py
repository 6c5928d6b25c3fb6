"""Consents and acts of erasure in the admin: what a personal-data inspection asks to see.

A consent is withdrawn from its own page (personal_data.py), never by editing the dates by
hand; an act of erasure is read-only for everyone, superusers included, because it is the
evidence that the data were destroyed.
"""

from django.contrib.admin import display
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from programmes.admin.base import ProgrammeModelAdmin, form, yes_no
from programmes.admin.permissions import ReadOnlyPermissionHelper
from programmes.admin.personal_data import WITHDRAW, ConsentButtonHelper, ConsentWithdrawalView
from programmes.models import Consent, ErasureAct


class ConsentAdmin(ProgrammeModelAdmin):
    model = Consent
    menu_label = _("Consents")
    menu_icon = "doc-full"
    menu_order = 130
    list_display = (
        "participant",
        "kind",
        "given_by",
        "given_on",
        "valid_until",
        "withdrawn_on",
        "valid_display",
    )
    list_filter = ("kind", "given_by")
    search_fields = ("participant__last_name", "participant__first_name", "representative_name")
    list_select_related = ("participant",)
    list_export = (
        "participant",
        "get_kind_display",
        "get_given_by_display",
        "representative_name",
        "given_on",
        "valid_until",
        "withdrawn_on",
        "valid_display",
    )
    export_filename = "consents"
    inspect_view_fields_exclude = ("scan",)
    button_helper_class = ConsentButtonHelper
    instance_actions = {WITHDRAW: ConsentWithdrawalView}
    edit_handler = form(
        [
            FieldPanel("participant"),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("given_by")]),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("subject_name"), FieldPanel("subject_address")]),
                    FieldRowPanel(
                        [
                            FieldPanel("subject_document"),
                            FieldPanel("subject_document_date"),
                            FieldPanel("subject_document_issuer"),
                        ]
                    ),
                ],
                heading=_("Subject of the personal data"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [FieldPanel("representative_name"), FieldPanel("representative_address")]
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("representative_document"),
                            FieldPanel("representative_document_date"),
                            FieldPanel("representative_document_issuer"),
                        ]
                    ),
                    FieldPanel("representative_authority"),
                ],
                heading=_("Legal representative (for a minor)"),
            ),
            FieldRowPanel(
                [FieldPanel("given_on"), FieldPanel("valid_until"), FieldPanel("withdrawn_on")]
            ),
            FieldPanel("withdrawal_reason"),
            FieldPanel("scan"),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("source", read_only=True),
                            FieldPanel("accepted_at", read_only=True),
                            FieldPanel("ip_address", read_only=True),
                        ]
                    ),
                    FieldPanel("user_agent", read_only=True),
                    FieldPanel("text", read_only=True),
                ],
                heading=_("Given on the portal"),
            ),
        ]
    )

    @display(description=_("Valid today"))
    def valid_display(self, obj):
        return yes_no(obj.is_valid())

    @display(description=_("Scan"))
    def scan_link(self, obj):
        if not obj.scan:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("programmes_file", args=["consent", obj.pk]),
            _("download"),
        )


class ErasureActAdmin(ProgrammeModelAdmin):
    """Acts of erasure of personal data: read-only for everyone, an auditor's evidence."""

    model = ErasureAct
    menu_label = _("Acts of erasure of data")
    menu_icon = "bin"
    menu_order = 135
    permission_helper_class = ReadOnlyPermissionHelper
    list_display = (
        "__str__",
        "former_participant_id",
        "organisation",
        "erased_at",
        "erased_by",
        "consent_withdrawn_on",
    )
    list_filter = ("organisation",)
    list_select_related = ("organisation", "erased_by")
    inspect_view_fields = (
        "organisation",
        "former_participant_id",
        "erased_at",
        "erased_by",
        "consent_withdrawn_on",
        "erased_data_display",
    )
    list_export = (
        "former_participant_id",
        "organisation",
        "erased_at",
        "erased_by",
        "consent_withdrawn_on",
        "erased_data_display",
    )
    export_filename = "erasure-acts"
