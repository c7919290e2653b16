"""GitHub workflows, issue form, pre-commit and VS Code files; and `praktijkenbank herzien`.

All offline: check-jsonschema uses its vendored schemas, zizmor runs with --offline.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from praktijkenbank import load_vocab

from praktijkenbank.contrib.cli import main as cli_main
from praktijkenbank.records.review import as_markdown, is_stale, review, years_before

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
FORMS = sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
BIN = Path(sys.executable).parent
SHA_PIN = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def _tool(name: str) -> str:
    path = BIN / name
    if path.exists():
        return str(path)
    found = shutil.which(name)
    assert found, f"{name} is not installed: pip install -e '.[test]'"
    return found


def _load(path: Path) -> dict:
    # PyYAML reads the key 'on' as True (YAML 1.1); keep it readable.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def _steps():
    for path in WORKFLOWS:
        for job_id, job in _load(path)["jobs"].items():
            for step in job.get("steps", []):
                yield path.name, job_id, step


# ------------------------------------------------------- offline checkers ---

def test_expected_workflows_exist():
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "pages.yml", "stale.yml", "praktijk-uit-issue.yml"}
    assert [p.name for p in FORMS] == ["nieuwe-indicator.yml", "nieuwe-praktijk.yml", "we-doen-dit-ook.yml"]


def test_workflows_match_the_github_schema():
    result = subprocess.run([_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_forms_match_the_github_schema():
    result = subprocess.run([_tool("check-jsonschema"), "--builtin-schema", "vendor.github-issue-forms", *map(str, FORMS)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_has_no_findings():
    result = subprocess.run([_tool("zizmor"), "--offline", "--no-progress", str(ROOT / ".github" / "workflows")],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


# ------------------------------------------------------ our own policies ---

def test_every_action_is_pinned_by_full_sha_with_a_version_comment():
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            match = re.match(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", line)
            if not match:
                continue
            assert SHA_PIN.match(match.group(1)), f"{path.name}: {line.strip()}"
            assert re.search(r"#\s*v\d+\.\d+\.\d+", match.group(2)), f"{path.name}: no version comment: {line.strip()}"


def test_checkout_never_persists_credentials():
    checkouts = [(name, step) for name, _, step in _steps() if step.get("uses", "").startswith("actions/checkout@")]
    assert len(checkouts) >= 4
    for name, step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False, name


def test_least_privilege_permissions():
    for path in WORKFLOWS:
        data = _load(path)
        assert data.get("permissions") == {}, f"{path.name}: workflow-level permissions must be empty"
        for job_id, job in data["jobs"].items():
            assert "permissions" in job, f"{path.name}:{job_id} has no job-level permissions"
            assert "write-all" not in str(job["permissions"])


def test_no_expressions_inside_scripts():
    """Template injection: ${{ }} only in env/with/if, never inside run:."""
    for name, job_id, step in _steps():
        assert "${{" not in step.get("run", ""), f"{name}:{job_id}: {step.get('name')}"


def test_ci_workflow():
    data = _load(ROOT / ".github" / "workflows" / "ci.yml")
    assert "pull_request" in data["on"]
    assert data["on"]["push"]["branches"] == ["main"]
    job = data["jobs"]["test"]
    assert job["container"]["image"].startswith("python:3.11")
    runs = [s.get("run", "") for s in job["steps"]]
    assert any("praktijkenbank validate --format github" in r for r in runs)
    assert any(r.strip() == "bash .ci/run" for r in runs)
    assert (ROOT / ".ci" / "run").is_file()


def test_pages_workflow_uses_the_official_actions():
    data = _load(ROOT / ".github" / "workflows" / "pages.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    uses = [s.get("uses", "").split("@")[0] for job in data["jobs"].values() for s in job["steps"]]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses
    assert data["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert data["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert data["jobs"]["deploy"]["environment"]["name"] == "github-pages"
    runs = " ".join(s.get("run", "") for s in data["jobs"]["build"]["steps"])
    assert "properdocs build --strict -f mkdocs.yml" in runs  # the engine of make build (tests/test_engines.py)
    python = [s for s in data["jobs"]["build"]["steps"] if s.get("uses", "").startswith("actions/setup-python@")]
    assert python[0]["with"]["python-version"] == "3.11"


ISSUE_WORKFLOW = ROOT / ".github" / "workflows" / "praktijk-uit-issue.yml"
BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com"


def _issue_jobs():
    jobs = _load(ISSUE_WORKFLOW)["jobs"]
    return jobs["omzetten"], jobs["pull-request"]


def test_issue_workflow_parses_without_a_token_and_pushes_without_parsing():
    """The untrusted issue body is parsed in a job that cannot write; the job that can write never parses it."""
    data = _load(ISSUE_WORKFLOW)
    assert data["on"] == {"issues": {"types": ["labeled"]}}
    convert, push = _issue_jobs()
    assert "praktijk-voorstel" in convert["if"]
    assert push["needs"] == "omzetten"
    assert convert["permissions"] == {"contents": "read"}
    step = next(s for s in convert["steps"] if "uit-issue" in s.get("run", ""))
    assert step["env"] == {"ISSUE_BODY": "${{ github.event.issue.body }}"}
    assert '"$ISSUE_BODY"' in step["run"]
    convert_text = yaml.safe_dump(convert)
    for token in ("github.token", "secrets.", "GH_TOKEN", "GITHUB_TOKEN"):
        assert token not in convert_text
    push_text = yaml.safe_dump(push)
    for parsing in ("issue.body", "uit-issue", "pip install", "praktijkenbank"):
        assert parsing not in push_text
    assert ISSUE_WORKFLOW.read_text(encoding="utf-8").count("github.event.issue.body") == 1
    assert set(push["permissions"]) == {"contents", "pull-requests", "issues"}
    texts = next(s for s in convert["steps"] if "pr_body" in s.get("run", ""))  # escaped texts, made without a token
    assert texts["env"] == {"ISSUE_NUMBER": "${{ github.event.issue.number }}"}
    uses = [s.get("uses", "").split("@")[0] for s in convert["steps"] + push["steps"]]
    assert "actions/upload-artifact" in uses and "actions/download-artifact" in uses


def _push_script() -> str:
    _, push = _issue_jobs()
    return next(s["run"] for s in push["steps"] if "git push" in s.get("run", ""))


def test_issue_workflow_never_force_pushes_blindly():
    script = _push_script()
    assert not re.search(r"--force(?!-with-lease)", script)
    assert "--force-with-lease=refs/heads/${branch}:${remote_head}" in script


def _git(cwd: Path, *args: str, email: str = BOT_EMAIL) -> str:
    env = {"GIT_AUTHOR_NAME": "x", "GIT_AUTHOR_EMAIL": email, "GIT_COMMITTER_NAME": "x", "GIT_COMMITTER_EMAIL": email,
           "HOME": str(cwd), "PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout.strip()


@pytest.mark.parametrize("existing", ["geen", "eigen", "andere", "mislukt"])
def test_issue_workflow_never_overwrites_someone_elses_commits(tmp_path, existing):
    """The push step for real, against a local 'origin' and a stand-in for the gh command."""
    origin, work, temp, fake = tmp_path / "origin.git", tmp_path / "work", tmp_path / "runner", tmp_path / "bin"
    _git(tmp_path, "init", "--quiet", "--bare", "--initial-branch=main", str(origin))
    _git(tmp_path, "clone", "--quiet", str(origin), str(work))
    (work / "practices").mkdir()
    (work / "practices" / "bestaand.md").write_text("x\n")
    _git(work, "add", ".")
    _git(work, "commit", "--quiet", "-m", "start", email="beheerder@example.org")
    _git(work, "push", "--quiet", "origin", "main")
    branch = "praktijk/issue-7"
    if existing != "geen":
        _git(work, "switch", "--quiet", "-c", branch)
        (work / "practices" / "x.md").write_text("eerste omzetting\n")
        _git(work, "add", ".")
        _git(work, "commit", "--quiet", "-m", "Nieuwe praktijk uit issue #7")
        if existing == "andere":
            (work / "practices" / "x.md").write_text("verbeterd door een beheerder\n")
            _git(work, "commit", "--quiet", "-am", "Bron aangevuld", email="beheerder@example.org")
        _git(work, "push", "--quiet", "origin", branch)
        _git(work, "switch", "--quiet", "main")
        _git(work, "branch", "--quiet", "-D", branch)  # the workflow's checkout has only the default branch
    before = _git(origin, "rev-parse", branch) if existing != "geen" else None
    (temp / "praktijk").mkdir(parents=True)
    for name, text in {"pad.txt": "practices/x.md\n", "status.txt": "0\n", "praktijk.md": "nieuwe omzetting\n",
                       "notities.md": "- geen opmerkingen\n", "validatie.txt": "In orde.\n",
                       "pr.md": "Voorstel uit issue #7\n", "opmerkingen.md": "- Niveau: meer dan één antwoord\n"}.items():
        (temp / "praktijk" / name).write_text(text)
    fake.mkdir()
    (fake / "gh").write_text('#!/bin/sh\necho "$*" >> "$GH_LOG"\n'
                             '[ "$1 $2" = "pr create" ] && [ -n "$GH_FAIL" ] && exit 1\n'
                             '[ "$1 $2" = "issue comment" ] && cat "$5" >> "$GH_LOG"\n'
                             'case "$1 $2" in "pr create") echo https://example.org/pr/1;; esac\n')
    (fake / "gh").chmod(0o755)
    env = {"PATH": f"{fake}:/usr/bin:/bin", "HOME": str(tmp_path), "GIT_CONFIG_NOSYSTEM": "1",
           "RUNNER_TEMP": str(temp), "GH_LOG": str(tmp_path / "gh.log"), "GH_TOKEN": "x", "GH_REPO": "o/r",
           "ISSUE_TITLE": "Een voorstel", "ISSUE_NUMBER": "7", "BASE_BRANCH": "main"}
    if existing == "mislukt":
        env["GH_FAIL"] = "1"
    result = subprocess.run(["bash", "-c", _push_script()], cwd=work, env=env, capture_output=True, text=True)
    if existing == "mislukt":  # e.g. a body GitHub refuses: the issue is told, the run fails visibly
        assert result.returncode == 1
        calls = (tmp_path / "gh.log").read_text()
        assert "issue comment 7 --body-file" in calls and "de pull request kon niet" in calls
        return
    assert result.returncode == 0, result.stdout + result.stderr
    calls = (tmp_path / "gh.log").read_text()
    after = _git(origin, "rev-parse", branch)
    if existing == "andere":
        assert after == before, "someone else's commit was overwritten"
        assert "pr create" not in calls
        assert "issue comment 7 --body-file" in calls
        comment = (temp / "praktijk" / "andere-commits.md").read_text()
        assert "Bron aangevuld (x)" in comment and "niets gepusht" in comment
    else:
        assert after != before
        assert _git(origin, "show", f"{branch}:practices/x.md") == "nieuwe omzetting"
        assert _git(origin, "log", "--format=%ae", f"main..{branch}") == BOT_EMAIL  # one commit, the workflow's
        assert "pr create --base main --head praktijk/issue-7" in calls
        assert "--body-file" in calls and "Bedankt! Je voorstel staat klaar als pull request: https://example.org/pr/1" in calls
        assert "- Niveau: meer dan één antwoord" in calls  # the conversion's notes reach the issue


def test_stale_workflow_runs_weekly():
    data = _load(ROOT / ".github" / "workflows" / "stale.yml")
    (cron,) = [entry["cron"] for entry in data["on"]["schedule"]]
    assert cron.split()[2:] == ["*", "*", "1"]
    assert "praktijkenbank herzien" in " ".join(s.get("run", "") for s in data["jobs"]["report"]["steps"])


# ------------------------------------------------------------ pre-commit ---

def _pins() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {re.split(r"[=\[<>]", d)[0].lower(): d for d in project["dependencies"]}


def test_pre_commit_hook_definition():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "praktijkenbank-validate")
    assert hook["language"] == "python"
    assert hook["entry"].startswith("praktijkenbank validate")
    for kind in load_vocab().kinds.values():  # a change to any kind of record runs the check
        assert re.match(hook["files"], f"{kind.folder}/gent-x.md"), kind.folder
    assert not re.match(hook["files"], "docs/x.md")


def test_pre_commit_config_uses_the_hook_locally_with_the_pinned_dependencies():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    assert repo["repo"] == "local"
    (hook,) = repo["hooks"]
    assert hook["id"] == "praktijkenbank-validate"
    assert hook["language"] == "python"
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["files"] == next(h for h in hooks if h["id"] == "praktijkenbank-validate")["files"]
    pins = _pins()
    for dependency in hook["additional_dependencies"]:
        name = re.split(r"[=\[<>]", dependency)[0].lower()
        assert pins.get(name) == dependency, f"{dependency} differs from pyproject.toml"


def test_pre_commit_entry_runs_from_the_repository_root():
    """The local hook's entry works without installing the package (what pre-commit does)."""
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entry = config["repos"][0]["hooks"][0]["entry"]
    import shlex

    argv = shlex.split(entry)
    assert argv[0] == "python"
    result = subprocess.run([sys.executable, *argv[1:]], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


# --------------------------------------------------------------- VS Code ---

def _jsonc(path: Path):
    text = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if not line.strip().startswith("//"))
    return json.loads(text)


def test_vscode_files():
    settings = _jsonc(ROOT / ".vscode" / "settings.json")
    assert settings["files.eol"] == "\n"
    assert settings["files.trimTrailingWhitespace"] is True
    extensions = _jsonc(ROOT / ".vscode" / "extensions.json")
    assert "redhat.vscode-yaml" in extensions["recommendations"]
    tasks = _jsonc(ROOT / ".vscode" / "tasks.json")["tasks"]
    assert any(t.get("group", {}).get("isDefault") for t in tasks)


@pytest.mark.parametrize("label", ["Praktijken nakijken", "Praktijken herstellen (--herstel)"])
def test_vscode_validate_tasks_cover_every_record_folder(label):
    """The tasks check what 'make validate' checks: every kind's folder, not practices/ alone."""
    from praktijkenbank.records.vocab import load_vocab

    task = next(t for t in _jsonc(ROOT / ".vscode" / "tasks.json")["tasks"] if t["label"] == label)
    paths = [arg for arg in task["args"][1:] if not arg.startswith("-")]
    folders = {kind.folder for kind in load_vocab().kinds.values()}
    assert not paths or folders <= set(paths), paths


def test_vscode_problem_matcher_reads_the_validator_output(tmp_path, capsys, monkeypatch):
    task = next(t for t in _jsonc(ROOT / ".vscode" / "tasks.json")["tasks"] if t["label"] == "Praktijken nakijken")
    patterns = {m["severity"]: re.compile(m["pattern"]["regexp"]) for m in task["problemMatcher"]}
    monkeypatch.chdir(tmp_path)
    (tmp_path / "practices").mkdir()
    shutil.copyfile(ROOT / "tests" / "fixtures" / "fix" / "onaangeroerd.before.md", tmp_path / "practices" / "x.md")
    cli_main(["validate", "practices"])
    lines = [line for line in capsys.readouterr().out.splitlines() if not line.startswith(" ")]
    assert lines
    for line in lines:
        kind = "error" if ": fout: " in line else "warning"
        match = patterns[kind].match(line)
        assert match, line
        assert match.group(1) == "practices/x.md" and match.group(2).isdigit()


# ------------------------------------------------------ herzien (review) ---

@pytest.mark.parametrize("verified, today, stale", [
    ("2024-11-23", dt.date(2026, 11, 23), False),   # exactly two years: not yet
    ("2024-11-22", dt.date(2026, 11, 23), True),
    (dt.date(2020, 1, 1), dt.date(2026, 11, 23), True),
    ("2026-01-01", dt.date(2026, 11, 23), False),
    ("2024-02-29", dt.date(2026, 2, 28), False),    # leap day: stale from 1 March
    ("2024-02-29", dt.date(2026, 3, 1), True),
    ("gisteren", dt.date(2026, 11, 23), False),
    (None, dt.date(2026, 11, 23), False),
])
def test_is_stale(verified, today, stale):
    assert is_stale(verified, today) is stale


def test_years_before():
    assert years_before(dt.date(2028, 2, 29), 2) == dt.date(2026, 2, 28)
    assert years_before(dt.date(2026, 11, 23), 2) == dt.date(2024, 11, 23)


def _record(slug: str, verified: str, body: str = "", related: str = "[]") -> str:
    return (f"---\ntitel: Praktijk {slug} met een lange genoeg titel\ngeverifieerd: {verified}\n"
            f"verwant: {related}\n---\n\n## Context\n\n{body}\n")


def test_review_finds_stale_practices_and_broken_links(tmp_path):
    folder = tmp_path / "practices"
    folder.mkdir()
    (folder / "oud.md").write_text(_record("oud", "2023-05-01", "Zie [nieuw](nieuw.md) en [weg](weg.md)."), encoding="utf-8")
    (folder / "ouder.md").write_text(_record("ouder", "2021-01-01", related="[oud, bestaat-niet]"), encoding="utf-8")
    (folder / "nieuw.md").write_text(
        _record("nieuw", "2026-10-01", "Links: [site](https://example.org), [anker](#context), [mail](mailto:a@b.be),\n"
                                       "```\n[code](nergens.md)\n```\n[ref]: ../ontbreekt.md"), encoding="utf-8")
    findings, checked, blocking = review([folder], dt.date(2026, 11, 23))
    assert checked == 3 and blocking == []
    summary = [(Path(f.path).name, f.kind, f.message) for f in findings]
    assert summary[:2] == [
        ("ouder.md", "te herzien", "laatst geverifieerd op 2021-01-01 (70 maanden geleden)."),
        ("oud.md", "te herzien", "laatst geverifieerd op 2023-05-01 (42 maanden geleden)."),
    ]
    broken = sorted(m for _, kind, m in summary if kind == "kapotte link")
    assert broken == [
        "de link '../ontbreekt.md' wijst niet naar een fiche of een pagina van de site.",
        "de link 'weg.md' wijst naar een praktijk die niet bestaat.",
        "de praktijk 'bestaat-niet' bestaat niet.",
    ]
    text = as_markdown(findings, checked, dt.date(2026, 11, 23))
    assert "### Te herzien" in text and "### Kapotte interne links" in text


def test_herzien_command(tmp_path, capsys):
    folder = tmp_path / "practices"
    folder.mkdir()
    (folder / "a.md").write_text(_record("a", "2020-01-01"), encoding="utf-8")
    assert cli_main(["herzien", str(folder), "--datum", "2026-11-23"]) == 0
    assert "te herzien: laatst geverifieerd op 2020-01-01" in capsys.readouterr().out
    assert cli_main(["herzien", str(folder), "--datum", "2026-11-23", "--streng", "--format", "markdown"]) == 1
    assert "- [ ] `" in capsys.readouterr().out
    (folder / "a.md").write_text(_record("a", "2026-01-01"), encoding="utf-8")
    assert cli_main(["herzien", str(folder), "--datum", "2026-11-23", "--streng"]) == 0
    assert "Niets te herzien" in capsys.readouterr().out


def test_herzien_on_a_missing_folder_fails_like_validate(tmp_path, capsys):
    missing = tmp_path / "bestaat-niet"
    assert cli_main(["herzien", str(missing)]) == 1
    err = capsys.readouterr().err
    assert "bestand of map niet gevonden" in err and "Niets te herzien" not in err
    assert cli_main(["validate", str(missing)]) == 1


def test_real_bank_has_no_broken_internal_links():
    from praktijkenbank.records.validate import default_paths

    findings, _, blocking = review(default_paths(ROOT))
    assert blocking == []
    assert [f for f in findings if f.kind == "kapotte link"] == []
