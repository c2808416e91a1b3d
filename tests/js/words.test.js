// The browser's word rules (generator/assets/words.js) against the shared vectors that also pin
// generator/words.py. Run by `node --test tests/js/`, which tests/test_words.py runs under pytest.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const words = require(path.join(__dirname, "..", "..", "generator", "assets", "words.js"));
const vectors = require(path.join(__dirname, "..", "vectors", "words.json"));

test("tokens: split, fold, lower-case, drop stop words and single letters", () => {
  for (const [text, expected] of vectors.tokens) assert.deepEqual(words.tokens(text), expected, text);
});

test("stems: Snowball Danish", () => {
  for (const [word, expected] of Object.entries(vectors.stems)) assert.equal(words.stem(word), expected, word);
});

test("shards: first two letters, ASCII-safe", () => {
  for (const [stem, letters, expected] of vectors.shards) assert.equal(words.shard(stem, letters), expected, stem);
});

test("stems of words given on standard input, when asked (the Python test sends the whole vocabulary)", () => {
  const file = process.env.TK_WORDS_FILE;
  if (!file) return;
  const input = JSON.parse(require("node:fs").readFileSync(file, "utf8"));
  const differ = Object.entries(input).filter(([word, stem]) => words.stem(word) !== stem);
  assert.deepEqual(differ.map(([w, s]) => [w, s, words.stem(w)]), []);
});
