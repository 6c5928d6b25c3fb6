import html
import re

from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from programmes.models import ConsentKind

BLOCK_END = re.compile(r"</(p|li|h[1-6]|div|blockquote)>|<br\s*/?>", re.IGNORECASE)


def rich_text_as_plain(value: str) -> str:
    """Rich text as the plain text a person reads: one paragraph or list item a line."""
    text = BLOCK_END.sub("\n", expand_db_html(value or ""))
    text = html.unescape(strip_tags(text))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


class ConsentPage(Page):
    """A consent to the processing (or the dissemination) of personal data, given on the portal.

    Not a form-builder page: what 152-ФЗ requires a consent to say (art. 9 part 4, art. 10.1)
    is fixed here as fields, and the form asks exactly the subject's (and a minor's legal
    representative's) details the law names. One page is one kind of consent: processing and
    dissemination are always separate pages, never bundled.

    The text accepted is stored with each consent exactly as it was shown
    (`consent_text()`), so editing the page later does not change what anyone agreed to.
    """

    organisation = models.ForeignKey(
        "programmes.Organisation",
        verbose_name=gettext_lazy("operator"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=gettext_lazy(
            "The organisation that processes the data; its full name and address are shown as the operator's."
        ),
    )
    kind = models.CharField(
        gettext_lazy("kind of consent"),
        max_length=20,
        choices=ConsentKind.choices,
        default=ConsentKind.PROCESSING,
        help_text=gettext_lazy(
            "Processing and dissemination are separate consents: make a page for each."
        ),
    )
    body = RichTextField(
        gettext_lazy("text of the consent"),
        features=["bold", "italic", "ol", "ul", "link"],
        help_text=gettext_lazy("The consent as the subject reads it."),
    )
    purpose = models.TextField(gettext_lazy("purpose of processing"))
    personal_data = models.TextField(gettext_lazy("personal data processed"))
    actions = models.TextField(
        gettext_lazy("actions with the personal data and methods of processing"),
    )
    processors = models.TextField(
        gettext_lazy("third parties processing the data on the operator's behalf"),
        blank=True,
        help_text=gettext_lazy("Name and address of each; leave empty if there are none."),
    )
    conditions = models.TextField(
        gettext_lazy("conditions and prohibitions of dissemination"),
        blank=True,
        help_text=gettext_lazy(
            "For a consent to dissemination: where the data are published and what is not allowed."
        ),
    )
    validity = models.CharField(gettext_lazy("term of validity"), max_length=500)
    valid_until = models.DateField(
        gettext_lazy("consents expire on"),
        null=True,
        blank=True,
        help_text=gettext_lazy(
            "Consents given on this page are valid until this day; leave empty for «until withdrawn»."
        ),
    )
    withdrawal = models.TextField(gettext_lazy("how to withdraw the consent"))
    confirmation_text = RichTextField(gettext_lazy("text after acceptance"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("kind")]),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("purpose"),
                FieldPanel("personal_data"),
                FieldPanel("actions"),
                FieldPanel("processors"),
                FieldPanel("conditions"),
                FieldRowPanel([FieldPanel("validity"), FieldPanel("valid_until")]),
                FieldPanel("withdrawal"),
            ],
            heading=gettext_lazy("What the law requires the consent to state"),
        ),
        FieldPanel("confirmation_text"),
    ]

    parent_page_types = ["home.MentoringSectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = gettext_lazy("consent to personal data")
        verbose_name_plural = gettext_lazy("consents to personal data")

    @property
    def is_processing(self) -> bool:
        return self.kind == ConsentKind.PROCESSING

    def sections(self) -> list[tuple[str, str]]:
        """The stated terms, as (heading, text) in the order they are shown; empty ones left out."""
        sections = [
            (_("Purpose of processing"), self.purpose),
            (_("Personal data"), self.personal_data),
            (_("Actions with the personal data and methods of processing"), self.actions),
            (_("Third parties processing the data on the operator's behalf"), self.processors),
            (_("Conditions and prohibitions of dissemination"), self.conditions),
            (_("Term of validity"), self.validity),
            (_("How to withdraw the consent"), self.withdrawal),
        ]
        return [(heading, text.strip()) for heading, text in sections if text and text.strip()]

    def operator_lines(self) -> list[str]:
        organisation = self.organisation
        lines = [_("Operator: %(name)s") % {"name": organisation.full_name}]
        if organisation.address:
            lines.append(_("Operator's address: %(address)s") % {"address": organisation.address})
        return lines

    def agreement_label(self, *, representative: bool) -> str:
        """The statement the subject ticks, as shown on the form."""
        if self.is_processing:
            if representative:
                return _(
                    "I give my consent to the processing of the personal data of the person I represent, on the terms stated above."
                )
            return _(
                "I give my consent to the processing of my personal data on the terms stated above."
            )
        if representative:
            return _(
                "I give my consent to the dissemination of the personal data of the person I represent, on the terms stated above."
            )
        return _(
            "I give my consent to the dissemination of my personal data on the terms stated above."
        )

    def consent_text(self, *, representative: bool) -> str:
        """The plain text of everything the page shows as the consent, operator included."""
        parts = [self.title, *self.operator_lines(), rich_text_as_plain(self.body)]
        parts.extend(f"{heading}:\n{text}" for heading, text in self.sections())
        parts.append(self.agreement_label(representative=representative))
        return "\n\n".join(part for part in parts if part)

    def serve(self, request, *args, **kwargs):
        from forms_app.public.consents import serve_consent_page

        return serve_consent_page(self, request)

    def serve_preview(self, request, mode_name):
        """The editor's preview: the text and the whole form, which cannot be sent."""
        from forms_app.public.consents import serve_consent_preview

        return serve_consent_preview(self, request)
