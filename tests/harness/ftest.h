/* ftest.h: the unit-test harness every x_test.c includes.
 *
 *   TEST(name) { CHECK(x == 1); CHECK_STR(got, "want"); }
 *   TEST_MAIN(RUN(name); RUN(other);)
 *
 * A failed CHECK prints file:line and the expression, and the test goes on;
 * main() prints "<program>: N passed, M failed" and exits non-zero on any
 * failure. tests/run-tests.sh adds the lines of every binary together. */
#ifndef FM_FTEST_H
#define FM_FTEST_H

#include <stdio.h>
#include <string.h>

static int ftest_checks_failed_in_test;
static int ftest_passed, ftest_failed;
static const char *ftest_current;

#define TEST(name) static void name(void)

#define CHECK(cond)                                                                               \
    do {                                                                                          \
        if (!(cond)) {                                                                            \
            fprintf(stderr, "%s:%d: %s: CHECK(%s) failed\n", __FILE__, __LINE__, ftest_current,   \
                    #cond);                                                                       \
            ftest_checks_failed_in_test++;                                                        \
        }                                                                                         \
    } while (0)

#define CHECK_STR(got, want)                                                                      \
    do {                                                                                          \
        const char *ftest_g = (got), *ftest_w = (want);                                           \
        if (!ftest_g || !ftest_w || strcmp(ftest_g, ftest_w) != 0) {                              \
            fprintf(stderr, "%s:%d: %s: %s\n  got:  %s\n  want: %s\n", __FILE__, __LINE__,        \
                    ftest_current, #got, ftest_g ? ftest_g : "(null)",                            \
                    ftest_w ? ftest_w : "(null)");                                                \
            ftest_checks_failed_in_test++;                                                        \
        }                                                                                         \
    } while (0)

#define CHECK_INT(got, want)                                                                      \
    do {                                                                                          \
        long long ftest_g = (long long)(got), ftest_w = (long long)(want);                        \
        if (ftest_g != ftest_w) {                                                                 \
            fprintf(stderr, "%s:%d: %s: %s is %lld, want %lld\n", __FILE__, __LINE__,             \
                    ftest_current, #got, ftest_g, ftest_w);                                       \
            ftest_checks_failed_in_test++;                                                        \
        }                                                                                         \
    } while (0)

#define RUN(name)                                                                                 \
    do {                                                                                          \
        ftest_current = #name;                                                                    \
        ftest_checks_failed_in_test = 0;                                                          \
        name();                                                                                   \
        if (ftest_checks_failed_in_test) {                                                        \
            ftest_failed++;                                                                       \
            fprintf(stderr, "FAIL %s\n", #name);                                                  \
        } else {                                                                                  \
            ftest_passed++;                                                                       \
        }                                                                                         \
    } while (0)

#define TEST_MAIN(body)                                                                           \
    int main(int argc, char **argv)                                                               \
    {                                                                                             \
        (void)argc;                                                                               \
        body;                                                                                     \
        const char *slash = strrchr(argv[0], '/');                                                \
        printf("%s: %d passed, %d failed\n", slash ? slash + 1 : argv[0], ftest_passed,           \
               ftest_failed);                                                                     \
        return ftest_failed ? 1 : 0;                                                              \
    }

#endif
