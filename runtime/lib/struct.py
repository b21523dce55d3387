"""Convert between Python values and C structs packed in bytes.

minipy's struct (CPython: Lib/struct.py): everything is implemented in
the C module _struct (runtime/mod_struct.c).

Format strings start with an optional byte order character:

  @  native order, sizes and alignment (the default)
  =  native order, standard sizes, no alignment
  <  little-endian, standard sizes
  >  big-endian, standard sizes
  !  network order (big-endian)

followed by codes, each with an optional repeat count:

  x pad byte       c bytes of length 1   b/B signed/unsigned char
  ? bool           h/H short             i/I int
  l/L long         q/Q long long         n/N ssize_t/size_t (native only)
  e half float     f float               d double
  s bytes          p Pascal string       P void pointer (native only)
"""

__all__ = [
    'calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
    'iter_unpack', 'Struct', 'error',
]

from _struct import *
from _struct import _clearcache
