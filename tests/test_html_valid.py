"""Valid HTML: the W3C Nu checker (npm's vnu-jar, on Java) finds no error on any page of either build."""

import json
import shutil
import subprocess

import pytest
from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(site) -> list[str]:
    java = shutil.which("java")
    assert java, "java is missing: install a Java runtime (Debian: default-jre-headless)"
    assert VNU.is_file(), "node_modules/vnu-jar is missing: run `make test` (npm ci)"
    result = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr)["messages"]
    return sorted(f"{m['url'].split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages)


@pytest.mark.parametrize("build", ["served", "offline"])
def test_every_page_is_valid_html(build, real_site, real_site_offline):
    site = real_site if build == "served" else real_site_offline
    pages = list(site.rglob("*.html"))
    assert len(pages) > 250
    errors = vnu_errors(site)
    assert errors == [], f"{len(errors)} error(s), e.g.:\n" + "\n".join(errors[:20])
