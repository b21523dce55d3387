/* runtime/str_search.c: substring search over bytes, for str and bytes.
 *
 * Models CPython's Objects/stringlib/fastsearch.h.  Forward searches use
 * glibc's memmem (a two-way matcher: linear time, fast in practice);
 * backward searches scan with memrchr for the needle's first byte, which
 * is what most rfind/rsplit calls (one-character separators) need.
 *
 * The functions work on bytes.  For str they are called on the UTF-8 text:
 * because UTF-8 is self-synchronizing, a match of valid UTF-8 inside valid
 * UTF-8 always starts and ends on character boundaries, so byte offsets
 * can be turned back into character indices by counting.
 */
#include "runtime/str_impl.h"

#include <string.h>

ptrdiff_t mpy__search_find(const char *h, ptrdiff_t hn, const char *n, ptrdiff_t nn)
{
    if (nn == 0)
        return 0;
    if (nn > hn)
        return -1;
    const char *p = nn == 1 ? memchr(h, n[0], (size_t)hn) : memmem(h, (size_t)hn, n, (size_t)nn);
    return p == NULL ? -1 : p - h;
}

ptrdiff_t mpy__search_rfind(const char *h, ptrdiff_t hn, const char *n, ptrdiff_t nn)
{
    if (nn == 0)
        return hn;
    if (nn > hn)
        return -1;
    // Candidates start in [0, hn - nn]; look for the first byte from the right.
    ptrdiff_t limit = hn - nn + 1;
    while (limit > 0) {
        const char *p = memrchr(h, n[0], (size_t)limit);
        if (p == NULL)
            return -1;
        if (memcmp(p, n, (size_t)nn) == 0)
            return p - h;
        limit = p - h;
    }
    return -1;
}

ptrdiff_t mpy__search_count(const char *h, ptrdiff_t hn, const char *n, ptrdiff_t nn,
                            ptrdiff_t max)
{
    ptrdiff_t count = 0, pos = 0;
    while (max < 0 || count < max) {
        ptrdiff_t i = mpy__search_find(h + pos, hn - pos, n, nn);
        if (i < 0)
            break;
        count++;
        pos += i + nn;
    }
    return count;
}
