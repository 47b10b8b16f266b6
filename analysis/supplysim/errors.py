"""The one error type the command line turns into a one-line message and an exit code."""
from __future__ import annotations

BAD_INPUT = 2      # the user's file, date, name or option is at fault
RUNTIME = 1        # the input was fine but the work could not be done (disk full, another writer)


class AnalysisError(Exception):
    """A problem with the user's input (a file, a date, an indicator name) or the machine, not a bug.

    `path` names the offending file and `where` the dataset or attribute inside it, so the message says
    which of several inputs is at fault and where. Messages are kept to one line.
    """

    def __init__(self, message: str, path=None, where: str | None = None, exit_code: int = BAD_INPUT):
        message = " ".join(str(message).split())   # library messages may span lines
        super().__init__(message)
        self.message = message
        self.path = path
        self.where = where
        self.exit_code = exit_code

    def __str__(self) -> str:
        parts = [str(p) for p in (self.path, self.where) if p is not None]
        return ": ".join(parts + [self.message])
