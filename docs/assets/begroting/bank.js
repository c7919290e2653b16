/* SDG-begrotingsscan: from the result to the bank. Under the per-SDG result, for the SDG with the
 * largest and the one with the smallest share, the practices and instruments of the bank that work
 * on it. The build writes a hidden block per SDG (page.py bank_links, from the records: never a
 * hand-kept list); this script shows the two that fit the result.
 * Plain script: adds PbBegroting.bank. */
(function (ns) {
  "use strict";

  function show(box, row, label) {
    var block = box.querySelector(".pb-scan__bankblok[data-sdg=\"" + row.nummer + "\"]");
    if (!block) return;
    block.querySelector(".pb-scan__banklabel").textContent = label + ": ";
    block.hidden = false;
    box.appendChild(block); // largest first, then smallest
  }

  function render(data, summary) {
    var box = document.getElementById("pb-scan-bank");
    if (!box) return;
    Array.prototype.forEach.call(box.querySelectorAll(".pb-scan__bankblok"), function (b) { b.hidden = true; });
    box.hidden = !summary.gecodeerd;
    if (!summary.gecodeerd) return;
    var rows = summary.sdgs;
    var most = rows.reduce(function (a, b) { return b.bedrag > a.bedrag ? b : a; });
    var least = rows.reduce(function (a, b) { return b.bedrag < a.bedrag ? b : a; });
    show(box, most, "Grootste aandeel");
    if (least.nummer !== most.nummer) show(box, least, "Kleinste aandeel");
  }

  ns.bank = { render: render };
})(globalThis.PbBegroting);
