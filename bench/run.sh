#!/bin/sh
# bench/run.sh [--runs N] [--only NAME,...]: run the benchmarks of bench/ on
# build/minipy, build/minipyt and python3 and write bench/RESULTS.md.
# `make bench` builds both interpreters first and then runs this.
# The work is done by bench/harness.py (see its header for the method);
# BUILD=dir selects another build directory (default: build).
cd "$(dirname "$0")/.." || exit 1
command -v python3 >/dev/null || { echo "bench: python3 is needed as the reference"; exit 1; }
exec python3 bench/harness.py "$@"
