/* The case index (cases/): filter the cases by outcome and target group, the choice kept in the address.
   Runs only on the page holding #case-filter. The form is in the page from the start (shown by a script
   it would push the list down as the page loads); without JavaScript it does nothing, and the page still
   lists every case under its outcome. */
(function () {
  "use strict";
  var form = document.getElementById("case-filter");
  if (!form) return;
  var FIELDS = ["resultat", "maalgruppe"];
  var count = document.getElementById("case-filter-count");
  var items = Array.prototype.slice.call(document.querySelectorAll("article li[data-outcome]"));
  var params = new URLSearchParams(location.search);
  FIELDS.forEach(function (f) { form.elements[f].value = params.get(f) || ""; });

  function matches(li, outcome, group) {
    return (!outcome || li.getAttribute("data-outcome") === outcome) &&
      (!group || li.getAttribute("data-groups").split(" ").indexOf(group) >= 0);
  }

  function apply() {
    var outcome = form.elements.resultat.value, group = form.elements.maalgruppe.value, shown = 0, query = new URLSearchParams();
    items.forEach(function (li) { li.hidden = !matches(li, outcome, group); shown += li.hidden ? 0 : 1; });
    document.querySelectorAll("article h2 + ul").forEach(function (ul) {
      var empty = !ul.querySelector("li[data-outcome]:not([hidden])");
      ul.hidden = ul.previousElementSibling.hidden = empty;
    });
    count.textContent = shown + " af " + items.length + (items.length === 1 ? " case" : " cases") + " passer";
    FIELDS.forEach(function (f) { if (form.elements[f].value) query.set(f, form.elements[f].value); });
    history.replaceState(null, "", location.pathname + (query.toString() ? "?" + query : "") + location.hash);
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  apply();
})();
