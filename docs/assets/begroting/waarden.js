/* SDG-begrotingsscan: cell values (amounts in euro cents, SDG codes, header names).
 * Twin of tools/praktijkenbank/budget/values.py: same rules, same Dutch reasons, tested on the
 * same fixtures (tests/fixtures/begroting/). Change both together.
 * Plain script: adds PbBegroting.waarden (browser and node). */
(function (ns) {
  "use strict";

  var MAX_CELL_CENTS = 1e12; // 10 billion euro per cell: every product in splitCents stays below 2^53
  var SPACES = "[ \\t\\n\\r\\f\\v\\u00a0\\u2007\\u2009\\u202f\\ufeff]";
  var SPACE_RE = new RegExp(SPACES + "+", "g");
  var CURRENCY_RE = /€|eur(?:o)?/gi;
  var DASHES = ["-", "\u2013", "\u2014", "\u2212"];
  var PATTERNS = [ // [pattern, thousands separator, decimal separator]; first match wins
    [/^\d+$/, "", ""],
    [/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/, ".", ","],
    [/^\d*,\d+$/, "", ","],
    [/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/, ",", "."],
    [/^\d*\.\d+$/, "", "."]
  ];
  var AMBIGUOUS_RE = /^[1-9]\d{0,2},\d{3}$/; // 12,345: 12345 (English) or 12.345 (Dutch)?
  var DECIMAL_RE = /^(-?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

  function CellError(message) { this.message = message; }

  function tooLarge() { return new CellError("bedrag te groot (meer dan 10 miljard euro)"); }

  function repeat(ch, n) { return n > 0 ? ch.repeat(n) : ""; }

  function digitsToCents(negative, whole, fraction, exponent) {
    var digits = whole + fraction;
    var point = whole.length + (exponent || 0);
    if (point < 0) { digits = repeat("0", -point) + digits; point = 0; }
    if (point + 3 > digits.length) digits += repeat("0", point + 3 - digits.length);
    var kept = digits.slice(0, point + 2).replace(/^0+/, "");
    if (kept.length > 15) throw tooLarge();
    var cents = Number(kept || "0") + (digits.charAt(point + 2) >= "5" ? 1 : 0);
    if (cents > MAX_CELL_CENTS) throw tooLarge();
    return negative && cents ? -cents : cents;
  }

  function numberToCents(value) {
    if (!isFinite(value)) throw new CellError("bedrag is geen getal");
    var m = DECIMAL_RE.exec(String(value));
    return digitsToCents(m[1] === "-", m[2], m[3] || "", Number(m[4] || 0));
  }

  function isDash(ch) { return DASHES.indexOf(ch) >= 0; }

  var PLAIN_AMOUNT_RE = /^[\d.,]+$/; // nothing to strip: skip the replacements (same result, faster)

  function textToCents(raw) {
    var text = PLAIN_AMOUNT_RE.test(raw) ? raw : raw.replace(CURRENCY_RE, "").replace(SPACE_RE, "");
    if (!text) return null;
    if (isDash(text)) return 0;
    var negative = false;
    if (text.charAt(0) === "(" && text.charAt(text.length - 1) === ")") { negative = true; text = text.slice(1, -1); }
    if (text && (isDash(text.charAt(0)) || text.charAt(0) === "+")) {
      negative = negative || text.charAt(0) !== "+";
      text = text.slice(1);
    } else if (text && isDash(text.charAt(text.length - 1))) {
      negative = true;
      text = text.slice(0, -1);
    }
    if (AMBIGUOUS_RE.test(text)) {
      var parts = text.split(",");
      throw new CellError("'" + raw.trim() + "' is dubbelzinnig: drie cijfers na de komma kan een duizendtal zijn of een bedrag " +
        "met drie decimalen. Schrijf " + parts[0] + "." + parts[1] + " of " + parts[0] + "," + parts[1].slice(0, 2));
    }
    for (var i = 0; i < PATTERNS.length; i++) {
      var p = PATTERNS[i];
      if (p[0].test(text)) {
        if (p[1]) text = text.split(p[1]).join("");
        var at = p[2] ? text.indexOf(p[2]) : -1;
        return digitsToCents(negative, at < 0 ? text : text.slice(0, at), at < 0 ? "" : text.slice(at + 1), 0);
      }
    }
    throw new CellError("'" + raw.trim() + "' is geen bedrag: schrijf bv. 1.234,56 of 1234.56");
  }

  function cellToCents(value) {
    if (value === null || value === undefined) return null;
    if (typeof value === "boolean") throw new CellError("'" + cellText(value) + "' is geen bedrag");
    if (typeof value === "number") return numberToCents(value);
    return textToCents(String(value));
  }

  var SIMPLE_TEXT_RE = /^[\x21-\x7e]*(?: [\x21-\x7e]+)*$/; // printable ASCII, single spaces, no edges

  function cellText(value) {
    if (value === null || value === undefined) return "";
    if (typeof value === "boolean") return value ? "WAAR" : "ONWAAR";
    if (typeof value === "number") return String(value);
    value = String(value);
    return SIMPLE_TEXT_RE.test(value) ? value : value.replace(SPACE_RE, " ").trim();
  }

  var ASCII_RE = /^[\x00-\x7f]*$/;
  var WORD_RE = /[a-z0-9]+/;

  /* normalise(text).split(" ")[0], without normalising the whole text when it is plain ASCII. */
  function firstWord(text) {
    if (!ASCII_RE.test(text)) return normalise(text).split(" ")[0];
    var m = WORD_RE.exec(text.toLowerCase());
    return m ? m[0] : "";
  }

  function normalise(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, " ").trim();
  }

  // ------------------------------------------------------------------ SDG codes --
  var SDG_WORD_RE = /SDG(?:'?S)?\.?/g;
  var SEPARATOR_RE = /[;,/|&+\n]|\bEN\b/;
  var TOKEN_RE = /^0*(\d{1,2})(?:\.(?:\d{1,2}|[A-Z]))?(?:\s*(?:\(\s*(\d{1,3})\s*%?\s*\)|[:=]\s*(\d{1,3})\s*%?))?$/;
  var PLAIN_RE = /^0*(\d{1,2})(?:\.(?:\d{1,2}|[A-Z]))?$/;
  var NOT_CODED = ["", "-", "GEEN", "NVT", "N.V.T.", "0"];

  function parseCodes(raw) {
    var text = raw.replace(SPACE_RE, " ").trim().toUpperCase();
    if (NOT_CODED.indexOf(text) >= 0) return [];
    var tokens = text.replace(SDG_WORD_RE, " ").split(SEPARATOR_RE);
    var codes = [];
    tokens.forEach(function (token) {
      token = token.trim();
      if (!token) return;
      var m = TOKEN_RE.exec(token);
      if (m) {
        var share = m[2] || m[3];
        codes.push([Number(m[1]), share ? Number(share) : null]);
        return;
      }
      var parts = token.split(/\s+/);
      if (parts.length > 1 && parts.every(function (p) { return PLAIN_RE.test(p); })) {
        parts.forEach(function (p) { codes.push([Number(PLAIN_RE.exec(p)[1]), null]); });
        return;
      }
      throw new CellError("'" + token + "' is geen SDG-code: schrijf bv. 3, SDG 3, 3.4 of 3; 11");
    });
    if (!codes.length) return [];
    codes.forEach(function (c) {
      if (c[0] < 1 || c[0] > 17) throw new CellError("SDG " + c[0] + " bestaat niet: kies een nummer van 1 tot 17");
    });
    var withShare = codes.filter(function (c) { return c[1] !== null; }).length;
    if (withShare && withShare !== codes.length) {
      throw new CellError("geef een aandeel voor elke SDG of voor geen enkele (dan telt elke SDG even zwaar)");
    }
    var weights = {};
    codes.forEach(function (c) {
      if (c[1] !== null && c[1] <= 0) {
        throw new CellError("aandeel " + c[1] + "% voor SDG " + c[0] + ": een aandeel moet groter dan 0% zijn");
      }
      weights[c[0]] = c[1] !== null ? (weights[c[0]] || 0) + c[1] : 1;
    });
    var goals = Object.keys(weights).map(Number).sort(function (a, b) { return a - b; });
    if (withShare) {
      var total = goals.reduce(function (s, g) { return s + weights[g]; }, 0);
      if (total !== 100) throw new CellError("de aandelen tellen op tot " + total + "%, niet tot 100%");
    }
    return goals.map(function (g) { return [g, weights[g]]; });
  }

  function intDiv(a, b) { var r = a % b; return [(a - r) / b, r]; } // exact for integers below 2^53

  function splitCents(amount, weights) {
    var total = weights.reduce(function (s, w) { return s + w; }, 0);
    var size = Math.abs(amount);
    var parts = [], rems = [], sum = 0;
    weights.forEach(function (w) {
      var qr = intDiv(size * w, total);
      parts.push(qr[0]); rems.push(qr[1]); sum += qr[0];
    });
    var order = weights.map(function (_, i) { return i; });
    order.sort(function (a, b) { return rems[b] - rems[a] || a - b; });
    order.slice(0, size - sum).forEach(function (i) { parts[i] += 1; });
    return amount < 0 ? parts.map(function (p) { return p ? -p : 0; }) : parts;
  }

  function perMille(part, total) {
    if (total === 0) return null;
    var negative = (part < 0) !== (total < 0);
    var value = intDiv(2 * Math.abs(part) * 1000 + Math.abs(total), 2 * Math.abs(total))[0];
    return negative && value ? -value : value;
  }

  function pad2(n) { return n < 10 ? "0" + n : String(n); }

  function euroText(cents) {
    var a = Math.abs(cents);
    return (cents < 0 ? "-" : "") + Math.floor(a / 100) + "," + pad2(a % 100);
  }

  function perMilleText(value) {
    if (value === null) return "";
    var a = Math.abs(value);
    return (value < 0 ? "-" : "") + Math.floor(a / 10) + "," + (a % 10);
  }

  ns.waarden = {
    CellError: CellError, cellToCents: cellToCents, cellText: cellText, normalise: normalise, firstWord: firstWord,
    parseCodes: parseCodes, splitCents: splitCents, perMille: perMille, euroText: euroText,
    perMilleText: perMilleText, textToCents: textToCents, numberToCents: numberToCents
  };
})(typeof globalThis.PbBegroting === "object" ? globalThis.PbBegroting : (globalThis.PbBegroting = {}));
