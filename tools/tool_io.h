/* tool_io.h: whole inputs read into memory, for the command-line programs
 * in tools/ (each tools/x.c is a program of its own; this is the code they
 * share). The result is malloc'd and NUL-terminated, also when empty. */
#ifndef FM_TOOL_IO_H
#define FM_TOOL_IO_H

#include <stdio.h>

#include "sbuf.h"

static inline char *tool_read_stream(FILE *f, size_t *len)
{
    sbuf b;
    sbuf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sbuf_append(&b, chunk, n);
    sbuf_putc(&b, '\0'); /* an empty input still gets a buffer */
    *len = b.len - 1;
    return sbuf_take(&b);
}

/* NULL (errno set) when the file cannot be opened. */
static inline char *tool_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *data = tool_read_stream(f, len);
    fclose(f);
    return data;
}

#endif
