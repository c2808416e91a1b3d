/* The pages of Min liste: the list (min-liste/), the comparison (sammenlign) and the citizen's print
   (borger: "Dine muligheder"; these two are drawn by liste-views.js). Runs only on the page holding
   #tk-liste. The list comes from the link (?tilbud=a,b&cases=c: a shared link opens the same list,
   offline too) or else from the browser. Loads only the data scripts its entries are in
   (generator/liste.py) and inserts every value from the catalogue as text. */
(function () {
  "use strict";
  var box = document.getElementById("tk-liste");
  var TK = window.TK && window.TK.list, V = window.TK && window.TK.views;
  if (!box || !TK || !V) return;
  var el = V.el, link = V.link, list = V.list, button = V.button, missing = V.missing;
  var view = box.getAttribute("data-view");
  var buckets = Number(box.getAttribute("data-buckets")) || 1;
  var waiting = {};

  // --- The list shown: from the link, or the browser's own. ---

  function fromUrl() {
    var params = new URLSearchParams(location.search), found = false, list = {};
    TK.kinds.forEach(function (kind) {
      if (params.has(kind)) found = true;
      list[kind] = (params.get(kind) || "").split(",");
    });
    return found ? TK.clean(list) : null;
  }

  function same(a, b) {
    return TK.kinds.every(function (kind) {
      return a[kind].length === b[kind].length && a[kind].every(function (id) { return b[kind].indexOf(id) >= 0; });
    });
  }

  function shareUrl(list) {
    var page = TK.url("min-liste", ""), query = [];
    TK.kinds.forEach(function (kind) { if (list[kind].length) query.push(kind + "=" + list[kind].join(",")); });
    return page + (query.length ? "?" + query.join("&") : "");
  }

  // --- Data: the scripts holding the entries, loaded once each. ---

  function hash(text) {  // FNV-1a, 32 bit, as generator/liste.py
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return h;
  }

  function bucket(key) { return hash(key) % buckets; }

  function load(b) {
    if (!waiting[b]) {
      waiting[b] = new Promise(function (resolve) {
        var tag = document.createElement("script");
        tag.src = TK.root + "assets/liste/" + b + ".js";
        tag.onload = tag.onerror = function () { resolve(); };
        document.head.appendChild(tag);
      });
    }
    return waiting[b];
  }

  function entries(list) {
    var keys = [];
    TK.kinds.forEach(function (kind) { list[kind].forEach(function (id) { keys.push(kind + "/" + id); }); });
    var needed = keys.map(bucket).filter(function (b, i, all) { return all.indexOf(b) === i; });
    return Promise.all(needed.map(load)).then(function () {
      var found = {};
      keys.forEach(function (key) { found[key] = (TK.bucket(bucket(key)) || {})[key] || null; });
      return found;
    });
  }

  // --- The views. ---

  var VIEWS = { liste: showList, sammenlign: V.sammenlign, borger: V.borger };

  var generation = 0, refocus = false;

  function render(list, own) {
    var mine = ++generation;
    return entries(list).then(function (found) {
      if (mine !== generation) return;  // a newer list is on its way
      var parts = VIEWS[view](list, found, own, shareUrl(list));
      if (!own) parts.unshift(sharedBanner(list));
      box.replaceChildren.apply(box, parts);
      box.setAttribute("data-ready", "");  // for tests: the list is shown
      var status = box.querySelector(".tk-liste__status");
      if (refocus && status) { status.tabIndex = -1; status.focus(); }
      refocus = false;
      document.querySelectorAll("a.tk-liste-view").forEach(function (a) {
        a.href = a.href.split("?")[0] + (own ? "" : "?" + shareUrl(list).split("?")[1]);
        if (a.classList.contains("md-button")) a.hidden = !list.tilbud.length;
      });
    });
  }

  function summary(list) {
    var offers = list.tilbud.length, cases = list.cases.length;
    if (!offers && !cases) return "Listen er tom. Tilføj tilbud og cases fra deres sider eller fra Find tilbud.";
    return [offers === 1 ? "1 tilbud" : offers + " tilbud", cases === 1 ? "1 case" : cases + " cases"].join(" og ") + " på listen.";
  }

  function showList(list, found, own) {
    var parts = [el("p", "tk-liste__status", summary(list))];
    [["tilbud", "Tilbud"], ["cases", "Cases"]].forEach(function (pair) {
      var kind = pair[0];
      if (!list[kind].length) return;
      parts.push(el("h2", "", pair[1] + " (" + list[kind].length + ")"));
      parts.push(entryList(list[kind], function (id) { return entryLine(kind, id, found[kind + "/" + id], own); }));
    });
    if (own && TK.count(list)) parts.push(sharePanel(list), clearButton());
    return parts;
  }

  function entryList(ids, make) { var ul = list(ids, make); ul.className = "tk-liste__entries"; return ul; }

  function entryLine(kind, id, entry, own) {
    var span = el("span", "tk-liste__entry");
    if (!entry) span.append(el("span", "", missing(kind + "/" + id)));
    else span.append(link(kind, id, entry.title), el("span", "tk-liste__facts", facts(kind, entry)));
    if (own) span.append(button(["Fjern "], entry ? entry.title : id, function () { removeEntry(kind, id, entry); }, "tk-liste__remove"));
    return span;
  }

  function facts(kind, entry) {
    if (kind === "cases") return entry.line.join(" → ");
    return [entry.type[1], entry.duration, entry.setting].filter(Boolean).join(" · ");
  }

  function removeEntry(kind, id, entry) {
    refocus = true;  // the button goes with its entry: focus moves to the line saying what is left
    TK.remove(kind, id);
    TK.say((entry ? entry.title : id) + " er fjernet fra din liste. " + summary(TK.items()));
  }

  function sharePanel(list) {
    var section = el("section", "tk-liste__share");
    var heading = el("h2", "", "Del listen");
    heading.id = "tk-del";
    section.setAttribute("aria-labelledby", "tk-del");
    var field = el("input");
    field.id = "tk-del-link";
    field.readOnly = true;
    field.value = shareUrl(list);
    var label = el("label", "", "Link til listen");
    label.htmlFor = "tk-del-link";
    var copy = button(["Kopiér link"], "", function () { copyLink(field); });
    section.append(heading, el("p", "", "Sæt linket ind i et journalnotat eller en e-mail til en kollega. Det åbner den samme liste – også på et fælles drev uden internet."), label, field, copy);
    return section;
  }

  function copyLink(field) {
    field.select();
    var done = function () { TK.say("Linket er kopieret."); };
    var manual = function () {
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      TK.say(ok ? "Linket er kopieret." : "Linket er markeret: kopiér det med Ctrl+C.");
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(field.value).then(done, manual);
    else manual();
  }

  function clearButton() {
    return button(["Tøm listen"], "", function () {
      if (window.confirm("Vil du fjerne alt fra din liste?")) { TK.replace({}); TK.say("Listen er tømt."); }
    }, "tk-liste__clear");
  }

  function sharedBanner(list) {
    var note = el("div", "admonition note tk-liste__shared");
    note.append(el("p", "admonition-title", "En liste fra et link"));
    note.append(el("p", "", "Du ser en liste, som nogen har delt (" + summary(list).replace(/ på listen\.$/, "") + "). Din egen liste er ikke ændret."));
    var mine = el("a", "", "Vis min egen liste");
    mine.href = TK.url("min-liste", "");
    note.append(
      button(["Brug denne liste som min liste"], "", function () { TK.replace(list); location.href = mine.href; }),
      button(["Læg tilbuddene til min liste"], "", function () { merge(list); location.href = mine.href; }),
      mine);
    return note;
  }

  function merge(list) {
    var own = TK.items();
    TK.kinds.forEach(function (kind) { own[kind] = own[kind].concat(list[kind]); });
    TK.replace(own);
  }

  // --- Start: the link's list or the browser's, and again whenever the browser's changes. ---

  var shared = fromUrl(), mine = TK.items();
  if (shared && !same(shared, mine) && !TK.count(mine)) {
    TK.replace(shared);  // a fresh browser opening a shared link: the list becomes its own
    mine = TK.items();
  }
  if (shared && !same(shared, mine)) {
    render(shared, false);
  } else {
    render(mine, true);
    TK.onChange(function (list) { render(list, true); });
  }
})();
