/* sg_codec_int.h: what the sg_codec_decode*.c files share while decoding
 * one image. Not part of the public API (sg_codec.h is). */
#ifndef FM_SG_CODEC_INT_H
#define FM_SG_CODEC_INT_H

#include "bytes.h"
#include "sg_codec.h"

typedef struct sgc_decoder {
    bytes_reader r;
    arena *a;
    supergraph *sg;
} sgc_decoder;

/* sg_codec_decode_ast.c: the syntax trees an image carries. */
bool sgc_get_optional_value(sgc_decoder *d, const ast_value **out);
/* An array of n applied directives (their `next` links follow the array). */
bool sgc_get_directives(sgc_decoder *d, const ast_directive ***out, uint32_t *n);
/* A type reference whose named type is an index into s (*named gets it), or,
 * with s NULL, a name (*named is not set). */
bool sgc_get_type_ref(sgc_decoder *d, const schema *s, const ast_type **out, schema_type **named);
/* A FieldSet: its text and parsed selections, or nothing. */
bool sgc_get_fieldset(sgc_decoder *d, sg_fieldset *out);
/* The FieldSet selects existing fields of parent, as sg_load checks it. */
bool sgc_check_fieldset(sgc_decoder *d, const schema_type *parent, const sg_fieldset *fs,
                        const char *what);

/* sg_codec_decode_schema.c: a schema, its names mapped and its rules checked. */
schema *sgc_get_schema(sgc_decoder *d);

/* sg_codec_decode_tables.c: the ownership tables of sg->full. */
bool sgc_get_type_table(sgc_decoder *d);
bool sgc_get_field_table(sgc_decoder *d);

#endif
