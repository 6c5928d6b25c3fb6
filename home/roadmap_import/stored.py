"""A parsed roadmap as plain JSON data and back, so that a preview can wait in the session.

The admin import (home/views.py) shows the editor what a file gives before anything is
created; between the two requests the parsed roadmap is kept in the editor's own session
(server-side), never in the form, so the confirmation cannot be made to import other content.
"""

from dataclasses import asdict
from datetime import date
from typing import Any

from .parser import ParsedEvent, ParsedRoadmap, ParsedStage

_DATES = ("period_start", "period_end", "approval_order_date")


def roadmap_to_data(roadmap: ParsedRoadmap) -> dict[str, Any]:
    data = asdict(roadmap)
    for name in _DATES:
        data[name] = data[name].isoformat() if data[name] else None
    return data


def roadmap_from_data(data: dict[str, Any]) -> ParsedRoadmap:
    """The roadmap back; KeyError, TypeError or ValueError when the data is not one."""
    values = dict(data)
    for name in _DATES:
        values[name] = date.fromisoformat(values[name]) if values[name] else None
    values["stages"] = [
        ParsedStage(
            **{key: value for key, value in stage.items() if key != "events"},
            events=[ParsedEvent(**event) for event in stage["events"]],
        )
        for stage in data["stages"]
    ]
    return ParsedRoadmap(**values)
