"""The data the access matrix runs against: two organisations, every kind of record, all roles.

Organisation A has a programme with two pairs, a group meeting, feedback, preferences,
consents with scans, invitations, a questionnaire with answers, a group-meeting preference
questionnaire, a consent page and a private document; organisation B has its own curator,
auditor and a pair of its own. A's people carry surnames nobody else in the data has, so
finding one in a response is finding a leak (`Person.secrets`).
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    PageViewRestriction,
    UploadedFile,
    Workflow,
)

from forms_app.models import (
    QuestionnaireAccess,
    QuestionnaireField,
    QuestionnaireKind,
    QuestionnaireSubmission,
)
from forms_app.tests.factories import MENTEE_FIELDS, answers, consent_page, invitation
from forms_app.tests.factories import questionnaire_page as make_questionnaire
from home.models import DocumentsPage, MentoringDocument
from home.services import mentoring_section_get_or_create
from home.tests.factories import roadmap_page
from portal.roles import AUDITORS, CURATORS, EDITORS, PARTICIPANTS
from portal.tests.factories import UserFactory
from programmes.models import (
    Case,
    DecisionKind,
    ErasureAct,
    MatchDecision,
    MatchPreference,
    MeetingAttendance,
    MeetingKind,
    MentorTraining,
    ParticipantChangeProposal,
    PartnerOrganisation,
)
from programmes.services.agreements import agreement_generate_document
from programmes.services.orders import order_generate_document
from programmes.tests.factories import (
    ConsentFactory,
    DevelopmentPlanFactory,
    FeedbackFactory,
    IncentiveDecisionFactory,
    MeetingFactory,
    MentoringAgreementFactory,
    OrderTemplateFactory,
    OrganisationFactory,
    PairFactory,
    PairMenteeFactory,
    ParticipantFactory,
    PlanTaskFactory,
    ProgrammeFactory,
)

# The secret text of the private document: only staff groups may read it.
PRIVATE_TEXT = "Протокол закрытого заседания совета наставников"


@dataclass
class Person:
    """One of A's participants and what of them must not leak."""

    participant: object
    email: str = ""
    phone: str = ""

    @property
    def name(self) -> str:
        return self.participant.last_name

    def secrets(self, *, contacts: bool = True) -> list[str]:
        found = [self.name]
        if contacts:
            found += [text for text in (self.email, self.phone) if text]
        return found


@dataclass
class World:
    users: dict = field(default_factory=dict)  # role -> user (no "anonymous")
    people: dict = field(default_factory=dict)  # short name -> Person
    objects: dict = field(default_factory=dict)  # what URLs are made of


def _user(username: str, group: str | None = None, **fields):
    user = UserFactory(username=username, **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def _person(organisation, last_name, first_name, *, email="", phone="", **fields) -> Person:
    participant = ParticipantFactory(
        organisation=organisation,
        last_name=last_name,
        first_name=first_name,
        email=email,
        phone=phone,
        **fields,
    )
    ConsentFactory(participant=participant)
    return Person(participant, email=email, phone=phone)


def build_world() -> World:
    world = World()
    a = OrganisationFactory(short_name="Гимназия А")
    b = OrganisationFactory(short_name="Лицей Б")
    programme = ProgrammeFactory(organisation=a, max_mentees_per_mentor=5)

    # --- people of A ------------------------------------------------------------------------
    mentor = _person(
        a,
        "Журавлёв",
        "Тимофей",
        email="zhuravlev.mentor@school-a.example",
        phone="+7 901 111-22-33",
    )
    mentee = _person(
        a,
        "Снегирёва",
        "Василиса",
        mentee=True,
        email="snegireva.child@school-a.example",
        phone="+7 901 444-55-66",
    )
    classmate = _person(a, "Клестова", "Агния", mentee=True)
    other_mentor = _person(a, "Глухарёв", "Платон")
    other_mentee = _person(a, "Зимородкова", "Ульяна", mentee=True, phone="+7 901 777-88-99")
    unpaired = _person(a, "Свиристелева", "Злата", mentee=True, email="svir.child@school-a.example")
    world.people = {
        "mentor": mentor,
        "mentee": mentee,
        "classmate": classmate,
        "other_mentor": other_mentor,
        "other_mentee": other_mentee,
        "unpaired": unpaired,
    }

    # --- users in every role ---------------------------------------------------------------
    users = world.users
    users["mentee"] = _user(
        "matrix-mentee", PARTICIPANTS, last_name="Снегирёва", first_name="Василиса"
    )
    users["mentor"] = _user("matrix-mentor", PARTICIPANTS, last_name="Журавлёв", first_name="Т.")
    mentee.participant.user, mentor.participant.user = users["mentee"], users["mentor"]
    mentee.participant.save()
    mentor.participant.save()
    users["editor"] = _user("matrix-editor", EDITORS)
    users["curator_a"] = _user("matrix-curator-a", CURATORS)
    users["auditor_a"] = _user("matrix-auditor-a", AUDITORS)
    users["curator_b"] = _user("matrix-curator-b", CURATORS)
    users["auditor_b"] = _user("matrix-auditor-b", AUDITORS)
    users["superuser"] = _user("matrix-superuser", is_superuser=True, is_staff=True)
    a.members.add(users["curator_a"], users["auditor_a"])
    b.members.add(users["curator_b"], users["auditor_b"])

    # --- A's records ----------------------------------------------------------------------
    pair = PairFactory(programme=programme, mentor=mentor.participant, active=True)
    PairMenteeFactory(pair=pair, mentee=mentee.participant)
    PairMenteeFactory(pair=pair, mentee=classmate.participant)
    other_pair = PairFactory(programme=programme, mentor=other_mentor.participant, active=True)
    PairMenteeFactory(pair=other_pair, mentee=other_mentee.participant)
    meeting = MeetingFactory(pair=pair, topic="Разбор олимпиадных задач")
    feedback = FeedbackFactory(meeting=meeting, author=mentor.participant)
    plan = DevelopmentPlanFactory(membership=pair.mentees.get(mentee=mentee.participant))
    plan_task = PlanTaskFactory(plan=plan, title="Решить вариант школьного этапа")
    # The classmate's plan: the mentee must never read it.
    PlanTaskFactory(plan__membership=pair.mentees.get(mentee=classmate.participant))
    group_meeting = MeetingFactory(
        pair=None, programme=programme, kind=MeetingKind.GROUP, topic="Знакомство"
    )
    for person in (mentor, other_mentor, other_mentee):
        MeetingAttendance.objects.create(meeting=group_meeting, participant=person.participant)
    preference = MatchPreference.objects.create(
        participant=unpaired.participant, preferred=mentor.participant, programme=programme
    )
    consent = mentee.participant.consents.get()
    consent.scan.save("scan.pdf", ContentFile(b"%PDF-1.4 consent"), save=True)
    training = MentorTraining.objects.create(
        mentor=mentor.participant, course="Школа наставника", hours=16, completed_on=pair.start_date
    )
    training.certificate.save("certificate.pdf", ContentFile(b"%PDF-1.4 cert"), save=True)
    case = Case.objects.create(
        organisation=a, title="Олимпиадная пара", description="Опыт", pair=pair
    )
    case.file.save("case.pdf", ContentFile(b"%PDF-1.4 case"), save=True)
    partner = PartnerOrganisation.objects.create(organisation=a, name="ООО «Партнёр А»")
    incentive = IncentiveDecisionFactory(mentor=mentor.participant)
    match_decision = MatchDecision.objects.create(
        programme=programme,
        mentor=mentor.participant,
        mentee=mentee.participant,
        kind=DecisionKind.EXCLUDED,
        reason="Родственники",
    )
    act = ErasureAct.objects.create(organisation=a, former_participant_id=990_001)
    proposal = ParticipantChangeProposal.objects.create(
        participant=mentee.participant,
        field_name="group",
        current_value=mentee.participant.group,
        proposed_value="9 «Б»",
        source="Анкета «Анкета наставляемого»",
    )
    order = pair.order
    agreement = MentoringAgreementFactory(pair=pair)
    order_template = OrderTemplateFactory(organisation=a)
    order_generate_document(order=order, user=users["superuser"])
    agreement_generate_document(agreement=agreement, user=users["superuser"])
    # What modeladmin's create view writes to Wagtail's log when a curator adds a participant.
    log(instance=mentee.participant, action="wagtail.create", user=users["curator_a"])

    # --- B's own records (B's staff see rows of their own) ----------------------------------
    b_pair = PairFactory(programme=ProgrammeFactory(organisation=b), active=True)
    PairMenteeFactory(pair=b_pair)

    # --- pages ------------------------------------------------------------------------------
    section = mentoring_section_get_or_create()
    roadmap = roadmap_page(events=1)
    questionnaire = make_questionnaire(
        title="Анкета наставляемого",
        access=QuestionnaireAccess.PARTICIPANTS,
        organisation=a,
        fields=[*MENTEE_FIELDS, ("Почта для связи", "email", "email")],
    )
    data = answers(questionnaire, **_by_label(questionnaire, mentee))
    QuestionnaireSubmission.objects.create(
        page=questionnaire, form_data=data, participant=mentee.participant, user=users["mentee"]
    )
    preference_page = make_questionnaire(
        title="Анкета после групповой встречи",
        kind=QuestionnaireKind.PREFERENCE,
        access=QuestionnaireAccess.PARTICIPANTS,
        organisation=a,
        programme=programme,
        meeting=group_meeting,
        fields=[("С кем из участников встречи вы хотели бы работать?", "participant", "")],
    )
    invitation_page = make_questionnaire(
        title="Анкета по приглашению", access=QuestionnaireAccess.INVITATION, organisation=a
    )
    consents_page = consent_page(a)
    invited = invitation(participant=mentee.participant, page=invitation_page)
    invitation(participant=mentee.participant, page=consents_page, for_representative=True)

    # --- documents, images, collections -----------------------------------------------------
    root = Collection.get_first_root_node()
    public = root.add_child(name="Наставничество")
    internal = public.add_child(name="Внутренние")
    restriction = CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=[EDITORS, CURATORS, AUDITORS]))
    private_document = MentoringDocument(title="Протокол совета", collection=internal)
    private_document.file.save("protocol.txt", ContentFile(PRIVATE_TEXT.encode()), save=True)
    public_document = MentoringDocument(title="Приказ № 1", collection=public)
    public_document.file.save("order.txt", ContentFile(b"order"), save=True)
    documents_page = section.add_child(
        instance=DocumentsPage(title="Документы", slug="dokumenty", collection=public)
    )
    members_only = section.add_child(
        instance=DocumentsPage(title="Для сотрудников", slug="dlya-sotrudnikov", collection=public)
    )
    page_restriction = PageViewRestriction.objects.create(
        page=members_only, restriction_type=PageViewRestriction.LOGIN
    )
    image = get_image_model().objects.create(title="Логотип", file=get_test_image_file())
    uploaded = UploadedFile.objects.create(
        file=ContentFile(b"upload", name="upload.txt"), uploaded_by_user=users["superuser"]
    )

    # --- Wagtail's own objects --------------------------------------------------------------
    from wagtail.admin.models import EditingSession
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.models import Site

    workflow = Workflow.objects.get()
    workflow_state = workflow.start(roadmap, users["superuser"])
    editing_session = EditingSession.objects.create(
        user=users["superuser"], content_object=questionnaire, last_seen_at=timezone.now()
    )

    world.objects = {
        "a": a,
        "b": b,
        "programme": programme,
        "pair": pair,
        "meeting": meeting,
        "group_meeting": group_meeting,
        "feedback": feedback,
        "plan": plan,
        "plan_task": plan_task,
        "preference": preference,
        "consent": consent,
        "training": training,
        "case": case,
        "partner": partner,
        "incentive": incentive,
        "match_decision": match_decision,
        "order": order,
        "agreement": agreement,
        "order_template": order_template,
        "erasure_act": act,
        "proposal": proposal,
        "invitation": invited,
        "section": section,
        "roadmap": roadmap,
        "questionnaire": questionnaire,
        "preference_page": preference_page,
        "invitation_page": invitation_page,
        "consent_page": consents_page,
        "members_only": members_only,
        "page_restriction": page_restriction,
        "documents_page": documents_page,
        "collection": internal,
        "collection_restriction": restriction,
        "private_document": private_document,
        "public_document": public_document,
        "image": image,
        "uploaded_file": uploaded,
        "workflow": workflow,
        "task": workflow.tasks.get(),
        "workflow_state": workflow_state,
        "task_state": workflow_state.current_task_state,
        "editing_session": editing_session,
        "redirect": Redirect.objects.create(old_path="/old-path", redirect_link="/"),
        "site": Site.objects.get(is_default_site=True),
        "group": Group.objects.get(name=PARTICIPANTS),
    }
    return world


def _by_label(page, person: Person) -> dict:
    """The person's own answers to the mentee questionnaire, by clean name."""
    participant = person.participant
    by_label = {
        "Фамилия": participant.last_name,
        "Имя": participant.first_name,
        "Почта для связи": person.email,
    }
    return {
        question.clean_name: by_label[question.label]
        for question in QuestionnaireField.objects.filter(page=page)
        if question.label in by_label
    }
