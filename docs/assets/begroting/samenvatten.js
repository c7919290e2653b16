/* SDG-begrotingsscan: budget lines -> totals per SDG and per P, and the CSV export.
 * Twin of tools/praktijkenbank/budget/summarise.py: same selection, same largest-remainder split,
 * same output (compared as JSON in the tests) and the same CSV byte for byte.
 * Plain script: adds PbBegroting.samenvatten (browser and node). */
(function (ns) {
  "use strict";
  var w = ns.waarden;
  var TOP = 5;
  var MAX_TOTAL_CENTS = 4e12;

  function selection(parsed, years, soort, type) {
    var available = parsed.jaren;
    if (years && years.length) {
      years = years.map(Number).filter(function (y, i, a) { return a.indexOf(y) === i; }).sort(function (a, b) { return a - b; });
      var unknown = years.filter(function (y) { return available.indexOf(y) < 0; });
      if (unknown.length) {
        throw new ns.lezen.FileError("jaar " + unknown.join(", ") + " staat niet in het bestand (jaren: " +
          (available.join(", ") || "geen: het bestand heeft één totaalkolom") + ").");
      }
    } else {
      years = available.slice();
    }
    return {
      jaren: years,
      soort: soort && soort !== "alle" && ("soort" in parsed.kolommen) ? soort : null,
      type: type && type !== "alle" && ("type" in parsed.kolommen) ? type : null
    };
  }

  function amountOf(amounts, years) {
    if (!years.length) return amounts[0] || 0;
    var sum = 0;
    for (var i = 0; i < years.length; i++) sum += amounts[years[i]] || 0;
    return sum;
  }

  function summarise(parsed, names, years, soort, type) {
    if (soort === undefined) soort = "uitgaven";
    var chosen = selection(parsed, years, soort, type);
    years = chosen.jaren;
    var numbers = names.sdgs.map(function (s) { return s.nummer; });
    var perSdg = {}, linesPerSdg = {}, parts = {};
    numbers.forEach(function (n) { perSdg[n] = 0; linesPerSdg[n] = 0; parts[n] = []; });
    var total = 0, coded = 0, count = 0, codedCount = 0, accepted = 0, acceptedCount = 0;
    parsed.regels.forEach(function (line) {
      if (chosen.soort && line.soort !== chosen.soort) return;
      if (chosen.type && line.type !== chosen.type) return;
      var amount = amountOf(line.bedragen, years);
      count++;
      total += amount;
      if (!line.sdgs.length) return;
      coded += amount;
      codedCount++;
      if (line.herkomst === "aanvaard") { accepted += amount; acceptedCount++; }
      var split = w.splitCents(amount, line.sdgs.map(function (s) { return s[1]; }));
      line.sdgs.forEach(function (s, i) {
        perSdg[s[0]] += split[i];
        linesPerSdg[s[0]] += 1;
        parts[s[0]].push([split[i], line.rij, line]);
      });
    });
    if (Math.abs(total) > MAX_TOTAL_CENTS || Math.abs(coded) > MAX_TOTAL_CENTS) {
      throw new ns.lezen.FileError("het totaal is groter dan 40 miljard euro: dat kan de scan niet exact optellen.");
    }
    var unread = [], unreadTotal = 0;
    parsed.niet_gelezen.forEach(function (row) {
      var amount = row.bedragen !== null ? amountOf(row.bedragen, years) : null;
      unreadTotal += amount || 0;
      unread.push({ rij: row.rij, code: row.code, omschrijving: row.omschrijving, reden: row.reden, bedrag: amount });
    });
    var top = numbers.map(function (n) {
      var best = parts[n].sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; }).slice(0, TOP);
      return { nummer: n, regels: best.map(function (p) {
        return { rij: p[1], code: p[2].code, omschrijving: p[2].omschrijving, bedrag: p[0], herkomst: p[2].herkomst || "" };
      }) };
    });
    var psum = function (p) { return p.sdgs.reduce(function (s, n) { return s + perSdg[n]; }, 0); };
    return {
      selectie: chosen,
      regels: count,
      regels_gecodeerd: codedCount,
      regels_aanvaard: acceptedCount,
      aanvaard: accepted,
      totaal: total,
      gecodeerd: coded,
      niet_gecodeerd: total - coded,
      sdgs: numbers.map(function (n) {
        return { nummer: n, bedrag: perSdg[n], regels: linesPerSdg[n], promille: w.perMille(perSdg[n], total) };
      }),
      ps: names.ps.map(function (p) { return { id: p.id, bedrag: psum(p), promille: w.perMille(psum(p), total) }; }),
      top: top,
      niet_gelezen: unread,
      niet_gelezen_bedrag: unreadTotal
    };
  }

  /* 'A12 Fietspad: reden' for an unread line (see summarise.unread_name). */
  function unreadName(row) {
    var name = [row.code, row.omschrijving].filter(Boolean).join(" ") || "(zonder code of omschrijving)";
    return name + ": " + row.reden;
  }

  function csvField(value) {
    var text = String(value);
    return /[;"\n\r]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
  }

  function toCsv(summary, names) {
    var chosen = summary.selectie, total = summary.totaal;
    var rows = [["groep", "code", "naam", "bedrag_euro", "aandeel_procent"],
      ["selectie", "jaren", chosen.jaren.join(" ") || "totaalkolom", "", ""],
      ["selectie", "soort", chosen.soort || "alle", "", ""],
      ["selectie", "type", chosen.type || "alle", "", ""]];
    var sdgNames = {}, pNames = {};
    names.sdgs.forEach(function (s) { sdgNames[s.nummer] = s.naam; });
    names.ps.forEach(function (p) { pNames[p.id] = p.naam; });
    summary.sdgs.forEach(function (r) {
      rows.push(["SDG", r.nummer, sdgNames[r.nummer], w.euroText(r.bedrag), w.perMilleText(r.promille)]);
    });
    summary.ps.forEach(function (r) {
      rows.push(["5P", r.id, pNames[r.id], w.euroText(r.bedrag), w.perMilleText(r.promille)]);
    });
    [["gecodeerd", "Met SDG-code", summary.gecodeerd], ["niet_gecodeerd", "Zonder SDG-code", summary.niet_gecodeerd],
      ["totaal", "Totaal gelezen", total]].forEach(function (t) {
      rows.push(["totaal", t[0], t[1], w.euroText(t[2]), w.perMilleText(w.perMille(t[2], total))]);
    });
    rows.push(["niet_gelezen", summary.niet_gelezen.length, "Niet gelezen regels (leesbare bedragen)",
      w.euroText(summary.niet_gelezen_bedrag), ""]);
    summary.niet_gelezen.forEach(function (r) {
      rows.push(["niet_gelezen_regel", "rij " + r.rij, unreadName(r), r.bedrag === null ? "" : w.euroText(r.bedrag), ""]);
    });
    return rows.map(function (row) { return row.map(csvField).join(";") + "\r\n"; }).join("");
  }

  ns.samenvatten = { summarise: summarise, toCsv: toCsv, selection: selection, unreadName: unreadName, csvField: csvField };
})(typeof globalThis.PbBegroting === "object" ? globalThis.PbBegroting : (globalThis.PbBegroting = {}));
