/* Words as search and the finder match them: split, fold, drop stop words, stem (Snowball Danish).
   The same rules as generator/words.py, pinned to one table of vectors (tests/vectors/words.json).
   The stemmer is a port of Snowball 3.1's danish.sbl (as generated for PyPI's snowballstemmer). */
(function (root) {
  "use strict";
  var FOLD = { "é": "e", "è": "e", "ê": "e", "ë": "e", "á": "a", "à": "a", "ä": "æ", "ö": "ø", "ü": "u",
               "í": "i", "ó": "o", "ú": "u" };
  var ASCII = { "æ": "_ae", "ø": "_oe", "å": "_aa" };  // "_" never occurs in a word: no file name clash
  var STOP = new Set((
    "ad af alle alt anden at blev blive bliver da de dem den denne der deres det dette dig din disse dog du efter eller " +
    "en end er et for fra ham han hans har havde have hende hendes her hos hun hvad hvis hvor i ikke ind jeg jer jo " +
    "kunne man mange med meget men mig min mine mit mod ned noget nogle nu når og også om op os over på selv sig sin " +
    "sine sit skal skulle som sådan thi til ud under var vi vil ville vor være været").split(" "));
  var VOWEL = /[aeiouyæåø]/;
  var MAIN = ["erendes", "erende", "hedens", "ethed", "erede", "heden", "heder", "endes", "ernes", "erens", "erets",
              "ered", "ende", "erne", "eren", "erer", "heds", "enes", "eres", "eret", "hed", "ene", "ere", "ens", "ers",
              "ets", "en", "er", "es", "et", "e"];
  var S_ENDING = /['abcdfghjklmnoprtvyzå]/;
  var PAIRS = ["gd", "dt", "gt", "kt"];
  var OTHER = ["elig", "løst", "lig", "els", "ig"];
  var UNDOUBLE = /[bdfgklmnprst]/;

  function fold(text) {
    return Array.from(text.toLowerCase()).map(function (c) { return FOLD[c] || c; }).join("");
  }

  function tokens(text) {
    return (fold(text).match(/[0-9a-zæøå]+/g) || []).filter(function (w) { return w.length > 1 && !STOP.has(w); });
  }

  // R1: after the first non-vowel that follows a vowel (or after an apostrophe), and at least 3 letters in.
  function region(word) {
    var apostrophe = word.indexOf("'"), p1 = word.length;
    if (apostrophe >= 0) p1 = apostrophe + 1;
    else {
      for (var i = 1; i < word.length; i++) {
        if (VOWEL.test(word[i - 1]) && !VOWEL.test(word[i])) { p1 = i + 1; break; }
      }
    }
    return Math.max(p1, 3);
  }

  function suffixIn(word, list, p1) {
    for (var i = 0; i < list.length; i++) {
      var s = list[i];
      if (word.length - s.length >= p1 && word.slice(-s.length) === s) return s;
    }
    return null;
  }

  function consonantPair(word, p1) {
    return suffixIn(word, PAIRS, p1) ? word.slice(0, -1) : word;
  }

  function stem(word) {
    if (word.length < 3) return word;
    var p1 = region(word);
    var main = suffixIn(word, MAIN, p1);
    if (main) word = word.slice(0, -main.length);
    else if (word.length - 1 >= p1 && word.slice(-1) === "s" && S_ENDING.test(word.slice(-2, -1))) word = word.slice(0, -1);
    word = consonantPair(word, p1);
    if (word.slice(-4) === "igst") word = word.slice(0, -2);
    var other = suffixIn(word, OTHER, p1);
    if (other === "løst") word = word.slice(0, -1);
    else if (other) word = consonantPair(word.slice(0, -other.length), p1);
    var last = word.slice(-1);
    if (word.length - 1 >= p1 && UNDOUBLE.test(last) && word.slice(-2, -1) === last) word = word.slice(0, -1);
    return word.slice(-1) === "'" ? word.slice(0, -1) : word;
  }

  function stems(text) { return tokens(text).map(stem); }

  function shard(s, letters) {
    return Array.from(s).slice(0, letters || 2).map(function (c) { return ASCII[c] || c; }).join("");
  }

  var api = { fold: fold, tokens: tokens, stem: stem, stems: stems, shard: shard };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.TK_WORDS = api;
})(this);
