/*
 * Search index of the finder (zoeken/), in the browser: reads the files that
 * tools/praktijkenbank/search_index.py writes (read its docstring for the
 * formats) and searches them. No DOM.
 *
 * - open(siteRoot): loads zoeken/index.json (always revalidated; every other
 *   file then carries ?v=<token>) and zoeken/rijen.bin (the facet values of
 *   every practice: spec.column of every facet in table.facetten). Resolves to
 *   {table, queryTerms, search, fiche, spelling}:
 *   - queryTerms(query): one term per distinct stem; the last word also
 *     matches longer words (so an unfinished word finds results while someone
 *     types, and a shared URL shows the same);
 *   - search(terms): downloads the word chunk of each term; every term must
 *     occur (AND), ranked by BM25 (weights computed by the build). Resolves to
 *     {rows, stems: the index stems that matched, missing: terms found nowhere};
 *   - fiche(row): title, address, summary and text of one practice;
 *   - spelling(letter): the indexed words of that letter, most frequent first.
 * - evaluate(facets, selection, rows): the facet filter and counts (within a
 *   facet OR, across facets AND).
 */
(function () {
  "use strict";

  var taal = window.PraktijkenbankTaal; // zoektaal.js
  var PREFIX_WEIGHT = 0.6; // a longer word matched by the last, unfinished query word counts less
  var PREFIX_CHUNKS = 3; // ... and is only looked up when its stems fit in this many chunks

  async function fetchOk(url, options) {
    var response = await fetch(url, options);
    if (!response.ok) throw new Error("HTTP " + response.status + " " + url);
    return response;
  }

  async function open(siteRoot) {
    var table = await (await fetchOk(new URL("zoeken/index.json", siteRoot).href, { cache: "no-cache" })).json();
    var chunks = new Map(); // word chunk number -> Promise of Map(stem -> {rows, weights})
    var fiches = new Map(); // row -> Promise of its fiche (title, address, summary, text)
    var spellings = new Map(); // letter -> Promise of its word list
    taal.setStopWords(table.stopwoorden || []);

    function indexUrl(path) {
      return new URL("zoeken/" + path + "?v=" + encodeURIComponent(table.token), siteRoot).href;
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
        terms.push({ stem: stem, word: word, prefixes: prefix ? [word, stem] : [] });
      });
      return terms;
    }

    // {rows: matching rows, best first; stems: the index stems that matched (for highlighting);
    //  missing: the query words that are nowhere in the index}
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
      var missing = [];
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
        if (!found) {
          missing.push(term);
          return;
        }
        for (var r = 0; r < count; r++) {
          if (part[r] > 0) { total[r] += part[r]; hits[r]++; }
        }
      });
      var rows = [];
      for (var r = 0; r < count; r++) if (hits[r] === terms.length) rows.push(r);
      rows.sort(function (a, b) { return (total[b] - total[a]) || (a - b); });
      return { rows: rows, stems: stems, missing: missing };
    }

    function spelling(key) {
      var spec = table.spelling;
      if (!spec || spec.letters.indexOf(key) === -1) return Promise.resolve([]);
      if (!spellings.has(key)) {
        var promise = fetchOk(indexUrl(spec.map + "/" + key + ".json")).then(function (r) { return r.json(); });
        promise.catch(function () { spellings.delete(key); });
        spellings.set(key, promise);
      }
      return spellings.get(key);
    }

    if (table.aantal) readRows(await fetchGzip(table.rijen), table.aantal);
    else table.facetten.forEach(function (spec) { spec.column = []; });
    return { table: table, queryTerms: queryTerms, search: search, fiche: fiche, spelling: spelling };
  }

  function matcher(f, selection) {
    var sel = selection[f.key];
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

  // facets: [{key, mask, values, index: Map id -> i, column}] (finder.js); selection: {key: Set of ids};
  // rows: candidate row indices in display order. Returns the indices into rows that match
  // every facet, and sets every facet's counts (each ignoring its own selection).
  function evaluate(facets, selection, rows) {
    var tests = facets.map(function (f) { return matcher(f, selection); });
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

  window.PraktijkenbankZoekindex = { open: open, evaluate: evaluate };
})();
