"""The theme's fragment cache (generator/theme/partials/fragments.html) changes no byte of the site: built with it,
as `generator build` does, the real catalogue is the same as with every part rendered on every page, as serve and
a plain `mkdocs build` render it."""

import pytest
from conftest import site_files

from generator import engine, pipeline
from generator.options import Options
from generator.write import site_config, write_docs


@pytest.mark.parametrize("offline", [False, True], ids=["served", "offline"])
def test_the_fragment_cache_changes_no_byte(offline, catalog_copy, tmp_path):
    options = Options(offline=offline, jobs=1)
    docs = catalog_copy / "build" / "docs"
    write_docs(docs, pipeline.pages(catalog_copy, options))
    cached, plain = (site_config(docs, tmp_path / name, options) for name in ("cached", "plain"))
    del plain.extra["fragments"]
    for config in (cached, plain):
        engine.load(options.engine).build(config, jobs=1)
    assert len(cached.extra["fragments"]) > 10  # the navigation, header and scripts of several folders
    assert site_files(tmp_path / "cached") == site_files(tmp_path / "plain")
