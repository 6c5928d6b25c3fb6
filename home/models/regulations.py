from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import RegulationsBodyBlock


@dataclass
class NumberedItem:
    number: str
    block: object


@dataclass
class NumberedSection:
    number: str
    title: str
    anchor: str
    items: list[NumberedItem] = field(default_factory=list)


class RegulationsPage(Page):
    """The regulations (положение о наставничестве) as a structured, numbered document."""

    approved_by = models.CharField(
        _("approved by"),
        max_length=255,
        blank=True,
        help_text=_("For example: order of the director"),
    )
    approval_order_number = models.CharField(_("order No."), max_length=50, blank=True)
    approval_order_date = models.DateField(_("order date"), null=True, blank=True)
    intro = RichTextField(_("preamble"), blank=True)
    body = StreamField(RegulationsBodyBlock(), verbose_name=_("text of the regulations"))
    signed_copy = models.ForeignKey(
        "home.MentoringDocument",
        verbose_name=_("signed copy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The scanned signed document, if published."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("approved_by"),
                FieldPanel("approval_order_number"),
                FieldPanel("approval_order_date"),
                FieldPanel("signed_copy"),
            ],
            heading=_("Approval"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("approval_order_date"),
    ]

    parent_page_types = ["home.MentoringSectionPage"]
    # Every anonymous reader sees the same page (see portal.page_cache).
    cache_for_anonymous = True

    class Meta:
        verbose_name = _("regulations page")
        verbose_name_plural = _("regulations pages")

    def numbered_sections(self) -> list[NumberedSection]:
        """Sections numbered «1.», clauses «1.1.»; unnumbered blocks get an empty number."""
        sections = []
        for section_index, section_block in enumerate(self.body, start=1):
            section = NumberedSection(
                number=f"{section_index}.",
                title=section_block.value["title"],
                anchor=f"section-{section_index}",
            )
            clause_index = 0
            for item in section_block.value["content"]:
                number = ""
                if item.block_type == "clause":
                    clause_index += 1
                    number = f"{section_index}.{clause_index}."
                section.items.append(NumberedItem(number=number, block=item))
            sections.append(section)
        return sections

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.numbered_sections()
        return context
