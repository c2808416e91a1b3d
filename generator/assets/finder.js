/* Find tilbud: filter the offers by facets and free text, AND-combined, with the selection in the URL.
   Runs only on the page holding #finder. Loads its data as a script (works from file://). */
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.getElementById("finder");
  if (!form || !script) return;
  var FACETS = ["maalgruppe", "metode", "pakketype", "udbyder"];
  var FIELD = { maalgruppe: "target_groups", metode: "methods", pakketype: "package_type", udbyder: "provider" };

  var data = document.createElement("script");
  data.src = script.src.replace(/finder\.js(\?.*)?$/, "finder-data.js");
  data.onload = start;
  data.onerror = function () { count().textContent = "Filterets data kunne ikke indlæses."; };
  document.head.appendChild(data);

  function count() { return document.getElementById("finder-count"); }

  function offerUrl(id) {
    var base = document.getElementById("finder-base").getAttribute("href");
    return /index\.html$/.test(base) ? base.replace(/index\.html$/, id + ".html") : base + id + "/";
  }

  function start() {
    var d = window.FINDER_DATA;
    var names = {};
    FACETS.forEach(function (facet) {
      var select = form.elements[facet];
      names[facet] = {};
      d.facets[facet].forEach(function (pair) {
        names[facet][pair[0]] = pair[1];
        select.appendChild(new Option(pair[1], pair[0]));
      });
    });
    readUrl();
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    update();

    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      form.elements.q.value = params.get("q") || "";
      FACETS.forEach(function (f) { form.elements[f].value = params.get(f) || ""; });
    }

    function update() {
      var chosen = {}, params = new URLSearchParams();
      var words = form.elements.q.value.toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length) params.set("q", form.elements.q.value.trim());
      FACETS.forEach(function (f) {
        chosen[f] = form.elements[f].value;
        if (chosen[f]) params.set(f, chosen[f]);
      });
      var hits = d.offers.filter(function (o) {
        for (var i = 0; i < FACETS.length; i++) {
          var f = FACETS[i], want = chosen[f], have = o[FIELD[f]];
          if (want && (Array.isArray(have) ? have.indexOf(want) < 0 : have !== want)) return false;
        }
        return words.every(function (w) { return o.words.indexOf(w) >= 0; });
      });
      var query = params.toString();
      history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
      render(hits);
    }

    function render(hits) {
      count().textContent = hits.length === 1 ? "1 tilbud passer" : hits.length + " tilbud passer";
      var list = document.getElementById("finder-results");
      var shown = hits.slice(0, 200);
      list.replaceChildren.apply(list, shown.map(item));
      if (hits.length > shown.length) {
        var more = document.createElement("li");
        more.textContent = "… og " + (hits.length - shown.length) + " mere. Vælg flere filtre for at se dem.";
        list.appendChild(more);
      }
    }

    function item(o) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = offerUrl(o.id);
      a.textContent = o.title;
      var facts = document.createElement("span");
      facts.className = "finder__facts";
      facts.textContent = [names.pakketype[o.package_type], o.duration, o.setting].filter(Boolean).join(" · ");
      var purpose = document.createElement("span");
      purpose.textContent = o.purpose;
      li.append(a, facts, purpose);
      return li;
    }
  }
})();
