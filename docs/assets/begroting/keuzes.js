/* SDG-begrotingsscan: suggestions for lines without SDG, and the user's choices.
 * Suggestions (suggesties.js, model fetched from the build) are shown apart from the totals; a user
 * accepts or rejects them per line, per action plan, per policy goal or per beleidsveld (buttons, so
 * keyboard too). Choices are kept in localStorage per file (hash of its bytes); accepted codes count as
 * coded (origin 'aanvaard') and go into the export in the template's shape (regels.js).
 * Plain script: adds PbBegroting.keuzes. Needs waarden.js, regels.js, suggesties.js, grafieken.js. */
(function (ns) {
  "use strict";
  var w = ns.waarden, esc = ns.grafieken.esc;
  var PREFIX = "pb-begroting-keuzes-";
  var GROUPS = [["actieplan", "actieplan"], ["doelstelling", "beleidsdoelstelling"], ["beleidsveld", "beleidsveld"]];
  var state = { key: null, parsed: null, sug: {}, choices: { aanvaard: {}, afgewezen: {} }, model: null, open: {},
    years: [], euro: null, onChange: null, data: null };
  var $ = function (id) { return document.getElementById(id); };

  function store() {
    try { localStorage.setItem(state.key, JSON.stringify(state.choices)); } catch (e) { /* private mode: not kept */ }
  }

  function restore() {
    var kept = null;
    try { kept = JSON.parse(localStorage.getItem(state.key) || "null"); } catch (e) { kept = null; }
    state.choices = kept && kept.aanvaard ? kept : { aanvaard: {}, afgewezen: {} };
  }

  function loadModel(url) {
    if (state.model) return Promise.resolve(state.model);
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(String(r.status));
      return r.json();
    }).then(function (m) { state.model = m; return m; });
  }

  function amount(line) {
    var a = line.bedragen, y = state.years;
    if (!y.length) return a[0] || 0;
    return y.reduce(function (s, year) { return s + (a[year] || 0); }, 0);
  }

  function groupKey(line, by) {
    if (by === "beleidsveld") return line.beleidsveld ? "Beleidsveld " + line.beleidsveld : "Zonder beleidsveld";
    return (line.groep && line.groep[by]) || "Zonder " + (by === "actieplan" ? "actieplan" : "beleidsdoelstelling");
  }

  function groupings(parsed) {
    var out = GROUPS.filter(function (g) {
      return parsed.regels.some(function (l) { return g[0] === "beleidsveld" ? l.beleidsveld : l.groep && l.groep[g[0]]; });
    });
    return out.length ? out : [["alle", "alle regels samen"]];
  }

  function pending(line) {
    return !line.sdgs.length && (state.sug[line.rij] || []).length && !state.choices.aanvaard[line.rij] &&
      !state.choices.afgewezen[line.rij];
  }

  /* Accept (sdgs) or reject (null) the lines; undo with 'terug'. */
  function choose(lines, how, sdg) {
    lines.forEach(function (line) {
      var sug = state.sug[line.rij] || [];
      delete state.choices.aanvaard[line.rij];
      delete state.choices.afgewezen[line.rij];
      if (how === "aanvaard" && sug.length) state.choices.aanvaard[line.rij] = [sdg || sug[0].sdg];
      else if (how === "afwijs") state.choices.afgewezen[line.rij] = true;
    });
    store();
    state.onChange();
  }

  function uncoded() { return state.parsed.regels.filter(function (l) { return !l.sdgs.length; }); }

  function lineRow(line, names) {
    var sug = state.sug[line.rij] || [], accepted = state.choices.aanvaard[line.rij];
    var rejected = state.choices.afgewezen[line.rij];
    var name = [line.code, line.omschrijving].filter(Boolean).join(" ") || "(zonder omschrijving)";
    var cell;
    if (!sug.length) cell = "Geen suggestie.";
    else if (accepted) {
      cell = "<strong>Aanvaard: SDG " + accepted.join(", ") + "</strong> <button type=\"button\" class=\"pb-scan__klein\" " +
        "data-rij=\"" + line.rij + "\" data-keuze=\"terug\">Ongedaan maken<span class=\"pb-sr\"> voor rij " + line.rij +
        "</span></button>";
    } else if (rejected) {
      cell = "Afgewezen. <button type=\"button\" class=\"pb-scan__klein\" data-rij=\"" + line.rij + "\" data-keuze=\"terug\">" +
        "Ongedaan maken<span class=\"pb-sr\"> voor rij " + line.rij + "</span></button>";
    } else {
      cell = "<ul class=\"pb-scan__voorstel\">" + sug.map(function (s) {
        return "<li><button type=\"button\" class=\"md-button pb-scan__knop\" data-rij=\"" + line.rij + "\" data-keuze=\"aanvaard\" " +
          "data-sdg=\"" + s.sdg + "\">Aanvaard SDG " + s.sdg + "<span class=\"pb-sr\"> voor rij " + line.rij + "</span></button> " +
          esc(names[s.sdg]) + (s.subdoel ? " (subdoel " + esc(s.subdoel) + ")" : "") +
          "<details><summary>Waarom?</summary><ul>" + s.redenen.map(function (r) { return "<li>" + esc(r) + "</li>"; }).join("") +
          "</ul></details></li>";
      }).join("") + "</ul><button type=\"button\" class=\"pb-scan__klein\" data-rij=\"" + line.rij + "\" data-keuze=\"afwijs\">" +
        "Wijs af<span class=\"pb-sr\"> voor rij " + line.rij + "</span></button>";
    }
    return "<tr><td data-label=\"Rij\">" + line.rij + "</td><td data-label=\"Regel\">" + esc(name) +
      "</td><td class=\"pb-scan__bedrag\" data-label=\"Bedrag\">" + esc(state.euro(amount(line))) +
      "</td><td data-label=\"Suggestie\">" + cell + "</td></tr>";
  }

  function groupBody(lines, names) {
    return "<div class=\"pb-tabel-wrap\"><table class=\"pb-tabel\"><thead><tr><th scope=\"col\">Rij</th><th scope=\"col\">Regel" +
      "</th><th scope=\"col\">Bedrag</th><th scope=\"col\">Suggestie</th></tr></thead><tbody>" +
      lines.map(function (l) { return lineRow(l, names); }).join("") + "</tbody></table></div>";
  }

  function render() {
    var box = $("pb-scan-suggesties"), by = $("pb-scan-groep").value, names = {};
    state.data.sdgs.forEach(function (s) { names[s.nummer] = s.naam; });
    var groups = {}, order = [];
    uncoded().forEach(function (line) {
      var key = by === "alle" ? "Alle regels zonder SDG" : groupKey(line, by);
      if (!groups[key]) { groups[key] = []; order.push(key); }
      groups[key].push(line);
    });
    var label = (GROUPS.filter(function (g) { return g[0] === by; })[0] || [by, "groep"])[1];
    box.innerHTML = order.map(function (key, i) {
      var lines = groups[key], open = pendingCount(lines);
      var total = lines.reduce(function (s, l) { return s + amount(l); }, 0);
      return "<section class=\"pb-scan__groep\" aria-labelledby=\"pb-scan-groep-" + i + "\"><h4 id=\"pb-scan-groep-" + i + "\">" +
        esc(key) + "</h4><p>" + count(lines.length, "regel", "regels") + " zonder SDG, " + esc(state.euro(total)) + "; " +
        open + " met een suggestie die op je keuze wacht.</p><p class=\"pb-scan__groepknoppen\">" +
        (open ? "<button type=\"button\" class=\"md-button pb-scan__knop\" data-groep=\"" + i + "\" data-keuze=\"aanvaard\">Aanvaard de " +
          "suggesties van dit " + esc(label) + "<span class=\"pb-sr\">: " + esc(key) + "</span></button> " +
          "<button type=\"button\" class=\"md-button pb-scan__knop\" data-groep=\"" + i + "\" data-keuze=\"afwijs\">Wijs ze af<span " +
          "class=\"pb-sr\">: " + esc(key) + "</span></button> " : "") +
        "<button type=\"button\" class=\"pb-scan__klein\" data-groep=\"" + i + "\" data-keuze=\"toon\" aria-expanded=\"" +
        (state.open[key] ? "true" : "false") + "\">" + (state.open[key] ? "Verberg" : "Toon") + " de regels<span class=\"pb-sr\">" +
        ": " + esc(key) + "</span></button></p>" + (state.open[key] ? groupBody(lines, names) : "") + "</section>";
    }).join("") || "<p>Elke regel heeft een SDG.</p>";
    state.groups = order.map(function (k) { return [k, groups[k]]; });
  }

  function count(n, one, more) { return n + " " + (n === 1 ? one : more); }

  function pendingCount(lines) { return lines.filter(pending).length; }

  /* What the pending first suggestions would add, per SDG (never in the totals). */
  function renderWouldAdd() {
    var per = {}, number = 0, sum = 0;
    uncoded().forEach(function (line) {
      if (!pending(line)) return;
      var first = state.sug[line.rij][0].sdg, a = amount(line);
      per[first] = (per[first] || 0) + a; number++; sum += a;
    });
    var rows = Object.keys(per).map(Number).sort(function (a, b) { return per[b] - per[a] || a - b; });
    $("pb-scan-suggesties-som").innerHTML = number ? "<p>Wat de eerste suggesties zouden toevoegen als je ze aanvaardt: " +
      esc(state.euro(sum)) + " in " + count(number, "regel", "regels") + ". Dat staat <strong>niet</strong> in de totalen hierboven.</p>" +
      "<div class=\"pb-tabel-wrap\"><table class=\"pb-tabel\"><caption>Wat de suggesties zouden toevoegen</caption><thead><tr>" +
      "<th scope=\"col\">SDG</th><th scope=\"col\">Bedrag</th></tr></thead><tbody>" + rows.map(function (n) {
        return "<tr><th scope=\"row\">SDG " + n + "</th><td data-cent=\"" + per[n] + "\">" + esc(state.euro(per[n])) + "</td></tr>";
      }).join("") + "</tbody></table></div>" : "<p>Geen suggesties die op je keuze wachten.</p>";
  }

  function onClick(e) {
    var button = e.target.closest("button[data-keuze]");
    if (!button) return;
    var how = button.getAttribute("data-keuze"), group = button.getAttribute("data-groep");
    if (group !== null) {
      var entry = state.groups[Number(group)];
      if (how === "toon") { state.open[entry[0]] = !state.open[entry[0]]; render(); refocus(button); return; }
      choose(entry[1].filter(pending), how);
    } else {
      var rij = Number(button.getAttribute("data-rij"));
      var line = state.parsed.regels.filter(function (l) { return l.rij === rij; });
      choose(line, how, Number(button.getAttribute("data-sdg")) || null);
    }
    refocus(button);
  }

  /* After a re-render, keep the keyboard where it was: the same group's or row's first button. */
  function refocus(button) {
    var sel = button.hasAttribute("data-groep") ? "[data-groep=\"" + button.getAttribute("data-groep") + "\"]"
      : "[data-rij=\"" + button.getAttribute("data-rij") + "\"]";
    var target = document.querySelector("#pb-scan-suggesties button" + sel + "[data-keuze=\"" + button.getAttribute("data-keuze") +
      "\"]") || document.querySelector("#pb-scan-suggesties button" + sel) || $("pb-scan-suggesties-kop");
    if (target.id === "pb-scan-suggesties-kop") target.setAttribute("tabindex", "-1");
    target.focus();
  }

  function init(data, euro, onChange) {
    state.data = data; state.euro = euro; state.onChange = onChange;
    $("pb-scan-suggesties").addEventListener("click", onClick);
    $("pb-scan-groep").addEventListener("change", render);
    $("pb-scan-keuzes-wis").addEventListener("click", function () {
      state.choices = { aanvaard: {}, afgewezen: {} };
      store();
      onChange();
    });
    $("pb-scan-alles").addEventListener("click", function () { choose(uncoded().filter(pending), "aanvaard"); });
  }

  /* A new file: its stored choices, then (asynchronously) its suggestions. */
  function load(bytes, parsed, modelUrl, status) {
    state.key = PREFIX + ns.regels.fileHash(bytes);
    state.parsed = parsed; state.sug = {}; state.open = {};
    restore();
    var select = $("pb-scan-groep");
    select.innerHTML = groupings(parsed).map(function (g) { return "<option value=\"" + g[0] + "\">" + esc(g[1]) + "</option>"; }).join("");
    var todo = uncoded();
    $("pb-scan-suggesties-blok").hidden = !parsed.regels.length;
    if (!todo.length) { render(); renderWouldAdd(); return Promise.resolve(); }
    $("pb-scan-suggesties").innerHTML = "<p>De suggesties worden berekend…</p>";
    return loadModel(modelUrl).then(function (model) {
      todo.forEach(function (line) {
        state.sug[line.rij] = ns.suggesties.suggest(model, { beleidsveld: line.beleidsveld, teksten: line.teksten });
      });
      render(); renderWouldAdd();
    }, function () {
      $("pb-scan-suggesties").innerHTML = "<p>De suggesties konden niet geladen worden. De totalen hierboven kloppen wel.</p>";
      status();
    });
  }

  function refresh(years) { state.years = years; if (state.parsed) { render(); renderWouldAdd(); } }

  function accepted() { return state.choices.aanvaard; }

  ns.keuzes = { init: init, load: load, refresh: refresh, accepted: accepted };
})(globalThis.PbBegroting);
