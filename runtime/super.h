/* runtime/super.h: the super type.
 *
 * Models CPython's super (Objects/typeobject.c).  super() with no
 * arguments finds the class from the __class__ cell the compiler creates in
 * methods that mention super, and the instance from the method's first
 * argument.
 */
#ifndef MINIPY_RUNTIME_SUPER_H
#define MINIPY_RUNTIME_SUPER_H

#include "runtime/object.h"

extern MpyType mpy_super_type;

#endif
