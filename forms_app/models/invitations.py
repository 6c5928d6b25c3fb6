import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.grammar import N, Noun


def new_token() -> str:
    return secrets.token_urlsafe(24)


# The short code a pupil types from a printed slip (forms_app/public/short_links.py).
# Upper-case letters and digits without the look-alikes 0/O, 1/I/L: 31 symbols. Input is read
# case-insensitively and with spaces and dashes dropped (`normalise_code`).
#
# Guessing. 8 symbols give 31**8 ≈ 8.5e11 codes. Every look-up of a code costs one attempt
# against the client address's counter (forms_app/public/ratelimit.py), at most
# FORMS_RATE_LIMIT_PER_IP = 600 per 30 minutes: 28,800 guesses a day from one address. With
# 10,000 invitations valid at once (a large municipality) a guess hits with probability
# 10,000 / 8.5e11 ≈ 1.2e-8, so one address needs 8.5e11 / (10,000 × 28,800) ≈ 2,960 days
# (8 years) for an expected first hit, while an invitation lives 90 days at most. A hit opens
# one form for one participant, as the printed slip does, and nothing else.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 8
_TYPED_EXTRAS = str.maketrans("", "", " -\t\u00a0\u2010\u2011\u2012\u2013\u2014\u2212")
# A pupil on a Russian keyboard types the Cyrillic letter that looks the same.
_CYRILLIC_LOOKALIKES = str.maketrans("АВЕЗКМНРСТУХ", "ABE3KMHPCTYX")


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(typed: str) -> str | None:
    """The code as stored, from what someone typed; None when it cannot be one.

    Case does not matter, and spaces and dashes (a phone's keyboard may make «-» a long dash)
    are dropped, so «k7mq-2pxa», «K7MQ 2PXA» and «K7MQ2PXA» are the same code; Cyrillic
    letters that look like Latin ones («К», «М», «Р»…) are read as those.
    """
    code = typed[:64].translate(_TYPED_EXTRAS).upper().translate(_CYRILLIC_LOOKALIKES)
    if len(code) != CODE_LENGTH or any(symbol not in CODE_ALPHABET for symbol in code):
        return None
    return code


def code_display(code: str) -> str:
    """The code in two groups of four, as printed: «K7MQ-2PXA»; the dash may be left out."""
    return f"{code[:4]}-{code[4:]}"


class Invitation(models.Model):
    """A personal link to one form page for one participant, with an expiry."""

    # Whose it is, as programme records declare it (programmes.models.records).
    organisation_path = "participant__organisation"

    token = models.CharField(
        _("token"), max_length=64, unique=True, default=new_token, editable=False
    )
    code = models.CharField(
        _("short code"),
        max_length=CODE_LENGTH,
        unique=True,
        default=new_code,
        editable=False,
        help_text=_("Typed from a printed slip at /i/<code>."),
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

    @property
    def code_display(self) -> str:
        return code_display(self.code)

    def is_expired(self, now=None) -> bool:
        return (now or timezone.now()) >= self.expires_at
