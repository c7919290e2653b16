/* SDG-begrotingsscan: from the result to the bank. Under the per-SDG result, for the SDG with the
 * largest and the one with the smallest share, the practices and instruments of the bank that work
 * on it (data.bank, generated from the records at build time by page.py: never a hand-kept list).
 * Plain script: adds PbBegroting.bank. */
(function (ns) {
  "use strict";
  var esc = ns.grafieken.esc;

  function links(items) {
    return items.map(function (v) { return "<li><a href=\"" + esc(v.href) + "\">" + esc(v.titel) + "</a></li>"; }).join("");
  }

  function block(data, row, label) {
    var sdg = data.sdgs[row.nummer - 1], bank = data.bank && data.bank[row.nummer];
    if (!bank) return "";
    var parts = ["<div class=\"pb-scan__bankblok\"><h3>" + esc(label) + ": SDG " + row.nummer + " " + esc(sdg.naam) + "</h3>"];
    if (!bank.praktijken.length && !bank.instrumenten.length) {
      parts.push("<p>De bank heeft nog geen praktijk of instrument voor deze SDG.</p>");
    } else {
      if (bank.praktijken.length) parts.push("<p>Praktijken van andere besturen:</p><ul>" + links(bank.praktijken) + "</ul>");
      if (bank.instrumenten.length) parts.push("<p>Instrumenten:</p><ul>" + links(bank.instrumenten) + "</ul>");
    }
    parts.push("<p><a href=\"" + esc(bank.pagina) + "\">Alles over SDG " + row.nummer + " in de bank (" +
      bank.aantal.praktijken + " praktijken, " + bank.aantal.instrumenten + " instrumenten)</a></p></div>");
    return parts.join("");
  }

  function render(data, summary) {
    var box = document.getElementById("pb-scan-bank");
    if (!box) return;
    var rows = summary.sdgs.slice();
    if (!summary.gecodeerd) { box.innerHTML = ""; return; }
    var most = rows.reduce(function (a, b) { return b.bedrag > a.bedrag ? b : a; });
    var least = rows.reduce(function (a, b) { return b.bedrag < a.bedrag ? b : a; });
    box.innerHTML = "<h3 class=\"pb-sr\">Uit de praktijkenbank</h3>" + block(data, most, "Grootste aandeel") +
      (least.nummer !== most.nummer ? block(data, least, "Kleinste aandeel") : "");
  }

  ns.bank = { render: render };
})(globalThis.PbBegroting);
