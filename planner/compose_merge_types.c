/* compose_merge_types.c: merging type references (Apollo's mergeTypeReference
 * with its default subtyping rules) and the bookkeeping that goes with it:
 * how enums are used, and subgraph lists in messages. */
#include <string.h>

#include "compose_merge.h"
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

const char *cm_subgraph_list(compose_ctx *c, const char *const *names, uint32_t n)
{
    sbuf b;
    sbuf_init(&b);
    sbuf_puts(&b, n == 1 ? "subgraph " : "subgraphs ");
    for (uint32_t i = 0; i < n; i++) {
        if (i) sbuf_puts(&b, i + 1 == n ? " and " : ", ");
        sbuf_printf(&b, "\"%s\"", names[i]);
    }
    const char *text = arena_strndup(c->arena, b.data ? b.data : "", b.len);
    sbuf_free(&b);
    return text;
}
