/* Find tilbud: filter the offers by facets and free text, AND-combined, with the selection in the URL.
   Runs only on the page holding #finder. Loads its data as scripts (works from file://), and only the
   parts a query needs: the chosen facets, the words typed, and the offers shown (see generator/finder.py). */
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.getElementById("finder");
  if (!form || !script) return;
  var FACETS = ["maalgruppe", "metode", "pakketype", "udbyder"];
  var PAGE = 25;
  var base = script.src.replace(/finder\.js(\?.*)?$/, "finder/");
  var data = {}, waiting = {}, shown = PAGE, generation = 0;

  window.FINDER = { add: function (name, value) { data[name] = value; } };

  function load(name) {
    if (data[name] !== undefined) return Promise.resolve(data[name]);
    if (!waiting[name]) {
      waiting[name] = new Promise(function (resolve) {
        var tag = document.createElement("script");
        tag.src = base + name + ".js";
        tag.onload = function () { resolve(data[name]); };
        tag.onerror = function () { data[name] = null; resolve(null); };  // e.g. no word starts so
        document.head.appendChild(tag);
      });
    }
    return waiting[name];
  }

  function count() { return document.getElementById("finder-count"); }

  function offerUrl(id) {
    var link = document.getElementById("finder-base").getAttribute("href");
    return /index\.html$/.test(link) ? link.replace(/index\.html$/, id + ".html") : link + id + "/";
  }

  function words(text) {
    return (text.toLowerCase().match(/[0-9a-zæøåéü]+/g) || []).filter(function (w) { return w.length > 1; });
  }

  function shard(word) {
    var ascii = { "æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u" };
    return Array.from(word.slice(0, 2)).map(function (c) { return ascii[c] || c; }).join("");
  }

  function intersect(lists) {
    lists.sort(function (a, b) { return a.length - b.length; });
    var sets = lists.slice(1).map(function (l) { return new Set(l); });
    return lists[0].filter(function (i) { return sets.every(function (s) { return s.has(i); }); });
  }

  function matchWord(word) {
    return load("words-" + shard(word)).then(function (index) {
      var found = new Set();
      Object.keys(index || {}).forEach(function (w) {
        if (w.lastIndexOf(word, 0) === 0) index[w].forEach(function (i) { found.add(i); });
      });
      return Array.from(found);
    });
  }

  load("meta").then(function (meta) {
    FACETS.forEach(function (facet) {
      meta.facets[facet].forEach(function (pair) { form.elements[facet].appendChild(new Option(pair[1], pair[0])); });
    });
    readUrl();
    form.addEventListener("input", update);
    // Not the text field's change on blur: its re-render would swallow the click that caused the blur.
    form.addEventListener("change", function (e) { if (e.target !== form.elements.q) update(); });
    form.addEventListener("submit", function (e) { e.preventDefault(); update(); });
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    update();

    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      form.elements.q.value = params.get("q") || "";
      FACETS.forEach(function (f) { form.elements[f].value = params.get(f) || ""; });
    }

    function update() {
      shown = PAGE;
      var mine = ++generation, params = new URLSearchParams(), lists = [];
      var typed = form.elements.q.value.trim();
      if (typed) params.set("q", typed);
      FACETS.forEach(function (f) {
        var value = form.elements[f].value;
        if (!value) return;
        params.set(f, value);
        lists.push(load(f + "-" + value).then(function (found) { return found || []; }));
      });
      words(typed).forEach(function (w) { lists.push(matchWord(w)); });
      var query = params.toString();
      history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
      Promise.all(lists).then(function (found) {
        var hits = found.length ? intersect(found).sort(function (a, b) { return a - b; }) : null;
        if (mine === generation) render(hits || range(meta.count), mine);
      });
    }

    function range(n) { var r = []; for (var i = 0; i < n; i++) r.push(i); return r; }

    function render(hits, mine) {
      var visible = hits.slice(0, shown);
      var chunks = Array.from(new Set(visible.map(function (i) { return Math.floor(i / meta.chunk); })));
      Promise.all(chunks.map(function (c) { return load("offers-" + c); })).then(function () {
        if (mine !== generation) return;
        count().textContent = hits.length === 1 ? "1 tilbud passer" : hits.length + " tilbud passer";
        var list = document.getElementById("finder-results");
        list.replaceChildren.apply(list, visible.map(function (i) {
          return item(data["offers-" + Math.floor(i / meta.chunk)][i % meta.chunk]);
        }));
        var more = document.getElementById("finder-more");
        more.hidden = hits.length <= shown;
        more.textContent = "Vis flere (" + (hits.length - shown) + " mere)";
        more.onclick = function () { shown += PAGE; render(hits, mine); };
      });
    }

    function item(o) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = offerUrl(o[0]);
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
  });
})();
