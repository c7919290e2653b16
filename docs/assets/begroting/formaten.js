/* SDG-begrotingsscan: the projects export ('meerjarenplan projecten') and the table per beleidsveld.
 * Twin of tools/praktijkenbank/budget/formats.py: same recognition, lines, reasons and row numbers.
 * Plain script: adds PbBegroting.formaten (browser and node). Needs waarden.js and sdgtekst.js. */
(function (ns) {
  "use strict";
  var w = ns.waarden;
  var YEAR_RE = /(?:^|\D)((?:19|20)\d\d)(?=\D|$)/g;
  var FIELD_CODE_RE = /^(\d{3,4})(?!\d)/;
  var LABEL_RE = /^\s*([^:\n]{1,40}?)\s*:\s?(.*)$/;
  var BOOK_YEAR_RE = /^((?:19|20)\d\d)(?:\.0+)?$/;
  var EXTRA_FIELDS = ["sdg", "beleidsveld", "soort", "type", "code"];
  var HEADER_SEARCH_ROWS = 50;

  function yearsIn(name) {
    var found = [], m;
    YEAR_RE.lastIndex = 0;
    while ((m = YEAR_RE.exec(name))) { found.push(m[1]); YEAR_RE.lastIndex = m.index + m[0].length; }
    return found;
  }

  function headerYear(spec, name) {
    var found = yearsIn(name);
    if (found.length !== 1) return null;
    for (var i = 0; i < spec.niet_optellen.length; i++) if (name.indexOf(spec.niet_optellen[i]) >= 0) return null;
    return Number(found[0]);
  }

  function policyFieldCode(text) {
    var m = FIELD_CODE_RE.exec(text.trim());
    return m ? ("0000" + m[1]).slice(-4) : null;
  }

  function policyFieldName(text) {
    var t = text.trim(), m = FIELD_CODE_RE.exec(t);
    return m ? t.slice(m[1].length).replace(/^[ \-:]+|[ \-:]+$/g, "") : t;
  }

  function rawText(value) {
    return typeof value === "string" ? value.replace(/\r\n/g, "\n").replace(/\r/g, "\n") : w.cellText(value);
  }

  function blockLabels(spec) {
    if (!spec._blok) {
      spec._blok = {};
      Object.keys(spec.projecten.blok).forEach(function (key) {
        spec.projecten.blok[key].forEach(function (label) { spec._blok[w.normalise(label)] = key; });
      });
    }
    return spec._blok;
  }

  function parseBlock(spec, text) {
    var labels = blockLabels(spec), block = {}, current = null;
    text.split("\n").forEach(function (line) {
      var m = LABEL_RE.exec(line), key = m ? labels[w.normalise(m[1])] : undefined;
      if (key) { current = key; (block[key] = block[key] || []).push(m[2]); } else {
        var k = current || "kort";
        (block[k] = block[k] || []).push(line);
      }
    });
    var out = {};
    Object.keys(block).forEach(function (k) { var v = w.cellText(block[k].join(" ")); if (v) out[k] = v; });
    return out;
  }

  function squash(name) { return name.replace(/ /g, ""); }

  function levelColumns(spec, names) {
    var wanted = {}, found = {};
    spec.projecten.niveaus.forEach(function (l) { l.koppen.forEach(function (k) { wanted[squash(w.normalise(k))] = l.id; }); });
    var suffixes = spec.projecten.achtervoegsels.map(function (s) { return squash(w.normalise(s)); });
    names.forEach(function (name, index) {
      var key = squash(name);
      for (var i = 0; i < suffixes.length; i++) {
        var s = suffixes[i], base = key.slice(0, key.length - s.length);
        if (key.length > s.length && key.slice(-s.length) === s && wanted[base]) { key = base; break; }
      }
      var level = wanted[key];
      if (level && !(level in found)) found[level] = index;
    });
    return found;
  }

  function find(names, wanted) {
    var keys = wanted.map(w.normalise);
    for (var i = 0; i < names.length; i++) if (keys.indexOf(names[i]) >= 0) return i;
    return null;
  }

  function unreadRow(number, reason, amounts, code, description) {
    return { rij: number, reden: reason, bedragen: amounts, code: code, omschrijving: description };
  }

  function readSpecial(spec, rows, problems, FileError) {
    var limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
    for (var index = 0; index < limit; index++) {
      var names = rows[index][1].map(function (c) { return w.normalise(w.cellText(c)); });
      var levels = levelColumns(spec, names);
      if ("actie" in levels && ("actieplan" in levels || "doelstelling" in levels)) {
        return readProjects(spec, rows, index, names, levels, problems, FileError);
      }
      var rules = spec.beleidsvelden, columns = {};
      ["beleidsveld", "naam", "jaar", "bedrag"].forEach(function (k) { columns[k] = find(names, rules[k]); });
      if (columns.beleidsveld !== null && columns.jaar !== null && columns.bedrag !== null) {
        return readPolicyFields(spec, rows, index, names, columns, problems);
      }
    }
    return null;
  }

  function amountsOf(cells, columns) {
    var amounts = {}, found = false, reasons = [];
    Object.keys(columns).forEach(function (year) {
      var i = columns[year], cents;
      try { cents = w.cellToCents(i < cells.length ? cells[i] : null); } catch (e) {
        if (!(e instanceof w.CellError)) throw e;
        reasons.push(e.message + " (kolom " + year + ")");
        return;
      }
      found = found || cents !== null;
      amounts[year] = cents || 0;
    });
    return [amounts, found, reasons];
  }

  function yearColumns(spec, names, header) {
    var rules = spec.projecten, groups = { uitgaven: {}, ontvangsten: {}, "": {} }, skipped = [];
    var has = function (words, list) { return list.some(function (x) { return words.indexOf(x) >= 0; }); };
    names.forEach(function (name, index) {
      var year = headerYear(spec, name);
      if (year === null) { if (yearsIn(name).length) skipped.push(w.cellText(header[index])); return; }
      var words = name.split(" ");
      var kind = has(words, rules.uitgaven) ? "uitgaven" : has(words, rules.ontvangsten) ? "ontvangsten" : "";
      if (!(year in groups[kind])) groups[kind][year] = index;
    });
    var notes = [];
    if (skipped.length) notes.push(skipped.length + " kolommen per inwoner niet opgeteld (bv. '" + skipped[0] + "').");
    var kinds = ["uitgaven", "ontvangsten", ""];
    for (var i = 0; i < kinds.length; i++) {
      if (Object.keys(groups[kinds[i]]).length) {
        if (kinds[i] === "uitgaven" && Object.keys(groups.ontvangsten).length) {
          notes.push("De kolommen met ontvangsten zijn niet gelezen: de scan telt de uitgaven.");
        }
        return [groups[kinds[i]], kinds[i] || null, notes];
      }
    }
    return [{}, null, notes];
  }

  function withRowAbove(above, header) {
    var last = "";
    return header.map(function (cell, i) {
      var value = i < above.length ? w.cellText(above[i]) : "";
      last = value || last;
      return (last + " " + w.cellText(cell)).trim();
    });
  }

  function label(block) { return [block.code || "", block.kort || ""].filter(Boolean).join(" "); }

  function textOf(block) {
    var parts = [block.kort || ""];
    if (block.lang && block.lang !== parts[0]) parts.push(block.lang);
    return parts.filter(Boolean).join("\n");
  }

  function readProjects(spec, rows, headerIndex, names, levels, problems, FileError) {
    var header = rows[headerIndex][1], yc = yearColumns(spec, names, header);
    if (!Object.keys(yc[0]).length && headerIndex > 0) { // years in a merged row above (see formats.py)
      var merged = withRowAbove(rows[headerIndex - 1][1], header);
      yc = yearColumns(spec, merged.map(w.normalise), merged);
    }
    var years = yc[0], kind = yc[1], notes = yc[2];
    var levelIdx = Object.keys(levels).map(function (k) { return levels[k]; }), extra = {};
    names.forEach(function (name, index) {
      var field = spec._kopNaarVeld[name];
      if (EXTRA_FIELDS.indexOf(field) >= 0 && !(field in extra) && levelIdx.indexOf(index) < 0) extra[field] = index;
    });
    var yearList = Object.keys(years).map(Number).sort(function (a, b) { return a - b; });
    if (!yearList.length) {
      throw new FileError("dit lijkt de export 'meerjarenplan projecten', maar er is geen kolom met bedragen per " +
        "jaar (zoals '2026,Uitgave'). Gevonden koppen: " + header.map(w.cellText).filter(Boolean).join(", ") +
        ". Exporteer het meerjarenplan opnieuw met de uitgaven per jaar.");
    }
    spec.projecten.niveaus.forEach(function (l) {
      if (!(l.id in levels)) notes.push("Geen kolom voor de " + l.naam + ": die context ontbreekt.");
    });
    var lines = [], unread = [], empty = 0;
    for (var r = headerIndex + 1; r < rows.length; r++) {
      var number = rows[r][0], cells = rows[r][1];
      var cell = function (i) { return i !== undefined && i !== null && i < cells.length ? cells[i] : null; };
      var blocks = {};
      Object.keys(levels).forEach(function (l) {
        var raw = rawText(cell(levels[l]));
        if (raw) blocks[l] = parseBlock(spec, raw);
      });
      var action = blocks.actie || {};
      var code = w.cellText(cell(extra.code)) || action.code || "";
      var description = action.kort || action.lang || "";
      if (problems[number]) { unread.push(unreadRow(number, problems[number], null, code, description)); continue; }
      if (!cells.some(function (c) { return w.cellText(c); })) { empty++; continue; }
      var am = amountsOf(cells, years), amounts = am[0], found = am[1], reasons = am[2], amountOk = !reasons.length;
      var first = w.normalise(description || code || w.cellText(cells[0])).split(" ")[0];
      if (!reasons.length && !found) {
        unread.push(unreadRow(number, "geen bedrag (een tussentitel?)", null, code, description));
        continue;
      }
      if (spec.totaalwoorden.indexOf(first) >= 0) {
        unread.push(unreadRow(number, "totaalregel (som van andere regels): niet meegeteld",
          reasons.length ? null : amounts, code, description));
        continue;
      }
      var sdgText = w.cellText(cell(extra.sdg)), sdgs = [], origin = "";
      try { sdgs = w.parseCodes(sdgText); origin = sdgs.length ? "kolom" : ""; } catch (e) {
        if (!(e instanceof w.CellError)) throw e;
        reasons.push(e.message);
      }
      var line = { rij: number, code: code, omschrijving: description, bedragen: amounts };
      ["soort", "type"].forEach(function (field) {
        var value = w.cellText(cell(extra[field])), table = field === "soort" ? spec._soort : spec._type;
        line[field] = value ? (table[w.normalise(value)] || null) : (field === "soort" ? kind : null);
        if (value && line[field] === null) reasons.push(field + " '" + value + "' onbekend");
      });
      if (reasons.length) {
        unread.push(unreadRow(number, reasons.join("; "), amountOk ? amounts : null, code, description));
        continue;
      }
      if (!sdgs.length) { var fl = ns.sdgtekst.fromLevels(spec, blocks); sdgs = fl[0]; origin = fl[1]; }
      line.sdgs = sdgs; line.herkomst = origin;
      line.beleidsveld = policyFieldCode(w.cellText(cell(extra.beleidsveld)) || "");
      line.teksten = {};
      ns.sdgtekst.LEVELS.forEach(function (l) { line.teksten[l] = textOf(blocks[l] || {}); });
      line.groep = {};
      ["actieplan", "doelstelling"].forEach(function (l) { if (blocks[l] && label(blocks[l])) line.groep[l] = label(blocks[l]); });
      lines.push(line);
    }
    var columns = {};
    Object.keys(levels).forEach(function (l) { columns[l] = w.cellText(header[levels[l]]); });
    Object.keys(extra).forEach(function (f) { columns[f] = w.cellText(header[extra[f]]); });
    return { formaat: "projecten", kopregel: rows[headerIndex][0], kolommen: columns, jaren: yearList,
      totaal_genegeerd: false, regels: lines, niet_gelezen: unread, lege_rijen: empty, opmerkingen: notes,
      kopcellen: header.map(w.cellText) };
  }

  function governmentNote(list) {
    if (list.length < 2) return [];
    list.sort(function (a, b) { return a < b ? -1 : a > b ? 1 : 0; });
    return ["Het bestand bevat " + list.length + " besturen (" + list.slice(0, 3).join(", ") + (list.length > 3 ? ", ..." : "") +
      "): hun bedragen per beleidsveld zijn samengeteld. Laad één bestuur per bestand voor de cijfers van één bestuur."];
  }

  function bookYear(value) {
    var m = BOOK_YEAR_RE.exec(w.cellText(value));
    return m ? Number(m[1]) : null;
  }

  function readPolicyFields(spec, rows, headerIndex, names, columns, problems) {
    var header = rows[headerIndex][1];
    var government = find(names, ["nis code", "nis", "bestuur", "gemeente"]), governments = {};
    var domain = find(names, ["bv domein", "beleidsdomein", "domein"]);
    var subdomain = find(names, ["bv subdomein", "beleidssubdomein", "subdomein"]);
    var groups = {}, order = [], unread = [], empty = 0, years = {}, read = 0;
    for (var r = headerIndex + 1; r < rows.length; r++) {
      var number = rows[r][0], cells = rows[r][1];
      var text = function (i) { return i !== null && i < cells.length ? w.cellText(cells[i]) : ""; };
      var field = text(columns.beleidsveld), code = policyFieldCode(field) || "";
      var name = text(columns.naam) || policyFieldName(field);
      if (government !== null && government < cells.length && w.cellText(cells[government])) {
        governments[w.cellText(cells[government])] = true;
      }
      if (problems[number]) { unread.push(unreadRow(number, problems[number], null, code, name)); continue; }
      if (!cells.some(function (c) { return w.cellText(c); })) { empty++; continue; }
      var year = bookYear(columns.jaar < cells.length ? cells[columns.jaar] : null), cents, reason;
      try {
        cents = w.cellToCents(columns.bedrag < cells.length ? cells[columns.bedrag] : null);
        reason = cents !== null ? null : "geen bedrag";
      } catch (e) {
        if (!(e instanceof w.CellError)) throw e;
        cents = null; reason = e.message;
      }
      if (!field) reason = "geen beleidsveld" + (reason ? "; " + reason : "");
      else if (spec.totaalwoorden.indexOf(w.normalise(field).split(" ")[0]) >= 0) {
        reason = "totaalregel (som van andere regels): niet meegeteld";
      } else if (year === null) reason = "boekjaar '" + text(columns.jaar) + "' is geen jaar" + (reason ? "; " + reason : "");
      if (reason) {
        var amounts = null;
        if (year && cents !== null) { amounts = {}; amounts[year] = cents; }
        unread.push(unreadRow(number, reason, amounts, code, name));
        read++;
        continue;
      }
      var key = code || w.normalise(field), group = groups[key];
      if (!group) {
        group = groups[key] = { rij: number, code: code, omschrijving: name, bedragen: {}, soort: null, type: null,
          sdgs: [], herkomst: "", beleidsveld: code || null,
          teksten: { actie: name, actieplan: text(subdomain), doelstelling: text(domain) }, groep: {} };
        order.push(key);
      }
      group.bedragen[year] = (group.bedragen[year] || 0) + cents;
      years[year] = true;
      read++;
    }
    var yearList = Object.keys(years).map(Number).sort(function (a, b) { return a - b; });
    var lines = order.map(function (k) {
      var line = groups[k], filled = {};
      yearList.forEach(function (y) { filled[y] = line.bedragen[y] || 0; });
      line.bedragen = filled;
      return line;
    });
    var used = { beleidsveld: columns.beleidsveld, jaar: columns.jaar, bedrag: columns.bedrag }, cols = {};
    Object.keys(used).forEach(function (k) { cols[k] = w.cellText(header[used[k]]); });
    return { formaat: "beleidsvelden", kopregel: rows[headerIndex][0], kolommen: cols, jaren: yearList,
      totaal_genegeerd: false, regels: lines, niet_gelezen: unread, lege_rijen: empty,
      opmerkingen: [lines.length + " beleidsvelden uit " + read + " rijen (één rij per beleidsveld en boekjaar)."]
        .concat(governmentNote(Object.keys(governments))),
      kopcellen: header.map(w.cellText) };
  }

  ns.formaten = { readSpecial: readSpecial, headerYear: headerYear, policyFieldCode: policyFieldCode,
    policyFieldName: policyFieldName };
})(typeof globalThis.PbBegroting === "object" ? globalThis.PbBegroting : (globalThis.PbBegroting = {}));
