/* sg_codec_int.h: what the sg_codec_decode*.c files share while decoding
 * one image. Not part of the public API (sg_codec.h is). */
#ifndef FM_SG_CODEC_INT_H
#define FM_SG_CODEC_INT_H

#include "bytes.h"
#include "sg_codec.h"

/* Read-only syntax nodes that many places would hold alike are made once and
 * shared: a scalar value that is not a list item (its `next` stays NULL),
 * and the innermost named type of a reference, bare or non-null. */
typedef struct sgc_decoder {
    bytes_reader r;
    arena *a;
    supergraph *sg;
    size_t image_len;
    ast_directive *directives; /* the image's directive table: applied directives, shared */
    uint32_t ndirectives;
    ast_value **string_values; /* [r.nstrings]: a shared value holding that string */
    ast_value *booleans[2], *null_value;
    ast_type **named_refs;   /* [ntypes] */
    ast_type **nonnull_refs; /* [ntypes] */
    uint32_t *type_marks;    /* [full->ntypes], for the ownership tables' checks */
} sgc_decoder;

/* sg_codec_decode_ast.c: the syntax trees an image carries. */
void sgc_share_init(sgc_decoder *d);
/* The directive table, after the string table. */
bool sgc_get_directive_table(sgc_decoder *d);
/* Type references of s from now on share their named nodes. */
void sgc_share_types_of(sgc_decoder *d, const schema *s);
bool sgc_get_optional_value(sgc_decoder *d, const ast_value **out);
/* An array of n applied directives from the directive table (shared nodes:
 * their `next` links are NULL). */
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
