/*
 * SDG-projectscan: the way back to a printed scan. The printed summary ends
 * with a QR code of the scan's link (the whole scan is in its '#scan=...'
 * part) and says how to open it again; a link too long for a QR code says to
 * keep the file or the link instead. Drawn by qrcode-generator (npm, served
 * from assets/vendor/qrcode-generator/ with its licence), low error
 * correction so that a long scan still fits.
 *
 * reopen(link): the block (a new element each time); scan-app.js appends it
 * to the summary whenever the summary or the link changes.
 */
(function (global) {
  "use strict";

  var ns = (global.PbScan = global.PbScan || {});

  function qrImage(link) {
    if (typeof global.qrcode !== "function") return null;
    try {
      var code = global.qrcode(0, "L");
      code.addData(link, "Byte");
      code.make();
      var image = ns.dom.el("img", { "class": "pb-scan-sam__qr", alt: "QR-code met de link naar deze scan" });
      image.src = "data:image/svg+xml;charset=utf-8," +
        encodeURIComponent(code.createSvgTag({ cellSize: 2, margin: 4, scalable: true }));
      return image;
    } catch (error) {
      return null; // more than a QR code holds (about 2,900 characters)
    }
  }

  function reopen(link) {
    var image = qrImage(link);
    var text = image ?
      "Deze scan opnieuw openen: scan de QR-code, of open de link uit ‘Kopieer link’ of het bewaarde bestand." :
      "Deze scan opnieuw openen: met de link uit ‘Kopieer link’ of met het bewaarde bestand " +
      "(de scan is te lang voor een QR-code).";
    return ns.dom.el("div", { "class": "pb-scan-sam__terug" }, [image, ns.dom.el("p", { text: text })]);
  }

  ns.print = { reopen: reopen };
})(window);
