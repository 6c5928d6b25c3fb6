from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Collection, Page
from wagtail.search import index

from home.document_access import DocumentAccess


class HomePage(Page):
    """The intranet's front page: a welcome text and the way into each section."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    # Every anonymous reader sees the same page (see portal.page_cache).
    cache_for_anonymous = True
    max_count = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().specific()
        context["latest_documents"] = (
            DocumentAccess(request=request, collection=Collection.get_first_root_node())
            .documents()
            .order_by("-created_at")[:5]
        )
        return context
