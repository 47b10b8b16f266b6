"""The one error type the command line turns into exit code 2."""
from __future__ import annotations


class AnalysisError(Exception):
    """A problem with the user's input (a file, a date, an indicator name), not a bug.

    `path` names the offending file so the message can say which one of several inputs is at fault.
    """

    def __init__(self, message: str, path=None):
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path is not None else self.message
