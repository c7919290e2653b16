/*
 * SDG-projectscan: the page (projectscan/). Wires the form, the summary, the
 * link, the files and printing together; loaded last, after scan-state.js,
 * scan-codec.js, scan-csv.js, scan-form.js and scan-summary.js.
 *
 * - Every change updates the suggestions, the summary and the link: the scan
 *   is written into the fragment with history.replaceState (no new history
 *   entry per key press), so reloading or sharing the link shows the same scan.
 * - Opening a link with '#scan=...' (also in an open tab: hashchange) or a
 *   saved file fills the form; a broken link or file shows a Dutch message
 *   and leaves the scan as it was.
 * - Files (JSON, CSV) are made in the browser and downloaded from a blob: URL;
 *   nothing is sent anywhere.
 */
(function () {
  "use strict";

  var ns = window.PbScan;
  var root = document.getElementById("pb-scan");
  var configNode = document.getElementById("pb-scan-config");
  if (!ns || !root || !configNode) return;

  var cfg = JSON.parse(configNode.textContent);
  var summary = document.getElementById("pb-scan-samenvatting");
  var statusNode = document.getElementById("pb-scan-status");
  var errorNode = document.getElementById("pb-scan-fout");
  var linkField = document.getElementById("pb-scan-link");
  var addButton = document.getElementById("pb-scan-spillover-toevoegen");
  var addInfo = document.getElementById("pb-scan-spillover-info");
  var TYPING_PAUSE = 250; // ms after the last key press before the link is rewritten
  var current = ns.state.empty(cfg);
  var writtenHash = ""; // the fragment this page wrote last (hashchange from us is ignored)
  var pending = null; // timer of a scheduled update
  var encoding = Promise.resolve();
  var encodeRun = 0;

  root.hidden = false;

  function say(text) {
    statusNode.textContent = "";
    // A new text node each time, so screen readers also repeat an identical message.
    window.setTimeout(function () { statusNode.textContent = text; }, 50);
  }

  function showError(text) {
    errorNode.textContent = "";
    if (text) errorNode.appendChild(ns.dom.el("p", { text: text }));
  }

  function pageUrl(hash) {
    return location.href.split("#")[0] + (hash ? "#" + hash : "");
  }

  function writeLink() {
    var run = ++encodeRun;
    var snapshot = current;
    encoding = ns.codec.encode(snapshot, cfg).then(function (hash) {
      if (run !== encodeRun) return;
      writtenHash = hash;
      history.replaceState(history.state, "", pageUrl(hash));
      linkField.value = pageUrl(hash);
      addReopen();
    });
    return encoding;
  }

  // The printed summary ends with a QR code and the way to open the scan again (scan-print.js).
  function addReopen() {
    var old = summary.querySelector(".pb-scan-sam__terug");
    if (old) old.remove();
    if (ns.print) summary.appendChild(ns.print.reopen(linkField.value || pageUrl("")));
  }

  function updateAddButton() {
    var count = current.spillovers.length;
    var max = cfg.limieten.spillovers;
    addButton.disabled = count >= max;
    addInfo.textContent = count >= max ? "Je noteerde het maximum van " + max + " spill-overs." :
      "Nog " + (max - count) + " van " + max + " mogelijk.";
  }

  // Read the form and bring everything else in line with it (and the link, unless keepLink).
  function update(keepLink) {
    window.clearTimeout(pending);
    pending = null;
    current = ns.form.read(root, cfg);
    ns.form.showSuggestions(root, current, cfg);
    ns.summary.render(summary, current, cfg);
    if (keepLink === true) addReopen();
    updateAddButton();
    return keepLink === true ? encoding : writeLink();
  }

  function schedule(delay) {
    window.clearTimeout(pending);
    pending = window.setTimeout(update, delay);
  }

  function load(result, message) {
    current = result.state;
    ns.form.write(root, current, cfg);
    showError("");
    update();
    if (message) say([message].concat(result.warnings).join(" "));
  }

  // Promise of true when the fragment held a scan and it is now in the form.
  function loadHash(hash, message) {
    return ns.codec.decode(hash, cfg).then(function (result) {
      if (result) load(result, message);
      return !!result;
    }, function (error) {
      showError(error instanceof ns.codec.ScanError ? error.message :
                "De link kon niet gelezen worden. Kopieer de volledige link opnieuw.");
      return false;
    });
  }

  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = ns.dom.el("a", { href: url, download: name, hidden: true });
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function flush() {
    return pending !== null ? update() : encoding;
  }

  // ------------------------------------------------------------- events --

  root.addEventListener("input", function (event) {
    if (event.target === linkField || event.target.type === "file" || event.target.closest("#pb-scan-paragraaf")) return;
    schedule(event.target.tagName === "TEXTAREA" || event.target.type === "text" ? TYPING_PAUSE : 0);
  });
  root.addEventListener("change", function (event) {
    if (event.target === linkField || event.target.type === "file" || event.target.closest("#pb-scan-paragraaf")) return;
    schedule(0);
  });

  addButton.addEventListener("click", function () {
    flush();
    if (current.spillovers.length >= cfg.limieten.spillovers) return;
    var row = ns.form.addRow(root, current.spillovers.length + 1, null);
    update();
    row.querySelector("select").focus();
  });

  document.getElementById("pb-scan-spillovers").addEventListener("click", function (event) {
    var button = event.target.closest("[data-verwijder]");
    if (!button) return;
    var index = Number(button.closest(".pb-scan-spillover").getAttribute("data-rij")) - 1;
    update();
    current.spillovers.splice(index, 1);
    ns.form.writeSpillovers(root, current.spillovers);
    update();
    addButton.focus();
    say("Spill-over " + (index + 1) + " is verwijderd.");
  });

  document.getElementById("pb-scan-print").addEventListener("click", function () {
    update();
    window.print();
  });
  window.addEventListener("beforeprint", function () {
    if (pending !== null) update();
  });

  document.getElementById("pb-scan-kopieer").addEventListener("click", function () {
    flush().then(function () {
      if (!navigator.clipboard) throw new Error("no clipboard");
      return navigator.clipboard.writeText(linkField.value);
    }).then(function () {
      say("De link is gekopieerd. Plak hem in een mail, een document of je bladwijzers.");
    }, function () {
      linkField.focus();
      linkField.select();
      say("Kopiëren lukte niet. De link staat geselecteerd in het veld 'Link naar deze scan': kopieer hem met Ctrl+C.");
    });
  });

  document.getElementById("pb-scan-bewaar").addEventListener("click", function () {
    update();
    download(ns.codec.fileName(current, "json"), "application/json", ns.codec.toFile(current, cfg));
    say("Het bestand " + ns.codec.fileName(current, "json") + " is gedownload. Open het later hier met 'Een bewaarde scan openen'.");
  });

  document.getElementById("pb-scan-csv").addEventListener("click", function () {
    update();
    download(ns.codec.fileName(current, "csv"), "text/csv;charset=utf-8", ns.csv.csv(current, cfg));
    say("De tabel " + ns.codec.fileName(current, "csv") + " is gedownload (één rij per SDG).");
  });

  document.getElementById("pb-scan-open").addEventListener("change", function (event) {
    var input = event.target;
    var file = input.files && input.files[0];
    if (!file) return;
    var read = file.size > ns.codec.MAX_FILE ? Promise.resolve(null) : file.text();
    read.then(function (text) {
      load(ns.codec.fromFile(text, cfg), "De scan uit " + file.name + " is geopend.");
    }).catch(function (error) {
      showError(error instanceof ns.codec.ScanError ? error.message :
                "Het bestand kon niet gelezen worden. Kies het JSON-bestand dat je met 'Bewaren als bestand' maakte.");
    }).then(function () {
      input.value = "";
    });
  });

  document.getElementById("pb-scan-wis").addEventListener("click", function () {
    if (!window.confirm("Alles wissen? Wat je invulde, is dan weg (een bewaarde link of een bewaard bestand blijft bestaan).")) return;
    load({ state: ns.state.empty(cfg), warnings: [] }, "De scan is leeggemaakt.");
    document.getElementById("pb-scan-titel").focus();
  });

  linkField.addEventListener("focus", function () { linkField.select(); });
  // 'Maak er een SDG-paragraaf van' (scan-paragraaf.js) reads the scan as the form shows it now.
  if (ns.paragraph) ns.paragraph.init(root, cfg, function () { update(true); return current; });

  // A link with another scan pasted into this tab opens that scan. An in-page link
  // (a suggested SDG, 'skip to content', a heading anchor) has scrolled by now:
  // the scan goes back into the address bar, so a reload still restores it.
  window.addEventListener("hashchange", function () {
    var hash = location.hash.replace(/^#/, "");
    if (hash === writtenHash) return;
    if (hash.indexOf(ns.codec.PREFIX) === 0) loadHash(hash, "De scan uit de link is geopend.");
    else history.replaceState(history.state, "", pageUrl(writtenHash));
  });

  // ---------------------------------------------------------------- start --

  var startHash = location.hash.replace(/^#/, "");
  writtenHash = startHash;
  loadHash(startHash, "De scan uit de link is geopend.").then(function (loaded) {
    // Without a scan in the link: an empty scan. With a broken one: keep the link as it is.
    if (!loaded) update(startHash.indexOf(ns.codec.PREFIX) === 0);
  });
})();
