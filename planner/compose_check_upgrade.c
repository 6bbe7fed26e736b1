/* compose_check_upgrade.c: the errors of Apollo's upgrade of Federation 1
 * subgraphs (the upgrade itself is compose_subgraph_fed1.c's): a type
 * extension needs a definition in some subgraph (EXTENSION_WITH_NO_BASE),
 * and a type whose fields were all unused @external cannot be dropped with
 * them while something refers to it (TYPE_WITH_ONLY_UNUSED_EXTERNAL). */
#include <string.h>

#include "compose_check_int.h"

static bool defined_elsewhere(const compose_ctx *c, const csub *s, const char *name)
{
    for (uint32_t i = 0; i < c->nsubs; i++) {
        if (&c->subs[i] == s) continue;
        const ctype *t = csub_type(&c->subs[i], name);
        if (t && t->has_definition && !t->extends) return true;
    }
    return false;
}

static void check_base(compose_ctx *c, const csub *s, const ctype *t)
{
    bool extension = t->extends || (t->has_extension && !t->has_definition);
    if (!extension || t->root >= 0 || defined_elsewhere(c, s, t->name)) return;
    compose_error(c, "EXTENSION_WITH_NO_BASE", s, t->m.loc,
                  "Type \"%s\" is an extension type, but there is no type definition for \"%s\" "
                  "in any subgraph.",
                  t->name, t->name);
}

void cc_check_upgrade(compose_ctx *c)
{
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const csub *s = &c->subs[i];
        if (s->fed2) continue;
        /* the dropped types too: Apollo checks extensions before dropping anything */
        for (uint32_t j = 0; j < s->ntypes; j++)
            check_base(c, s, &s->types[j]);
        for (uint32_t j = 0; j < s->ndropped; j++)
            check_base(c, s, &s->dropped[j]);
        for (uint32_t j = 0; j < s->ntypes; j++)
            if (s->types[j].only_unused_externals)
                compose_error(c, "TYPE_WITH_ONLY_UNUSED_EXTERNAL", s, s->types[j].m.loc,
                              "Type %s contains only external fields and all those fields are "
                              "all unused (they do not appear in any @key, @provides or "
                              "@requires).",
                              s->types[j].name);
    }
}
