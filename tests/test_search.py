"""The search index (generator/search.py): what each document is found by and shows, and that the split
files hold every word exactly once, where the browser looks for it."""

import json
import re

from conftest import FIXTURES, ROOT
from test_finder import loaded

from generator.index import build_indexes
from generator.pipeline import validate
from generator.search import KINDS, LINE, documents, search_files
from generator.words import shard, stem, stems


def index_of(root):
    catalog = validate(root)
    ix = build_indexes(catalog)
    return catalog, ix, loaded(search_files(catalog, ix))


def file_of(shards: set[str], s: str) -> str:
    """The browser's rule (search-engine.js fileOf): the longest prefix of the stem that has a file."""
    return next(shard(s, n) for n in range(min(len(s), 16), 1, -1) if shard(s, n) in shards)


def test_every_word_is_in_the_file_the_browser_reads():
    _, _, data = index_of(ROOT)
    shards = set(data["meta"]["shards"])
    assert shards == {name[2:] for name in data if name.startswith("v-")}
    seen = set()
    for name in sorted(shards):
        for s in data[f"v-{name}"]["words"]:
            assert file_of(shards, s) == name and s not in seen
            seen.add(s)
    assert {stem("asperger"), stem("hjerneskade"), stem("snusepraktik")} <= seen


def postings(data: dict, s: str) -> tuple[list[int], list[int], list[int]]:
    """Decode a stem's key, facet and body postings (gaps) as the browser does."""
    entry = data[f"v-{file_of(set(data['meta']['shards']), s)}"]["words"][s]
    lists = entry[1:] if isinstance(entry[1], list) else data[f"p-{entry[1]}"]
    return tuple([sum(gaps[: i + 1]) for i in range(len(gaps))] for gaps in lists)


def test_synonyms_are_key_words_of_their_page_and_facet_words_of_its_offers():
    catalog, ix, data = index_of(FIXTURES / "catalog")
    docs = documents(catalog, ix)
    urls = [f"{d.section}/{d.id}" for d in docs]
    key, facet, body = postings(data, stem("asperger"))
    assert [urls[n] for n in key] == ["maalgrupper/autisme"]
    assert "tilbud/vaerkstedet-mentorpakke" in [urls[n] for n in facet] and body == []
    assert data["v-" + file_of(set(data["meta"]["shards"]), stem("asperger"))]["terms"][stem("asperger")] == key


def test_documents_are_ordered_by_kind_with_the_ranges_the_browser_ranks_by():
    catalog, ix, data = index_of(ROOT)
    docs = documents(catalog, ix)
    sections = [k[0] for k in KINDS]
    for kind, first, after in data["meta"]["ranges"]:
        assert {d.section for d in docs[first:after]} == {sections[kind]}
    assert data["meta"]["count"] == len(docs) and data["meta"]["offers"] == len(catalog.offers)
    assert docs[0].section == "tilbud" and data["meta"]["ranges"][-1][2] == len(docs)


def test_results_explain_themselves_without_source_references():
    catalog, ix, data = index_of(ROOT)
    rows = [row for name in sorted(data) if name.startswith("d-") for row in data[name]]
    assert len(rows) == len(documents(catalog, ix))
    for url, title, kind, line in rows:
        assert title and 0 < len(line) <= LINE + 2, url
        assert not re.search(r"\.txt|linje \d|søgeord", line), (url, line)
    helene = next(row for row in rows if row[0] == "cases/vaeksthuset-helene")
    assert helene[1] == "Væksthuset – Helene" and "Fleksjob" in helene[3]


def test_cases_are_found_by_their_situation():
    catalog, ix, data = index_of(ROOT)
    urls = [f"{d.section}/{d.id}" for d in documents(catalog, ix)]
    both = set.intersection(*(set(sum(postings(data, s), [])) for s in stems("sygemeldt hjernerystelse")))
    assert "cases/vaeksthuset-helene" in [urls[n] for n in both]


def test_no_value_can_close_the_script_element():
    catalog, ix, _ = index_of(FIXTURES / "catalog")
    for text in search_files(catalog, ix).values():
        assert "<" not in text and json.loads(text[text.index(", ") + 2 : -3]) is not None


def test_scripts_load_deferred_and_the_finder_only_on_its_page(real_site):
    def scripts(page):
        html = (real_site / page).read_text(encoding="utf-8")
        return re.findall(r'<script src="[^"]*assets/([a-z-]+\.js)"( defer)?', html)
    search = ["words.js", "search-match.js", "search-engine.js", "search.js"]
    for page in ("index.html", "maalgrupper/autisme/index.html", "find-tilbud/index.html"):
        names = [name for name, defer in scripts(page) if defer]
        assert names == [name for name, _ in scripts(page)], f"{page}: a script of ours is not deferred"
        assert names[: len(search)] == search and ("finder.js" in names) == page.startswith("find-tilbud")
    assert scripts("find-tilbud/index.html")[-1] == ("finder.js", " defer")  # after Min liste, whose buttons it uses


def test_lay_terms_lead_to_their_page_first():
    catalog, ix, data = index_of(FIXTURES / "catalog")  # the fixture's autisme has the lay term 'autist'
    urls = [f"{d.section}/{d.id}" for d in documents(catalog, ix)]
    key, _, _ = postings(data, stem("autist"))
    shard_ = data["v-" + file_of(set(data["meta"]["shards"]), stem("autist"))]
    assert [urls[n] for n in key] == ["maalgrupper/autisme"] and shard_["terms"][stem("autist")] == key
