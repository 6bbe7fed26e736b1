/* compose_merge_enum.c: enum values and union members. An enum only used as
 * an output keeps every value any subgraph has (a client just sees more
 * values); one only used as an input keeps the values every subgraph has (a
 * subgraph must understand what it is sent); one used as both must agree
 * everywhere (Apollo's ENUM_VALUE_MISMATCH). */
#include <string.h>

#include "compose_merge.h"

static cmvalue *value_slot(compose_ctx *c, cmtype *t, const char *name)
{
    for (uint32_t i = 0; i < t->nvalues; i++)
        if (!strcmp(t->values[i].name, name)) return &t->values[i];
    cmvalue *v = &t->values[t->nvalues++];
    v->name = name;
    v->in = ARENA_ARRAY(c->arena, bool, c->nsubs);
    return v;
}

/* The subgraphs that define the enum but not the value, as a message list. */
static const char *missing_in(compose_ctx *c, const cmtype *t, const cmvalue *v)
{
    const char **names = ARENA_ARRAY(c->arena, const char *, c->nsubs);
    uint32_t n = 0;
    for (uint32_t i = 0; i < c->nsubs; i++)
        if (t->src[i] && !v->in[i]) names[n++] = c->subs[i].name;
    return cm_subgraph_list(c, names, n);
}

static const char *defined_in(compose_ctx *c, const cmtype *t, const cmvalue *v)
{
    const char **names = ARENA_ARRAY(c->arena, const char *, c->nsubs);
    uint32_t n = 0;
    for (uint32_t i = 0; i < c->nsubs; i++)
        if (t->src[i] && v->in[i]) names[n++] = c->subs[i].name;
    return cm_subgraph_list(c, names, n);
}

void cm_merge_enum(compose_ctx *c, cmtype *t)
{
    if (!t->enum_usage)
        compose_hint(c, "UNUSED_ENUM_TYPE", NULL, (src_loc){0, 0},
                     "Enum type \"%s\" is defined but unused. It will be included in the "
                     "supergraph with all the values appearing in any subgraph (\"as if\" it was "
                     "only used as an output type).",
                     t->name);
    uint32_t cap = 0;
    for (uint32_t i = 0; i < c->nsubs; i++)
        if (t->src[i]) cap += t->src[i]->nvalues;
    t->values = ARENA_ARRAY(c->arena, cmvalue, cap + 1);
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const ctype *st = t->src[i];
        if (!st) continue;
        for (uint32_t k = 0; k < st->nvalues; k++) {
            cmvalue *v = value_slot(c, t, st->values[k].name);
            v->in[i] = true;
            cm_meta_add(c, &v->m, &st->values[k].m);
        }
    }
    const char **descs = ARENA_ARRAY(c->arena, const char *, c->nsubs);
    for (uint32_t k = 0; k < t->nvalues; k++) {
        cmvalue *v = &t->values[k];
        for (uint32_t i = 0; i < c->nsubs; i++) {
            const ctype *st = t->src[i];
            descs[i] = NULL;
            for (uint32_t j = 0; st && j < st->nvalues; j++)
                if (!strcmp(st->values[j].name, v->name)) descs[i] = st->values[j].m.description;
        }
        v->m.description =
            cm_merge_description(c, arena_sprintf(c->arena, "%s.%s", t->name, v->name), descs);
    }
    uint32_t kept = 0;
    for (uint32_t k = 0; k < t->nvalues; k++) {
        cmvalue *v = &t->values[k];
        bool everywhere = true;
        for (uint32_t i = 0; i < c->nsubs; i++)
            everywhere &= !t->src[i] || v->in[i];
        if (v->m.inaccessible) everywhere = true; /* hidden from clients: no conflict */
        if (!everywhere && t->enum_usage == (CM_USED_INPUT | CM_USED_OUTPUT)) {
            compose_error(c, "ENUM_VALUE_MISMATCH", NULL, (src_loc){0, 0},
                          "Enum type \"%s\" is used as both input type (for example, as type of "
                          "\"%s\") and output type (for example, as type of \"%s\"), but value "
                          "\"%s\" is not defined in all the subgraphs defining \"%s\": \"%s\" "
                          "is defined in %s but not in %s",
                          t->name, t->enum_input_example, t->enum_output_example, v->name, t->name,
                          v->name, defined_in(c, t, v), missing_in(c, t, v));
        }
        if (!everywhere && t->enum_usage == CM_USED_INPUT) {
            compose_hint(c, "INCONSISTENT_ENUM_VALUE_FOR_INPUT_ENUM", NULL, (src_loc){0, 0},
                         "Value \"%s\" of enum type \"%s\" will not be part of the supergraph as "
                         "it is not defined in all the subgraphs defining \"%s\": \"%s\" is "
                         "defined in %s but not in %s.",
                         v->name, t->name, t->name, v->name, defined_in(c, t, v),
                         missing_in(c, t, v));
            continue;
        }
        if (!everywhere && !(t->enum_usage & CM_USED_INPUT))
            compose_hint(c, "INCONSISTENT_ENUM_VALUE_FOR_OUTPUT_ENUM", NULL, (src_loc){0, 0},
                         "Value \"%s\" of enum type \"%s\" has been added to the supergraph but "
                         "is only defined in a subset of the subgraphs defining \"%s\": \"%s\" is "
                         "defined in %s but not in %s.",
                         v->name, t->name, t->name, v->name, defined_in(c, t, v),
                         missing_in(c, t, v));
        t->values[kept++] = *v;
    }
    t->nvalues = kept;
}

static bool has_member(const ctype *st, const char *name)
{
    for (uint32_t k = 0; k < st->nmembers; k++)
        if (!strcmp(st->members[k].name, name)) return true;
    return false;
}

static void hint_member(compose_ctx *c, const cmtype *t, const char *member)
{
    bool *has = ARENA_ARRAY(c->arena, bool, c->nsubs);
    bool *lacks = ARENA_ARRAY(c->arena, bool, c->nsubs);
    for (uint32_t i = 0; i < c->nsubs; i++) {
        if (!t->src[i]) continue;
        has[i] = has_member(t->src[i], member);
        lacks[i] = !has[i];
    }
    cm_hint_presence(c, "INCONSISTENT_UNION_MEMBER",
                     arena_sprintf(c->arena,
                                   "Union type \"%s\" includes member type \"%s\" in some but not "
                                   "all defining subgraphs: ",
                                   t->name, member),
                     has, lacks, arena_sprintf(c->arena, "\"%s\" is defined in %%s", member),
                     " but not in %s");
}

void cm_merge_union(compose_ctx *c, cmtype *t)
{
    uint32_t cap = 0;
    for (uint32_t i = 0; i < c->nsubs; i++)
        if (t->src[i]) cap += t->src[i]->nmembers;
    t->members = ARENA_ARRAY(c->arena, cname, cap + 1);
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const ctype *st = t->src[i];
        if (!st) continue;
        for (uint32_t k = 0; k < st->nmembers; k++) {
            bool seen = false;
            for (uint32_t m = 0; m < t->nmembers; m++)
                seen |= !strcmp(t->members[m].name, st->members[k].name);
            if (!seen) t->members[t->nmembers++] = st->members[k];
        }
    }
    for (uint32_t m = 0; m < t->nmembers; m++)
        hint_member(c, t, t->members[m].name);
}
