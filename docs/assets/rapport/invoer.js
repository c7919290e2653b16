/*
 * SDG-rapportbouwer: read the values CSV (indicator;jaar;waarde), the export of the SDG budget
 * scan and exports of the SDG project scan. Twin of rapport/invoer.py; messages from rapport.yaml
 * (cfg.meldingen). Every reader returns data plus Dutch messages, one per bad row; nothing throws.
 */
(function (global) {
  "use strict";
  var ns = (global.PbRapport = global.PbRapport || {});
  function g() { return ns.getallen || require("./getallen.js"); }

  function message(cfg, key, values) {
    var text = cfg.meldingen[key];
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(String(values[name])); });
    return text;
  }

  function splitRows(text) {
    text = text.replace(/^\ufeff/, "");
    var first = text.split("\n")[0];
    var sep = first.indexOf(";") >= 0 ? ";" : (first.indexOf("\t") >= 0 ? "\t" : ",");
    var rows = [], row = [], cell = "", quoted = false;
    for (var i = 0; i < text.length; i++) {
      var ch = text.charAt(i);
      if (quoted) {
        if (ch === '"' && text.charAt(i + 1) === '"') { cell += '"'; i++; }
        else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === sep) { row.push(cell); cell = ""; }
      else if (ch === "\r" || ch === "\n") {
        if (ch === "\r" && text.charAt(i + 1) === "\n") i++;
        row.push(cell); rows.push(row); row = []; cell = "";
      } else cell += ch;
    }
    if (cell || row.length) { row.push(cell); rows.push(row); }
    return rows.map(function (r) { return r.map(function (c) { return c.trim(); }); })
      .filter(function (r) { return r.some(function (c) { return c; }); });
  }

  function lower(s) { return s.toLowerCase(); }

  function findIndicator(text, catalogue) {
    var wanted = lower(text.trim());
    for (var i = 0; i < catalogue.length; i++) {
      if (lower(catalogue[i].slug) === wanted || lower(catalogue[i].titel) === wanted) return catalogue[i].slug;
    }
    return null;
  }

  function readValues(text, catalogue, lastYear, cfg) {
    var spec = cfg.waarden, out = { waarden: {}, doelen: {}, fouten: [] };
    var rows = splitRows(text);
    if (!rows.length) { out.fouten.push(message(cfg, "leeg")); return out; }
    if (rows[0].slice(0, 3).map(lower).join(";") !== spec.kolommen.join(";")) {
      out.fouten.push(message(cfg, "kop", { waarde: rows[0].join(";") }));
      return out;
    }
    var seen = {}, example = catalogue.length ? catalogue[0].slug : "sdg01-...";
    for (var r = 1; r < rows.length; r++) {
      var cells = rows[r], number = r + 1;
      if (cells.length < 3) { out.fouten.push(message(cfg, "kolommen", { rij: number })); continue; }
      var name = cells[0], yearText = cells[1], valueText = cells[2];
      if (!valueText) continue; // a row of the template that was not filled in
      var slug = findIndicator(name, catalogue);
      if (slug === null) { out.fouten.push(message(cfg, "indicator", { rij: number, waarde: name, voorbeeld: example })); continue; }
      var isGoal = lower(yearText) === spec.doelwoord;
      if (!isGoal) {
        if (!/^\d{4}$/.test(yearText)) { out.fouten.push(message(cfg, "jaar", { rij: number, waarde: yearText })); continue; }
        var year = parseInt(yearText, 10);
        if (year < spec.eerste_jaar || year > lastYear) {
          out.fouten.push(message(cfg, "jaar_bereik", { rij: number, waarde: yearText, van: spec.eerste_jaar, tot: lastYear }));
          continue;
        }
      }
      if (g().parseNumber(valueText) === null) { out.fouten.push(message(cfg, "getal", { rij: number, waarde: valueText })); continue; }
      var key = slug + "\u0000" + lower(yearText);
      if (seen[key]) {
        out.fouten.push(message(cfg, "dubbel", { rij: number, indicator: slug, jaar: yearText, eerste: seen[key] }));
        continue;
      }
      seen[key] = number;
      if (isGoal) out.doelen[slug] = valueText;
      else (out.waarden[slug] = out.waarden[slug] || {})[yearText] = valueText;
    }
    return out;
  }

  var BUDGET_HEADER = "groep;code;naam;bedrag_euro;aandeel_procent";

  function cents(text) { var p = g().parseNumber(text); return p === null ? null : g().divide(p[0], 100); }
  function perMille(text) { var p = g().parseNumber(text); return p === null ? null : g().divide(p[0], 1000); }

  function readBudget(text, cfg) {
    var rows = splitRows(text);
    if (!rows.length || rows[0].slice(0, 5).map(lower).join(";") !== BUDGET_HEADER) {
      return { begroting: null, fouten: [message(cfg, "begroting_kop")] };
    }
    var out = { selectie: {}, sdgs: {}, ps: {}, totalen: {} }, errors = [];
    for (var r = 1; r < rows.length; r++) {
      var c = rows[r].concat(["", "", "", "", ""]).slice(0, 5), number = r + 1;
      var group = c[0], code = c[1];
      if (group === "selectie") { out.selectie[code] = c[2]; continue; }
      if (group !== "SDG" && group !== "5P" && group !== "totaal") continue;
      var amount = cents(c[3]), mille = c[4] ? perMille(c[4]) : null;
      if (amount === null || (c[4] && mille === null)) {
        errors.push(message(cfg, "begroting_rij", { rij: number, waarde: amount === null ? c[3] : c[4] }));
        continue;
      }
      var entry = { bedrag: amount, promille: mille };
      if (group === "SDG" && /^\d+$/.test(code) && +code >= 1 && +code <= 17) out.sdgs[String(+code)] = entry;
      else if (group === "5P") out.ps[code] = entry;
      else if (group === "totaal") out.totalen[code] = entry;
    }
    if (!Object.keys(out.sdgs).length) {
      errors.push(message(cfg, "begroting_leeg"));
      return { begroting: null, fouten: errors };
    }
    return { begroting: out, fouten: errors };
  }

  function readProjects(text, cfg) {
    var rows = splitRows(text);
    if (!rows.length || rows[0].slice(0, 4).map(lower).join(";") !== "project;sdg;naam van de sdg;effect") {
      return { projecten: [], fouten: [message(cfg, "project_kop")] };
    }
    var order = [], projects = {}, errors = [];
    for (var r = 1; r < rows.length; r++) {
      var c = rows[r].concat(["", "", "", ""]).slice(0, 4);
      if (!/^\d+$/.test(c[1]) || +c[1] < 1 || +c[1] > 17) {
        errors.push(message(cfg, "project_rij", { rij: r + 1, waarde: c[1] }));
        continue;
      }
      var title = c[0] || "Project zonder titel";
      if (!projects[title]) { projects[title] = []; order.push(title); }
      var effect = lower(c[3]);
      if (effect === "positief" || effect === "negatief") projects[title].push({ nr: +c[1], effect: effect });
    }
    return { projecten: order.map(function (t) { return { titel: t, sdgs: projects[t] }; }), fouten: errors };
  }

  var api = { splitRows: splitRows, readValues: readValues, readBudget: readBudget, readProjects: readProjects, message: message };
  ns.invoer = api;
  if (typeof module === "object" && module && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
