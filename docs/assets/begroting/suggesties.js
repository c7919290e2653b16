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

  var DIGITS = /^[0-9]+$/;
  var ASTRAL = /[\uD800-\uDFFF]/;
  var BELEIDSVELD = /^\s*([0-9]{1,4})(?![0-9])/;

  // Per model: the word functions, the caches and the first words of word groups (a property the
  // JSON lacks, so never serialised).
  function state(model) {
    var s = model.__state;
    if (!s || s.token.size + s.text.size + s.prior.size > MAX_CACHE) {
      var t = taal();
      t.setStopWords(model.stopwoorden);
      var starts = new Set();
      Object.keys(model.termen).forEach(function (key) {
        if (key.indexOf(" ") >= 0) starts.add(key.split(" ")[0]);
      });
      s = { taal: t, token: new Map(), text: new Map(), starts: starts, sdg: new Map(), prior: new Map() };
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

  // [stem, keys] of one lower-case word (see token_terms in suggest.py).
  function tokenTerms(model, token) {
    var st = state(model);
    var cached = st.token.get(token);
    if (cached) return cached;
    var terms = model.termen;
    var digits = DIGITS.test(token);
    var s = digits ? token : st.taal.stem(token);
    var keys = [];
    if (has(terms, s)) {
      keys.push(s);
    } else if (!digits) {
      // Code points, as Python counts them; plain strings when there is no surrogate pair (fast path).
      var chars = ASTRAL.test(token) ? Array.from(token) : token;
      var sc = ASTRAL.test(s) ? Array.from(s) : s;
      var part = function (seq, from, to) { return typeof seq === "string" ? seq.slice(from, to) : seq.slice(from, to).join(""); };
      var street = model.straatwoorden.some(function (w) {
        return chars.length > w.length && part(chars, chars.length - w.length) === w;
      });
      if (!street) {
        for (var end = chars.length - 1; end > 3; end--) {
          var prefix = part(chars, 0, end);
          if (has(model.voorvoegsels, prefix)) {
            keys.push(model.voorvoegsels[prefix]);
            break;
          }
        }
      }
      for (var start = 1; start < sc.length - 3; start++) {
        var tail = part(sc, start);
        if (has(terms, tail) && keys.indexOf(tail) < 0) {
          keys.push(tail);
          break;
        }
      }
    }
    cached = [s, keys];
    st.token.set(token, cached);
    return cached;
  }

  function analyse(model, text) {
    var st = state(model);
    var tokens = st.taal.words(text);
    var found = tokens.map(function (t) { return tokenTerms(model, t); });
    var seen = new Set();
    var out = [];
    for (var i = 0; i < tokens.length; i++) {
      var keys = found[i][1];
      for (var k = 0; k < keys.length; k++) {
        if (!seen.has(keys[k])) {
          seen.add(keys[k]);
          out.push([keys[k], tokens[i]]);
        }
      }
      if (st.starts.has(found[i][0])) {
        for (var n = 2; n <= 3; n++) {
          if (i + n <= tokens.length) {
            var key = found.slice(i, i + n).map(function (f) { return f[0]; }).join(" ");
            if (has(model.termen, key) && !seen.has(key)) {
              seen.add(key);
              out.push([key, tokens.slice(i, i + n).join(" ")]);
            }
          }
        }
      }
    }
    return out;
  }

  function sdgOf(target) {
    return parseInt(target.split(".")[0], 10);
  }

  // Per SDG: [sdg, summed word weight, words as written, Map target -> summed weight, {field: reason}].
  function evidence(model, text) {
    var st = state(model);
    var cached = st.text.get(text);
    if (cached) return cached;
    var perSdg = new Map();
    analyse(model, text).forEach(function (found) {
      var key = found[0], written = found[1];
      model.termen[key].forEach(function (pair) {
        var target = pair[0], weight = pair[1], sdg = st.sdg.get(target);
        if (sdg === undefined) {
          sdg = sdgOf(target);
          st.sdg.set(target, sdg);
        }
        var entry = perSdg.get(sdg);
        if (!entry) {
          entry = [sdg, 0, [], new Map(), {}];
          perSdg.set(sdg, entry);
        }
        entry[1] += weight;
        if (entry[2].indexOf(written) < 0) entry[2].push(written);
        entry[3].set(target, (entry[3].get(target) || 0) + weight);
      });
    });
    cached = Array.from(perSdg.values());
    st.text.set(text, cached);
    return cached;
  }

  // The reason of one field for one SDG (kept with the cached evidence of the text).
  function wordReason(model, field, entry) {
    var made = entry[4][field];
    if (made === undefined) {
      var sdg = entry[0], many = entry[2].length > 1, target = best(entry[3]);
      var where = target.indexOf(".") >= 0 ? "subdoel " + target + " van SDG " + sdg : "SDG " + sdg;
      made = entry[4][field] = (many ? "de woorden " : "het woord ") + quote(entry[2]) + " " + FIELD_PLACE[field] +
        (many ? " wijzen" : " wijst") + " naar " + where + " (" + model.sdgs[String(sdg)] + ")";
    }
    return made;
  }

  function best(perTarget) {
    var found = null, top = -1;
    if (!perTarget) return null;
    perTarget.forEach(function (value, target) {
      if (value > top) { found = target; top = value; }
    });
    return found;
  }

  // The four-digit code of a beleidsveld as files write it: "0310", 310, "310", "0310 Beheer van ...".
  function beleidsveldCode(value) {
    var found = value === null || value === undefined ? null : BELEIDSVELD.exec(String(value));
    return found ? ("000" + found[1]).slice(-4) : null;
  }

  function quote(found) {
    return found.slice(0, MAX_WORDS_IN_REASON).map(function (w) { return "\"" + w + "\""; }).join(", ");
  }

  function suggest(model, line) {
    var sdgScore = new Map();
    var targetScore = new Map();
    var slots = [];

    var code = beleidsveldCode(line.beleidsveld);
    var row = code && has(model.beleidsvelden, code) ? model.beleidsvelden[code] : null;
    if (row) {
      row.sdgs.forEach(function (sdg, i) {
        var weight = model.beleidsveld[Math.min(i, model.beleidsveld.length - 1)];
        sdgScore.set(sdg, (sdgScore.get(sdg) || 0) + weight);
        for (var t = 0; t < row.subdoelen.length; t++) {
          if (sdgOf(row.subdoelen[t]) === sdg) {
            if (!targetScore.has(sdg)) targetScore.set(sdg, new Map());
            targetScore.get(sdg).set(row.subdoelen[t], weight);
            break;
          }
        }
      });
    }

    var texts = line.teksten || {};
    var ceiling = model.plafond;
    FIELDS.forEach(function (field) {
      var text = texts[field] || "";
      if (!text.trim()) return;
      var factor = model.velden[field];
      evidence(model, text).forEach(function (entry) {
        var sdg = entry[0], raw = entry[1];
        slots.push([field, entry]);
        // The action plan and the goal count for an SDG up to a ceiling: the many words of a
        // long goal cannot outweigh the action itself.
        sdgScore.set(sdg, (sdgScore.get(sdg) || 0) + factor * (field === "actie" ? raw : Math.min(raw, ceiling)));
        if (!targetScore.has(sdg)) targetScore.set(sdg, new Map());
        var per = targetScore.get(sdg);
        entry[3].forEach(function (weight, target) {
          per.set(target, (per.get(target) || 0) + factor * weight);
        });
      });
    });

    var ranked = [];
    sdgScore.forEach(function (score, sdg) { if (score >= model.drempel) ranked.push(sdg); });
    ranked.sort(function (a, b) { return (sdgScore.get(b) - sdgScore.get(a)) || (a - b); });
    ranked = ranked.slice(0, MAX_SUGGESTIONS);
    if (!ranked.length) return [fallback(model, texts, code, row)];

    var out = ranked.map(function (sdg) {
      var name = model.sdgs[String(sdg)];
      var reasons = [];
      if (row && row.sdgs.indexOf(sdg) >= 0) {
        reasons.push("beleidsveld " + code + " " + row.naam + " hoort bij SDG " + sdg + " (" + name + "): " + row.reden);
      }
      slots.forEach(function (slot) {
        if (slot[1][0] === sdg) reasons.push(wordReason(model, slot[0], slot[1]));
      });
      var perTarget = new Map();
      (targetScore.get(sdg) || new Map()).forEach(function (value, t) { if (t.indexOf(".") >= 0) perTarget.set(t, value); });
      var top = best(perTarget);
      var share = top ? perTarget.get(top) : 0;
      return {
        sdg: sdg,
        subdoel: top && share >= model.subdoel_aandeel * sdgScore.get(sdg) ? top : null,
        score: roundScore(sdgScore.get(sdg)),
        redenen: reasons
      };
    });
    if (out.length < MAX_SUGGESTIONS) complement(model, texts, out);
    return out;
  }

  // The one suggestion of a line whose words point to no SDG (see fallback in suggest.py).
  function fallback(model, texts, code, row) {
    var rules = model.terugval.regels;
    var chosen = null, found = null;
    for (var f = 0; f < FIELDS.length && chosen === null; f++) {
      var hits = ruleWords(model, "regels", texts[FIELDS[f]] || "");
      for (var h = 0; h < hits.length; h++) {
        if (chosen === null || hits[h][0] < chosen) {
          chosen = hits[h][0];
          found = [FIELDS[f], hits[h][1]];
        }
      }
    }
    var instrumental = !!row && row.sdgs.length === 0;
    if (chosen === null) {
      chosen = rules.length - 1;
      for (var r = 0; r < rules.length; r++) {
        if (instrumental && rules[r].instrumenteel) { chosen = r; break; }
      }
    }
    var rule = rules[chosen];
    var reasons = [];
    if (instrumental) reasons.push("beleidsveld " + code + " " + row.naam + " is instrumenteel, zonder eigen SDG: " + row.reden);
    var lead = model.terugval.inleiding;
    if (found) reasons.push(lead + "; het woord \"" + found[1] + "\" " + FIELD_PLACE[found[0]] + ": " + rule.uitleg);
    else reasons.push(lead + "; " + rule.uitleg);
    return { sdg: rule.sdg, subdoel: null, score: 0, redenen: reasons };
  }

  // [rule number, word as written] for the first word of the text each rule of model.terugval[kind] knows.
  function ruleWords(model, kind, text) {
    if (!text.trim()) return [];
    var st = state(model);
    var cacheKey = kind + "\u0000" + text;
    var cached = st.prior.get(cacheKey);
    if (cached) return cached;
    var found = [];
    var tokens = st.taal.words(text);
    model.terugval[kind].forEach(function (rule, i) {
      for (var t = 0; t < tokens.length; t++) {
        var token = tokens[t];
        if (rule.stammen.indexOf(st.taal.stem(token)) >= 0 ||
            rule.woorden.some(function (w) { return token.slice(0, w.length) === w; })) {
          found.push([i, token]);
          break;
        }
      }
    });
    st.prior.set(cacheKey, found);
    return found;
  }

  // Room for the usual SDG (see complement in suggest.py).
  function complement(model, texts, out) {
    for (var f = 0; f < 2; f++) {
      var field = FIELDS[f];
      var hits = ruleWords(model, "aanvulling", texts[field] || "");
      hits.forEach(function (hit) {
        var rule = model.terugval.aanvulling[hit[0]];
        var present = out.some(function (item) { return item.sdg === rule.sdg; });
        if (out.length < MAX_SUGGESTIONS && !present) {
          out.push({ sdg: rule.sdg, subdoel: null, score: 0,
                     redenen: ["het woord \"" + hit[1] + "\" " + FIELD_PLACE[field] + ": " + rule.uitleg] });
        }
      });
      if (hits.length) break;
    }
  }

  ns.suggesties = { suggest: suggest, analyse: analyse, evidence: evidence, tokenTerms: tokenTerms, roundScore: roundScore };
})(typeof globalThis.PbBegroting === "object" ? globalThis.PbBegroting : (globalThis.PbBegroting = {}));
