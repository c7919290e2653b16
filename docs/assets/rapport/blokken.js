/*
 * SDG-rapportbouwer: the report as blocks (twin of rapport/blokken.py). Block types: voorblad,
 * kop1/kop2/kop3, alinea, tabel, lijst, grafiek (always followed by a table), tegels, einde.
 */
(function (global) {
  "use strict";
  var ns = (global.PbRapport = global.PbRapport || {});
  function m() { return ns.model || require("./model.js"); }

  var INTRO = "Dit {soort} toont hoe {bestuur} bijdraagt aan de 17 duurzame ontwikkelingsdoelen (SDG's) van de " +
    "Verenigde Naties, geordend volgens de 5 P's: mens, planeet, welvaart, vrede en partnerschap. " +
    "Het brengt samen wat het bestuur zelf meet (indicatoren), waar het budget naartoe gaat, hoe projecten " +
    "getoetst werden en welke praktijken andere besturen kunnen inspireren.";
  var METHOD = "Gemaakt met de SDG-rapportbouwer van de praktijkenbank. De waarden van de indicatoren komen uit de " +
    "publieke bronnen hieronder en werden door het bestuur zelf ingevuld; de evolutie vergelijkt de eerste " +
    "en de laatste ingevulde meting. Een doel voor 2030 staat er alleen waar een publiek Vlaams, Belgisch " +
    "of Europees streefcijfer bestaat, of waar het bestuur een eigen doel invulde. De opbouw volgt publieke " +
    "richtlijnen voor lokale SDG-rapportering (Voluntary Local Reviews).";

  function intro(soort, bestuur) { return INTRO.replace("{soort}", soort).replace("{bestuur}", bestuur); }
  function sdgList(numbers) { return numbers.join(", ") || "-"; }

  function indicatorTable(rows, withSdg) {
    var head = ["Indicator"].concat(withSdg ? ["SDG"] : [], ["Eerste meting", "Laatste meting", "Evolutie", "Doel 2030", "Afstand tot het doel"]);
    var body = rows.map(function (r) {
      var first = r.eerste ? r.eerste.tekst + " (" + r.eerste.jaar + ")" : "-";
      var last = r.laatste && r.reeks.length > 1 ? r.laatste.tekst + " (" + r.laatste.jaar + ")" : "-";
      var evolution = m().EVOLUTION[r.evolutie] + (r.verschil ? " (" + r.verschil + ")" : "");
      var goal = r.doel;
      return [r.titel + " (" + r.eenheid + ")"].concat(withSdg ? [sdgList(r.sdgs)] : [],
        [first, last, evolution, goal ? goal.tekst : "geen doel", goal && goal.afstand ? goal.afstand : "-"]);
    });
    return { t: "tabel", kop: head, rijen: body,
             bijschrift: "Evolutie: van de eerste naar de laatste meting, volgens de richting die beter is. Afstand: wat nog nodig is tot het doel." };
  }

  function budgetBlocks(report) {
    var b = report.begroting;
    if (!b) return [];
    var text = "Volgens de SDG-begrotingsscan (" + (b.soort || "alle") + "; jaren " + (b.jaren || "alle") + ") kreeg " +
      (b.gecodeerd_aandeel || "een deel") + " van het budget (" + b.totaal + ") een SDG-code.";
    var rows = report.sdgs.filter(function (s) { return s.aandeel !== null; });
    return [
      { t: "alinea", tekst: text },
      { t: "grafiek", titel: "Aandeel van het budget per SDG",
        staven: rows.map(function (s) { return { label: "SDG " + s.nummer, nummer: s.nummer, promille: s.aandeel, tekst: s.aandeel_tekst }; }) },
      { t: "tabel", kop: ["SDG", "Bedrag", "Aandeel"],
        rijen: rows.map(function (s) { return [s.nummer + ". " + s.naam, s.bedrag_tekst, s.aandeel_tekst]; }),
        bijschrift: "Aandeel van het budget per SDG (begrotingsscan)." }
    ];
  }

  function projectBlocks(report) {
    if (!report.projecten.length) return [];
    return [{ t: "tabel", kop: ["Project", "Positief voor SDG", "Negatief voor SDG"],
              rijen: report.projecten.map(function (p) { return [p.titel, sdgList(p.positief), sdgList(p.negatief)]; }),
              bijschrift: "Projecten getoetst met de SDG-projectscan." }];
  }

  function practiceBlock(items, bestuur) {
    if (!items.length) return { t: "alinea", tekst: "De praktijkenbank bevat nog geen praktijk van " + bestuur + "." };
    return { t: "lijst", items: items.map(function (p) { return { tekst: p.titel, pad: p.pad }; }) };
  }

  function sourceBlocks(report, guidance, level) {
    var out = [{ t: "alinea", tekst: METHOD }];
    if (report.bronnen.length && level === "kop3") { // the short chapter: the publishers; the fiches have the rest
      var publishers = [];
      report.bronnen.forEach(function (b) { if (b.uitgever && publishers.indexOf(b.uitgever) < 0) publishers.push(b.uitgever); });
      out.push({ t: "alinea", tekst: "Bronnen van de cijfers: " + publishers.join("; ") +
                 ". Elke indicator heeft een fiche in de praktijkenbank met de precieze bron." });
    } else if (report.bronnen.length) {
      out.push({ t: level, tekst: "Bronnen van de indicatoren" },
               { t: "lijst", items: report.bronnen.map(function (b) { return { tekst: b.tekst, url: b.url }; }) });
    }
    out.push({ t: level, tekst: "Richtlijnen voor lokale SDG-rapportering" },
             { t: "lijst", items: guidance.map(function (x) {
               return { tekst: x.titel + ", " + x.uitgever + " (geraadpleegd op " + x.geraadpleegd + ")", url: x.url }; }) });
    return out;
  }

  function chapter(report, guidance) {
    var bestuur = report.bestuur;
    var out = [{ t: "kop1", tekst: "SDG-hoofdstuk " + report.jaar + ": " + bestuur },
               { t: "alinea", tekst: intro("hoofdstuk", bestuur) }];
    var written = report.ps.filter(function (p) { return p.tekst; });
    if (written.length) {
      out.push({ t: "kop2", tekst: "Bijdrage per P" });
      written.forEach(function (p) { out.push({ t: "kop3", tekst: p.naam }, { t: "alinea", tekst: p.tekst }); });
    }
    out.push({ t: "kop2", tekst: "Indicatoren" });
    out.push(report.indicatoren.length ? indicatorTable(report.indicatoren, true)
             : { t: "alinea", tekst: "Er zijn nog geen indicatoren gekozen." });
    if (report.begroting) out = out.concat([{ t: "kop2", tekst: "Budget per SDG" }], budgetBlocks(report));
    if (report.projecten.length) out = out.concat([{ t: "kop2", tekst: "Projecten getoetst aan de SDG's" }], projectBlocks(report));
    out.push({ t: "kop2", tekst: "Praktijken in de praktijkenbank" }, practiceBlock(report.praktijken, bestuur));
    return out.concat([{ t: "kop2", tekst: "Over dit hoofdstuk" }], sourceBlocks(report, guidance, "kop3"));
  }

  function tileLines(s) {
    var count = s.indicatoren.length;
    return [s.aandeel_tekst ? "Budget: " + s.aandeel_tekst : "Budget: niet gescand",
            "Indicatoren: " + count + (count ? " (" + s.beter + " beter, " + s.slechter + " slechter)" : "")];
  }

  function vlr(report, guidance) {
    var bestuur = report.bestuur, rows = {};
    report.indicatoren.forEach(function (r) { rows[r.slug] = r; });
    var out = [{ t: "voorblad", titel: "Lokale SDG-rapportering (VLR-light)", ondertitel: bestuur,
                 regels: ["Rapport " + report.jaar, "Gemaakt met de SDG-rapportbouwer van de praktijkenbank"] },
               { t: "einde" },
               { t: "kop1", tekst: "Samenvatting" },
               { t: "alinea", tekst: intro("rapport", bestuur) },
               { t: "tegels", tegels: report.sdgs.map(function (s) { return { nummer: s.nummer, naam: s.naam, regels: tileLines(s) }; }) },
               { t: "tabel", kop: ["SDG", "Aandeel budget", "Indicatoren", "Beter", "Slechter", "Projecten", "Praktijken"],
                 rijen: report.sdgs.map(function (s) {
                   return [s.nummer + ". " + s.naam, s.aandeel_tekst || "-", String(s.indicatoren.length), String(s.beter),
                           String(s.slechter), String(s.projecten.length), String(s.praktijken.length)]; }),
                 bijschrift: "De 17 SDG's in cijfers (dezelfde gegevens als de tegels)." },
               { t: "einde" }];
    report.ps.forEach(function (p) {
      out.push({ t: "kop1", tekst: p.naam + (p.aandeel_tekst ? " (" + p.aandeel_tekst + " van het budget)" : "") });
      out.push({ t: "alinea", tekst: p.tekst || "Voor deze P is nog geen tekst geschreven." });
      p.sdgs.forEach(function (n) {
        var s = report.sdgs[n - 1];
        out.push({ t: "kop2", tekst: "SDG " + n + ": " + s.naam });
        out.push({ t: "alinea", tekst: s.aandeel_tekst ? "Aandeel van het budget: " + s.aandeel_tekst + " (" + s.bedrag_tekst + ")."
                                                       : "Aandeel van het budget: niet gescand." });
        if (s.indicatoren.length) out.push(indicatorTable(s.indicatoren.map(function (slug) { return rows[slug]; }), false));
        if (s.projecten.length) out.push({ t: "lijst", items: s.projecten.map(function (x) { return { tekst: "Project: " + x.titel + " (" + x.effect + " effect)" }; }) });
        if (s.praktijken.length) out.push({ t: "lijst", items: s.praktijken.map(function (x) { return { tekst: "Praktijk: " + x.titel, pad: x.pad }; }) });
      });
      out.push({ t: "einde" });
    });
    return out.concat([{ t: "kop1", tekst: "Methode en bronnen" }], sourceBlocks(report, guidance, "kop2"));
  }

  function blocks(report, guidance) { return report.vorm === "vlr" ? vlr(report, guidance) : chapter(report, guidance); }

  var api = { blocks: blocks };
  ns.blokken = api;
  if (typeof module === "object" && module && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
