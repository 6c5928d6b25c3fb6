"""The four programmes every generated organisation runs, one per form of mentoring.

Each kind fixes who may mentor, who is mentored and the mentor load (the programme's cap),
so the pairs generated for it keep the rules the services enforce.
"""

from dataclasses import dataclass

from programmes.models import ParticipantCategory


@dataclass(frozen=True)
class ProgrammeKind:
    key: str
    form: str
    title: str
    cap: int
    mentor_categories: tuple[str, ...]
    mentee_category: str


PROGRAMMES = (
    ProgrammeKind(
        "student",
        "ученик – ученик",
        "Шаг вперёд: ученик – ученик",
        3,
        (ParticipantCategory.STUDENT,),
        ParticipantCategory.STUDENT,
    ),
    ProgrammeKind(
        "teacher",
        "учитель – учитель",
        "Школа молодого педагога",
        2,
        (ParticipantCategory.TEACHER,),
        ParticipantCategory.YOUNG_SPECIALIST,
    ),
    ProgrammeKind(
        "teacher_student",
        "учитель – ученик",
        "Учитель – ученик: индивидуальные маршруты",
        5,
        (ParticipantCategory.TEACHER,),
        ParticipantCategory.STUDENT,
    ),
    ProgrammeKind(
        "employer",
        "работодатель – ученик",
        "Профессиональные пробы с партнёрами",
        5,
        (ParticipantCategory.PARTNER,),
        ParticipantCategory.STUDENT,
    ),
)
