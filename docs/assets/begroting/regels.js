/* SDG-begrotingsscan: accepted suggestions and the export in the template's shape.
 * Twin of tools/praktijkenbank/budget/lines.py (same export byte for byte).
 * Plain script: adds PbBegroting.regels (browser and node). */
(function (ns) {
  "use strict";
  var w = ns.waarden;

  /* A copy of `parsed` where uncoded lines with accepted SDGs ({row: [sdg]}) are coded, origin 'aanvaard'. */
  function applyAccepted(parsed, accepted) {
    var out = Object.assign({}, parsed);
    out.regels = parsed.regels.map(function (line) {
      var chosen = accepted[line.rij];
      if (!chosen || !chosen.length || line.sdgs.length) return line;
      var goals = chosen.map(Number).filter(function (n, i, a) { return a.indexOf(n) === i; }).sort(function (a, b) { return a - b; });
      return Object.assign({}, line, { sdgs: goals.map(function (n) { return [n, 1]; }), herkomst: "aanvaard" });
    });
    return out;
  }

  function codesText(sdgs) {
    var weights = sdgs.map(function (s) { return s[1]; });
    var equal = weights.every(function (x) { return x === weights[0]; });
    var total = weights.reduce(function (a, b) { return a + b; }, 0);
    return sdgs.map(function (s) { return !equal && total === 100 ? s[0] + " (" + s[1] + "%)" : String(s[0]); }).join("; ");
  }

  function capital(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

  function templateCsv(spec, parsed) {
    var lines = parsed.regels, names = {};
    spec.soorten.concat(spec.types).forEach(function (x) { names[x.id] = x.naam; });
    var kinds = ["soort", "type"].filter(function (f) { return lines.length && lines.every(function (l) { return l[f]; }); });
    var header = ["Code", "Omschrijving"].concat(kinds.map(capital), ["SDG"]);
    var withField = lines.some(function (l) { return l.beleidsveld; });
    if (withField) header.push("Beleidsveld");
    var years = parsed.jaren;
    header = header.concat(years.length ? years.map(String) : ["Bedrag"]);
    var rows = [header];
    lines.forEach(function (line) {
      var row = [line.code, line.omschrijving].concat(kinds.map(function (f) { return names[line[f]]; }), [codesText(line.sdgs)]);
      if (withField) row.push(line.beleidsveld || "");
      row = row.concat(years.length ? years.map(function (y) { return w.euroText(line.bedragen[y] || 0); })
        : [w.euroText(line.bedragen[0] || 0)]);
      rows.push(row);
    });
    return rows.map(function (r) { return r.map(ns.samenvatten.csvField).join(";") + "\r\n"; }).join("");
  }

  /* A short hash of the file (FNV-1a, 32 bit) to keep the choices per file in localStorage. */
  function fileHash(bytes) {
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h.toString(16) + "-" + bytes.length;
  }

  ns.regels = { applyAccepted: applyAccepted, templateCsv: templateCsv, fileHash: fileHash };
})(typeof globalThis.PbBegroting === "object" ? globalThis.PbBegroting : (globalThis.PbBegroting = {}));
