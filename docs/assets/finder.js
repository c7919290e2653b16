/*
 * Finder of the praktijkenbank (page zoeken/): full-text search plus facets
 * (SDG, 5 P's, theme, phase, level, province, government, year).
 *
 * The index is built by tools/praktijkenbank/search_index.py (read its
 * docstring for the file formats); words are split and stemmed by
 * assets/zoektaal.js exactly as the build did (Dutch Snowball stemmer).
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
 *   the shown results only.
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

  var taal = window.PraktijkenbankTaal; // assets/zoektaal.js
  var table = null; // zoeken/index.json
  var chunks = new Map(); // word chunk number -> Promise of Map(stem -> {rows, weights})
  var fiches = new Map(); // row -> Promise of its fiche (title, address, summary, text)
  var facets = []; // [{key, legend, mask, values, index: Map id->i, boxes: [], ...}]
  var state = { q: "", sel: {} };
  var current = { items: [], shown: 0, q: "", ignored: [] };
  var PREFIX_WEIGHT = 0.6; // a longer word matched by the last, unfinished query word counts less
  var PREFIX_CHUNKS = 3; // ... and is only looked up when its stems fit in this many chunks
  var EXCERPT_WORDS = 30;
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

  // text[tokens[first].start .. tokens[last].end] with the tokens whose stem
  // is in stems in <mark>.
  function marked(text, tokens, first, last, stems) {
    var out = document.createDocumentFragment();
    var at = tokens[first].start;
    for (var k = first; k <= last; k++) {
      var token = tokens[k];
      if (token.stem && stems.has(token.stem)) {
        out.appendChild(document.createTextNode(text.slice(at, token.start)));
        out.appendChild(el("mark", { text: text.slice(token.start, token.end) }));
        at = token.end;
      }
    }
    out.appendChild(document.createTextNode(text.slice(at, tokens[last].end)));
    return out;
  }

  function highlighted(text, stems) {
    var tokens = taal.tokens(text);
    if (!tokens.length) return document.createTextNode(text);
    var out = document.createDocumentFragment();
    out.appendChild(document.createTextNode(text.slice(0, tokens[0].start)));
    out.appendChild(marked(text, tokens, 0, tokens.length - 1, stems));
    out.appendChild(document.createTextNode(text.slice(tokens[tokens.length - 1].end)));
    return out;
  }

  // The passage of about EXCERPT_WORDS words of text with the most different
  // matched stems (the earliest of equals), matches marked; null when none matches.
  function excerpt(text, stems) {
    var tokens = taal.tokens(text);
    var best = -1, bestCount = 0;
    for (var i = 0; i < tokens.length; i++) {
      if (!tokens[i].stem || !stems.has(tokens[i].stem)) continue;
      var seen = new Set();
      for (var j = i; j < tokens.length && j < i + EXCERPT_WORDS; j++) {
        if (tokens[j].stem && stems.has(tokens[j].stem)) seen.add(tokens[j].stem);
      }
      if (seen.size > bestCount) { best = i; bestCount = seen.size; }
    }
    if (best < 0) return null;
    var first = Math.max(0, best - 8);
    var last = Math.min(tokens.length - 1, first + EXCERPT_WORDS - 1);
    var out = document.createDocumentFragment();
    if (first > 0) out.appendChild(document.createTextNode("… "));
    out.appendChild(marked(text, tokens, first, last, stems));
    out.appendChild(document.createTextNode(last < tokens.length - 1 ? " …" : text.slice(tokens[last].end)));
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

  // ------------------------------------------------------------ loading --

  function indexUrl(path) {
    return new URL("zoeken/" + path + "?v=" + encodeURIComponent(table.token), SITE_ROOT).href;
  }

  async function fetchOk(url, options) {
    var response = await fetch(url, options);
    if (!response.ok) throw new Error("HTTP " + response.status + " " + url);
    return response;
  }

  // The .bin files are gzip data written by the build (small on any host).
  async function fetchGzip(path) {
    var response = await fetchOk(indexUrl(path));
    var inflated = new Response(response.body.pipeThrough(new DecompressionStream("gzip")));
    return new Uint8Array(await inflated.arrayBuffer());
  }

  // rijen.bin: per facet a column, see search_index.pack_rows.
  function readRows(bytes, count) {
    var at = 0;
    function planes(length, width) { // length numbers of width bytes, lowest byte plane first
      var numbers = new Array(length).fill(0);
      for (var plane = 0; plane < width; plane++) {
        for (var i = 0; i < length; i++) numbers[i] += bytes[at + i] * Math.pow(256, plane);
        at += length;
      }
      return numbers;
    }
    table.facetten.forEach(function (spec) {
      if (spec.soort === "masker") {
        spec.column = planes(count, spec.bytes).map(function (mask) { return mask | 0; }); // up to 32 bits
        return;
      }
      var sizes = bytes.subarray(at, at + count);
      at += count;
      var flat = planes(spec.totaal, spec.bytes);
      var column = new Array(count);
      for (var row = 0, next = 0; row < count; row++) {
        column[row] = flat.slice(next, next + sizes[row]);
        next += sizes[row];
      }
      spec.column = column;
    });
    if (at !== bytes.length) throw new Error("rijen.bin heeft een onverwachte lengte");
  }

  // A word chunk: entries of stem, number of rows, row gaps (varints), one weight byte per row.
  function readChunk(bytes) {
    var entries = new Map();
    var at = 0;
    var decoder = new TextDecoder();
    function varint() {
      var value = 0, shift = 0, byte;
      do {
        byte = bytes[at++];
        value += (byte & 0x7f) * Math.pow(2, shift);
        shift += 7;
      } while (byte & 0x80);
      return value;
    }
    while (at < bytes.length) {
      var length = varint();
      var stem = decoder.decode(bytes.subarray(at, at + length));
      at += length;
      var n = varint();
      var rows = new Uint32Array(n);
      var row = 0;
      for (var i = 0; i < n; i++) { row += varint(); rows[i] = row; }
      entries.set(stem, { rows: rows, weights: bytes.subarray(at, at + n) });
      at += n;
    }
    return entries;
  }

  function chunk(number) {
    if (!chunks.has(number)) {
      var promise = fetchGzip(table.woorden.map + "/" + number + ".bin").then(readChunk);
      promise.catch(function () { chunks.delete(number); });
      chunks.set(number, promise);
    }
    return chunks.get(number);
  }

  // Number of the chunk that holds stem (JavaScript string order, as the build sorted).
  function chunkOf(stem) {
    var firsts = table.woorden.eerste;
    var low = 0, high = firsts.length - 1;
    while (low < high) {
      var mid = (low + high + 1) >> 1;
      if (firsts[mid] <= stem) low = mid; else high = mid - 1;
    }
    return low;
  }

  function fiche(row) {
    if (!fiches.has(row)) {
      var promise = fetchOk(indexUrl(table.fiches + "/" + row + ".json")).then(function (response) {
        return response.json();
      });
      promise.catch(function () { fiches.delete(row); });
      fiches.set(row, promise);
    }
    return fiches.get(row);
  }

  // ------------------------------------------------------------- search --

  // The query's search terms: one per distinct stem. The last word also
  // matches longer words (while someone types, and the same when the URL is
  // opened again, so a shared link shows the same results).
  function queryTerms(query) {
    var words = taal.words(query);
    var terms = [];
    var seen = new Set();
    words.forEach(function (word, i) {
      var stem = taal.stem(word);
      var prefix = i === words.length - 1 && Array.from(word).length >= 3;
      if (seen.has(stem) && !prefix) return;
      seen.add(stem);
      terms = terms.filter(function (t) { return t.stem !== stem; });
      terms.push({ stem: stem, prefixes: prefix ? [word, stem] : [] });
    });
    return terms;
  }

  // {rows: matching rows, best first; stems: the index stems that matched (for highlighting)}
  async function search(terms) {
    var count = table.aantal;
    var lookups = terms.map(function (term) {
      var numbers = [chunkOf(term.stem)];
      term.prefixes.forEach(function (prefix) {
        var from = chunkOf(prefix), to = chunkOf(prefix + "\uffff");
        if (to - from + 1 > PREFIX_CHUNKS) return;
        for (var n = from; n <= to; n++) if (numbers.indexOf(n) === -1) numbers.push(n);
      });
      return Promise.all(numbers.map(chunk));
    });
    var loaded = await Promise.all(lookups);
    var total = new Float64Array(count);
    var hits = new Uint16Array(count);
    var part = new Float64Array(count);
    var stems = new Set();
    terms.forEach(function (term, t) {
      part.fill(0);
      var found = false;
      loaded[t].forEach(function (entries) {
        entries.forEach(function (entry, stem) {
          var factor;
          if (stem === term.stem) factor = 1;
          else if (term.prefixes.some(function (p) { return stem.indexOf(p) === 0; })) factor = PREFIX_WEIGHT;
          else return;
          found = true;
          stems.add(stem);
          var df = entry.rows.length;
          var idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
          for (var i = 0; i < df; i++) {
            var value = factor * idf * entry.weights[i];
            if (value > part[entry.rows[i]]) part[entry.rows[i]] = value;
          }
        });
      });
      if (!found) return;
      for (var r = 0; r < count; r++) {
        if (part[r] > 0) { total[r] += part[r]; hits[r]++; }
      }
    });
    var rows = [];
    for (var r = 0; r < count; r++) if (hits[r] === terms.length) rows.push(r);
    rows.sort(function (a, b) { return (total[b] - total[a]) || (a - b); });
    return { rows: rows, stems: stems };
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
    var terms = queryTerms(text);
    var rows, stems = null;
    try {
      if (terms.length) {
        var found = await search(terms);
        if (id !== runId) return;
        rows = found.rows;
        stems = found.stems;
      } else {
        rows = allRowIndices();
      }
    } catch (error) {
      if (id === runId) showFailure("Het zoeken is mislukt.");
      return;
    }
    var matched = evaluate(rows);
    var items = matched.map(function (r) { return { row: rows[r] }; });
    current = { items: items, shown: 0, q: terms.length ? text : "", ignored: ignored, stems: stems };
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
    var passage = null;
    if (current.stems) passage = excerpt(data.s + " " + data.x, current.stems);
    var link = el("a", { href: new URL(data.u, SITE_ROOT).pathname }, [
      current.stems ? highlighted(data.t, current.stems) : data.t
    ]);
    return el("li", { class: "pb-finder__item" }, [
      el("h3", { class: "pb-finder__titel" }, [link]),
      el("p", { class: "pb-finder__meta", text: metaLine(item.row) }),
      el("p", { class: "pb-finder__uittreksel" }, [passage || data.s]),
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
        return fiche(item.row);
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
          (current.ignored.length === 1 ? " is een te algemeen woord en telt" : " zijn te algemene woorden en tellen") +
          " niet mee bij het zoeken.";
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
      if (!taal || !window.DecompressionStream) throw new Error("browser te oud");
      // index.json names the build (token); always revalidated, the other files then carry ?v=token.
      table = await (await fetchOk(new URL("zoeken/index.json", SITE_ROOT).href, { cache: "no-cache" })).json();
      taal.setStopWords(table.stopwoorden || []);
      if (table.aantal) readRows(await fetchGzip(table.rijen), table.aantal);
      else table.facetten.forEach(function (spec) { spec.column = []; });
      buildFacets();
      state = stateFromUrl();
      syncBoxes();
      if (!table.aantal) {
        clear.disabled = true;
        announce("Er zijn nog geen praktijken.", true);
        return;
      }
      await run();
    } catch (error) {
      showFailure("De zoekfunctie kon niet geladen worden.");
    }
  }

  init();
})();
