/* The search page (soeg/): Pagefind's UI, in Danish, showing results for ?q= from the header's search box.
   Pagefind loads only the index chunks a query needs. Runs only on the page holding #pagefind-search. */
(function () {
  "use strict";
  var script = document.currentScript;
  var element = document.getElementById("pagefind-search");
  if (!element || !script) return;
  var bundle = script.src.replace(/assets\/search\.js(\?.*)?$/, "pagefind/");
  var status = document.getElementById("pagefind-status");

  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = bundle + "pagefind-ui.css";
  document.head.appendChild(css);

  var ui = document.createElement("script");
  ui.src = bundle + "pagefind-ui.js";
  ui.onerror = function () {
    status.textContent = "Søgningen virker kun, når kataloget ligger på en webserver. Brug Find tilbud eller listerne i menuen.";
  };
  ui.onload = function () {
    status.textContent = "";
    var search = new window.PagefindUI({
      element: "#pagefind-search",
      bundlePath: bundle,
      baseUrl: new URL(bundle + "../", window.location.href).pathname,
      showImages: false,
      showSubResults: true,
      resetStyles: false,
      translations: { placeholder: "Søg efter diagnose, metode, udbyder …" }
    });
    var input = element.querySelector("input");
    if (input) input.setAttribute("aria-label", "Søg i kataloget");  // Pagefind gives it only a placeholder
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) search.triggerSearch(query);
  };
  document.head.appendChild(ui);
})();
