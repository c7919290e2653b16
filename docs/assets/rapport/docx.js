/*
 * SDG-rapportbouwer: blocks -> a .docx (Word) file, made in the browser with the npm library
 * 'docx' (docs/assets/vendor/docx/, loaded only when asked for: it is about 1 MB).
 * Twin of rapport/uitvoer.py (python-docx): same headings, paragraphs and tables; a chart
 * (grafiek, tegels) is left out because the table after it holds the same figures.
 */
(function (global) {
  "use strict";
  var ns = (global.PbRapport = global.PbRapport || {});
  var loading = null;

  function load(src) {
    if (global.docx) return Promise.resolve(global.docx);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () { resolve(global.docx); };
        script.onerror = function () { loading = null; reject(new Error("De bibliotheek voor Word-bestanden kon niet geladen worden.")); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function build(D, blocks, meta) {
    var children = [], pending = false;
    function para(options) {
      if (pending) { options.pageBreakBefore = true; pending = false; }
      children.push(new D.Paragraph(options));
    }
    var headings = { kop1: D.HeadingLevel.HEADING_1, kop2: D.HeadingLevel.HEADING_2, kop3: D.HeadingLevel.HEADING_3 };
    blocks.forEach(function (b) {
      if (headings[b.t]) para({ text: b.tekst, heading: headings[b.t] });
      else if (b.t === "alinea") para({ text: b.tekst });
      else if (b.t === "einde") pending = true;
      else if (b.t === "voorblad") {
        para({ text: b.titel, heading: D.HeadingLevel.TITLE });
        para({ children: [new D.TextRun({ text: b.ondertitel, bold: true, size: 36 })] });
        b.regels.forEach(function (line) { para({ text: line }); });
      } else if (b.t === "lijst") {
        b.items.forEach(function (item) {
          var href = item.url || (item.pad ? meta.root + item.pad : null);
          var run = href ? new D.ExternalHyperlink({ link: href, children: [new D.TextRun({ text: item.tekst, style: "Hyperlink" })] })
                         : new D.TextRun(item.tekst);
          para({ children: [run], bullet: { level: 0 } });
        });
      } else if (b.t === "tabel") {
        if (b.bijschrift) para({ children: [new D.TextRun({ text: b.bijschrift, italics: true })] });
        var rows = [new D.TableRow({ tableHeader: true, cantSplit: true, children: b.kop.map(function (h) {
          return new D.TableCell({ children: [new D.Paragraph({ children: [new D.TextRun({ text: h, bold: true })] })] });
        }) })].concat(b.rijen.map(function (row) {
          return new D.TableRow({ cantSplit: true, children: row.map(function (cell) {
            return new D.TableCell({ children: [new D.Paragraph({ text: cell })] });
          }) });
        }));
        if (pending) { children.push(new D.Paragraph({ pageBreakBefore: true, text: "" })); pending = false; }
        children.push(new D.Table({ width: { size: 100, type: D.WidthType.PERCENTAGE }, rows: rows }));
      }
    });
    var footer = new D.Footer({ children: [new D.Paragraph({ alignment: D.AlignmentType.CENTER, children: [
      new D.TextRun({ children: ["Pagina ", D.PageNumber.CURRENT, " van ", D.PageNumber.TOTAL_PAGES] })] })] });
    return new D.Document({
      creator: "SDG-rapportbouwer van de praktijkenbank", title: meta.titel, language: "nl-BE",
      sections: [{ properties: { page: { size: { width: 11906, height: 16838 },
                                        margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
                   footers: { default: footer }, children: children }]
    });
  }

  // A Blob with the .docx of ``blocks``; meta: {titel, root, src (URL of the library)}.
  function toBlob(blocks, meta) {
    return load(meta.src).then(function (D) { return D.Packer.toBlob(build(D, blocks, meta)); });
  }

  ns.docx = { toBlob: toBlob };
})(typeof window !== "undefined" ? window : globalThis);
