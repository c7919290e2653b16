/* SDG-begrotingsscan: the page (begroting/). Reads the chosen file in the browser (nothing is
 * uploaded), offers a column mapping when headers are unknown (kept in localStorage), and shows
 * totals, charts, unread lines and top lines for the chosen years, kind and type.
 * Needs waarden.js, xlsx.js, lezen.js, samenvatten.js, grafieken.js and the vendored libraries. */
(function (ns) {
  "use strict";
  var STORE = "pb-begroting-kolommen";
  var root = document.getElementById("pb-scan");
  var dataNode = document.getElementById("pb-begroting-data");
  if (!root || !dataNode) return;
  var data = JSON.parse(dataNode.textContent);
  var w = ns.waarden, g = ns.grafieken, esc = g.esc;
  var $ = function (id) { return document.getElementById(id); };
  var names = { sdgs: data.sdgs, ps: data.ps, instrumenteel: data.spec.instrumenteel.naam, domeinen: data.domeinen };
  var state = { bytes: null, name: "", parsed: null, summary: null, headerCells: null };

  function euro(cents, withCents) {
    var text = w.euroText(cents).split(",");
    var sign = text[0].charAt(0) === "-" ? "-" : "", digits = text[0].replace("-", ""), groups = [];
    while (digits.length > 3) { groups.unshift(digits.slice(-3)); digits = digits.slice(0, -3); }
    groups.unshift(digits);
    return sign + "€ " + groups.join(".") + (withCents === false ? "" : "," + text[1]);
  }

  function percent(perMille) { return perMille === null ? "" : w.perMilleText(perMille) + " %"; }

  function status(text) { $("pb-scan-status").textContent = text; }

  function storedMapping() {
    try { return JSON.parse(localStorage.getItem(STORE) || "null"); } catch (e) { return null; }
  }

  function saveMapping(mapping) {
    try { localStorage.setItem(STORE, JSON.stringify(mapping)); } catch (e) { /* private mode: not kept */ }
  }

  // ---------------------------------------------------------------- reading --
  function read(bytes, name) {
    state.bytes = bytes; state.name = name;
    var mapping = storedMapping();
    try {
      state.parsed = ns.lezen.readBudget(data.spec, bytes, name, mapping);
    } catch (e) {
      if (!(e instanceof ns.lezen.FileError)) throw e;
      $("pb-scan-uitkomst").hidden = true;
      if (e.rows) { offerMapping(e); return; }
      status("Het bestand " + name + " kan niet gelezen worden: " + e.message);
      return;
    }
    $("pb-scan-koppeling").hidden = true;
    showFilters();
    update(true);
    var parsed = state.parsed;
    ns.keuzes.load(bytes, parsed, root.getAttribute("data-model"), function () { update(false); })
      .then(function () { if (state.parsed === parsed) update(false); });
    if (parsed.formaat === "sjabloon" && !("sdg" in parsed.kolommen) &&
        !parsed.regels.some(function (l) { return l.sdgs.length; }) &&
        parsed.kopcellen.some(function (c) { return c && mappedHeaders().indexOf(c) < 0; })) {
      openMapping(parsed.kopcellen, columnIndexes(), "In " + name + " staat geen kolom met SDG-codes: de regels zijn " +
        "gelezen zonder SDG. Heeft het bestand er toch een, kies ze hieronder.", true);
    }
  }

  function mappedHeaders() {
    return Object.keys(state.parsed.kolommen).map(function (f) { return state.parsed.kolommen[f]; });
  }

  function columnIndexes() {
    var fields = {};
    Object.keys(state.parsed.kolommen).forEach(function (f) { fields[f] = state.parsed.kopcellen.indexOf(state.parsed.kolommen[f]); });
    return fields;
  }

  function offerMapping(error) {
    var header = error.headerIndex >= 0 ? error.rows[error.headerIndex][1] : (error.rows[0] || [0, []])[1];
    openMapping(header.map(function (c) { return w.cellText(c); }), error.fields,
      "In " + state.name + " ontbreekt " + error.message.replace(/^geen kopregel gevonden met /, "").split(". ")[0] +
      ". Kies hieronder welke kolom wat is.");
  }

  /* The mapping form: one select per field with the header cells of the file. */
  function openMapping(cells, fields, message, keepFocus) {
    state.headerCells = cells;
    var mapping = storedMapping() || {};
    var box = $("pb-scan-velden");
    box.innerHTML = "";
    data.spec.velden.forEach(function (field) {
      var chosen = mapping[field.id];
      if (cells.indexOf(chosen) < 0) chosen = fields[field.id] !== undefined ? cells[fields[field.id]] : "";
      var options = "<option value=\"\">(geen kolom)</option>" + cells.map(function (c) {
        return c ? "<option" + (c === chosen ? " selected" : "") + ">" + esc(c) + "</option>" : "";
      }).join("");
      var div = document.createElement("div");
      div.className = "pb-scan__veld";
      div.innerHTML = "<label for=\"pb-scan-veld-" + field.id + "\">" + esc(field.naam) + "</label>" +
        "<select id=\"pb-scan-veld-" + field.id + "\" data-veld=\"" + field.id + "\" aria-describedby=\"pb-scan-veld-" +
        field.id + "-uitleg\">" + options + "</select><span class=\"pb-scan__hulp\" id=\"pb-scan-veld-" + field.id +
        "-uitleg\">" + esc(field.uitleg) + "</span>";
      box.appendChild(div);
    });
    if (keepFocus) $("pb-scan-filteruitleg").textContent += " " + message; else status(message);
    $("pb-scan-koppeling").hidden = false;
    if (!keepFocus) $("pb-scan-koppeling-kop").focus();
  }

  function applyMapping() {
    var mapping = {};
    Array.prototype.forEach.call(document.querySelectorAll("#pb-scan-velden select"), function (select) {
      mapping[select.getAttribute("data-veld")] = select.value;
    });
    saveMapping(mapping);
    read(state.bytes, state.name);
  }

  // ---------------------------------------------------------------- filters --
  function showFilters() {
    var years = state.parsed.jaren, box = $("pb-scan-jaren");
    box.innerHTML = "<legend>Jaren</legend>";
    if (!years.length) {
      box.insertAdjacentHTML("beforeend", "<p>Het bestand heeft één totaalkolom ('" +
        esc(state.parsed.kolommen.bedrag) + "'), geen kolom per jaar.</p>");
    }
    years.forEach(function (y) {
      box.insertAdjacentHTML("beforeend", "<label class=\"pb-scan__jaar\"><input type=\"checkbox\" checked value=\"" +
        y + "\"> " + y + "</label>");
    });
    $("pb-scan-kolommen").hidden = state.parsed.formaat !== "sjabloon"; // the other formats are read by their own headers
    ["soort", "type"].forEach(function (field) { // without the column: greyed, and saying that all lines count
      var select = $("pb-scan-" + field), has = field in state.parsed.kolommen;
      if (!has && !select.disabled) { select.setAttribute("data-keuze", select.value); select.value = "alle"; }
      if (has && select.disabled) select.value = select.getAttribute("data-keuze") || (field === "soort" ? "uitgaven" : "alle");
      select.disabled = !has;
    });
    var notes = [data.spec.formaten[state.parsed.formaat] ? "Herkend als " + data.spec.formaten[state.parsed.formaat] + "." : ""]
      .concat(state.parsed.opmerkingen || []);
    if (!("soort" in state.parsed.kolommen)) notes.push("Het bestand heeft geen kolom soort: alle regels tellen mee.");
    if (!("type" in state.parsed.kolommen)) notes.push("Het bestand heeft geen kolom type: alle regels tellen mee.");
    if (state.parsed.totaal_genegeerd) {
      notes.push("De kolom '" + state.parsed.kolommen.bedrag + "' is niet gebruikt: de bedragen komen uit de jaarkolommen.");
    }
    $("pb-scan-filteruitleg").textContent = notes.join(" ");
  }

  function chosenYears() {
    var boxes = document.querySelectorAll("#pb-scan-jaren input:checked");
    return Array.prototype.map.call(boxes, function (b) { return Number(b.value); });
  }

  // ----------------------------------------------------------------- result --
  function update(focus) {
    if (!state.parsed) return;
    var years = chosenYears();
    if (state.parsed.jaren.length && !years.length) {
      status("Kies minstens één jaar.");
      return;
    }
    var summary;
    try {
      summary = ns.samenvatten.summarise(ns.regels.applyAccepted(state.parsed, ns.keuzes.accepted()), names, years,
        $("pb-scan-soort").value, $("pb-scan-type").value);
    } catch (e) {
      if (!(e instanceof ns.lezen.FileError)) throw e;
      status("Het bestand " + state.name + " kan niet samengevat worden: " + e.message);
      return;
    }
    state.summary = summary;
    renderTotals(summary);
    renderCharts(summary);
    renderDomains(summary);
    renderNotice();
    renderUnread(summary);
    renderTop(summary);
    renderMeta(summary);
    ns.bank.render(data, summary);
    ns.keuzes.refresh(summary.selectie.jaren);
    $("pb-scan-uitkomst").hidden = false;
    status(state.name + " gelezen als " + (data.spec.formaten[state.parsed.formaat] || "budget") + ": " +
      state.parsed.regels.length + " regels, " + summary.niet_gelezen.length + " niet gelezen. Totaal van de selectie " +
      euro(summary.totaal) + ", waarvan " + euro(summary.gecodeerd) + " met een SDG-code." +
      (state.parsed.formaat === "sjabloon" && !("sdg" in state.parsed.kolommen) ? " " + state.parsed.opmerkingen[0] : ""));
    if (focus) $("pb-scan-uitkomst-kop").focus();
  }

  function row(label, cents, share, key) {
    return "<tr class=\"pb-scan__totaal--" + key + "\"><th scope=\"row\">" + esc(label) + "</th><td data-cent=\"" + cents + "\" data-veld=\"" + key + "\">" +
      esc(euro(cents)) + "</td><td>" + esc(share) + "</td></tr>";
  }

  function renderTotals(s) {
    var t = s.totaal;
    $("pb-scan-totalen").tBodies[0].innerHTML =
      row("Met SDG-code (" + s.regels_gecodeerd + " regels)", s.gecodeerd, percent(w.perMille(s.gecodeerd, t)), "gecodeerd") +
      row("waarvan door het bestuur zelf (" + (s.regels_gecodeerd - s.regels_aanvaard) + " regels)", s.gecodeerd - s.aanvaard,
        percent(w.perMille(s.gecodeerd - s.aanvaard, t)), "eigen") +
      row("waarvan door aanvaarde suggesties (" + s.regels_aanvaard + " regels)", s.aanvaard,
        percent(w.perMille(s.aanvaard, t)), "aanvaard") +
      (s.regels_instrumenteel ? row(data.spec.instrumenteel.naam + " (" + s.regels_instrumenteel + " regels, buiten de SDG's)",
        s.instrumenteel, percent(w.perMille(s.instrumenteel, t)), "instrumenteel") : "") +
      row("Zonder SDG-code (" + (s.regels - s.regels_gecodeerd - s.regels_instrumenteel) + " regels)", s.niet_gecodeerd,
        percent(w.perMille(s.niet_gecodeerd, t)), "niet_gecodeerd") +
      row("Totaal gelezen (" + s.regels + " regels)", t, percent(w.perMille(t, t)), "totaal") +
      row("Niet gelezen (" + s.niet_gelezen.length + " regels, bedragen voor zover leesbaar)", s.niet_gelezen_bedrag, "",
        "niet_gelezen");
  }

  function extremes(rows) {
    if (!rows.length) return "";
    var most = rows.reduce(function (a, b) { return b.value > a.value ? b : a; });
    return " Grootste: " + most.label + " (" + most.text + ").";
  }

  function renderCharts(s) {
    var sdgRows = s.sdgs.map(function (r, i) {
      var sdg = data.sdgs[i];
      return { label: "SDG " + r.nummer + " " + sdg.naam, value: r.bedrag, text: euro(r.bedrag, false),
        colour: sdg.kleur, cells: [euro(r.bedrag), percent(r.promille)] };
    });
    var pRows = s.ps.map(function (r, i) {
      var p = data.ps[i];
      return { label: p.naam, value: r.bedrag, text: euro(r.bedrag, false), colour: p.kleur,
        cells: [euro(r.bedrag), percent(r.promille)] };
    });
    var charts = "<div class=\"pb-scan__grafieken\"><div>" + g.barChart("pb-scan-sdg", "Bedrag per SDG", sdgRows,
      "Staafdiagram van het bedrag per SDG." + extremes(sdgRows) + " Alle bedragen staan in de tabel.",
      ["SDG", "Bedrag", "Aandeel van het totaal"]) + "</div><div>" + g.barChart("pb-scan-p", "Bedrag per P", pRows,
      "Staafdiagram van het bedrag per P." + extremes(pRows) + " Alle bedragen staan in de tabel.",
      ["P", "Bedrag", "Aandeel van het totaal"]) + "</div></div>";
    // Nothing coded yet: every bar is zero, so the charts fold away behind one line; the suggestions
    // below (with 'Wat de suggesties zouden toevoegen') are what there is to see.
    var empty = !s.regels_gecodeerd;
    $("pb-scan-grafieken").innerHTML = empty ? "<details class=\"pb-scan__leeg\"><summary>Bedrag per SDG en per P: nog " +
      "overal nul, want geen regel heeft een SDG. Toon de lege grafieken.</summary>" + charts + "</details>" : charts;
  }

  /* The notice at the top when the file itself carries no SDG at all (begroting.yaml geen_sdg). */
  function renderNotice() {
    var none = !state.parsed.regels.some(function (l) { return l.sdgs.length || (l.instrumenteel && l.herkomst !== "aanvaard"); });
    $("pb-scan-geen-sdg").hidden = !none || !state.parsed.regels.length;
  }

  /* Spending per BBC policy domain (from the lines' beleidsveld), each linked to its page in the bank. */
  function renderDomains(s) {
    $("pb-scan-domeinen").hidden = !s.domeinen.length;
    var byId = {};
    data.domeinen.forEach(function (d) { byId[d.id] = d; });
    $("pb-scan-rapport-domeinen").textContent = s.domeinen.length ? "Per beleidsdomein: " + s.domeinen.map(function (r) {
      return byId[r.id].code + " " + byId[r.id].naam + " " + euro(r.bedrag, false) + " (" + percent(r.promille) + ")";
    }).join("; ") + "." : "";
    if (!s.domeinen.length) return;
    var rows = s.domeinen.map(function (r) {
      var d = byId[r.id], name = esc(d.code + " " + d.naam);
      return "<tr><th scope=\"row\">" + (d.href ? "<a href=\"" + esc(d.href) + "\">" + name + "</a>" : name) + "</th>" +
        "<td class=\"pb-scan__bedrag\" data-cent=\"" + r.bedrag + "\">" + esc(euro(r.bedrag)) + "</td><td>" + esc(percent(r.promille)) +
        "</td><td class=\"pb-scan__scherm pb-scan__praktijken\">" + d.praktijken + "</td></tr>";
    });
    if (s.zonder_domein.regels) {
      rows.push("<tr><th scope=\"row\">Zonder (bekend) beleidsveld</th><td class=\"pb-scan__bedrag\" data-cent=\"" +
        s.zonder_domein.bedrag + "\">" + esc(euro(s.zonder_domein.bedrag)) + "</td><td>" +
        esc(percent(w.perMille(s.zonder_domein.bedrag, s.totaal))) + "</td><td class=\"pb-scan__scherm pb-scan__praktijken\"></td></tr>");
    }
    $("pb-scan-domeinen-tabel").innerHTML = "<div class=\"pb-tabel-wrap\"><table class=\"pb-tabel pb-scan__domeintabel\">" +
      "<caption class=\"pb-sr\">Uitgaven per beleidsdomein</caption><thead><tr><th scope=\"col\">Beleidsdomein</th>" +
      "<th scope=\"col\">Bedrag</th><th scope=\"col\">Aandeel</th><th scope=\"col\" class=\"pb-scan__scherm pb-scan__praktijken\">" +
      "Praktijken</th></tr></thead><tbody>" + rows.join("") + "</tbody></table></div>";
  }

  var PRINTED_UNREAD = 5;

  function renderUnread(s) {
    var list = s.niet_gelezen.slice(0, PRINTED_UNREAD).map(function (r) {
      return "rij " + r.rij + " (" + ns.samenvatten.unreadName(r) + ")";
    });
    $("pb-scan-rapport-fouten").textContent = s.niet_gelezen.length ? "Niet gelezen: " + list.join("; ") +
      (s.niet_gelezen.length > PRINTED_UNREAD ? "; en " + (s.niet_gelezen.length - PRINTED_UNREAD) +
        " meer (zie de CSV-samenvatting)." : ".") : "";
    var box = $("pb-scan-fouten");
    if (!s.niet_gelezen.length) { box.innerHTML = "<p>Geen: elke regel is gelezen.</p>"; return; }
    box.innerHTML = "<div class=\"pb-tabel-wrap\"><table class=\"pb-tabel\"><caption class=\"pb-sr\">Niet gelezen regels" +
      "</caption><thead><tr><th scope=\"col\">Rij</th><th scope=\"col\">Regel</th><th scope=\"col\">Reden</th>" +
      "<th scope=\"col\">Bedrag</th></tr></thead><tbody>" + s.niet_gelezen.map(function (r) {
        return "<tr><td>" + r.rij + "</td><td>" + esc([r.code, r.omschrijving].filter(Boolean).join(" ")) + "</td><td>" + esc(r.reden) + "</td><td>" +
          (r.bedrag === null ? "niet leesbaar" : esc(euro(r.bedrag))) + "</td></tr>";
      }).join("") + "</tbody></table></div>";
  }

  function renderTop(s) {
    var parts = [];
    s.top.forEach(function (t, i) {
      if (!t.regels.length) return;
      parts.push("<details class=\"pb-scan__top\"><summary>SDG " + t.nummer + " " + esc(data.sdgs[i].naam) + " (" +
        esc(euro(s.sdgs[i].bedrag)) + ")</summary><ol>" + t.regels.map(function (r) {
          return "<li>" + esc(r.omschrijving || r.code || "(zonder omschrijving)") + ": " + esc(euro(r.bedrag)) +
            " <span class=\"pb-scan__rij\">(rij " + r.rij + (r.herkomst ? ", " + esc(data.spec.sdg_tekst.herkomst[r.herkomst]) : "") +
            ")</span></li>";
        }).join("") + "</ol></details>");
    });
    $("pb-scan-top").innerHTML = parts.join("") || "<p>Geen regels met een SDG-code in deze selectie.</p>";
  }

  function renderMeta(s) {
    var name = $("pb-scan-naam").value.trim();
    $("pb-scan-rapportnaam").textContent = name ? ": " + name : "";
    var sel = s.selectie;
    var today = new Date().toLocaleDateString("nl-BE", { day: "numeric", month: "long", year: "numeric" });
    $("pb-scan-rapportmeta").textContent = "Bestand: " + state.name + ". Jaren: " + (sel.jaren.join(", ") || "totaalkolom") +
      ". Soort: " + (sel.soort || "alle") + ". Type: " + (sel.type || "alle") + ". " + (s.regels_gecodeerd - s.regels_aanvaard) +
      " regels met een SDG van het bestuur zelf, " + s.regels_aanvaard + " met een aanvaarde suggestie van de scan, " +
      (s.regels_instrumenteel ? s.regels_instrumenteel + " instrumenteel (" + (s.regels_instrumenteel - s.regels_instrumenteel_aanvaard) +
        " door het bestuur zelf, " + s.regels_instrumenteel_aanvaard + " door een aanvaarde suggestie), " : "") +
      (s.regels - s.regels_gecodeerd - s.regels_instrumenteel) + " zonder SDG. Gemaakt op " + today + ".";
  }

  // ---------------------------------------------------------------- export --
  function downloadCsv() {
    if (!state.summary) return;
    download("\ufeff" + ns.samenvatten.toCsv(state.summary, names), "sdg-begrotingsscan-" + baseName() + ".csv");
  }

  function download(text, name) {
    var url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  // The button 'Maak een SDG-rapport': the summary goes to the report builder in this tab only
  // (sessionStorage, read by docs/assets/rapport/app.js); nothing leaves the browser.
  var REPORT_KEY = "pb-rapport-begroting";
  function openReport(e) {
    if (!state.summary) return;
    var handed = { csv: ns.samenvatten.toCsv(state.summary, names), naam: $("pb-scan-naam").value.trim(), bestand: state.name };
    try {
      sessionStorage.setItem(REPORT_KEY, JSON.stringify(handed));
    } catch (err) {
      status("De browser laat niet toe het resultaat door te geven: download de samenvatting (CSV) en laad ze in de rapportbouwer.");
      return;
    }
    window.location.href = e.currentTarget.getAttribute("data-href");
  }

  function baseName() { return state.name.replace(/\.[^.]+$/, "").replace(/[^\w-]+/g, "-"); }

  function downloadTemplate() {
    if (!state.parsed) return;
    download("\ufeff" + ns.regels.templateCsv(data.spec, ns.regels.applyAccepted(state.parsed, ns.keuzes.accepted())),
      baseName() + "-met-sdg.csv");
  }

  function loadFile(file) {
    status("Bezig met lezen van " + file.name + "…");
    file.arrayBuffer().then(function (buffer) { read(new Uint8Array(buffer), file.name); }, function () {
      status("Het bestand " + file.name + " kan niet geopend worden.");
    });
  }

  $("pb-scan-bestand").addEventListener("change", function (e) { if (e.target.files[0]) loadFile(e.target.files[0]); });
  $("pb-scan-voorbeeld").addEventListener("click", function (e) {
    var href = e.currentTarget.getAttribute("data-href");
    status("Het voorbeeld wordt geladen…");
    fetch(href).then(function (r) { return r.arrayBuffer(); }).then(function (b) {
      read(new Uint8Array(b), "voorbeeldgemeente-fictief.csv");
    }, function () { status("Het voorbeeld kan niet geladen worden."); });
  });
  $("pb-scan-koppel").addEventListener("click", applyMapping);
  $("pb-scan-kolommen").addEventListener("click", function () {
    openMapping(state.parsed.kopcellen || [], columnIndexes(), "Kies welke kolom van " + state.name + " wat is.");
  });
  $("pb-scan-sjabloon").addEventListener("click", downloadTemplate);
  ns.keuzes.init(data, euro, function () { update(false); });
  $("pb-scan-vergeet").addEventListener("click", function () {
    try { localStorage.removeItem(STORE); } catch (e) { /* nothing kept */ }
    status("De bewaarde koppeling is gewist.");
  });
  $("pb-scan-filters").addEventListener("change", function (e) { if (e.target.id !== "pb-scan-naam") update(false); });
  $("pb-scan-filters").addEventListener("submit", function (e) { e.preventDefault(); });
  $("pb-scan-naam").addEventListener("input", function () { if (state.summary) renderMeta(state.summary); });
  $("pb-scan-csv").addEventListener("click", downloadCsv);
  $("pb-scan-print").addEventListener("click", function () { window.print(); });
  $("pb-scan-naar-rapport").addEventListener("click", openReport);
  root.hidden = false;
})(globalThis.PbBegroting);
