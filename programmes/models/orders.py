"""Orders of the head (приказы) and the organisation's own templates of the documents.

An order is one record that pairs and incentive decisions point at, rather than a number and a
date typed again on each of them: the same «№ 48-О от 28.09.2023» on twelve pairs was twelve
chances of a typo, and nothing said that the twelve were one order. The order's DOCX is
generated from a template (programmes/docx/); an organisation may upload its own template of
each kind, with the placeholders listed on the upload screen.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from wagtail.documents import get_document_model_string

from portal.grammar import M, Noun
from portal.uploads import FileContentValidator
from programmes.models.history import TrackedHistory
from programmes.models.organisations import Organisation
from programmes.models.past_dates import future_date_errors
from programmes.models.records import ProgrammeRecord


class OrderKind(models.TextChoices):
    APPROVAL = "approval", _("On the approval of mentoring pairs and groups")
    INCENTIVE = "incentive", _("On the incentives for mentors")
    TERMINATION = "termination", _("On the termination of mentoring")


class TemplateKind(models.TextChoices):
    """What a template makes: an order of a kind, or the mentoring agreement (art. 351.8)."""

    APPROVAL = OrderKind.APPROVAL.value, OrderKind.APPROVAL.label
    INCENTIVE = OrderKind.INCENTIVE.value, OrderKind.INCENTIVE.label
    TERMINATION = OrderKind.TERMINATION.value, OrderKind.TERMINATION.label
    AGREEMENT = "agreement", _("Mentoring agreement (art. 351.8 of the Labour Code)")


# Stored texts, in the language of the documents rather than of the interface.
DEFAULT_GROUNDS = {
    OrderKind.APPROVAL: (
        "В соответствии с распоряжением Министерства просвещения Российской Федерации "
        "от 25.12.2019 № Р-145 «Об утверждении методологии (целевой модели) наставничества "
        "обучающихся для организаций, осуществляющих образовательную деятельность по "
        "общеобразовательным, дополнительным общеобразовательным и программам среднего "
        "профессионального образования, в том числе с применением лучших практик обмена "
        "опытом между обучающимися», Положением о наставничестве, на основании результатов "
        "формирования баз наставников и наставляемых"
    ),
    OrderKind.INCENTIVE: (
        "В соответствии с Положением о наставничестве, на основании решений о поощрении "
        "наставников, в целях признания вклада наставников в реализацию программы наставничества"
    ),
    OrderKind.TERMINATION: (
        "В соответствии с Положением о наставничестве, на основании представления куратора "
        "программы наставничества"
    ),
}
DEFAULT_SIGNATORY_POSITION = "Директор"


class Order(ProgrammeRecord):
    """An order of the organisation's head about its mentoring programme."""

    organisation_path = "organisation"

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="orders",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OrderKind.choices)
    number = models.CharField(_("order No."), max_length=50)
    date = models.DateField(_("order date"))
    grounds = models.TextField(
        _("grounds"),
        blank=True,
        help_text=_("«In accordance with …»; left empty, the usual grounds of the kind are used."),
    )
    signatory_name = models.CharField(_("signed by"), max_length=200)
    signatory_position = models.CharField(
        _("signatory's position"), max_length=200, default=DEFAULT_SIGNATORY_POSITION
    )
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("generated document"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = HistoricalRecords(bases=[TrackedHistory])

    grammar = Noun("приказ", "приказа", "приказ", "приказы", "приказов", M)

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "number", "date"], name="one_order_per_number_and_date"
            )
        ]

    def __str__(self):
        return _("Order No. %(number)s of %(date)s") % {
            "number": self.number,
            "date": self.date.strftime("%d.%m.%Y") if self.date else "—",
        }

    def clean(self):
        errors = future_date_errors(self, ("date",))
        if not self.number.strip():
            errors["number"] = _("Give the order's number.")
        if errors:
            raise ValidationError(errors)

    @property
    def grounds_text(self) -> str:
        return self.grounds.strip() or DEFAULT_GROUNDS.get(self.kind, "")

    @property
    def title(self) -> str:
        """The document's title: «Приказ № 48-О от 28.09.2023 «Об утверждении …»»."""
        return f"Приказ № {self.number} от {self.date:%d.%m.%Y} «{ORDER_HEADINGS[self.kind]}»"


# The heading of each kind of order, as the document prints it.
ORDER_HEADINGS = {
    OrderKind.APPROVAL: "Об утверждении наставнических пар и групп",
    OrderKind.INCENTIVE: "О поощрении наставников",
    OrderKind.TERMINATION: "О прекращении наставничества",
}


class OrderTemplate(ProgrammeRecord):
    """An organisation's own DOCX template of an order or of the mentoring agreement."""

    organisation_path = "organisation"

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="document_templates",
    )
    kind = models.CharField(_("document"), max_length=20, choices=TemplateKind.choices)
    file = models.FileField(
        _("template"),
        upload_to="document-templates/%Y/",
        validators=[FileContentValidator(("docx",))],
        help_text=_("A .docx file with placeholders; the list of placeholders is below."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = HistoricalRecords(bases=[TrackedHistory])

    grammar = Noun(
        "шаблон документа",
        "шаблона документа",
        "шаблон документа",
        "шаблоны документов",
        "шаблонов документов",
        M,
    )

    class Meta:
        verbose_name = _("document template")
        verbose_name_plural = _("document templates")
        ordering = ["organisation", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind"], name="one_template_per_organisation_and_kind"
            )
        ]

    def __str__(self):
        return str(self.get_kind_display())
