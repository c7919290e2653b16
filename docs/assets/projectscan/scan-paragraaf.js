/*
 * SDG-projectscan: 'Maak er een SDG-paragraaf van'. The scan's answers fill the
 * model text 'SDG-paragraaf voor voorstellen aan het college en de gemeenteraad'.
 *
 * The build embeds that model text (cfg.paragraaf: its blocks, which answer goes
 * into which fill-in field, and the text for an empty answer; from
 * data/projectscan.yaml and the record in instruments/). Nothing here keeps its
 * own copy of the text: only how each answer is written.
 *
 * - text(state, cfg, today): the paragraph as plain text (no DOM; node tests it).
 *   A field whose answer is empty gets the 'leeg' text, or stays as [field] to fill in.
 * - init(root, cfg, getState): the button, the editable text field and 'Kopieer'.
 */
(function (global) {
  "use strict";

  var ns = (global.PbScan = global.PbScan || {});
  var FIELD = /\[([^\[\]\n]+)\]/g;

  // One line of text: a typed line break or tab becomes a space (a paragraph has no line breaks).
  function flat(value) {
    return String(value || "").replace(/\s+/g, " ").trim();
  }

  function sentence(value) {
    var out = flat(value);
    return out && !/[.!?…]$/.test(out) ? out + "." : out;
  }

  function list(parts) {
    if (parts.length < 2) return parts.join("");
    return parts.slice(0, -1).join(", ") + " en " + parts[parts.length - 1];
  }

  function sdgName(cfg, nr) {
    var info = ns.state.sdg(cfg, nr);
    return "SDG " + nr + (info ? " " + info.naam : "");
  }

  function withEffect(state, code) {
    return state.sdgs.filter(function (item) { return item.effect === code; });
  }

  function explain(state, cfg, code) {
    return withEffect(state, code).filter(function (item) { return flat(item.toelichting); })
      .map(function (item) { return "SDG " + item.nr + ": " + sentence(item.toelichting); }).join(" ");
  }

  function dutchDate(today) {
    return today.toLocaleDateString("nl-BE", { day: "numeric", month: "long", year: "numeric" });
  }

  // The text of each answer of the scan, "" when it is empty (see PARAGRAPH_ANSWERS in projectscan/page.py).
  function answers(state, cfg, today) {
    var effect = ns.state.byCode(cfg.mondiaal, state.mondiaal.effect);
    var global = state.mondiaal.effect === ns.state.UNASSESSED ? "" : (effect ? effect.naam : "");
    var note = flat(state.mondiaal.toelichting);
    var lnob = state.lnob.filter(function (item) { return item.risico; }).map(function (item) {
      var factor = cfg.lnob.filter(function (f) { return f.id === item.id; })[0];
      var name = factor ? factor.naam.toLowerCase() : item.id;
      return "risico bij " + name + (flat(item.toelichting) ? " (" + flat(item.toelichting).replace(/[.]$/, "") + ")" : "");
    });
    var links = state.spillovers.filter(function (x) { return x.van && x.naar; }).map(function (x) {
      var scale = cfg.interacties.filter(function (s) { return s.score === x.score; })[0];
      return "SDG " + x.van + " en SDG " + x.naar + ": " + (x.score > 0 ? "+" : "") + x.score +
        (scale ? " (" + scale.naam.toLowerCase() + ")" : "") + (flat(x.toelichting) ? ", " + flat(x.toelichting).replace(/[.]$/, "") : "");
    });
    return {
      titel: flat(state.titel).replace(/[.]$/, ""),
      sdgs_positief: list(withEffect(state, "p").map(function (x) { return sdgName(cfg, x.nr); })),
      toelichting_positief: explain(state, cfg, "p"),
      sdgs_negatief: list(withEffect(state, "n").map(function (x) { return sdgName(cfg, x.nr); })),
      toelichting_negatief: explain(state, cfg, "n"),
      mondiaal: global || note ? sentence(global + (global && note ? ": " : "") + note) : "",
      niemand_achterlaten: lnob.length ? sentence(lnob.join("; ")) : "",
      wisselwerkingen: links.length ? sentence(links.join("; ")) : "",
      conclusie: sentence(state.conclusie),
      datum: dutchDate(today)
    };
  }

  function line(block) {
    if (block.soort === "punt") return "- " + block.tekst;
    if (block.soort === "nummer") return block.nummer + ". " + block.tekst;
    return block.tekst;
  }

  function text(state, cfg, today) {
    var setup = cfg.paragraaf;
    var values = answers(state, cfg, today || new Date());
    var lines = setup.blokken.map(function (block) {
      var filled = line(block).replace(FIELD, function (whole, field) {
        var answer = setup.velden[field];
        var value = answer ? values[answer] : "";
        if (value) return value;
        return Object.prototype.hasOwnProperty.call(setup.leeg, field) ? setup.leeg[field] : whole;
      });
      return filled.replace(/\s+([.,;:])/g, "$1").replace(/\.\./g, ".").replace(/[ \t]+/g, " ").trim();
    });
    return lines.join("\n\n") + "\n";
  }

  function init(root, cfg, getState) {
    var box = document.getElementById("pb-scan-paragraaf");
    if (!box || !cfg.paragraaf) return;
    var field = document.getElementById("pb-scan-paragraaf-tekst");
    var make = document.getElementById("pb-scan-paragraaf-maak");
    var copy = document.getElementById("pb-scan-paragraaf-kopieer");
    var status = document.getElementById("pb-scan-paragraaf-status");
    box.hidden = false;

    function say(message) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = message; }, 50);
    }

    make.addEventListener("click", function () {
      if (field.value.trim() && field.dataset.bewerkt === "ja" &&
          !window.confirm("De paragraaf opnieuw maken? Wat je in het tekstveld aanpaste, gaat dan verloren.")) return;
      field.value = text(getState(), cfg, new Date());
      field.dataset.bewerkt = "nee";
      copy.disabled = false;
      field.focus();
      say("De SDG-paragraaf staat in het tekstveld. Pas hem aan waar nodig en kopieer hem dan.");
    });
    field.addEventListener("input", function () {
      field.dataset.bewerkt = "ja";
      copy.disabled = !field.value.trim();
    });
    copy.addEventListener("click", function () {
      var done = function () { say("De SDG-paragraaf is gekopieerd. Plak hem in je voorstel."); };
      var byHand = function () {
        field.focus();
        field.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
        if (ok) done(); else say("Kopiëren lukt niet automatisch: de tekst is geselecteerd, druk op Ctrl+C (of Cmd+C).");
      };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(field.value).then(done, byHand);
      else byHand();
    });
  }

  var api = { text: text, answers: answers, init: init };
  ns.paragraph = api;
  if (typeof module === "object" && module && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
