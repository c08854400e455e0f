"""Start the app (the only entry point `reader.cli` imports Textual through)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reader.errors import ReaderError


def _command_hint(word: str) -> str:
    """A mistyped subcommand ("lst") reads as a missing file: say which command was meant."""
    import difflib

    from reader.cli import COMMAND_MODULES

    close = difflib.get_close_matches(word, COMMAND_MODULES, n=1, cutoff=0.6)
    return f" (did you mean 'newsreader {close[0]}'?)" if close else ""


def run_app(paths: Sequence[str], library: str | None = None) -> int:
    """Open the app on ``paths`` (files or folders), else on the library or the demo story."""
    missing = [path for path in paths if not Path(path).exists()]
    if paths and len(missing) == len(paths):
        raise ReaderError(f"no such file or folder: {missing[0]}{_command_hint(missing[0])}")
    from reader.ui.app import NewsReaderApp

    app = NewsReaderApp(paths, library=library)
    result = app.run()
    if app.return_code not in (None, 0):
        return app.return_code
    return int(result or 0)
