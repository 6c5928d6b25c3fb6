"""Import a roadmap (дорожная карта) from an uploaded Word, Excel or text file.

``read_table_document`` turns the file into text rows, ``parse_roadmap`` turns the rows
into stages and events. Nothing here touches the database: the caller decides what to save.
"""

from .errors import RoadmapImportError
from .parser import ParsedEvent, ParsedRoadmap, ParsedStage, parse_roadmap
from .readers import MAX_FILE_SIZE, SUPPORTED_EXTENSIONS, read_table_document
from .table import TableDocument

__all__ = [
    "MAX_FILE_SIZE",
    "SUPPORTED_EXTENSIONS",
    "ParsedEvent",
    "ParsedRoadmap",
    "ParsedStage",
    "RoadmapImportError",
    "TableDocument",
    "parse_roadmap",
    "read_table_document",
]
