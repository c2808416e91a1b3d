"""MkDocs on several processes (generator/parallel.py) builds the same site, byte for byte, as MkDocs' own
single-process build: the real catalogue served and offline, a synthetic one, on MkDocs and on ProperDocs; and it
fails the same way, with the same warnings in the same order, when a page has a broken link or anchor."""

import pytest
from conftest import FIXTURES, ROOT, build_site, run_cli, site_files

from generator import pipeline
from generator.diagnostics import BuildError
from generator.options import Options
from generator.write import run_mkdocs, site_config, write_docs


def builds(root, tmp_path, monkeypatch, name, *args):
    """Build root with one process and with three (more workers than pages of some kinds); return both sites."""
    monkeypatch.setenv("TILBUD_ENGINE", name)
    one = build_site(tmp_path / "one", "--jobs", "1", *args, root=root)
    three = build_site(tmp_path / "three", "--jobs", "3", *args, root=root)
    return site_files(one), site_files(three)


@pytest.mark.parametrize("name", ["mkdocs", "properdocs"])
@pytest.mark.parametrize("variant", [[], ["--offline"]], ids=["served", "offline"])
def test_the_real_catalogue_builds_the_same_on_three_processes_as_on_one(name, variant, tmp_path, monkeypatch):
    one, three = builds(ROOT, tmp_path, monkeypatch, name, *variant)
    assert len(one) > 100 and list(one) == list(three)
    assert [path for path in one if one[path] != three[path]] == []


@pytest.mark.parametrize("name", ["mkdocs", "properdocs"])
def test_a_synthetic_catalogue_builds_the_same_on_two_processes_as_on_one(name, tmp_path, monkeypatch):
    root = tmp_path / "synth"
    assert run_cli("synth", "--offers", "40", "--out", str(root)).returncode == 0
    one, three = builds(root, tmp_path, monkeypatch, name, "--review-age", "100000")
    assert sum(path.startswith("tilbud/") for path in one) >= 40 and list(one) == list(three)
    assert [path for path in one if one[path] != three[path]] == []


BROKEN = {
    "brud/a.md": "# A\n\n[ingen side](ingen.md) og [intet anker](../tilbud/index.md#intet-anker)\n",
    "brud/b.md": "# B\n\n## Her\n\n[intet anker her](#ikke-her) og [her](#her)\n",
    "brud/c.md": "# C\n\n[b's anker](b.md#her) og [b's manglende](b.md#mangler)\n",
}


def failure(docs, tmp_path, jobs: int) -> str:
    with pytest.raises(BuildError) as error:
        run_mkdocs(docs, tmp_path / f"site-{jobs}", Options(jobs=jobs), None)
    return str(error.value)


def test_broken_links_and_anchors_fail_the_same_with_the_same_warnings(tmp_path):
    docs = tmp_path / "docs"
    write_docs(docs, {**pipeline.generate(FIXTURES / "catalog", Options(review_age=100000)), **BROKEN})
    one = failure(docs, tmp_path, 1)
    assert one.startswith("MkDocs could not build the site: Aborted with 4 warnings in strict mode! ")
    for text in ("'ingen.md'", "'#ikke-her'", "contains a link 'b.md#mangler', but the doc 'brud/b.md' does not contain an anchor '#mangler'",
                 "contains a link '../tilbud/index.md#intet-anker'"):
        assert text in one
    assert failure(docs, tmp_path, 2) == one


def test_a_page_that_cannot_be_read_fails_the_same(tmp_path):
    docs = tmp_path / "docs"
    write_docs(docs, pipeline.generate(FIXTURES / "catalog", Options(review_age=100000)))
    (docs / "brud.md").write_bytes(b"# Ikke UTF-8: \xff\n")
    errors = []
    for jobs in (1, 2):
        with pytest.raises(UnicodeDecodeError) as error:
            run_mkdocs(docs, tmp_path / f"site-{jobs}", Options(jobs=jobs), None)
        errors.append(str(error.value))
    assert errors[0] == errors[1]


def test_one_job_is_mkdocs_own_build(tmp_path, monkeypatch):
    from generator import parallel

    called = []
    monkeypatch.setattr(parallel, "Site", None)  # the parallel build's first step: one job never gets there
    (tmp_path / "docs").mkdir()
    parallel.build(site_config(tmp_path / "docs", tmp_path / "site", Options()), fallback=called.append, jobs=1)
    assert len(called) == 1
