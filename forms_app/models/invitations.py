import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.grammar import N, Noun


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Invitation(models.Model):
    """A personal link to one form page for one participant, with an expiry."""

    # Whose it is, as programme records declare it (programmes.models.records).
    organisation_path = "participant__organisation"

    token = models.CharField(
        _("token"), max_length=64, unique=True, default=new_token, editable=False
    )
    participant = models.ForeignKey(
        "programmes.Participant",
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("form page"), on_delete=models.CASCADE, related_name="+"
    )
    for_representative = models.BooleanField(
        _("for the legal representative"),
        default=False,
        help_text=_("The parent fills in the child's consent."),
    )
    expires_at = models.DateTimeField(_("valid until"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    grammar = Noun("приглашение", "приглашения", "приглашение", "приглашения", "приглашений", N)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.participant} → {self.page}"

    def is_expired(self, now=None) -> bool:
        return (now or timezone.now()) >= self.expires_at
