"""The command line. With no command it opens the window; every mistake is one line, no traceback.

Heavy modules (Qt, SQLite history, plots) are imported inside the command that needs them.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from psoas_desktop import APP_NAME, __version__
from psoas_desktop.core.routines import Exercise, RoutineBook
from psoas_desktop.storage.paths import AppPaths

DEBUG_VARIABLE = "PSOAS_DEBUG"  # set: a bug in a command shows its traceback


class UsageError(Exception):
    """A mistake on the command line, told in one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


# SQLite's integers are 64-bit: a bigger --limit would overflow inside the query.
_MOST = 2**62


def _count(text: str) -> int:
    """A whole number of 1 or more; a huge one means 'all'."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return min(value, _MOST)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=APP_NAME, description="Follow psoas and hip-flexor routines on a mat.")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="where the history is kept")
    parser.add_argument("--config-dir", metavar="DIR", help="where your own routines.json is")
    parser.add_argument("--routines", metavar="FILE", type=Path,
                        help="one more routines file for this run")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.add_parser("routines", help="list the routines")
    plan = commands.add_parser("plan", help="print a routine's timeline")
    plan.add_argument("routine", help="the routine's id (see 'routines')")
    plan.add_argument("--json", action="store_true", help="print JSON")
    validate = commands.add_parser("validate", help="check a routines file")
    validate.add_argument("file", type=Path)
    listing_ex = commands.add_parser("exercises", help="list every exercise, yours too")
    listing_ex.add_argument("--json", action="store_true", help="print JSON")
    taking = commands.add_parser("import", help="add the routines in a shared file to yours")
    taking.add_argument("file", type=Path)
    choice = taking.add_mutually_exclusive_group()
    choice.add_argument("--replace", action="store_true",
                        help="an id already there: the imported one takes its place")
    choice.add_argument("--keep-both", action="store_true",
                        help="an id already there: the imported one gets a new id")
    sharing = commands.add_parser("export-routine", help="write one routine to a file to share")
    sharing.add_argument("routine", help="the routine's id (see 'routines')")
    sharing.add_argument("file", type=Path)
    sharing.add_argument("--force", action="store_true", help="replace FILE if it exists")
    figures = commands.add_parser("figures", help="draw every exercise's key poses as PNGs")
    figures.add_argument("--out", metavar="DIR", type=Path, required=True)
    figures.add_argument("--dark", action="store_true", help="on a dark background")
    figures.add_argument("--sheet", metavar="FILE", type=Path,
                         help="where the contact sheet goes (default DIR/contact-sheet.png)")
    entry = commands.add_parser("install-desktop-entry",
                                help="add Psoas Desktop to your desktop's application menu")
    entry.add_argument("--uninstall", action="store_true", help="take it out of the menu again")
    report = commands.add_parser("report", help="a PDF report to take to a physiotherapist")
    report.add_argument("--weeks", type=int, default=8, help="how many weeks (default 8)")
    report.add_argument("file", type=Path, help="the PDF to write")
    history = commands.add_parser("history", help="your recorded sessions")
    history_commands = history.add_subparsers(dest="history_command", metavar="ACTION",
                                              parser_class=_Parser, required=True)
    listing = history_commands.add_parser("list", help="recent sessions, one a line")
    listing.add_argument("--limit", type=_count, default=20, help="how many (default 20)")
    export = history_commands.add_parser("export", help="write sessions and steps to CSV")
    export.add_argument("file", help="the CSV file to write; - for standard output")
    export.add_argument("--force", action="store_true", help="overwrite a file already there")
    return parser


def load_book(paths: AppPaths, extra: Path | None) -> RoutineBook:
    from psoas_desktop.core.routine_file import load_book as load
    from psoas_desktop.resources import builtin_routines

    files = [paths.user_routines]
    if special_file(paths.user_routines):
        print(f"{APP_NAME}: refused: {paths.user_routines}: not a regular file", file=sys.stderr)
        files = []
    if extra is not None:
        if not extra.exists() and not extra.is_symlink():  # a broken link is named below
            raise UsageError(f"--routines: no such file: {extra}")
        if special_file(extra):
            raise UsageError(f"--routines: not a regular file: {extra}")
        files.append(extra)
    return load(builtin_routines(), files)


def special_file(path: Path) -> bool:
    """A pipe, socket or device: reading one may wait forever for a writer."""
    return path.exists() and not path.is_file() and not path.is_dir()


def _warn(book: RoutineBook) -> None:
    for problem in book.problems:
        print(f"{APP_NAME}: refused: {problem}", file=sys.stderr)


def _all_exercises(book: RoutineBook) -> list[Exercise]:
    """Every exercise of every routine, once, in order of first use."""
    seen: dict[str, Exercise] = {}
    for routine in book.routines:
        for exercise in routine.exercises:
            seen.setdefault(exercise.id, exercise)
    return list(seen.values())


def _share(args: argparse.Namespace, paths: AppPaths) -> int:
    from psoas_desktop import routines_cli
    from psoas_desktop.core.routine_share import Clash

    if args.command == "exercises":
        return routines_cli.cmd_exercises(paths, args.json)
    if args.command == "import":
        if special_file(args.file) or not args.file.is_file():
            raise UsageError(f"import: no such file: {args.file}")
        clash = Clash.REPLACE if args.replace else Clash.KEEP_BOTH if args.keep_both else None
        return routines_cli.cmd_import(paths, args.file, clash)
    return routines_cli.cmd_export(paths, args.routine, args.file, args.force)


def run(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    paths = AppPaths.resolve(args.config_dir, args.data_dir)
    if args.command in ("validate", "routines", "plan"):  # not imported for the window
        from psoas_desktop import plan_cli
    if args.command == "validate":
        return plan_cli.cmd_validate(args.file)
    if args.command in ("exercises", "import", "export-routine"):
        return _share(args, paths)
    if args.command == "install-desktop-entry":
        from psoas_desktop.desktop_entry import install, uninstall

        return uninstall() if args.uninstall else install()
    if args.command == "history":
        from psoas_desktop.storage.history_cli import run_history

        return run_history(args, paths)
    book = load_book(paths, args.routines)
    _warn(book)
    if args.command == "routines":
        return plan_cli.cmd_routines(book)
    if args.command == "plan":
        return plan_cli.cmd_plan(book, args.routine, args.json)
    if args.command == "figures":
        from psoas_desktop.ui.figure_sheet import run_figures

        return run_figures(_all_exercises(book), args.out, args.dark, args.sheet)
    if args.command == "report":
        from psoas_desktop.report.cli import run_report

        return run_report(args.weeks, args.file, paths, book)
    from psoas_desktop.display import display_problem

    problem = display_problem(os.environ)
    if problem:
        print(f"{APP_NAME}: {problem}", file=sys.stderr)
        return 1
    from psoas_desktop.app import run_app

    return run_app(book, paths)


def _tolerant_output() -> None:
    """A terminal or pipe that is not UTF-8 (LANG=C, PYTHONIOENCODING=latin-1) still gets
    every line: a character it cannot take is shown as ? rather than ending the command."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_output()
    try:
        code = _main(argv)
        sys.stdout.flush()  # here, not at exit, where a closed pipe would be reported
        return code
    except BrokenPipeError:
        # The reader left (`| head`): Python's documented recipe, so the flush at exit is quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _main(argv: Sequence[str] | None) -> int:
    try:
        return run(argv)
    except UsageError as exc:
        print(f"{APP_NAME}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        raise  # main() handles it: not an error of the user's
    except OSError as exc:  # a path the system refuses: too long, a loop, no permission...
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"{APP_NAME}: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1
    except Exception as exc:
        # A bug, not the user's input: one line, and how to see the whole story.
        if os.environ.get(DEBUG_VARIABLE):
            raise
        print(f"{APP_NAME}: internal error: {type(exc).__name__}: {exc} (please report it;"
              f" {DEBUG_VARIABLE}=1 shows the details)", file=sys.stderr)
        return 70
