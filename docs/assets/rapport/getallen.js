/*
 * SDG-rapportbouwer: numbers, exact and without floating point (twin of rapport/getallen.py).
 * A value is an integer in ten-thousandths ('12,5' -> 125000) plus the decimals it was written with.
 */
(function (global) {
  "use strict";
  var ns = (global.PbRapport = global.PbRapport || {});
  var SCALE = 10000, DECIMALS = 4;

  function parseNumber(text) {
    if (text === null || text === undefined || typeof text === "boolean") return null;
    text = String(text).trim().replace(/[ \u00a0]/g, "");
    if (text.indexOf(".") >= 0 && text.indexOf(",") >= 0) {
      text = text.lastIndexOf(",") > text.lastIndexOf(".") ? text.replace(/\./g, "") : text.replace(/,/g, "");
    }
    if (/^[+-]?[1-9]\d{0,2}(\.\d{3})+$/.test(text)) text = text.replace(/\./g, "");
    if (/e/i.test(text)) return null;
    var m = /^([+-]?)(\d*)(?:[.,](\d*))?$/.exec(text);
    if (!m || !(m[2] || m[3])) return null;
    var whole = m[2] || "0", frac = m[3] || "";
    var decimals = Math.min(frac.length, DECIMALS);
    var digits = parseInt(whole, 10) * SCALE + parseInt((frac + "0000").slice(0, DECIMALS), 10);
    if (frac.length > DECIMALS && frac.charAt(DECIMALS) >= "5") digits += 1;
    return [m[1] === "-" && digits ? -digits : digits, decimals];
  }

  function group(n) {
    var s = String(n), out = "";
    while (s.length > 3) { out = "." + s.slice(-3) + out; s = s.slice(0, -3); }
    return s + out;
  }

  function formatNumber(value, decimals) {
    decimals = Math.max(0, Math.min(decimals, DECIMALS));
    var unit = Math.pow(10, DECIMALS - decimals);
    var abs = Math.abs(value);
    var rounded = unit > 1 ? Math.floor((abs + Math.floor(unit / 2)) / unit) : abs;
    var base = Math.pow(10, decimals);
    var whole = Math.floor(rounded / base), frac = rounded % base;
    var sign = value < 0 && rounded ? "-" : "";
    var fracText = decimals ? "," + String(frac + base).slice(1) : "";
    return sign + group(whole) + fracText;
  }

  function perMilleText(value) {
    if (value === null || value === undefined) return "";
    var abs = Math.abs(value);
    return (value < 0 ? "-" : "") + Math.floor(abs / 10) + "," + (abs % 10) + " %";
  }

  function euroText(cents) {
    var euros = Math.floor((Math.abs(cents) + 50) / 100);
    return (cents < 0 && euros ? "-" : "") + "€ " + group(euros);
  }

  function divide(value, by) {
    var result = Math.floor((Math.abs(value) + Math.floor(by / 2)) / by);
    return value < 0 ? -result : result;
  }

  var api = { parseNumber: parseNumber, formatNumber: formatNumber, perMilleText: perMilleText,
              euroText: euroText, divide: divide, SCALE: SCALE };
  ns.getallen = api;
  if (typeof module === "object" && module && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
