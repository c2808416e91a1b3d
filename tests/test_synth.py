"""The synthetic catalogue: it validates and builds strict, the same for the same size, and never overwrites content."""

from conftest import run_cli

from generator import synth


def test_synthetic_catalogue_validates_and_builds_strict(tmp_path):
    root = tmp_path / "synth"
    result = run_cli("synth", "--offers", "30", "--out", str(root))
    assert result.returncode == 0, result.stderr
    result = run_cli("validate", "--root", str(root))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: 30 offers,")
    result = run_cli("build", "--root", str(root), "--out", str(tmp_path / "site"), "-q")
    assert result.returncode == 0, result.stderr
    assert result.stdout == result.stderr == ""
    assert len(list((tmp_path / "site" / "tilbud").glob("*/index.html"))) == 30


def test_same_size_gives_the_same_catalogue():
    assert synth.catalogue(30) == synth.catalogue(30)
    assert synth.catalogue(30) != synth.catalogue(31)


def test_synth_refuses_a_folder_holding_a_real_catalogue(catalog_copy):
    result = run_cli("synth", "--offers", "5", "--out", str(catalog_copy))
    assert result.returncode == 1
    assert "already holds a catalogue that synth did not write" in result.stderr
