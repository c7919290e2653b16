"""Command line: ``praktijkenbank valideer|nieuw|schema|herzien|uit-issue|statistiek|vingerafdruk|begroting|rapport``.

One language for users: Dutch option names (``--streng``, ``--herstel``,
``--formaat``, ``--schrijf``); the English names that existed before
(``validate``, ``new``, ``review``, ``--strict``, ``--fix``, ``--format``,
``--write``) keep working as aliases.

All messages are Dutch; no Python traceback ever reaches the person running it.
Exit codes: 0 ok, 1 problems found, 2 wrong usage, 3 internal error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .cli_nl import DutchParser, option
from ..records.problems import Problem

DEFAULT_PATH = "practices"


_Parser = DutchParser  # Dutch help, usage and errors (cli_nl.py); a usage error exits with code 2


def _summary(problems: list[Problem], checked: int) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    files = len({p.path for p in problems})
    word_e = "fout" if errors == 1 else "fouten"
    word_w = "waarschuwing" if warnings == 1 else "waarschuwingen"
    word_p = "bestand" if checked == 1 else "bestanden"
    if not problems:
        return f"In orde: {checked} {word_p} nagekeken, geen fouten."
    return f"{errors} {word_e} en {warnings} {word_w} in {files} bestand(en); {checked} {word_p} nagekeken."


def cmd_validate(args) -> int:
    from ..records.validate import default_paths, validate_paths

    from ..records import moved

    redirects = [path for path in args.paths if path.endswith(moved.FILE.name)]
    paths = [path for path in args.paths if path not in redirects]
    if not args.paths and moved.FILE.resolve().is_relative_to(Path.cwd().resolve()):
        redirects = [moved.FILE]  # everything: the records and the redirects of the bank in this folder
    paths = paths or ([] if redirects and args.paths else default_paths() or [DEFAULT_PATH])
    if args.fix:
        from . import fix as fixer  # provided by the contributor tooling

        for line in fixer.fix_paths(paths):
            print(line)
    practices, problems = validate_paths(paths, strict=args.strict, full=False) if paths else ([], [])
    for path in redirects:
        from ..records.vocab import load_vocab
        from ..site.model import FAMILIES

        problems += moved.validate(Path.cwd(), load_vocab().kinds.values(),
                                   tuple(folder + "/" for folder, *_ in FAMILIES.values()), Path(path))
    if args.format == "github":
        from . import annotations

        annotations.emit(problems, practices, sys.stdout)
    else:
        for problem in problems:
            print(problem.format())
    checked = len({p.path for p in practices} | {p.path for p in problems} | {moved.display_path(Path(r)) for r in redirects})
    sys.stdout.flush()
    print(_summary(problems, checked), file=sys.stderr)
    return 1 if any(p.is_error for p in problems) else 0


def cmd_schema(args) -> int:
    from ..records import schema_sync

    return schema_sync.main(write=args.write)


def cmd_new(args) -> int:
    from . import scaffold  # provided by the contributor tooling

    return scaffold.main(args)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="praktijkenbank", description="Praktijkenbank: praktijken nakijken en toevoegen.")
    sub = parser.add_subparsers(dest="command", title="opdrachten", metavar="opdracht", parser_class=_Parser)
    validate = sub.add_parser("valideer", aliases=["validate"], help="kijk records na (standaard: alle mappen: practices/, instruments/, procurement/, dossiers/)",
                              description="Kijk praktijken na: het schema, de keuzelijsten, de koppen, de bronnen en de rest.")
    validate.add_argument("paths", nargs="*", metavar="PAD", help="bestanden of mappen (standaard: practices, instruments, procurement en dossiers)")
    option(validate, "--streng", "--strict", dest="strict", action="store_true", help="waarschuwingen tellen als fouten")
    option(validate, "--herstel", "--fix", dest="fix", action="store_true",
           help="herstel eerst wat eenduidig is (volgorde, dubbels, 5 P's, datums, ids, SDG-nummers, www.-adressen, spaties)")
    option(validate, "--formaat", "--format", dest="format", choices=["tekst", "github"], default="tekst",
           help="uitvoer: tekst (standaard) of github (annotaties voor GitHub Actions)")
    validate.set_defaults(func=cmd_validate)
    schema = sub.add_parser("schema", help="controleer of het JSON-schema overeenkomt met de keuzelijsten")
    option(schema, "--schrijf", "--write", dest="write", action="store_true", help="zet de keuzelijsten in het schema")
    schema.set_defaults(func=cmd_schema)
    # Contributor tooling: new/nieuw, herzien, uit-issue (each module adds its own subcommand).
    from . import fingerprint_cli, issueform, scaffold, stats
    from ..records import review
    from ..budget import cli as budget_cli
    from ..rapport import cli as report_cli

    for module in (scaffold, review, issueform, stats, fingerprint_cli, budget_cli, report_cli):
        module.add_arguments(sub)
    return parser


def safe_output() -> None:
    """Never crash on encoding: a character the console cannot show (an emoji on a cp1252 Windows
    console or pipe, ``PYTHONIOENCODING=cp1252``) is written as an escape such as ``\\U0001f389``."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a closed or detached stream: nothing to protect
                pass


def main(argv: list[str] | None = None) -> int:
    safe_output()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("Onderbroken.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:  # never a traceback for a contributor
        print(f"praktijkenbank: interne fout ({type(exc).__name__}: {exc}). "
              "Dit is een fout in de praktijkenbank zelf, niet in je praktijk: meld ze aan de beheerders.",
              file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
