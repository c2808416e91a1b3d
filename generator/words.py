"""Words as search and the finder match them: split, fold, drop stop words, stem (Snowball Danish).

Input: text. Output: the words it is indexed or queried by. The browser does exactly the same in
assets/words.js; tests/vectors/words.json pins both to one table, read by a Python and a Node test.
"""

from __future__ import annotations

import functools
import re

import snowballstemmer

WORD = re.compile(r"[0-9a-zæøå]+")
# Letters from other alphabets that Danish text uses: fold them to the ones a Danish keyboard has.
FOLD = str.maketrans({"é": "e", "è": "e", "ê": "e", "ë": "e", "á": "a", "à": "a", "ä": "æ", "ö": "ø", "ü": "u",
                      "í": "i", "ó": "o", "ú": "u"})
FOLDED = re.compile("[" + "".join(map(chr, FOLD)) + "]")  # text with a letter to fold
# File names: "_" never occurs in a word, so "æb" (_aeb) and "aeb" never share a file.
ASCII = str.maketrans({"æ": "_ae", "ø": "_oe", "å": "_aa"})
# Snowball's Danish stop list: words too common to narrow a search.
STOP_WORDS = frozenset(
    "ad af alle alt anden at blev blive bliver da de dem den denne der deres det dette dig din disse dog du efter eller "
    "en end er et for fra ham han hans har havde have hende hendes her hos hun hvad hvis hvor i ikke ind jeg jer jo "
    "kunne man mange med meget men mig min mine mit mod ned noget nogle nu når og også om op os over på selv sig sin "
    "sine sit skal skulle som sådan thi til ud under var vi vil ville vor være været".split()
)

_stemmer = snowballstemmer.stemmer("danish")


def tokens(text: str) -> list[str]:
    """Return the words of text in order: lower-case, folded, two or more letters or digits, no stop words."""
    text = text.lower()
    if FOLDED.search(text):  # rare; translating every text would cost more than splitting it
        text = text.translate(FOLD)
    return [w for w in WORD.findall(text) if len(w) > 1 and w not in STOP_WORDS]


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Return the Snowball Danish stem of a folded, lower-case word."""
    return _stemmer.stemWord(word)


def stems(text: str) -> list[str]:
    """Return the stem of every word of text, in order."""
    return [stem(w) for w in tokens(text)]


def shard(stem_: str, letters: int = 2) -> str:
    """Return the name of the vocabulary file for a stem: its first letters (two unless told), ASCII-safe."""
    return stem_[:letters].translate(ASCII)
