"""The error page of ``mkdocs serve`` (``make serve``) while a record has errors.

``mkdocs build`` stops on an error in the records. ``mkdocs serve`` used to stop
too: the first build failed, or a later rebuild failed and the browser kept
waiting for a page that never came. In serve mode the hook builds a small site
instead, whose home page and 404 page list the errors exactly as
``praktijkenbank valideer`` prints them (file, line, column, message, hint).
When the file is fixed, the next build is the normal site again and the
browser reloads by itself: the home page through MkDocs' own livereload
script, the 404 page (every other address, e.g. the fiche you were looking at)
through :data:`RELOAD_SCRIPT`, which asks the same livereload endpoint of the
development server for the next build.
"""

from __future__ import annotations

import html

from ..records.problems import Problem

TITLE = "De site kan niet gebouwd worden"

# MkDocs' development server answers /livereload/<epoch>/<id> when a build newer than <epoch> is
# visible (at once for epoch 0: that gives the current build). Error pages get no livereload script
# from the server, so the 404 page carries this one.
RELOAD_SCRIPT = """<script>
(function () {
  function poll(epoch) {
    fetch("/livereload/" + epoch + "/0", {cache: "no-store"}).then(function (response) {
      return response.text();
    }).then(function (text) {
      var now = parseFloat(text);
      if (epoch && now > epoch) { location.reload(); } else { poll(now || epoch); }
    }).catch(function () { setTimeout(function () { poll(epoch); }, 2000); });
  }
  poll(0);
})();
</script>"""


def _count(errors: list[Problem]) -> str:
    files = len({problem.path for problem in errors})
    return (f"{len(errors)} {'fout' if len(errors) == 1 else 'fouten'} in "
            f"{files} {'bestand' if files == 1 else 'bestanden'}")


def errors_html(errors: list[Problem], *, reload_script: bool = False) -> str:
    """The error list as HTML: a heading, what to do, and each problem as ``praktijkenbank valideer`` prints it."""
    items = "\n".join(f"<li><pre>{html.escape(problem.format())}</pre></li>" for problem in errors)
    return (
        f'<div class="pb-bouwfouten">\n<h1>{TITLE}</h1>\n'
        f"<p><code>praktijkenbank valideer</code> vond {_count(errors)}. Verbeter ze en bewaar het bestand: "
        "deze pagina laadt dan vanzelf opnieuw, met de site.</p>\n"
        f'<ol class="pb-bouwfouten-lijst">\n{items}\n</ol>\n'
        "<p>Dezelfde lijst staat in het venster waarin <code>make serve</code> draait. "
        "<code>make build</code> en de controle op GitHub stoppen bij deze fouten.</p>\n"
        '<style>.pb-bouwfouten-lijst pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 .8em; }</style>\n'
        f"{RELOAD_SCRIPT if reload_script else ''}</div>"
    )


def home_page(errors: list[Problem]) -> str:
    """Markdown of the home page of the error site (raw HTML: Markdown would read the messages' '*' and '_')."""
    return f"---\ntitle: {TITLE}\n---\n\n{errors_html(errors)}\n"


def terminal_lines(errors: list[Problem]) -> list[str]:
    """What the serve log says: the same messages, then where to look."""
    return [problem.format() for problem in errors] + [
        f"{TITLE}: {_count(errors)}. De pagina in de browser toont ze en laadt opnieuw zodra ze verbeterd zijn."]
