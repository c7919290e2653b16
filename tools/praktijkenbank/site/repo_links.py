"""Links to the repository in the static pages, derived from the configuration (for forks).

A fork changes ``repo_url`` and ``site_url`` (or sets REPO_URL and SITE_URL, as
the Pages workflow does) and every link follows: the static pages write
``{{ repo_url }}`` and ``{{ branch }}`` instead of the upstream address, and the
hook fills them in from the configuration. The branch comes from ``edit_uri``
(``edit/<branch>/docs/``), which the Pages workflow sets to the branch it
builds (EDIT_URI); without it: ``main``.
"""

from __future__ import annotations

import re

DEFAULT_BRANCH = "main"
_PLACEHOLDER = re.compile(r"\{\{\s*(repo_url|branch)\s*\}\}")


def branch_from_edit_uri(edit_uri: str | None) -> str:
    """'edit/main/docs/' -> 'main', 'blob/ontwikkeling/docs/' -> 'ontwikkeling'; otherwise 'main'."""
    match = re.match(r"^/?(?:edit|blob|tree)/([^/]+)/", edit_uri or "")
    return match.group(1) if match else DEFAULT_BRANCH


def fill(markdown: str, repo_url: str | None, edit_uri: str | None) -> str:
    """Replace ``{{ repo_url }}`` (without a trailing slash) and ``{{ branch }}`` in a page's Markdown."""
    if "{{" not in markdown:
        return markdown
    values = {"repo_url": (repo_url or "").rstrip("/"), "branch": branch_from_edit_uri(edit_uri)}
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], markdown)
