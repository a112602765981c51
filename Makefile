# The two commands a newcomer needs: `make run` and `make test`.
SHELL := bash
CARGO ?= cargo
BIN := target/debug/cocreate
WEB := frontend
WEB_DEPS := $(WEB)/node_modules/.package-lock.json

.PHONY: run test bench web fmt lint test-rust test-web e2e clean

## make run: build the web app and the server, migrate, load the demo, serve on :8080 (SQLite).
run: web
	$(CARGO) build --bin cocreate
	$(BIN) migrate
	$(BIN) seed-demo
	$(BIN) serve

## make test: every check CI runs.
test: lint test-rust test-web e2e

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets -- -D warnings

test-rust:
	bash scripts/test-rust.sh

test-web: $(WEB_DEPS)
	cd $(WEB) && npm run typecheck && npm run lint && npm test

# The end-to-end test drives the real server in Chromium: the binary the Rust tests built
# (`build --tests` is a no-op after them, and builds it with the same features otherwise).
e2e: web
	$(CARGO) build --tests
	cd $(WEB) && COCREATE_BIN=$(abspath $(BIN)) npm run e2e

web: $(WEB_DEPS)
	cd $(WEB) && npm run build

$(WEB_DEPS): $(WEB)/package-lock.json
	cd $(WEB) && npm ci --no-audit --no-fund

## make bench: throughput figures beside a baseline measured in the same run.
bench:
	$(CARGO) bench --bench http --bench community

fmt:
	$(CARGO) fmt --all
	cd $(WEB) && npm run format

clean:
	$(CARGO) clean
	rm -rf $(WEB)/dist $(WEB)/node_modules
