from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class MentoringSectionPage(Page):
    """The «Наставничество» section: the index of regulations, roadmaps, documents and forms.

    Its children are listed in the editors' menu order, so the section reads the way the
    organisation wants to present its programme.
    """

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    # Every anonymous reader sees the same page (see portal.page_cache).
    cache_for_anonymous = True

    class Meta:
        verbose_name = _("mentoring section")
        verbose_name_plural = _("mentoring sections")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().public().specific()
        return context
