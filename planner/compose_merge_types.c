/* compose_merge_types.c: merging type references (Apollo's mergeTypeReference
 * with its default subtyping rules) and the bookkeeping that goes with it:
 * how enums are used, and subgraph lists in messages. */
#include <string.h>

#include "compose_merge.h"
#include "printer.h"
#include "sbuf.h"

static bool implements(const cmerged *m, const char *type, const char *itf)
{
    const cmtype *t = cmerged_type(m, type);
    if (!t) return false;
    for (uint32_t i = 0; i < t->ninterfaces; i++)
        if (!strcmp(t->interfaces[i].name, itf)) return true;
    return false;
}

static bool is_member(const cmerged *m, const char *uni, const char *member)
{
    const cmtype *u = cmerged_type(m, uni);
    if (!u || u->kind != SCHEMA_UNION) return false;
    for (uint32_t i = 0; i < u->nmembers; i++)
        if (!strcmp(u->members[i].name, member)) return true;
    return false;
}

static bool is_subtype_or_same(const cmerged *m, const ast_type *super, const ast_type *sub)
{
    return schema_type_ref_equal(super, sub) || cm_is_strict_subtype(m, super, sub);
}

bool cm_is_strict_subtype(const cmerged *m, const ast_type *super, const ast_type *sub)
{
    if (sub->kind == AST_TYPE_NON_NULL) {
        if (super->kind == AST_TYPE_NON_NULL) return cm_is_strict_subtype(m, super->of, sub->of);
        return is_subtype_or_same(m, super, sub->of);
    }
    if (super->kind == AST_TYPE_NON_NULL) return false;
    if (super->kind == AST_TYPE_LIST || sub->kind == AST_TYPE_LIST)
        return super->kind == sub->kind && cm_is_strict_subtype(m, super->of, sub->of);
    if (!strcmp(super->name, sub->name)) return false;
    return implements(m, sub->name, super->name) || is_member(m, super->name, sub->name);
}

bool cm_merge_type_refs(const cmerged *m, const ast_type *const *types, uint32_t n, bool input,
                        const ast_type **out, bool *differ)
{
    const ast_type *dest = NULL;
    bool compatible = true;
    *differ = false;
    for (uint32_t i = 0; i < n; i++) {
        const ast_type *t = types[i];
        if (!t) continue;
        if (!dest || schema_type_ref_equal(dest, t)) {
            dest = t;
        } else if (cm_is_strict_subtype(m, dest, t)) {
            *differ = true;
            if (input) dest = t;
        } else if (cm_is_strict_subtype(m, t, dest)) {
            *differ = true;
            if (!input) dest = t;
        } else {
            *differ = true;
            compatible = false;
        }
    }
    *out = dest;
    return compatible;
}

void cm_note_enum_usage(compose_ctx *c, const ast_type *t, bool input, const char *parent,
                        const char *field, const char *arg)
{
    cmtype *e = t ? cmerged_type(c->merged, ast_type_name(t)) : NULL;
    if (!e || e->kind != SCHEMA_ENUM) return;
    e->enum_usage |= input ? CM_USED_INPUT : CM_USED_OUTPUT;
    const char **example = input ? &e->enum_input_example : &e->enum_output_example;
    if (*example) return;
    *example = arg ? arena_sprintf(c->arena, "%s.%s(%s:)", parent, field, arg)
                   : arena_sprintf(c->arena, "%s.%s", parent, field);
}

/* Apollo's printHumanReadableList: names past 100 characters become "...". */
const char *cm_subgraph_list(compose_ctx *c, const char *const *names, uint32_t n)
{
    uint32_t shown = 0;
    size_t length = 0;
    for (uint32_t i = 0; i < n; i++) {
        length += strlen(names[i]) + 2; /* with its quotes */
        if (length <= 100) shown = i + 1;
    }
    if (!shown) shown = 1;
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, n == 1 ? "subgraph " : "subgraphs ");
    for (uint32_t i = 0; i < shown; i++) {
        if (i) sbuf_puts(&b, i + 1 == shown && shown == n ? " and " : ", ");
        sbuf_printf(&b, "\"%s\"", names[i]);
    }
    if (shown < n) sbuf_puts(&b, ", ...");
    const char *text = arena_strndup(c->arena, b.data ? b.data : "", b.len);
    sbuf_free(&b);
    return text;
}

void cm_report_mismatch(compose_ctx *c, const char *code, const char *message,
                        const char *const *values, const char *merged_value)
{
    /* distinct values, the merged one first, then by first appearance */
    const char **distinct = ARENA_ARRAY(c->arena, const char *, c->nsubs + 1);
    uint32_t nd = 0;
    if (merged_value) distinct[nd++] = merged_value;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        if (!values[i]) continue;
        bool seen = false;
        for (uint32_t k = 0; k < nd; k++)
            seen |= !strcmp(distinct[k], values[i]);
        if (!seen) distinct[nd++] = values[i];
    }
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, message);
    const char **names = ARENA_ARRAY(c->arena, const char *, c->nsubs + 1);
    for (uint32_t k = 0; k < nd; k++) {
        uint32_t n = 0;
        for (uint32_t i = 0; i < c->nsubs; i++)
            if (values[i] && !strcmp(values[i], distinct[k])) names[n++] = c->subs[i].name;
        if (!n) continue;
        if (k) sbuf_puts(&b, k == 1 ? " but " : " and ");
        sbuf_printf(&b, "%s in %s", distinct[k], cm_subgraph_list(c, names, n));
    }
    compose_error(c, code, NULL, (src_loc){0, 0}, "%s", b.data);
    sbuf_free(&b);
}

static const char *value_text(arena *a, const ast_value *v)
{
    sbuf b;
    sbuf_init(&b);
    print_value(&b, v);
    const char *text = arena_strndup(a, b.data ? b.data : "", b.len);
    sbuf_free(&b);
    return text;
}

static bool same_value(arena *a, const ast_value *x, const ast_value *y)
{
    if (!x || !y) return x == y;
    return !strcmp(value_text(a, x), value_text(a, y));
}

const ast_value *cm_merge_default(compose_ctx *c, const ast_value *const *defaults,
                                  const bool *present)
{
    const ast_value *dest = NULL;
    bool seen = false, inconsistent = false, incompatible = false;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        if (!present[i]) continue;
        const ast_value *d = defaults[i];
        if (!dest) {
            if (seen && d) inconsistent = true;
            dest = d;
        } else if (!same_value(c->arena, dest, d)) {
            inconsistent = true;
            if (d) incompatible = true;
        }
        seen = true;
    }
    return !inconsistent || incompatible ? dest : NULL;
}
