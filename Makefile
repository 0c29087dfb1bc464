# Tandem - build, run and test.
#
#   make run              build and open the window (default database)
#   make run ARGS="--db x.db"
#   make test             format check, vet, staticcheck, race tests, GUI smoke test
#   make bench            benchmarks
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
.PHONY: deps build run test fmt-check vet staticcheck unit smoke bench clean

# System packages (C compiler, OpenGL/X11 headers, Xvfb, ...); a no-op when present.
deps:
	@scripts/deps.sh

build: deps
	go build -o $(BIN) .

run: build
	./$(BIN) $(ARGS)

test: deps fmt-check vet staticcheck unit smoke

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

# Starts the real binary on a virtual display (Xvfb) and screenshots it.
smoke:
	scripts/smoke.sh

bench: deps
	go test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin
	go clean -testcache
