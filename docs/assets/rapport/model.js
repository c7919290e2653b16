/*
 * SDG-rapportbouwer: the report as data (twin of rapport/model.py; same JSON for the same inputs).
 */
(function (global) {
  "use strict";
  var ns = (global.PbRapport = global.PbRapport || {});
  function g() { return ns.getallen || require("./getallen.js"); }

  var EVOLUTION = { beter: "verbetert", slechter: "verslechtert", gelijk: "blijft gelijk", stijgt: "stijgt",
                    daalt: "daalt", een: "één meting", geen: "nog geen meting" };

  function signed(value, decimals) { return (value > 0 ? "+" : "") + g().formatNumber(value, decimals); }
  function empty(v) { return v === null || v === undefined || v === ""; }

  function indicatorRow(item, values, ownGoal) {
    var G = g(), series = [];
    Object.keys(values).forEach(function (year) {
      var parsed = G.parseNumber(values[year]);
      if (parsed !== null && /^\d+$/.test(year)) series.push([parseInt(year, 10), parsed]);
    });
    series.sort(function (a, b) { return a[0] - b[0]; });
    var goal = empty(ownGoal) ? null : G.parseNumber(ownGoal);
    var target = item.doel_2030 || null;
    if (goal === null && target && !empty(target.getal)) goal = G.parseNumber(target.getal);
    var decimals = 0;
    series.forEach(function (s) { decimals = Math.max(decimals, s[1][1]); });
    if (goal) decimals = Math.max(decimals, goal[1]);
    var direction = item.richting || "geen";
    var row = { slug: item.slug, titel: item.titel, eenheid: item.eenheid || "", richting: direction,
                sdgs: (item.sdgs || []).slice(), pad: item.pad || "",
                reeks: series.map(function (s) { return { jaar: s[0], tekst: G.formatNumber(s[1][0], decimals) }; }),
                eerste: null, laatste: null, verschil: "", evolutie: series.length ? "een" : "geen", doel: null };
    if (series.length) {
      var f = series[0], l = series[series.length - 1];
      row.eerste = { jaar: f[0], tekst: G.formatNumber(f[1][0], decimals) };
      row.laatste = { jaar: l[0], tekst: G.formatNumber(l[1][0], decimals) };
    }
    if (series.length > 1) {
      var diff = series[series.length - 1][1][0] - series[0][1][0];
      row.verschil = signed(diff, decimals);
      if (diff === 0) row.evolutie = "gelijk";
      else if (direction === "hoger") row.evolutie = diff > 0 ? "beter" : "slechter";
      else if (direction === "lager") row.evolutie = diff < 0 ? "beter" : "slechter";
      else row.evolutie = diff > 0 ? "stijgt" : "daalt";
    }
    if (goal !== null || target) {
      var own = !empty(ownGoal) && goal !== null;
      var doel = { tekst: own ? "Eigen doel: " + G.formatNumber(goal[0], decimals) : (target || {}).waarde || "",
                   eigen: own, getal: goal ? G.formatNumber(goal[0], decimals) : "", afstand: "", bereikt: null };
      if (goal !== null && series.length) {
        var last = series[series.length - 1][1][0];
        var reached = direction === "hoger" ? last >= goal[0] : direction === "lager" ? last <= goal[0] : last === goal[0];
        doel.bereikt = reached;
        doel.afstand = reached ? "bereikt" : signed(goal[0] - last, decimals);
      }
      row.doel = doel;
    }
    return row;
  }

  function build(inputs, catalogue, practices, names) {
    var G = g(), bySlug = {};
    catalogue.forEach(function (item) { bySlug[item.slug] = item; });
    var chosen = [];
    (inputs.indicatoren || []).forEach(function (s) { if (bySlug[s] && chosen.indexOf(s) < 0) chosen.push(s); });
    var values = inputs.waarden || {}, goals = inputs.doelen || {};
    var rows = chosen.map(function (s) { return indicatorRow(bySlug[s], values[s] || {}, goals[s]); });
    var budget = inputs.begroting || null, projects = inputs.projecten || [], texts = inputs.teksten || {};
    var sdgs = names.sdgs.map(function (entry) {
      var n = entry.nummer, share = budget ? (budget.sdgs || {})[String(n)] : null;
      var own = rows.filter(function (r) { return r.sdgs.indexOf(n) >= 0; });
      var projectRows = [];
      projects.forEach(function (p) { p.sdgs.forEach(function (s) { if (s.nr === n) projectRows.push({ titel: p.titel, effect: s.effect }); }); });
      return {
        nummer: n, naam: entry.naam,
        aandeel: share ? share.promille : null,
        aandeel_tekst: share ? G.perMilleText(share.promille) : "",
        bedrag_tekst: share ? G.euroText(share.bedrag) : "",
        indicatoren: own.map(function (r) { return r.slug; }),
        beter: own.filter(function (r) { return r.evolutie === "beter"; }).length,
        slechter: own.filter(function (r) { return r.evolutie === "slechter"; }).length,
        projecten: projectRows,
        praktijken: practices.filter(function (p) { return (p.sdgs || []).indexOf(n) >= 0; })
          .map(function (p) { return { titel: p.titel, pad: p.pad }; })
      };
    });
    var ps = names.ps.map(function (p) {
      var share = budget && (budget.ps || {})[p.id];
      return { id: p.id, naam: p.naam, sdgs: p.sdgs.slice(), tekst: (texts[p.id] || "").trim(),
               aandeel_tekst: share ? G.perMilleText(share.promille) : "" };
    });
    var totals = (budget || {}).totalen || {}, selection = (budget || {}).selectie || {};
    var year = parseInt(String(inputs.datum || "2026").slice(0, 4), 10);
    return {
      vorm: inputs.vorm === "vlr" || inputs.vorm === "hoofdstuk" ? inputs.vorm : "hoofdstuk",
      bestuur: (inputs.bestuur || "").trim() || "ons bestuur",
      jaar: year,
      indicatoren: rows,
      sdgs: sdgs,
      ps: ps,
      begroting: budget ? {
        jaren: selection.jaren || "", soort: selection.soort || "",
        totaal: totals.totaal ? G.euroText(totals.totaal.bedrag) : "",
        gecodeerd_aandeel: totals.gecodeerd ? G.perMilleText(totals.gecodeerd.promille) : ""
      } : null,
      projecten: projects.map(function (p) {
        return { titel: p.titel,
                 positief: p.sdgs.filter(function (s) { return s.effect === "positief"; }).map(function (s) { return s.nr; }),
                 negatief: p.sdgs.filter(function (s) { return s.effect === "negatief"; }).map(function (s) { return s.nr; }) };
      }),
      praktijken: practices.map(function (p) { return { titel: p.titel, pad: p.pad, sdgs: (p.sdgs || []).slice() }; }),
      bronnen: sources(rows, bySlug)
    };
  }

  function sources(rows, bySlug) {
    var out = [], seen = {};
    rows.forEach(function (row) {
      var s = bySlug[row.slug].waarde_bron || {};
      if (s.url && !seen[s.url]) {
        seen[s.url] = true;
        out.push({ tekst: (s.titel || "") + ", " + (s.uitgever || ""), url: s.url, uitgever: s.uitgever || "" });
      }
    });
    return out;
  }

  var api = { build: build, indicatorRow: indicatorRow, EVOLUTION: EVOLUTION };
  ns.model = api;
  if (typeof module === "object" && module && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
