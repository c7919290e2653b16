/* SDG-begrotingsscan: SDG suggestions for a budget line without SDG, with their reasons.
 * Twin of tools/praktijkenbank/budget/suggest.py (read its docstring): the same algorithm on the
 * same model (built from the data files by suggest_model.py, embedded in the page as JSON), the
 * same output in the same order, the same scores (tests/fixtures/begroting/suggesties.yaml).
 * Words are split and stemmed by PraktijkenbankTaal (docs/assets/zoeker/zoektaal.js).
 * Plain script: adds PbBegroting.suggesties (browser and node). */
(function (ns) {
  "use strict";
  var FIELDS = ["actie", "actieplan", "doelstelling"];
  var FIELD_PLACE = { actie: "in de actie", actieplan: "in het actieplan", doelstelling: "in de beleidsdoelstelling" };
  var MAX_SUGGESTIONS = 3;
  var MAX_WORDS_IN_REASON = 4;
  var MAX_CACHE = 200000;

  function taal() {
    var t = (typeof PraktijkenbankTaal !== "undefined") ? PraktijkenbankTaal : null; // eslint-disable-line no-undef
    if (!t && typeof require === "function") t = require("../zoeker/zoektaal.js");
    return t;
  }

  // Per model: the word functions and the caches (never serialised: a property the JSON lacks).
  function state(model) {
    var s = model.__state;
    if (!s || s.token.size + s.text.size > MAX_CACHE) {
      var t = taal();
      t.setStopWords(model.stopwoorden);
      s = { taal: t, token: new Map(), text: new Map() };
      Object.defineProperty(model, "__state", { value: s, enumerable: false, configurable: true, writable: true });
    }
    return s;
  }

  function roundScore(value) {
    return Math.floor(value * 1000 + 0.5) / 1000;
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function endsWith(chars, suffix) {
    var n = Array.from(suffix).length;
    return chars.length > n && chars.slice(chars.length - n).join("") === suffix;
  }

  function tokenTerms(model, token) {
    var st = state(model);
    if (st.token.has(token)) return st.token.get(token);
    var terms = model.termen;
    var s = st.taal.stem(token);
    var found = [];
    if (has(terms, s)) {
      found.push(s);
    } else {
      var chars = Array.from(token);
      var street = model.straatwoorden.some(function (w) { return endsWith(chars, w); });
      if (!street) {
        for (var end = chars.length - 1; end > 3; end--) {
          var prefix = chars.slice(0, end).join("");
          if (has(model.voorvoegsels, prefix)) {
            found.push(model.voorvoegsels[prefix]);
            break;
          }
        }
      }
      var sc = Array.from(s);
      for (var start = 1; start < sc.length - 3; start++) {
        var tail = sc.slice(start).join("");
        if (has(terms, tail) && found.indexOf(tail) < 0) {
          found.push(tail);
          break;
        }
      }
    }
    st.token.set(token, found);
    return found;
  }

  function analyse(model, text) {
    var st = state(model);
    if (st.text.has(text)) return st.text.get(text);
    var tokens = st.taal.words(text);
    var stems = tokens.map(st.taal.stem);
    var seen = new Set();
    var out = [];
    for (var i = 0; i < tokens.length; i++) {
      var keys = tokenTerms(model, tokens[i]);
      for (var k = 0; k < keys.length; k++) {
        if (!seen.has(keys[k])) {
          seen.add(keys[k]);
          out.push([keys[k], tokens[i]]);
        }
      }
      for (var n = 2; n <= 3; n++) {
        if (i + n <= tokens.length) {
          var key = stems.slice(i, i + n).join(" ");
          if (has(model.termen, key) && !seen.has(key)) {
            seen.add(key);
            out.push([key, tokens.slice(i, i + n).join(" ")]);
          }
        }
      }
    }
    st.text.set(text, out);
    return out;
  }

  function sdgOf(target) {
    return parseInt(target.split(".")[0], 10);
  }

  function best(perTarget) {
    var found = null, top = -1;
    if (!perTarget) return null;
    perTarget.forEach(function (value, target) {
      if (value > top) { found = target; top = value; }
    });
    return found;
  }

  function quote(found) {
    return found.slice(0, MAX_WORDS_IN_REASON).map(function (w) { return "\"" + w + "\""; }).join(", ");
  }

  function suggest(model, line) {
    var sdgScore = new Map();
    var targetScore = new Map();
    var fieldWords = new Map();
    var fieldTarget = new Map();
    var fieldOrder = [];

    function credit(sdg, target, amount) {
      sdgScore.set(sdg, (sdgScore.get(sdg) || 0) + amount);
      if (target !== null) {
        if (!targetScore.has(sdg)) targetScore.set(sdg, new Map());
        var per = targetScore.get(sdg);
        per.set(target, (per.get(target) || 0) + amount);
      }
    }

    var code = line.beleidsveld;
    var row = code && has(model.beleidsvelden, String(code)) ? model.beleidsvelden[String(code)] : null;
    if (row) {
      row.sdgs.forEach(function (sdg, i) {
        var weight = model.beleidsveld[Math.min(i, model.beleidsveld.length - 1)];
        var target = null;
        for (var t = 0; t < row.subdoelen.length; t++) {
          if (sdgOf(row.subdoelen[t]) === sdg) { target = row.subdoelen[t]; break; }
        }
        credit(sdg, target, weight);
      });
    }

    var texts = line.teksten || {};
    FIELDS.forEach(function (field) {
      var text = texts[field] || "";
      if (!text.trim()) return;
      var factor = model.velden[field];
      analyse(model, text).forEach(function (found) {
        var key = found[0], written = found[1];
        model.termen[key].forEach(function (pair) {
          var target = pair[0], sdg = sdgOf(target), amount = factor * pair[1];
          credit(sdg, target, amount);
          var slot = sdg + "|" + field;
          if (!fieldWords.has(slot)) {
            fieldWords.set(slot, []);
            fieldTarget.set(slot, new Map());
            fieldOrder.push([sdg, field, slot]);
          }
          var list = fieldWords.get(slot);
          if (list.indexOf(written) < 0) list.push(written);
          var per = fieldTarget.get(slot);
          per.set(target, (per.get(target) || 0) + amount);
        });
      });
    });

    var ranked = [];
    sdgScore.forEach(function (score, sdg) { if (score >= model.drempel) ranked.push(sdg); });
    ranked.sort(function (a, b) { return (sdgScore.get(b) - sdgScore.get(a)) || (a - b); });
    ranked = ranked.slice(0, MAX_SUGGESTIONS);

    return ranked.map(function (sdg) {
      var name = model.sdgs[String(sdg)];
      var reasons = [];
      if (row && row.sdgs.indexOf(sdg) >= 0) {
        reasons.push("beleidsveld " + code + " " + row.naam + " hoort bij SDG " + sdg + " (" + name + "): " + row.reden);
      }
      fieldOrder.forEach(function (slot) {
        if (slot[0] !== sdg) return;
        var found = fieldWords.get(slot[2]);
        var many = found.length > 1;
        reasons.push((many ? "de woorden " : "het woord ") + quote(found) + " " + FIELD_PLACE[slot[1]] +
          (many ? " wijzen" : " wijst") + " naar subdoel " + best(fieldTarget.get(slot[2])) +
          " van SDG " + sdg + " (" + name + ")");
      });
      var perTarget = targetScore.get(sdg);
      var top = best(perTarget);
      var share = top ? perTarget.get(top) : 0;
      return {
        sdg: sdg,
        subdoel: top && share >= model.subdoel_aandeel * sdgScore.get(sdg) ? top : null,
        score: roundScore(sdgScore.get(sdg)),
        redenen: reasons
      };
    });
  }

  ns.suggesties = { suggest: suggest, analyse: analyse, tokenTerms: tokenTerms, roundScore: roundScore };
})(typeof globalThis.PbBegroting === "object" ? globalThis.PbBegroting : (globalThis.PbBegroting = {}));
