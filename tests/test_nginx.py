"""The publishing guide's nginx configuration, run for real: Debian's nginx serves the site under /katalog/.

The configuration is taken from the guide's text (Om kataloget › Udgivelse på intranettet), so the guide
cannot drift from what is tested. nginx runs in the foreground on a loopback port with its own prefix,
logs and temporary folders, and is stopped after the tests. Apache's and IIS's settings are checked as text.
"""

import contextlib
import gzip
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import FIXTURES, build_site

from generator.pipeline import generate

SITE_URL = "https://intra.example/katalog/"
NGINX = "/usr/sbin/nginx"
GUIDE_SITE = "/srv/tilbudskatalog/site"
HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)$")


def guide_sections() -> dict[str, str]:
    text = generate(FIXTURES / "catalog")["om/publicering.md"]
    return {m[1]: m[2] for m in re.finditer(r"^## (.+)\n((?:(?!^## ).*\n?)*)", text, re.M)}


def code_block(section: str) -> str:
    return re.search(r"^```\n(.*?)^```$", guide_sections()[section], re.M | re.S)[1]


def nginx_conf(folder: Path, site: Path, port: int) -> str:
    """Wrap the guide's location block in a server of our own: loopback port, files and logs in folder."""
    location = code_block("nginx").replace(GUIDE_SITE, str(site))
    temp = "\n".join(f"    {kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return f"""daemon off;
master_process off;
worker_processes 1;
pid {folder / 'nginx.pid'};
error_log {folder / 'error.log'} warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {folder / 'access.log'};
{temp}
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
{location}
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_nginx(site: Path, folder: Path):
    """Start nginx with the guide's configuration; yield the site's base URL; stop it."""
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: run `make test`, which installs Debian's nginx")
    port = free_port()
    (folder / "nginx.conf").write_text(nginx_conf(folder, site, port), encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(folder / "nginx.conf")],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen([NGINX, "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(folder / "nginx.conf")])
    try:
        wait_for(port, process, folder)
        yield f"http://127.0.0.1:{port}/katalog/"
    finally:
        process.terminate()
        process.wait(timeout=10)


def wait_for(port: int, process: subprocess.Popen, folder: Path) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        assert process.poll() is None, (folder / "error.log").read_text(encoding="utf-8")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return
        time.sleep(0.05)
    raise AssertionError("nginx did not start listening in 10 s")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    site = build_site(tmp_path_factory.mktemp("nginx-site") / "site", "--site-url", SITE_URL)
    site.parent.chmod(0o755)
    return site


@pytest.fixture(scope="module")
def nginx(site, tmp_path_factory):
    with running_nginx(site, tmp_path_factory.mktemp("nginx")) as url:
        yield url


def get(url: str, gzip_ok: bool = False) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def assets_of_home_page(site: Path) -> list[str]:
    """Return the stylesheets and scripts the home page loads, relative to the site."""
    html = (site / "index.html").read_text(encoding="utf-8")
    refs = re.findall(r'<(?:link[^>]+href|script[^>]+src)="([^"]+\.(?:css|js))"', html)
    return sorted({ref.removeprefix("./") for ref in refs})


def test_the_guide_has_one_nginx_block_that_nginx_accepts(nginx):
    assert code_block("nginx").startswith("location /katalog/ {")


def test_pages_under_the_sub_path_with_gzip_and_a_short_lifetime(nginx, site):
    status, headers, body = get(nginx, gzip_ok=True)
    assert (status, headers["content-encoding"], headers["cache-control"]) == (200, "gzip", "max-age=300")
    assert gzip.decompress(body) == (site / "index.html").read_bytes()
    status, headers, _ = get(nginx + "tilbud/")
    assert (status, headers.get("content-encoding"), headers["content-type"]) == (200, None, "text/html")


def test_css_js_json_and_csv_are_compressed(nginx, site):
    data = ["data/hsds/services.json", "data/hsds/datapackage.json", "data/tilbudskataloget.json",  # over gzip_min_length
            "data/tilbud.csv", "data/hsds/attributes.csv"]
    for path in assets_of_home_page(site) + data:
        status, headers, body = get(nginx + path, gzip_ok=True)
        assert (status, headers.get("content-encoding")) == (200, "gzip"), path
        assert gzip.decompress(body) == (site / path).read_bytes(), path


def test_spreadsheets_are_served_as_csv(nginx):
    for path in ("data/tilbud.csv", "data/hsds/services.csv"):
        assert get(nginx + path)[1]["content-type"] == "text/csv; charset=utf-8", path


def test_hashed_material_assets_live_for_a_year_and_the_rest_briefly(nginx, site):
    hashed = [p for p in assets_of_home_page(site) if HASHED.search(p)]
    assert len(hashed) >= 3  # the stylesheets and the bundle
    for path in hashed:
        headers = get(nginx + path)[1]
        assert headers["cache-control"] == "public, max-age=31536000, immutable" and "expires" not in headers, path
    for path in ("assets/extra.css", "assets/finder.js", "data/tilbud.csv", "udbydere/"):
        assert get(nginx + path)[1]["cache-control"] == "max-age=300", path


def test_unknown_addresses_get_the_404_page(nginx, site):
    status, headers, body = get(nginx + "findes/ikke/")
    assert (status, body) == (404, (site / "404.html").read_bytes())
    assert get(nginx + "assets/javascripts/bundle.00000000.min.js")[0] == 404


def test_compression_saves_what_the_guide_says(nginx, site):
    low, high = map(int, re.search(r"sparer komprimering (\d+)–(\d+) %", guide_sections()["Komprimering og levetid"]).groups())
    plain = packed = 0
    for path in [""] + assets_of_home_page(site):
        plain += len(get(nginx + path)[2])
        packed += len(get(nginx + path, gzip_ok=True)[2])
    page_plain, page_packed = len(get(nginx)[2]), len(get(nginx, gzip_ok=True)[2])
    print(f"\nnginx: home page {page_plain} B, gzip {page_packed} B; with its CSS and JS {plain} B, gzip {packed} B")
    assert low <= 100 * (plain - packed) / plain <= high
    assert low <= 100 * (page_plain - page_packed) / page_plain <= high


@pytest.mark.browser
def test_the_site_through_nginx_requests_nothing_from_another_host(nginx, browser):
    context = browser.new_context(locale="da-DK")
    page, outside = context.new_page(), []
    origin = nginx.removesuffix("katalog/")

    def only_local(route):
        if route.request.url.startswith(origin):
            return route.continue_()
        outside.append(route.request.url)
        return route.abort()

    page.route("**/*", only_local)
    for path in ("", "tilbud/", "find-tilbud/", "soeg/?q=autisme", "data/", "findes/ikke/"):
        page.goto(nginx + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky", path
    context.close()
    assert outside == []


# --- Apache and IIS: no server here, so their settings are checked as text. ---

def test_apache_compresses_and_caches_as_nginx_does(site):
    apache = code_block("Apache")
    deflate = re.search(r"AddOutputFilterByType DEFLATE (.+)", apache)[1].split()
    assert {"text/html", "text/css", "application/javascript", "application/json"} <= set(deflate)
    pattern = re.compile(re.search(r'<FilesMatch "(.+)">', apache)[1])
    files = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    assert {f for f in files if pattern.search(f)} == {f for f in files if HASHED.search(f)} != set()
    assert 'Header set Cache-Control "max-age=300"' in apache
    assert 'Header set Cache-Control "public, max-age=31536000, immutable"' in apache


def test_iis_web_config_compresses_and_caches(site):
    config = ET.fromstring(code_block("IIS"))
    assert config.find("system.webServer/urlCompression").get("doStaticCompression") == "true"
    assert config.find("system.webServer/staticContent/clientCache").get("cacheControlMaxAge") == "00:05:00"
    long_lived = {loc.get("path"): loc.find("system.webServer/staticContent/clientCache").get("cacheControlMaxAge") for loc in config.iter("location")}
    assert long_lived == {"assets/javascripts": "365.00:00:00", "assets/stylesheets": "365.00:00:00"}
    for folder in long_lived:  # only files that change their name when they change, or files the served site never loads
        for path in (site / folder).rglob("*"):
            assert path.is_dir() or HASHED.search(path.name) or path.name.endswith(".map") or "/lunr/" in path.as_posix(), path
    assert "staticTypes.[mimeType='application/json',enabled='True']" in guide_sections()["IIS"]  # JSON is set per server
