"""Wagtail's `AbstractForm` as it comes: no consent check, no participant, no history.

Installed only by benchmarks/settings.py. The benchmark gives it the same five questions as
its questionnaire page, so the ratio between the two is what the portal's own work costs.
"""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import InlinePanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField


class ReferenceFormField(AbstractFormField):
    page = ParentalKey("ReferenceFormPage", on_delete=models.CASCADE, related_name="form_fields")


class ReferenceFormPage(AbstractForm):
    content_panels = [*AbstractForm.content_panels, InlinePanel("form_fields")]
