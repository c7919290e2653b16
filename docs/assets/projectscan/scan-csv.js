/*
 * SDG-projectscan: the scan as a table, one row per SDG (17 rows under a header).
 * No DOM; needs scan-state.js.
 *
 * Made for spreadsheets as Flemish users have them: UTF-8 with a byte order
 * mark (so Excel reads 'é' right), ';' between cells (the list separator with
 * a decimal comma), CRLF line ends, and a cell in double quotes when it holds
 * ';', '"', a line break or starts or ends with a space (RFC 4180). A cell that
 * starts with = + - @ or a tab gets a leading apostrophe, so a spreadsheet
 * never runs it as a formula.
 */
(function (global) {
  "use strict";

  var ns = (global.PbScan = global.PbScan || {});
  var BOM = "\ufeff";
  var SEPARATOR = ";";
  var HEADER = ["Project", "SDG", "Naam van de SDG", "Effect", "Toelichting", "Voorgesteld door de scan"];

  function state() {
    return ns.state || require("./scan-state.js");
  }

  function cell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    if (/[;"\r\n]|^\s|\s$/.test(text)) text = '"' + text.replace(/"/g, '""') + '"';
    return text;
  }

  function row(values) {
    return values.map(cell).join(SEPARATOR);
  }

  // The CSV text (with BOM) of a state.
  function csv(s, cfg) {
    var api = state();
    var suggested = {};
    api.suggestions(s, cfg).forEach(function (entry) { suggested[entry.nr] = true; });
    var lines = [row(HEADER)];
    s.sdgs.forEach(function (item) {
      var info = api.sdg(cfg, item.nr);
      var effect = api.byCode(cfg.effecten, item.effect);
      lines.push(row([s.titel, item.nr, info ? info.naam : "", effect ? effect.naam : "",
                      item.toelichting, suggested[item.nr] ? "ja" : "nee"]));
    });
    return BOM + lines.join("\r\n") + "\r\n";
  }

  var api = { csv: csv, cell: cell, HEADER: HEADER, SEPARATOR: SEPARATOR, BOM: BOM };
  ns.csv = api;
  if (typeof module === "object" && module && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
