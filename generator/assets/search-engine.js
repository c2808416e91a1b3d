/* The search engine behind the header's search, the search page and Find tilbud's free text.
   Reads the index that generator/search.py writes as small scripts (so it works from file://), and loads
   only the vocabulary files of the words typed, their postings and the documents shown. A query's words
   are all required; how each word may match is assets/search-match.js's. Documents are ranked by how well
   they match (a name or synonym weighs more than running text), then by kind. */
(function () {
  "use strict";
  var W = window.TK_WORDS, M = window.TK_MATCH;
  var script = document.currentScript;
  if (!W || !M || !script) return;
  var root = script.src.replace(/assets\/search-engine\.js(\?.*)?$/, "");
  var data = {}, waiting = {};
  var TIERS = [3, 2, 1];  // key, facet, body
  var PREFIX_FILES = 6, TERM_BONUS = 10, PER_KIND = 3;

  window.TK_DATA = { add: function (name, value) { data[name] = value; } };

  /* Load assets/<name>.js once; resolve with what it hands over (null when it is missing). */
  function load(name) {
    if (data[name] !== undefined) return Promise.resolve(data[name]);
    if (!waiting[name]) {
      waiting[name] = new Promise(function (resolve) {
        var tag = document.createElement("script");
        tag.src = root + "assets/" + name + ".js";
        tag.onload = function () { resolve(data[name] === undefined ? null : data[name]); };
        tag.onerror = function () { data[name] = null; resolve(null); };
        document.head.appendChild(tag);
      });
    }
    return waiting[name];
  }

  var metaPromise = null;
  function meta() {
    if (!metaPromise) {
      metaPromise = load("search/meta").then(function (m) {
        m.shardSet = new Set(m.shards);
        m.keySet = Object.keys(m.keys).sort();
        return m;
      });
    }
    return metaPromise;
  }

  function letters(s) { return Array.from(s).length; }

  /* The vocabulary file holding a stem: the longest prefix of it that has a file. */
  function fileOf(m, s) {
    for (var n = Math.min(letters(s), 16); n >= 2; n--) {
      if (m.shardSet.has(W.shard(s, n))) return W.shard(s, n);
    }
    return null;
  }

  /* The files that hold every stem beginning with prefix (at most PREFIX_FILES, the shortest names first). */
  function prefixFiles(m, prefix) {
    var own = W.shard(prefix, letters(prefix));
    var deeper = m.shards.filter(function (n) { return n.lastIndexOf(own, 0) === 0; });
    deeper.sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1); });
    var files = deeper.slice(0, PREFIX_FILES), home = fileOf(m, prefix);
    if (home && files.indexOf(home) < 0) files.unshift(home);
    return files;
  }

  /* A query's context: the meta data and the vocabulary files it loaded. Only these are read, so a
     query's result never depends on what earlier queries happened to load. */
  function context(m) {
    var q = { m: m, files: new Set() };
    q.vocabulary = function (s) { return vocabulary(q, s); };
    q.shards = function () { return shards(q); };
    return q;
  }

  function vocabulary(q, s) {
    var file = fileOf(q.m, s);
    return file && q.files.has(file) ? data["search/v-" + file].words[s] : undefined;
  }

  function shards(q) {
    return Array.from(q.files).sort().map(function (n) { return data["search/v-" + n]; });
  }

  /* The words of a query, each with its stem; the last one is open (still being typed) unless followed by a space. */
  function analyse(text, open) {
    var raw = W.tokens(text);
    return raw.map(function (w, i) {
      return { raw: w, stem: W.stem(w), open: open && i === raw.length - 1 && !/[\s.,;:!?]$/.test(text) };
    });
  }

  function loadFiles(q, files) {
    return Promise.all(files.map(function (f) { return load("search/v-" + f); })).then(function () {
      files.forEach(function (f) { if (data["search/v-" + f]) q.files.add(f); });
    });
  }

  /* Every vocabulary file a query may need: its words', the words they begin, and joined neighbours'. */
  function filesFor(m, words) {
    var files = [];
    words.forEach(function (w, i) {
      files.push(fileOf(m, w.stem));
      if (w.open) files = files.concat(prefixFiles(m, w.raw));
      if (i + 1 < words.length) files.push(fileOf(m, W.stem(w.raw + words[i + 1].raw)));
    });
    return unique(files);
  }

  function unique(list) { return Array.from(new Set(list.filter(Boolean))); }

  /* The second round of files: the halves of rare words, and the longer words they begin. */
  function moreFiles(q, words) {
    var files = [];
    words.forEach(function (w) {
      if (!M.rare(q, w)) return;
      M.splits(q, w.raw).forEach(function (p) { files.push(fileOf(q.m, p[0]), fileOf(q.m, p[1])); });
      if (letters(w.stem) >= 5) files = files.concat(prefixFiles(q.m, w.stem));
    });
    return unique(files);
  }

  function decode(gaps) {
    var out = [], n = 0;
    for (var i = 0; i < gaps.length; i++) { n += gaps[i]; out.push(n); }
    return out;
  }

  /* Resolve to {doc: tier} for a stem: 3 where it is in the key text (names, synonyms), 2 in the facets
     (an offer's or case's target groups and methods, a case's outcome), 1 only in the body. */
  function postings(q, s) {
    var entry = vocabulary(q, s);
    var lists = Array.isArray(entry[1]) ? Promise.resolve(entry.slice(1)) : load("search/p-" + entry[1]);
    return lists.then(function (l) {
      var tiers = new Map();
      TIERS.forEach(function (tier, i) { decode(l[i]).forEach(function (d) { tiers.set(d, tier); }); });
      return tiers;
    });
  }

  /* Score every document that matches all units (each unit by its best alternative); return [[doc, score]]. */
  function score(found, lists) {
    var total = null;
    found.forEach(function (unit) {
      var best = new Map();
      unit.alternatives.forEach(function (alt) {
        var maps = alt.stems.map(function (s) { return lists[s]; });
        maps[0].forEach(function (tier, doc) {
          var t = tier;
          for (var k = 1; k < maps.length; k++) { if (!maps[k].has(doc)) return; t = Math.min(t, maps[k].get(doc)); }
          best.set(doc, Math.max(best.get(doc) || 0, alt.weight * t));
        });
      });
      if (total === null) { total = best; return; }
      var next = new Map();
      total.forEach(function (sum, doc) { if (best.has(doc)) next.set(doc, sum + best.get(doc)); });
      total = next;
    });
    return Array.from(total || []);
  }

  function kindOf(m, doc) {
    for (var i = 0; i < m.ranges.length; i++) if (doc < m.ranges[i][2]) return m.ranges[i][0];
    return m.kinds.length - 1;
  }

  /* Run a query: resolve to {hits: [doc numbers, best first], corrected: text or null, unknown: [words], empty}. */
  function query(text, options) {
    var open = !options || options.open !== false;
    return meta().then(function (m) {
      var q = context(m), words = analyse(text, open);
      if (!words.length) return { hits: [], kinds: [], corrected: null, unknown: [], empty: true };
      return loadFiles(q, filesFor(m, words)).then(function () {
        return loadFiles(q, moreFiles(q, words));
      }).then(function () {
        var found = M.units(q, words);
        var unknown = found.filter(function (u) { return !u.alternatives.length; });
        if (unknown.length) {
          return { hits: [], kinds: [], corrected: null, empty: false, unknown: unknown.map(function (u) { return u.words[0].raw; }) };
        }
        var stems = unique([].concat.apply([], found.map(function (u) {
          return [].concat.apply([], u.alternatives.map(function (a) { return a.stems; }));
        })));
        return Promise.all(stems.map(function (s) { return postings(q, s); })).then(function (maps) {
          var lists = {};
          stems.forEach(function (s, i) { lists[s] = maps[i]; });
          return rank(q, found, lists);
        });
      });
    });
  }

  function rank(q, found, lists) {
    var bonus = termBonus(q, found);
    var scored = score(found, lists).map(function (pair) {
      var kind = kindOf(q.m, pair[0]);
      return [pair[0], pair[1] * q.m.kinds[kind][1] + (bonus.get(pair[0]) || 0), kind];
    });
    scored.sort(function (a, b) { return b[1] - a[1] || a[2] - b[2] || a[0] - b[0]; });
    return { hits: scored.map(function (s) { return s[0]; }), kinds: scored.map(function (s) { return s[2]; }),
             corrected: correction(found), unknown: [], empty: false };
  }

  /* The n results to show while typing: the best, but at most PER_KIND of one kind while others matched, so
     a case or a method is not pushed out of sight by many offers that match as well. */
  function preview(result, n) {
    var chosen = [], taken = {}, rest = [];
    result.hits.forEach(function (hit, i) {
      var kind = result.kinds[i];
      if (chosen.length < n && (taken[kind] || 0) < PER_KIND) { chosen.push(hit); taken[kind] = (taken[kind] || 0) + 1; }
      else rest.push(hit);
    });
    return chosen.concat(rest.slice(0, n - chosen.length)).sort(function (a, b) {
      return result.hits.indexOf(a) - result.hits.indexOf(b);
    });
  }

  /* Documents whose name or synonym the query is (first), or begins (next): {doc: bonus}. */
  function termBonus(q, found) {
    var stems = [].concat.apply([], found.map(function (u) { return u.alternatives[0].stems; }));
    var typed = stems.join(" "), last = found[found.length - 1].words;
    var open = last[last.length - 1].open, bonus = new Map();
    shards(q).forEach(function (shard) {
      Object.keys(shard.terms).forEach(function (term) {
        var points = term === typed ? TERM_BONUS : term.lastIndexOf(typed + " ", 0) === 0 ||
          (open && term.lastIndexOf(typed, 0) === 0) ? TERM_BONUS / 2 : 0;
        if (points) shard.terms[term].forEach(function (d) { bonus.set(d, Math.max(bonus.get(d) || 0, points)); });
      });
    });
    return bonus;
  }

  /* The query as corrected ("Mente du …?"), or null when no word was corrected. */
  function correction(found) {
    var changed = false;
    var words = found.map(function (u) {
      var alt = u.alternatives[0];
      if (alt.corrected) { changed = true; return alt.corrected; }
      return u.words.map(function (w) { return w.raw; }).join(" ");
    });
    return changed ? words.join(" ") : null;
  }

  /* Resolve to the documents with these numbers: {url, href, title, kind, line}. */
  function documents(numbers) {
    return meta().then(function (m) {
      var chunks = Array.from(new Set(numbers.map(function (n) { return Math.floor(n / m.chunk); })));
      return Promise.all(chunks.map(function (c) { return load("search/d-" + c); })).then(function () {
        return numbers.map(function (n) {
          var d = data["search/d-" + Math.floor(n / m.chunk)][n % m.chunk];
          return { number: n, url: d[0], href: href(d[0]), title: d[1], kind: m.kinds[d[2]][0], line: d[3] };
        });
      });
    });
  }

  /* The address of a page of the site, from this page, in either build (directory URLs or .html files). */
  function href(url) {
    var form = document.querySelector("[data-tk-urls]");
    var html = form && form.getAttribute("data-tk-urls") === "html";
    if (/\/$/.test(url)) return root + url + (html ? "index.html" : "");  // a section's list
    return root + url + (html ? ".html" : "/");
  }

  /* The words of the vocabulary nearest to a query that found nothing (for "Prøv …"). */
  function suggestions(text) {
    return meta().then(function (m) {
      var near = [];
      analyse(text, false).forEach(function (w) {
        var max = Math.max(2, Math.floor(letters(w.stem) / 2));
        m.keySet.forEach(function (s) {
          var d = M.distance(w.stem, s, max);
          if (d <= max) near.push([d, m.keys[s]]);
        });
      });
      near.sort(function (a, b) { return a[0] - b[0] || (a[1] < b[1] ? -1 : 1); });
      return Array.from(new Set(near.map(function (n) { return n[1]; }))).slice(0, 5);
    });
  }

  window.TK_ENGINE = {
    load: load, meta: meta, query: query, preview: preview, documents: documents, href: href, suggestions: suggestions
  };
})();
