"""Where the library lives: --library, else $NEWSREADER_LIBRARY, else the user data folder."""

from __future__ import annotations

import os
import re
from pathlib import Path

from reader.errors import ReaderError

ENV_VAR = "NEWSREADER_LIBRARY"
FILE_NAME = "library.sqlite3"


def library_path(explicit: str | Path | None = None) -> Path:
    """The library database file to use. A directory means the default file name inside it."""
    chosen = explicit if explicit not in (None, "") else os.environ.get(ENV_VAR) or None
    if chosen is None:
        import platformdirs  # only needed for the default

        return Path(platformdirs.user_data_dir("newsreader", appauthor=False)) / FILE_NAME
    path = Path(chosen).expanduser()
    if path.is_dir():
        return path / FILE_NAME
    return path


# C0 and C1 controls, DEL, and the bidirectional overrides that can reorder a shown line
_UNSHOWABLE_RE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """Text that can always be stored in SQLite and printed on one line of a terminal.

    File names that are not valid UTF-8 (a Latin-1 name on a UTF-8 system) reach Python as
    lone surrogates ("caf\\udcff"), which neither SQLite nor a UTF-8 terminal accepts; their
    bytes are shown as ``\\xff`` escapes instead. Control characters (a file or URL named
    with terminal escape sequences, a newline) are escaped the same way. Other text comes
    back unchanged.
    """
    try:
        data = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that is not an undecodable byte
        data = text.encode("utf-8", "surrogatepass")
    shown = data.decode("utf-8", "backslashreplace")
    return _UNSHOWABLE_RE.sub(_escape, shown) if not shown.isprintable() else shown


def display_path(path: str | Path) -> str:
    """A file path as stored and shown by the library (see ``printable``)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


class PrintableError(ReaderError):
    """A user error whose one-line message names files or URLs from outside: made printable."""

    def __init__(self, message: str) -> None:
        super().__init__(printable(message))
