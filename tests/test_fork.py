"""A fork works after changing the two URLs: every repository link follows the configuration.

The Pages workflow builds with SITE_URL, REPO_URL and EDIT_URI of the repository
it runs in; a build with a fork's values must not contain the upstream address.
"""

from __future__ import annotations

import datetime as dt

import gzip
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from conftest import ROOT
from praktijkenbank.site.repo_links import branch_from_edit_uri, fill

UPSTREAM = "vvsg-praktijkenbank"
FORK = "https://github.com/example/fork"
TEXT = {".html", ".xml", ".json", ".csv", ".js", ".txt", ".css", ".gz"}


@pytest.fixture(scope="module")
def fork_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("fork") / "site"
    env = dict(os.environ, REPO_URL=FORK, SITE_URL="https://example.github.io/fork/",
               EDIT_URI="edit/ontwikkeling/docs/", PRAKTIJKENBANK_TODAY=dt.date.today().isoformat(), NO_MKDOCS_2_WARNING="1")
    for name in ("PRAKTIJKENBANK_CONTENT_DIR", "PRAKTIJKENBANK_SKIP_VALIDATION"):
        env.pop(name, None)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site),
                             "-f", str(ROOT / "mkdocs.yml")], capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.mark.build
def test_no_upstream_address_in_a_forks_site(fork_site):
    found = []
    for path in fork_site.rglob("*"):
        if path.suffix not in TEXT or not path.is_file():
            continue
        data = path.read_bytes()
        text = (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", "replace")
        if UPSTREAM in text:
            found.append(path.relative_to(fork_site).as_posix())
    assert found == []


@pytest.mark.build
def test_a_forks_links_point_at_the_fork(fork_site):
    page = (fork_site / "bijdragen" / "index.html").read_text(encoding="utf-8")
    assert f'href="{FORK}/issues/new?template=nieuwe-praktijk.yml"' in page
    assert f'href="{FORK}/blob/ontwikkeling/CONTRIBUTING.md#2-in-de-browser-je-eerste-pull-request"' in page
    assert "{{" not in page
    fiche = next((fork_site / "praktijken").glob("*/index.html")).read_text(encoding="utf-8")
    assert re.search(rf'href="{FORK}/edit/ontwikkeling/practices/[a-z0-9-]+\.md"', fiche)


@pytest.mark.parametrize("edit_uri, branch", [
    ("edit/main/docs/", "main"), ("edit/ontwikkeling/docs/", "ontwikkeling"), ("blob/master/docs/", "master"),
    ("/edit/trunk/", "trunk"), ("", "main"), (None, "main"),
])
def test_branch_from_edit_uri(edit_uri, branch):
    assert branch_from_edit_uri(edit_uri) == branch


def test_fill():
    text = "[a]({{ repo_url }}/blob/{{branch}}/x.md) {{ iets }}"
    assert fill(text, FORK + "/", "edit/dev/docs/") == f"[a]({FORK}/blob/dev/x.md) {{{{ iets }}}}"


def test_static_pages_and_the_issue_form_name_no_repository():
    """Only mkdocs.yml names the upstream repository; pages use placeholders, the issue form relative links."""
    for path in [*(ROOT / "docs").rglob("*.md"), *(ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml")]:
        assert UPSTREAM not in path.read_text(encoding="utf-8"), path
    form = (ROOT / ".github" / "ISSUE_TEMPLATE" / "nieuwe-praktijk.yml").read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)]+)\)", form)
    assert links
    for link in links:
        # GitHub shows the form at <repository>/issues/new: a relative link stays inside the repository.
        assert urljoin(f"{FORK}/issues/new?template=nieuwe-praktijk.yml", link).startswith(FORK + "/"), link


def test_readme_fork_section_matches_the_pages_workflow():
    pages = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    build = next(s for s in pages["jobs"]["build"]["steps"] if " build --strict" in s.get("run", ""))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Publiceren op GitHub Pages (ook voor een fork)", 1)[1].split("\n## ", 1)[0]
    for variable in build["env"]:
        assert f"`{variable}`" in section, variable
    assert "mkdocs.yml" in section
