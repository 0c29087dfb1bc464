# Tandem - build, run and test.
#
#   make run              build and open the window (default database)
#   make run ARGS="--db x.db"
#   make test             format check, vet, staticcheck, race tests, short fuzzing, GUI smoke test
#   make fuzz             every fuzz target for a few seconds (FUZZTIME=3s)
#   make bench            benchmarks
#   make dist-windows     bin/dist/Tandem.exe (cross-compiled with mingw-w64, installed on demand)
#   make dist-linux       bin/dist/tandem-VERSION-linux-amd64.tar.gz
#
# Missing Debian/Ubuntu system packages are installed by scripts/deps.sh.

BIN := bin/tandem

# staticcheck v0.8 needs Go 1.26 to build; Go 1.25 gets v0.7.0, the newest
# release that builds with it. Override with STATICCHECK_VERSION=...
GO_MINOR := $(shell go env GOVERSION 2>/dev/null | sed -nE 's/^go1\.([0-9]+).*/\1/p')
STATICCHECK_VERSION ?= $(if $(filter 25,$(GO_MINOR)),v0.7.0,v0.8.2)
STATICCHECK := bin/staticcheck

# Steps run one after another, in the order written.
.NOTPARALLEL:
.PHONY: deps build run test fmt-check vet staticcheck unit fuzz smoke windows-check dist-windows dist-linux bench clean

# System packages (C compiler, OpenGL/X11 headers, Xvfb, ...); a no-op when present.
deps:
	@scripts/deps.sh

build: deps
	go build -o $(BIN) .

run: build
	./$(BIN) $(ARGS)

test: deps fmt-check vet staticcheck unit fuzz smoke windows-check

# Lists the Go files that gofmt would change (tracked and new files, or all
# files when this is not a git checkout) and fails if there are any.
fmt-check:
	@echo "gofmt -l"
	@if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
		files=$$(git ls-files -z --cached --others --exclude-standard '*.go' | xargs -0 -r gofmt -l); \
	else \
		files=$$(find . -name '*.go' -not -path './.git/*' -print0 | xargs -0 -r gofmt -l); \
	fi; \
	if [ -n "$$files" ]; then \
		echo "These files are not gofmt-formatted (run gofmt -w on them):"; \
		echo "$$files"; \
		exit 1; \
	fi

vet:
	go vet ./...

# Installs staticcheck into bin/ when it is missing or another version.
staticcheck:
	@if ! $(STATICCHECK) -version 2>/dev/null | grep -qF "($(STATICCHECK_VERSION:v%=%))"; then \
		echo "installing staticcheck $(STATICCHECK_VERSION) into bin/"; \
		GOBIN=$(CURDIR)/bin go install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION); \
	fi
	$(STATICCHECK) ./...

# Unit and GUI tests; Fyne's test driver needs no display.
unit:
	go test -race -count=1 ./...

# Runs every fuzz target (func FuzzX in a _test.go file) for FUZZTIME each;
# go test -fuzz takes one target of one package at a time. A failing input
# is saved under the package's testdata/fuzz and replayed by every go test.
FUZZTIME ?= 3s
fuzz:
	@set -e; for f in $$(grep -rl --include='*_test.go' '^func Fuzz' . | sort); do \
		for name in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$f); do \
			echo "go test -run '^$$' -fuzz '^$$name\$$' -fuzztime $(FUZZTIME) $$(dirname $$f)"; \
			go test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) $$(dirname $$f); \
		done; \
	done

# Starts the real binary on a virtual display (Xvfb) and screenshots it.
smoke:
	scripts/smoke.sh

# Cross-compiles bin/Tandem.exe as the release does and checks its icon,
# version information and GUI subsystem; skipped with a message only where
# the mingw-w64 cross compiler cannot be installed. Slow the first time
# (GLFW and OpenGL are compiled with mingw); the Go build cache keeps it.
windows-check:
	scripts/dist.sh windows --check

# Release builds (-trimpath, -tags migrated_fynedo, version from the git tag);
# see README "Release builds".
dist-windows: deps
	scripts/dist.sh windows

dist-linux: deps
	scripts/dist.sh linux

bench: deps
	go test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin
	go clean -testcache
