"""Where the library lives: --library, else $NEWSREADER_LIBRARY, else the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

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


def printable(text: str) -> str:
    """Text that can always be stored in SQLite and printed.

    File names that are not valid UTF-8 (a Latin-1 name on a UTF-8 system) reach Python as
    lone surrogates ("caf\\udcff"), which neither SQLite nor a UTF-8 terminal accepts; their
    bytes are shown as ``\\xff`` escapes instead. Valid text comes back unchanged.
    """
    try:
        data = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that is not an undecodable byte
        data = text.encode("utf-8", "surrogatepass")
    return data.decode("utf-8", "backslashreplace")


def display_path(path: str | Path) -> str:
    """A file path as stored and shown by the library (see ``printable``)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")
