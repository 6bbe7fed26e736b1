/* suggest.h: "Did you mean ...?" hints for unknown names, ranked the way
 * graphql-js ranks them (edit distance with adjacent swaps, a case change
 * counting as one edit, ties in natural order), so messages match. */
#ifndef FM_SUGGEST_H
#define FM_SUGGEST_H

#include <stdint.h>

#include "arena.h"
#include "sbuf.h"

/* The options close enough to input, best first, in an arena array; returns
 * how many. An option is close when its distance is at most 40% of input's
 * length plus one. */
uint32_t suggest_list(arena *a, const char *input, const char *const *options, uint32_t noptions,
                      const char ***out);

/* Appends " Did you mean A, B, or C?" (at most five names, each quoted), with
 * `what` after "mean " when it is not NULL ("the enum value"); appends nothing
 * when n is 0. */
void suggest_did_you_mean(sbuf *b, const char *what, const char *const *names, uint32_t n);

/* graphql-js's naturalCompare: digit runs ordered by numeric value, everything
 * else bytewise; <0, 0 or >0 like strcmp. */
int suggest_natural_compare(const char *a, const char *b);

#endif
