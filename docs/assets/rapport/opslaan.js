/*
 * SDG-rapportbouwer: keep the work. A saved file (.json) to continue later, the choices that fit
 * in the address (bestuur, vorm, indicatoren; never the figures) and the values as CSV.
 * Everything stays on the official's own computer.
 */
(function (global) {
  "use strict";
  var ns = (global.PbRapport = global.PbRapport || {});
  var KIND = "praktijkenbank-sdg-rapport", VERSION = 1;
  var FIELDS = ["bestuur", "vorm", "datum", "indicatoren", "jaren", "waarden", "doelen", "begroting", "projecten", "teksten"];

  function toFile(state) {
    var out = { soort: KIND, versie: VERSION };
    FIELDS.forEach(function (k) { out[k] = state[k]; });
    return JSON.stringify(out, null, 1);
  }

  function fromFile(text) {
    var data;
    try { data = JSON.parse(text.replace(/^\ufeff/, "")); } catch (e) {
      throw new Error("Dit bestand is geen bewaard rapport: het is geen geldig JSON-bestand.");
    }
    if (!data || data.soort !== KIND) throw new Error("Dit bestand is geen bewaard rapport van de SDG-rapportbouwer.");
    if (data.versie > VERSION) throw new Error("Dit rapport werd bewaard met een nieuwere versie van de rapportbouwer; herlaad de pagina.");
    var state = {};
    FIELDS.forEach(function (k) { state[k] = data[k]; });
    return state;
  }

  function toQuery(state) {
    var params = new URLSearchParams();
    if (state.bestuur) params.set("bestuur", state.bestuur);
    if (state.vorm) params.set("vorm", state.vorm);
    if (state.indicatoren.length) params.set("indicatoren", state.indicatoren.join(","));
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function fromQuery(search) {
    var params = new URLSearchParams(search), out = {};
    if (params.get("bestuur")) out.bestuur = params.get("bestuur");
    if (params.get("vorm")) out.vorm = params.get("vorm");
    if (params.get("indicatoren")) out.indicatoren = params.get("indicatoren").split(",").filter(Boolean);
    return out;
  }

  function cell(text) {
    text = String(text);
    if (/^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text)) text = "'" + text;
    return /[;"\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function valuesCsv(state) {
    var lines = ["indicator;jaar;waarde"];
    state.indicatoren.forEach(function (slug) {
      var values = state.waarden[slug] || {};
      Object.keys(values).sort().forEach(function (year) { lines.push([slug, year, values[year]].map(cell).join(";")); });
      if (state.doelen[slug]) lines.push([slug, "doel", state.doelen[slug]].map(cell).join(";"));
    });
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }

  function download(name, blob) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function fileName(state, extension) {
    var who = (state.bestuur || "bestuur").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    return "sdg-" + (state.vorm === "vlr" ? "vlr-light" : "hoofdstuk") + "-" + who + extension;
  }

  ns.opslaan = { toFile: toFile, fromFile: fromFile, toQuery: toQuery, fromQuery: fromQuery,
                 valuesCsv: valuesCsv, download: download, fileName: fileName };
})(typeof window !== "undefined" ? window : globalThis);
