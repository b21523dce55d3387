/* runtime/str_search.c: substring search over bytes, for str and bytes.
 *
 * Models CPython's Objects/stringlib/fastsearch.h.  Short needles (the
 * usual case: ", ", "fox", "\n") use CPython's "default_find", a
 * Boyer-Moore-Horspool variant: compare the needle's last byte first, and
 * on a mismatch skip ahead a whole needle length when the next byte does
 * not occur in the needle at all (tested with a 64-bit Bloom filter).  Long
 * needles in long texts use glibc's memmem, a two-way matcher that is
 * linear in the worst case; one-byte needles use memchr/memrchr.
 *
 * The functions work on bytes.  For str they are called on the UTF-8 text:
 * because UTF-8 is self-synchronizing, a match of valid UTF-8 inside valid
 * UTF-8 always starts and ends on character boundaries, so byte offsets
 * can be turned back into character indices by counting.
 */
#include "runtime/str_impl.h"

#include <string.h>

/* The Bloom filter of the needle's bytes: bit (c & 63). */
static inline uint64_t bloom_bit(unsigned char c)
{
    return (uint64_t)1 << (c & 63);
}

/* CPython's default_find.  Requires 1 < nn <= hn. */
static ptrdiff_t horspool_find(const unsigned char *h, ptrdiff_t hn, const unsigned char *n,
                               ptrdiff_t nn)
{
    ptrdiff_t last = nn - 1, skip = last - 1, w = hn - nn;
    uint64_t mask = 0;
    for (ptrdiff_t i = 0; i < last; i++) {
        mask |= bloom_bit(n[i]);
        if (n[i] == n[last])
            skip = last - i - 1;
    }
    mask |= bloom_bit(n[last]);
    for (ptrdiff_t i = 0; i <= w; i++) {
        if (h[i + last] == n[last]) {
            if (memcmp(h + i, n, (size_t)last) == 0)
                return i;
            // Miss: if the byte after the window is not in the needle, no
            // match can cover it.
            if (i < w && !(mask & bloom_bit(h[i + nn])))
                i += nn;
            else
                i += skip;
        } else if (i < w && !(mask & bloom_bit(h[i + nn]))) {
            i += nn;
        }
    }
    return -1;
}

/* CPython's default_rfind, the mirror image.  Requires 1 < nn <= hn. */
static ptrdiff_t horspool_rfind(const unsigned char *h, ptrdiff_t hn, const unsigned char *n,
                                ptrdiff_t nn)
{
    ptrdiff_t last = nn - 1, skip = last - 1;
    uint64_t mask = bloom_bit(n[0]);
    for (ptrdiff_t i = last; i > 0; i--) {
        mask |= bloom_bit(n[i]);
        if (n[i] == n[0])
            skip = i - 1;
    }
    for (ptrdiff_t i = hn - nn; i >= 0; i--) {
        if (h[i] == n[0]) {
            if (memcmp(h + i + 1, n + 1, (size_t)last) == 0)
                return i;
            if (i > 0 && !(mask & bloom_bit(h[i - 1])))
                i -= nn;
            else
                i -= skip;
        } else if (i > 0 && !(mask & bloom_bit(h[i - 1]))) {
            i -= nn;
        }
    }
    return -1;
}

/* Long needle in a long text: a linear-time search pays off. */
static bool use_two_way(ptrdiff_t hn, ptrdiff_t nn)
{
    return nn >= 100 && hn >= 2000;
}

ptrdiff_t mpy__search_find(const char *h, ptrdiff_t hn, const char *n, ptrdiff_t nn)
{
    if (nn == 0)
        return 0;
    if (nn > hn)
        return -1;
    const char *p;
    if (nn == 1)
        p = memchr(h, n[0], (size_t)hn);
    else if (use_two_way(hn, nn))
        p = memmem(h, (size_t)hn, n, (size_t)nn);
    else
        return horspool_find((const unsigned char *)h, hn, (const unsigned char *)n, nn);
    return p == NULL ? -1 : p - h;
}

ptrdiff_t mpy__search_rfind(const char *h, ptrdiff_t hn, const char *n, ptrdiff_t nn)
{
    if (nn == 0)
        return hn;
    if (nn > hn)
        return -1;
    if (nn == 1) {
        const char *p = memrchr(h, n[0], (size_t)hn);
        return p == NULL ? -1 : p - h;
    }
    return horspool_rfind((const unsigned char *)h, hn, (const unsigned char *)n, nn);
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
