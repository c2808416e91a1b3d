/* Find tilbud: filter the offers by facets and free text, with the selection in the URL. Several values
   of one facet are ORed, the facets and the text ANDed. The free text is searched with the site's search
   engine (window.TK_ENGINE: the same stemming, compounds and typo tolerance), whose first documents are
   the offers in this list's order. Loads only the parts a query needs (see generator/finder.py). */
(function () {
  "use strict";
  var E = window.TK_ENGINE;
  var form = document.getElementById("finder");
  if (!form || !E) return;
  var FACETS = ["maalgruppe", "metode", "pakketype", "udbyder"];
  var PAGE = 25;
  var meta = null, searchMeta = null, shown = PAGE, generation = 0, drawn = "";

  function load(name) { return E.load("finder/" + name); }

  function element(id) { return document.getElementById(id); }

  /* --- Reading and writing the selection. --- */

  function chosen(facet) {
    return Array.prototype.slice.call(form.querySelectorAll("input[name=" + facet + "]:checked"))
      .map(function (box) { return box.value; });
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    form.elements.q.value = params.get("q") || "";
    FACETS.forEach(function (facet) {
      var wanted = params.getAll(facet);
      form.querySelectorAll("input[name=" + facet + "]").forEach(function (box) { box.checked = wanted.indexOf(box.value) >= 0; });
      summarise(facet);
    });
  }

  function writeUrl() {
    var params = new URLSearchParams(), typed = form.elements.q.value.trim();
    if (typed) params.set("q", typed);
    FACETS.forEach(function (facet) { chosen(facet).forEach(function (value) { params.append(facet, value); }); });
    var query = params.toString();
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }

  /* The closed facet shows what is chosen in it: "Alle …", one name, or how many. */
  function summarise(facet) {
    var names = Array.prototype.slice.call(form.querySelectorAll("input[name=" + facet + "]:checked"))
      .map(function (box) { return box.parentNode.textContent; });
    var label = element("finder-" + facet).querySelector(".finder__chosen");
    label.textContent = !names.length ? label.getAttribute("data-all") : names.length === 1 ? names[0] : names.length + " valgt";
  }

  /* --- Building the form from the data. --- */

  function buildFacets() {
    FACETS.forEach(function (facet) {
      var fieldset = element("finder-" + facet).querySelector("fieldset");
      meta.facets[facet].forEach(function (pair) {
        var label = document.createElement("label"), box = document.createElement("input");
        box.type = "checkbox";
        box.name = facet;
        box.value = pair[0];
        label.append(box, pair[1]);
        fieldset.appendChild(label);
      });
    });
  }

  /* One facet open at a time, as a menu: opening one closes the others. */
  function closeOthers(event) {
    if (!event.target.open) return;
    form.querySelectorAll("details[open]").forEach(function (d) { if (d !== event.target) d.open = false; });
  }

  function listen() {
    form.elements.q.addEventListener("input", update);  // not "change": on blur it would redraw under a click
    form.addEventListener("change", function (event) {
      if (event.target.type !== "checkbox") return;
      summarise(event.target.name);
      update();
    });
    form.querySelectorAll("details").forEach(function (d) {
      d.addEventListener("toggle", closeOthers);
      d.addEventListener("keydown", function (event) {  // Escape closes the menu and returns to its button
        if (event.key !== "Escape" || !d.open) return;
        d.open = false;
        d.querySelector("summary").focus();
      });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    form.addEventListener("reset", function () {
      setTimeout(function () { FACETS.forEach(summarise); update(); }, 0);
    });
  }

  /* --- Finding and showing the offers. --- */

  function union(lists) {
    var all = new Set();
    lists.forEach(function (list) { (list || []).forEach(function (i) { all.add(i); }); });
    return Array.from(all);
  }

  function intersect(lists) {
    lists.sort(function (a, b) { return a.length - b.length; });
    var sets = lists.slice(1).map(function (l) { return new Set(l); });
    return lists[0].filter(function (i) { return sets.every(function (s) { return s.has(i); }); });
  }

  /* Resolve to [offer positions for each chosen facet and for the text], and the text's correction. */
  function lists(typed) {
    var wanted = [], note = { corrected: null };
    FACETS.forEach(function (facet) {
      var values = chosen(facet);
      if (values.length) wanted.push(Promise.all(values.map(function (v) { return load(facet + "-" + v); })).then(union));
    });
    if (typed) {
      wanted.push(E.query(typed).then(function (r) {
        note.corrected = r.corrected;
        return r.hits.filter(function (h) { return h < searchMeta.offers; });
      }));
    }
    return Promise.all(wanted).then(function (found) { return { found: found, corrected: note.corrected }; });
  }

  function update() {
    shown = PAGE;
    var mine = ++generation, typed = form.elements.q.value.trim();
    writeUrl();
    lists(typed).then(function (result) {
      if (mine !== generation) return;
      var hits = result.found.length ? intersect(result.found).sort(function (a, b) { return a - b; }) : range(meta.count);
      tell(hits.length, result.corrected);
      render(hits, mine);
    });
  }

  function range(n) { var r = []; for (var i = 0; i < n; i++) r.push(i); return r; }

  /* The count comes first: it needs only the facet lists, while the list below waits for its offers' chunks
     (up to one a row on first use), and says it is busy until then. */
  function tell(n, corrected) {
    var count = n === 1 ? "1 tilbud passer" : n + " tilbud passer";
    element("finder-count").textContent = corrected ? count + " – mente du »" + corrected + "«?" : count;
  }

  function render(hits, mine) {
    var visible = hits.slice(0, shown), list = element("finder-results");
    var chunks = Array.from(new Set(visible.map(function (i) { return Math.floor(i / meta.chunk); })));
    list.setAttribute("aria-busy", "true");
    Promise.all(chunks.map(function (c) { return load("offers-" + c); })).then(function (data) {
      if (mine !== generation) return;
      var byChunk = {};
      chunks.forEach(function (c, k) { byChunk[c] = data[k]; });
      showMore(hits, mine);
      list.removeAttribute("aria-busy");
      var key = visible.join(",");
      if (key === drawn) return;  // the same offers: leave the list alone (a click on it may be under way)
      drawn = key;
      list.replaceChildren.apply(list, visible.map(function (i) { return item(byChunk[Math.floor(i / meta.chunk)][i % meta.chunk]); }));
    });
  }

  function showMore(hits, mine) {
    var more = element("finder-more");
    more.hidden = hits.length <= shown;
    more.textContent = "Vis flere (" + (hits.length - shown) + " mere)";
    more.onclick = function () { shown += PAGE; render(hits, mine); };
  }

  function item(o) {
    var li = document.createElement("li"), a = document.createElement("a");
    a.href = E.href("tilbud/" + o[0]);
    a.textContent = o[1];
    var facts = document.createElement("span");
    facts.className = "finder__facts";
    facts.textContent = [o[2], o[3], o[4]].filter(Boolean).join(" · ");
    var purpose = document.createElement("span");
    purpose.textContent = o[5];
    li.append(a, facts, purpose);
    if (window.TK && window.TK.list) li.append(window.TK.list.button("tilbud", o[0], o[1]));  // Min liste (liste.js)
    return li;
  }

  Promise.all([load("meta"), E.meta()]).then(function (both) {
    meta = both[0];
    searchMeta = both[1];
    buildFacets();
    readUrl();
    listen();
    update();
  });
})();
