"""Links go only to http, https, mailto and tel, and only the contact fields can make one.

The hostile catalogue (tests/xss_catalog.py) puts script and link payloads in every free-text field;
its pages, turned into HTML with the site's own Markdown extensions, must hold exactly the elements,
attributes and links of a benign copy with plain words in the same fields. The browser tests check
the same in Chromium.
"""

from functools import cache
from html.parser import HTMLParser

import markdown
import pytest
from mkdocs.utils.meta import get_data
from conftest import FIXTURES
from pydantic import ValidationError
from xss_catalog import BENIGN, make_xss_catalog

from generator import model
from generator.pipeline import generate
from generator.options import Options
from generator.write import CONFIG, site_config

ALLOWED_SCHEMES = ("http:", "https:", "mailto:", "tel:")


class Elements(HTMLParser):
    """Collect the (tag, attribute) pairs and the link targets of an HTML fragment."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.shape: set[tuple[str, str]] = set()
        self.targets: set[str] = set()
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.shape.add((tag, ""))
        for name, value in attrs:
            self.shape.add((tag, name))
            if name in ("href", "src", "action", "formaction", "xlink:href", "data", "srcset"):
                self.targets.add(value or "")


@cache
def markdown_converter() -> markdown.Markdown:
    config = site_config(CONFIG.parent / "build" / "docs", CONFIG.parent / "site", Options())
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


def html_pages(root) -> dict[str, Elements]:
    pages = {}
    for path, text in generate(root).items():
        if path.endswith(".md"):
            body, _meta = get_data(text)  # MkDocs reads the front matter itself; the theme escapes its title
            pages[path] = Elements(markdown_converter().reset().convert(body))
    return pages


@pytest.fixture(scope="module")
def benign_and_hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("xss")
    make_xss_catalog(FIXTURES / "catalog", folder / "benign", BENIGN)
    make_xss_catalog(FIXTURES / "catalog", folder / "hostile")
    return html_pages(folder / "benign"), html_pages(folder / "hostile")


def test_payloads_add_no_element_attribute_or_link(benign_and_hostile):
    benign, hostile = benign_and_hostile
    assert set(benign) == set(hostile)
    for path in sorted(benign):
        extra = hostile[path].shape - benign[path].shape
        assert extra == set(), f"{path}: the payloads made {sorted(extra)}"
        assert hostile[path].targets == benign[path].targets, path


def test_every_link_is_relative_or_http_https_mailto_tel(benign_and_hostile):
    for pages in benign_and_hostile:
        for path, page in pages.items():
            absolute = {t for t in page.targets if ":" in t.split("/")[0]}
            assert all(t.startswith(ALLOWED_SCHEMES) for t in absolute), (path, absolute)
            if not path.startswith(("udbydere/", "tilbud/")) or path.endswith("index.md"):
                assert absolute == set(), f"{path}: only a provider's contact (on its page and its offers') may link out, found {absolute}"


@pytest.mark.parametrize("value", ["https://www.vaeksthus.dk", "http://www.marselisborg.org/job?side=2#top", "https://kø.dk/"])
def test_website_accepts_web_addresses(value):
    assert model.Contact(website=value).website == value


@pytest.mark.parametrize("value", [
    "javascript:alert(1)", " https://x.dk", "https://x.dk/\"onclick=\"alert(1)", "https://x.dk/<script>", "data:text/html,x",
    "ftp://x.dk", "www.x.dk", "https://x.dk/a b", "https://x.dk/(a)", "https://x.dk/[a]", "//x.dk", "https:x.dk",
])
def test_website_refuses_everything_else(value):
    with pytest.raises(ValidationError):
        model.Contact(website=value)


@pytest.mark.parametrize("field, good, bad", [
    ("email", ["info@cortexweb.dk", "konsortietkkb@bif.kk.dk"], ["a@b", "x@y.dk?subject=1", "mailto:a@b.dk", "a@b.dk, c@d.dk", "<a@b.dk>"]),
    ("phone", ["88245400", "89 49 12 30", "+45 33 12 34 56"], ["tlf. 33 12 34 56", "33-12-34-56", "33 12 34 56)", "+", " 33"]),
])
def test_email_and_phone_are_checked(field, good, bad):
    for value in good:
        assert getattr(model.Contact(**{field: value}), field) == value
    for value in bad:
        with pytest.raises(ValidationError):
            model.Contact(**{field: value})
