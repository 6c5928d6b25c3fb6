"""What each document is filled with, and the list of placeholders shown on the upload screen.

A template sees plain strings and lists of dicts only, never a model: an organisation's own
template is written by a person, and what it can reach is exactly what is listed here (the
renderer's sandbox refuses the rest).
"""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from programmes.models import (
    IncentiveDecision,
    MentoringAgreement,
    Order,
    OrderKind,
    Organisation,
    Pair,
    PairMentee,
    TemplateKind,
)


def _date(value) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def _amount(value) -> str:
    if value is None:
        return ""
    whole, _dot, cents = f"{value:,.2f}".partition(".")
    return f"{whole.replace(',', ' ')},{cents}"


def _organisation(organisation: Organisation) -> dict:
    return {
        "full_name": organisation.full_name,
        "short_name": organisation.short_name,
        "address": organisation.address,
        "head_name": organisation.head_name,
    }


def _order(order: Order) -> dict:
    return {
        "number": order.number,
        "date": _date(order.date),
        "title": order.title,
        "grounds": order.grounds_text.rstrip(" ,.;:"),
        "signatory_name": order.signatory_name,
        "signatory_position": order.signatory_position,
    }


def _current_mentees(pair: Pair) -> str:
    return ", ".join(membership.mentee.full_name for membership in pair.current)


def _pairs(queryset) -> list[Pair]:
    current = PairMentee.objects.filter(left_on__isnull=True).select_related("mentee")
    return list(
        queryset.select_related("mentor", "programme__form")
        .prefetch_related(Prefetch("mentees", queryset=current, to_attr="current"))
        .order_by("mentor__last_name", "mentor__first_name", "pk")
    )


def order_context(order: Order) -> dict:
    """The context of an order of any kind: its rows depend on the kind."""
    context = {"organisation": _organisation(order.organisation), "order": _order(order)}
    if order.kind == OrderKind.APPROVAL:
        context["pairs"] = [
            {
                "number": number,
                "mentor": pair.mentor.full_name,
                "mentor_position": pair.mentor.group,
                "mentees": _current_mentees(pair),
                "form": pair.programme.form.name,
                "programme": pair.programme.title,
                "start": _date(pair.start_date),
                "end": _date(pair.end_date or pair.programme.end_date),
                "period": f"{_date(pair.start_date)} – "
                f"{_date(pair.end_date or pair.programme.end_date)}",
            }
            for number, pair in enumerate(_pairs(order.approved_pairs.all()), start=1)
        ]
    elif order.kind == OrderKind.TERMINATION:
        context["pairs"] = [
            {
                "number": number,
                "mentor": pair.mentor.full_name,
                "mentees": _current_mentees(pair),
                "programme": pair.programme.title,
                "end": _date(pair.end_date),
                "reason": pair.termination_reason,
            }
            for number, pair in enumerate(_pairs(order.terminated_pairs.all()), start=1)
        ]
    else:
        decisions = (
            IncentiveDecision.objects.filter(order=order)
            .select_related("mentor")
            .order_by("mentor__last_name", "pk")
        )
        context["decisions"] = [
            {
                "number": number,
                "mentor": decision.mentor.full_name,
                "kind": decision.get_kind_display(),
                "grounds": decision.grounds,
                "amount": _amount(decision.amount),
            }
            for number, decision in enumerate(decisions, start=1)
        ]
    return context


def agreement_context(agreement: MentoringAgreement) -> dict:
    pair = (
        Pair.objects.select_related(
            "mentor__partner_organisation", "programme__form", "programme__organisation"
        )
        .prefetch_related(
            Prefetch(
                "mentees",
                queryset=PairMentee.objects.filter(left_on__isnull=True).select_related("mentee"),
                to_attr="current",
            )
        )
        .get(pk=agreement.pair_id)
    )
    mentor = pair.mentor
    return {
        "organisation": _organisation(pair.programme.organisation),
        "mentor": {
            "full_name": mentor.full_name,
            "position": mentor.group,
            "partner": mentor.partner_organisation.name if mentor.partner_organisation else "",
        },
        "agreement": {
            "number": agreement.number,
            "date": _date(agreement.date),
            "consent_date": _date(agreement.consent_date),
            "content": agreement.content,
            "form": pair.programme.form.name,
            "programme": pair.programme.title,
            "mentees": _current_mentees(pair),
            "period_start": _date(agreement.period_start),
            "period_end": _date(agreement.period_end),
            "extra_pay": agreement.extra_pay_text,
        },
    }


# --- what the upload screen lists, and what an uploaded template is tried with -----------------

ORGANISATION_PLACEHOLDERS = [
    ("organisation.full_name", _("full name of the organisation")),
    ("organisation.short_name", _("short name of the organisation")),
    ("organisation.address", _("address of the organisation")),
    ("organisation.head_name", _("head of the organisation")),
]
ORDER_PLACEHOLDERS = [
    ("order.number", _("order No.")),
    ("order.date", _("order date, DD.MM.YYYY")),
    ("order.title", _("the order's title: «Приказ № … от … «…»»")),
    ("order.grounds", _("grounds: «В соответствии с …»")),
    ("order.signatory_name", _("who signs the order")),
    ("order.signatory_position", _("the signatory's position")),
]
PLACEHOLDERS = {
    TemplateKind.APPROVAL: [
        *ORGANISATION_PLACEHOLDERS,
        *ORDER_PLACEHOLDERS,
        ("{%tr for row in pairs %}", _("a table row repeated for each approved pair")),
        ("row.number", _("row number")),
        ("row.mentor", _("mentor's full name")),
        ("row.mentor_position", _("mentor's class, group or position")),
        ("row.mentees", _("mentees, comma-separated")),
        ("row.form", _("form of mentoring")),
        ("row.programme", _("programme")),
        ("row.start", _("start of the pair")),
        ("row.end", _("end of the pair (or of the programme)")),
        ("row.period", _("period: «start – end»")),
    ],
    TemplateKind.INCENTIVE: [
        *ORGANISATION_PLACEHOLDERS,
        *ORDER_PLACEHOLDERS,
        ("{%tr for row in decisions %}", _("a table row repeated for each incentive decision")),
        ("row.number", _("row number")),
        ("row.mentor", _("mentor's full name")),
        ("row.kind", _("kind of incentive")),
        ("row.grounds", _("grounds of the decision")),
        ("row.amount", _("amount, roubles (for a payment)")),
    ],
    TemplateKind.TERMINATION: [
        *ORGANISATION_PLACEHOLDERS,
        *ORDER_PLACEHOLDERS,
        ("{%tr for row in pairs %}", _("a table row repeated for each terminated pair")),
        ("row.number", _("row number")),
        ("row.mentor", _("mentor's full name")),
        ("row.mentees", _("mentees, comma-separated")),
        ("row.programme", _("programme")),
        ("row.end", _("date of termination")),
        ("row.reason", _("reason for termination")),
    ],
    TemplateKind.AGREEMENT: [
        *ORGANISATION_PLACEHOLDERS,
        ("mentor.full_name", _("mentor's full name")),
        ("mentor.position", _("mentor's position")),
        ("mentor.partner", _("mentor's partner organisation, if any")),
        ("agreement.number", _("agreement No.")),
        ("agreement.date", _("agreement date")),
        ("agreement.consent_date", _("date of the mentor's written consent")),
        ("agreement.content", _("content of the mentoring")),
        ("agreement.form", _("form of mentoring")),
        ("agreement.programme", _("programme")),
        ("agreement.mentees", _("mentees, comma-separated")),
        ("agreement.period_start", _("mentoring from")),
        ("agreement.period_end", _("mentoring until")),
        ("agreement.extra_pay", _("extra pay: the amount a month, or «без доплаты»")),
    ],
}


def sample_context(kind: str) -> dict:
    """Every placeholder of the kind with an example value: an upload is tried with it."""
    context: dict = {}
    row = {}
    for name, _label in PLACEHOLDERS[TemplateKind(kind)]:
        head, _dot, tail = name.partition(".")
        if not tail or name.startswith("{%"):
            continue
        if head == "row":
            row[tail] = "Образец"
        else:
            context.setdefault(head, {})[tail] = "Образец"
    for name in ("pairs", "decisions"):
        loop = f"{{%tr for row in {name} %}}"
        if any(placeholder == loop for placeholder, _label in PLACEHOLDERS[TemplateKind(kind)]):
            context[name] = [dict(row, number=1), dict(row, number=2)]
    return context
