# Two entry points for a fresh machine: `make serve` and `make test`. Everything else is set up on the way.
PY := .venv/bin/python
CHROMIUM := /usr/bin/chromium
LINKCHECKER := /usr/bin/linkchecker
NGINX := /usr/sbin/nginx
JAVA := /usr/bin/java

.PHONY: serve build test validate golden lock clean

# requirements.txt is a lock file: every package pinned with its hashes, so pip installs exactly those files.
.venv/.installed: requirements.txt
	python3 -m venv .venv
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	touch $@

# Regenerate the lock from the declared dependencies in requirements.in (needs PyPI); commit both files.
UV := $(shell grep -E '^uv==' requirements.in)
lock:
	test -x $(PY) || python3 -m venv .venv
	$(PY) -m pip install --quiet --disable-pip-version-check "$(UV)"
	$(PY) -m uv pip compile --quiet --universal --generate-hashes --python-version 3.11.5 \
		--custom-compile-command "make lock" requirements.in -o requirements.txt

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

$(LINKCHECKER):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq linkchecker >/dev/null

# tests/test_nginx.py runs the publishing guide's nginx configuration; it starts and stops its own nginx.
$(NGINX):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null

# tests/test_html_valid.py runs the W3C Nu HTML checker (npm's vnu-jar) on Java.
$(JAVA):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null

serve: .venv/.installed
	$(PY) -m generator serve

build: .venv/.installed
	$(PY) -m generator build

validate: .venv/.installed
	$(PY) -m generator validate

test: .venv/.installed node_modules/.installed $(CHROMIUM) $(LINKCHECKER) $(NGINX) $(JAVA)
	$(PY) -m pytest

golden: .venv/.installed
	UPDATE_GOLDEN=1 $(PY) -m pytest tests/test_render.py tests/test_errors.py

clean:
	rm -rf build site site-offline dist
