"""Errors the user sees as one line (the CLI prints ``str(error)`` and exits non-zero)."""


class ReaderError(Exception):
    """Base for every error with a message meant for the user."""


class IngestError(ReaderError):
    """A file or stream could not be read as an article (binary, empty, too big, unreadable)."""
