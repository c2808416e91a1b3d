"""Review dates (`reviewed:`, sidst bekræftet): parsed from YAML as text, shown on the page, and a warning,
never an error, when older than --review-age days or in the future."""

import datetime
from pathlib import Path

from conftest import FIXTURES, run_cli

from generator.load import load_catalog
from generator.pipeline import generate
from generator.review import stale_reviews

TODAY = datetime.date(2025, 6, 1)


def warnings(root: Path, today=TODAY, max_age=365) -> list[str]:
    return [str(d) for d in stale_reviews(load_catalog(root), today, max_age)]


def test_reviews_older_than_the_age_or_in_the_future_are_warned_about(catalog_copy):
    offers = catalog_copy / "content" / "offers" / "vaerkstedet.yaml"
    offers.write_text(offers.read_text(encoding="utf-8").replace("reviewed: 2020-01-15", "reviewed: 2025-07-01"), encoding="utf-8")
    found = warnings(catalog_copy, max_age=364)
    assert found == [
        "cases/aarhus-maria.yaml:15: warning: cases[0].reviewed: last confirmed 2024-06-01, 365 days ago (more than 364): "
        "check it against the source or the provider and update the date",
        "content/offers/vaerkstedet.yaml:15: warning: offers[0].reviewed: '2025-07-01' lies in the future: "
        "write the day the content was confirmed",
    ]
    assert warnings(catalog_copy, max_age=365) == found[1:]


def test_validate_and_build_print_warnings_and_succeed(catalog_copy):
    result = run_cli("validate", "--root", str(catalog_copy))
    assert result.returncode == 0 and result.stdout.startswith("OK:")
    assert "content/offers/vaerkstedet.yaml:15: warning: offers[0].reviewed: last confirmed 2020-01-15" in result.stderr
    quiet = run_cli("validate", "--root", str(catalog_copy), "--review-age", "100000")
    assert (quiet.returncode, quiet.stderr) == (0, "")
    built = run_cli("build", "--root", str(catalog_copy), "--out", str(catalog_copy / "site"), "-q", "--review-age", "100000")
    assert built.returncode == 0 and built.stderr == "" and (catalog_copy / "site" / "index.html").is_file()


def test_review_dates_are_shown_on_their_pages():
    pages = generate(FIXTURES / "catalog")
    assert "Sidst bekræftet af redaktionen: 15&#46; januar 2020" in pages["tilbud/vaerkstedet-mentorpakke.md"]
    assert "Sidst bekræftet af redaktionen: 1&#46; juni 2024" in pages["cases/aarhus-maria.md"]
    assert "Sidst bekræftet" not in pages["tilbud/vaerkstedet-jobpakke.md"]
