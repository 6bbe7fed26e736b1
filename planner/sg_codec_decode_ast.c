/* sg_codec_decode_ast.c: the syntax trees of a supergraph image (values,
 * applied directives, type references, FieldSet selections), for bytes that
 * may be anything: kinds are range-checked, required names present, and
 * nesting is counted against SG_CODEC_MAX_DEPTH. */
#include <string.h>

#include "sg_codec_int.h"

static bool get_value(sgc_decoder *d, unsigned depth, bool shared, ast_value **out);

void sgc_share_init(sgc_decoder *d)
{
    d->string_values = ARENA_ARRAY(d->a, ast_value *, d->r.nstrings ? d->r.nstrings : 1);
    for (int b = 0; b < 2; b++) {
        d->booleans[b] = ARENA_NEW(d->a, ast_value);
        d->booleans[b]->kind = AST_VALUE_BOOLEAN;
        d->booleans[b]->boolean = b;
    }
    d->null_value = ARENA_NEW(d->a, ast_value);
    d->null_value->kind = AST_VALUE_NULL;
}

void sgc_share_types_of(sgc_decoder *d, const schema *s)
{
    d->named_refs = ARENA_ARRAY(d->a, ast_type *, s->ntypes ? 2 * s->ntypes : 1);
    d->nonnull_refs = d->named_refs + s->ntypes;
}

static bool get_list(sgc_decoder *d, unsigned depth, ast_value *v)
{
    uint32_t n;
    if (!bytes_get_count(&d->r, "list item", 1, &n)) return false;
    ast_value **link = &v->items;
    for (uint32_t i = 0; i < n; i++) {
        if (!get_value(d, depth + 1, false, link)) return false;
        link = &(*link)->next;
    }
    return true;
}

static bool get_object(sgc_decoder *d, unsigned depth, ast_value *v)
{
    uint32_t n;
    if (!bytes_get_count(&d->r, "object field", 2, &n)) return false;
    ast_object_field *fields = ARENA_ARRAY(d->a, ast_object_field, n ? n : 1);
    for (uint32_t i = 0; i < n; i++) {
        ast_object_field *f = &fields[i];
        if (!bytes_get_required_str(&d->r, "object field name", &f->name) ||
            !get_value(d, depth + 1, true, &f->value))
            return false;
        f->next = i + 1 < n ? &fields[i + 1] : NULL;
    }
    v->fields = n ? fields : NULL;
    return true;
}

/* A value holding string `id` (strings, enum values, numbers, variables):
 * the shared one when it may be and one exists with the same kind. */
static bool get_text_value(sgc_decoder *d, ast_value_kind kind, bool shared, ast_value **out)
{
    uint32_t id, block = 0;
    if (!bytes_get_str_id(&d->r, "value text", kind == AST_VALUE_STRING, &id)) return false;
    if (kind == AST_VALUE_STRING && !bytes_get_small(&d->r, "block flag", 1, &block)) return false;
    ast_value *known = d->string_values[id - 1];
    if (shared && known && known->kind == kind && known->block == block) {
        *out = known;
        return true;
    }
    ast_value *v = ARENA_NEW(d->a, ast_value);
    v->kind = kind;
    v->str = d->r.strings[id - 1];
    v->len = d->r.lens[id - 1] & ~BYTES_HOLDS_NUL;
    v->block = block;
    if (shared && !known) d->string_values[id - 1] = v;
    *out = v;
    return true;
}

static bool get_value(sgc_decoder *d, unsigned depth, bool shared, ast_value **out)
{
    if (depth > SG_CODEC_MAX_DEPTH)
        return bytes_fail(&d->r, "values nest deeper than %d", SG_CODEC_MAX_DEPTH);
    uint32_t kind, flag;
    if (!bytes_get_small(&d->r, "value kind", AST_VALUE_OBJECT, &kind)) return false;
    ast_value *v;
    switch ((ast_value_kind)kind) {
    case AST_VALUE_BOOLEAN:
        if (!bytes_get_small(&d->r, "boolean", 1, &flag)) return false;
        if (shared) {
            *out = d->booleans[flag];
            return true;
        }
        v = ARENA_NEW(d->a, ast_value);
        v->kind = AST_VALUE_BOOLEAN;
        v->boolean = flag;
        *out = v;
        return true;
    case AST_VALUE_NULL:
        *out = shared ? d->null_value : ARENA_NEW(d->a, ast_value);
        (*out)->kind = AST_VALUE_NULL;
        return true;
    case AST_VALUE_LIST:
    case AST_VALUE_OBJECT:
        v = ARENA_NEW(d->a, ast_value);
        v->kind = (ast_value_kind)kind;
        *out = v;
        return kind == AST_VALUE_LIST ? get_list(d, depth, v) : get_object(d, depth, v);
    default: /* variable, int, float, string, enum */
        return get_text_value(d, (ast_value_kind)kind, shared, out);
    }
}

bool sgc_get_optional_value(sgc_decoder *d, const ast_value **out)
{
    uint32_t present;
    ast_value *v = NULL;
    *out = NULL;
    if (!bytes_get_small(&d->r, "presence flag", 1, &present)) return false;
    if (present && !get_value(d, 0, true, &v)) return false;
    *out = v;
    return true;
}

static bool get_arguments(sgc_decoder *d, ast_argument **out)
{
    uint32_t n;
    *out = NULL;
    if (!bytes_get_count(&d->r, "argument", 2, &n)) return false;
    ast_argument *args = ARENA_ARRAY(d->a, ast_argument, n ? n : 1);
    for (uint32_t i = 0; i < n; i++) {
        if (!bytes_get_required_str(&d->r, "argument name", &args[i].name) ||
            !get_value(d, 0, true, &args[i].value))
            return false;
        args[i].next = i + 1 < n ? &args[i + 1] : NULL;
    }
    *out = n ? args : NULL;
    return true;
}

/* n directives into one block, linked in order. */
static bool get_directive_block(sgc_decoder *d, uint32_t n, ast_directive **out)
{
    ast_directive *dirs = ARENA_ARRAY(d->a, ast_directive, n ? n : 1);
    for (uint32_t i = 0; i < n; i++) {
        if (!bytes_get_required_str(&d->r, "directive name", &dirs[i].name) ||
            !get_arguments(d, &dirs[i].arguments))
            return false;
        dirs[i].next = i + 1 < n ? &dirs[i + 1] : NULL;
    }
    *out = n ? dirs : NULL;
    return true;
}

bool sgc_get_directive_table(sgc_decoder *d)
{
    if (!bytes_get_count(&d->r, "directive", 2, &d->ndirectives)) return false;
    d->directives = ARENA_ARRAY(d->a, ast_directive, d->ndirectives ? d->ndirectives : 1);
    for (uint32_t i = 0; i < d->ndirectives; i++)
        if (!bytes_get_required_str(&d->r, "directive name", &d->directives[i].name) ||
            !get_arguments(d, &d->directives[i].arguments))
            return false;
    return true;
}

bool sgc_get_directives(sgc_decoder *d, const ast_directive ***out, uint32_t *n)
{
    *out = NULL;
    if (!bytes_get_count(&d->r, "directive", 1, n)) return false;
    if (!*n) return true;
    if (!d->ndirectives) return bytes_fail(&d->r, "directive reference with no directive table");
    const ast_directive **array = ARENA_ARRAY(d->a, const ast_directive *, *n);
    for (uint32_t i = 0; i < *n; i++) {
        uint32_t index;
        if (!bytes_get_small(&d->r, "directive index", d->ndirectives - 1, &index)) return false;
        array[i] = &d->directives[index];
    }
    *out = array;
    return true;
}

/* The named type at the core of a schema's type reference, shared. */
static ast_type *named_ref(sgc_decoder *d, schema_type *t)
{
    if (!d->named_refs[t->index]) {
        ast_type *n = ARENA_NEW(d->a, ast_type);
        n->kind = AST_TYPE_NAMED;
        n->name = t->name;
        d->named_refs[t->index] = n;
    }
    return d->named_refs[t->index];
}

static ast_type *nonnull_ref(sgc_decoder *d, schema_type *t)
{
    if (!d->nonnull_refs[t->index]) {
        ast_type *n = ARENA_NEW(d->a, ast_type);
        n->kind = AST_TYPE_NON_NULL;
        n->of = named_ref(d, t);
        d->nonnull_refs[t->index] = n;
    }
    return d->nonnull_refs[t->index];
}

/* The innermost part: a named type, by index into s (shared) or by name. */
static bool get_core(sgc_decoder *d, const schema *s, bool nonnull, ast_type **out,
                     schema_type **named)
{
    if (!s) {
        ast_type *t = ARENA_NEW(d->a, ast_type);
        t->kind = AST_TYPE_NAMED;
        if (!bytes_get_required_str(&d->r, "type name", &t->name)) return false;
        if (nonnull) {
            ast_type *nn = ARENA_NEW(d->a, ast_type);
            nn->kind = AST_TYPE_NON_NULL;
            nn->of = t;
            t = nn;
        }
        *out = t;
        return true;
    }
    uint32_t index;
    if (!s->ntypes) return bytes_fail(&d->r, "type reference in a schema without types");
    if (!bytes_get_small(&d->r, "type index", s->ntypes - 1, &index)) return false;
    *named = s->types[index];
    *out = nonnull ? nonnull_ref(d, *named) : named_ref(d, *named);
    return true;
}

/* Wrappers outside in are read first, then built inside out around the
 * (shared) core: the innermost non-null is part of the core. */
bool sgc_get_type_ref(sgc_decoder *d, const schema *s, const ast_type **out, schema_type **named)
{
    uint8_t wrappers[SG_CODEC_MAX_DEPTH + 1];
    unsigned n = 0;
    for (;;) {
        uint32_t kind;
        if (!bytes_get_small(&d->r, "type kind", 3, &kind)) return false;
        if (kind == 3) break;
        if (kind == 0) return bytes_fail(&d->r, "type kind 0 in a type reference");
        if (n == SG_CODEC_MAX_DEPTH)
            return bytes_fail(&d->r, "type wrappers nest deeper than %d", SG_CODEC_MAX_DEPTH);
        if (kind == 2 && n && wrappers[n - 1] == 2)
            return bytes_fail(&d->r, "non-null type wraps a non-null type");
        wrappers[n++] = (uint8_t)kind;
    }
    bool nonnull = n && wrappers[n - 1] == 2;
    ast_type *t = NULL;
    if (!get_core(d, s, nonnull, &t, named)) return false;
    for (unsigned i = n - nonnull; i-- > 0;) {
        ast_type *w = ARENA_NEW(d->a, ast_type);
        w->kind = wrappers[i] == 1 ? AST_TYPE_LIST : AST_TYPE_NON_NULL;
        w->of = t;
        t = w;
    }
    *out = t;
    return true;
}

static bool get_selections(sgc_decoder *d, unsigned depth, ast_selection **out);

static bool check_selection_shape(sgc_decoder *d, const ast_selection *s)
{
    switch (s->kind) {
    case AST_SEL_FIELD:
        if (!s->name || s->type_condition) return bytes_fail(&d->r, "malformed field selection");
        return true;
    case AST_SEL_FRAGMENT_SPREAD:
        if (!s->name || s->alias || s->type_condition || s->arguments || s->selection_set)
            return bytes_fail(&d->r, "malformed fragment spread");
        return true;
    case AST_SEL_INLINE_FRAGMENT:
        if (s->name || s->alias || s->arguments || !s->selection_set)
            return bytes_fail(&d->r, "malformed inline fragment");
        return true;
    }
    return false;
}

static bool get_selection(sgc_decoder *d, unsigned depth, ast_selection *s)
{
    uint32_t kind, ndirs;
    if (!bytes_get_small(&d->r, "selection kind", AST_SEL_INLINE_FRAGMENT, &kind)) return false;
    s->kind = (ast_selection_kind)kind;
    if (!bytes_get_str(&d->r, &s->alias) || !bytes_get_str(&d->r, &s->name) ||
        !bytes_get_str(&d->r, &s->type_condition) || !get_arguments(d, &s->arguments) ||
        !bytes_get_count(&d->r, "directive", 2, &ndirs) ||
        !get_directive_block(d, ndirs, &s->directives) ||
        !get_selections(d, depth + 1, &s->selection_set))
        return false;
    return check_selection_shape(d, s);
}

static bool get_selections(sgc_decoder *d, unsigned depth, ast_selection **out)
{
    uint32_t n;
    *out = NULL;
    if (depth > SG_CODEC_MAX_DEPTH)
        return bytes_fail(&d->r, "selections nest deeper than %d", SG_CODEC_MAX_DEPTH);
    if (!bytes_get_count(&d->r, "selection", 7, &n)) return false;
    ast_selection *sels = ARENA_ARRAY(d->a, ast_selection, n ? n : 1);
    for (uint32_t i = 0; i < n; i++) {
        if (!get_selection(d, depth, &sels[i])) return false;
        sels[i].next = i + 1 < n ? &sels[i + 1] : NULL;
    }
    *out = n ? sels : NULL;
    return true;
}

bool sgc_get_fieldset(sgc_decoder *d, sg_fieldset *out)
{
    if (!bytes_get_str(&d->r, &out->text)) return false;
    if (!out->text) return true;
    if (!get_selections(d, 0, &out->selection)) return false;
    return out->selection ? true : bytes_fail(&d->r, "FieldSet \"%s\" selects nothing", out->text);
}

/* ---- FieldSets against the schema ---- */

static bool check_selections(sgc_decoder *d, const schema_type *parent, const ast_selection *sel,
                             const char *what);

static bool check_field(sgc_decoder *d, const schema_type *parent, const ast_selection *sel,
                        const char *what)
{
    if (strcmp(sel->name, "__typename") == 0 && !sel->selection_set) return true;
    schema_field *f = parent->kind == SCHEMA_OBJECT || parent->kind == SCHEMA_INTERFACE
                          ? schema_get_field(parent, sel->name)
                          : NULL;
    if (!f)
        return bytes_fail(&d->r, "%s selects unknown field %s.%s", what, parent->name, sel->name);
    if (schema_is_leaf(f->named) != !sel->selection_set)
        return bytes_fail(&d->r, "%s: the selection of %s.%s does not fit its type", what,
                          parent->name, sel->name);
    return !sel->selection_set || check_selections(d, f->named, sel->selection_set, what);
}

static bool check_fragment(sgc_decoder *d, const schema_type *parent, const ast_selection *sel,
                           const char *what)
{
    if (sel->kind == AST_SEL_FRAGMENT_SPREAD)
        return bytes_fail(&d->r, "%s holds a fragment spread", what);
    /* Whether the fragment can ever apply (the overlap rule sg_load checks)
     * is composition's business: here it would take time quadratic in a
     * hostile image, and a fragment that never applies selects nothing. */
    const schema_type *cond =
        sel->type_condition ? schema_get_type(d->sg->full, sel->type_condition) : parent;
    if (!cond || !schema_is_composite(cond))
        return bytes_fail(&d->r, "%s: fragment on %s, which is not a type with fields", what,
                          sel->type_condition);
    return check_selections(d, cond, sel->selection_set, what);
}

static bool check_selections(sgc_decoder *d, const schema_type *parent, const ast_selection *sel,
                             const char *what)
{
    for (; sel; sel = sel->next)
        if (!(sel->kind == AST_SEL_FIELD ? check_field(d, parent, sel, what)
                                         : check_fragment(d, parent, sel, what)))
            return false;
    return true;
}

bool sgc_check_fieldset(sgc_decoder *d, const schema_type *parent, const sg_fieldset *fs,
                        const char *what)
{
    if (!fs->selection) return true;
    if (!schema_is_composite(parent))
        return bytes_fail(&d->r, "%s on %s, which has no fields", what, parent->name);
    return check_selections(d, parent, fs->selection, what);
}
