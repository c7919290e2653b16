/*
 * SDG-projectscan: the summary of a scan, shown under the form and printed on
 * one A4 page (see projectscan.css, @media print). Needs scan-state.js and
 * scan-form.js (for the DOM builder). Every text a person typed is set as text.
 *
 * render(box, s, cfg, today): fill the summary element. It gets a
 * data-dichtheid ("ruim", "normaal" or "compact") from the amount of text, so
 * the print style can choose a font size that keeps it on one page.
 */
(function (global) {
  "use strict";

  var ns = (global.PbScan = global.PbScan || {});
  var ROOMY = 1200; // characters typed, up to which the summary prints in a large font
  var NORMAL = 3000;

  function el(tag, attrs, children) {
    return ns.dom.el(tag, attrs, children);
  }

  function join(parts) {
    return parts.filter(Boolean).join(" · ");
  }

  function names(list, ids) {
    return list.filter(function (item) { return ids.indexOf(item.id) >= 0; })
      .map(function (item) { return item.naam; });
  }

  function textLength(s) {
    var total = s.titel.length + s.omschrijving.length + s.mondiaal.toelichting.length + s.conclusie.length;
    s.sdgs.forEach(function (x) { total += x.toelichting.length; });
    s.spillovers.forEach(function (x) { total += x.toelichting.length + 40; });
    s.lnob.forEach(function (x) { total += x.toelichting.length; });
    return total;
  }

  function tile(item, cfg) {
    var info = ns.state.sdg(cfg, item.nr);
    var effect = ns.state.byCode(cfg.effecten, item.effect);
    return el("li", { "class": "pb-scan-tegel", "data-effect": item.effect }, [
      el("span", { "class": "pb-scan-tegel__nr",
                   style: "--pb-kleur: " + info.kleur + "; --pb-tekst: " + info.tekstkleur + ";" },
         [el("span", { "class": "pb-sr", text: "SDG " }), String(item.nr)]),
      el("span", { "class": "pb-scan-tegel__naam", text: info.naam }),
      el("span", { "class": "pb-scan-tegel__effect" }, [
        el("span", { "class": "pb-scan-tegel__symbool", "aria-hidden": "true", text: effect.symbool }),
        " " + effect.naam
      ])
    ]);
  }

  function part(title, children) {
    return el("section", { "class": "pb-scan-sam__deel" }, [el("h3", { text: title })].concat(children));
  }

  function empty(text) {
    return el("p", { "class": "pb-scan-sam__leeg", text: text });
  }

  function sdgNotes(s, cfg) {
    var items = s.sdgs.filter(function (x) { return x.toelichting; }).map(function (x) {
      var effect = ns.state.byCode(cfg.effecten, x.effect);
      return el("li", null, [el("strong", { text: "SDG " + x.nr + " (" + effect.naam.toLowerCase() + "): " }),
                             x.toelichting]);
    });
    return part("Toelichting per SDG", [items.length ? el("ul", null, items) : empty("Nog geen toelichting.")]);
  }

  function globalPart(s, cfg) {
    var choice = ns.state.byCode(cfg.mondiaal, s.mondiaal.effect);
    return part("Mondiale reflex", [el("p", null, [el("strong", { text: choice.naam + "." }),
                                                   s.mondiaal.toelichting ? " " + s.mondiaal.toelichting : ""])]);
  }

  function scoreLabel(cfg, score) {
    var entry = cfg.interacties.filter(function (x) { return x.score === score; })[0];
    return (score > 0 ? "+" + score : String(score)) + " " + (entry ? entry.naam.toLowerCase() : "");
  }

  function spillPart(s, cfg) {
    var items = s.spillovers.map(function (x) {
      var from = x.van ? "SDG " + x.van : "(SDG niet gekozen)";
      var to = x.naar ? "SDG " + x.naar : "(SDG niet gekozen)";
      return el("li", null, [el("strong", { text: "Van " + from + " naar " + to + ": " + scoreLabel(cfg, x.score) + "." }),
                             x.toelichting ? " " + x.toelichting : ""]);
    });
    return part("Spill-overs", [items.length ? el("ul", null, items) : empty("Geen spill-overs genoteerd.")]);
  }

  function lnobPart(s, cfg) {
    var items = s.lnob.filter(function (x) { return x.risico || x.toelichting; }).map(function (x) {
      var factor = cfg.lnob.filter(function (f) { return f.id === x.id; })[0];
      return el("li", null, [el("strong", { text: factor.naam + (x.risico ? " (risico)" : "") + ": " }),
                             x.toelichting || "geen toelichting."]);
    });
    return part("Niemand achterlaten", [items.length ? el("ul", null, items) : empty("Geen risico's genoteerd.")]);
  }

  function render(box, s, cfg, today) {
    var counts = ns.state.counts(s);
    var phase = cfg.fasen.filter(function (f) { return f.id === s.fase; })[0];
    var themes = names(cfg.themas, s.themas);
    var length = textLength(s);
    box.setAttribute("data-dichtheid", length <= ROOMY ? "ruim" : length <= NORMAL ? "normaal" : "compact");
    box.textContent = "";
    box.appendChild(el("div", { "class": "pb-scan-sam__kop" }, [
      el("h2", { id: "pb-scan-sam-titel" }, [el("span", { "class": "pb-scan-sam__soort", text: "SDG-projectscan: " }),
                                             s.titel || "project zonder naam"]),
      el("p", { "class": "pb-scan-sam__meta", text: join([
        themes.length ? (themes.length === 1 ? "Thema: " : "Thema's: ") + themes.join(", ") : "",
        phase ? "Fase: " + phase.naam : "",
        "Datum: " + (today || new Date()).toLocaleDateString("nl-BE", { day: "numeric", month: "long", year: "numeric" })
      ]) }),
      s.omschrijving ? el("p", { "class": "pb-scan-sam__omschrijving", text: s.omschrijving }) : null
    ]));
    box.appendChild(el("h3", { "class": "pb-sr", text: "Effect per SDG" }));
    box.appendChild(el("ul", { "class": "pb-scan-tegels" }, s.sdgs.map(function (x) { return tile(x, cfg); })));
    box.appendChild(el("p", { "class": "pb-scan-sam__telling", text: join(cfg.effecten.map(function (e) {
      return counts[e.code] + " " + e.naam.toLowerCase();
    })) }));
    box.appendChild(el("div", { "class": "pb-scan-sam__kolommen" }, [
      sdgNotes(s, cfg), globalPart(s, cfg), spillPart(s, cfg), lnobPart(s, cfg),
      part("Conclusie en volgende stappen", [s.conclusie ? el("p", { text: s.conclusie }) : empty("Nog geen conclusie.")])
    ]));
    box.appendChild(el("p", { "class": "pb-scan-sam__voet", text:
      "Gemaakt met de SDG-projectscan van de praktijkenbank (" + location.href.split("#")[0] + "). " +
      "Dit is niet de officiële SDG-toets van de VVSG. Schaal voor spill-overs naar de International Council for " +
      "Science (2017); niemand achterlaten naar UNSDG (2019) en UNDP (2018)." }));
  }

  ns.summary = { render: render, textLength: textLength };
})(window);
