/*
 * Filters panel of the finder (zoeken/) on small screens.
 *
 * Below 60em the filter column (SDG, 5 P's, theme, ...) would push the results
 * thousands of pixels down. There the column is folded away behind one button
 * above the results, "Filters (2)" (the number of values ticked), and opens as
 * a panel: a modal <dialog> (the rest of the page is inert, Escape closes it)
 * into which the filter column is moved while it is open. Its bottom bar says
 * how many practices the filters give ("Toon 12 fiches") and closes it;
 * the focus goes back to the button, with the results right below it.
 * On wider screens nothing changes: the filters stay in their side column.
 *
 * Independent of finder.js: it reads the ticked boxes and the result count
 * that finder.js writes on #pb-finder (data-aantal, data-klaar).
 */
(function () {
  "use strict";

  var root = document.getElementById("pb-finder");
  var dialog = document.getElementById("pb-finder-paneel");
  if (!root || !dialog || typeof dialog.showModal !== "function") return;

  var SMALL = window.matchMedia("(max-width: 59.9375em)");
  var filters = root.querySelector(".pb-finder__filters");
  var columns = root.querySelector(".pb-finder__kolommen");
  var bar = root.querySelector(".pb-finder__filterbalk");
  var toggle = document.getElementById("pb-finder-filterknop");
  var holder = document.getElementById("pb-finder-paneelinhoud");
  var close = document.getElementById("pb-finder-sluit");
  var show = document.getElementById("pb-finder-toon");
  var facetBox = document.getElementById("pb-finder-facetten");
  var live = document.getElementById("pb-finder-paneel-status");

  function ticked() {
    return facetBox.querySelectorAll("input[type=checkbox]:checked").length;
  }

  function practices(n) {
    return n.toLocaleString("nl-BE") + (n === 1 ? " fiche" : " fiches");
  }

  function update() {
    var n = ticked();
    toggle.textContent = n ? "Filters (" + n + ")" : "Filters";
    if (!root.hasAttribute("data-klaar")) return;
    var total = Number(root.getAttribute("data-aantal") || 0);
    show.textContent = total ? "Toon " + practices(total) : "Geen resultaten: sluit de filters";
    // Inside the modal panel the page's own status is inert: say the count here.
    if (dialog.open) live.textContent = practices(total) + " met deze filters.";
  }

  function open() {
    holder.appendChild(filters);
    document.documentElement.classList.add("pb-paneel-open");
    dialog.showModal();
    close.focus();
  }

  // The dialog closed (button, Escape or a wider screen): the filters go back to their column.
  dialog.addEventListener("close", function () {
    columns.insertBefore(filters, columns.firstChild);
    document.documentElement.classList.remove("pb-paneel-open");
    live.textContent = "";
    if (SMALL.matches) {
      toggle.focus({ preventScroll: true });
      bar.scrollIntoView({ block: "start" });
    }
  });

  toggle.addEventListener("click", open);
  close.addEventListener("click", function () { dialog.close(); });
  show.addEventListener("click", function () { dialog.close(); });
  SMALL.addEventListener("change", function () { if (!SMALL.matches && dialog.open) dialog.close(); });
  facetBox.addEventListener("change", update);
  new MutationObserver(update).observe(root, { attributes: true, attributeFilter: ["data-klaar", "data-aantal"] });

  root.classList.add("pb-finder--paneel");
  bar.hidden = false;
  update();
})();
