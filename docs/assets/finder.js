/*
 * Finder of the praktijkenbank (page zoeken/): full-text search with Pagefind
 * plus facets (SDG, 5 P's, theme, phase, level, province, government, year).
 *
 * - Text search, ranking and highlighted excerpts: Pagefind (pagefind/, built
 *   by tools/praktijkenbank/search_index.py, Dutch stemming). Pagefind is only
 *   loaded when someone starts typing: a view without a query needs none of it.
 * - A view without a query lists the practices in the order of the facet table
 *   and reads each shown practice's Pagefind fragment directly (a search
 *   without a term would make Pagefind download its whole word index). The
 *   build checks the fragment format (search_index.fragment_ids).
 * - Facets: zoeken/facetten.json, one row per practice keyed by Pagefind's
 *   result id. Within a facet the checked values are OR'ed, across facets
 *   AND'ed. The count next to a value is the number of results with that value
 *   when every *other* facet's selection (and the query) is applied.
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

  var SITE_ROOT = new URL("../", script.src); // this file is <site>/assets/finder.js
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

  var pagefind = null; // Promise of the Pagefind module, see loadPagefind()
  var table = null; // facetten.json
  var rowOf = new Map(); // Pagefind id -> row index
  var fragments = new Map(); // Pagefind id -> Promise of its fragment (views without a query)
  var facets = []; // [{key, legend, mask, values, index: Map id->i, boxes: [], ...}]
  var state = { q: "", sel: {} };
  var current = { items: [], shown: 0, q: "", ignored: [] };
  var common = new Set(); // words in most fiches (large banks): left out of a search
  var WORD_RE = /[\p{L}\p{N}_]+(?:['’-][\p{L}\p{N}_]+)*/gu;
  var runId = 0;
  var typing = false; // the current history entry was made by typing
  var statusTimer = null;
  var typingTimer = null;

  root.hidden = false;

  // ------------------------------------------------------------ helpers --

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        var value = attrs[name];
        if (value === null || value === undefined || value === false) return;
        if (name === "text") node.textContent = value;
        else if (name === "style") node.setAttribute("style", value);
        else node.setAttribute(name, value === true ? "" : value);
      });
    }
    (children || []).forEach(function (child) {
      if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function plural(n, one, many) {
    return n.toLocaleString("nl-BE") + " " + (n === 1 ? one : many);
  }

  function safeColour(value) {
    return /^#[0-9a-fA-F]{3,8}$/.test(value || "") ? value : null;
  }

  // Pagefind excerpts are text with <mark> around the hits: keep only those tags.
  function excerptNodes(html) {
    var out = document.createDocumentFragment();
    var holder = document.createElement("template");
    holder.innerHTML = html;
    (function walk(from, to) {
      from.childNodes.forEach(function (node) {
        if (node.nodeType === 3) to.appendChild(document.createTextNode(node.textContent));
        else if (node.nodeType === 1) {
          if (node.tagName === "MARK") {
            var mark = document.createElement("mark");
            walk(node, mark);
            to.appendChild(mark);
          } else walk(node, to);
        }
      });
    })(holder.content, out);
    return out;
  }

  function showFailure(message) {
    status.textContent = "";
    status.appendChild(document.createTextNode(message + " Je vindt alle praktijken ook in het "));
    status.appendChild(el("a", { href: new URL("praktijken/", SITE_ROOT).href, text: "overzicht van de praktijken" }));
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

  function urlFromState() {
    var params = new URLSearchParams();
    facets.forEach(function (f) {
      f.values.forEach(function (v) { if (state.sel[f.key].has(v.id)) params.append(f.key, v.id); });
    });
    if (state.q) params.append("q", state.q);
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
        key: spec.sleutel, legend: spec.legende, mask: spec.masker, values: spec.waarden,
        column: table.rijen[spec.sleutel], index: new Map(), boxes: [], labels: [], countNodes: [], counts: null,
        long: !spec.masker, expanded: false, filterText: "", shownOrder: ""
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
        node.appendChild(el("span", { class: "pb-sr", text: n === 1 ? " praktijk" : " praktijken" }));
        f.labels[i].classList.toggle("pb-facet__waarde--leeg", n === 0);
        f.labels[i].setAttribute("data-aantal", String(n));
      });
      if (f.long) drawLongFacet(f);
    });
  }

  // ------------------------------------------------------------- engine --

  function matcher(f) {
    var sel = state.sel[f.key];
    if (!sel.size) return null;
    if (f.mask) {
      var mask = 0;
      sel.forEach(function (id) { mask |= 1 << f.index.get(id); });
      return function (row) { return (f.column[row] & mask) !== 0; };
    }
    var wanted = new Set();
    sel.forEach(function (id) { wanted.add(f.index.get(id)); });
    return function (row) {
      var values = f.column[row];
      for (var k = 0; k < values.length; k++) if (wanted.has(values[k])) return true;
      return false;
    };
  }

  function addCounts(f, row) {
    var value = f.column[row];
    if (f.mask) {
      while (value) {
        var bit = value & -value;
        f.counts[31 - Math.clz32(bit)]++;
        value ^= bit;
      }
    } else {
      for (var k = 0; k < value.length; k++) f.counts[value[k]]++;
    }
  }

  // rows: candidate row indices in display order. Returns the matching rows and sets every facet's counts.
  function evaluate(rows) {
    var tests = facets.map(matcher);
    facets.forEach(function (f) { f.counts = new Uint32Array(f.values.length); });
    var matches = [];
    for (var r = 0; r < rows.length; r++) {
      var row = rows[r];
      var failed = -1;
      var fails = 0;
      for (var k = 0; k < tests.length && fails < 2; k++) {
        if (tests[k] && !tests[k](row)) { fails++; failed = k; }
      }
      if (fails === 0) {
        matches.push(r);
        for (var j = 0; j < facets.length; j++) addCounts(facets[j], row);
      } else if (fails === 1) {
        addCounts(facets[failed], row);
      }
    }
    return matches;
  }

  function allRowIndices() {
    var rows = new Array(table.aantal);
    for (var i = 0; i < rows.length; i++) rows[i] = i;
    return rows;
  }

  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", SITE_ROOT).href).then(async function (module) {
        await module.options({ baseUrl: SITE_ROOT.pathname, excerptLength: 26 });
        await module.init();
        return module;
      });
      pagefind.catch(function () { pagefind = null; });
    }
    return pagefind;
  }

  // The fragment of one page, read like Pagefind does: gzip, then "pagefind_dcd" + JSON.
  function fragment(id) {
    if (!fragments.has(id)) {
      var url = new URL("pagefind/fragment/" + table.voorvoegsel + id + ".pf_fragment", SITE_ROOT);
      var promise = fetch(url.href).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).text();
      }).then(function (text) {
        var data = JSON.parse(text.indexOf("pagefind_dcd") === 0 ? text.slice(12) : text);
        data.url = SITE_ROOT.pathname.replace(/\/$/, "") + data.url;
        return data;
      });
      promise.catch(function () { fragments.delete(id); });
      fragments.set(id, promise);
    }
    return fragments.get(id);
  }

  async function run() {
    window.clearTimeout(typingTimer);
    var id = ++runId;
    root.removeAttribute("data-klaar"); // set again when this run has drawn its results (tests wait for it)
    clear.disabled = !state.q && !hasSelection();
    var ignored = [];
    var words = (state.q.length >= MIN_QUERY ? state.q : "").match(WORD_RE) || [];
    var kept = words.filter(function (word) {
      if (!common.has(word.toLowerCase())) return true;
      ignored.push(word);
      return false;
    });
    var query = ignored.length ? kept.join(" ") : (words.length ? state.q : ""); // as typed, unless words were dropped
    var rows, results;
    try {
      if (query) {
        var search = await (await loadPagefind()).search(query);
        if (id !== runId) return;
        rows = [];
        results = [];
        search.results.forEach(function (result) {
          var row = rowOf.get(result.id.slice(table.voorvoegsel.length));
          if (row !== undefined) { rows.push(row); results.push(result); }
        });
      } else {
        rows = allRowIndices();
        results = null;
      }
    } catch (error) {
      if (id === runId) showFailure("Het zoeken is mislukt.");
      return;
    }
    var matched = evaluate(rows);
    var items = matched.map(function (r) {
      var row = rows[r];
      return { row: row, result: results ? results[r] : null };
    });
    current = { items: items, shown: 0, q: query, ignored: ignored };
    drawCounts();
    await drawResults(id, true);
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
    var title = (data.meta && data.meta.title) || data.url;
    var excerpt;
    if (current.q) excerpt = el("p", { class: "pb-finder__uittreksel" }, [excerptNodes(data.excerpt || "")]);
    else excerpt = el("p", { class: "pb-finder__uittreksel", text: (data.meta && data.meta.samenvatting) || "" });
    return el("li", { class: "pb-finder__item" }, [
      el("h3", { class: "pb-finder__titel" }, [el("a", { href: data.url, text: title })]),
      el("p", { class: "pb-finder__meta", text: metaLine(item.row) }),
      excerpt,
      sdgBadges(item.row)
    ]);
  }

  function announce(text, immediately) {
    window.clearTimeout(statusTimer);
    var write = function () { status.textContent = text; };
    if (immediately) write(); else statusTimer = window.setTimeout(write, 350);
  }

  async function drawResults(id, fresh) {
    var start = current.shown;
    var slice = current.items.slice(start, start + PAGE_SIZE);
    var datas;
    try {
      datas = await Promise.all(slice.map(function (item) {
        return item.result ? item.result.data() : fragment(table.rijen.id[item.row]);
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
      if (!total) text = "Geen praktijken gevonden" + (current.q ? " voor ‘" + current.q + "’" : "") +
        (hasSelection() ? " met deze filters. Vink een filter uit of wis alle filters." : ".");
      else text = plural(total, "praktijk", "praktijken") + " gevonden" + (current.q ? " voor ‘" + current.q + "’" : "") +
        (hasSelection() ? " met de gekozen filters" : "") + (total > current.shown ? ", de eerste " + current.shown + " staan hieronder." : ".");
      if (current.ignored.length) {
        text += " " + current.ignored.map(function (w) { return "‘" + w + "’"; }).join(", ") +
          (current.ignored.length === 1 ? " staat" : " staan") +
          " in bijna elke praktijk en telt niet mee bij het zoeken.";
      }
      announce(text, !status.dataset.ready);
      status.dataset.ready = "1";
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
  // Start loading Pagefind as soon as someone is about to type, not at the first result.
  input.addEventListener("focus", function () { if (table && table.aantal) loadPagefind(); });
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
      var response = await fetch(new URL("zoeken/facetten.json", SITE_ROOT).href);
      if (!response.ok) throw new Error("HTTP " + response.status);
      table = await response.json();
      var ids = table.rijen.id;
      if (!Array.isArray(ids)) { // one string of fixed-width ids
        var list = [];
        for (var at = 0; at < ids.ids.length; at += ids.breedte) list.push(ids.ids.slice(at, at + ids.breedte));
        table.rijen.id = ids = list;
      }
      ids.forEach(function (id, i) { rowOf.set(id, i); });
      (table.veelvoorkomend || []).forEach(function (word) { common.add(word); });
      buildFacets();
      state = stateFromUrl();
      syncBoxes();
      if (!table.aantal) {
        clear.disabled = true;
        announce("Er zijn nog geen praktijken.", true);
        return;
      }
      if (state.q.length >= MIN_QUERY) await loadPagefind();
      await run();
    } catch (error) {
      showFailure("De zoekfunctie kon niet geladen worden.");
    }
  }

  init();
})();
