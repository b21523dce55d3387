#!/bin/sh
# tests/sanitizers/options.sh TOOL LOGDIR
#
# Prints the *SAN_OPTIONS value the Makefile's test-asan / test-tsan use
# for TOOL (asan, lsan, ubsan, tsan).  Every report goes to a file under
# LOGDIR (log_path) instead of stderr, so a test's own stderr still
# compares equal with CPython's and the Makefile counts each report file
# as one failure.  Why each option:
#
#   allocator_may_return_null=1  "x" * 10**12 must reach minipy's NULL check
#                                and become MemoryError, as in CPython, not
#                                an ASan "allocation-size-too-big" abort.
#   detect_leaks=1               LeakSanitizer at exit: only *unreachable*
#                                blocks are reported.  Objects still
#                                referenced from module state at exit are
#                                reachable (left to the OS, as CPython does)
#                                and never reported; lsan.supp lists the
#                                few known, documented exceptions.
#   exitcode=86                  a report changes the exit status, so the
#                                test also fails on its .code check.
#   detect_stack_use_after_return=0  fake stacks break the C-stack-depth
#                                recursion guard (tstate->c_stack_limit).
#   halt_on_error=1 (UBSan)      every undefined behaviour is a failure.
#   TSan: halt_on_error=0, to see every race of a test, not only the first.
#   die_after_fork=0 (TSan)      thread_fork.py starts threads in the child of
#                                a multi-threaded fork, as CPython allows;
#                                TSan refuses that by default ("not
#                                supported. Dying") because a thread that
#                                vanished in the fork may hold one of its
#                                internal locks.  Only the forking thread
#                                exists in the child and minipy re-creates
#                                its own locks there (gil/fork.c); races the
#                                child's threads make are still reported.
#   asan-rss: asan plus quarantine_size_mb=0, for the tests that measure
#                                their resident set (Makefile SAN_RSS_TESTS):
#                                the quarantine (256 MB) keeps every freed
#                                block out of reuse, so "memory stays flat"
#                                cannot hold under it.  Use-after-free is
#                                still caught until the block is reused.
tool=$1
dir=$2
here=$(cd "$(dirname "$0")" && pwd)
case $tool in
asan)  echo "log_path=$dir/asan:detect_leaks=1:allocator_may_return_null=1:exitcode=86:detect_stack_use_after_return=0:handle_abort=1:print_suppressions=0" ;;
asan-rss) echo "$("$0" asan "$dir"):quarantine_size_mb=0" ;;
lsan)  echo "suppressions=$here/lsan.supp:print_suppressions=0" ;;
ubsan) echo "log_path=$dir/ubsan:print_stacktrace=1:halt_on_error=1:suppressions=$here/ubsan.supp" ;;
tsan)  echo "log_path=$dir/tsan:halt_on_error=0:second_deadlock_stack=1:exitcode=66:die_after_fork=0:suppressions=$here/tsan.supp" ;;
*) echo "options.sh: unknown tool $tool" >&2; exit 1 ;;
esac
