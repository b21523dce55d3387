#!/bin/sh
# tests/lint/cppcheck.sh: static analysis of vm/ runtime/ gil/ (make lint).
#
# Checks: cppcheck's "warning" and "portability" classes, plus every error.
# Style and performance advice are left out on purpose: they are matters
# of taste that style.md settles for us.  Both builds' switches are
# checked (the free-threaded build has its own code in gil/).  Known false
# positives are listed, each with its reason, in cppcheck.supp; a new
# finding fails the target (exit 1).
cd "$(dirname "$0")/../.." || exit 2
command -v cppcheck >/dev/null || { echo "lint: cppcheck missing (apt-get install cppcheck)"; exit 2; }
status=0
for ft in 0 1; do
    echo "== cppcheck, MPY_FREE_THREADED=$ft"
    cppcheck --enable=warning,portability --std=c11 --quiet --inline-suppr \
        --error-exitcode=1 --suppressions-list=tests/lint/cppcheck.supp \
        -I. -DMPY_FREE_THREADED=$ft -DMPY_COMPUTED_GOTO=1 -DMPY_DEBUG=0 -D_GNU_SOURCE \
        --library=posix -j 2 vm runtime gil || status=1
done
[ $status = 0 ] && echo "lint: clean" || echo "lint: findings above"
exit $status
