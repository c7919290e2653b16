/*
 * Clausulebouwer: the basket as a document. No DOM.
 *
 * - blocks(data, state, datum): the basket as a list of blocks
 *   {soort: "titel"|"kop"|"subkop"|"alinea"|"punt", tekst}: a title, the legal note, per procurement step
 *   the picked clauses (title, text, verification, check, source), then the sources and the verification
 *   methods used. The three downloads are made from the same blocks.
 * - text(blocks): plain text (UTF-8 .txt).
 * - docx(blocks, template, fflate, markers) / odt(...): a Word or OpenDocument file. ``template`` is the
 *   bytes of clausules-sjabloon.docx/.odt, written at build time by python-docx and odfdo with one
 *   paragraph of each kind holding a marker (tools/praktijkenbank/clausules/page.py); each block becomes a
 *   copy of the paragraph of its kind, so the document keeps the libraries' own heading and list styles.
 *   Zipped again with fflate (npm, MIT; 'mimetype' first and stored, as ODF asks).
 */
(function (ns) {
  "use strict";

  var mand = ns.clausulesMand || (typeof require === "function" ? require("./clausules-mand.js") : null);

  function named(list, id) {
    for (var i = 0; i < list.length; i++) if (list[i].id === id) return list[i];
    return { id: id, naam: id, omschrijving: "" };
  }

  function dutchDate(iso) {
    var months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
      "oktober", "november", "december"];
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? Number(m[3]) + " " + months[Number(m[2]) - 1] + " " + m[1] : String(iso || "");
  }

  function sourceLine(source) {
    var parts = [source.titel];
    if (source.uitgever) parts.push(source.uitgever);
    if (source.url) parts.push(source.url);
    var line = parts.join(", ");
    return source.geraadpleegd ? line + " (geraadpleegd op " + dutchDate(source.geraadpleegd) + ")" : line;
  }

  function blocks(data, state, datum) {
    var steps = mand.byStep(data, state);
    var out = [{ soort: "titel", tekst: "Duurzaamheidsclausules" }];
    var groups = [], sources = [], proofs = [];
    steps.forEach(function (s) {
      s.items.forEach(function (item) { if (groups.indexOf(item.groep.titel) < 0) groups.push(item.groep.titel); });
    });
    out.push({ soort: "alinea", tekst: "Gekozen in de clausulebouwer van de praktijkenbank SDG's en lokaal mondiaal beleid" +
      (datum ? " op " + dutchDate(datum) : "") + ". Productgroepen: " + (groups.join("; ") || "geen") + "." });
    out.push({ soort: "alinea", tekst: data.geen_juridisch_advies });
    if (!steps.length) out.push({ soort: "alinea", tekst: "Het mandje is leeg." });
    steps.forEach(function (s) {
      out.push({ soort: "kop", tekst: s.stap.naam });
      out.push({ soort: "alinea", tekst: s.stap.omschrijving });
      s.items.forEach(function (item) {
        var c = item.clausule;
        var source = item.groep.bronnen[c.bron - 1];
        var number = 0;
        if (source) {
          var key = sourceLine(source);
          number = sources.indexOf(key) + 1;
          if (!number) { sources.push(key); number = sources.length; }
        }
        c.bewijs.forEach(function (b) { if (proofs.indexOf(b) < 0) proofs.push(b); });
        out.push({ soort: "subkop", tekst: c.titel + " (" + item.groep.titel + ", niveau " +
          named(data.niveaus, c.niveau).naam.toLowerCase() + ")" });
        out.push({ soort: "alinea", tekst: c.tekst });
        out.push({ soort: "punt", tekst: "Bewijs: " + c.bewijs.map(function (b) { return named(data.bewijs, b).naam; }).join(", ") + "." });
        out.push({ soort: "punt", tekst: "Controle door de aankoper: " + c.controle });
        if (number) out.push({ soort: "punt", tekst: "Bron: [" + number + "] " + source.titel + (source.uitgever ? " (" + source.uitgever + ")" : "") + "." });
      });
    });
    if (sources.length) {
      out.push({ soort: "kop", tekst: "Bronnen" });
      sources.forEach(function (line, i) { out.push({ soort: "punt", tekst: "[" + (i + 1) + "] " + line }); });
    }
    if (proofs.length) {
      out.push({ soort: "kop", tekst: "Bewijsmiddelen" });
      proofs.forEach(function (id) {
        var p = named(data.bewijs, id);
        out.push({ soort: "punt", tekst: p.naam + ": " + p.omschrijving });
      });
    }
    return out;
  }

  function text(list) {
    var lines = [];
    list.forEach(function (block, i) {
      var previous = i ? list[i - 1].soort : null;
      if (i && !(block.soort === "punt" && previous === "punt")) lines.push("");
      lines.push(block.soort === "punt" ? "- " + block.tekst : block.tekst);
    });
    return lines.join("\n") + "\n";
  }

  function escapeXml(value) {
    return String(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&apos;");
  }

  function fill(model, marker, value) {
    var at = model.indexOf(marker);
    return model.slice(0, at) + escapeXml(value) + model.slice(at + marker.length);
  }

  function modelsIn(xml, pattern, markers) {
    var models = {};
    (xml.match(pattern) || []).forEach(function (element) {
      Object.keys(markers).forEach(function (kind) { if (element.indexOf(markers[kind]) >= 0) models[kind] = element; });
    });
    Object.keys(markers).forEach(function (kind) {
      if (!models[kind]) throw new Error("Het sjabloon mist het model voor '" + kind + "'.");
    });
    return models;
  }

  function rebuild(template, fflate, part, open, close, pattern, list, markers, mimetype) {
    var files = fflate.unzipSync(template);
    var xml = fflate.strFromU8(files[part]);
    var start = xml.indexOf(open);
    var end = xml.indexOf(close, start);
    if (start < 0 || end < 0) throw new Error("Het sjabloon heeft geen tekstdeel.");
    start += open.length;
    var models = modelsIn(xml.slice(start, end), pattern, markers);
    var body = list.map(function (block) { return fill(models[block.soort], markers[block.soort], block.tekst); }).join("");
    files[part] = fflate.strToU8(xml.slice(0, start) + body + xml.slice(end));
    if (!mimetype) return fflate.zipSync(files);
    var ordered = { mimetype: [files.mimetype, { level: 0 }] };
    Object.keys(files).forEach(function (name) { if (name !== "mimetype") ordered[name] = files[name]; });
    return fflate.zipSync(ordered);
  }

  function docx(list, template, fflate, markers) {
    return rebuild(template, fflate, "word/document.xml", "<w:body>", "<w:sectPr",
      /<w:p[ >][\s\S]*?<\/w:p>/g, list, markers, false);
  }

  function odt(list, template, fflate, markers) {
    return rebuild(template, fflate, "content.xml", "<office:text>", "</office:text>",
      /<text:h[ >][\s\S]*?<\/text:h>|<text:list[ >][\s\S]*?<\/text:list>|<text:p[ >][\s\S]*?<\/text:p>/g, list, markers, true);
  }

  var api = { blocks: blocks, text: text, docx: docx, odt: odt, dutchDate: dutchDate };
  ns.clausulesDocument = api;
  if (typeof module === "object" && module && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
