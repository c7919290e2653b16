"""Dutch command line: argparse's own texts in Dutch, and English option names as hidden aliases.

argparse writes "usage:", "options:", "show this help message and exit" and
its error messages through ``gettext``; :class:`DutchParser` swaps in a Dutch
table while it builds, formats and parses (nothing else in the process sees
the swap). :func:`option` adds a Dutch option (``--streng``) with its English
spelling (``--strict``) as an alias that works but is not shown in the help,
so the help is in one language.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import sys

# Every text argparse (Python 3.11 to 3.13) can show to a user, in Dutch.
TEXTS = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "subcommands": "opdrachten",
    "show this help message and exit": "toon deze hulp en stop",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "onbekende opties of argumenten: %s",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "one of the arguments %s is required": "geef een van deze opties: %s",
    "not allowed with argument %s": "niet samen met %s",
    "ignored explicit argument %r": "deze optie neemt geen waarde (%r)",
    "expected one argument": "verwacht één waarde",
    "expected at most one argument": "verwacht hoogstens één waarde",
    "expected at least one argument": "verwacht minstens één waarde",
    "ambiguous option: %(option)s could match %(matches)s": "onduidelijke optie: %(option)s kan %(matches)s zijn",
    "unexpected option string: %s": "onverwachte optie: %s",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "onbekende opdracht %(parser_name)r (kies uit %(choices)s)",
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "option %(option)r is deprecated": "optie %(option)r verdwijnt",
    "argument %(argument_name)r is deprecated": "argument %(argument_name)r verdwijnt",
    "command %(parser_name)r is deprecated": "opdracht %(parser_name)r verdwijnt",
}
PLURALS = {("expected %s argument", "expected %s arguments"): ("verwacht %s waarde", "verwacht %s waarden")}


def _gettext(message):
    return TEXTS.get(message, message)


def _ngettext(singular, plural, count):
    dutch = PLURALS.get((singular, plural), (singular, plural))
    return dutch[0] if count == 1 else dutch[1]


@contextlib.contextmanager
def dutch():
    """argparse speaks Dutch inside this block (re-entrant)."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _gettext, _ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


class DutchHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class DutchParser(argparse.ArgumentParser):
    """An ArgumentParser whose help, usage and errors are Dutch; a usage error exits with code 2."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", DutchHelpFormatter)
        with dutch():
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs):
        with dutch():
            return super().add_subparsers(**kwargs)

    def parse_args(self, args=None, namespace=None):
        with dutch():
            return super().parse_args(args, namespace)

    def parse_known_args(self, args=None, namespace=None):
        with dutch():
            return super().parse_known_args(args, namespace)

    def format_usage(self):
        with dutch():
            return super().format_usage()

    def format_help(self):
        with dutch():
            return super().format_help()

    def error(self, message):
        self.print_usage(sys.stderr)
        sys.stderr.write(f"praktijkenbank: fout in de opdracht: {message}\n"
                         f"Meer uitleg: {self.prog} --help\n")
        sys.exit(2)


def option(parser, dutch_name: str, english_name: str, **kwargs):
    """``--streng`` in the help, and ``--strict`` (the older English name) as a hidden alias with the same effect."""
    action = parser.add_argument(dutch_name, **kwargs)
    hidden = {key: value for key, value in kwargs.items() if key not in ("help", "metavar")}
    hidden.setdefault("dest", action.dest)
    parser.add_argument(english_name, help=argparse.SUPPRESS, **hidden)
    return action


def date_option(value: str | None, command: str, err=None) -> dt.date | None:
    """The date of a ``--datum`` option (default: today); None after a Dutch message when it is no date."""
    try:
        return dt.date.fromisoformat(value) if value else dt.date.today()
    except ValueError:
        print(f"praktijkenbank {command}: '{value}' is geen datum (JJJJ-MM-DD).", file=err or sys.stderr)
        return None
