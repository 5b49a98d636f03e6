"""One base class for everything claimcheck reports as a user-facing error (exit status 2)."""

from __future__ import annotations


class ClaimcheckError(Exception):
    """A problem the user can fix: bad input, bad data, bad usage. ``str()`` is a one-line message."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        return f"{where}{self.message}"


class InputError(ClaimcheckError):
    """An input document could not be read or parsed."""


class DataError(ClaimcheckError):
    """A reference table or a data file is malformed."""


class UsageError(ClaimcheckError):
    """Options that do not fit together, or an unknown value."""


class RunError(ClaimcheckError):
    """A run that could not finish: a worker process was lost. The message names the documents not done."""
