/*
 * Clausulebouwer: the choice (product group, ambition level) and the basket, and how they live in the
 * page's address. No DOM.
 *
 * The data (data) is the JSON the build embeds in the page (tools/praktijkenbank/clausules/data.py):
 * levels, steps, verification methods and the product groups with their clauses.
 *
 * A state: { groep: product group slug, niveau: level id or "alle", mand: ["<slug>.<clause id>", ...] }
 * In the address: ?groep=<slug>&niveau=<level>&mand=<slug>.<id>,<slug>.<id>
 * (slugs and ids are lower-case letters, digits and hyphens, so '.' and ',' never occur in them).
 *
 * - fromSearch(search, data): {state, dropped}; unknown groups, levels or clauses are left out and
 *   counted in 'dropped', so an old or mistyped link still opens.
 * - toSearch(state): the query string ('?groep=...').
 * - toggle(state, key) / remove(state, key) / clear(state): a new state.
 * - find(data, key): {groep, clausule} or null. visible(data, state): the clauses to show.
 * - byStep(data, state): the basket per procurement step, in the order of the steps.
 */
(function (ns) {
  "use strict";

  var KEY_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$/;

  function group(data, slug) {
    for (var i = 0; i < data.groepen.length; i++) if (data.groepen[i].slug === slug) return data.groepen[i];
    return null;
  }

  function find(data, key) {
    if (typeof key !== "string" || !KEY_RE.test(key)) return null;
    var dot = key.indexOf(".");
    var g = group(data, key.slice(0, dot));
    if (!g) return null;
    var id = key.slice(dot + 1);
    for (var i = 0; i < g.clausules.length; i++) if (g.clausules[i].id === id) return { groep: g, clausule: g.clausules[i] };
    return null;
  }

  function levelIds(data) { return data.niveaus.map(function (n) { return n.id; }); }

  function empty(data) {
    return { groep: data.groepen.length ? data.groepen[0].slug : "", niveau: data.niveaus[0].id, mand: [] };
  }

  function params(search) {
    var out = {};
    String(search || "").replace(/^\?/, "").split("&").forEach(function (pair) {
      if (!pair) return;
      var eq = pair.indexOf("=");
      var name = eq < 0 ? pair : pair.slice(0, eq);
      var value = eq < 0 ? "" : pair.slice(eq + 1);
      try { out[decodeURIComponent(name)] = decodeURIComponent(value.replace(/\+/g, " ")); } catch (e) { /* skip */ }
    });
    return out;
  }

  function fromSearch(search, data) {
    var p = params(search);
    var state = empty(data);
    var dropped = 0;
    if (p.groep) { if (group(data, p.groep)) state.groep = p.groep; else dropped++; }
    if (p.niveau) { if (p.niveau === "alle" || levelIds(data).indexOf(p.niveau) >= 0) state.niveau = p.niveau; else dropped++; }
    (p.mand ? p.mand.split(",") : []).forEach(function (key) {
      key = key.trim();
      if (!key) return;
      if (!find(data, key)) dropped++;
      else if (state.mand.indexOf(key) < 0) state.mand.push(key);  // a key twice: once in the basket
    });
    return { state: state, dropped: dropped };
  }

  function toSearch(state) {
    var parts = ["groep=" + encodeURIComponent(state.groep), "niveau=" + encodeURIComponent(state.niveau)];
    if (state.mand.length) parts.push("mand=" + state.mand.join(","));
    return "?" + parts.join("&");
  }

  function copy(state, mand) { return { groep: state.groep, niveau: state.niveau, mand: mand }; }

  function toggle(state, key) {
    return state.mand.indexOf(key) >= 0 ? remove(state, key) : copy(state, state.mand.concat([key]));
  }

  function remove(state, key) { return copy(state, state.mand.filter(function (k) { return k !== key; })); }

  function clear(state) { return copy(state, []); }

  function visible(data, state) {
    var g = group(data, state.groep);
    if (!g) return [];
    return g.clausules.filter(function (c) { return state.niveau === "alle" || c.niveau === state.niveau; });
  }

  function byStep(data, state) {
    return data.stappen.map(function (step) {
      var items = [];
      state.mand.forEach(function (key) {
        var hit = find(data, key);
        if (hit && hit.clausule.stap === step.id) items.push({ key: key, groep: hit.groep, clausule: hit.clausule });
      });
      return { stap: step, items: items };
    }).filter(function (s) { return s.items.length; });
  }

  var api = {
    fromSearch: fromSearch, toSearch: toSearch, toggle: toggle, remove: remove, clear: clear,
    find: find, group: group, visible: visible, byStep: byStep, empty: empty
  };
  ns.clausulesMand = api;
  if (typeof module === "object" && module && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
