"""The one error the roadmap import raises: a reason the editor can act on."""

from django.utils.functional import Promise


class RoadmapImportError(Exception):
    """An uploaded file that cannot become a roadmap.

    ``code`` lets the caller (and the tests) tell the reasons apart without reading prose.
    The message is kept as a lazy translation and formatted only when read, so that this
    package works without configured Django settings and the editor sees the text in the
    language active when it is shown.
    """

    def __init__(self, message: str | Promise, *, code: str, **params: object) -> None:
        super().__init__(message)
        self._message = message
        self.code = code
        self.params = params

    @property
    def message(self) -> str:
        text = str(self._message)
        return text % self.params if self.params else text

    def __str__(self) -> str:
        return self.message
