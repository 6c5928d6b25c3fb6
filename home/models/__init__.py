"""Pages and documents of the public «Наставничество» section."""

from .documents import DocumentKind, DocumentsPage, MentoringDocument
from .home_page import HomePage
from .regulations import RegulationsPage
from .roadmap import EventStatus, RoadmapEvent, RoadmapPage, RoadmapStage
from .section import MentoringSectionPage

__all__ = [
    "DocumentKind",
    "DocumentsPage",
    "EventStatus",
    "HomePage",
    "MentoringDocument",
    "MentoringSectionPage",
    "RegulationsPage",
    "RoadmapEvent",
    "RoadmapPage",
    "RoadmapStage",
]
