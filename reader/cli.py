"""The `newsreader` command: subcommands for scripts, the Textual app for people.

Start-up matters: this module imports no Textual, and each subcommand module imports its
heavy dependencies inside its ``run`` function, so `newsreader clean` stays quick.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from reader import __version__
from reader.errors import ReaderError

# Each module in reader.commands provides NAME, HELP, add_arguments(parser) and run(args) -> int.
COMMAND_MODULES = ("clean", "compare", "add", "feed", "refresh", "list", "search")


def _command_modules() -> dict[str, ModuleType]:
    modules: dict[str, ModuleType] = {}
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"reader.commands.{name}_cmd")
        except ModuleNotFoundError as error:
            if error.name != f"reader.commands.{name}_cmd":
                raise
            continue  # not built yet
        modules[module.NAME] = module
    return modules


def _add_library_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--library",
        metavar="PATH",
        help="library database to use (default: $NEWSREADER_LIBRARY, else the user data folder)",
    )


def build_parser(modules: dict[str, ModuleType]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader",
        description="Read one news story across several outlets. "
        "Without a command, opens the app on PATHs (files or folders) or on your library.",
    )
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in modules.values():
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        _add_library_option(command)
        module.add_arguments(command)
    return parser


def build_app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsreader", add_help=False)
    _add_library_option(parser)
    parser.add_argument("paths", nargs="*")
    return parser


def _first_positional(args: list[str]) -> str | None:
    """The first argument that is not an option or the value of `--library`."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--library":
            skip = True
        elif arg == "--" or not arg.startswith("-") or arg == "-":
            return arg
    return None


def _move_global_options(args: list[str], command: str) -> list[str]:
    """Let `--library P` stand before the subcommand too (argparse wants it after)."""
    index = args.index(command)
    before, after = args[:index], args[index + 1 :]
    if "--" in after:  # options must come before "--", after which all is positional
        end = after.index("--")
        return [command, *after[:end], *before, *after[end:]]
    return [command, *after, *before]


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    modules = _command_modules()
    first = _first_positional(args_list)
    wants_help = any(a in ("-h", "--help", "--version") for a in args_list)
    try:
        if first in modules or (wants_help and first is None):
            if first is not None:
                args_list = _move_global_options(args_list, first)
            args = build_parser(modules).parse_args(args_list)
            return int(modules[args.command].run(args) or 0)
        app_args = build_app_parser().parse_args(args_list)
        from reader.ui.launch import run_app  # Textual only here

        return int(run_app(app_args.paths, library=app_args.library) or 0)
    except ReaderError as error:
        print(f"newsreader: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # noqa: BLE001 - a bug must still end in one line, not a traceback
        if os.environ.get("NEWSREADER_DEBUG"):
            raise
        message = f"{type(error).__name__}: {error}".replace("\n", " ")
        hint = "(NEWSREADER_DEBUG=1 shows where)"
        print(f"newsreader: internal error: {message} {hint}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
