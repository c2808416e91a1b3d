/* Search, on every page: results while typing in the header's box (the ARIA combobox pattern: the focus
   stays in the box, the arrow keys move through the results, Enter opens one, or the search page when
   none is chosen), and the search page (soeg/) with every result for ?q=. Uses window.TK_ENGINE. */
(function () {
  "use strict";
  var E = window.TK_ENGINE, W = window.TK_WORDS;
  var form = document.querySelector("form[data-tk-search]");
  if (!E || !W || !form) return;
  var SHOWN = 5, PAGE = 20;
  var LISTABLE = /^(tilbud|cases)\/([^/.]+)/;  // a document's url: its section, then its id

  /* One result: its kind, its title and one line of what it is. The only place a result is drawn. */
  function resultItem(doc) {
    var a = document.createElement("a");
    a.className = "tk-result";
    a.href = doc.href;
    [["tk-result__kind", doc.kind], ["tk-result__title", doc.title], ["tk-result__line", doc.line]].forEach(function (part) {
      var span = document.createElement("span");
      span.className = part[0];
      span.textContent = part[1];
      a.appendChild(span);
    });
    return a;
  }

  function searchPage(text) {
    return form.action + (text ? "?q=" + encodeURIComponent(text) : "");
  }

  /* What to say about a result: how many, or the correction the results are for, or that nothing matched. */
  function summary(r, text) {
    if (r.empty) return "Skriv et ord, fx en diagnose, en metode eller en udbyder.";
    if (!r.hits.length) return "Ingen sider passer på »" + text.trim() + "«.";
    var n = r.hits.length === 1 ? "1 resultat" : r.hits.length + " resultater";
    return r.corrected ? "Mente du »" + r.corrected + "«? " + n + " for »" + r.corrected + "«." : n + ".";
  }

  /* --- The header's box. --- */
  var input = form.elements.q;
  var list = document.getElementById("tk-search-list");
  var status = document.getElementById("tk-search-status");
  var toggle = document.getElementById("__search");
  var generation = 0, active = -1;

  function options() { return Array.prototype.slice.call(list.querySelectorAll("[role=option]")); }

  function open(show) {
    if (toggle && toggle.checked !== show) toggle.checked = show;
    input.setAttribute("aria-expanded", String(show && !list.hidden));
    if (!show) choose(-1);
  }

  function choose(index) {
    var all = options();
    active = Math.max(-1, Math.min(index, all.length - 1));
    all.forEach(function (o, i) { o.setAttribute("aria-selected", String(i === active)); });
    if (active < 0) input.removeAttribute("aria-activedescendant");
    else {
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    }
  }

  function option(a) {
    a.setAttribute("role", "option");
    a.setAttribute("tabindex", "-1");
    a.id = "tk-search-option-" + list.children.length;
    list.appendChild(a);
  }

  function link(text, href, kind) {
    return resultItem({ href: href, kind: kind, title: text, line: "" });
  }

  function render(r, text, items) {
    form.setAttribute("data-for", text);  // what the results shown are for (tests wait for it)
    status.textContent = summary(r, text);
    list.replaceChildren();
    items.forEach(option);
    list.hidden = !items.length;
    choose(-1);
    open(true);
  }

  /* Results, or for a query that found nothing: the nearest words and the list of target groups. */
  function items(r, text) {
    if (!r.hits.length) {
      return E.suggestions(text).then(function (words) {
        return words.map(function (w) { return link(w, searchPage(w), "Prøv"); })
          .concat([link("Målgrupper: se hele listen", E.href("maalgrupper/"), "Liste")]);
      });
    }
    return E.documents(E.preview(r, SHOWN)).then(function (docs) {
      var found = docs.map(resultItem);
      if (r.hits.length > docs.length) found.push(link("Vis alle " + r.hits.length + " resultater", searchPage(r.corrected || text), "Søgeside"));
      return found;
    });
  }

  function update() {
    var mine = ++generation, text = input.value;
    if (!W.tokens(text).length) {
      list.replaceChildren();
      list.hidden = true;
      status.textContent = "";
      choose(-1);
      input.setAttribute("aria-expanded", "false");
      return;
    }
    E.query(text).then(function (r) {
      return items(r, text).then(function (found) { if (mine === generation) render(r, text, found); });
    });
  }

  function keydown(event) {
    var all = options();
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!all.length) return;
      event.preventDefault();
      open(true);
      var step = event.key === "ArrowDown" ? 1 : -1;
      choose(active + step < -1 ? all.length - 1 : active + step >= all.length ? -1 : active + step);
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.href = all[active].href;
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (toggle && toggle.checked) open(false);
      else { input.value = ""; update(); }
    }
  }

  input.addEventListener("input", update);
  input.addEventListener("keydown", keydown);
  input.addEventListener("focus", function () { if (W.tokens(input.value).length) open(true); });
  form.addEventListener("reset", function () { setTimeout(function () { update(); input.focus(); }, 0); });
  form.addEventListener("submit", function (event) { if (!W.tokens(input.value).length) event.preventDefault(); });
  if (toggle) {
    toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); else open(false); });
    // A browser that restores form state on Back would reopen the search: start closed.
    window.addEventListener("pageshow", function () { if (document.activeElement !== input) open(false); });
  }
  var button = document.querySelector(".tk-search-button");
  if (button) button.addEventListener("click", function () { open(true); input.focus(); });

  /* --- The search page: every result for ?q=, PAGE at a time. --- */
  var page = document.getElementById("tk-page-search");
  if (!page) return;
  var pageInput = page.elements.q, results = document.getElementById("tk-page-results");
  var pageStatus = document.getElementById("tk-page-status"), more = document.getElementById("tk-page-more");
  var help = document.getElementById("tk-page-help"), tries = document.getElementById("tk-page-suggestions");
  var pageGeneration = 0;

  function search() {
    var mine = ++pageGeneration, text = pageInput.value;
    history.replaceState(null, "", window.location.pathname + (text.trim() ? "?q=" + encodeURIComponent(text) : ""));
    E.query(text, { open: false }).then(function (r) {
      if (mine !== pageGeneration) return;
      pageStatus.textContent = summary(r, text);
      results.replaceChildren();
      results.hidden = !r.hits.length;  // its reserved height would push the help below the fold
      help.hidden = r.hits.length > 0 || r.empty;
      if (!r.hits.length) suggest(text, mine);
      showMore(r.hits, 0, mine, text);
    });
  }

  function suggest(text, mine) {
    E.suggestions(text).then(function (words) {
      if (mine !== pageGeneration) return;
      tries.replaceChildren.apply(tries, words.map(function (w) {
        var a = document.createElement("a");
        a.href = searchPage(w);
        a.textContent = w;
        var li = document.createElement("li");
        li.appendChild(a);
        return li;
      }));
      tries.parentNode.hidden = !words.length;
    });
  }

  function showMore(hits, from, mine, text) {
    E.documents(hits.slice(from, from + PAGE)).then(function (docs) {
      if (mine !== pageGeneration) return;
      docs.forEach(function (doc) {
        var li = document.createElement("li"), entry = LISTABLE.exec(doc.url);
        li.appendChild(resultItem(doc));
        // Offers and cases can go on Min liste from here (liste.js); not from the header's dropdown, whose
        // options may hold no button of their own.
        if (entry && window.TK && window.TK.list) li.appendChild(window.TK.list.button(entry[1], entry[2], doc.title));
        results.appendChild(li);
      });
      page.setAttribute("data-for", text);  // what the results shown are for (tests wait for it)
      more.hidden = hits.length <= from + PAGE;
      more.textContent = "Vis flere (" + (hits.length - from - PAGE) + " mere)";
      more.onclick = function () { showMore(hits, from + PAGE, mine, text); };
    });
  }

  pageInput.value = new URLSearchParams(window.location.search).get("q") || "";
  input.value = pageInput.value;
  pageInput.addEventListener("input", search);
  page.addEventListener("submit", function (event) { event.preventDefault(); search(); });
  search();
})();
