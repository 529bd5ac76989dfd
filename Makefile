# Fieldwork — the two set-up commands of the README are `make run` and `make test`.
# Each installs what a fresh Debian machine with the Swift toolchain lacks.

SWIFT ?= swift
WORKSPACE ?= .
## Debug builds keep line tables only (file and line in backtraces, no variable info): a fresh
## debug build is most of CI's time, and full debug info cost its Swift modules about a fifth more
## (GRDB alone: 50 against 60 CPU-s; C targets such as BoringSSL gain nothing). The same flags
## for `build` and `test`, or each would rebuild what the other built.
DEBUG_FLAGS = -Xswiftc -gline-tables-only

.PHONY: run test build bench stress stress-short clean

## Serve the sample workspace (this repository) on localhost; prints the URL with its token.
run: build
	.build/debug/fieldwork --workspace $(WORKSPACE) serve

build:
	scripts/install-deps.sh runtime
	$(SWIFT) build $(DEBUG_FLAGS) --product fieldwork

## Every test: unit, store (SQLite, and PostgreSQL in a throwaway cluster: scripts/postgres-cluster.sh), services, web API (in-process and on a real socket), the real CLI
## binary, agreement statistics against scikit-learn, statsmodels and krippendorff (Tests/Stats),
## and the workbench in headless Chromium (screenshots in exports/screenshots/).
## The service, web, exchange and CLI suites run twice in the same cluster: on SQLite, then on
## PostgreSQL (FIELDWORK_TEST_STORE=postgresql: a fresh database per fixture); both passes run
## even if the first fails.
## At most 16 tests at a time: Swift Testing starts every test at once by default, and the
## peaks of open files (each SQLite pool holds several) and PostgreSQL connections then exceed
## what the process and the cluster allow (Foundation's Process.run crashed above 1,024 files).
STORE_SUITES = FieldworkServicesTests|FieldworkWebTests|FieldworkCLITests|FieldworkExchangeTests
## Suites that prove something about other processes getting a turn (a coding write between a
## telemetry import's transactions) run alone after the SQLite pass: beside 15 other tests on two
## cores, the separate processes they start may not get the CPU to interleave at all.
ALONE_SUITES = TelemetryImportConcurrencyTests
export SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH = 16
test:
	scripts/install-deps.sh test
	$(SWIFT) build $(DEBUG_FLAGS) --build-tests
	scripts/postgres-cluster.sh run sh -c 'status=0; $(SWIFT) test --skip-build --skip "$(ALONE_SUITES)" || status=$$?; \
	  $(SWIFT) test --skip-build --filter "$(ALONE_SUITES)" || status=$$?; \
	  FIELDWORK_TEST_STORE=postgresql $(SWIFT) test --skip-build --filter "$(STORE_SUITES)" || status=$$?; exit $$status'
	.venv-test/bin/pytest -q Tests/Stats
	$(MAKE) stress-short
	scripts/browser-tests.sh

## `make stress` cut short for every test run (about a minute): 5 kills per operation, a 20 s soak
## beside 1,000 idle connections, 20 mutations of each sample file and JSON body. A server that
## stops answering, a lost acknowledged write or a crash on bad input fails the tests.
stress-short:
	STRESS_KILLS=5 STRESS_SOAK_SECONDS=20 python3 bench/stress.py .build/debug/fieldwork
	FUZZ_MUTATIONS=20 python3 bench/fuzz.py .build/debug/fieldwork cli api

## Benchmarks (release build, in .build-release): see bench/README.md.
bench:
	scripts/install-deps.sh bench
	bench/ingest_bench.sh
	bench/web_bench.py .build-release/release/fieldwork
	bench/open_bench.py .build-release/release/fieldwork
	bench/write_bench.py .build-release/release/fieldwork
	bench/scale_bench.py .build-release/release/fieldwork
	bench/taguette_bench.py .build-release/release/fieldwork
	bench/telemetry_bench.sh
	bench/team_load.py .build-release/release/fieldwork

## Reliability proof (bounded; loopback only): kills, soak with idle connections, backups, fuzzing. See bench/README.md.
stress:
	scripts/install-deps.sh bench
	$(SWIFT) build -c release --scratch-path .build-release --product fieldwork
	python3 bench/stress.py .build-release/release/fieldwork
	python3 bench/fuzz.py .build-release/release/fieldwork

clean:
	rm -rf .build .build-release .build-fuzz bench/out
