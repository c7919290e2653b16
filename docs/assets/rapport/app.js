/*
 * SDG-rapportbouwer: the page. Keeps one state object (what the saved .json holds), builds the
 * form from the page data and shows the report after every change. Nothing leaves the browser.
 */
(function () {
  "use strict";
  var ns = window.PbRapport;
  var root = document.getElementById("pb-rapport");
  var dataNode = document.getElementById("pb-rapport-data");
  if (!root || !dataNode) return;
  var data = JSON.parse(dataNode.textContent);
  var cfg = data.cfg, catalogue = data.catalogue, bySlug = {};
  catalogue.forEach(function (c) { bySlug[c.slug] = c; });
  var siteRoot = new URL("../", window.location.href).href;
  var $ = function (id) { return document.getElementById("pb-rapport-" + id); };
  var today = new Date().toISOString().slice(0, 10);
  var state = { bestuur: "", vorm: "hoofdstuk", datum: today, indicatoren: [], jaren: cfg.standaard_jaren.slice(),
                waarden: {}, doelen: {}, begroting: null, projecten: [], teksten: {} };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function year() { return parseInt(String(state.datum || today).slice(0, 4), 10); }
  function say(id, text) { $(id).textContent = text; }

  // ---- 1. government, shape, date ----
  var select = $("bestuur"), groups = {};
  data.besturen.forEach(function (b) {
    var label = b.naam.indexOf("Provincie ") === 0 ? "Provincies" : "Provincie " + b.provincie;
    if (!groups[label]) { groups[label] = el("optgroup", { label: label }); }
    groups[label].appendChild(el("option", { value: b.naam }, b.naam));
  });
  Object.keys(groups).sort(function (a, b) { return (a === "Provincies") - (b === "Provincies") || a.localeCompare(b, "nl"); })
    .forEach(function (k) { select.appendChild(groups[k]); });

  // ---- 2. indicators ----
  function buildIndicatorList() {
    var box = $("indicatoren");
    data.names.sdgs.forEach(function (sdg) {
      var own = catalogue.filter(function (c) { return c.sdgs[0] === sdg.nummer; });
      if (!own.length) return;
      var fs = el("fieldset", { class: "pb-rapport__sdg" });
      fs.appendChild(el("legend", {}, "SDG " + sdg.nummer + ": " + sdg.naam));
      own.forEach(function (c) {
        var row = el("div", { class: "pb-rapport__keuze" });
        var box2 = el("input", { type: "checkbox", id: "pb-rapport-ind-" + c.slug, value: c.slug });
        var label = el("label", { for: "pb-rapport-ind-" + c.slug }, c.titel);
        if (c.set === "starter") label.appendChild(el("span", { class: "pb-rapport__set" }, " (starterset)"));
        row.appendChild(box2);
        row.appendChild(label);
        fs.appendChild(row);
      });
      box.appendChild(fs);
    });
    box.addEventListener("change", function (e) {
      if (e.target.type !== "checkbox") return;
      var chosen = [];
      box.querySelectorAll("input:checked").forEach(function (i) { chosen.push(i.value); });
      state.indicatoren = chosen;
      changed(true);
    });
  }

  function syncIndicatorBoxes() {
    $("indicatoren").querySelectorAll("input[type=checkbox]").forEach(function (i) {
      i.checked = state.indicatoren.indexOf(i.value) >= 0;
    });
    say("gekozen", state.indicatoren.length + " indicatoren gekozen.");
  }

  // ---- 3. values ----
  function buildValues() {
    var box = $("waarden");
    while (box.firstChild) box.removeChild(box.firstChild);
    if (!state.indicatoren.length) { box.appendChild(el("p", { class: "pb-leeg" }, "Kies eerst indicatoren.")); return; }
    state.jaren.sort();
    var table = el("table", { class: "pb-rapport__invoertabel" });
    table.appendChild(el("caption", {}, "Waarden per indicator en jaar"));
    var head = el("tr");
    head.appendChild(el("th", { scope: "col" }, "Indicator"));
    state.jaren.forEach(function (y) { head.appendChild(el("th", { scope: "col" }, String(y))); });
    head.appendChild(el("th", { scope: "col" }, "Eigen doel 2030"));
    var thead = el("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    var body = el("tbody");
    state.indicatoren.forEach(function (slug) {
      var c = bySlug[slug];
      if (!c) return;
      var tr = el("tr");
      tr.appendChild(el("th", { scope: "row" }, c.titel + " (" + c.eenheid + ")"));
      state.jaren.forEach(function (y) {
        var td = el("td");
        var input = el("input", { type: "text", inputmode: "decimal", "data-slug": slug, "data-jaar": String(y),
                                  "aria-label": c.titel + ", " + y, size: "6" });
        input.value = (state.waarden[slug] || {})[String(y)] || "";
        td.appendChild(input);
        tr.appendChild(td);
      });
      var goal = el("td");
      var gInput = el("input", { type: "text", inputmode: "decimal", "data-slug": slug, "data-jaar": "doel",
                                 "aria-label": c.titel + ", eigen doel 2030", size: "6" });
      gInput.value = state.doelen[slug] || "";
      goal.appendChild(gInput);
      tr.appendChild(goal);
      body.appendChild(tr);
    });
    table.appendChild(body);
    var wrap = el("div", { class: "pb-rapport__tabelwrap" });
    wrap.appendChild(table);
    box.appendChild(wrap);
  }

  $("waarden").addEventListener("input", function (e) {
    var slug = e.target.getAttribute("data-slug"), y = e.target.getAttribute("data-jaar");
    if (!slug) return;
    var text = e.target.value.trim();
    if (y === "doel") { if (text) state.doelen[slug] = text; else delete state.doelen[slug]; }
    else {
      state.waarden[slug] = state.waarden[slug] || {};
      if (text) state.waarden[slug][y] = text; else delete state.waarden[slug][y];
    }
    changed(false);
  });

  function readFile(input, handle) {
    Array.prototype.forEach.call(input.files, function (file) {
      var reader = new FileReader();
      reader.onload = function () { handle(String(reader.result), file.name); };
      reader.readAsText(file, "utf-8");
    });
  }

  function importValues(text) {
    var result = ns.invoer.readValues(text, catalogue, year(), cfg);
    var count = 0;
    Object.keys(result.waarden).forEach(function (slug) {
      if (state.indicatoren.indexOf(slug) < 0) state.indicatoren.push(slug);
      state.waarden[slug] = state.waarden[slug] || {};
      Object.keys(result.waarden[slug]).forEach(function (y) {
        state.waarden[slug][y] = result.waarden[slug][y];
        if (state.jaren.indexOf(parseInt(y, 10)) < 0) state.jaren.push(parseInt(y, 10));
        count++;
      });
    });
    Object.keys(result.doelen).forEach(function (slug) { state.doelen[slug] = result.doelen[slug]; count++; });
    var box = $("waardenfouten");
    while (box.firstChild) box.removeChild(box.firstChild);
    box.appendChild(el("p", {}, count + " waarden ingelezen" + (result.fouten.length ? "; " + result.fouten.length + " rijen niet:" : ".")));
    if (result.fouten.length) {
      var ul = el("ul");
      result.fouten.forEach(function (f) { ul.appendChild(el("li", {}, f)); });
      box.appendChild(ul);
    }
    changed(true);
  }

  // ---- 5. texts per P ----
  data.names.ps.forEach(function (p) {
    var wrap = el("div", { class: "pb-rapport__veld" });
    wrap.appendChild(el("label", { for: "pb-rapport-tekst-" + p.id }, p.naam + " (SDG " + p.sdgs.join(", ") + ")"));
    var area = el("textarea", { id: "pb-rapport-tekst-" + p.id, rows: "3", "data-p": p.id });
    wrap.appendChild(area);
    $("teksten").appendChild(wrap);
  });
  $("teksten").addEventListener("input", function (e) {
    var p = e.target.getAttribute("data-p");
    if (p) { state.teksten[p] = e.target.value; changed(false); }
  });

  // ---- the report ----
  function report() {
    var practices = data.praktijken[state.bestuur] || [];
    var rep = ns.model.build(state, catalogue, practices, data.names);
    return { report: rep, blocks: ns.blokken.blocks(rep, cfg.richtlijnen) };
  }

  function syncForm() {
    select.value = state.bestuur || "";
    document.querySelectorAll("input[name=pb-rapport-vorm]").forEach(function (r) { r.checked = r.value === state.vorm; });
    $("datum").value = state.datum || today;
    data.names.ps.forEach(function (p) { $("tekst-" + p.id).value = state.teksten[p.id] || ""; });
    syncIndicatorBoxes();
    buildValues();
  }

  function changed(rebuild) {
    if (rebuild) { syncIndicatorBoxes(); buildValues(); }
    ns.weergave.render($("voorbeeld"), report().blocks, data.names, siteRoot);
    history.replaceState(null, "", window.location.pathname + ns.opslaan.toQuery(state) + window.location.hash);
  }

  select.addEventListener("change", function () { state.bestuur = select.value; changed(false); });
  document.querySelectorAll("input[name=pb-rapport-vorm]").forEach(function (r) {
    r.addEventListener("change", function () { if (r.checked) { state.vorm = r.value; changed(false); } });
  });
  $("datum").addEventListener("change", function () { state.datum = $("datum").value || today; changed(false); });
  $("starter").addEventListener("click", function () {
    state.indicatoren = catalogue.filter(function (c) { return c.set === "starter"; }).map(function (c) { return c.slug; });
    changed(true);
  });
  $("geen").addEventListener("click", function () { state.indicatoren = []; changed(true); });
  $("jaar-knop").addEventListener("click", function () {
    var y = parseInt($("jaar").value, 10);
    if (!(y >= cfg.waarden.eerste_jaar && y <= year())) {
      say("waardenfouten", "Kies een jaar van " + cfg.waarden.eerste_jaar + " tot en met " + year() + ".");
      return;
    }
    if (state.jaren.indexOf(y) < 0) state.jaren.push(y);
    say("waardenfouten", "Jaar " + y + " toegevoegd.");
    changed(true);
  });
  $("waardenbestand").addEventListener("change", function () { readFile(this, importValues); this.value = ""; });
  $("waarden-csv").addEventListener("click", function () {
    ns.opslaan.download("sdg-waarden.csv", new Blob([ns.opslaan.valuesCsv(state)], { type: "text/csv" }));
  });
  $("begroting").addEventListener("change", function () {
    readFile(this, function (text, name) {
      var result = ns.invoer.readBudget(text, cfg);
      if (result.begroting) state.begroting = result.begroting;
      say("importstatus", result.begroting ? "Begrotingsscan ingelezen uit " + name + "." + (result.fouten.length ? " " + result.fouten.join(" ") : "")
                                           : result.fouten.join(" "));
      changed(false);
    });
    this.value = "";
  });
  $("projecten").addEventListener("change", function () {
    readFile(this, function (text, name) {
      var result = ns.invoer.readProjects(text, cfg);
      result.projecten.forEach(function (p) {
        state.projecten = state.projecten.filter(function (q) { return q.titel !== p.titel; }).concat([p]);
      });
      say("importstatus", result.projecten.length ? "Projectscan ingelezen uit " + name + " (" + state.projecten.length + " projecten in totaal)." +
          (result.fouten.length ? " " + result.fouten.join(" ") : "") : result.fouten.join(" "));
      changed(false);
    });
    this.value = "";
  });
  $("wis-import").addEventListener("click", function () {
    state.begroting = null; state.projecten = [];
    try { sessionStorage.removeItem(BUDGET_KEY); } catch (e) { /* nothing kept */ }
    say("importstatus", "Budget en projecten verwijderd.");
    changed(false);
  });
  $("print").addEventListener("click", function () { window.print(); });
  $("bewaar").addEventListener("click", function () {
    ns.opslaan.download(ns.opslaan.fileName(state, ".json"), new Blob([ns.opslaan.toFile(state)], { type: "application/json" }));
    say("uitvoerstatus", "Bewaard. Open het bestand later hier om verder te werken.");
  });
  $("open").addEventListener("change", function () {
    readFile(this, function (text) {
      try {
        var loaded = ns.opslaan.fromFile(text);
        Object.keys(loaded).forEach(function (k) { if (loaded[k] !== undefined && loaded[k] !== null || k === "begroting") state[k] = loaded[k]; });
        state.jaren = state.jaren || cfg.standaard_jaren.slice();
        syncForm();
        changed(false);
        say("uitvoerstatus", "Het bewaarde rapport is geopend.");
      } catch (e) { say("uitvoerstatus", e.message); }
    });
    this.value = "";
  });
  $("docx").addEventListener("click", function () {
    var button = this, made = report();
    button.disabled = true;
    say("uitvoerstatus", "Het Word-bestand wordt gemaakt...");
    ns.docx.toBlob(made.blocks, { titel: "SDG-rapport " + made.report.bestuur, root: siteRoot, src: siteRoot + data.docx })
      .then(function (blob) {
        ns.opslaan.download(ns.opslaan.fileName(state, ".docx"), blob);
        say("uitvoerstatus", "Het Word-bestand is gedownload.");
      }, function (e) { say("uitvoerstatus", e.message); })
      .then(function () { button.disabled = false; });
  });

  // ---- the budget scan's result, handed over by its button 'Maak een SDG-rapport' (docs/assets/begroting/scan.js):
  // the same summary CSV as its download, kept in this tab's sessionStorage until 'wis-import' ----
  var BUDGET_KEY = "pb-rapport-begroting";
  function fromBudgetScan() {
    var handed = null;
    try { handed = JSON.parse(sessionStorage.getItem(BUDGET_KEY) || "null"); } catch (e) { handed = null; }
    if (!handed || typeof handed.csv !== "string") return;
    var result = ns.invoer.readBudget(handed.csv, cfg);
    if (!result.begroting) { say("importstatus", result.fouten.join(" ")); return; }
    state.begroting = result.begroting;
    var name = typeof handed.naam === "string" ? handed.naam.trim() : "";
    var match = data.besturen.filter(function (b) {
      return b.naam.toLowerCase() === name.toLowerCase() || b.naam.toLowerCase() === ("gemeente " + name).toLowerCase();
    })[0];
    if (!state.bestuur && match) state.bestuur = match.naam;
    say("importstatus", "Het resultaat van de begrotingsscan" + (handed.bestand ? " (" + handed.bestand + ")" : "") +
        " is ingeladen." + (result.fouten.length ? " " + result.fouten.join(" ") : ""));
  }

  // ---- start: choices from the address ----
  buildIndicatorList();
  var fromUrl = ns.opslaan.fromQuery(window.location.search);
  if (fromUrl.bestuur && data.besturen.some(function (b) { return b.naam === fromUrl.bestuur; })) state.bestuur = fromUrl.bestuur;
  if (fromUrl.vorm && cfg.vormen[fromUrl.vorm]) state.vorm = fromUrl.vorm;
  if (fromUrl.indicatoren) state.indicatoren = fromUrl.indicatoren.filter(function (s) { return bySlug[s]; });
  fromBudgetScan();
  root.hidden = false;
  syncForm();
  changed(false);
})();
