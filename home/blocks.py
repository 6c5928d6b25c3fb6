"""StreamField blocks for structured documents such as the regulations (положение).

A regulation is a list of numbered sections; each section holds clauses (numbered
automatically as «2.3.»), plain lists, tables and links to documents. Numbering is computed
at render time, so an editor who inserts a clause never renumbers the rest by hand.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]

TABLE_OPTIONS = {
    "minSpareRows": 0,
    "startRows": 3,
    "startCols": 3,
    "colHeaders": False,
    "rowHeaders": False,
    "contextMenu": True,
    "editor": "text",
    "stretchH": "all",
    "language": "ru-RU",
}


class ClauseBlock(blocks.RichTextBlock):
    """A numbered clause (пункт) of a section."""

    class Meta:
        icon = "pilcrow"
        label = _("Clause")


class BulletListBlock(blocks.ListBlock):
    class Meta:
        icon = "list-ul"
        label = _("List")
        template = "home/blocks/bullet_list.html"


class DocumentTableBlock(TableBlock):
    class Meta:
        icon = "table"
        label = _("Table")
        template = "home/blocks/table.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"), required=False, help_text=_("Leave empty to use the document title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "home/blocks/document_link.html"


class SectionContentBlock(blocks.StreamBlock):
    clause = ClauseBlock(features=RICH_TEXT_FEATURES)
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Unnumbered paragraph"),
        icon="doc-empty",
    )
    bullet_list = BulletListBlock(blocks.CharBlock(label=_("list item")))
    table = DocumentTableBlock(table_options=TABLE_OPTIONS)
    document = DocumentLinkBlock()


class SectionBlock(blocks.StructBlock):
    """A numbered section (раздел) with its title and content."""

    title = blocks.CharBlock(label=_("section title"))
    content = SectionContentBlock(label=_("content"))

    class Meta:
        icon = "folder-open-1"
        label = _("Section")


class RegulationsBodyBlock(blocks.StreamBlock):
    section = SectionBlock()
