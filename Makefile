# Fieldwork — the two set-up commands of the README are `make run` and `make test`.
# Each installs what a fresh Debian machine with the Swift toolchain lacks.

SWIFT ?= swift
WORKSPACE ?= .

.PHONY: run test build bench clean

## Ingest the sample workspace (this repository) and print its status.
run: build
	.build/debug/fieldwork --workspace $(WORKSPACE) ingest
	.build/debug/fieldwork --workspace $(WORKSPACE) status

build:
	scripts/install-deps.sh runtime
	$(SWIFT) build --product fieldwork

## Every test: unit, store, services and the real CLI binary.
test:
	scripts/install-deps.sh test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## Benchmarks (release build, in .build-release): see bench/README.md.
bench:
	scripts/install-deps.sh bench
	bench/ingest_bench.sh

clean:
	rm -rf .build .build-release bench/out
