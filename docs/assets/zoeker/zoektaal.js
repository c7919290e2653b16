/*
 * Words of a text as the finder searches them: the browser twin of
 * tools/praktijkenbank/search_text.py (read its docstring for the rules).
 * tests/test_search_text.py checks that both give the same stems for every
 * word of the bank.
 *
 * - words(text): NFC, lower case, runs of letters and digits; tokens of one
 *   character (except a single digit 0-9), tokens longer than 40 characters
 *   and stop words are dropped.
 * - stem(word): the classic Snowball Dutch stemmer ("dutch_porter" in
 *   snowballstemmer 3), for one lower-case word.
 * - terms(text): the stems of words(text).
 * - tokens(text): every token of the text with its offsets, for highlighting.
 * - setStopWords(list): the stop words, read from the search index (the build
 *   writes them from Python's STOP_WORDS). None are dropped before this call.
 *
 * Lengths and positions count code points, as Python does, not UTF-16 units.
 */
(function () {
  "use strict";

  var TOKEN = /[\p{L}\p{N}]+/gu; // Python: [^\W_]+
  var MAX_TOKEN = 40;
  var stopWords = new Set();

  function setStopWords(list) {
    stopWords = new Set(list);
  }

  // A searchable token (already normalised and lower-cased)?
  function keep(token) {
    var length = Array.from(token).length;
    return (length > 1 || /^[0-9]$/.test(token)) && length <= MAX_TOKEN && !stopWords.has(token);
  }

  function words(text) {
    return (String(text).normalize("NFC").toLowerCase().match(TOKEN) || []).filter(keep);
  }

  // ------------------------------------------------------------- stemmer --
  //
  // The word is an array of code points. Step 0 marks the letters i and y
  // that act as consonants as "I" and "Y" (which count as non-vowels below),
  // steps 1-5 only ever cut or replace the end of the word, and the marks
  // are lower-cased again at the very end.

  var UNACCENT = {
    "ä": "a", "á": "a", "ë": "e", "é": "e", "ï": "i", "í": "i",
    "ö": "o", "ó": "o", "ü": "u", "ú": "u"
  };

  // Vowels are "aeiouyè"; undefined (outside the word) is neither a vowel nor
  // a consonant.
  function isVowel(ch) {
    return ch !== undefined && "aeiouyè".indexOf(ch) >= 0;
  }

  function isConsonant(ch) {
    return ch !== undefined && !isVowel(ch);
  }

  // Index just after the first "vowel, then non-vowel" found from `from`, or
  // -1 when there is none.
  function afterVowelConsonant(s, from) {
    var i = from;
    while (i < s.length && !isVowel(s[i])) i++;
    i++;
    while (i < s.length && isVowel(s[i])) i++;
    return i < s.length ? i + 1 : -1;
  }

  function stem(word) {
    var s = Array.from(word);
    var i;

    // Step 0: drop accents (but not è); y at the start, y after a vowel and
    // i between vowels are consonants. After a vowel, the i or y is skipped,
    // so it never counts as the vowel in front of the next letter.
    for (i = 0; i < s.length; i++) s[i] = UNACCENT[s[i]] || s[i];
    if (s[0] === "y") s[0] = "Y";
    i = 0;
    for (;;) {
      while (i < s.length && !isVowel(s[i])) i++;
      if (i >= s.length) break;
      i++;
      if (s[i] === "i") {
        i++;
        if (isVowel(s[i])) s[i - 1] = "I";
      } else if (s[i] === "y") {
        s[i] = "Y";
        i++;
      }
    }

    // Regions: R1 starts after the first non-vowel that follows a vowel, but
    // not before the 4th letter; R2 is the same rule applied again from R1
    // (from the real start of R1, before that minimum). Words shorter than 3
    // letters have empty regions.
    var p1 = s.length, p2 = s.length;
    if (s.length >= 3) {
      var after = afterVowelConsonant(s, 0);
      if (after >= 0) {
        p1 = Math.max(after, 3);
        after = afterVowelConsonant(s, after);
        if (after >= 0) p2 = after;
      }
    }

    function endsWith(suffix) {
      var start = s.length - suffix.length;
      if (start < 0) return false;
      for (var k = 0; k < suffix.length; k++) {
        if (s[start + k] !== suffix.charAt(k)) return false;
      }
      return true;
    }

    function cut(count) {
      s.length -= count;
    }

    // "kk", "dd" or "tt" at the end loses one letter.
    function undouble() {
      if (endsWith("kk") || endsWith("dd") || endsWith("tt")) cut(1);
    }

    // Suffix "en"/"ene" (`count` letters): in R1, after a non-vowel, not
    // after "gem"; then undouble.
    function enEnding(count) {
      var start = s.length - count;
      if (p1 > start || !isConsonant(s[start - 1])) return;
      if (s.slice(Math.max(start - 3, 0), start).join("") === "gem") return;
      cut(count);
      undouble();
    }

    // Final "e" in R1 after a non-vowel: remove it, then undouble.
    var eFound = false;
    function eEnding() {
      var last = s.length - 1;
      eFound = s[last] === "e" && p1 <= last && isConsonant(s[last - 1]);
      if (eFound) {
        cut(1);
        undouble();
      }
    }

    // Step 1: "heden" (R1) becomes "heid"; "en", "ene" see enEnding; "s",
    // "se" in R1 after a letter other than a vowel or j are removed.
    // Only the longest matching suffix is tried.
    var start;
    if (endsWith("heden")) {
      if (p1 <= s.length - 5) s.splice(s.length - 5, 5, "h", "e", "i", "d");
    } else if (endsWith("ene")) {
      enEnding(3);
    } else if (endsWith("en")) {
      enEnding(2);
    } else if (endsWith("se") || endsWith("s")) {
      start = s.length - (endsWith("s") ? 1 : 2);
      if (p1 <= start && isConsonant(s[start - 1]) && s[start - 1] !== "j") cut(s.length - start);
    }

    // Step 2: final e.
    eEnding();

    // Step 3: "heid" in R2, not after c, is removed; then an "en" before it
    // as in enEnding.
    if (endsWith("heid")) {
      start = s.length - 4;
      if (p2 <= start && s[start - 1] !== "c") {
        cut(4);
        if (endsWith("en")) enEnding(2);
      }
    }

    // Step 4: derivational suffixes in R2 (only the one that matches).
    if (endsWith("end") || endsWith("ing")) {
      if (p2 <= s.length - 3) {
        cut(3);
        // then "ig" in R2 not after e, or else undouble
        if (endsWith("ig") && p2 <= s.length - 2 && s[s.length - 3] !== "e") cut(2);
        else undouble();
      }
    } else if (endsWith("ig")) {
      if (p2 <= s.length - 2 && s[s.length - 3] !== "e") cut(2);
    } else if (endsWith("lijk")) {
      if (p2 <= s.length - 4) {
        cut(4);
        eEnding();
      }
    } else if (endsWith("baar")) {
      if (p2 <= s.length - 4) cut(4);
    } else if (endsWith("bar")) {
      if (p2 <= s.length - 3 && eFound) cut(3);
    }

    // Step 5: non-vowel + "aa"/"ee"/"oo"/"uu" + final letter that is neither a
    // vowel nor "I": the long vowel becomes short ("aankoop" -> "aankop").
    var n = s.length;
    var last = s[n - 1];
    if (n >= 4 && isConsonant(last) && last !== "I" && s[n - 2] === s[n - 3] &&
        "aeou".indexOf(s[n - 2]) >= 0 && isConsonant(s[n - 4])) {
      s.splice(n - 2, 1);
    }

    // Undo the marks of step 0.
    return s.join("").replace(/I/g, "i").replace(/Y/g, "y");
  }

  function terms(text) {
    return words(text).map(stem);
  }

  // Every token of `text` as {start, end, stem}: offsets (UTF-16, for
  // String.slice) into the original text; stem is null for a dropped token.
  // Each token is normalised and lower-cased on its own, so for text in NFC
  // the non-null stems are exactly terms(text). (In other text a combining
  // accent separates tokens here but not in terms.)
  function tokens(text) {
    var out = [];
    var re = new RegExp(TOKEN.source, "gu");
    var match, found;
    while ((match = re.exec(text)) !== null) {
      found = words(match[0]); // one word, or none if dropped
      out.push({
        start: match.index,
        end: match.index + match[0].length,
        stem: found.length === 1 ? stem(found[0]) : null
      });
    }
    return out;
  }

  var api = { stem: stem, words: words, terms: terms, tokens: tokens, setStopWords: setStopWords };
  if (typeof window !== "undefined") window.PraktijkenbankTaal = api;
  if (typeof module === "object" && module && module.exports) module.exports = api;
})();
