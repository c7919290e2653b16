"""Links from a record's body to other records and to the static pages in docs/.

Contributors write them as relative file links, so they also work on GitHub:
``[Heuvelland](heuvelland-sdg-begroting.md)`` (a record of the same kind),
``[SDG-toets](../instruments/sdg-toets.md)`` (another kind) or
``[de 5 P's](../docs/kennis/sdgs-en-5p.md)`` (a static page). The validator
checks that the target exists; the site turns the link into a link to the page.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass

DOCS = "docs"
# Pages of the site itself on which a tool runs (an instrument may point at one with 'pagina').
TOOL_PAGES = {"projectscan/": "SDG-projectscan", "begroting/": "SDG-begrotingsscan",
              "cijfers/": "De praktijkenbank in cijfers"}
_SCHEME_RE = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
# Inline links [text](target "title") (not images) and reference definitions [id]: target.
_INLINE_RE = re.compile(r"(?<!!)\[(?:[^\]\\\n]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_DEFINITION_RE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
# Autolinks <scheme:...> (Markdown makes a link of them).
_AUTOLINK_RE = re.compile(r"<([a-z][a-z0-9+.\-]*:[^\s<>]*)>", re.I)
# The schemes the site keeps; browsers ignore whitespace and control characters inside a scheme
# and decode character references ('&#106;avascript:'), so a link is judged as the browser reads it.
SAFE_SCHEMES = {"http", "https", "mailto"}
_URL_SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_CONTROL_RE = re.compile(r"[\x00-\x20\x7f]+")


def unsafe_reason(url: str) -> str | None:
    """Why the site drops the link ``url`` (Dutch), or None when it keeps it."""
    normalised = _CONTROL_RE.sub("", html.unescape(url)).lower()
    match = _URL_SCHEME_RE.match(normalised)
    if match and match.group(1) not in SAFE_SCHEMES:
        return f"'{match.group(1)}:'-links zijn niet toegelaten"
    if normalised.startswith(("\\", "/\\")):
        return "een Windows-pad (\\\\server\\map) is geen link op het web"
    if normalised.startswith("//"):
        return "een link die met '//' begint, is niet toegelaten (schrijf het volledige adres met https://)"
    return None


def safe_href(url) -> str | None:
    """``url`` if the site keeps it as a link (http(s), mailto, a relative or anchor link); else None."""
    if not isinstance(url, str) or not url.strip() or unsafe_reason(url):
        return None
    return url.strip()


def all_links(body: str) -> Iterator[tuple[int, str]]:
    """(offset in body, href) of every link target in a Markdown body: inline, reference and autolinks."""
    for pattern in (_INLINE_RE, _DEFINITION_RE, _AUTOLINK_RE):
        for match in pattern.finditer(body):
            yield match.start(1), match.group(1)


@dataclass(frozen=True)
class Target:
    """Where an internal link points: a record (kind id + slug) or a page under docs/ (kind 'docs')."""

    kind: str
    name: str  # slug of a record, or the path under docs/ ('kennis/sdgs-en-5p.md')
    anchor: str = ""


def is_internal(href: str) -> bool:
    """A relative link to a Markdown file (not a web address, not an anchor on the same page)."""
    if not href or href.startswith(("#", "/")) or _SCHEME_RE.match(href):
        return False
    return href.split("#", 1)[0].split("?", 1)[0].endswith(".md")


def internal_links(body: str) -> Iterator[tuple[int, str]]:
    """(offset in body, href) of every internal link in a Markdown body."""
    for pattern in (_INLINE_RE, _DEFINITION_RE):
        for match in pattern.finditer(body):
            href = match.group(1)
            if is_internal(href):
                yield match.start(1), href


def resolve(href: str, from_folder: str, folders: dict[str, str]) -> Target | None:
    """The target of ``href`` written in a record in repository folder ``from_folder``.

    ``folders`` maps a repository folder to its kind id ({'practices': 'praktijk', ...}).
    None when the link points at a file that is neither a record nor a docs/ page.
    """
    path, _, anchor = href.partition("#")
    path = path.split("?", 1)[0]
    full = posixpath.normpath(posixpath.join(from_folder, path))
    if full.startswith("../"):
        return None
    folder, _, rest = full.partition("/")
    if folder == DOCS and rest:
        return Target(DOCS, rest, anchor)
    if folder in folders and rest.endswith(".md") and "/" not in rest:
        return Target(folders[folder], rest[:-3], anchor)
    return None
