/*
 * SDG-projectscan: the form on the page <-> a state (see scan-state.js).
 *
 * The form itself is HTML from the build (templates/site/projectscan.md.j2),
 * so every label, fieldset and radio group is there without JavaScript; this
 * module only reads and sets the fields, adds and removes spill-over rows
 * (cloned from <template id="pb-scan-spillover-sjabloon">, where __N__ and
 * __NR__ become the row number) and shows the suggested SDGs.
 *
 * - read(root, cfg): the state in the form (normalized).
 * - write(root, s): put a state into the form.
 * - showSuggestions(root, s, cfg): the 'begin with' box and the marks on the SDGs.
 * - el(tag, attrs, children): a small DOM builder (text is always text, never HTML).
 */
(function (global) {
  "use strict";

  var ns = (global.PbScan = global.PbScan || {});

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined && child !== false) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function value(id) {
    var field = byId(id);
    return field ? field.value : "";
  }

  function setValue(id, text) {
    var field = byId(id);
    if (field) field.value = text;
  }

  function checkedValue(root, name) {
    var field = root.querySelector('input[name="' + name + '"]:checked');
    return field ? field.value : "";
  }

  function check(root, name, wanted) {
    root.querySelectorAll('input[name="' + name + '"]').forEach(function (input) {
      input.checked = input.value === String(wanted);
    });
  }

  function rows(root) {
    return Array.prototype.slice.call(root.querySelectorAll("#pb-scan-spillovers > .pb-scan-spillover"));
  }

  function read(root, cfg) {
    var raw = {
      titel: value("pb-scan-titel"),
      omschrijving: value("pb-scan-omschrijving"),
      themas: Array.prototype.map.call(root.querySelectorAll('input[name="thema"]:checked'),
                                       function (input) { return input.value; }),
      fase: checkedValue(root, "fase"),
      sdgs: cfg.sdgs.map(function (s) {
        return { nr: s.nr, effect: checkedValue(root, "sdg-" + s.nr), toelichting: value("sdg-" + s.nr + "-toelichting") };
      }),
      mondiaal: { effect: checkedValue(root, "mondiaal"), toelichting: value("pb-scan-mondiaal-toelichting") },
      spillovers: rows(root).map(function (row, index) {
        var n = "spill-" + (index + 1);
        return { van: value(n + "-van"), naar: value(n + "-naar"), score: checkedValue(root, n + "-score"),
                 toelichting: value(n + "-toelichting") };
      }),
      lnob: cfg.lnob.map(function (f) {
        var box = byId("lnob-" + f.id);
        return { id: f.id, risico: !!(box && box.checked), toelichting: value("lnob-" + f.id + "-toelichting") };
      }),
      conclusie: value("pb-scan-conclusie")
    };
    return ns.state.normalize(raw, cfg).state;
  }

  // Append spill-over row number `nr` (1-based) and return its fieldset.
  function addRow(root, nr, item) {
    var html = byId("pb-scan-spillover-sjabloon").innerHTML.replace(/__NR__/g, String(nr)).replace(/__N__/g, String(nr));
    var box = byId("pb-scan-spillovers");
    box.insertAdjacentHTML("beforeend", html);
    var row = box.lastElementChild;
    row.setAttribute("data-rij", String(nr));
    if (item) {
      setValue("spill-" + nr + "-van", item.van ? String(item.van) : "");
      setValue("spill-" + nr + "-naar", item.naar ? String(item.naar) : "");
      check(root, "spill-" + nr + "-score", item.score);
      setValue("spill-" + nr + "-toelichting", item.toelichting);
    }
    return row;
  }

  function writeSpillovers(root, list) {
    byId("pb-scan-spillovers").textContent = "";
    list.forEach(function (item, index) { addRow(root, index + 1, item); });
  }

  function write(root, s) {
    setValue("pb-scan-titel", s.titel);
    setValue("pb-scan-omschrijving", s.omschrijving);
    root.querySelectorAll('input[name="thema"]').forEach(function (input) {
      input.checked = s.themas.indexOf(input.value) >= 0;
    });
    check(root, "fase", s.fase);
    s.sdgs.forEach(function (item) {
      check(root, "sdg-" + item.nr, item.effect);
      setValue("sdg-" + item.nr + "-toelichting", item.toelichting);
    });
    check(root, "mondiaal", s.mondiaal.effect);
    setValue("pb-scan-mondiaal-toelichting", s.mondiaal.toelichting);
    writeSpillovers(root, s.spillovers);
    s.lnob.forEach(function (f) {
      var box = byId("lnob-" + f.id);
      if (box) box.checked = f.risico;
      setValue("lnob-" + f.id + "-toelichting", f.toelichting);
    });
    setValue("pb-scan-conclusie", s.conclusie);
  }

  function sdgLabel(cfg, nr) {
    var info = ns.state.sdg(cfg, nr);
    return "SDG " + nr + (info ? ": " + info.naam : "");
  }

  // The 'begin with' box and the marks on the suggested SDGs. Rebuilt only when the
  // chosen themes or phase change, so the live region does not speak on every key press.
  function showSuggestions(root, s, cfg) {
    var box = byId("pb-scan-voorstel");
    var key = JSON.stringify([s.themas, s.fase]);
    if (box.getAttribute("data-voor") === key) return;
    box.setAttribute("data-voor", key);
    box.textContent = "";
    var list = ns.state.suggestions(s, cfg);
    var marks = {};
    list.forEach(function (entry) { marks[entry.nr] = entry; });
    root.querySelectorAll(".pb-scan-sdg").forEach(function (fieldset) {
      var entry = marks[Number(fieldset.getAttribute("data-sdg"))];
      var note = fieldset.querySelector(".pb-scan-sdg__voorstel");
      fieldset.classList.toggle("pb-scan-sdg--voorgesteld", !!entry);
      note.hidden = !entry;
      note.textContent = entry ? "Eerst bekijken (" + entry.redenen.map(function (r) {
        return r.soort + " " + r.naam;
      }).join("; ") + ")" : "";
    });
    if (!list.length) {
      box.appendChild(el("p", { "class": "pb-scan-hint", text:
        "Kies een thema of een fase: de scan stelt dan voor met welke SDG's je het best begint." }));
      return;
    }
    box.appendChild(el("h3", { "class": "pb-scan-voorstel__kop", text: "Begin met deze SDG's" }));
    box.appendChild(el("ul", { "class": "pb-scan-voorstel__sdgs" }, list.map(function (entry) {
      var info = ns.state.sdg(cfg, entry.nr);
      return el("li", null, [el("a", {
        href: "#sdg-" + entry.nr, "class": "pb-scan-voorstel__sdg",
        style: "--pb-kleur: " + info.kleur + "; --pb-tekst: " + info.tekstkleur + ";", text: sdgLabel(cfg, entry.nr)
      })]);
    })));
    var reasons = [];
    function reason(kind, item, data) {
      reasons.push(el("li", null, [el("strong", { text: kind + " " + item.naam + ": " }),
                                   data.waarom + " (SDG " + data.sdgs.join(", ") + ")"]));
    }
    cfg.themas.forEach(function (t) {
      if (s.themas.indexOf(t.id) >= 0) reason("Thema", t, cfg.voorstellen.thema[t.id]);
    });
    cfg.fasen.forEach(function (f) {
      if (s.fase === f.id) reason("Fase", f, cfg.voorstellen.fase[f.id]);
    });
    box.appendChild(el("ul", { "class": "pb-scan-voorstel__redenen" }, reasons));
  }

  ns.form = { read: read, write: write, addRow: addRow, writeSpillovers: writeSpillovers, rows: rows,
              showSuggestions: showSuggestions, sdgLabel: sdgLabel };
  ns.dom = { el: el };
})(window);
