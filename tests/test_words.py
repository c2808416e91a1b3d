"""Word rules shared by search and the finder: Python (generator/words.py) and the browser
(generator/assets/words.js) against one table of vectors, and against each other on every word of
the real catalogue. Node's own test runner runs the JavaScript side."""

import json
import shutil
import subprocess

import pytest
from conftest import ROOT

from generator.pipeline import validate
from generator.search import documents
from generator.words import shard, stem, tokens

VECTORS = json.loads((ROOT / "tests" / "vectors" / "words.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("text,expected", VECTORS["tokens"])
def test_tokens(text, expected):
    assert tokens(text) == expected


def test_stems_and_shards():
    assert {w: stem(w) for w in VECTORS["stems"]} == VECTORS["stems"]
    assert [[s, n, shard(s, n)] for s, n, _ in VECTORS["shards"]] == VECTORS["shards"]


def node_test(env: dict | None = None) -> subprocess.CompletedProcess:
    node = shutil.which("node")
    assert node, "node is missing: install Node.js (see README)"
    return subprocess.run([node, "--test", str(ROOT / "tests" / "js")], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", **(env or {})}, timeout=120)


def test_javascript_agrees_with_the_vectors():
    result = node_test()
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def test_javascript_stems_every_word_of_the_catalogue_as_python_does(tmp_path):
    catalog = validate(ROOT)
    vocabulary = sorted({w for doc in documents(catalog) for text in (doc.key, doc.body) for w in tokens(text)})
    assert len(vocabulary) > 3000
    file = tmp_path / "words.json"
    file.write_text(json.dumps({w: stem(w) for w in vocabulary}, ensure_ascii=False), encoding="utf-8")
    result = node_test({"TK_WORDS_FILE": str(file)})
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
