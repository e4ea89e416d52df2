# klaytn-swift: `make dev` starts a local chain, `make test` runs every test.
# Both install what they need first (Debian packages through apt, via sudo when not root).

APT_PACKAGES := libsecp256k1-dev librocksdb-dev nettle-dev pkg-config gcc python3-venv
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT ?= swift
KLAY_RELEASE := .build/release/klay
PYTHON ?= python3
VENV := .venv

.PHONY: all deps toolchain build release dev test conformance bench bench-evm bench-chain bench-rpc clean

all: build

## Install missing Debian packages (once; later runs only check).
deps: toolchain
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

toolchain:
	@command -v $(SWIFT) >/dev/null 2>&1 || { \
		echo "error: no Swift toolchain on PATH. Install Swift 6.1 or newer (swift.org) and put its bin/ on PATH."; exit 1; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product klay

## A local development chain: one validator, 10 funded accounts (keys printed), JSON-RPC on
## http://127.0.0.1:8551 and ws://127.0.0.1:8552. Extra flags: make dev ARGS="--instant --chain-id 1001".
dev: release
	$(KLAY_RELEASE) dev $(ARGS)

## Every test, debug build: the Swift suites, then tests/python (the SDK oracle for `klay tx decode`).
test: deps $(VENV)/.installed
	$(SWIFT) build --product klay
	$(SWIFT) test
	$(VENV)/bin/python -m pytest -q tests/python

## EVM conformance in a release build, including the slow folders the debug suite leaves out:
## every state test under Ethereum's and Klaytn's rules must pass at 99.5% per fork or better.
conformance: release
	$(KLAY_RELEASE) evm statetest --rules ethereum --min-pass-rate 99.5 ../shared/vectors/ethereum/GeneralStateTests
	$(KLAY_RELEASE) evm statetest --rules klaytn --min-pass-rate 99.5 ../shared/vectors/klaytn/GeneralStateTests

## The Python test environment: .venv made when missing, tests/python/requirements.txt installed into it.
$(VENV)/.installed: tests/python/requirements.txt
	@[ -x $(VENV)/bin/python ] || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install -q --disable-pip-version-check -r tests/python/requirements.txt
	@touch $@

## Benchmarks against the C references in Benchmarks/c, measured in the same run.
bench: release
	Benchmarks/compare-primitives.sh $(KLAY_RELEASE)

## EVM benchmarks (shared/vectors/evm-benchmarks) against revm through pyrevm, measured in the same run
## (pyrevm from Benchmarks/requirements.txt, installed into .venv when missing).
bench-evm: release
	Benchmarks/compare-evm.sh $(KLAY_RELEASE)

## Blocks of 10 000 value transfers produced and imported into fresh RocksDB databases (release build).
bench-chain: release
	$(KLAY_RELEASE) bench chain

## The end-to-end load test against a release build: 5 000 transactions from 100 accounts over HTTP;
## prints the sustained rate and the p99 submit-to-receipt time.
bench-rpc: release $(VENV)/.installed
	KLAY_BINARY=$(KLAY_RELEASE) $(VENV)/bin/python -m pytest -q -s tests/python/test_e2e_load.py

clean:
	rm -rf .build
