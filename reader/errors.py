"""Errors the user sees as one line (the CLI prints ``str(error)`` and exits non-zero)."""


class ReaderError(Exception):
    """Base for every error with a message meant for the user.

    The message often names a file or URL from outside, which may hold terminal escape
    sequences or bytes that are not UTF-8: ``str()`` gives it printable (``\\x1b``), so no
    error line can write to the user's terminal.
    """

    def __str__(self) -> str:
        from reader.library.paths import printable  # no cycle: paths imports this module

        return printable(super().__str__())


class IngestError(ReaderError):
    """A file or stream could not be read as an article (binary, empty, too big, unreadable)."""
