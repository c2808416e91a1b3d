/* How the words of a query match the catalogue's vocabulary, for assets/search-engine.js: exactly
   (stemmed), as the beginning of longer words (the word being typed), as the two halves of a compound
   ("krigstraume") or two words written apart ("hjerne skade"), or, when nothing else does, as the nearest
   word of the vocabulary ("asberger" → "asperger"). Each function takes a query's context q, which reads
   only the vocabulary files that query loaded: q.m (the index's meta), q.vocabulary(stem), q.shards(). */
(function () {
  "use strict";
  var W = window.TK_WORDS;
  if (!W) return;
  var PREFIXES = 12, RARE = 2;

  function letters(s) { return Array.from(s).length; }

  function vocabulary(q, s) { return q.vocabulary(s); }

  function shards(q) { return q.shards(); }

  /* How many documents have a word: [surface, key, facet, body postings] or [surface, file, count]. */
  function count(entry) { return Array.isArray(entry[1]) ? entry[1].length + entry[2].length + entry[3].length : entry[2]; }

  /* Optimal string alignment distance, giving up (returning max + 1) once it must exceed max. */
  function distance(a, b, max) {
    a = Array.from(a); b = Array.from(b);
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var rows = [], i, j;
    for (i = 0; i <= a.length; i++) rows.push([i]);
    for (j = 1; j <= b.length; j++) rows[0][j] = j;
    for (i = 1; i <= a.length; i++) {
      var best = max + 1;
      for (j = 1; j <= b.length; j++) {
        var d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
        rows[i][j] = d;
        best = Math.min(best, d);
      }
      if (best > max) return max + 1;
    }
    return rows[a.length][b.length];
  }

  /* How many typos a word may have: none below four letters, two only in long names and synonyms
     (so "afvænning" never becomes "afdækning"). */
  function typos(word, keyword) {
    var n = letters(word);
    return n < 4 ? 0 : n >= 10 && keyword ? 2 : 1;
  }

  /* A word the catalogue has once or twice, and not as a name, may be a typo or a rare compound there:
     it also matches as its halves, as the start of longer words and as the nearest name. */
  function rare(q, w) {
    var entry = vocabulary(q, w.stem);
    return !entry || (count(entry) <= RARE && q.m.keys[w.stem] === undefined);
  }

  /* The ways one word can match: [{stems, weight, corrected?}]. */
  function alternatives(q, w) {
    var found = [], unusual = rare(q, w);
    if (vocabulary(q, w.stem)) found.push({ stems: [w.stem], weight: 1 });
    if (w.open) found = found.concat(prefixes(q, w.raw, w.stem, 0.75));
    if ((w.open || unusual) && letters(w.stem) >= 5) found = found.concat(prefixes(q, w.stem, w.stem, 0.7));
    if (!found.length) found = truncated(q, w.stem);
    if (unusual) found = found.concat(split(q, w.raw));
    if (!found.length) return corrected(q, w, false);
    if (unusual) found = found.concat(corrected(q, w, true).map(function (a) { return { stems: a.stems, weight: a.weight }; }));
    return distinct(found);
  }

  function distinct(alternatives) {
    var seen = {};
    return alternatives.filter(function (a) {
      var key = a.stems.join(" ");
      if (seen[key]) return false;
      seen[key] = true;
      return true;
    });
  }

  /* The most common words that begin with prefix (other than own). */
  function prefixes(q, prefix, own, weight) {
    var matches = [];
    shards(q).forEach(function (shard) {
      Object.keys(shard.words).forEach(function (s) {
        if (s !== own && s.lastIndexOf(prefix, 0) === 0) matches.push([s, count(shard.words[s])]);
      });
    });
    matches.sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
    return matches.slice(0, PREFIXES).map(function (p) { return { stems: [p[0]], weight: weight }; });
  }

  /* A word inflected further than the catalogue writes it ("hjerneskadede" → "hjerneskade"). */
  function truncated(q, s) {
    var chars = Array.from(s);
    for (var cut = 1; cut <= 2 && chars.length - cut >= 4; cut++) {
      var shorter = chars.slice(0, chars.length - cut).join("");
      if (vocabulary(q, shorter)) return [{ stems: [shorter], weight: 0.9 }];
    }
    return [];
  }

  function known(q, s) { return vocabulary(q, s) !== undefined || q.m.keys[s] !== undefined; }

  /* The ways a compound may split into two known words: "krigstraume" → "krig" + "traum" (joined by s or e). */
  function splits(q, raw) {
    var chars = Array.from(raw), pairs = [];
    for (var i = chars.length - 3; i >= 3; i--) {
      var left = chars.slice(0, i).join(""), right = W.stem(chars.slice(i).join(""));
      (/[se]$/.test(left) ? [left, left.slice(0, -1)] : [left]).forEach(function (l) {
        l = W.stem(l);
        if (letters(l) >= 3 && known(q, l) && known(q, right)) pairs.push([l, right]);
      });
    }
    return pairs;
  }

  /* A compound the catalogue writes only in parts: both halves required. */
  function split(q, raw) {
    var pairs = splits(q, raw).filter(function (p) { return vocabulary(q, p[0]) && vocabulary(q, p[1]); });
    return pairs.length ? [{ stems: pairs[0], weight: 0.9 }] : [];
  }

  /* The nearest word of the vocabulary: names and synonyms before other words, then the most common. */
  function corrected(q, w, namesOnly) {
    var best = null;
    function consider(s, keyword) {
      var entry = vocabulary(q, s), limit = typos(w.stem, keyword);
      if (!entry || !limit || s === w.stem || (namesOnly && !keyword)) return;
      var d = distance(w.stem, s, limit);
      if (w.open && letters(s) > letters(w.stem)) d = Math.min(d, distance(w.stem, Array.from(s).slice(0, letters(w.stem)).join(""), limit));
      if (d > limit) return;
      var rank = [d, keyword ? 0 : 1, -count(entry), s];
      if (!best || compare(rank, best.rank) < 0) best = { stem: s, rank: rank };
    }
    q.m.keySet.forEach(function (s) { consider(s, true); });
    shards(q).forEach(function (shard) {
      Object.keys(shard.words).forEach(function (s) { consider(s, q.m.keys[s] !== undefined); });
    });
    return best ? [{ stems: [best.stem], weight: 0.6, corrected: vocabulary(q, best.stem)[0] }] : [];
  }

  function compare(a, b) {
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
  }

  /* Group the words into units: two neighbours that the catalogue writes as one word become one unit. */
  function units(q, words) {
    var result = [];
    for (var i = 0; i < words.length; i++) {
      var w = words[i], next = words[i + 1];
      var joined = next && W.stem(w.raw + next.raw);
      if (next && vocabulary(q, joined)) {
        var alts = [{ stems: [joined], weight: 1 }];
        if (vocabulary(q, w.stem) && vocabulary(q, next.stem)) alts.push({ stems: [w.stem, next.stem], weight: 1 });
        result.push({ words: [w, next], alternatives: alts });
        i++;
      } else {
        result.push({ words: [w], alternatives: alternatives(q, w) });
      }
    }
    return result;
  }

  window.TK_MATCH = { count: count, distance: distance, rare: rare, splits: splits, units: units };
})();
