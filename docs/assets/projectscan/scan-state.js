/*
 * SDG-projectscan: the state of a scan, and what follows from it. No DOM.
 *
 * The configuration (cfg) is the JSON the build embeds in the page
 * (tools/praktijkenbank/projectscan.py, config()): SDG names and colours,
 * themes, phases, the suggestions per theme and phase, effect labels, the
 * interaction scale, the five 'leave no one behind' factors and the limits.
 * Nothing here keeps its own copy of those.
 *
 * A state (also the "scan" of a saved file):
 *   { titel, omschrijving, themas: [theme id], fase: phase id or "",
 *     sdgs: [{nr, effect: "p"|"n"|"0"|"?", toelichting}] (17, in order),
 *     mondiaal: {effect, toelichting},
 *     spillovers: [{van: SDG nr or null, naar: SDG nr or null, score: -3..3, toelichting}],
 *     lnob: [{id, risico: bool, toelichting}] (one per factor, in order),
 *     conclusie }
 *
 * - empty(cfg): a new, empty scan.
 * - normalize(raw, cfg): any input (a link, a file, the form) -> {state, warnings};
 *   unknown values are dropped with a Dutch warning, texts cut to their limit.
 * - suggestions(state, cfg): the SDGs to look at first, with their reasons.
 * - counts(state): how many SDGs per effect code.
 */
(function (global) {
  "use strict";

  var ns = (global.PbScan = global.PbScan || {});
  var UNASSESSED = "?";

  function empty(cfg) {
    return {
      titel: "",
      omschrijving: "",
      themas: [],
      fase: "",
      sdgs: cfg.sdgs.map(function (s) { return { nr: s.nr, effect: UNASSESSED, toelichting: "" }; }),
      mondiaal: { effect: UNASSESSED, toelichting: "" },
      spillovers: [],
      lnob: cfg.lnob.map(function (f) { return { id: f.id, risico: false, toelichting: "" }; }),
      conclusie: ""
    };
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  // Text as a person typed it: no control characters, Unix line ends, at most `limit` UTF-16 units
  // (as the maxlength of the form field counts them), never half a surrogate pair.
  function text(value, limit, oneLine, cut) {
    if (value === null || value === undefined) return "";
    var out = String(value).replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
    if (oneLine) out = out.replace(/[\n\t]+/g, " ");
    if (out.length > limit) {
      out = out.slice(0, limit);
      if (/[\ud800-\udbff]$/.test(out)) out = out.slice(0, -1);
      cut.count += 1;
    }
    return out;
  }

  function codes(list) {
    return list.map(function (item) { return item.code; });
  }

  function sdgNumber(value, cfg) {
    var n = Number(value);
    return cfg.sdgs.some(function (s) { return s.nr === n; }) ? n : null;
  }

  function normalize(raw, cfg) {
    var warnings = [];
    var cut = { count: 0 };
    var limits = cfg.limieten;
    var state = empty(cfg);
    if (!isObject(raw)) raw = {};
    var effects = codes(cfg.effecten);
    var globalCodes = codes(cfg.mondiaal);

    state.titel = text(raw.titel, limits.titel, true, cut);
    state.omschrijving = text(raw.omschrijving, limits.omschrijving, false, cut);
    var themeIds = cfg.themas.map(function (t) { return t.id; });
    var wanted = Array.isArray(raw.themas) ? raw.themas.map(String) : [];
    wanted.forEach(function (id) {
      if (themeIds.indexOf(id) < 0) warnings.push("Het thema '" + id + "' bestaat niet (meer) en is weggelaten.");
    });
    state.themas = themeIds.filter(function (id) { return wanted.indexOf(id) >= 0; });
    if (raw.fase) {
      var phase = String(raw.fase);
      if (cfg.fasen.some(function (f) { return f.id === phase; })) state.fase = phase;
      else warnings.push("De fase '" + phase + "' bestaat niet (meer) en is weggelaten.");
    }

    var bySdg = {};
    (Array.isArray(raw.sdgs) ? raw.sdgs : []).forEach(function (item) {
      if (isObject(item) && sdgNumber(item.nr, cfg) !== null) bySdg[Number(item.nr)] = item;
    });
    var badEffect = false;
    state.sdgs.forEach(function (s) {
      var item = bySdg[s.nr];
      if (!item) return;
      if (effects.indexOf(item.effect) >= 0) s.effect = item.effect;
      else if (item.effect !== undefined && item.effect !== "") badEffect = true;
      s.toelichting = text(item.toelichting, limits.sdg, false, cut);
    });

    var global_ = isObject(raw.mondiaal) ? raw.mondiaal : {};
    if (globalCodes.indexOf(global_.effect) >= 0) state.mondiaal.effect = global_.effect;
    else if (global_.effect !== undefined && global_.effect !== "") badEffect = true;
    state.mondiaal.toelichting = text(global_.toelichting, limits.mondiaal, false, cut);
    if (badEffect) warnings.push("Een onbekende beoordeling is vervangen door 'nog niet beoordeeld'.");

    var scores = cfg.interacties.map(function (s) { return s.score; });
    var spill = Array.isArray(raw.spillovers) ? raw.spillovers.filter(isObject) : [];
    if (spill.length > limits.spillovers) {
      warnings.push("Er waren meer dan " + limits.spillovers + " spill-overs; alleen de eerste " +
                    limits.spillovers + " zijn behouden.");
      spill = spill.slice(0, limits.spillovers);
    }
    state.spillovers = spill.map(function (item) {
      var score = Number(item.score);
      return {
        van: sdgNumber(item.van, cfg),
        naar: sdgNumber(item.naar, cfg),
        score: scores.indexOf(score) >= 0 ? score : 0,
        toelichting: text(item.toelichting, limits.spillover, false, cut)
      };
    });

    var byFactor = {};
    (Array.isArray(raw.lnob) ? raw.lnob : []).forEach(function (item) {
      if (isObject(item)) byFactor[String(item.id)] = item;
    });
    state.lnob.forEach(function (f) {
      var item = byFactor[f.id];
      if (!item) return;
      f.risico = item.risico === true || item.risico === 1;
      f.toelichting = text(item.toelichting, limits.lnob, false, cut);
    });

    state.conclusie = text(raw.conclusie, limits.conclusie, false, cut);
    if (cut.count) {
      warnings.push(cut.count === 1 ? "Eén tekst was te lang en is ingekort."
                                    : cut.count + " teksten waren te lang en zijn ingekort.");
    }
    return { state: state, warnings: warnings };
  }

  // The SDGs to look at first: every SDG that a chosen theme or the phase suggests. Each
  // list names its most important SDG first: the first of a list weighs 4, the second 3,
  // the third 2, the fourth 1; the highest total comes first, then the lowest number.
  function suggestions(state, cfg) {
    var found = {};
    function add(kind, label, item) {
      if (!item) return;
      item.sdgs.forEach(function (nr, position) {
        var entry = found[nr] || (found[nr] = { nr: nr, redenen: [], gewicht: 0 });
        entry.redenen.push({ soort: kind, naam: label, waarom: item.waarom });
        entry.gewicht += Math.max(1, 4 - position);
      });
    }
    cfg.themas.forEach(function (t) {
      if (state.themas.indexOf(t.id) >= 0) add("thema", t.naam, cfg.voorstellen.thema[t.id]);
    });
    cfg.fasen.forEach(function (f) {
      if (state.fase === f.id) add("fase", f.naam, cfg.voorstellen.fase[f.id]);
    });
    return Object.keys(found).map(function (k) { return found[k]; }).sort(function (a, b) {
      return (b.gewicht - a.gewicht) || (a.nr - b.nr);
    });
  }

  function counts(state) {
    var out = { p: 0, n: 0, "0": 0, "?": 0 };
    state.sdgs.forEach(function (s) { out[s.effect] = (out[s.effect] || 0) + 1; });
    return out;
  }

  function byCode(list, code) {
    for (var i = 0; i < list.length; i += 1) if (list[i].code === code) return list[i];
    return null;
  }

  function sdg(cfg, nr) {
    for (var i = 0; i < cfg.sdgs.length; i += 1) if (cfg.sdgs[i].nr === nr) return cfg.sdgs[i];
    return null;
  }

  function isEmpty(state, cfg) {
    return JSON.stringify(state) === JSON.stringify(empty(cfg));
  }

  // 'Duurzame aankopen: Fairtrade!' -> 'duurzame-aankopen-fairtrade' (for file names).
  function slug(value) {
    return String(value).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "");
  }

  var api = {
    empty: empty, normalize: normalize, suggestions: suggestions, counts: counts,
    byCode: byCode, sdg: sdg, isEmpty: isEmpty, slug: slug, UNASSESSED: UNASSESSED
  };
  ns.state = api;
  if (typeof module === "object" && module && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
