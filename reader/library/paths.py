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
