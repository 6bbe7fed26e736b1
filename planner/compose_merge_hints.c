/* compose_merge_hints.c: the hints merging gives (Apollo's hint codes and
 * wording), for what composes but may not be what the subgraphs meant: an
 * element some subgraphs lack, a type or default that differs, an @override
 * left behind. They never change the supergraph. */
#include <string.h>

#include "compose_merge.h"

/* The subgraphs where in[i], as a message list. */
const char *cm_subgraph_names_where(compose_ctx *c, const bool *in)
{
    const char **names = ARENA_ARRAY(c->arena, const char *, c->nsubs + 1);
    uint32_t n = 0;
    for (uint32_t i = 0; i < c->nsubs; i++)
        if (in[i]) names[n++] = c->subs[i].name;
    return cm_subgraph_list(c, names, n);
}

void cm_hint_presence(compose_ctx *c, const char *code, const char *message, const bool *has,
                      const bool *lacks, const char *has_fmt, const char *lacks_fmt)
{
    bool any = false;
    for (uint32_t i = 0; i < c->nsubs; i++)
        any |= lacks[i];
    if (!any) return;
    const char *a = arena_sprintf(c->arena, has_fmt, cm_subgraph_names_where(c, has));
    const char *b = arena_sprintf(c->arena, lacks_fmt, cm_subgraph_names_where(c, lacks));
    compose_hint(c, code, NULL, (src_loc){0, 0}, "%s%s%s.", message, a, b);
}

void cm_hint_entity(compose_ctx *c, const cmtype *t)
{
    bool *keyed = ARENA_ARRAY(c->arena, bool, c->nsubs);
    bool *plain = ARENA_ARRAY(c->arena, bool, c->nsubs);
    bool any_key = false;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        if (!t->src[i]) continue;
        keyed[i] = t->src[i]->nkeys > 0;
        plain[i] = !keyed[i];
        any_key |= keyed[i];
    }
    if (!any_key) return;
    bool any_plain = false;
    for (uint32_t i = 0; i < c->nsubs; i++)
        any_plain |= plain[i];
    if (!any_plain) return;
    compose_hint(c, "INCONSISTENT_ENTITY", NULL, (src_loc){0, 0},
                 "Type \"%s\" is declared as an entity (has a @key applied) in some but not all "
                 "defining subgraphs: it has no @key in %s but has some @key in %s.",
                 t->name, cm_subgraph_names_where(c, plain), cm_subgraph_names_where(c, keyed));
}

static bool all_fields_external(const ctype *t)
{
    for (uint32_t f = 0; f < t->nfields; f++)
        if (!t->fields[f].external) return false;
    return true;
}

/* A field of a value type (no key anywhere) that some of its subgraphs lack;
 * a subgraph that only lists the type's fields as @external lacks nothing. */
void cm_hint_value_type_field(compose_ctx *c, const cmtype *t, const cmfield *f)
{
    bool *has = ARENA_ARRAY(c->arena, bool, c->nsubs);
    bool *lacks = ARENA_ARRAY(c->arena, bool, c->nsubs);
    bool missed = false;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const ctype *st = t->src[i];
        if (!st || st->interface_object) continue;
        if (st->nkeys) return;
        has[i] = f->src[i].field != NULL;
        lacks[i] = !has[i];
        missed |= lacks[i] && !all_fields_external(st);
    }
    if (!missed) return;
    bool object = t->kind == SCHEMA_OBJECT;
    const char *message = arena_sprintf(
        c->arena,
        "Field \"%s.%s\" of %s type \"%s\" is defined in some but not all subgraphs "
        "that define \"%s\": ",
        t->name, f->name, object ? "non-entity object" : "interface", t->name, t->name);
    const char *has_fmt = arena_sprintf(c->arena, "\"%s.%s\" is defined in %%s", t->name, f->name);
    cm_hint_presence(c,
                     object ? "INCONSISTENT_OBJECT_VALUE_TYPE_FIELD"
                            : "INCONSISTENT_INTERFACE_VALUE_TYPE_FIELD",
                     message, has, lacks, has_fmt, " but not in %s");
}

void cm_hint_compatible_types(compose_ctx *c, const char *what, const char *coordinate,
                              const ast_type *const *types, const ast_type *merged, bool input)
{
    const char *chosen = schema_type_ref_text(c->arena, merged);
    bool *same = ARENA_ARRAY(c->arena, bool, c->nsubs);
    for (uint32_t i = 0; i < c->nsubs; i++)
        same[i] = types[i] && schema_type_ref_equal(types[i], merged);
    char *others = arena_strdup(c->arena, "");
    bool *done = ARENA_ARRAY(c->arena, bool, c->nsubs);
    uint32_t groups = 0;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        if (!types[i] || same[i] || done[i]) continue;
        bool *group = ARENA_ARRAY(c->arena, bool, c->nsubs);
        for (uint32_t j = i; j < c->nsubs; j++)
            if (types[j] && !same[j] && schema_type_ref_equal(types[j], types[i]))
                group[j] = done[j] = true;
        others =
            arena_sprintf(c->arena, "%s%s%s \"%s\" in %s", others, groups++ ? " and " : "",
                          input ? "supertype" : "subtype", schema_type_ref_text(c->arena, types[i]),
                          cm_subgraph_names_where(c, group));
    }
    compose_hint(c,
                 strcmp(what, "argument") ? "INCONSISTENT_BUT_COMPATIBLE_FIELD_TYPE"
                                          : "INCONSISTENT_BUT_COMPATIBLE_ARGUMENT_TYPE",
                 NULL, (src_loc){0, 0},
                 "Type of %s \"%s\" is inconsistent but compatible across subgraphs: will use type "
                 "\"%s\" (from %s) in supergraph but \"%s\" has %s.",
                 what, coordinate, chosen, cm_subgraph_names_where(c, same), coordinate, others);
}
