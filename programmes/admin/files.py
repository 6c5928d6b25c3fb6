"""Files with personal data (consent scans, certificates) served only through a permission check.

They are never published from the media folder: the view asks the record's ModelAdmin
whether this user may inspect this record, organisation included.
"""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from programmes.admin.permissions import OrganisationPermissionHelper
from programmes.models import Case, Consent, MentorTraining, OrderTemplate

PROTECTED_FILES = {
    "consent": (Consent, "scan"),
    "training": (MentorTraining, "certificate"),
    "case": (Case, "file"),
    "template": (OrderTemplate, "file"),
}


def protected_file(request, kind: str, pk: int):
    if kind not in PROTECTED_FILES:
        raise Http404
    model, field_name = PROTECTED_FILES[kind]
    instance = get_object_or_404(model, pk=pk)
    if not OrganisationPermissionHelper(model, inspect_view_enabled=True).user_can_inspect_obj(
        request.user, instance
    ):
        raise PermissionDenied
    file = getattr(instance, field_name)
    if not file:
        raise Http404
    return FileResponse(file.open("rb"), as_attachment=True, filename=file.name.rsplit("/", 1)[-1])
