/* sg-image.c: a supergraph's image (sg_codec.h), as a plan bundle carries it.
 *
 *   sg-image SUPERGRAPH IMAGE
 *
 * loads the supergraph SDL, writes its image to the file IMAGE, decodes it
 * back as a check, and prints both sizes. The fuzz seeds of
 * tests/fuzz/sg_codec are made with it. */
#include <stdio.h>
#include <stdlib.h>

#include "sg_codec.h"
#include "tool_io.h"

static int fail(const diag_list *errs)
{
    for (const diag *d = errs->first; d; d = d->next)
        fprintf(stderr, "sg-image: %s\n", d->message);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("usage: sg-image SUPERGRAPH IMAGE\n", stderr);
        return 2;
    }
    size_t len;
    char *sdl = tool_read_file(argv[1], &len);
    if (!sdl) {
        perror(argv[1]);
        return 1;
    }
    arena a;
    arena_init(&a, 0);
    diag_list errs;
    diag_init(&errs, &a);
    supergraph *sg = sg_load(&a, sdl, len, &errs);
    if (!sg) return fail(&errs);
    sbuf image;
    sbuf_init(&image);
    sg_encode(sg, &image);
    if (!sg_decode(&a, (const uint8_t *)image.data, image.len, &errs)) return fail(&errs);
    FILE *out = fopen(argv[2], "wb");
    if (!out || fwrite(image.data, 1, image.len, out) != image.len || fclose(out) != 0) {
        perror(argv[2]);
        return 1;
    }
    printf("%s: %zu bytes of SDL, %zu bytes of image\n", argv[1], len, image.len);
    sbuf_free(&image);
    arena_free(&a);
    free(sdl);
    return 0;
}
