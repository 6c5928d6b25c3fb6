import hashlib

from anyascii import anyascii
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    FORM_FIELD_CHOICES,
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.coreutils import safe_snake_case
from wagtail.fields import RichTextField

from forms_app.form_builder import QuestionnaireFormBuilder
from forms_app.page_form import QuestionnairePageForm
from programmes.models import Participant


class QuestionnaireKind(models.TextChoices):
    MENTEE = "mentee", _("Mentee questionnaire")
    MENTOR = "mentor", _("Mentor questionnaire")
    PREFERENCE = "preference", _("Preferences after the group meeting")
    FEEDBACK = "feedback", _("Feedback on a meeting")
    SATISFACTION = "satisfaction", _("Satisfaction survey")
    FREE = "free", _("Free questionnaire")


class QuestionnaireAccess(models.TextChoices):
    PARTICIPANTS = "participants", _("Signed-in participants")
    INVITATION = "invitation", _("Holders of a personal invitation link")
    ANYONE = "anyone", _("Anyone, anonymously")


class FieldMapping(models.TextChoices):
    """Which participant attribute (or record) an answer feeds."""

    NONE = "", _("Nothing: kept in the answers only")
    LAST_NAME = "last_name", _("Participant: last name")
    FIRST_NAME = "first_name", _("Participant: first name")
    PATRONYMIC = "patronymic", _("Participant: patronymic")
    GROUP = "group", _("Participant: class, group or position")
    BIRTH_DATE = "birth_date", _("Participant: date of birth")
    PHONE = "phone", _("Participant: phone")
    EMAIL = "email", _("Participant: e-mail")
    COMPETENCES = "competences", _("Mentor: competences and experience")
    INTERESTS = "interests", _("Participant: interests")
    REQUESTS = "requests", _("Mentee: requests")
    PREFERRED_FORM = "preferred_form", _("Preferred form of mentoring")
    CAPACITY = "capacity", _("Mentor: how many mentees they can take")
    PREFERRED_PARTICIPANT = "preferred_participant", _("Preferred mentor or mentee")
    MEETING = "meeting", _("The meeting the feedback is on")
    RATING = "rating", _("Feedback: rating")
    COMMENT = "comment", _("Feedback: comment")


# A question whose answer is one of the people the page lists (participant_choices).
PARTICIPANT_FIELD = "participant"
QUESTIONNAIRE_FIELD_CHOICES = [
    *FORM_FIELD_CHOICES,
    ("rating_5", _("Rating scale 1–5")),
    ("rating_10", _("Rating scale 1–10")),
    (PARTICIPANT_FIELD, _("Choice of a participant")),
]


class QuestionnaireField(AbstractFormField):
    page = ParentalKey("QuestionnairePage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(
        _("field type"), max_length=20, choices=QUESTIONNAIRE_FIELD_CHOICES
    )
    field_type.required_on_save = True
    maps_to = models.CharField(
        _("feeds"),
        max_length=30,
        choices=FieldMapping.choices,
        blank=True,
        default=FieldMapping.NONE,
        help_text=_("Where the answer goes besides the list of answers."),
    )
    updates_known = models.BooleanField(
        _("updates a known participant's record"),
        default=True,
        help_text=_(
            "For someone who answers signed in or by their invitation: replace what their "
            "record holds with this answer. Name, class and date of birth are never replaced: "
            "a different answer goes to the curator as a proposal."
        ),
    )
    max_length = models.PositiveIntegerField(
        _("longest answer, characters"), default=1000, help_text=_("For text answers.")
    )

    panels = [
        *AbstractFormField.panels,
        FieldRowPanel(
            [FieldPanel("maps_to"), FieldPanel("updates_known"), FieldPanel("max_length")]
        ),
    ]

    class Meta(AbstractFormField.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def get_field_clean_name(self):
        """A short transliterated key for the answer («naskolko_vy_dovolny_…_3f2a1c»).

        Wagtail escapes every Cyrillic letter (about five characters each), so a question of sixty
        letters would not fit the 255-character column; a digest of the whole label keeps two
        long questions with the same beginning apart.
        """
        base = safe_snake_case(anyascii(self.label))[:50].strip("_") or "question"
        return f"{base}_{hashlib.sha1(self.label.encode()).hexdigest()[:6]}"


class QuestionnairePage(AbstractEmailForm):
    """A questionnaire (анкета) whose answers feed the mentor and mentee bases and monitoring."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=QuestionnaireKind.choices, default=QuestionnaireKind.FREE
    )
    access = models.CharField(
        _("who may answer"),
        max_length=20,
        choices=QuestionnaireAccess.choices,
        default=QuestionnaireAccess.PARTICIPANTS,
    )
    allow_several_answers = models.BooleanField(
        _("a participant may answer more than once"),
        default=False,
        help_text=_(
            "For feedback after each meeting; invitation links then stay usable until they expire."
        ),
    )
    organisation = models.ForeignKey(
        "programmes.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("New participants from this questionnaire join this organisation."),
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Limits participant choices to this programme."),
    )
    meeting = models.ForeignKey(
        "programmes.Meeting",
        verbose_name=_("group meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"pair__isnull": True},
        help_text=_(
            "For the preference questionnaire after a group meeting: "
            "participant choices are the people who attended it."
        ),
    )
    requires_consent = models.BooleanField(
        _("a valid consent to processing is needed first"),
        default=True,
        help_text=_("Participants without one are sent to the consent page and brought back."),
    )
    intro = RichTextField(_("introduction"), blank=True)
    thank_you_text = RichTextField(_("text after sending"), blank=True)

    form_builder = QuestionnaireFormBuilder

    content_panels = [
        *AbstractEmailForm.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("access")]),
                FieldRowPanel(
                    [FieldPanel("allow_several_answers"), FieldPanel("requires_consent")]
                ),
                FieldRowPanel([FieldPanel("organisation"), FieldPanel("programme")]),
                FieldPanel("meeting"),
            ],
            heading=_("Questionnaire"),
        ),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Questions")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Notification of the curator (the e-mail carries a link, never the answers)"),
        ),
    ]

    parent_page_types = ["home.MentoringSectionPage"]
    subpage_types = []
    base_form_class = QuestionnairePageForm

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")

    def get_submission_class(self):
        return QuestionnaireSubmission

    def participant_choices(self):
        """Whom a «choice of a participant» question lists: those who attended the group
        meeting, else the programme's people, else the organisation's."""
        if getattr(self, "_lists_nobody", False):
            return Participant.objects.none()
        if self.meeting_id:
            return Participant.objects.filter(attendance__meeting=self.meeting_id).order_by(
                "last_name", "first_name"
            )
        if self.programme_id:
            return Participant.objects.filter(
                models.Q(mentored_pairs__programme=self.programme_id)
                | models.Q(memberships__pair__programme=self.programme_id)
            ).distinct()
        if self.organisation_id:
            return Participant.objects.filter(organisation=self.organisation_id)
        return Participant.objects.none()

    def get_form_class(self):
        return self.form_builder(
            self.get_form_fields(), participants=self.participant_choices()
        ).get_form_class()

    def get_preview_context(self, request, mode_name):
        # An editor previews how the form looks, not whom it lists: the names are children's,
        # and only the people on the list may see it (forms_app/public/respondents.py).
        self._lists_nobody = True
        return super().get_preview_context(request, mode_name)

    def get_submissions_list_view_class(self):
        from forms_app.admin.submissions import (
            QuestionnaireSubmissionsListView,  # admin-only, loaded late
        )

        return QuestionnaireSubmissionsListView

    def serve(self, request, *args, **kwargs):
        """Answer once, redirect after: a refresh never sends the answers twice."""
        from forms_app.public.serving import serve_questionnaire  # serving imports these models

        return serve_questionnaire(self, request)

    @property
    def is_anonymous(self) -> bool:
        return self.access == QuestionnaireAccess.ANYONE


class QuestionnaireSubmission(AbstractFormSubmission):
    """An answer, with who gave it (when known), which version of the form, and from where."""

    participant = models.ForeignKey(
        "programmes.Participant",
        verbose_name=_("participant"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questionnaire_submissions",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("form version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    invitation = models.ForeignKey(
        "forms_app.Invitation",
        verbose_name=_("invitation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("questionnaire answer")
        verbose_name_plural = _("questionnaire answers")
        indexes = [
            models.Index(fields=["page", "participant"]),
            # Wagtail's submissions list of a page, newest first.
            models.Index(fields=["page", "submit_time"]),
        ]
