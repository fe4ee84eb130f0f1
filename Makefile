# Sift: the two commands are `make demo` and `make test`. Both install what is missing first (`make deps`).
SHELL := /bin/bash
SWIFT ?= swift
OUT ?= out
SECONDS ?= 20
APT_PACKAGES := libxml2-dev pkg-config sqlite3 libsqlite3-dev tmux librsvg2-bin

.PHONY: deps demo server test bench bench-dedup fuzz lint format clean

# Installs the Debian packages Sift needs, only those that are missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y --no-install-recommends $$missing; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "make deps: no Swift toolchain on PATH (Swift 6.1 or newer is needed)"; exit 1; }

# Builds a release `sift` and runs the whole pipeline on the bundled reference review into $(OUT)/.
demo: deps
	$(SWIFT) build -c release --product sift
	bash corpus/run-demo.sh "$$($(SWIFT) build -c release --show-bin-path)/sift" corpus/text-alliance $(OUT)/text-alliance

# Builds the team screening server (`sift serve` runs it; see docs/server.md) beside a release `sift`.
server: deps
	$(SWIFT) build -c release --product sift
	$(SWIFT) build -c release --product sift-server
	@echo "sift-server is in $$($(SWIFT) build -c release --show-bin-path)/, beside sift"

# Every test; the team-store and server tests run against SQLite and a throwaway PostgreSQL started for them.
test: deps
	$(SWIFT) build --build-tests
	bash Tests/Scripts/with-postgres.sh $(SWIFT) test --skip-build
	bash Tests/Scripts/screen-tmux.sh "$$($(SWIFT) build --show-bin-path)/sift"

bench: deps
	bash Tests/Benchmarks/run.sh
	bash Tests/Benchmarks/server-load.sh

bench-dedup: deps
	bash Tests/Benchmarks/dedup-accuracy.sh

# Builds the libFuzzer targets (one per reader and for detection) and runs each for $(SECONDS) seconds.
fuzz: deps
	bash Tests/Fuzz/build.sh && bash Tests/Fuzz/run.sh $(SECONDS)

lint:
	$(SWIFT) format lint --strict -r Sources Tests Package.swift

format:
	$(SWIFT) format -i -r Sources Tests Package.swift

clean:
	rm -rf .build $(OUT)
