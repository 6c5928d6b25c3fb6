from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.documents.models import AbstractDocument, Document
from wagtail.fields import RichTextField
from wagtail.models import Collection, Page
from wagtail.search import index

from home.document_access import DocumentAccess
from portal.uploads import check_upload, is_new_upload


class DocumentKind(models.TextChoices):
    ORDER = "order", _("Order")
    REGULATIONS = "regulations", _("Regulations")
    ROADMAP = "roadmap", _("Roadmap")
    PROTOCOL = "protocol", _("Protocol")
    METHODICAL = "methodical", _("Methodical material")
    AGREEMENT = "agreement", _("Agreement")
    REPORT = "report", _("Report")
    OTHER = "other", _("Other")


class MentoringDocument(AbstractDocument):
    """A Wagtail document that knows what it is: an order No. 26 of 28.02.2023, a protocol."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=DocumentKind.choices, default=DocumentKind.OTHER
    )
    number = models.CharField(_("No."), max_length=50, blank=True)
    document_date = models.DateField(_("date"), null=True, blank=True, db_index=True)
    description = models.TextField(_("description"), blank=True)

    admin_form_fields = (
        *Document.admin_form_fields,
        "kind",
        "number",
        "document_date",
        "description",
    )
    search_fields = [
        *AbstractDocument.search_fields,
        index.SearchField("description"),
        index.SearchField("number"),
        index.FilterField("kind"),
        index.FilterField("document_date"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-document_date", "title"]

    def clean(self):
        """Wagtail checks the extension (WAGTAILDOCS_EXTENSIONS); this, that the content matches.

        Every way in goes through here: the document form, the multiple upload, the chooser's
        upload tab.
        """
        super().clean()
        if is_new_upload(self.file):
            try:
                check_upload(
                    self.file,
                    self.file.name,
                    extensions=getattr(settings, "WAGTAILDOCS_EXTENSIONS", None),
                )
            except ValidationError as error:
                raise ValidationError({"file": error}) from error


class DocumentsPage(Page):
    """A list of the section's documents, filterable by kind and year.

    Documents come from one collection and its sub-collections; those in a collection with a
    view restriction are listed only to the people the restriction lets in.
    """

    intro = RichTextField(_("introduction"), blank=True)
    collection = models.ForeignKey(
        Collection,
        verbose_name=_("collection"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Documents of this collection and its sub-collections are listed."),
    )
    per_page = models.PositiveSmallIntegerField(_("documents per page"), default=25)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("collection")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.MentoringSectionPage"]
    # Anonymous readers all see the public documents only, so their page can be shared
    # (see portal.page_cache).
    cache_for_anonymous = True

    class Meta:
        verbose_name = _("documents page")
        verbose_name_plural = _("documents pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        access = DocumentAccess(request=request, collection=self.collection)
        documents = access.documents()
        years = sorted(
            {d.year for d in documents.exclude(document_date=None).dates("document_date", "year")},
            reverse=True,
        )
        kind = request.GET.get("kind", "")
        year = request.GET.get("year", "")
        if kind in DocumentKind.values:
            documents = documents.filter(kind=kind)
        if year.isdigit():
            documents = documents.filter(document_date__year=int(year))
        page = Paginator(documents, self.per_page).get_page(request.GET.get("page"))
        context.update(
            documents=page,
            kinds=DocumentKind.choices,
            years=years,
            selected_kind=kind,
            selected_year=year,
            restricted_collection_ids=access.restricted_collection_ids,
        )
        return context
