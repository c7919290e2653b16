/*
 * Clausulebouwer: the page. Reads the embedded data (#pb-cl-data), shows the clauses of the chosen
 * product group and level, keeps the basket in the address (history.replaceState: a reload or a shared
 * link restores it) and downloads the basket (clausules-document.js). Plain form controls: everything
 * works with the keyboard.
 */
(function () {
  "use strict";

  var M = window.clausulesMand, D = window.clausulesDocument;
  var root = document.getElementById("pb-cl");
  var dataNode = document.getElementById("pb-cl-data");
  if (!root || !dataNode || !M || !D) return;
  var data = JSON.parse(dataNode.textContent);
  var opened = M.fromSearch(window.location.search, data);
  var state = opened.state;
  var el = function (id) { return document.getElementById(id); };
  var groupSelect = el("pb-cl-groep"), list = el("pb-cl-lijst"), basket = el("pb-cl-mand");
  var status = el("pb-cl-status"), used = el("pb-cl-gebruikt"), count = el("pb-cl-aantal");

  function make(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text != null) node.textContent = text;
    return node;
  }

  function named(items, id) {
    for (var i = 0; i < items.length; i++) if (items[i].id === id) return items[i];
    return { naam: id, omschrijving: "" };
  }

  function say(message) { status.textContent = message; }

  function save() {
    var search = M.toSearch(state);
    if (window.location.search !== search) window.history.replaceState(null, "", search + window.location.hash);
    el("pb-cl-link").value = window.location.href;
  }

  function clauseCard(group, clause) {
    var key = group.slug + "." + clause.id;
    var item = make("li", { "class": "pb-cl__clausule" });
    var id = "pb-cl-k-" + key.replace(/\./g, "--");
    var head = make("div", { "class": "pb-cl__kop" });
    var box = make("input", { type: "checkbox", id: id, "data-key": key });
    box.checked = state.mand.indexOf(key) >= 0;
    box.addEventListener("change", function () {
      state = M.toggle(state, key);
      save();
      renderBasket();
      say(box.checked ? "'" + clause.titel + "' zit in je mandje." : "'" + clause.titel + "' is uit je mandje.");
    });
    var label = make("label", { "for": id });
    label.appendChild(make("strong", null, clause.titel));
    label.appendChild(document.createTextNode(" "));
    label.appendChild(make("span", { "class": "pb-cl__niveau pb-cl__niveau--" + clause.niveau }, named(data.niveaus, clause.niveau).naam));
    head.appendChild(box);
    head.appendChild(label);
    item.appendChild(head);
    item.appendChild(make("p", { "class": "pb-cl__tekst" }, clause.tekst));
    var facts = make("dl", { "class": "pb-cl__feiten" });
    facts.appendChild(make("dt", null, "Bewijs"));
    facts.appendChild(make("dd", null, clause.bewijs.map(function (b) { return named(data.bewijs, b).naam; }).join(", ")));
    facts.appendChild(make("dt", null, "Controle"));
    facts.appendChild(make("dd", null, clause.controle));
    var source = group.bronnen[clause.bron - 1];
    if (source) {
      facts.appendChild(make("dt", null, "Bron"));
      var dd = make("dd");
      if (source.url) dd.appendChild(make("a", { href: source.url, rel: "noopener" }, source.titel));
      else dd.appendChild(document.createTextNode(source.titel));
      if (source.uitgever) dd.appendChild(document.createTextNode(" (" + source.uitgever + ")"));
      facts.appendChild(dd);
    }
    item.appendChild(facts);
    return item;
  }

  function renderList() {
    var group = M.group(data, state.groep);
    list.textContent = "";
    used.textContent = "";
    if (!group) return;
    el("pb-cl-groepnaam").textContent = group.titel;
    el("pb-cl-fiche").setAttribute("href", group.url);
    var shown = M.visible(data, state);
    data.stappen.forEach(function (step) {
      var items = shown.filter(function (c) { return c.stap === step.id; });
      if (!items.length) return;
      list.appendChild(make("h3", null, step.naam));
      var ul = make("ul", { "class": "pb-cl__lijst" });
      items.forEach(function (c) { ul.appendChild(clauseCard(group, c)); });
      list.appendChild(ul);
    });
    if (!shown.length) list.appendChild(make("p", null, "Geen clausules op dit niveau voor deze productgroep."));
    if (group.gebruikt_in.length) {
      used.appendChild(make("p", null, "Praktijken in de bank die deze productgroep vermelden:"));
      var ul2 = make("ul");
      group.gebruikt_in.forEach(function (p) {
        var li = make("li");
        li.appendChild(make("a", { href: p.url }, p.titel));
        if (p.besturen.length) li.appendChild(document.createTextNode(" (" + p.besturen.join(", ") + ")"));
        ul2.appendChild(li);
      });
      used.appendChild(ul2);
    } else {
      used.appendChild(make("p", null, "Nog geen praktijk in de bank vermeldt deze productgroep."));
    }
  }

  function renderBasket() {
    basket.textContent = "";
    var steps = M.byStep(data, state);
    count.textContent = String(state.mand.length);
    el("pb-cl-downloads").hidden = !state.mand.length;
    el("pb-cl-leeg").hidden = state.mand.length > 0;
    steps.forEach(function (s) {
      basket.appendChild(make("h3", null, s.stap.naam));
      var ul = make("ul", { "class": "pb-cl__mandlijst" });
      s.items.forEach(function (item) {
        var li = make("li");
        li.appendChild(make("span", null, item.clausule.titel + " (" + item.groep.titel + ", " +
          named(data.niveaus, item.clausule.niveau).naam.toLowerCase() + ")"));
        li.appendChild(document.createTextNode(" "));
        var button = make("button", { type: "button", "class": "pb-cl__weg" }, "Verwijder");
        button.setAttribute("aria-label", "Verwijder '" + item.clausule.titel + "' uit je mandje");
        button.addEventListener("click", function () {
          state = M.remove(state, item.key);
          save();
          renderBasket();
          renderList();
          say("'" + item.clausule.titel + "' is uit je mandje.");
          el("pb-cl-mand-kop").focus();
        });
        li.appendChild(button);
        li.appendChild(make("p", { "class": "pb-cl__tekst pb-cl__alleen-afdruk" }, item.clausule.tekst));
        ul.appendChild(li);
      });
      basket.appendChild(ul);
    });
  }

  function today() { return new Date().toISOString().slice(0, 10); }

  function offer(bytes, name, type) {
    var url = URL.createObjectURL(new Blob([bytes], { type: type }));
    var a = make("a", { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 4000);
  }

  function download(kind) {
    var blocks = D.blocks(data, state, today());
    if (kind === "txt") {
      offer(D.text(blocks), "duurzaamheidsclausules.txt", "text/plain;charset=utf-8");
      return;
    }
    var types = { docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      odt: "application/vnd.oasis.opendocument.text" };
    say("Het bestand wordt gemaakt...");
    fetch(data.sjablonen[kind]).then(function (r) {
      if (!r.ok) throw new Error("sjabloon niet gevonden");
      return r.arrayBuffer();
    }).then(function (buffer) {
      var bytes = (kind === "docx" ? D.docx : D.odt)(blocks, new Uint8Array(buffer), window.fflate, data.merktekens);
      offer(bytes, "duurzaamheidsclausules." + kind, types[kind]);
      say("Het bestand duurzaamheidsclausules." + kind + " is klaar.");
    }).catch(function () {
      say("Het bestand kon niet gemaakt worden. Download de tekstversie (.txt) of probeer het opnieuw.");
    });
  }

  data.groepen.forEach(function (g) { groupSelect.appendChild(make("option", { value: g.slug }, g.titel)); });
  groupSelect.value = state.groep;
  groupSelect.addEventListener("change", function () {
    state = { groep: groupSelect.value, niveau: state.niveau, mand: state.mand };
    save();
    renderList();
  });
  Array.prototype.forEach.call(document.querySelectorAll("input[name=pb-cl-niveau]"), function (radio) {
    radio.checked = radio.value === state.niveau;
    radio.addEventListener("change", function () {
      if (!radio.checked) return;
      state = { groep: state.groep, niveau: radio.value, mand: state.mand };
      save();
      renderList();
    });
  });
  el("pb-cl-docx").addEventListener("click", function () { download("docx"); });
  el("pb-cl-odt").addEventListener("click", function () { download("odt"); });
  el("pb-cl-txt").addEventListener("click", function () { download("txt"); });
  el("pb-cl-afdruk").addEventListener("click", function () { window.print(); });
  el("pb-cl-leegmaken").addEventListener("click", function () {
    state = M.clear(state);
    save();
    renderBasket();
    renderList();
    say("Je mandje is leeg.");
  });
  el("pb-cl-kopieer").addEventListener("click", function () {
    var link = window.location.href;
    var done = function () { say("De link naar je mandje is gekopieerd."); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(link).then(done, function () { el("pb-cl-link").value = link; el("pb-cl-link").select(); });
    }
    el("pb-cl-link").value = link;
  });
  root.hidden = false;
  save();
  renderList();
  renderBasket();
  if (opened.dropped) say(opened.dropped + " onderdeel of onderdelen van de link bestaan niet (meer) en zijn weggelaten.");
})();
