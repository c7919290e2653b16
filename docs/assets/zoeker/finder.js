/*
 * Finder of the praktijkenbank (page zoeken/): full-text search plus facets
 * (SDG, 5 P's, theme, phase, level, province, government, year).
 *
 * The index is built by tools/praktijkenbank/search_index.py (read its
 * docstring for the file formats) and read by finder-index.js; words
 * are split and stemmed by zoektaal.js exactly as the build did
 * (Dutch Snowball stemmer); finder-dom.js makes elements and excerpts.
 *
 * - zoeken/index.json (facet labels, stop words, first stem of every word
 *   chunk) and zoeken/rijen.bin (the facet values of every practice, one row
 *   per practice, newest first) load with the page.
 * - A query downloads only the word chunks of its words; every word must
 *   occur (AND), results are ranked by BM25 (weights computed by the build),
 *   the last word also matches longer words (so an unfinished word finds
 *   results while someone types, and a shared URL shows the same).
 * - Facets: within a facet the checked values are OR'ed, across facets
 *   AND'ed. The count next to a value is the number of results with that value
 *   when every *other* facet's selection (and the query) is applied.
 * - Result cards and excerpts come from zoeken/fiches/<row>.json, fetched for
 *   the shown results only. The count is written together with the list.
 * - A query word that is not in the index gets "Bedoel je ...?" links to the
 *   closest indexed words (zoeken/spelling/<letter>.json, downloaded only
 *   then; finder-suggesties.js picks them).
 * - The header search field (on this page) and zoeken/#pb-finder-q (what the
 *   header field sends from other pages) put the focus in the finder's field.
 *   On small screens finder-paneel.js folds the filters into a panel.
 * - State lives in the URL (?q=...&sdg=12&sdg=13&thema=...), so every view can
 *   be bookmarked and shared; back/forward restore it (pushState + popstate).
 * - Everything is loaded relative to this script, so the site works under a
 *   project sub-path (GitHub Pages) and makes no third-party requests.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var root = document.getElementById("pb-finder");
  if (!root || !script) return;

  var SITE_ROOT = new URL("../../", script.src); // this file is <site>/assets/zoeker/finder.js
  var PAGE_SIZE = 10;
  var COLLAPSED = 12; // values shown of a long facet before "toon alle"
  var MIN_QUERY = 2;
  var TYPING_PAUSE = 100; // ms without a key press before a typed query runs (one search per burst)

  var form = root.querySelector("form");
  var input = document.getElementById("pb-finder-q");
  var facetBox = document.getElementById("pb-finder-facetten");
  var status = document.getElementById("pb-finder-status");
  var list = document.getElementById("pb-finder-lijst");
  var more = document.getElementById("pb-finder-meer");
  var clear = document.getElementById("pb-finder-wis");

  var taal = window.PraktijkenbankTaal; // zoektaal.js
  var engine = window.PraktijkenbankZoekindex; // finder-index.js
  var dom = window.PraktijkenbankFinderDom; // finder-dom.js
  var suggester = window.PraktijkenbankSuggesties; // finder-suggesties.js
  var kenmerken = window.PraktijkenbankKenmerken; // finder-kenmerken.js: "SDG 5", "provincie Limburg"
  var el = dom && dom.el, safeColour = dom && dom.safeColour;
  var SUGGESTIONS = 3;
  var index = null; // see finder-index.js: open()
  var table = null; // zoeken/index.json
  var facets = []; // [{key, legend, mask, values, index: Map id->i, boxes: [], ...}]
  var state = { q: "", sel: {} };
  var current = { items: [], shown: 0, q: "", ignored: [] };
  var runId = 0;
  var typing = false; // the current history entry was made by typing
  var typingTimer = null;

  root.hidden = false;

  // ------------------------------------------------------------ helpers --

  function plural(n, one, many) {
    return n.toLocaleString("nl-BE") + " " + (n === 1 ? one : many);
  }

  function showFailure(message) {
    status.textContent = "";
    status.appendChild(document.createTextNode(message + " Je vindt alle praktijken ook in het "));
    var link = document.createElement("a"); // without finder-dom.js too
    link.href = new URL("praktijken/", SITE_ROOT).href;
    link.textContent = "overzicht van de praktijken";
    status.appendChild(link);
    status.appendChild(document.createTextNode("."));
    list.replaceChildren();
    more.hidden = true;
  }

  // -------------------------------------------------------------- state --

  function emptySelection() {
    var sel = {};
    facets.forEach(function (f) { sel[f.key] = new Set(); });
    return sel;
  }

  function stateFromUrl() {
    var params = new URLSearchParams(window.location.search);
    var sel = emptySelection();
    facets.forEach(function (f) {
      params.getAll(f.key).forEach(function (id) {
        if (f.index.has(id)) sel[f.key].add(id);
      });
    });
    return { q: (params.get("q") || "").trim(), sel: sel };
  }

  function urlFromState(q) {
    var params = new URLSearchParams();
    facets.forEach(function (f) {
      f.values.forEach(function (v) { if (state.sel[f.key].has(v.id)) params.append(f.key, v.id); });
    });
    if (q === undefined) q = state.q;
    if (q) params.append("q", q);
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "") + window.location.hash;
  }

  function remember(push) {
    var url = urlFromState();
    if (url === window.location.pathname + window.location.search + window.location.hash) return;
    if (push) window.history.pushState({ finder: true }, "", url);
    else window.history.replaceState({ finder: true }, "", url);
  }

  function hasSelection() {
    return facets.some(function (f) { return state.sel[f.key].size > 0; });
  }

  // ------------------------------------------------------------- facets --

  function buildFacets() {
    table.facetten.forEach(function (spec) {
      var f = {
        key: spec.sleutel, legend: spec.legende, mask: spec.soort === "masker", values: spec.waarden,
        column: spec.column, index: new Map(), boxes: [], labels: [], countNodes: [], counts: null,
        long: spec.soort !== "masker", expanded: false, filterText: "", shownOrder: ""
      };
      f.values.forEach(function (v, i) { f.index.set(v.id, i); });
      facets.push(f);

      var fieldset = el("fieldset", { class: "pb-facet pb-facet--" + f.key });
      fieldset.appendChild(el("legend", { class: "pb-facet__legende", text: f.legend }));
      var holder = el("div", {
        class: "pb-facet__waarden" + (f.key === "sdg" ? " pb-facet__waarden--tegels" : "") +
          (f.key === "p" ? " pb-facet__waarden--badges" : "")
      });
      f.values.forEach(function (v, i) {
        var id = "pb-f-" + f.key + "-" + i;
        var box = el("input", { type: "checkbox", id: id, name: f.key, value: v.id });
        var count = el("span", { class: "pb-facet__aantal" });
        var colour = safeColour(v.kleur);
        var parts = [box];
        if (f.key === "sdg") {
          parts.push(el("span", { class: "pb-facet__nr" }, [el("span", { class: "pb-sr", text: "SDG " }), v.id]));
        }
        parts.push(el("span", { class: "pb-facet__naam", text: v.naam }));
        parts.push(count);
        var label = el("label", {
          for: id,
          class: "pb-facet__waarde" + (colour ? " pb-facet__waarde--kleur" : ""),
          style: colour ? "--pb-kleur: " + colour + "; --pb-tekst: " + safeColour(v.tekst) + ";" : null
        }, parts);
        box.addEventListener("change", function () {
          if (box.checked) state.sel[f.key].add(v.id); else state.sel[f.key].delete(v.id);
          typing = false;
          remember(true);
          run();
        });
        f.boxes.push(box);
        f.labels.push(label);
        f.countNodes.push(count);
        if (!f.long) holder.appendChild(label);
      });
      if (f.long) {
        f.holder = holder;
        if (f.values.length > COLLAPSED) {
          var filterId = "pb-f-" + f.key + "-filter";
          var filter = el("input", { type: "search", id: filterId, class: "pb-facet__filter", autocomplete: "off" });
          filter.addEventListener("input", function () { f.filterText = filter.value.trim().toLowerCase(); drawLongFacet(f); });
          fieldset.appendChild(el("label", { for: filterId, class: "pb-facet__filterlabel", text: f.key === "bestuur" ? "Zoek een bestuur" : "Zoek in de lijst" }));
          fieldset.appendChild(filter);
        }
      }
      fieldset.appendChild(holder);
      if (f.long) {
        f.toggle = el("button", { type: "button", class: "pb-facet__meer", "aria-expanded": "false", hidden: true });
        f.toggle.addEventListener("click", function () {
          f.expanded = !f.expanded;
          drawLongFacet(f);
        });
        fieldset.appendChild(f.toggle);
        f.none = el("p", { class: "pb-facet__geen", text: "Geen waarden bij deze selectie.", hidden: true });
        fieldset.appendChild(f.none);
      }
      facetBox.appendChild(fieldset);
    });
  }

  function syncBoxes() {
    facets.forEach(function (f) {
      f.boxes.forEach(function (box, i) { box.checked = state.sel[f.key].has(f.values[i].id); });
    });
    input.value = state.q;
  }

  function drawLongFacet(f) {
    var sel = state.sel[f.key];
    var candidates = [];
    f.values.forEach(function (v, i) {
      var selected = sel.has(v.id);
      if (!selected && !f.counts[i]) return;
      if (f.filterText && v.naam.toLowerCase().indexOf(f.filterText) === -1 && !selected) return;
      candidates.push(i);
    });
    if (f.key !== "jaar") {
      candidates.sort(function (a, b) {
        return (f.counts[b] - f.counts[a]) || f.values[a].naam.localeCompare(f.values[b].naam, "nl");
      });
    }
    var shown = candidates;
    if (!f.expanded && candidates.length > COLLAPSED) {
      shown = candidates.slice(0, COLLAPSED);
      candidates.slice(COLLAPSED).forEach(function (i) { if (sel.has(f.values[i].id)) shown.push(i); });
    }
    var order = shown.join(",");
    if (order !== f.shownOrder) { // only touch the DOM when the list changes (keeps focus)
      f.shownOrder = order;
      f.holder.replaceChildren.apply(f.holder, shown.map(function (i) { return f.labels[i]; }));
    }
    f.none.hidden = candidates.length > 0;
    var hiddenCount = candidates.length - Math.min(candidates.length, COLLAPSED);
    f.toggle.hidden = candidates.length <= COLLAPSED;
    f.toggle.setAttribute("aria-expanded", f.expanded ? "true" : "false");
    f.toggle.textContent = f.expanded ? "Toon minder" : "Toon alle " + candidates.length + " (" + hiddenCount + " meer)";
  }

  function drawCounts() {
    facets.forEach(function (f) {
      f.countNodes.forEach(function (node, i) {
        var n = f.counts[i];
        node.textContent = "";
        node.appendChild(document.createTextNode(n.toLocaleString("nl-BE")));
        node.appendChild(el("span", { class: "pb-sr", text: n === 1 ? " fiche" : " fiches" }));
        f.labels[i].classList.toggle("pb-facet__waarde--leeg", n === 0);
        f.labels[i].setAttribute("data-aantal", String(n));
      });
      if (f.long) drawLongFacet(f);
    });
  }

  function allRowIndices() {
    var rows = new Array(table.aantal);
    for (var i = 0; i < rows.length; i++) rows[i] = i;
    return rows;
  }

  // ------------------------------------------------------- suggestions --

  // Queries to offer instead of text: each missing word replaced by one of its
  // closest indexed words (the first missing word by its best few, any other by its best).
  async function suggestionsFor(text, missing) {
    var lists = await Promise.all(missing.map(function (term) {
      return index.spelling(suggester.fileKey(term.word)).then(function (words) {
        return suggester.closest(term.word, words, SUGGESTIONS);
      });
    }));
    var first = lists.findIndex(function (list) { return list.length > 0; });
    if (first === -1) return [];
    function replaced(word) {
      var out = "", at = 0;
      taal.tokens(text).forEach(function (token) {
        var k = missing.findIndex(function (term) { return term.stem === token.stem; });
        var by = k === first ? word : (k === -1 ? null : lists[k][0]);
        if (!by) return;
        out += text.slice(at, token.start) + by;
        at = token.end;
      });
      return out + text.slice(at);
    }
    return lists[first].map(function (word) { return { word: word, q: replaced(word) }; });
  }

  async function run() {
    window.clearTimeout(typingTimer);
    var id = ++runId;
    root.removeAttribute("data-klaar"); // set again when this run has drawn its results (tests wait for it)
    clear.disabled = !state.q && !hasSelection();
    var text = state.q.length >= MIN_QUERY ? state.q : "";
    // Words that are not searched: stop words ("de", "van") and single letters.
    var ignored = taal.tokens(text).filter(function (t) { return t.stem === null; })
      .map(function (t) { return text.slice(t.start, t.end); })
      .filter(function (word) { return Array.from(word).length > 1; });
    var terms = index.queryTerms(text);
    var rows, stems = null, missing = [], suggestions = [];
    try {
      if (terms.length) {
        var found = await index.search(terms);
        if (id !== runId) return;
        rows = found.rows;
        stems = found.stems;
        missing = found.missing;
      } else {
        rows = allRowIndices();
      }
    } catch (error) {
      if (id === runId) showFailure("Het zoeken is mislukt.");
      return;
    }
    var named = terms.length && kenmerken ? kenmerken.recognise(text, facets) : null;
    if (named) {
      try {
        rows = await taggedFirst(named, rows, stems);
      } catch (error) {
        if (id === runId) showFailure("Het zoeken is mislukt.");
        return;
      }
      if (id !== runId) return;
      if (rows.length) missing = [];
    }
    var matched = engine.evaluate(facets, state.sel, rows);
    if (!matched.length && missing.length && suggester) {
      try {
        suggestions = await suggestionsFor(text, missing);
      } catch (error) {
        suggestions = []; // no suggestions is no failure
      }
      if (id !== runId) return;
    }
    var items = matched.map(function (r) { return { row: rows[r] }; });
    current = { items: items, shown: 0, q: terms.length ? text : "", ignored: ignored, stems: stems,
      suggestions: suggestions, named: named };
    drawCounts();
    await drawResults(id, true);
  }

  // A query that names a filter value ("SDG 5", "provincie Limburg"): the fiches tagged with it first
  // (matching the query's other words), then the other fiches that match every word of the query.
  async function taggedFirst(named, rows, stems) {
    var restTerms = index.queryTerms(named.rest);
    var candidates = allRowIndices();
    if (restTerms.length) {
      var found = await index.search(restTerms);
      candidates = found.rows;
      found.stems.forEach(function (stem) { stems.add(stem); });
    }
    var only = emptySelection();
    only[named.key].add(named.id);
    var tagged = engine.evaluate(facets, only, candidates).map(function (r) { return candidates[r]; });
    var seen = new Set(tagged);
    return tagged.concat(rows.filter(function (row) { return !seen.has(row); }));
  }

  // "Toon alleen ... (filter)": checks the filter value the query named.
  function filterOffer(named) {
    var button = el("button", { type: "button", class: "pb-knop pb-finder__aanbod", text: "Filter op " + named.naam });
    button.addEventListener("click", function () {
      state.sel[named.key].add(named.id);
      syncBoxes();
      typing = false;
      remember(true);
      run();
    });
    return button;
  }

  // ------------------------------------------------------------ results --

  function metaLine(row) {
    var parts = [];
    var governments = facets.filter(function (f) { return f.key === "bestuur"; })[0];
    var years = facets.filter(function (f) { return f.key === "jaar"; })[0];
    if (governments) {
      var names = governments.column[row].map(function (i) { return governments.values[i].naam; });
      if (names.length) parts.push(names.join(", "));
    }
    if (years && years.column[row].length) parts.push("gestart in " + years.values[years.column[row][0]].naam);
    return parts.join(" · ");
  }

  function sdgBadges(row) {
    var f = facets.filter(function (x) { return x.key === "sdg"; })[0];
    var holder = el("p", { class: "pb-finder__sdgs" }, [el("span", { class: "pb-sr", text: "SDG's: " })]);
    f.values.forEach(function (v, i) {
      if (!(f.column[row] & (1 << i))) return;
      holder.appendChild(el("span", {
        class: "pb-mini",
        title: "SDG " + v.id + ": " + v.naam,
        style: "--pb-kleur: " + safeColour(v.kleur) + "; --pb-tekst: " + safeColour(v.tekst) + ";",
        text: v.id
      }));
      holder.appendChild(document.createTextNode(" "));
    });
    return holder;
  }

  function card(item, data) {
    var passage = null;
    if (current.stems) passage = dom.excerpt(data.s + " " + data.x, current.stems);
    var link = el("a", { href: new URL(data.u, SITE_ROOT).pathname }, [
      current.stems ? dom.highlighted(data.t, current.stems) : data.t
    ]);
    var meta = metaLine(item.row);
    if (data.k) meta = data.k + (meta ? " · " + meta : "");  // an instrument or a product group
    return el("li", { class: "pb-finder__item" + (data.k ? " pb-finder__item--ander" : "") }, [
      el("h3", { class: "pb-finder__titel" }, [link]),
      el("p", { class: "pb-finder__meta", text: meta }),
      el("p", { class: "pb-finder__uittreksel" }, [passage || data.s]),
      sdgBadges(item.row)
    ]);
  }

  function suggestionLink(suggestion) {
    var link = el("a", { href: urlFromState(suggestion.q), text: suggestion.word });
    link.addEventListener("click", function (event) {
      event.preventDefault();
      input.value = suggestion.q;
      state.q = suggestion.q;
      typing = false;
      remember(true);
      input.focus();
      run();
    });
    return link;
  }

  // The count (and any suggestions) is written together with the list it describes.
  function announce(text, suggestions) {
    status.textContent = text;
    if (!suggestions || !suggestions.length) return;
    status.appendChild(document.createTextNode(" Bedoel je "));
    suggestions.forEach(function (suggestion, i) {
      if (i) status.appendChild(document.createTextNode(i === suggestions.length - 1 ? " of " : ", "));
      status.appendChild(suggestionLink(suggestion));
    });
    status.appendChild(document.createTextNode("?"));
  }

  async function drawResults(id, fresh) {
    var start = current.shown;
    var slice = current.items.slice(start, start + PAGE_SIZE);
    var datas;
    try {
      datas = await Promise.all(slice.map(function (item) {
        return index.fiche(item.row);
      }));
    } catch (error) {
      if (id === runId) showFailure("De resultaten konden niet geladen worden.");
      return;
    }
    if (id !== runId) return;
    var nodes = slice.map(function (item, i) { return card(item, datas[i]); });
    if (fresh) list.replaceChildren.apply(list, nodes);
    else nodes.forEach(function (node) { list.appendChild(node); });
    current.shown = start + slice.length;
    var total = current.items.length;
    more.hidden = current.shown >= total;
    more.textContent = "Meer resultaten tonen (" + (total - current.shown).toLocaleString("nl-BE") + " over)";
    list.setAttribute("aria-busy", "false");
    root.setAttribute("data-aantal", String(total));
    root.setAttribute("data-klaar", String(id));
    if (fresh) {
      var text;
      if (!total) text = "Geen fiches gevonden" + (current.q ? " voor ‘" + current.q + "’" : "") +
        (hasSelection() ? " met deze filters. Vink een filter uit of wis alle filters." : ".");
      else text = plural(total, "fiche", "fiches") + " gevonden" + (current.q ? " voor ‘" + current.q + "’" : "") +
        (hasSelection() ? " met de gekozen filters" : "") + (total > current.shown ? ", de eerste " + current.shown + " staan hieronder." : ".");
      if (current.ignored.length) {
        text += " " + current.ignored.map(function (w) { return "‘" + w + "’"; }).join(", ") +
          (current.ignored.length === 1 ? " is een te algemeen woord en telt" : " zijn te algemene woorden en tellen") +
          " niet mee bij het zoeken.";
      }
      announce(text, total ? null : current.suggestions);
      if (total && current.named && !state.sel[current.named.key].has(current.named.id)) {
        status.appendChild(document.createTextNode(" "));
        status.appendChild(filterOffer(current.named));
      }
    }
    if (!fresh && nodes.length) {
      var link = nodes[0].querySelector("a");
      if (link) link.focus();
    }
  }

  // ------------------------------------------------------------- events --

  function onQuery() {
    state.q = input.value.trim();
    remember(!typing);
    typing = true;
    runId++; // a search still under way is for an older query: drop its results
    root.removeAttribute("data-klaar");
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(run, TYPING_PAUSE);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    state.q = input.value.trim();
    typing = false;
    remember(true);
    run();
  });
  input.addEventListener("input", onQuery);
  // The header's search field on this page searches here, without loading the page again.
  var headerForm = document.querySelector("form.pb-zoekveld");
  if (headerForm) {
    headerForm.addEventListener("submit", function (event) {
      if (!table) return; // still loading: let the browser open zoeken/?q=...
      event.preventDefault();
      var field = headerForm.querySelector("input[name=q]");
      var q = field ? field.value.trim() : "";
      if (field) field.value = "";
      input.focus();
      if (!q) return;
      input.value = q;
      state.q = q;
      typing = false;
      remember(true);
      run();
    });
  }
  more.addEventListener("click", function () { drawResults(runId, false); });
  clear.addEventListener("click", function () {
    state = { q: "", sel: emptySelection() };
    facets.forEach(function (f) { f.filterText = ""; f.expanded = false; });
    facetBox.querySelectorAll(".pb-facet__filter").forEach(function (box) { box.value = ""; });
    syncBoxes();
    typing = false;
    remember(true);
    input.focus();
    run();
  });
  window.addEventListener("popstate", function () {
    if (!table) return;
    state = stateFromUrl();
    typing = false;
    syncBoxes();
    run();
  });

  // --------------------------------------------------------------- init --

  async function init() {
    try {
      if (!taal || !engine || !dom || !window.DecompressionStream) throw new Error("browser te oud");
      index = await engine.open(SITE_ROOT);
      table = index.table;
      buildFacets();
      state = stateFromUrl();
      syncBoxes();
      if (window.location.hash === "#" + input.id) { // sent here by the header's search field
        window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
        input.focus();
      }
      if (!table.aantal) {
        clear.disabled = true;
        announce("Er zijn nog geen fiches.");
        return;
      }
      await run();
    } catch (error) {
      showFailure("De zoekfunctie kon niet geladen worden.");
    }
  }

  init();
})();
