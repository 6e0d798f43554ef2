# Netzwerk kommunaler Antidiskriminierungsstellen – `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1
# Root URL of the site's absolute links (feeds, calendars, sitemaps); manage.py configure_site.
export BASE_URL ?= http://$(HOST):$(PORT)
WEB_CONCURRENCY ?= 2

.DEFAULT_GOAL := help
.PHONY: help install install-dev lock system-deps messages compile-messages run serve test test-fast lint format bench

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-17s %s\n", $$1, $$2}'

# Installs come from the locks only (every package pinned with its hashes, so
# every machine gets the same files); `make lock` writes them from requirements*.txt.
# A pin in requirements*.txt missing from its lock means someone forgot `make lock`.
define check_lock
@awk -F'==' '/^[A-Za-z0-9]/ { name = tolower($$1); sub(/\[.*\]/, "", name); gsub(/[-_.]+/, "-", name); print name "==" $$2 }' $(1) \
	| while read -r pin; do grep -q "^$$pin " $(2) || { echo "$(2) lacks $$pin from $(1): run make lock" >&2; exit 1; }; done
endef

$(VENV)/.installed: requirements.lock requirements.txt
	$(call check_lock,requirements.txt,requirements.lock)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	@touch $@

VNU_VERSION := 26.9.27
VNU_JAR := $(VENV)/node/node_modules/vnu-jar/build/dist/vnu.jar

$(VENV)/.installed-dev: requirements-dev.lock requirements-dev.txt $(VENV)/.installed
	$(call check_lock,requirements-dev.txt,requirements-dev.lock)
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.lock
	@touch $@

# Extra pip-compile options, e.g. LOCK_ARGS="--upgrade-package sqlparse".
LOCK_ARGS ?=
PIP_COMPILE := CUSTOM_COMPILE_COMMAND="make lock" $(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe \
	--strip-extras --no-emit-index-url --no-emit-find-links $(LOCK_ARGS)

# The W3C Nu HTML checker, run locally by the tests (from the npm registry).
$(VNU_JAR):
	npm install --silent --no-save --no-audit --no-fund --prefix $(VENV)/node vnu-jar@$(VNU_VERSION)

install: $(VENV)/.installed ## Create .venv and install the runtime lock (requirements.lock, hashes checked)

install-dev: $(VENV)/.installed-dev ## Install test and lint tools as well (requirements-dev.lock)

lock: ## Pin every dependency with its hashes: requirements*.txt -> requirements*.lock (commit both)
	@test -x $(VENV)/bin/pip-compile || { test -x $(PY) || $(PYTHON) -m venv $(VENV); $(PY) -m pip install --quiet --require-hashes -r requirements-dev.lock; }
	$(PIP_COMPILE) --output-file requirements.lock requirements.txt
	$(PIP_COMPILE) --constraint requirements.lock --output-file requirements-dev.lock requirements-dev.txt

system-deps: ## Install what the tests need from Debian when missing: chromium, gettext, Java, Redis (needs root or sudo)
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v xgettext >/dev/null 2>&1 || missing="$$missing gettext"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	command -v wrk >/dev/null 2>&1 || missing="$$missing wrk"; \
	command -v redis-server >/dev/null 2>&1 || missing="$$missing redis-server"; \
	if [ -n "$$missing" ]; then \
		echo "Installing from Debian:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

compile-messages: install ## Compile site/locale/*.po to .mo (pure Python, no GNU gettext needed)
	@$(PY) manage.py compile_translations

messages: install-dev ## Extract UI strings into site/locale (needs GNU gettext)
	$(PY) manage.py makemessages --locale de --no-obsolete --add-location file --ignore '.venv/*' --ignore 'tests/*' --ignore 'static/*' --ignore 'media/*'

var/secret_key:
	@mkdir -p var
	@$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	@chmod 600 $@

run: install var/secret_key compile-messages ## Set up (migrate, demo content, admin) and serve like production
	@set -e; export DJANGO_SETTINGS_MODULE=config.settings.production DEMO="$${DEMO:-1}" SECRET_KEY="$${SECRET_KEY:-$$(cat var/secret_key)}" HTTPS="$${HTTPS:-0}"; \
	export BASE_URL="$${BASE_URL:-http://$(HOST):$(PORT)}"; \
	if [ -z "$${EMAIL_BACKEND:-}$${EMAIL_HOST:-}$${EMAIL_URL:-}" ]; then export EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend; fi; \
	$(PY) manage.py migrate --noinput -v 0; \
	$(PY) manage.py collectstatic --noinput -v 0; \
	if [ "$$DEMO" = 1 ]; then $(PY) manage.py load_demo; fi; \
	$(PY) manage.py configure_site; \
	$(PY) manage.py setup_roles; \
	$(PY) manage.py ensure_admin; \
	$(PY) manage.py purge_page_cache; \
	$(PY) manage.py run_scheduler --exit-with-parent & \
	$(PY) manage.py run_worker --exit-with-parent & \
	echo ""; \
	echo "  Site:  $$BASE_URL/"; \
	echo "  Admin: $$BASE_URL/admin/   (user: admin)"; \
	if [ "$$EMAIL_BACKEND" = django.core.mail.backends.filebased.EmailBackend ]; then echo "  Mail:  $${EMAIL_FILE_PATH:-var/mail}/ (one file per mail)"; fi; \
	echo ""; \
	exec $(VENV)/bin/gunicorn config.wsgi --bind $(HOST):$(PORT) --workers $(WEB_CONCURRENCY) --access-logfile - --forwarded-allow-ips=127.0.0.1

BENCH_SCALE ?= 10000
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/postgres

bench: install system-deps compile-messages ## Measure every page type at scale, SQLite and PostgreSQL (see docs/performance.md)
	$(PY) manage.py bench --scale $(BENCH_SCALE)
	$(PY) manage.py bench --scale $(BENCH_SCALE) --database $(BENCH_DATABASE_URL)

# Test processes in parallel (pytest-xdist); the browser tests share one worker.
TEST_WORKERS ?= 2
PYTEST := $(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup --durations=25

test: install-dev system-deps $(VNU_JAR) compile-messages ## Run the whole test suite (DATABASE_URL selects PostgreSQL; TEST_WORKERS=2)
	$(PYTEST) $(ARGS)

test-fast: install-dev compile-messages ## The suite without the browser and slow tests; keeps its test database for the next run
	TEST_KEEP_DATABASE=1 $(PYTEST) --reuse-db -m "not browser and not slow" $(ARGS)

lint: install-dev ## ruff, template indentation (djhtml) and migration checks
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check $$(git ls-files '*.html')
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py check

format: install-dev ## Format Python and templates
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml $$(git ls-files '*.html')
