/*
 * A practice page (fiche): sharing and printing.
 *
 * - "Kopieer link": copies the fiche's address (its canonical URL) with the
 *   Clipboard API. The result is said in Dutch in a status region (read by
 *   screen readers). Without the Clipboard API (an old browser, a page not
 *   served over https) the address appears in a selected text field, copied
 *   with the older copy command when the browser still has it, or else with a
 *   Dutch hint to press Ctrl+C.
 * - "Afdrukken": the browser's print dialog.
 * - The print-only block at the end of the fiche (overrides/partials/afdruk.html)
 *   gets the print date (now, and again just before printing) and a QR code
 *   to the fiche, drawn by qrcode-generator (npm, served from
 *   assets/vendor/qrcode-generator/ with its licence).
 *
 * Loaded on fiches only (overrides/main.html). Plain ES2017, no third-party requests.
 */
(function () {
  "use strict";

  var article = document.querySelector("article.md-content__inner");
  if (!article) return;
  var canonical = document.querySelector('link[rel="canonical"]');
  var address = canonical ? canonical.href : window.location.href.split("#")[0];

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text) node.textContent = text;
    return node;
  }

  // ---------------------------------------------------------------- print --

  var block = article.querySelector(".pb-afdruk");
  if (block) {
    var where = block.querySelector(".pb-afdruk__url");
    if (!where.textContent.trim()) where.textContent = address;
    var dateLine = block.querySelector(".pb-afdruk__datum");
    var time = dateLine.querySelector("time");
    var writeDate = function () {
      var now = new Date();
      time.textContent = now.toLocaleDateString("nl-BE", { day: "numeric", month: "long", year: "numeric" });
      time.setAttribute("datetime", now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" +
        String(now.getDate()).padStart(2, "0"));
      dateLine.hidden = false;
    };
    writeDate();
    window.addEventListener("beforeprint", writeDate);
    var image = block.querySelector(".pb-afdruk__qr");
    if (typeof window.qrcode === "function") {
      var code = window.qrcode(0, "M"); // smallest version that fits, medium error correction
      code.addData(address);
      code.make();
      image.src = "data:image/svg+xml;charset=utf-8," +
        encodeURIComponent(code.createSvgTag({ cellSize: 4, margin: 8, scalable: true }));
      image.alt = "QR-code met de link naar deze fiche";
      image.hidden = false;
    }
  }

  // ---------------------------------------------------------------- share --

  var bar = el("div", { class: "pb-delen" });
  var copyButton = el("button", { type: "button", class: "pb-knop pb-delen__knop" }, "Kopieer link");
  var printButton = el("button", { type: "button", class: "pb-knop pb-delen__knop" }, "Afdrukken");
  var message = el("p", { class: "pb-delen__melding", role: "status" });
  var spare = el("p", { class: "pb-delen__reserve", hidden: "" });
  var fieldId = "pb-delen-link";
  var field = el("input", { id: fieldId, type: "text", readonly: "", value: address });
  spare.appendChild(el("label", { for: fieldId }, "Link naar deze fiche"));
  spare.appendChild(field);
  bar.appendChild(copyButton);
  bar.appendChild(printButton);
  bar.appendChild(message);
  bar.appendChild(spare);

  function say(text) {
    message.textContent = "";
    window.setTimeout(function () { message.textContent = text; }, 50); // the same text twice is read twice
  }

  function copyBySelection() {
    spare.hidden = false;
    field.focus();
    field.select();
    try {
      return document.execCommand("copy");
    } catch (error) {
      return false;
    }
  }

  copyButton.addEventListener("click", async function () {
    if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
      try {
        await navigator.clipboard.writeText(address);
        say("De link naar deze fiche is gekopieerd. Je kunt hem nu plakken.");
        return;
      } catch (error) {
        // refused (permissions): fall through to the text field
      }
    }
    if (copyBySelection()) say("De link naar deze fiche is gekopieerd. Je kunt hem nu plakken.");
    else say("Kopiëren lukt niet automatisch in deze browser. De link staat geselecteerd in het veld: kopieer hem met Ctrl+C (Cmd+C op een Mac).");
  });
  printButton.addEventListener("click", function () { window.print(); });

  var after = article.querySelector(".pb-kenmerken") || article.querySelector("h1");
  if (after) after.insertAdjacentElement("afterend", bar);
  else article.insertBefore(bar, article.firstChild);
})();
