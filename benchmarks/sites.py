"""What a build produced: its HTML pages' sizes (largest, over the limit, mean) and the navigation a page carries;
and how two synthetic catalogues differ (the baseline's synth against this checkout's)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

LIMIT = 200_000  # issue 15: no HTML page over 200 KB (KB = 1,000 bytes here, the stricter reading)
NAV_LINK = re.compile(rb'class="md-nav__link')


def site_stats(site: Path) -> dict:
    """Return the site's size, its HTML pages' count, mean and largest, the pages over LIMIT, and nav links per page."""
    sizes = sorted(((p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")), reverse=True)
    if not sizes:
        return {"html_pages": 0}
    offer = next(iter(sorted((site / "tilbud").glob("*/index.html"))), None) if (site / "tilbud").is_dir() else None
    return {
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "html_pages": len(sizes),
        "mean_page_bytes": sum(s for s, _ in sizes) / len(sizes),
        "largest": [[path, size] for size, path in sizes[:5]],
        "over_limit": sum(1 for s, _ in sizes if s > LIMIT),
        "over_limit_pages": [[path, size] for size, path in sizes if size > LIMIT][:20],
        "nav_links": {"home": nav_links(site / "index.html"), "an offer": nav_links(offer)},
    }


def nav_links(page: Path | None) -> int | None:
    """Return how many navigation links (Material's md-nav__link) a page has, as a check that the floor's pages are
    no more navigated than the build's."""
    return len(NAV_LINK.findall(page.read_bytes())) if page and page.is_file() else None


def catalogue_differences(ours: Path, theirs: Path) -> dict:
    """Return the YAML files that differ between two catalogues, with how many lines each has only on its side."""
    def files(root: Path) -> dict[str, Path]:
        return {p.relative_to(root).as_posix(): p for p in root.rglob("*.yaml") if "build" not in p.relative_to(root).parts}

    a, b = files(ours), files(theirs)
    differing = {}
    for name in sorted(set(a) | set(b)):
        left = a[name].read_text(encoding="utf-8").splitlines() if name in a else []
        right = b[name].read_text(encoding="utf-8").splitlines() if name in b else []
        if left != right:
            ours_only, theirs_only = Counter(left) - Counter(right), Counter(right) - Counter(left)
            differing[name] = {"only_ours": sum(ours_only.values()), "only_theirs": sum(theirs_only.values()), "lines": len(left),
                               "example": (sorted(ours_only) or sorted(theirs_only) or [""])[0].strip()[:60]}
    return {"files": len(a), "differing": differing}
