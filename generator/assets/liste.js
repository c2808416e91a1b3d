/* Min liste: the caseworker's shortlist of offers and cases. Kept in the browser (localStorage), counted
   in the header on every page, with add/remove buttons on offer and case pages; window.TK.list lets other
   scripts (the finder's results) make the same buttons. If the browser refuses storage (some do on
   file://), the list lives in this tab only (window.name survives going from page to page) and the
   pages say so: the list is never lost without a word. Also writes the page's address into the printed
   footer. Everything taken from the catalogue is inserted as text, never as HTML. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var KINDS = ["tilbud", "cases"];
  var MAX = 40;  // a shared link must stay short enough for a journal note
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var root = script.src.replace(/assets\/liste\.js(\?.*)?$/, "");
  var KEY = "tilbudskataloget.liste:" + new URL(root).pathname;
  var TAB = "tilbudskataloget.liste=";
  var storage = probe();
  var listeners = [];

  function probe() {
    try {
      var s = window.localStorage, test = KEY + ":test";
      s.setItem(test, "1");
      s.removeItem(test);
      return s;
    } catch (e) {
      return null;
    }
  }

  function clean(value) {
    var list = {};
    KINDS.forEach(function (kind) {
      var ids = value && Array.isArray(value[kind]) ? value[kind] : [];
      list[kind] = ids.filter(function (id, i) { return typeof id === "string" && ID.test(id) && ids.indexOf(id) === i; });
    });
    return list;
  }

  function parse(text) {
    try { return clean(JSON.parse(text)); } catch (e) { return clean(null); }
  }

  function read() {
    if (storage) {
      try { return parse(storage.getItem(KEY)); } catch (e) { storage = null; }
    }
    return parse(window.name.lastIndexOf(TAB, 0) === 0 ? window.name.slice(TAB.length) : null);
  }

  function write(list) {
    var text = JSON.stringify(clean(list));
    if (storage) {
      try { storage.setItem(KEY, text); changed(); return; } catch (e) { storage = null; }
    }
    window.name = TAB + text;
    changed();
  }

  function count(list) { return KINDS.reduce(function (n, kind) { return n + list[kind].length; }, 0); }

  function changed() {
    var list = read();
    document.querySelectorAll(".tk-liste-count").forEach(function (badge) {
      badge.textContent = count(list) ? "(" + count(list) + ")" : "";
      badge.hidden = !count(list);
    });
    document.querySelectorAll(".tk-liste-button").forEach(refresh);
    if (!storage) warn();
    listeners.forEach(function (fn) { fn(list); });
  }

  function has(kind, id) { return read()[kind].indexOf(id) >= 0; }

  function add(kind, id) {
    var list = read();
    if (list[kind].indexOf(id) >= 0) return true;
    if (count(list) >= MAX) return false;
    list[kind].push(id);
    write(list);
    return true;
  }

  function remove(kind, id) {
    var list = read();
    list[kind] = list[kind].filter(function (other) { return other !== id; });
    write(list);
  }

  function hidden(text) {
    var span = document.createElement("span");
    span.className = "tk-sr";
    span.textContent = text;
    return span;
  }

  /* A button that adds the entry to the list or removes it; its name says which entry, e.g.
     "Tilføj Mentorpakke – HKI til min liste". */
  function button(kind, id, title) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "md-button tk-liste-button";
    b.setAttribute("data-kind", kind);
    b.setAttribute("data-id", id);
    b.setAttribute("data-title", title);
    b.addEventListener("click", function () {
      var was = has(kind, id), done = was ? (remove(kind, id), true) : add(kind, id);
      say(!done ? "Listen er fuld: den kan rumme " + MAX + ". Fjern noget fra den først."
        : title + (was ? " er fjernet fra din liste." : " er tilføjet til din liste.") + " Der er " + count(read()) + " på listen.");
    });
    refresh(b);
    return b;
  }

  function refresh(b) {
    var on = has(b.getAttribute("data-kind"), b.getAttribute("data-id"));
    b.classList.toggle("tk-liste-button--on", on);
    b.replaceChildren(on ? "Fjern " : "Tilføj ", hidden(b.getAttribute("data-title") + " "), on ? "fra min liste" : "til min liste");
  }

  function status() {
    var region = document.getElementById("tk-liste-status");
    if (!region) {
      region = document.createElement("div");
      region.id = "tk-liste-status";
      region.className = "tk-sr";
      region.setAttribute("role", "status");
      document.body.appendChild(region);
    }
    return region;
  }

  function say(text) { status().textContent = text; }

  function warn() {
    var anchor = document.querySelector(".tk-liste-slot, #tk-liste");
    if (!anchor || document.querySelector(".tk-liste-notice")) return;
    var note = document.createElement("p");
    note.className = "tk-liste-notice";
    note.textContent = "Browseren må ikke gemme data her, så din liste huskes kun i denne fane, indtil du lukker den. " +
      "Vil du beholde listen, så kopiér dens link på siden Min liste.";
    anchor.parentNode.insertBefore(note, anchor);
  }

  /* The address of a page: the offline build's pages end in .html, the served build's in a slash. */
  function url(section, id) {
    var link = document.querySelector(".tk-liste-link");
    var html = /\.html$/.test(link ? link.getAttribute("href") : location.pathname);
    return root + section + "/" + (id ? id + (html ? ".html" : "/") : (html ? "index.html" : ""));
  }

  function address() {
    document.querySelectorAll(".tk-page-address").forEach(function (el) { el.textContent = decodeURI(location.href); });
  }

  var buckets = {};
  window.TK = window.TK || {};
  window.TK.list = {
    kinds: KINDS, max: MAX, root: root,
    items: read, clean: clean, count: count, has: has, add: add, remove: remove, button: button, url: url, say: say,
    replace: function (list) { write(list); },
    persistent: function () { return !!storage; },
    onChange: function (fn) { listeners.push(fn); },
    data: function (bucket, records) { buckets[bucket] = records; },
    bucket: function (bucket) { return buckets[bucket]; }
  };

  window.addEventListener("storage", function (e) { if (e.key === KEY) changed(); });
  window.addEventListener("beforeprint", address);
  document.querySelectorAll(".tk-liste-slot").forEach(function (slot) {
    slot.appendChild(button(slot.getAttribute("data-kind"), slot.getAttribute("data-id"), slot.getAttribute("data-title")));
  });
  address();
  changed();
})();
