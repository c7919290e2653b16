/*
 * SDG-rapportbouwer: blocks -> the report on screen and on paper (DOM, text only, no innerHTML).
 * A chart (grafiek, tegels) is drawn for the eye and hidden from screen readers: the table right
 * after it holds the same figures.
 */
(function (global) {
  "use strict";
  var ns = (global.PbRapport = global.PbRapport || {});

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function link(item, root) {
    var href = item.url || (item.pad ? new URL(item.pad, root).href : null);
    if (!href) return document.createTextNode(item.tekst);
    var a = el("a", { href: href }, item.tekst);
    if (item.url) a.rel = "noopener";
    return a;
  }

  function table(block, number) {
    // scrolls sideways on a phone: reachable with the keyboard, named for screen readers
    var wrap = el("div", { class: "pb-rapport__tabelwrap", tabindex: "0", role: "region",
                           "aria-label": "Tabel " + number + ": " + (block.bijschrift || block.kop.join(", ")) });
    var t = el("table", { class: "pb-rapport__tabel" });
    if (block.bijschrift) t.appendChild(el("caption", {}, block.bijschrift));
    var head = el("thead"), tr = el("tr");
    block.kop.forEach(function (h) { tr.appendChild(el("th", { scope: "col" }, h)); });
    head.appendChild(tr);
    t.appendChild(head);
    var body = el("tbody");
    block.rijen.forEach(function (row) {
      var r = el("tr");
      row.forEach(function (cell, i) { r.appendChild(i === 0 ? el("th", { scope: "row" }, cell) : el("td", {}, cell)); });
      body.appendChild(r);
    });
    t.appendChild(body);
    wrap.appendChild(t);
    return wrap;
  }

  function chart(block, colours) {
    var fig = el("figure", { class: "pb-rapport__grafiek" });
    fig.appendChild(el("figcaption", {}, block.titel + " (de cijfers staan in de tabel hieronder)"));
    var max = Math.max.apply(null, block.staven.map(function (s) { return s.promille; }).concat([1]));
    var bars = el("div", { class: "pb-rapport__staven", "aria-hidden": "true" });
    block.staven.forEach(function (s) {
      var row = el("div", { class: "pb-rapport__staaf" });
      row.appendChild(el("span", { class: "pb-rapport__staaflabel" }, s.label));
      var bar = el("span", { class: "pb-rapport__staafbalk" });
      bar.style.width = Math.max(1, Math.round(100 * s.promille / max)) + "%";
      bar.style.background = (colours[s.nummer] || {}).kleur || "#555";
      row.appendChild(bar);
      row.appendChild(el("span", { class: "pb-rapport__staafwaarde" }, s.tekst));
      bars.appendChild(row);
    });
    fig.appendChild(bars);
    return fig;
  }

  function tiles(block, colours) {
    var grid = el("div", { class: "pb-rapport__tegels", "aria-hidden": "true" });
    block.tegels.forEach(function (t) {
      var tile = el("div", { class: "pb-rapport__tegel" });
      var c = colours[t.nummer] || {};
      tile.style.setProperty("--pb-kleur", c.kleur || "#555");
      tile.style.setProperty("--pb-tekst", c.tekstkleur || "#fff");
      tile.appendChild(el("p", { class: "pb-rapport__tegelnr" }, String(t.nummer)));
      tile.appendChild(el("p", { class: "pb-rapport__tegelnaam" }, t.naam));
      t.regels.forEach(function (line) { tile.appendChild(el("p", { class: "pb-rapport__tegelregel" }, line)); });
      grid.appendChild(tile);
    });
    return grid;
  }

  // Render blocks into ``target`` (emptied first). ``names``: SDG names and colours; ``root``: the site's root URL.
  function render(target, blocks, names, root) {
    var colours = {};
    names.sdgs.forEach(function (s) { colours[s.nummer] = s; });
    while (target.firstChild) target.removeChild(target.firstChild);
    var levels = { kop1: "h2", kop2: "h3", kop3: "h4" };  // the page itself has the h1
    var tables = 0;
    var pair = null;  // a chart and the table after it sit side by side
    blocks.forEach(function (b) {
      if (pair && b.t === "tabel") { pair.appendChild(table(b, ++tables)); pair = null; return; }
      pair = null;
      if (levels[b.t]) target.appendChild(el(levels[b.t], { class: "pb-rapport__" + b.t }, b.tekst));
      else if (b.t === "alinea") target.appendChild(el("p", {}, b.tekst));
      else if (b.t === "tabel") target.appendChild(table(b, ++tables));
      else if (b.t === "grafiek") {
        pair = el("div", { class: "pb-rapport__naast" });
        pair.appendChild(chart(b, colours));
        target.appendChild(pair);
      }
      else if (b.t === "tegels") target.appendChild(tiles(b, colours));
      else if (b.t === "einde") target.appendChild(el("div", { class: "pb-rapport__einde", "aria-hidden": "true" }));
      else if (b.t === "lijst") {
        var ul = el("ul");
        b.items.forEach(function (item) { var li = el("li"); li.appendChild(link(item, root)); ul.appendChild(li); });
        target.appendChild(ul);
      } else if (b.t === "voorblad") {
        var cover = el("div", { class: "pb-rapport__voorblad" });
        cover.appendChild(el("p", { class: "pb-rapport__voorbladtitel" }, b.titel));
        cover.appendChild(el("p", { class: "pb-rapport__voorbladbestuur" }, b.ondertitel));
        b.regels.forEach(function (line) { cover.appendChild(el("p", {}, line)); });
        target.appendChild(cover);
      }
    });
  }

  ns.weergave = { render: render };
})(typeof window !== "undefined" ? window : globalThis);
