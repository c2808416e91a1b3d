# Two entry points for a fresh machine: `make serve` and `make test`. Everything else is set up on the way.
PY := .venv/bin/python
CHROMIUM := /usr/bin/chromium
LINKCHECKER := /usr/bin/linkchecker
JAVA := /usr/bin/java

.PHONY: serve build test validate golden clean

.venv/.installed: requirements.txt
	python3 -m venv .venv
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

$(LINKCHECKER):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq linkchecker >/dev/null

$(JAVA):  # runs the W3C Nu HTML checker (vnu-jar) in tests/test_html_valid.py
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null

serve: .venv/.installed
	$(PY) -m generator serve

build: .venv/.installed
	$(PY) -m generator build

validate: .venv/.installed
	$(PY) -m generator validate

test: .venv/.installed node_modules/.installed $(CHROMIUM) $(LINKCHECKER) $(JAVA)
	$(PY) -m pytest

golden: .venv/.installed
	UPDATE_GOLDEN=1 $(PY) -m pytest tests/test_render.py tests/test_errors.py

clean:
	rm -rf build site site-offline dist
