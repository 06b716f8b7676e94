# allora-gateway: the two commands of the quick start are `make devnet` and `make test`.
# Everything they need is installed from the lock files on first use.

GO       ?= go
BIN      := bin/allora-gateway
CONTRACTS := contracts
NPM_STAMP := $(CONTRACTS)/node_modules/.installed
JS       := bindings/js
JS_STAMP := $(JS)/node_modules/.installed
REDIS_HOST ?= 127.0.0.1
REDIS_PORT ?= 6379
FUZZTIME ?= 5s

.PHONY: devnet test build contracts bindings go-test forge-test vet fuzz redis deps clean help bench-gas bench-api bench-stream e2e bench-e2e helm-check lint browser-test prometheus-rules js-test

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

devnet: build ## run the whole gateway in one process: Allora emulator, three chains, relayer, API
	exec ./$(BIN) devnet

# Every Go fuzz target's seed corpus and saved inputs run in go-test; fuzzing itself (make
# fuzz) compiles every dependency once more with coverage instrumentation, which on a new
# two-core machine costs more than the rest of the suite, so it is a target of its own.
test: deps redis lint go-test forge-test js-test helm-check prometheus-rules e2e browser-test ## install what is needed, then lint (go vet, staticcheck, solhint), go test -race (with every fuzz target's corpus), forge test, the npm package's tests, the Helm chart check, the alerting rules' promtool tests, the end-to-end suite and the dashboard's browser test

# What `allora-gateway version` and allora_gateway_build_info say: the release tag (v*) of
# the checkout, else dev-<commit>; and the commit, with -dirty for uncommitted changes.
CLI_PKG  := github.com/allora-gateway/allora-gateway/cmd/allora-gateway/cli
VERSION  ?= $(shell git describe --tags --match 'v[0-9]*' --dirty 2>/dev/null || echo dev)
REVISION ?= $(shell git rev-parse HEAD 2>/dev/null)$(shell test -n "$$(git status --porcelain --untracked-files=no 2>/dev/null)" && echo -dirty)

build: ## build the binary into bin/, stamped with $(VERSION) and $(REVISION)
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "-X $(CLI_PKG).Version=$(VERSION) -X $(CLI_PKG).Revision=$(REVISION)" -o $(BIN) ./cmd/allora-gateway

contracts: deps ## compile the contracts and regenerate bindings/ (Go, and the npm package's ABIs, interfaces and API types)
	$(CONTRACTS)/tools/build-bindings.sh
	cd $(JS) && npm run generate

# The npm package @allora-gateway/sdk: its generated files are current, tsc --strict, its
# unit tests, its `npm pack` tarball installed and used from a fresh directory, and its
# examples run from such a directory against a devnet (scripts/examples-test.sh, about a minute).
js-test: deps build ## test the npm package in bindings/js (generated files current, tsc --strict, unit tests, packed tarball used from outside the repository, every example run against a devnet)
	cd $(CONTRACTS) && npx --no-install forge build
	cd $(JS) && npm test
	GATEWAY_BIN=$(CURDIR)/$(BIN) $(JS)/scripts/examples-test.sh

bindings: contracts

bench-gas: ## print the gas of each contract operation on a simulated chain, beside its floor
	$(GO) run ./bindings/internal/gasbench

vet:
	CGO_ENABLED=0 $(GO) vet -trimpath ./...

# Each Fuzz target of the Go packages, one per invocation (go test -fuzz takes one).
fuzz: ## run every Go fuzz target for $(FUZZTIME)
	FUZZTIME=$(FUZZTIME) GO=$(GO) .ci/fuzz.sh

# Every package but the end-to-end suite, which `e2e` runs on its own with its own parallelism.
go-test: deps redis
	$(GO) test -race -timeout 15m $$($(GO) list ./... | grep -v '/internal/e2e$$')

# go vet compiles every dependency for its type information; with make build's settings
# (static, trimmed paths) those are the packages make build, the e2e suite's binary and the
# Dockerfile's test then reuse, rather than one more build of them.
lint: deps vet ## go vet, staticcheck (pinned in go.mod) and solhint (pinned in contracts/package-lock.json)
	$(GO) tool staticcheck ./...
	cd $(CONTRACTS) && npx --no-install solhint --max-warnings 0 'src/**/*.sol'

helm-check: ## render the Helm chart with Helm's Go packages and check every manifest against the Kubernetes API types
	cd deploy/helm/chartcheck && $(GO) test -count=1 ./...

# promtool from PATH, else from Debian's prometheus package: only the promtool binary is
# unpacked into bin/, so no Prometheus server is installed or started.
PROMTOOL ?= $(or $(shell command -v promtool 2>/dev/null),$(CURDIR)/bin/promtool)
PROM_RULES := deploy/prometheus/allora-gateway.rules.yaml

prometheus-rules: $(PROMTOOL) ## promtool check and test the alerting rules; check that they, the Grafana dashboard and the chart's copy read only metrics the binary exports
	$(PROMTOOL) check rules $(PROM_RULES)
	cd deploy/prometheus && $(PROMTOOL) test rules allora-gateway.rules.test.yaml
	PROMTOOL=$(PROMTOOL) $(GO) test -count=1 ./deploy/prometheus/

$(CURDIR)/bin/promtool:
	@echo "installing promtool from Debian's prometheus package"
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; cd "$$tmp"; \
	apt-get download prometheus >/dev/null 2>&1 || { apt-get update -qq && apt-get download prometheus >/dev/null 2>&1; }; \
	dpkg-deb -x prometheus_*.deb root; \
	mkdir -p $(CURDIR)/bin && install -m 0755 root/usr/bin/promtool $@

forge-test: deps
	cd $(CONTRACTS) && npx --no-install forge test

deps: $(NPM_STAMP) $(JS_STAMP) ## install the pinned contract toolchain (solc, forge, anvil, OpenZeppelin) and the npm package's from their lock files

$(NPM_STAMP): $(CONTRACTS)/package.json $(CONTRACTS)/package-lock.json
	cd $(CONTRACTS) && npm ci --no-audit --no-fund
	touch $@

$(JS_STAMP): $(JS)/package.json $(JS)/package-lock.json
	cd $(JS) && npm ci --no-audit --no-fund
	touch $@

redis: ## make sure Redis answers on $(REDIS_HOST):$(REDIS_PORT), installing and starting it if needed
	@if redis-cli -h $(REDIS_HOST) -p $(REDIS_PORT) ping >/dev/null 2>&1; then exit 0; fi; \
	if ! command -v redis-server >/dev/null 2>&1; then \
		echo "installing redis-server"; \
		apt-get update -qq && apt-get install -y -qq redis-server redis-tools >/dev/null; \
	fi; \
	echo "starting redis-server on $(REDIS_HOST):$(REDIS_PORT)"; \
	redis-server --daemonize yes --bind $(REDIS_HOST) --port $(REDIS_PORT) --save "" --appendonly no; \
	for i in $$(seq 1 50); do redis-cli -h $(REDIS_HOST) -p $(REDIS_PORT) ping >/dev/null 2>&1 && exit 0; sleep 0.1; done; \
	echo "redis did not answer on $(REDIS_HOST):$(REDIS_PORT)" >&2; exit 1

bench-api: redis ## requests/s and p50/p99 of four routes over the memory and the Redis store, beside a bare net/http handler in the same run, 64 connections on loopback
	$(GO) run ./api/internal/apibench -conns 64 -duration 3s

bench-stream: ## 1,000 stream clients and a burst of 500 events in one block: none dropped, and the time until the last client has the last event
	$(GO) test -run '^$$' -bench BenchmarkStreamBurst -benchtime 3x ./api/

E2E_PKG := ./cmd/allora-gateway/internal/e2e

e2e: deps redis build ## end-to-end suite: make build's binary against three anvil nodes (56, 324, 146; 1s blocks), its own redis-server processes (Sentinel ones too: redis-server --sentinel) and the Allora emulator
	E2E_BINARY=$(CURDIR)/$(BIN) $(GO) test -race -count=1 -parallel 5 -timeout 10m -v $(E2E_PKG)

bench-e2e: deps ## inference-to-push latency p50/p99 per chain, to inclusion (seconds, blocks) and to finality (binary, anvil, 1s blocks; one topic a block and 20 in one block) and CPU/memory of one relayer cycle at 1,000 topics on three chains
	$(GO) test -run '^$$' -bench BenchmarkInferenceToPush -benchtime 60x -timeout 15m $(E2E_PKG)
	$(GO) test -run '^$$' -bench BenchmarkRelayerCycle1000Topics3Chains -benchmem -benchtime 20x ./relayer/

browser-test: build ## load the dashboard from devnet in headless Chromium; check it shows what the API answers; save screenshots
	GATEWAY_BIN=$(CURDIR)/$(BIN) api/dashboard/browsertest/run.sh

clean: ## remove build outputs
	rm -rf bin $(CONTRACTS)/out $(CONTRACTS)/cache $(JS)/dist
