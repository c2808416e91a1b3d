"""tools/copycheck.py: prose fields share at most 9 words in a row with a source, everything else at most 11."""

import sys

from conftest import FIXTURES, ROOT

sys.path.insert(0, str(ROOT / "tools"))
import copycheck  # noqa: E402

HERE = FIXTURES / "copycheck"
NAME = "tests/fixtures/copycheck/catalogue.yaml"


def runs():
    return copycheck.seed_runs(HERE / "seeds")


def test_prose_fields_allow_nine_words_and_other_fields_eleven():
    assert [str(d) for d in copycheck.check([HERE / "catalogue.yaml"], runs())] == [
        f'{NAME}:3: error: offers[0].purpose: shares 10 words in a row with a source (at most 9 allowed here): '
        '"fast mentor som følger med ud på arbejdspladsen de første"',
        f'{NAME}:9: error: offers[0].content[1]: shares 13 words in a row with a source (at most 11 allowed here): '
        '"snusepraktik to til fem dage på en lokal virksomhed med en erfaren kollega"',
        f'{NAME}:14: error: providers[0].partners[0].role: shares 10 words in a row with a source (at most 9 allowed here): '
        '"forløbet giver deltageren en fast mentor som følger med ud"',
    ]


def test_the_limit_follows_the_innermost_field_name():
    assert copycheck.limit(("cases", 0, "steps", 2)) == copycheck.PROSE_RUN == 10
    assert copycheck.limit(("offers", 1, "content", 0)) == copycheck.RUN == 12
    assert copycheck.limit(("offers", 1, "target_groups", 0, "note")) == 12


def test_overlapping_runs_are_reported_as_one_stretch():
    text = "Forløbet giver deltageren en fast mentor, som følger med ud på arbejdspladsen."
    assert copycheck.copied(text, runs()[10], 10) == [
        "forløbet giver deltageren en fast mentor som følger med ud på arbejdspladsen"
    ]


def test_main_prints_the_runs_and_a_summary_and_exits_1(capsys):
    assert copycheck.main(["--seeds", str(HERE / "seeds"), str(HERE / "catalogue.yaml")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 4 and out[-1] == "3 shared run(s) in 1 file(s)."


def test_a_clean_file_exits_0(tmp_path, capsys):
    clean = tmp_path / "clean.yaml"
    clean.write_text("offers:\n  - purpose: Du får en mentor de første uger.\n", encoding="utf-8")
    assert copycheck.main(["--seeds", str(HERE / "seeds"), str(clean)]) == 0
    assert capsys.readouterr().out == ""


def test_a_file_that_does_not_load_gives_its_load_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("offers:\n  - purpose: a\n    purpose: b\n", encoding="utf-8")
    assert [d.message for d in copycheck.check([bad], runs())] == ["duplicate key 'purpose' (first at line 2)"]
