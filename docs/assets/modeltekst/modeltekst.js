/*
 * The fiche of a model text of the bank: "Kopieer de tekst" and "Druk alleen de tekst af".
 *
 * - Copy: the text as a reader sees it (innerText of the rendered text, so headings,
 *   paragraphs and list items keep their line breaks), with the Clipboard API; without
 *   it (an old browser, a page not served over https) the text is selected and copied
 *   with the older copy command, or the status line says to press Ctrl+C.
 * - Print: the class 'pb-alleen-tekst' on <html> hides everything but the title and the
 *   text in print (modeltekst.css), and is removed again after printing.
 * The downloads (.docx, .odt, .txt) are plain links to files made at build time.
 * Plain ES2017, no library, no third-party requests.
 */
(function () {
  "use strict";

  var block = document.querySelector(".pb-modeltekst");
  if (!block) return;
  var text = block.querySelector(".pb-modeltekst__tekst");
  var actions = block.querySelector(".pb-modeltekst__acties");
  var status = block.querySelector(".pb-modeltekst__melding");

  function button(label) {
    var node = document.createElement("button");
    node.type = "button";
    node.className = "pb-knop";
    node.textContent = label;
    actions.insertBefore(node, actions.firstChild);
    return node;
  }

  function say(message) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50); // the same message twice is read twice
  }

  function plainText() {
    return text.innerText.replace(/\n{3,}/g, "\n\n").trim() + "\n";
  }

  function copyBySelection() {
    var range = document.createRange();
    range.selectNodeContents(text);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var done = false;
    try { done = document.execCommand("copy"); } catch (error) { done = false; }
    say(done ? "De tekst is gekopieerd. Plak hem in je document en vul de velden tussen [ ] in."
      : "Kopiëren lukt niet automatisch: de tekst is geselecteerd, druk op Ctrl+C (of Cmd+C).");
  }

  // Mark every fill-in field ([naam gemeente]) so it stands out; copying keeps the plain text.
  var walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
  var nodes = [];
  while (walker.nextNode()) if (/\[[^\[\]]+\]/.test(walker.currentNode.nodeValue)) nodes.push(walker.currentNode);
  nodes.forEach(function (node) {
    var parts = node.nodeValue.split(/(\[[^\[\]]+\])/);
    var fragment = document.createDocumentFragment();
    parts.forEach(function (part, index) {
      if (!part) return;
      if (index % 2) {
        var mark = document.createElement("span");
        mark.className = "pb-invulveld";
        mark.textContent = part;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(part));
      }
    });
    node.parentNode.replaceChild(fragment, node);
  });

  var printButton = button("Druk alleen de tekst af");
  var copyButton = button("Kopieer de tekst");

  copyButton.addEventListener("click", function () {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(plainText()).then(function () {
        say("De tekst is gekopieerd. Plak hem in je document en vul de velden tussen [ ] in.");
      }, copyBySelection);
    } else {
      copyBySelection();
    }
  });

  var root = document.documentElement;
  printButton.addEventListener("click", function () {
    root.classList.add("pb-alleen-tekst");
    window.print();
  });
  window.addEventListener("afterprint", function () { root.classList.remove("pb-alleen-tekst"); });
})();
