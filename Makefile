# minipy: one Makefile, no generated code.
#
#   make                      build/minipy   (the GIL build)
#   make FREETHREADED=1       build/minipyt  (the free-threaded build)
#   make test                 every test, on both builds, ending "N passed, M failed"
#   make demo                 the GIL demo (see README)
#   make debug                -O0 -g -DMPY_DEBUG=1 into build/debug-*
#   make clean
#
# Objects of the two builds never mix: build/gil/ and build/ft/.
# Missing Debian packages are installed (as root) or named (otherwise).

FREETHREADED ?= 0
COMPUTED_GOTO ?= 1
DEBUG ?= 0
SAN ?=
CC ?= cc
ifeq ($(CC),cc)
CC := gcc
endif

ifeq ($(FREETHREADED),1)
VARIANT := ft
EXE := minipyt
else
VARIANT := gil
EXE := minipy
endif
ifneq ($(DEBUG),0)
VARIANT := debug-$(VARIANT)
endif
ifneq ($(SAN),)
VARIANT := $(SAN)-$(VARIANT)
endif

BUILD := build
OBJDIR := $(BUILD)/$(VARIANT)
BIN := $(BUILD)/$(EXE)
ifneq ($(DEBUG)$(SAN),0)
BIN := $(OBJDIR)/$(EXE)
endif
LIB := $(OBJDIR)/libminipy.a

WARN := -Wall -Wextra -Wundef -Wmissing-prototypes -Wno-unused-parameter \
        -Wno-missing-field-initializers $(if $(filter 1,$(WERROR)),-Werror,)
CSTD := -std=c11 -D_GNU_SOURCE
DEFS := -DMPY_FREE_THREADED=$(FREETHREADED) -DMPY_COMPUTED_GOTO=$(COMPUTED_GOTO) \
        -DMPY_DEBUG=$(if $(filter 0,$(DEBUG)),0,1)
ifeq ($(DEBUG),0)
OPT ?= -O2 -g
else
OPT ?= -O0 -g3
endif
ifeq ($(SAN),asan)
OPT += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDSAN := -fsanitize=address,undefined
endif
ifeq ($(SAN),tsan)
OPT += -fsanitize=thread
LDSAN := -fsanitize=thread
endif
CFLAGS_ALL := $(CSTD) $(OPT) $(WARN) $(DEFS) -I. -pthread -MMD -MP $(CFLAGS)
LDLIBS_ALL := -lgmp -lreadline -lm -pthread $(LDSAN) $(LDLIBS)

SRCS := $(wildcard vm/*.c runtime/*.c gil/*.c)
MAIN_SRC := runtime/main.c
LIB_SRCS := $(filter-out $(MAIN_SRC),$(SRCS))
LIB_OBJS := $(LIB_SRCS:%.c=$(OBJDIR)/%.o)
MAIN_OBJ := $(MAIN_SRC:%.c=$(OBJDIR)/%.o)

UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(OBJDIR)/tests/%)
CHECK_LIBS := $(shell pkg-config --libs check 2>/dev/null || echo -lcheck)

.PHONY: tools all both test test-unit test-py test-one regen-tests deps clean debug demo bench \
        check-style

all: deps $(BIN)

# ---------------------------------------------------------------- deps
# Debian packages the build needs, keyed by a file each one installs.
DEP_PKGS := libgmp-dev:/usr/include/x86_64-linux-gnu/gmp.h check:/usr/include/check.h \
            libreadline-dev:/usr/include/readline/readline.h pkg-config:/usr/bin/pkg-config
deps:
	@missing=""; for p in $(DEP_PKGS); do pkg=$${p%%:*}; f=$${p#*:}; \
	  if [ ! -e "$$f" ] && ! dpkg -s "$$pkg" >/dev/null 2>&1; then missing="$$missing $$pkg"; fi; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then echo "installing:$$missing"; \
	    (apt-get install -y $$missing || (apt-get update && apt-get install -y $$missing)) >/dev/null \
	      || { echo "apt-get install$$missing failed"; exit 1; }; \
	  else echo "missing packages; run:  sudo apt-get install -y$$missing"; exit 1; fi; fi

# ---------------------------------------------------------------- build
# `make V=1` shows the full commands.
ifeq ($(V),1)
Q :=
else
Q := @
endif

$(OBJDIR)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC  $(VARIANT) $<")
	$(Q)$(CC) $(CFLAGS_ALL) -c $< -o $@

$(LIB): $(LIB_OBJS)
	@rm -f $@
	$(Q)ar rcs $@ $^

$(BIN): $(MAIN_OBJ) $(LIB)
	@$(if $(Q),echo "  LD  $@")
	$(Q)$(CC) $(OPT) -o $@ $(MAIN_OBJ) $(LIB) $(LDLIBS_ALL)

$(OBJDIR)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD  $@")
	$(Q)$(CC) $(CFLAGS_ALL) -o $@ $< $(LIB) $(CHECK_LIBS) $(LDLIBS_ALL)

# Developer tools: tests/tools/NAME.c -> build/<variant>/tools/NAME
TOOL_SRCS := $(wildcard tests/tools/*.c)
TOOL_BINS := $(TOOL_SRCS:tests/tools/%.c=$(OBJDIR)/tools/%)
tools: $(TOOL_BINS)
$(OBJDIR)/tools/%: tests/tools/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CFLAGS_ALL) -o $@ $< $(LIB) $(LDLIBS_ALL)

# The frozen Python modules are embedded with .incbin: rebuild on change.
FROZEN_PY := $(shell find runtime/lib -name '*.py')
$(OBJDIR)/runtime/frozen.o: $(FROZEN_PY)

debug:
	$(MAKE) DEBUG=1

# ---------------------------------------------------------------- tests
# `make test` builds and tests both variants; the per-variant work is
# test-variant, which writes its counts to $(OBJDIR)/test-counts.
test: deps
	@rm -f $(BUILD)/gil/test-counts $(BUILD)/ft/test-counts
	@$(MAKE) --no-print-directory FREETHREADED=0 test-variant || true
	@$(MAKE) --no-print-directory FREETHREADED=1 test-variant || true
	@cat $(BUILD)/gil/test-counts $(BUILD)/ft/test-counts 2>/dev/null | \
	  awk '{p+=$$1; f+=$$2} END {printf "%d passed, %d failed\n", p, f; exit (f>0 || NR<2)}'

test-variant: $(BIN) $(UNIT_BINS)
	@echo "== $(EXE): unit tests"
	@p=0; f=0; for t in $(UNIT_BINS); do \
	  if CK_VERBOSITY=silent $$t >$$t.log 2>&1; then p=$$((p+1)); else f=$$((f+1)); \
	    echo "FAIL $$t"; tail -20 $$t.log; fi; done; \
	echo "$$p $$f" > $(OBJDIR)/unit-counts; echo "unit: $$p passed, $$f failed"
	@echo "== $(EXE): script tests"
	@tests/run_py_tests.sh $(abspath $(BIN)) $(abspath $(OBJDIR))/py-counts
	@echo "== $(EXE): demo shape"
	@tests/demo_test.sh $(abspath $(BIN)) $(abspath $(OBJDIR))/demo-counts || true
	@tests/repl/repl_test.sh $(abspath $(BIN)) $(abspath $(OBJDIR))/repl-counts || true
	@tests/gil_switch_test.sh $(abspath $(BIN)) $(abspath $(OBJDIR))/gil-switch-counts || true
	@cat $(OBJDIR)/unit-counts $(OBJDIR)/py-counts $(OBJDIR)/demo-counts $(OBJDIR)/repl-counts \
	  $(OBJDIR)/gil-switch-counts | \
	  awk '{p+=$$1; f+=$$2} END {print p, f}' > $(OBJDIR)/test-counts

test-unit: $(UNIT_BINS)
	@for t in $(UNIT_BINS); do $$t || exit 1; done

test-py: $(BIN)
	@tests/run_py_tests.sh $(abspath $(BIN)) $(abspath $(OBJDIR))/py-counts

# Regenerate the expected outputs of tests/py from CPython (python3).
regen-tests:
	@tests/regen_expected.sh

# The demo: countdown and sleep, sequential vs threads, on both builds.
demo: deps
	@$(MAKE) --no-print-directory FREETHREADED=0 all
	@$(MAKE) --no-print-directory FREETHREADED=1 all
	@scripts/demo.sh

.PHONY: demo-screenshot
# Render the GIL pictures of `make demo` to PNG in headless Chromium (build/demo/*.png).
demo-screenshot: deps
	@$(MAKE) --no-print-directory FREETHREADED=0 all
	@$(MAKE) --no-print-directory FREETHREADED=1 all
	@scripts/demo_screenshot.sh

# Benchmarks against python3 (never part of `make test`): bench/RESULTS.md
bench:
	$(MAKE) FREETHREADED=0
	$(MAKE) FREETHREADED=1
	bench/run.sh

clean:
	rm -rf $(BUILD)

-include $(LIB_OBJS:.o=.d) $(MAIN_OBJ:.o=.d)

# ---- reliability: sanitizers, static checks, fuzzing, valgrind ----
# README "Reliability" says what each check covers.
#
#   make test-asan       ASan+UBSan(+LSan) builds of both variants, unit + script tests
#   make test-tsan       minipyt under TSan: tests/py/thread_*.py and ft_stress_*.py
#   make lint            cppcheck over vm/ runtime/ gil/ (tests/lint/)
#   make fuzz            the libFuzzer targets of tests/fuzz/ (clang), in build/fuzz/
#   make fuzz-run        each target for FUZZ_SECONDS (60), then every saved regression
#   make test-valgrind   memcheck over a sample of script tests, both builds (slow)
#
# Sanitizer reports are written to $(OBJDIR)/san-logs/ (log_path) and each
# one counts as a failure; see tests/sanitizers/ for the options and the
# documented suppressions.
.PHONY: test-asan test-tsan test-san-variant lint fuzz fuzz-run test-valgrind rel-deps

# The Debian packages of these targets, keyed by a file each installs
# (installed when run as root, named otherwise), as `deps` does.
REL_PKGS := clang:/usr/bin/clang \
  libclang-rt-14-dev:/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a \
  cppcheck:/usr/bin/cppcheck valgrind:/usr/bin/valgrind
rel-deps:
	@$(MAKE) --no-print-directory deps DEP_PKGS="$(REL_PKGS)"

SAN_ENV := ASAN_OPTIONS=$$(tests/sanitizers/options.sh asan $(abspath $(OBJDIR)/san-logs)) \
           LSAN_OPTIONS=$$(tests/sanitizers/options.sh lsan $(abspath $(OBJDIR)/san-logs)) \
           UBSAN_OPTIONS=$$(tests/sanitizers/options.sh ubsan $(abspath $(OBJDIR)/san-logs)) \
           TSAN_OPTIONS=$$(tests/sanitizers/options.sh tsan $(abspath $(OBJDIR)/san-logs))
SAN_UNIT_BINS = $(filter-out $(EMBED_CHECK),$(UNIT_BINS))

test-asan: deps
	@rm -f $(BUILD)/asan-gil/test-counts $(BUILD)/asan-ft/test-counts
	@$(MAKE) --no-print-directory SAN=asan FREETHREADED=0 test-san-variant || true
	@$(MAKE) --no-print-directory SAN=asan FREETHREADED=1 test-san-variant || true
	@cat $(BUILD)/asan-gil/test-counts $(BUILD)/asan-ft/test-counts 2>/dev/null | \
	  awk '{p+=$$1; f+=$$2} END {printf "asan: %d passed, %d failed\n", p, f; exit (f>0 || NR<2)}'

# TSan: the free-threaded build only, and only the tests that run threads.
TSAN_TESTS ?= thread_ ft_stress_
test-tsan: deps
	@rm -f $(BUILD)/tsan-ft/test-counts
	@$(MAKE) --no-print-directory SAN=tsan FREETHREADED=1 test-san-variant \
	  SAN_PY_ONLY="$(TSAN_TESTS)" || true
	@awk '{p+=$$1; f+=$$2} END {printf "tsan: %d passed, %d failed\n", p, f; exit (f>0 || NR<1)}' \
	  $(BUILD)/tsan-ft/test-counts

# One sanitizer variant: unit tests (not under TSan), script tests (all, or
# those whose names start with a word of SAN_PY_ONLY), then the reports.
# Under ASan the tests that measure their resident set (SAN_RSS_TESTS) run
# on their own with the quarantine off (tests/sanitizers/options.sh asan-rss).
SAN_RSS_TESTS := gc_cycles_memory_flat
SAN_RSS_RUN = $(if $(filter asan,$(SAN)),$(if $(SAN_PY_ONLY),,1))
SAN_PY_SKIP = $(if $(SAN_RSS_RUN),$(SAN_RSS_TESTS))
test-san-variant: $(BIN) $(if $(SAN_PY_ONLY),,$(SAN_UNIT_BINS))
	@rm -rf $(OBJDIR)/san-logs; mkdir -p $(OBJDIR)/san-logs
	@echo "== $(EXE) ($(SAN)): unit tests"
	@p=0; f=0; for t in $(if $(SAN_PY_ONLY),,$(SAN_UNIT_BINS)); do \
	  if env $(SAN_ENV) CK_VERBOSITY=silent $$t >$$t.log 2>&1; then p=$$((p+1)); \
	  else f=$$((f+1)); echo "FAIL $$t"; tail -20 $$t.log; fi; done; \
	echo "$$p $$f" > $(OBJDIR)/unit-counts; echo "unit: $$p passed, $$f failed"
	@echo "== $(EXE) ($(SAN)): script tests"
	@env $(SAN_ENV) SAN_PY_SKIP="$(SAN_PY_SKIP)" tests/sanitizers/py_subset.sh \
	  $(abspath $(BIN)) $(abspath $(OBJDIR))/py-counts $(SAN_PY_ONLY)
	@echo "0 0" > $(OBJDIR)/rss-counts
	$(if $(SAN_RSS_RUN),@env $(SAN_ENV) ASAN_OPTIONS=$$(tests/sanitizers/options.sh asan-rss \
	  $(abspath $(OBJDIR)/san-logs)) tests/sanitizers/py_subset.sh $(abspath $(BIN)) \
	  $(abspath $(OBJDIR))/rss-counts $(SAN_RSS_TESTS))
	@# (files holding only "WARNING: failed to allocate" lines are
	@# hostile_memory's MemoryErrors, not reports)
	@reports=$$(grep -l -E 'ERROR: |runtime error|WARNING: ThreadSanitizer' $(OBJDIR)/san-logs/* 2>/dev/null); \
	n=$$(echo $$reports | wc -w); \
	if [ $$n -gt 0 ]; then echo "$$n sanitizer report(s) in $(OBJDIR)/san-logs:"; \
	  for r in $$reports; do echo "--- $$r"; head -40 $$r; done; fi; \
	echo "0 $$n" > $(OBJDIR)/san-counts
	@cat $(OBJDIR)/unit-counts $(OBJDIR)/py-counts $(OBJDIR)/rss-counts $(OBJDIR)/san-counts | \
	  awk '{p+=$$1; f+=$$2} END {print p, f}' > $(OBJDIR)/test-counts

# Static analysis: cppcheck with the configuration in tests/lint/.
lint: rel-deps
	@tests/lint/cppcheck.sh

# libFuzzer targets: tests/fuzz/fuzz_NAME.c -> build/fuzz/fuzz_NAME, linked
# with the GIL-build library compiled by clang with coverage feedback.
FUZZ_DIR := $(BUILD)/fuzz
FUZZ_CC := clang
# pointer-overflow stays recoverable only so that tests/sanitizers/ubsan.supp
# can name the known cases; UBSAN_OPTIONS=halt_on_error=1 still stops on
# every other report.
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined \
  -fsanitize-recover=pointer-overflow -fno-omit-frame-pointer
FUZZ_CFLAGS := $(CSTD) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link \
  -Wall -Wextra -Wundef -Wno-unused-parameter -Wno-missing-field-initializers \
  -DMPY_FREE_THREADED=0 -DMPY_COMPUTED_GOTO=1 -DMPY_DEBUG=0 -I. -pthread -MMD -MP
FUZZ_OBJS := $(LIB_SRCS:%.c=$(FUZZ_DIR)/obj/%.o)
FUZZ_LIB := $(FUZZ_DIR)/libminipy-fuzz.a
FUZZ_TARGETS := $(patsubst tests/fuzz/%.c,$(FUZZ_DIR)/%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SECONDS ?= 60

fuzz: rel-deps
	@$(MAKE) --no-print-directory $(FUZZ_TARGETS)

$(FUZZ_DIR)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC  fuzz $<")
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -c $< -o $@
$(FUZZ_DIR)/obj/runtime/frozen.o: $(FROZEN_PY)
$(FUZZ_LIB): $(FUZZ_OBJS)
	@rm -f $@
	$(Q)ar rcs $@ $^
$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_util.h $(FUZZ_LIB)
	@$(if $(Q),echo "  LD  $@")
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_LIB) -lgmp -lreadline -lm -pthread

fuzz-run: fuzz
	@FUZZ_DIR=$(abspath $(FUZZ_DIR)) tests/fuzz/run.sh $(FUZZ_SECONDS)

-include $(FUZZ_OBJS:.o=.d)

test-valgrind: rel-deps
	@$(MAKE) --no-print-directory FREETHREADED=0 all
	@$(MAKE) --no-print-directory FREETHREADED=1 all
	@tests/valgrind/run.sh $(BUILD)/minipy $(BUILD)/minipyt

# ---- libraries, install, examples (embedding) ----
# The embedding API (include/minipy.h, runtime/embed*.c; docs/embedding.md).
#
#   make                         also builds build/libminipy.a and build/libminipy.so
#                                (FREETHREADED=1: build/libminipyt.a / .so)
#   make install PREFIX=/opt/mp  bin/minipy, lib/libminipy.{a,so}, include/minipy.h,
#                                include/minipy/*.h, lib/pkgconfig/minipy.pc
#   make examples                examples/*.c linked against the shared library
#
# The static library is the executable's own archive ($(LIB), objects built
# as the compiler's default position-independent executable code), so
# build/minipy is exactly what it was.  The shared library needs -fPIC
# objects: they get their own directory, $(OBJDIR)-pic (build/gil-pic/).
# Its exported symbols are the public API only (runtime/embed.map).
#
# `make test` also runs $(EMBED_CHECK) as one of the unit tests: it runs
# the examples, built in-tree and from a copy installed under
# $(EMBED_PREFIX) through pkg-config, and checks the exported symbols.
LIBNAME := lib$(EXE)
STLIB := $(dir $(BIN))$(LIBNAME).a
SHLIB := $(dir $(BIN))$(LIBNAME).so
PICDIR := $(OBJDIR)-pic
PIC_OBJS := $(LIB_SRCS:%.c=$(PICDIR)/%.o)
PUBLIC_HEADERS := include/minipy.h $(wildcard include/minipy/*.h)
MPY_VERSION := $(shell sed -n 's/^\#define MPY_VERSION_STRING "\(.*\)"/\1/p' include/minipy/config.h)
PREFIX ?= /usr/local

.PHONY: libs install examples

all: $(STLIB) $(SHLIB)
libs: $(STLIB) $(SHLIB)

$(PICDIR)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC  $(VARIANT)-pic $<")
	$(Q)$(CC) $(CFLAGS_ALL) -fPIC -fno-semantic-interposition -c $< -o $@

$(PICDIR)/runtime/frozen.o: $(FROZEN_PY)

ifneq ($(STLIB),$(LIB))
$(STLIB): $(LIB)
	$(Q)cp $(LIB) $@
endif

# (No -z defs: a half-written core function must not break `make` for
# everyone; a missing symbol still fails the examples in `make test`.)
$(SHLIB): $(PIC_OBJS) runtime/embed.map
	@$(if $(Q),echo "  LD  $@")
	$(Q)$(CC) $(OPT) -shared -o $@ $(PIC_OBJS) -Wl,-soname,$(notdir $@) \
	  -Wl,--version-script=runtime/embed.map $(LDLIBS_ALL)

# pkg-config file: Cflags carry the build's MPY_FREE_THREADED for config.h.
define PC_FILE
prefix=$(PREFIX)
libdir=$${prefix}/lib
includedir=$${prefix}/include

Name: $(EXE)
Description: minipy, a CPython-compatible Python 3 interpreter, for embedding$(if $(filter 1,$(FREETHREADED)), (free-threaded build),)
Version: $(MPY_VERSION)
Cflags: -I$${includedir} -DMPY_FREE_THREADED=$(FREETHREADED) -pthread
Libs: -L$${libdir} -l$(EXE)
Libs.private: -lgmp -lreadline -lm -pthread
endef
export PC_FILE

install: $(BIN) $(STLIB) $(SHLIB)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	  $(DESTDIR)$(PREFIX)/include/minipy
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/$(EXE)
	install -m 644 $(STLIB) $(DESTDIR)$(PREFIX)/lib/$(LIBNAME).a
	install -m 755 $(SHLIB) $(DESTDIR)$(PREFIX)/lib/$(LIBNAME).so
	install -m 644 include/minipy.h $(DESTDIR)$(PREFIX)/include/minipy.h
	install -m 644 $(wildcard include/minipy/*.h) $(DESTDIR)$(PREFIX)/include/minipy/
	printf '%s\n' "$$PC_FILE" > $(DESTDIR)$(PREFIX)/lib/pkgconfig/$(EXE).pc

# Examples, in-tree: only -Iinclude (the internal headers are not
# reachable), linked against the shared library found next to the binary.
EXAMPLES := $(wildcard examples/*.c)
EXAMPLE_BINS := $(EXAMPLES:examples/%.c=$(OBJDIR)/examples/%)
EXAMPLE_CFLAGS := -std=c99 -pedantic -Wall -Wextra -Wno-unused-parameter -Werror -O2 -pthread
examples: $(EXAMPLE_BINS)
$(OBJDIR)/examples/%: examples/%.c $(SHLIB) $(PUBLIC_HEADERS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD  $@")
	$(Q)$(CC) $(EXAMPLE_CFLAGS) -Iinclude -DMPY_FREE_THREADED=$(FREETHREADED) -o $@ $< \
	  -L$(dir $(SHLIB)) -l$(EXE) -Wl,-rpath,$(abspath $(dir $(SHLIB)))

# Examples built from an installed copy, the way a host project builds.
EMBED_PREFIX := $(abspath $(OBJDIR)/install-test)
INSTALLED_EXAMPLE_BINS := $(EXAMPLES:examples/%.c=$(OBJDIR)/examples-installed/%)
$(EMBED_PREFIX)/.installed: $(BIN) $(STLIB) $(SHLIB) $(PUBLIC_HEADERS)
	@rm -rf $(EMBED_PREFIX)
	@$(MAKE) --no-print-directory install PREFIX=$(EMBED_PREFIX) >/dev/null
	@touch $@
$(OBJDIR)/examples-installed/%: examples/%.c $(EMBED_PREFIX)/.installed
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD  $@ (pkg-config)")
	$(Q)export PKG_CONFIG_PATH=$(EMBED_PREFIX)/lib/pkgconfig; \
	  $(CC) $(EXAMPLE_CFLAGS) -o $@ $< $$(pkg-config --cflags --libs $(EXE)) \
	  -Wl,-rpath,$(EMBED_PREFIX)/lib

EMBED_CHECK := $(OBJDIR)/tests/embed_examples
$(EMBED_CHECK): tests/embed/check_examples.sh $(EXAMPLE_BINS) $(INSTALLED_EXAMPLE_BINS)
	@mkdir -p $(dir $@)
	@printf '#!/bin/sh\nexec sh %s %s %s %s\n' $(abspath tests/embed/check_examples.sh) \
	  $(abspath $(OBJDIR)) $(abspath $(SHLIB)) $(EXE) > $@
	@chmod +x $@
UNIT_BINS += $(EMBED_CHECK)
test-variant test-unit: $(EMBED_CHECK)

-include $(PIC_OBJS:.o=.d)
