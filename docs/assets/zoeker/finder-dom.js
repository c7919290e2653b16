/*
 * DOM helpers of the finder (zoeken/): element creation and the highlighted
 * title and excerpt of a result card. Words are matched on their stems, as
 * zoektaal.js computes them, so "aankopen" marks "aankoop".
 *
 * - el(tag, attrs, children): a new element; attrs "text" sets its text.
 * - safeColour(value): value if it is a #rrggbb-like colour, else null.
 * - highlighted(text, stems): text with every word whose stem is in stems in <mark>.
 * - excerpt(text, stems): the passage of about 30 words with the most
 *   different matched stems, marked; null when no word matches.
 */
(function () {
  "use strict";

  var taal = window.PraktijkenbankTaal; // zoektaal.js
  var EXCERPT_WORDS = 30;

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

  window.PraktijkenbankFinderDom = { el: el, safeColour: safeColour, highlighted: highlighted, excerpt: excerpt };
})();
