"""List filters that are questions a curator asks, not columns of a table."""

from django.contrib.admin import SimpleListFilter
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programmes.models import ParticipantCategory, ParticipantStatus
from programmes.selectors.consents import valid_processing_consents
from programmes.selectors.health import (
    ATTENTION,
    HEALTHY,
    TOO_EARLY,
    attention_q,
    healthy_q,
    too_early_q,
)
from programmes.selectors.pairs import overdue_q


class ConsentFilter(SimpleListFilter):
    title = _("consent to processing")
    parameter_name = "consent"

    def lookups(self, request, model_admin):
        return [("yes", _("valid")), ("no", _("missing or expired"))]

    def queryset(self, request, queryset):
        consenting = valid_processing_consents(timezone.localdate()).values("participant_id")
        if self.value() == "yes":
            return queryset.filter(pk__in=consenting)
        if self.value() == "no":
            return queryset.exclude(pk__in=consenting)
        return queryset


class OverdueFilter(SimpleListFilter):
    title = _("meetings overdue")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("no meeting for over 14 days")), ("no", _("meeting on time"))]

    def queryset(self, request, queryset):
        overdue = overdue_q(timezone.localdate())
        if self.value() == "yes":
            return queryset.filter(overdue)
        if self.value() == "no":
            return queryset.exclude(overdue)
        return queryset


class HealthFilter(SimpleListFilter):
    """Active pairs by their health (programmes.selectors.health); needs with_health()."""

    title = _("health of the pair")
    parameter_name = "health"

    def lookups(self, request, model_admin):
        return [
            (ATTENTION, _("needs attention")),
            (TOO_EARLY, _("too early to judge")),
            (HEALTHY, _("fine")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        conditions = {ATTENTION: attention_q, TOO_EARLY: too_early_q, HEALTHY: healthy_q}
        if self.value() in conditions:
            return queryset.filter(conditions[self.value()](today))
        return queryset


class MentorBaseFilter(SimpleListFilter):
    """The bases the roadmaps name: students, graduates, partners' mentors, active teachers."""

    title = _("base")
    parameter_name = "base"

    def lookups(self, request, model_admin):
        return [
            ("students", _("students")),
            ("graduates", _("graduates")),
            ("partners", _("mentors from partner organisations")),
            ("teachers", _("active teachers")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "students":
                return queryset.filter(
                    category__in=[ParticipantCategory.STUDENT, ParticipantCategory.COLLEGE_STUDENT]
                )
            case "graduates":
                return queryset.filter(category=ParticipantCategory.GRADUATE)
            case "partners":
                return queryset.filter(category=ParticipantCategory.PARTNER)
            case "teachers":
                return queryset.filter(
                    category__in=[
                        ParticipantCategory.TEACHER,
                        ParticipantCategory.YOUNG_SPECIALIST,
                    ],
                    status=ParticipantStatus.ACTIVE,
                )
        return queryset
