"""Compare the visible text of the main content of two built sites, page by page.

    .venv/bin/python tools/visible_text.py SITE_BEFORE SITE_AFTER

Prints each page whose text inside <article> differs (or that only one site has), and a summary line.
Whitespace is normalised: a change of markup that shows the same words counts as no change.
"""

import difflib
import re
import sys
from html.parser import HTMLParser
from pathlib import Path


class ArticleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.words = 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "article" or self.depth:
            self.depth += tag not in ("br", "img", "input", "meta", "link", "hr", "wbr")

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.words.append(data)


def text(path: Path) -> str:
    parser = ArticleText()
    parser.feed(path.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", " ".join(parser.words)).strip()


def main(before: Path, after: Path) -> int:
    pages = sorted({p.relative_to(site).as_posix() for site in (before, after) for p in site.rglob("*.html")})
    changed = 0
    for page in pages:
        a, b = before / page, after / page
        if not a.is_file() or not b.is_file():
            print(f"{page}: only in {'after' if b.is_file() else 'before'}")
            changed += 1
            continue
        ta, tb = text(a), text(b)
        if ta != tb:
            changed += 1
            print(f"{page}:")
            for line in difflib.unified_diff(ta.split(" · "), tb.split(" · "), lineterm="", n=0):
                print("   ", line[:300])
    print(f"{len(pages)} pages, {changed} with different visible text")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
