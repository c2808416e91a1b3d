/* Min liste's views that show the offers in full: the comparison (min-liste/sammenlign/, one column per
   offer, one row per field; printed on landscape pages for the caseworker) and the citizen's page
   (min-liste/borger/, "Dine muligheder": what the participant is told and whom to contact, on one
   page). Also the small builders that liste-sider.js uses. Every value from the catalogue goes in as
   text: through textContent, or as a link whose address the catalogue's validation allows. */
(function () {
  "use strict";
  var TK = window.TK && window.TK.list;
  if (!TK) return;

  // --- Building blocks: every value goes in as text. ---

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function link(section, id, text) {
    var a = el("a", "", text);
    a.href = TK.url(section, id);
    return a;
  }

  function list(items, make) {
    var ul = el("ul");
    items.forEach(function (item) {
      var li = el("li");
      li.append.apply(li, [].concat(make ? make(item) : item));
      ul.appendChild(li);
    });
    return ul;
  }

  function button(text, hiddenText, onClick, className) {
    var b = el("button", "md-button " + (className || ""));
    b.type = "button";
    b.append(text[0]);
    if (hiddenText) b.append(el("span", "tk-sr", hiddenText + " "));
    if (text[1]) b.append(text[1]);
    b.addEventListener("click", onClick);
    return b;
  }

  /* The provider's name and contact details; `none` says what to do when the catalogue has none. */
  function contact(offer, none) {
    var c = offer.contact, lines = [el("strong", "", offer.provider[1])];
    if (c.phone) lines.push(linked("Telefon: ", "tel:" + c.phone.replace(/ /g, ""), c.phone));
    if (c.email) lines.push(linked("E-mail: ", "mailto:" + c.email, c.email));
    if (c.website) lines.push(linked("Hjemmeside: ", c.website, c.website));
    if (c.address) lines.push(document.createTextNode("Adresse: " + c.address));
    if (lines.length === 1) lines.push(document.createTextNode(none));
    var p = el("p", "tk-kontakt-linjer");
    lines.forEach(function (line, i) { if (i) p.append(el("br")); p.append(line); });
    return p;
  }

  function linked(label, href, text) {
    var span = el("span", "", label), a = el("a", "", text);
    a.href = href;  // only tel:, mailto: and http(s): addresses pass the catalogue's validation
    span.append(a);
    return span;
  }

  function missing(key) { return "»" + key.split("/")[1] + "« findes ikke længere i kataloget."; }

  function printButton(text) {
    return button([text], "", function () { window.print(); }, "md-button--primary tk-print-button");
  }

  function showComparison(list, found, own, share) {
    var offers = list.tilbud.map(function (id) { return [id, found["tilbud/" + id]]; });
    var parts = [el("p", "tk-liste__status", offers.length ? offers.length + " tilbud side om side." : "Der er ingen tilbud på listen at sammenligne.")];
    if (offers.length === 1) parts.push(el("p", "", "Tilføj et tilbud mere for at sammenligne."));
    if (offers.length) parts.push(printButton("Udskriv sammenligningen"), compareTable(offers));
    parts.push(el("p", "tk-print-only", "Listen som link: " + decodeURI(share)));
    return parts;
  }

  var ROWS = [
    ["Udbyder", function (o) { return [link("udbydere", o.provider[0], o.provider[1]), o.provider[2] ? " (" + o.provider[2].toLowerCase() + ")" : ""]; }],
    ["Pakketype", function (o) { return [link("pakketyper", o.type[0], o.type[1])]; }],
    ["Formål", function (o) { return [o.purpose]; }],
    ["Indhold", function (o) { return items(o.content); }],
    ["Metoder", function (o) { return items(o.methods, function (m) { return link("metoder", m[0], m[1]); }); }],
    ["Målgrupper", function (o) { return items(o.groups, function (g) { return [link("maalgrupper", g[0], g[1]), g[2] ? " – " + g[2] : ""]; }); }],
    ["Varighed", function (o) { return [o.duration]; }],
    ["Omfang", function (o) { return [o.intensity]; }],
    ["Form", function (o) { return [o.setting]; }],
    ["Sted", function (o) { return [o.location]; }],
    ["Det får deltageren at vide", function (o) { return [o.participant]; }],
    ["Kontakt", function (o) { return [contact(o, "Kilderne oplyser ingen kontaktoplysninger.")]; }],
    ["Fordele", function (o) { return items(o.advantages); }, true],
    ["Ulemper", function (o) { return items(o.drawbacks); }, true],
    ["Forslag til ændringer", function (o) { return items(o.proposals); }, true],
    ["Uklart eller uenigt i kilderne", function (o) { return items(o.caveats); }, true],
    ["Kilder", function (o) { return items(o.sources, function (s) { return [link("kilder", s[0], s[1]), ", linje " + s[2] + " (" + s[3] + ")"]; }); }],
    ["Sidst bekræftet", function (o) { return [o.reviewed]; }, true]
  ];

  function items(values, make) { return values.length ? [list(values, make)] : []; }

  function filled(parts) { return parts.some(function (p) { return p !== "" && p !== undefined; }); }

  function compareTable(offers) {
    var table = el("table", "tk-compare");
    table.setAttribute("role", "table");  // keeps the table's meaning when a phone shows it stacked
    table.append(el("caption", "tk-sr", "Sammenligning af " + offers.length + " tilbud"));
    var head = row();
    head.append(cell("td", "", "cell"));
    offers.forEach(function (pair) {
      var th = cell("th", "", "columnheader");
      th.scope = "col";
      th.append(pair[1] ? link("tilbud", pair[0], pair[1].title) : missing("tilbud/" + pair[0]));
      head.append(th);
    });
    var thead = el("thead"), tbody = el("tbody");
    thead.setAttribute("role", "rowgroup");
    tbody.setAttribute("role", "rowgroup");
    thead.append(head);
    ROWS.forEach(function (field) { var tr = compareRow(field, offers); if (tr) tbody.append(tr); });
    table.append(thead, tbody);
    return table;
  }

  function compareRow(field, offers) {
    var values = offers.map(function (pair) { return pair[1] ? field[1](pair[1]) : []; });
    if (field[2] && !values.some(filled)) return null;  // an optional field no offer has
    var tr = row(), th = cell("th", field[0], "rowheader");
    th.scope = "row";
    tr.append(th);
    values.forEach(function (parts, i) {
      var td = cell("td", "", "cell");
      td.setAttribute("data-label", offers[i][1] ? offers[i][1].title : offers[i][0]);
      if (filled(parts)) td.append.apply(td, parts); else td.append(el("span", "tk-none", "Ikke oplyst"));
      tr.append(td);
    });
    return tr;
  }

  function row() {
    var tr = el("tr");
    tr.setAttribute("role", "row");
    return tr;
  }

  function cell(tag, text, role) {
    var c = el(tag, "", text);
    c.setAttribute("role", role);
    return c;
  }

  function showCitizen(list, found) {
    var parts = [];
    if (!list.tilbud.length) parts.push(el("p", "tk-liste__status", "Der er ingen tilbud på listen."));
    else parts.push(printButton("Udskriv til borgeren"));
    list.tilbud.forEach(function (id) {
      var offer = found["tilbud/" + id], section = el("section", "tk-borger");
      if (!offer) { parts.push(el("p", "", missing("tilbud/" + id))); return; }
      section.append(el("h2", "", offer.title), el("p", "", offer.participant || offer.purpose));
      var when = [["Varighed", offer.duration], ["Omfang", offer.intensity], ["Sted", offer.location]].filter(function (f) { return f[1]; });
      if (when.length) section.append(el("p", "tk-borger__facts", when.map(function (f) { return f[0] + ": " + f[1]; }).join(" · ")));
      section.append(el("p", "tk-borger__contact-title", "Kontakt"), contact(offer, "Din sagsbehandler hjælper dig med at komme i kontakt med stedet."));
      parts.push(section);
    });
    if (list.tilbud.length) parts.push(caseworkerLines());
    return parts;
  }

  function caseworkerLines() {  // filled in by hand on the printed page
    var p = el("p", "tk-print-only tk-borger__caseworker");
    p.append("Din sagsbehandler: ", el("span", "tk-borger__blank"), el("br"), "Telefon: ", el("span", "tk-borger__blank"));
    return p;
  }

  window.TK.views = {
    el: el, link: link, list: list, button: button, missing: missing,
    sammenlign: showComparison, borger: showCitizen
  };
})();
