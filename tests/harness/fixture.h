/* fixture.h: test helpers for reading fixture files and editing their text,
 * and for edit fixtures (NAME.edit: another fixture with a few lines changed).
 * Tests run from the repository root (tests/run-tests.sh cd's there). */
#ifndef FM_FIXTURE_H
#define FM_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "sbuf.h"

/* The whole file as an arena string; NULL (with a message) when unreadable. */
static inline char *fixture_read(arena *a, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open fixture %s\n", path);
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = arena_alloc(a, (size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, f);
    fclose(f);
    buf[got] = '\0';
    return buf;
}

/* The benchmark's supergraph: the workload's own (bench/workload/), kept there
 * only. */
#define FIXTURE_BENCH_SUPERGRAPH "bench/workload/supergraph.graphql"

/* The path of supergraph fixture NAME, written into buf (size bytes):
 * tests/fixtures/supergraph/NAME.graphql, or for "bench" the benchmark's. */
static inline const char *fixture_supergraph_path(char *buf, size_t size, const char *name)
{
    if (strcmp(name, "bench") == 0)
        snprintf(buf, size, "%s", FIXTURE_BENCH_SUPERGRAPH);
    else
        snprintf(buf, size, "tests/fixtures/supergraph/%s.graphql", name);
    return buf;
}

/* text with the first occurrence of `from` replaced by `to`; NULL (with a
 * message) when `from` does not occur, so a stale edit cannot pass silently. */
static inline char *fixture_edit(arena *a, const char *text, const char *from, const char *to)
{
    const char *at = text ? strstr(text, from) : NULL;
    if (!at) {
        fprintf(stderr, "fixture_edit: \"%s\" not found\n", from);
        return NULL;
    }
    return arena_sprintf(a, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
}

/* The text an edit applies to: its base, with subgraph URLs
 * http://NAME.example/graphql as http://NAME.invalid/graphql and a final
 * newline. (The supergraphs of tests/fixtures/compose were composed with the
 * former and end without a newline; satisfiability's gen.mjs composes its
 * mutants of them with the latter.) */
static inline char *fixture_edit_base(arena *a, const char *text)
{
    static const char example[] = ".example/graphql\"";
    sbuf out;
    sbuf_init(&out);
    for (const char *at; (at = strstr(text, example)); text = at + strlen(example)) {
        sbuf_append(&out, text, (size_t)(at - text));
        sbuf_puts(&out, ".invalid/graphql\"");
    }
    sbuf_puts(&out, text);
    if (out.len == 0 || out.data[out.len - 1] != '\n') sbuf_putc(&out, '\n');
    char *base = arena_strdup(a, out.data);
    sbuf_free(&out);
    return base;
}

/* Empties a hunk: its old and new lines start with the newline before the
 * first line, so that they match whole lines only. */
static inline void fixture_hunk_start(sbuf *old_lines, sbuf *new_lines)
{
    sbuf_reset(old_lines);
    sbuf_reset(new_lines);
    sbuf_putc(old_lines, '\n');
    sbuf_putc(new_lines, '\n');
}

/* Replaces the first occurrence of a hunk's old lines by its new lines, and
 * starts the next hunk; NULL when the old lines do not occur. */
static inline char *fixture_hunk_apply(arena *a, char *text, sbuf *old_lines, sbuf *new_lines)
{
    if (text && old_lines->len > 1) text = fixture_edit(a, text, old_lines->data, new_lines->data);
    fixture_hunk_start(old_lines, new_lines);
    return text;
}

/* An edit fixture (NAME.edit) is another fixture file changed a little: a
 * line "base PATH", then hunks, each a line "@@" and lines " context", "-old"
 * and "+new", applied in order where the hunk's old lines first stand (who
 * writes one gives each hunk the context that makes that the right place;
 * tests/fixtures/satisfiability/gen.mjs does). The text of the fixture at
 * path, rebuilt; NULL (with a message) when a file is missing or a hunk does
 * not apply. */
static inline char *fixture_read_edit(arena *a, const char *path)
{
    char *edit = fixture_read(a, path);
    char *line = edit ? strchr(edit, '\n') : NULL;
    if (!line || strncmp(edit, "base ", 5) != 0) return NULL;
    *line++ = '\0';
    char *text = fixture_read(a, edit + 5);
    text = text ? fixture_edit_base(a, text) : NULL;
    sbuf old_lines, new_lines;
    sbuf_init(&old_lines);
    sbuf_init(&new_lines);
    fixture_hunk_start(&old_lines, &new_lines);
    for (char *next; text && *line; line = next) {
        char *eol = strchr(line, '\n');
        size_t len = eol ? (size_t)(eol - line) : strlen(line);
        next = line + len + (eol != NULL);
        if (len == 2 && strncmp(line, "@@", 2) == 0) {
            text = fixture_hunk_apply(a, text, &old_lines, &new_lines);
        } else if (len > 0 && strchr(" -+", line[0])) {
            if (line[0] != '+') {
                sbuf_append(&old_lines, line + 1, len - 1);
                sbuf_putc(&old_lines, '\n');
            }
            if (line[0] != '-') {
                sbuf_append(&new_lines, line + 1, len - 1);
                sbuf_putc(&new_lines, '\n');
            }
        } else {
            fprintf(stderr, "%s: not a hunk line: %.*s\n", path, (int)len, line);
            text = NULL;
        }
    }
    text = fixture_hunk_apply(a, text, &old_lines, &new_lines);
    sbuf_free(&old_lines);
    sbuf_free(&new_lines);
    return text;
}

#endif
