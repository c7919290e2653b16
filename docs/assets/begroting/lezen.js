/* SDG-begrotingsscan: a budget file (CSV or .xlsx) -> budget lines.
 * Twin of tools/praktijkenbank/budget/parse.py (same header search, column rules, reasons and
 * row numbers). CSV through Papa Parse; .xlsx through PbBegroting.xlsx (fflate + sheet XML).
 * Plain script: adds PbBegroting.lezen (browser and node). */
(function (ns) {
  "use strict";
  var w = ns.waarden;
  var HEADER_SEARCH_ROWS = 50;
  var CODE_LIKE_RE = /^[A-Za-z]{0,6}[-_./]?\d[\w./-]{0,20}$/;
  var UNCLOSED_QUOTE = "aanhalingsteken (\") dat nergens gesloten wordt: de rij is niet gelezen. Zet een \" aan het " +
    "einde van de cel of haal het aanhalingsteken weg";
  var MAX_QUOTE_REPAIRS = 50;
  var NO_SDG_COLUMN = "Geen kolom met SDG-codes gevonden: de regels zijn niet gecodeerd, behalve SDG's die in de " +
    "omschrijving staan. Heeft je bestand toch zo'n kolom, zeg dan welke.";
  var SEPARATORS = [";", ",", "\t"];
  var FILL_DOWN = ["soort", "type"];

  function FileError(message) { this.message = message; }

  function lookups(spec) {
    if (spec._kopNaarVeld) return spec;
    var kop = {}, soort = {}, type = {};
    spec.velden.forEach(function (f) { f.koppen.forEach(function (h) { kop[w.normalise(h)] = f.id; }); });
    spec.soorten.forEach(function (s) { s.waarden.concat([s.id]).forEach(function (v) { soort[w.normalise(v)] = s.id; }); });
    spec.types.forEach(function (t) { t.waarden.concat([t.id]).forEach(function (v) { type[w.normalise(v)] = t.id; }); });
    spec._kopNaarVeld = kop; spec._soort = soort; spec._type = type;
    return spec;
  }

  // ---------------------------------------------------------------- reading --
  // Windows-1252 bytes 0x80-0x9f (undefined ones as U+FFFD, like Python's errors="replace").
  var CP1252 = "\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178";

  function decodeCp1252(bytes) {
    var out = [];
    for (var i = 0; i < bytes.length; i += 8192) {
      var chunk = [];
      for (var j = i; j < Math.min(i + 8192, bytes.length); j++) {
        var b = bytes[j];
        chunk.push(b >= 0x80 && b < 0xa0 ? CP1252.charAt(b - 0x80) : String.fromCharCode(b));
      }
      out.push(chunk.join(""));
    }
    return out.join("");
  }

  function decode(bytes) {
    var text;
    try { text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); } catch (e) {
      text = decodeCp1252(bytes);
    }
    return text.charAt(0) === "\ufeff" ? text.slice(1) : text;
  }

  function countOutsideQuotes(line, sep) {
    var count = 0, quoted = false;
    for (var i = 0; i < line.length; i++) {
      var ch = line.charAt(i);
      if (ch === "\"") quoted = !quoted;
      else if (ch === sep && !quoted) count++;
    }
    return count;
  }

  function splitRecords(text) {
    var records = [], start = 0, quoted = false;
    for (var i = 0; i < text.length; i++) {
      var ch = text.charAt(i);
      if (ch === "\"") quoted = !quoted;
      else if (ch === "\n" && !quoted) { records.push(text.slice(start, i)); start = i + 1; }
    }
    records.push(text.slice(start));
    return records;
  }

  function sniffSeparator(text) {
    var lines = splitRecords(text).filter(function (l) { return l.trim(); }).slice(0, HEADER_SEARCH_ROWS);
    var best = ";", bestScore = [0, 0];
    SEPARATORS.forEach(function (sep) {
      var counts = {};
      lines.forEach(function (line) {
        var n = countOutsideQuotes(line, sep);
        if (n) counts[n] = (counts[n] || 0) + 1;
      });
      var top = null;
      Object.keys(counts).forEach(function (k) {
        var n = Number(k);
        if (!top || counts[k] > top[1] || (counts[k] === top[1] && n > top[0])) top = [n, counts[k]];
      });
      if (!top) return;
      if (top[1] > bestScore[0] || (top[1] === bestScore[0] && top[0] > bestScore[1])) {
        best = sep; bestScore = [top[1], top[0]];
      }
    });
    return best;
  }

  var QUOTED_FIELD_RE = /"[^"]*(?:""[^"]*)*"(?!")/y;

  /* [position, record number] of a quote that opens a field and is never closed, or null (see files.py). */
  function unclosedQuote(text, sep) {
    if (text.indexOf("\"") < 0) return null;
    var opening = new RegExp("(?<![^" + sep.replace(/[\\^\]-]/g, "\\$&") + "\\n])\"", "g");
    var position = 0, record = 1, last = 0;
    for (;;) {
      opening.lastIndex = position;
      var found = opening.exec(text);
      if (!found) return null;
      var start = found.index;
      for (var i = last; i < start; i++) if (text.charCodeAt(i) === 10) record++;
      QUOTED_FIELD_RE.lastIndex = start;
      if (!QUOTED_FIELD_RE.test(text)) return [start, record];
      position = last = QUOTED_FIELD_RE.lastIndex;
    }
  }

  function readCsv(text) {
    text = text.replace(/\r\n/g, "\n").replace(/\r/g, "\n");
    var sep = sniffSeparator(text.split("\n", 1000).join("\n")), problems = {};
    for (var k = 0; k < MAX_QUOTE_REPAIRS; k++) {
      var found = unclosedQuote(text, sep);
      if (!found) break;
      text = text.slice(0, found[0]) + text.slice(found[0] + 1);
      problems[found[1]] = UNCLOSED_QUOTE;
    }
    var data = globalThis.Papa.parse(text, { delimiter: sep, newline: "\n", quoteChar: "\"", skipEmptyLines: false }).data;
    if (text.charAt(text.length - 1) === "\n" && data.length) data.pop(); // Python's csv adds no row there
    return [data.map(function (row, i) { return [i + 1, row]; }), problems];
  }

  function readRows(bytes, name, limits) {
    var lower = name.toLowerCase();
    var zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
    if (/\.xls[xm]$/.test(lower) || zip) return [ns.xlsx.rows(bytes, FileError, limits), {}];
    if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d) {
      throw new FileError("dit is een pdf-bestand: daar kan de scan geen bedragen uit lezen. Exporteer het meerjarenplan als CSV of Excel (.xlsx).");
    }
    if (/\.xls$/.test(lower) || (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)) {
      throw new FileError("oude Excel-bestanden (.xls) worden niet gelezen: bewaar het bestand als .xlsx of CSV.");
    }
    return readCsv(decode(bytes));
  }

  // ----------------------------------------------------------------- header --
  function columnFields(spec, header, mapping) {
    var table = lookups(spec)._kopNaarVeld;
    mapping = mapping || {};
    var names = header.map(function (cell) { return w.normalise(w.cellText(cell)); });
    var wanted = {}, chosen = {};
    Object.keys(mapping).forEach(function (field) { // only headers that are in this row (see parse.py)
      var name = mapping[field] ? w.normalise(mapping[field]) : "";
      if (name && names.indexOf(name) >= 0) wanted[name] = field;
    });
    Object.keys(wanted).forEach(function (name) { chosen[wanted[name]] = true; });
    var fields = {}, years = {};
    names.forEach(function (name, index) {
      if (!name) return;
      var field = Object.prototype.hasOwnProperty.call(wanted, name) ? wanted[name] : null;
      if (field === null) {
        field = table[name] || null;
        if (field && chosen[field]) field = null;
      }
      if (field) {
        if (field === "omschrijving" && !chosen.omschrijving) (fields._omschrijvingen = fields._omschrijvingen || []).push(index);
        if (!(field in fields)) fields[field] = index;
        return;
      }
      var year = ns.formaten.headerYear(spec, name);
      if (year !== null && !(year in years)) years[year] = index;
    });
    if (fields._omschrijvingen && fields._omschrijvingen.length < 2) delete fields._omschrijvingen;
    return [fields, years];
  }

  function score(fy) {
    return Object.keys(fy[0]).filter(function (f) { return f.charAt(0) !== "_"; }).length + Object.keys(fy[1]).length;
  }

  function preferTextColumn(rows, headerIndex, fields) {
    var candidates = fields._omschrijvingen;
    delete fields._omschrijvingen;
    if (!candidates) return;
    var sample = rows.slice(headerIndex + 1, headerIndex + 51).map(function (r) { return r[1]; });
    var codeLike = function (index) {
      var values = sample.filter(function (c) { return index < c.length && w.cellText(c[index]); })
        .map(function (c) { return w.cellText(c[index]); });
      return values.length ? values.filter(function (v) { return CODE_LIKE_RE.test(v); }).length * 2 > values.length : false;
    };
    var textual = candidates.filter(function (i) { return !codeLike(i); });
    if (textual.length && textual[0] !== fields.omschrijving) {
      if (codeLike(fields.omschrijving) && !("code" in fields)) fields.code = fields.omschrijving;
      fields.omschrijving = textual[0];
    }
  }

  function sortedYears(years) { return Object.keys(years).map(Number).sort(function (a, b) { return a - b; }); }

  function findHeader(spec, rows, mapping) {
    var best = [-1, {}, {}], bestScore = 0;
    rows.slice(0, HEADER_SEARCH_ROWS).forEach(function (row, index) {
      var fy = columnFields(spec, row[1], mapping);
      var s = score(fy);
      if (s > bestScore) { best = [index, fy[0], fy[1]]; bestScore = s; }
    });
    return best;
  }

  function missingFields(fields, years) {
    if (!Object.keys(years).length && !("bedrag" in fields)) return ["een kolom met bedragen (een totaal of één kolom per jaar)"];
    return [];
  }

  // ------------------------------------------------------------------ lines --
  function category(value, table, field, allowed, cache) {
    if (!value) throw new w.CellError(field + " ontbreekt: schrijf " + allowed);
    var key = cache.get(value);
    if (key === undefined) { key = w.normalise(value); cache.set(value, key); }
    var found = table[key];
    if (found === undefined) throw new w.CellError(field + " '" + value + "' onbekend: schrijf " + allowed);
    return found;
  }

  function unreadRow(number, reason, amounts, code, description) {
    return { rij: number, reden: reason, bedragen: amounts, code: code, omschrijving: description };
  }

  function readLines(spec, rows, headerIndex, fields, years, problems) {
    lookups(spec);
    var totalsWords = spec.totaalwoorden;
    var lines = [], unread = [], emptyRows = 0, normCache = new Map(), codeCache = new Map();
    var above = { soort: "", type: "" };
    var yearList = sortedYears(years);
    var useTotal = !yearList.length && ("bedrag" in fields);
    var sources = useTotal ? [["", fields.bedrag]] : yearList.map(function (y) { return [y, years[y]]; });
    var text = function (cells, field) {
      var i = fields[field];
      return i !== undefined && i < cells.length ? w.cellText(cells[i]) : "";
    };
    var isEmpty = function (cells) {
      for (var i = 0; i < cells.length; i++) if (w.cellText(cells[i])) return false;
      return true;
    };
    for (var r = headerIndex + 1; r < rows.length; r++) {
      var number = rows[r][0], cells = rows[r][1];
      var description = text(cells, "omschrijving"), code = text(cells, "code");
      if (!("omschrijving" in fields)) description = ns.formaten.policyFieldName(text(cells, "beleidsveld"));
      if (problems[number]) { unread.push(unreadRow(number, problems[number], null, code, description)); continue; }
      if (isEmpty(cells)) { emptyRows++; continue; }
      var reasons = [], amounts = {}, amountFound = false;
      for (var k = 0; k < sources.length; k++) {
        var src = sources[k], value = src[1] < cells.length ? cells[src[1]] : null, cents;
        try { cents = w.cellToCents(value); } catch (e) {
          if (!(e instanceof w.CellError)) throw e;
          reasons.push(e.message + (src[0] ? " (kolom " + src[0] + ")" : ""));
          continue;
        }
        amountFound = amountFound || cents !== null;
        amounts[src[0] || 0] = cents || 0;
      }
      var categories = {};
      for (k = 0; k < FILL_DOWN.length; k++) {
        var field = FILL_DOWN[k], fieldValue = text(cells, field) || above[field];
        above[field] = fieldValue;
        categories[field] = fieldValue;
      }
      var sdgText = text(cells, "sdg");
      var firstWord = (description || code) ? w.firstWord(description || code) : "";
      var amountOk = !reasons.length;
      if (amountOk && !amountFound) {
        unread.push(unreadRow(number, sdgText ? "geen bedrag" : "geen bedrag en geen SDG (een tussentitel?)", null,
          code, description));
        continue;
      }
      if (totalsWords.indexOf(firstWord) >= 0 && !sdgText) {
        unread.push(unreadRow(number, "totaalregel (som van andere regels): niet meegeteld", amountOk ? amounts : null,
          code, description));
        continue;
      }
      var line = { rij: number, code: code, omschrijving: description, bedragen: amounts };
      [["soort", spec._soort, "uitgaven of ontvangsten"],
        ["type", spec._type, "exploitatie, investering of financiering"]].forEach(function (c) {
        if (!(c[0] in fields)) { line[c[0]] = null; return; }
        try { line[c[0]] = category(categories[c[0]], c[1], c[0], c[2], normCache); } catch (e) {
          if (!(e instanceof w.CellError)) throw e;
          reasons.push(e.message);
        }
      });
      var codes = codeCache.get(sdgText); // real budgets repeat their codes: parse each text once
      if (codes === undefined) {
        try { codes = w.parseCodes(sdgText); } catch (e) {
          if (!(e instanceof w.CellError)) throw e;
          codes = e;
        }
        codeCache.set(sdgText, codes);
      }
      if (codes instanceof w.CellError) reasons.push(codes.message); else line.sdgs = codes;
      if (reasons.length) {
        unread.push(unreadRow(number, reasons.join("; "), amountOk ? amounts : null, code, description));
        continue;
      }
      line.herkomst = line.sdgs.length ? "kolom" : "";
      if (!line.sdgs.length && description) {
        var found = ns.sdgtekst.sdgsIn(spec, description, "");
        if (found.length) { line.sdgs = found.map(function (n) { return [n, 1]; }); line.herkomst = "omschrijving"; }
      }
      line.beleidsveld = ns.formaten.policyFieldCode(text(cells, "beleidsveld"));
      line.teksten = { actie: description, actieplan: "", doelstelling: "" };
      line.groep = {};
      lines.push(line);
    }
    return { regels: lines, niet_gelezen: unread, lege_rijen: emptyRows };
  }

  /* The whole file. `mapping`: {field: header text} chosen by the user. Throws FileError;
   * a FileError for a missing column carries `.rows`, `.header` and `.headerIndex` so the page
   * can offer the column mapping. */
  function readBudget(spec, bytes, name, mapping) {
    lookups(spec);
    var read = readRows(bytes, name, spec.limieten), rows = read[0], problems = read[1];
    if (!rows.some(function (r) { return r[1].some(function (c) { return w.cellText(c); }); })) {
      throw new FileError("het bestand is leeg.");
    }
    var special = ns.formaten.readSpecial(spec, rows, problems, FileError);
    if (special) return special;
    var found = findHeader(spec, rows, mapping);
    var fields = found[1], years = found[2];
    var missing = missingFields(fields, years);
    if (found[0] < 0 || missing.length) {
      var seen = rows[Math.max(found[0], 0)][1].map(function (c) { return w.cellText(c); }).filter(Boolean).slice(0, 8);
      var error = new FileError("geen kopregel gevonden met " + (missing.length ? missing : ["bekende kolommen"]).join(" en ") +
        ". " + (seen.length ? "Gevonden koppen: " + seen.join(", ") + ". " : "") +
        "Zet de kolomkoppen van het sjabloon in het bestand (Code, Omschrijving, SDG en een kolom per jaar), " +
        "gebruik de export 'meerjarenplan projecten' of de tabel per beleidsveld, of zeg hieronder welke kolom wat is.");
      error.rows = rows; error.headerIndex = found[0]; error.fields = fields;
      throw error;
    }
    preferTextColumn(rows, found[0], fields);
    var header = rows[found[0]][1];
    var result = readLines(spec, rows, found[0], fields, years, problems);
    result.formaat = "sjabloon";
    result.opmerkingen = "sdg" in fields ? [] : [NO_SDG_COLUMN];
    var columns = {};
    Object.keys(fields).forEach(function (f) { columns[f] = w.cellText(header[fields[f]]); });
    result.kopregel = rows[found[0]][0];
    result.kolommen = columns;
    result.jaren = sortedYears(years);
    result.totaal_genegeerd = result.jaren.length > 0 && ("bedrag" in fields);
    result.kopcellen = header.map(function (c) { return w.cellText(c); });
    return result;
  }

  ns.lezen = { FileError: FileError, readBudget: readBudget, readRows: readRows, findHeader: findHeader,
    decode: decode, sniffSeparator: sniffSeparator };
})(typeof globalThis.PbBegroting === "object" ? globalThis.PbBegroting : (globalThis.PbBegroting = {}));
