"""Orders («Приказы») and the organisation's document templates in the admin.

An approval order has a page of its own where the curator ticks the organisation's draft
pairs and approves them by the order (order_approve_pairs: all or none), and every order a
«Сформировать DOCX» page that fills the template, stores the document in the private
collection and hands the file over. Auditors read orders and download their documents;
they see neither button, and the pages refuse them.
"""

from django.contrib import messages
from django.contrib.admin import display
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel
from wagtail_modeladmin.helpers import ButtonHelper

from programmes.admin.base import ProgrammeModelAdmin, form
from programmes.admin.forms import ProgrammeAdminForm
from programmes.admin.personal_data import AdminTemplateView, _may
from programmes.docx.contexts import PLACEHOLDERS
from programmes.models import Order, OrderKind, OrderTemplate, TemplateKind
from programmes.models.records import organisation_id_of
from programmes.selectors.orders import draft_pairs_for_order, with_counts
from programmes.services.orders import (
    order_approve_pairs,
    order_generate_document,
    order_save,
    order_template_errors,
    order_template_save,
)

APPROVE, DOCX = "approve", "docx"
REASON_MAX_LENGTH = 500


def user_can_change(user, record, permission: str) -> bool:
    return _may(user, permission, organisation_id_of(record))


def document_link(document) -> str:
    if document is None:
        return "—"
    return format_html('<a href="{}">{}</a>', document.url, _("Download DOCX"))


class DocumentButtonHelper(ButtonHelper):
    """«Сформировать DOCX» (and, for an approval order, «Утвердить пары») for those who may."""

    change_permission = "programmes.change_order"

    def _button(self, action, obj, label, classnames_exclude):
        return {
            "url": self.url_helper.get_action_url(action, quote(obj.pk)),
            "label": label,
            "classname": self.finalise_classname(["button-small"], classnames_exclude),
            "title": label,
        }

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        if not user_can_change(self.request.user, obj, self.change_permission):
            return buttons
        if getattr(obj, "kind", None) == OrderKind.APPROVAL:
            buttons.append(self._button(APPROVE, obj, _("Approve pairs"), classnames_exclude))
        buttons.append(self._button(DOCX, obj, _("Generate DOCX"), classnames_exclude))
        return buttons


class DocumentView(AdminTemplateView):
    """Fill the record's template, store the DOCX and hand the file over."""

    page_title = gettext_lazy("Generate DOCX")
    template_name = "programmes/admin/record_document.html"
    change_permission = "programmes.change_order"
    service = staticmethod(order_generate_document)
    argument = "order"

    def check_action_permitted(self, user):
        return user_can_change(user, self.instance, self.change_permission)

    def post(self, request, *args, **kwargs):
        try:
            document = self.service(**{self.argument: self.instance}, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(request.path)
        return FileResponse(
            document.file.open("rb"),
            as_attachment=True,
            filename=document.file.name.rsplit("/", 1)[-1],
        )


class ApprovePairsView(AdminTemplateView):
    """Tick the organisation's draft pairs and approve them by this order."""

    page_title = gettext_lazy("Approve pairs by the order")
    template_name = "programmes/admin/order_approve_pairs.html"

    def check_action_permitted(self, user):
        return self.instance.kind == OrderKind.APPROVAL and user_can_change(
            user, self.instance, "programmes.change_pair"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pairs"] = draft_pairs_for_order(self.instance, self.request.user)
        context["default_reason"] = self.instance.title
        return context

    def post(self, request, *args, **kwargs):
        ids = {value for value in request.POST.getlist("pairs") if value.isdigit()}
        pairs = list(draft_pairs_for_order(self.instance, request.user).filter(pk__in=ids))
        reason = request.POST.get("reason", "").strip()[:REASON_MAX_LENGTH] or self.instance.title
        try:
            approved = order_approve_pairs(
                order=self.instance, pairs=pairs, user=request.user, reason=reason
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(request.path)
        messages.success(
            request,
            _("Pairs and groups approved by the order: %(count)s.") % {"count": len(approved)},
        )
        return redirect(self.url_helper.get_action_url("inspect", self.pk_quoted))


class OrderAdminForm(ProgrammeAdminForm):
    def save(self, commit=True):
        return order_save(
            order=self.instance,
            user=self.for_user,
            reason=self.cleaned_data.get("change_reason", ""),
        )


class OrderAdmin(ProgrammeModelAdmin):
    model = Order
    menu_label = gettext_lazy("Orders")
    menu_icon = "doc-full-inverse"
    menu_order = 25
    list_display = ("__str__", "kind", "organisation", "listed_display", "document_display")
    list_filter = ("kind", "organisation")
    search_fields = ("number",)
    list_select_related = ("organisation", "document")
    list_export = (
        "number",
        "date",
        "get_kind_display",
        "organisation",
        "signatory_name",
        "signatory_position",
        "listed_display",
    )
    export_filename = "orders"
    inspect_view_fields = (
        "organisation",
        "kind",
        "number",
        "date",
        "grounds",
        "signatory_name",
        "signatory_position",
        "document",
    )
    button_helper_class = DocumentButtonHelper
    instance_actions = {APPROVE: ApprovePairsView, DOCX: DocumentView}
    edit_handler = form(
        [
            FieldPanel("organisation"),
            FieldPanel("kind"),
            FieldRowPanel([FieldPanel("number"), FieldPanel("date")]),
            FieldPanel("grounds"),
            FieldRowPanel([FieldPanel("signatory_name"), FieldPanel("signatory_position")]),
        ],
        form_class=OrderAdminForm,
    )

    def get_queryset(self, request):
        return with_counts(super().get_queryset(request))

    @display(description=gettext_lazy("Pairs or decisions"))
    def listed_display(self, obj):
        return getattr(obj, "pairs_count", 0) + getattr(obj, "decisions_count", 0)

    @display(description=gettext_lazy("Document"))
    def document_display(self, obj):
        return document_link(obj.document)


# --- the organisation's own templates ----------------------------------------------------------


class PlaceholdersPanel(HelpPanel):
    """The placeholders a template of each kind may use, on the upload screen."""

    def __init__(self, **kwargs):
        kwargs.setdefault("template", "programmes/admin/template_placeholders.html")
        super().__init__(**kwargs)

    class BoundPanel(HelpPanel.BoundPanel):
        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            # The translated sentence is escaped, then the placeholders go in as code.
            introduction = conditional_escape(
                _(
                    "Write a placeholder in the document as %(example)s. A table row that repeats "
                    "for each pair or decision sits between a row with %(start)s and a row with "
                    "%(end)s. Without a template of its own, the organisation's documents "
                    "use the portal's."
                )
            )
            context["introduction"] = mark_safe(
                introduction
                % {
                    name: format_html("<code>{}</code>", code)
                    for name, code in (
                        ("example", "{{ order.number }}"),
                        ("start", "{%tr for row in pairs %}"),
                        ("end", "{%tr endfor %}"),
                    )
                }
            )
            context["kinds"] = [
                (TemplateKind(kind).label, placeholders)
                for kind, placeholders in PLACEHOLDERS.items()
            ]
            return context


class OrderTemplateAdminForm(ProgrammeAdminForm):
    """An uploaded template is filled with sample values before it is accepted."""

    def _post_clean(self):
        super()._post_clean()
        upload = self.cleaned_data.get("file")
        kind = self.cleaned_data.get("kind")
        if upload and kind and not self.errors.get("file") and hasattr(upload, "read"):
            for message in order_template_errors(file=upload, kind=kind):
                self.add_error("file", message)

    def save(self, commit=True):
        return order_template_save(
            template=self.instance,
            user=self.for_user,
            reason=self.cleaned_data.get("change_reason", ""),
        )


class OrderTemplateAdmin(ProgrammeModelAdmin):
    model = OrderTemplate
    menu_label = gettext_lazy("Document templates")
    menu_icon = "doc-empty"
    menu_order = 26
    list_display = ("kind", "organisation", "uploaded_by", "file_display")
    list_filter = ("kind", "organisation")
    list_select_related = ("organisation", "uploaded_by")
    list_export = ("get_kind_display", "organisation", "uploaded_by")
    export_filename = "document-templates"
    inspect_view_fields = ("organisation", "kind", "uploaded_by")
    edit_handler = form(
        [
            FieldPanel("organisation"),
            FieldPanel("kind"),
            FieldPanel("file"),
            PlaceholdersPanel(heading=gettext_lazy("Placeholders")),
        ],
        form_class=OrderTemplateAdminForm,
    )

    @display(description=gettext_lazy("Template"))
    def file_display(self, obj):
        if not obj.file:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("programmes_file", args=["template", obj.pk]),
            _("Download the template"),
        )
