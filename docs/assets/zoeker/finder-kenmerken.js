/*
 * A query that names a filter value: "SDG 5", "SDG5", "sdg 05", "doel 5",
 * an SDG's name ("Gendergelijkheid") or "provincie Limburg".
 *
 * Searched as words, "SDG 5" finds every fiche that mentions "SDG" and "5"
 * (the "5 P's" fiches first), "SDG14" finds nothing and "provincie Limburg"
 * only the fiches that write the word "provincie". finder.js asks
 * recognise() first: the fiches tagged with the named value come first, the
 * other word matches after them, and the status offers that filter.
 *
 * recognise(text, facets) -> {key, id, naam, rest} or null, where facets is a
 * list of {key, values: [{id, naam}]} (the finder's facets), key/id the value
 * to rank first, naam how to call it ("SDG 5 Gendergelijkheid") and rest the
 * query without the words that named it. Runs in the browser and in node
 * (tests/test_finder_kenmerken.py).
 */
(function () {
  "use strict";

  // "sdg 5", "SDG5", "sdg-05", "doel 5", "SDG-doel 5", "werelddoel 5": the number 1-17.
  var SDG_NUMBER = /(^|[^\p{L}\p{N}])(?:sdg(?:[\s-]*doel)?|werelddoel|doel)[\s-]*0*(\d{1,2})(?![\p{N}])/iu;
  var PROVINCE = "(?:provincie|prov\\.?)\\s+";

  // Lower case, accents kept, every run of other characters one space: "Oost-Vlaanderen" -> "oost vlaanderen".
  function plain(text) {
    return " " + String(text).normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim() + " ";
  }

  function facet(facets, key) {
    for (var i = 0; i < facets.length; i++) if (facets[i].key === key) return facets[i];
    return null;
  }

  function valueById(f, id) {
    for (var i = 0; i < f.values.length; i++) if (f.values[i].id === id) return f.values[i];
    return null;
  }

  function tidy(text) {
    return text.replace(/\s+/g, " ").trim();
  }

  function sdg(text, f) {
    var match = SDG_NUMBER.exec(text);
    if (match) {
      var value = valueById(f, String(Number(match[2])));
      if (value) {
        var start = match.index + match[1].length;
        return { key: f.key, id: value.id, naam: "SDG " + value.id + " " + value.naam,
          rest: tidy(text.slice(0, start) + " " + text.slice(match.index + match[0].length)) };
      }
    }
    var query = plain(text);
    for (var i = 0; i < f.values.length; i++) {
      var name = plain(f.values[i].naam);
      if (name.trim() && query.indexOf(name) >= 0) {
        return { key: f.key, id: f.values[i].id, naam: "SDG " + f.values[i].id + " " + f.values[i].naam,
          rest: tidy(query.replace(name, " ")) };
      }
    }
    return null;
  }

  function province(text, f) {
    var query = plain(text);
    for (var i = 0; i < f.values.length; i++) {
      var pattern = new RegExp(" " + PROVINCE + plain(f.values[i].naam).trim().replace(/ /g, "\\s+") + " ");
      var match = pattern.exec(query);
      if (match) {
        return { key: f.key, id: f.values[i].id, naam: "provincie " + f.values[i].naam,
          rest: tidy(query.slice(0, match.index) + " " + query.slice(match.index + match[0].length)) };
      }
    }
    return null;
  }

  function recognise(text, facets) {
    var sdgs = facet(facets, "sdg"), provinces = facet(facets, "provincie");
    return (sdgs && sdg(String(text), sdgs)) || (provinces && province(String(text), provinces)) || null;
  }

  var api = { recognise: recognise };
  if (typeof window !== "undefined") window.PraktijkenbankKenmerken = api;
  if (typeof module === "object" && module && module.exports) module.exports = api;
})();
