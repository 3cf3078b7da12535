# `make` sets up what is missing and builds out/ from source/; `make test` runs the tests.
# Recipes are skipped when their inputs have not changed, so a second `make` does nothing.
SHELL := /bin/bash
.DEFAULT_GOAL := all

NODE_BIN := node_modules/.bin
CLI := dist/cli/council-docs
STAMPS ?= .cache
SOURCE_DIR ?= source
OUT_DIR ?= out

SOURCES := $(wildcard $(SOURCE_DIR)/*.md $(SOURCE_DIR)/*.yaml)
# The standards catalogue (standards.yaml) next to the sources.
CATALOGUES := $(wildcard $(SOURCE_DIR)/*.yaml)
TEMPLATE_FILES := $(shell find templates -type f 2>/dev/null)
# What was issued (issued/ beside the source folder): a revision's marked outputs are built against it.
ISSUED_FILES := $(shell find $(dir $(SOURCE_DIR:%/=%))issued -type f 2>/dev/null)
TS_FILES := $(shell find src -name '*.ts' 2>/dev/null)

# Debian packages: what building needs (the PDF is printed by the headless shell, see
# src/writers/pdf/print-settings.ts), what the tests' independent readers need, and what the bench
# times us against (Debian's full Chromium prints pandoc's HTML).
RUNTIME_PACKAGES := chromium-headless-shell fontconfig fonts-crosextra-carlito fonts-hosny-amiri fonts-wqy-microhei fonts-noto-cjk
BENCH_PACKAGES := chromium hyperfine pandoc poppler-utils
TEST_PACKAGES := poppler-utils qpdf pandoc libreoffice-writer-nogui python3-uno python3-docx python3-icalendar default-jre-headless

SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

# Installs the packages of $(1) that dpkg does not list as installed.
define ensure_packages
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
endef

.PHONY: all build check test clean schema packages test-packages watch bench fuzz issue issued

all: build

packages: $(STAMPS)/packages
$(STAMPS)/packages: Makefile
	$(call ensure_packages,$(RUNTIME_PACKAGES))
	@mkdir -p $(STAMPS) && touch $@

test-packages: $(STAMPS)/test-packages
$(STAMPS)/test-packages: Makefile
	$(call ensure_packages,$(TEST_PACKAGES))
	@mkdir -p $(STAMPS) && touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The command is bundled by esbuild into one file, council-docs.cjs: one file
# to load instead of hundreds starts it about twice as fast. Each writer's code
# is run only when its format is asked for. The PDF printer's thread has a
# bundle of its own, print-worker.cjs, with Puppeteer inside. Each bundle is run
# with the code V8 compiled for it on a warm-up build of $(SOURCE_DIR) (see
# src/startup/cached-bundle.ts); a warm-up that fails only leaves that cache thinner.
# `tsc` only type-checks (see `make test`). The new bundle replaces the old one
# whole, so nothing stale is left behind.
ESBUILD := $(NODE_BIN)/esbuild --bundle --platform=node --target=node20 --log-level=warning
# fflate's Node build loads node:worker_threads as it is loaded, for functions this program never
# calls; a process started from the startup snapshot cannot start a worker once that module was
# loaded while the snapshot was made (see src/writers/pdf/worker-thread.ts). Its browser build is
# the same code without them.
# A CommonJS bundle has no import.meta.url: it is made from the bundle's own path.
CJS_URL := --define:import.meta.url=importMetaUrl "--banner:js=const importMetaUrl = require('node:url').pathToFileURL(__filename).href;"
PROGRAM_ALIASES := --alias:source-map=./src/startup/without-source-map.ts --alias:fflate=./node_modules/fflate/esm/browser.js
dist/.built: node_modules/.installed $(TS_FILES) src/cli/council-docs.sh $(STAMPS)/packages
	@rm -rf dist.new
	$(ESBUILD) src/cli/main.ts --format=cjs --outfile=dist.new/cli/council-docs.cjs $(PROGRAM_ALIASES) $(CJS_URL)
	@# fontkit's Unicode data is a file its code reads beside itself (import.meta.url), not an import
	@# esbuild can bundle: it goes beside the bundle.
	@cp node_modules/unicode-properties/data.trie dist.new/cli/data.trie
	$(ESBUILD) src/startup/snapshot.ts --format=cjs --outfile=dist.new/cli/snapshot.cjs $(PROGRAM_ALIASES) $(CJS_URL)
	$(ESBUILD) src/writers/pdf/print-worker.ts --format=cjs --outfile=dist.new/cli/print-worker.cjs $(CJS_URL)
	@# The bundles are read faster written in ASCII (see src/startup/cached-bundle.ts), and the startup
	@# snapshot, which keeps its bundle's text, keeps it in one byte a character, not two. esbuild escapes
	@# the text of strings, not comments, regular expressions or String.raw (in these bundles only
	@# regular expressions, where \uXXXX means the same character): those characters are escaped here.
	@node -e "const fs = require('node:fs'); for (const f of process.argv.slice(1)) fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/[^\\0-\\x7f]/g, (c) => '\\\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')))" dist.new/cli/council-docs.cjs dist.new/cli/snapshot.cjs dist.new/cli/print-worker.cjs
	$(ESBUILD) src/cli/start.ts --format=esm --outfile=dist.new/cli/main.js
	$(ESBUILD) src/writers/pdf/start-print-worker.ts --format=esm --outfile=dist.new/cli/print-worker.js
	$(ESBUILD) src/schema/write-json-schema.ts --format=esm --outfile=dist.new/schema/write-json-schema.js \
	  "--banner:js=import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);"
	@warm=$$(mktemp -d) && { COUNCIL_DOCS_WRITE_CODE_CACHE=1 node dist.new/cli/main.js build $(SOURCE_DIR) --out $$warm \
	  --quiet >/dev/null 2>&1 || true; } && rm -rf $$warm
	@install -m 755 src/cli/council-docs.sh dist.new/cli/council-docs
	@chmod +x dist.new/cli/main.js && rm -rf dist.old && { [ ! -d dist ] || mv dist dist.old; } && mv dist.new dist && rm -rf dist.old
	@# The startup snapshot is made where the program stays (its paths are in it), for this Node.
	@snapshot=dist/cli/council-docs-$$(node --version).blob; node --snapshot-blob $$snapshot --build-snapshot $(CURDIR)/dist/cli/snapshot.cjs \
	  $(SOURCE_DIR) >/dev/null 2>&1 || { rm -f $$snapshot; echo "no startup snapshot made: council-docs starts without one, slower" >&2; }
	@touch $@

# The index of out/ (index.html, its PDF, a calendar per meeting and language) is made from what
# the build left there, as a build split across machines (--shard) is indexed once gathered.
$(STAMPS)/out: dist/.built $(SOURCES) $(CATALOGUES) $(TEMPLATE_FILES) $(ISSUED_FILES) $(STAMPS)/packages
	$(CLI) build $(SOURCE_DIR) --out $(OUT_DIR)
	$(CLI) index $(OUT_DIR)
	@touch $@

build: $(STAMPS)/out

watch: dist/.built $(STAMPS)/packages
	$(CLI) watch $(SOURCE_DIR) --out $(OUT_DIR)

check: dist/.built
	$(CLI) check $(SOURCE_DIR)

# Records a source as issued: make issue SOURCE=source/C17-23.md (see README, "Issuing and revisions").
issue: dist/.built
	@if [ -z "$(SOURCE)" ]; then echo 'name the source to issue: make issue SOURCE=$(SOURCE_DIR)/C17-23.md' >&2; exit 2; fi
	$(CLI) issue $(SOURCE)

issued: dist/.built
	$(CLI) issued $(SOURCE_DIR)

schema: dist/.built
	node dist/schema/write-json-schema.js source/front-matter.schema.json

test: dist/.built $(STAMPS)/packages $(STAMPS)/test-packages
	$(NODE_BIN)/tsc --noEmit -p .
	$(NODE_BIN)/vitest run

# 10,000 random edits of the seed source through the pipeline (test/fuzz.test.ts; `make test` runs
# 300), every output read back; a sample printed to PDF by the command and checked by qpdf.
# FUZZ_RUNS sets the number, FUZZ_SEED replays the seed a failure printed.
fuzz: dist/.built $(STAMPS)/packages $(STAMPS)/test-packages
	FUZZ_RUNS=$${FUZZ_RUNS:-10000} $(NODE_BIN)/vitest run test/fuzz.test.ts

# Figures against pandoc, measured in the same run (see bench/run.ts). The watch rebuild is timed
# in the bench's own process, so it runs Node as the command's script does (--v8-pool-size=0).
bench: dist/.built $(STAMPS)/packages
	$(call ensure_packages,$(BENCH_PACKAGES))
	$(NODE_BIN)/esbuild bench/run.ts --bundle --format=esm --platform=node --packages=external --outfile=$(STAMPS)/bench.mjs --log-level=warning
	node --v8-pool-size=0 $(STAMPS)/bench.mjs

clean:
	rm -rf $(OUT_DIR) dist $(STAMPS)
