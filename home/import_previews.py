"""Roadmap import previews waiting in the editor's session for a confirmation.

The admin import (home/views.py) reads the file once, keeps the parsed roadmap here under a
random token and shows it; «Создать черновик» sends back only the token. The data lives in
the server-side session of the user who uploaded it, so a confirmation cannot be forged into
importing other content, and another user's token means nothing. A preview is dropped once
used or cancelled, after ``MAX_AGE`` and when more than ``MAX_KEPT`` wait (the oldest go).
"""

import datetime
import secrets
import time
from dataclasses import dataclass

from home.roadmap_import.stored import roadmap_from_data, roadmap_to_data
from home.services import RoadmapDraft

SESSION_KEY = "home.roadmap_import_previews"
MAX_AGE = 2 * 60 * 60  # seconds
MAX_KEPT = 3


@dataclass
class StoredPreview:
    draft: RoadmapDraft
    parent_id: int | None


class ImportPreviews:
    def __init__(self, session) -> None:
        self.session = session

    def _all(self) -> dict:
        stored = self.session.get(SESSION_KEY)
        return stored if isinstance(stored, dict) else {}

    def add(self, draft: RoadmapDraft, *, parent_id: int | None) -> str:
        now = time.time()
        kept = {
            token: entry
            for token, entry in self._all().items()
            if isinstance(entry, dict) and now - entry.get("created", 0) < MAX_AGE
        }
        oldest_first = sorted(kept, key=lambda token: kept[token]["created"])
        for token in oldest_first[: max(len(kept) - MAX_KEPT + 1, 0)]:
            del kept[token]
        token = secrets.token_urlsafe(16)
        kept[token] = {
            "created": now,
            "parent_id": parent_id,
            "title": draft.title,
            "organisation": draft.organisation,
            "period_start": draft.period_start.isoformat(),
            "period_end": draft.period_end.isoformat(),
            "roadmap": roadmap_to_data(draft.parsed),
        }
        self.session[SESSION_KEY] = kept
        return token

    def get(self, token: str) -> StoredPreview | None:
        """The preview, or None when it is unknown, expired or unreadable."""
        entry = self._all().get(token) if isinstance(token, str) else None
        if not isinstance(entry, dict) or time.time() - entry.get("created", 0) >= MAX_AGE:
            return None
        try:
            draft = RoadmapDraft(
                parsed=roadmap_from_data(entry["roadmap"]),
                title=entry["title"],
                organisation=entry["organisation"],
                period_start=datetime.date.fromisoformat(entry["period_start"]),
                period_end=datetime.date.fromisoformat(entry["period_end"]),
            )
        except (KeyError, TypeError, ValueError):
            return None
        return StoredPreview(draft=draft, parent_id=entry.get("parent_id"))

    def drop(self, token: str) -> None:
        kept = self._all()
        if isinstance(token, str) and token in kept:
            del kept[token]
            self.session[SESSION_KEY] = kept
