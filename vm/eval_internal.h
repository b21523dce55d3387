/* vm/eval_internal.h: the slow paths of the eval loop, shared by
 * vm/eval.c and implemented in vm/eval_helpers.c.
 *
 * Each function does the work of one instruction's uncommon case so the
 * opcode bodies in eval.c stay a few lines long.  Conventions as
 * everywhere: NULL / -1 mean an exception is set.
 */
#ifndef MINIPY_VM_EVAL_INTERNAL_H
#define MINIPY_VM_EVAL_INTERNAL_H

#include "gil/tstate.h"
#include "runtime/object.h"
#include "vm/frame.h"

/* Unpack `seq` into sp[0 .. before + after (+1 if starred)) in stack
 * order (the first item ends on top).  `starred` < 0: exact count
 * `before`.  Returns 0 / -1 ("not enough values to unpack ..."). */
int mpy__eval_unpack(MpyObject *seq, int before, int after, bool starred, MpyObject **sp);

/* raise / raise exc / raise exc from cause.  Returns 1 when it re-raised
 * the handled exception (no new traceback entry), 0 otherwise; the
 * exception is set either way. */
int mpy__eval_do_raise(MpyThreadState *tstate, MpyObject *exc, MpyObject *cause);

/* Variables. */
MpyObject *mpy__eval_load_name(MpyFrame *frame, MpyObject *name);
MpyObject *mpy__eval_load_global(MpyFrame *frame, MpyObject *name);
MpyObject *mpy__eval_load_classderef(MpyFrame *frame, int oparg);
int mpy__eval_store_name(MpyFrame *frame, MpyObject *name, MpyObject *value);
int mpy__eval_delete_name(MpyFrame *frame, MpyObject *name);
int mpy__eval_delete_global(MpyFrame *frame, MpyObject *name);
void mpy__eval_unbound_local(MpyFrame *frame, int oparg);
void mpy__eval_unbound_deref(MpyFrame *frame, int oparg);

/* Definitions, imports, formatting. */
MpyObject *mpy__eval_make_function(MpyFrame *frame, MpyObject *code, int flags, MpyObject **args);
MpyObject *mpy__eval_import_name(MpyFrame *frame, MpyObject *name, MpyObject *fromlist,
                                 MpyObject *level);
MpyObject *mpy__eval_import_from(MpyObject *module, MpyObject *name);
int mpy__eval_import_star(MpyFrame *frame, MpyObject *module);
MpyObject *mpy__eval_format_value(MpyObject *value, int conversion, MpyObject *spec);
MpyObject *mpy__eval_build_string(MpyObject **items, int n);
MpyObject *mpy__eval_build_class(MpyFrame *frame);

/* left + right (or left - right) for an exact boxed int `left` that
 * nobody else references and an exact int `right`: computed in place in
 * left's GMP number.  Returns: new reference (left itself, or a tagged int
 * when the result fits one).  Refs: consumes `left`, borrows `right`.
 * Cannot fail. */
MpyObject *mpy__eval_int_addsub_unique(MpyObject *left, MpyObject *right, bool subtract);

/* Containers. */
MpyObject *mpy__eval_build_map(MpyObject **items, int n);
MpyObject *mpy__eval_build_const_key_map(MpyObject **values, MpyObject *keys, int n);
int mpy__eval_dict_update(MpyObject *dict, MpyObject *update);
int mpy__eval_dict_merge(MpyObject *callable, MpyObject *dict, MpyObject *update);
int mpy__eval_list_extend(MpyObject *list, MpyObject *iterable);

/* Calls with *args / **kwargs. */
MpyObject *mpy__eval_call_ex(MpyObject *callable, MpyObject *self, MpyObject *args, MpyObject *kwargs);

/* with statements and except clauses. */
MpyObject *mpy__eval_before_with(MpyObject *mgr, MpyObject **exit);
MpyObject *mpy__eval_with_except(MpyObject *exit, MpyObject *exc);
int mpy__eval_check_exc_match(MpyObject *exc, MpyObject *type); /* 1/0/-1 */
/* except*: split `exc` by `type`.  Returns: new reference to the rest (or
 * None) and stores a new reference to the match (or None) in *match; NULL
 * + exception on error (a bad type, ExceptionGroup in except*). */
MpyObject *mpy__eval_check_eg_match(MpyObject *exc, MpyObject *type, MpyObject **match);
/* except*: the exception to raise when the statement ends, from the
 * original and the list of raised / unmatched ones.  Returns: new
 * reference (None: nothing to raise), or NULL + exception. */
MpyObject *mpy__eval_prep_reraise_star(MpyObject *orig, MpyObject *list);

/* Generators: SEND.  Returns 1 (yielded, *result), 0 (returned, *result is
 * the return value) or -1. */
int mpy__eval_send(MpyObject *receiver, MpyObject *value, MpyObject **result);
MpyObject *mpy__eval_get_yield_from_iter(MpyObject *o);

/* Interactive mode: sys.displayhook(v).  Returns 0 / -1. */
int mpy__eval_print_expr(MpyObject *v);
int mpy__eval_setup_annotations(MpyFrame *frame);

/* match statements. */
MpyObject *mpy__eval_match_class(MpyObject *subject, MpyObject *cls, int nargs, MpyObject *names);
MpyObject *mpy__eval_match_keys(MpyObject *subject, MpyObject *keys);
int mpy__eval_match_mapping(MpyObject *subject);
int mpy__eval_match_sequence(MpyObject *subject);
MpyObject *mpy__eval_copy_dict_without_keys(MpyObject *subject, MpyObject *keys);

#endif
