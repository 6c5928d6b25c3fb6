"""Mentoring agreements (art. 351.8 of the Labour Code) in the admin, with their DOCX."""

from django.contrib.admin import display
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from programmes.admin.base import ProgrammeModelAdmin, form
from programmes.admin.forms import ProgrammeAdminForm
from programmes.admin.orders import DOCX, DocumentButtonHelper, DocumentView, document_link
from programmes.models import MentoringAgreement
from programmes.services.agreements import agreement_generate_document, agreement_save


class AgreementButtonHelper(DocumentButtonHelper):
    change_permission = "programmes.change_mentoringagreement"


class AgreementDocumentView(DocumentView):
    change_permission = "programmes.change_mentoringagreement"
    service = staticmethod(agreement_generate_document)
    argument = "agreement"


class AgreementAdminForm(ProgrammeAdminForm):
    def save(self, commit=True):
        return agreement_save(
            agreement=self.instance,
            user=self.for_user,
            reason=self.cleaned_data.get("change_reason", ""),
        )


class MentoringAgreementAdmin(ProgrammeModelAdmin):
    model = MentoringAgreement
    menu_label = gettext_lazy("Mentoring agreements")
    menu_icon = "doc-full"
    menu_order = 27
    list_display = ("__str__", "pair", "consent_date", "extra_pay_display", "document_display")
    search_fields = ("number", "pair__mentor__last_name")
    list_select_related = ("pair__mentor", "document")
    list_export = (
        "number",
        "date",
        "pair",
        "consent_date",
        "content",
        "period_start",
        "period_end",
        "extra_pay_display",
    )
    export_filename = "mentoring-agreements"
    inspect_view_fields = (
        "pair",
        "consent_date",
        "number",
        "date",
        "content",
        "period_start",
        "period_end",
        "extra_pay",
        "document",
    )
    button_helper_class = AgreementButtonHelper
    instance_actions = {DOCX: AgreementDocumentView}
    edit_handler = form(
        [
            FieldPanel("pair"),
            FieldPanel("consent_date"),
            FieldRowPanel([FieldPanel("number"), FieldPanel("date")]),
            FieldPanel("content"),
            FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
            FieldRowPanel([FieldPanel("extra_pay"), FieldPanel("without_extra_pay")]),
        ],
        form_class=AgreementAdminForm,
    )

    @display(description=gettext_lazy("Extra pay"))
    def extra_pay_display(self, obj):
        return obj.extra_pay_text

    @display(description=gettext_lazy("Document"))
    def document_display(self, obj):
        return document_link(obj.document)
