"""Erasure of a participant's personal data (152-ФЗ art. 21 part 5), everywhere they live.

`participant_erase` runs within 30 days of a withdrawn consent to processing (the command
`erase_withdrawn_participants`, or the curator's button) and leaves an `ErasureAct` that
records the erasure without naming anyone. Its field lists are checked against the models by
programmes/tests/test_erasure_inventory.py, so a new personal field cannot escape erasure.
"""

import json
import logging
import re

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from programmes.models import (
    Case,
    Consent,
    ConsentKind,
    DevelopmentPlan,
    ErasureAct,
    Feedback,
    IncentiveDecision,
    Meeting,
    MentoringAgreement,
    MentorTraining,
    Pair,
    PairMentee,
    Participant,
    ParticipantChangeProposal,
    ParticipantStatus,
    PlanTask,
)
from programmes.models.history import attribute_change
from programmes.selectors.erasure import is_erased
from programmes.services.documents import delete_documents_naming
from programmes.services.name_mentions import name_pattern
from programmes.services.pairs import participant_leave_open_pairs
from programmes.signals import participant_erasing

logger = logging.getLogger(__name__)

# Stored texts, in the language of the records rather than of the interface.
ERASURE_REASON = "Персональные данные удалены"
# The erased participant's name: «Удалён(а) #id» (the first name holds the number, as it
# may not be empty).
ERASED_LAST_NAME = "Удалён(а)"
ERASED_FIRST_NAME = "#{id}"

# The code of the refusal, for callers that react to it.
ALREADY_ERASED = "already_erased"

ERASED_KINDS = {
    "participant": gettext_lazy(
        "Participant's name, date of birth, contacts, class or position, competences, interests and requests"
    ),
    "consents": gettext_lazy(
        "Texts and details of consents: the subject's and the representative's, IP addresses and browsers"
    ),
    "scans": gettext_lazy("Scans of signed consents"),
    "feedback": gettext_lazy("Comments in feedback on meetings"),
    "certificates": gettext_lazy("Training certificates"),
    "mentions": gettext_lazy(
        "Mentions of the name in pairs, development plans, meetings, feedback, incentive decisions and practices"
    ),
    "account": gettext_lazy("User account: name and e-mail removed, sign-in disabled"),
    "account_link": gettext_lazy("Link to the user account"),
    "proposals": gettext_lazy("Proposed changes of name, class and date of birth"),
    "documents": gettext_lazy(
        "Generated orders and mentoring agreements naming the participant (they can be generated anew)"
    ),
    "history": gettext_lazy("Change history of these records"),
    "log": gettext_lazy("Entries of the administration's action log"),
}

PARTICIPANT_BLANKS = {
    "patronymic": "",
    "group": "",
    "birth_date": None,
    "phone": "",
    "email": "",
    "competences": "",
    "interests": "",
    "requests": "",
    "preferred_format": "",
    "user": None,
}
CONSENT_BLANKS = {
    "text": "",
    "ip_address": None,
    "user_agent": "",
    "subject_name": "",
    "subject_address": "",
    "subject_document": "",
    "subject_document_date": None,
    "subject_document_issuer": "",
    "representative_name": "",
    "representative_address": "",
    "representative_document": "",
    "representative_document_date": None,
    "representative_document_issuer": "",
    "representative_authority": "",
    "withdrawal_reason": "",
    "scan": "",
}

# Free texts of records linked to the participant, where their name may have been typed.
MENTION_FIELDS = {
    Pair: ("termination_reason", "goals"),
    PairMentee: ("left_reason",),
    DevelopmentPlan: ("goals",),
    PlanTask: ("title", "result"),
    Meeting: ("topic", "outcome"),
    Feedback: ("comment",),
    IncentiveDecision: ("grounds",),
    MentorTraining: ("course",),
    Case: ("title", "description"),
    MentoringAgreement: ("content",),
}


def erased_fields(model: type[models.Model]) -> frozenset[str]:
    """The fields of `model` that `participant_erase` blanks, deletes or scrubs of the name."""
    if model is Participant:
        return frozenset({*PARTICIPANT_BLANKS, *_erased_name(0)})
    if model in DELETED_WHOLE:
        return frozenset(field.name for field in model._meta.concrete_fields)
    if model is Consent:
        return frozenset(CONSENT_BLANKS)
    if model is MentorTraining:
        return frozenset({"certificate", *MENTION_FIELDS[MentorTraining]})
    if model is MentoringAgreement:
        return frozenset({"document", *MENTION_FIELDS[MentoringAgreement]})
    return frozenset(_mention_fields(model))


def participant_erase(
    *, participant: Participant, user: AbstractBaseUser | None = None
) -> ErasureAct:
    """Erase the participant's personal data everywhere they live; the act that records it.

    - the participant's record keeps its number, organisation, roles, category and dates;
      the name becomes «Удалён(а) #id» (last name «Удалён(а)», first name «#id»), everything else personal is blanked, the participant
      leaves open pairs and groups;
    - consents keep kind, source and dates; texts, the subject's and the representative's
      details, IP addresses and browsers are blanked, and scan files deleted (after commit);
    - memberships of pairs, pairs, meetings and feedback stay (they are the programme's
      record and point at the anonymised participant); the participant's feedback comments
      are blanked, and their name (or the representative's) is replaced wherever it was typed
      into the free texts of those records;
    - training certificates are deleted; the user account is deactivated with its name and
      e-mail removed (a staff account is only unlinked);
    - every simple-history row of these records is rewritten the same way, and Wagtail's
      action log entries about them lose the name;
    - other apps erase their own data on the `participant_erasing` signal (forms_app: the
      questionnaire answers and invitations).

    Rewriting history: everywhere else in the portal history is append-only evidence, and no
    interface can change it. Erasure is the one exception, on purpose: 152-ФЗ (art. 21
    part 5) requires the personal data to be destroyed, and an old history row is as much a
    copy of them as the record is. So the personal fields of the old rows are overwritten
    with queryset updates (which write no history of their own); what stays is who changed
    what and when, and the `ErasureAct`, which names no one.

    Refused with a ValidationError when the participant's data have already been erased.
    """
    files: list[tuple[models.FileField, str]] = []
    with transaction.atomic():
        participant = Participant.objects.select_for_update().get(pk=participant.pk)
        if is_erased(participant):
            raise ValidationError(
                _("The personal data of this participant have already been erased."),
                code=ALREADY_ERASED,
            )
        pid = participant.pk
        today = timezone.localdate()
        account = participant.user
        withdrawn_on = participant.consents.filter(kind=ConsentKind.PROCESSING).aggregate(
            last=Max("withdrawn_on")
        )["last"]
        anonymous = f"{ERASED_LAST_NAME} {ERASED_FIRST_NAME.format(id=pid)}"
        pattern = name_pattern(_names_of(participant, account))
        erased: list[str] = ["participant"]

        # Other apps first, while the participant still has their data and account.
        labels_from_apps: list[str] = []
        for _receiver, labels in participant_erasing.send(
            sender=Participant, participant=participant, account=account, user=user
        ):
            labels_from_apps.extend(str(label) for label in labels or [])

        participant_leave_open_pairs(
            participant=participant, user=user, reason=ERASURE_REASON, when=today
        )
        links = _linked_records(participant)

        if _erase_consents(pid, files):
            erased.append("consents")
            if files:
                erased.append("scans")
        if _delete_proposals(pid):
            erased.append("proposals")
        if _erase_feedback(pid):
            erased.append("feedback")
        if _erase_certificates(pid, files):
            erased.append("certificates")
        if delete_documents_naming(pair_ids=links[Pair], decision_ids=links[IncentiveDecision]):
            erased.append("documents")
        if pattern:
            # Every model is scrubbed: a list, not a short-circuiting generator.
            scrubbed = [
                _scrub(model, ids, _mention_fields(model), pattern, anonymous)
                for model, ids in links.items()
            ]
            if any(scrubbed):
                erased.append("mentions")

        anonymised_account = None
        if account is not None:
            outcome = _erase_account(account)
            erased.append(outcome)
            anonymised_account = account if outcome == "account" else None

        for name, value in {**PARTICIPANT_BLANKS, **_erased_name(pid)}.items():
            setattr(participant, name, value)
        participant.status = ParticipantStatus.LEFT
        participant.left_on = participant.left_on or max(today, participant.joined_on)
        participant.full_clean()
        attribute_change(participant, user=user, reason=ERASURE_REASON)
        participant.save()

        _rewrite_history(pid, anonymous, pattern, links)
        erased.append("history")
        if _scrub_log_entries(pid, anonymised_account, links, pattern, anonymous):
            erased.append("log")

        act = ErasureAct(
            organisation_id=participant.organisation_id,
            former_participant_id=pid,
            erased_by=user,
            consent_withdrawn_on=withdrawn_on,
            erased_data=[str(ERASED_KINDS[code]) for code in erased] + labels_from_apps,
        )
        act.full_clean()
        attribute_change(act, user=user, reason=ERASURE_REASON)
        act.save()
        transaction.on_commit(lambda: _delete_files(files), robust=True)
    return act


def _erased_name(pid: int) -> dict:
    return {"last_name": ERASED_LAST_NAME, "first_name": ERASED_FIRST_NAME.format(id=pid)}


def _names_of(participant: Participant, account) -> list[str]:
    names = [participant.full_name]
    for consent in participant.consents.all():
        names.extend([consent.subject_name, consent.representative_name])
    history = Consent.history.model.objects.filter(participant_id=participant.pk)
    for subject, representative in history.values_list("subject_name", "representative_name"):
        names.extend([subject, representative])
    for last_name, first_name, patronymic in Participant.history.model.objects.filter(
        id=participant.pk
    ).values_list("last_name", "first_name", "patronymic"):
        names.append(" ".join(part for part in (last_name, first_name, patronymic) if part))
    if account is not None:
        names.append(f"{account.last_name} {account.first_name}".strip())
    return names


def _linked_records(participant: Participant) -> dict[type[models.Model], list]:
    """The records whose free texts may mention the participant, by model."""
    pid = participant.pk
    pair_ids = set(Pair.objects.filter(mentor_id=pid).values_list("pk", flat=True)) | set(
        PairMentee.objects.filter(mentee_id=pid).values_list("pair_id", flat=True)
    )
    meeting_ids = list(Meeting.objects.filter(pair_id__in=pair_ids).values_list("pk", flat=True))
    plan_ids = list(
        DevelopmentPlan.objects.filter(membership__pair_id__in=pair_ids).values_list(
            "pk", flat=True
        )
    )
    return {
        Pair: sorted(pair_ids),
        PairMentee: list(
            PairMentee.objects.filter(pair_id__in=pair_ids).values_list("pk", flat=True)
        ),
        Meeting: meeting_ids,
        DevelopmentPlan: plan_ids,
        PlanTask: list(PlanTask.objects.filter(plan_id__in=plan_ids).values_list("pk", flat=True)),
        Feedback: list(
            Feedback.objects.filter(Q(meeting_id__in=meeting_ids) | Q(author_id=pid)).values_list(
                "pk", flat=True
            )
        ),
        IncentiveDecision: list(
            IncentiveDecision.objects.filter(mentor_id=pid).values_list("pk", flat=True)
        ),
        MentorTraining: list(
            MentorTraining.objects.filter(mentor_id=pid).values_list("pk", flat=True)
        ),
        Case: list(Case.objects.filter(pair_id__in=pair_ids).values_list("pk", flat=True)),
        MentoringAgreement: list(
            MentoringAgreement.objects.filter(pair_id__in=pair_ids).values_list("pk", flat=True)
        ),
        **_other_records_of(pid),
    }


# Records handled on their own (blanked, deleted by their app, or naming no one).
OWN_HANDLING = {Consent, ErasureAct, ParticipantChangeProposal}
# Records deleted with their history: they hold nothing the programme must keep.
DELETED_WHOLE = {ParticipantChangeProposal}


def _other_records_of(pid: int) -> dict[type[models.Model], list]:
    """Records of any other model pointing at the participant: a safety net for new models.

    Their free texts are scrubbed of the name like those of MENTION_FIELDS, so a model added
    later (with a reason, a comment…) is not forgotten by the erasure.
    """
    found: dict[type[models.Model], set] = {}
    for relation in Participant._meta.related_objects:
        model = relation.related_model
        if model in OWN_HANDLING or model in MENTION_FIELDS or relation.many_to_many:
            continue
        ids = model._base_manager.filter(**{relation.field.name: pid}).values_list("pk", flat=True)
        found.setdefault(model, set()).update(ids)
    return {model: sorted(ids) for model, ids in found.items() if ids}


def _mention_fields(model) -> tuple[str, ...]:
    if model in MENTION_FIELDS:
        return MENTION_FIELDS[model]
    return tuple(
        field.attname
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not field.choices
        and not field.primary_key
        and not field.is_relation
    )


def _history(model):
    return model.history.model.objects


def _has_history(model) -> bool:
    return hasattr(model._meta, "simple_history_manager_attribute")


def _erase_consents(pid: int, files: list) -> bool:
    consents = Consent.objects.filter(participant_id=pid)
    if not consents.exists():
        return False
    scan_field = Consent._meta.get_field("scan")
    names = set(consents.exclude(scan="").values_list("scan", flat=True))
    names |= set(
        _history(Consent).filter(participant_id=pid).exclude(scan="").values_list("scan", flat=True)
    )
    files.extend((scan_field, name) for name in sorted(names))
    consents.update(**CONSENT_BLANKS)
    return True


def _delete_proposals(pid: int) -> bool:
    """A proposal is nothing but a name, class or date of birth someone typed: all of it goes."""
    proposals = ParticipantChangeProposal.objects.filter(participant_id=pid)
    history = _history(ParticipantChangeProposal).filter(participant_id=pid)
    had_any = proposals.exists() or history.exists()
    proposals.delete()
    history.delete()
    return had_any


def _erase_feedback(pid: int) -> bool:
    given = Feedback.objects.filter(author_id=pid).exclude(comment="")
    had_comments = (
        given.exists() or _history(Feedback).filter(author_id=pid).exclude(comment="").exists()
    )
    given.update(comment="")
    _history(Feedback).filter(author_id=pid).update(comment="")
    return had_comments


def _erase_certificates(pid: int, files: list) -> bool:
    field = MentorTraining._meta.get_field("certificate")
    trainings = MentorTraining.objects.filter(mentor_id=pid)
    names = set(trainings.exclude(certificate="").values_list("certificate", flat=True))
    names |= set(
        _history(MentorTraining)
        .filter(mentor_id=pid)
        .exclude(certificate="")
        .values_list("certificate", flat=True)
    )
    files.extend((field, name) for name in sorted(names))
    trainings.update(certificate="")
    _history(MentorTraining).filter(mentor_id=pid).update(certificate="")
    return bool(names)


def _erase_account(account) -> str:
    """Deactivate and anonymise the participant's account; only unlink a staff account.

    A teacher who mentors may sign in with their work account: the school keeps processing
    an employee's data on other grounds, so that account is left as it is.
    """
    if account.is_superuser or account.is_staff or account.has_perm("wagtailadmin.access_admin"):
        return "account_link"
    account.username = f"erased-{account.pk}"
    account.first_name = ""
    account.last_name = ""
    account.email = ""
    account.is_active = False
    account.set_unusable_password()
    account.save()
    account.groups.clear()
    return "account"


def _scrub(
    model, ids: list, fields: tuple[str, ...], pattern: re.Pattern, replacement: str
) -> bool:
    """Replace the name in the free texts of these records and of their history rows."""
    if not ids:
        return False
    changed = False
    manager = model._base_manager
    for row in manager.filter(pk__in=ids).values("pk", *fields):
        updates = _substituted(row, fields, pattern, replacement)
        if updates:
            manager.filter(pk=row["pk"]).update(**updates)
            changed = True
    if not _has_history(model):
        return changed
    history = getattr(model, model._meta.simple_history_manager_attribute).model.objects
    history_fields = (*fields, "history_change_reason")
    key = model._meta.pk.attname
    for row in history.filter(**{f"{key}__in": ids}).values("history_id", *history_fields):
        updates = _substituted(row, history_fields, pattern, replacement)
        if updates:
            history.filter(history_id=row["history_id"]).update(**updates)
            changed = True
    return changed


def _substituted(row: dict, fields, pattern: re.Pattern, replacement: str) -> dict:
    updates = {}
    for name in fields:
        value = row.get(name)
        if value and pattern.search(value):
            updates[name] = pattern.sub(replacement, value)
    return updates


def _rewrite_history(pid: int, anonymous: str, pattern, links: dict) -> None:
    """Overwrite the personal fields of every history row of the participant and consents."""
    _history(Participant).filter(id=pid).update(**{**PARTICIPANT_BLANKS, **_erased_name(pid)})
    _history(Consent).filter(participant_id=pid).update(**CONSENT_BLANKS)
    if pattern is None:
        return
    # Reasons typed for changes of the participant's and their consents' records.
    for model, filters in ((Participant, {"id": pid}), (Consent, {"participant_id": pid})):
        history = _history(model)
        for row in (
            history.filter(**filters)
            .exclude(history_change_reason=None)
            .values("history_id", "history_change_reason")
        ):
            updates = _substituted(row, ("history_change_reason",), pattern, anonymous)
            if updates:
                history.filter(history_id=row["history_id"]).update(**updates)


def _scrub_log_entries(pid: int, account, links: dict, pattern, anonymous: str) -> bool:
    """Take the name out of Wagtail's action log entries about the participant's records."""
    from wagtail.models import ModelLogEntry

    if pattern is None:
        return False
    targets = {
        Participant: [pid],
        Consent: list(Consent.objects.filter(participant_id=pid).values_list("pk", flat=True)),
        **links,
    }
    if account is not None:
        targets[type(account)] = [account.pk]
    changed = False
    for model, ids in targets.items():
        if not ids:
            continue
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        entries = ModelLogEntry.objects.filter(
            content_type=content_type, object_id__in=[str(pk) for pk in ids]
        )
        for entry in entries.only("pk", "label", "data"):
            label = pattern.sub(anonymous, entry.label or "")
            data_text = json.dumps(entry.data, ensure_ascii=False, default=str)
            scrubbed = pattern.sub(anonymous, data_text)
            if label != entry.label or scrubbed != data_text:
                ModelLogEntry.objects.filter(pk=entry.pk).update(
                    label=label, data=json.loads(scrubbed)
                )
                changed = True
    return changed


def _delete_files(files: list[tuple[models.FileField, str]]) -> None:
    for field, name in files:
        try:
            if field.storage.exists(name):
                field.storage.delete(name)
        except Exception:
            logger.exception("Could not delete an erased file of %s", field.model._meta.label)
