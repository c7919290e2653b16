/*
 * "Bedoel je ...?" for the finder (zoeken/): the closest indexed words to a
 * query word that is not in the index ("stedenbnd" -> "stedenband").
 *
 * The build writes the indexed words per first letter, most frequent first
 * (zoeken/spelling/<letter>.json, see tools/praktijkenbank/search_spelling.py);
 * finder.js downloads the list of a word's letter only when that word finds
 * nothing, and asks closest() for the best candidates.
 *
 * - fileKey(word): the list a word belongs to: its first letter a-z, else "_"
 *   (Python: search_spelling.letter).
 * - distance(a, b, max): edits between a and b (insert, delete, replace, swap
 *   two neighbouring letters), or max + 1 as soon as it is more than max.
 * - closest(word, candidates, limit): up to limit candidates at most 1 edit
 *   (words up to 4 letters) or 2 edits away, fewest edits first, then the
 *   most frequent (the order of the list).
 *
 * Plain ES2015 script; also loads in Node for its tests (module.exports).
 */
(function () {
  "use strict";

  function fileKey(word) {
    var first = String(word).charAt(0);
    return first >= "a" && first <= "z" ? first : "_";
  }

  function maxEdits(length) {
    return length <= 4 ? 1 : 2;
  }

  function distance(a, b, max) {
    var s = Array.from(a), t = Array.from(b);
    if (Math.abs(s.length - t.length) > max) return max + 1;
    var before = null;
    var previous = [];
    for (var j = 0; j <= t.length; j++) previous[j] = j;
    for (var i = 1; i <= s.length; i++) {
      var row = [i];
      var lowest = i;
      for (j = 1; j <= t.length; j++) {
        var value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) value = Math.min(value, before[j - 2] + 1);
        row[j] = value;
        if (value < lowest) lowest = value;
      }
      if (lowest > max) return max + 1;
      before = previous;
      previous = row;
    }
    return Math.min(previous[t.length], max + 1);
  }

  function closest(word, candidates, limit) {
    var max = maxEdits(Array.from(word).length);
    var found = [];
    candidates.forEach(function (candidate, rank) {
      if (candidate === word) return;
      var edits = distance(word, candidate, max);
      if (edits <= max) found.push({ word: candidate, edits: edits, rank: rank });
    });
    found.sort(function (x, y) { return (x.edits - y.edits) || (x.rank - y.rank); });
    return found.slice(0, limit).map(function (x) { return x.word; });
  }

  var api = { fileKey: fileKey, distance: distance, closest: closest };
  if (typeof window !== "undefined") window.PraktijkenbankSuggesties = api;
  if (typeof module === "object" && module && module.exports) module.exports = api;
})();
