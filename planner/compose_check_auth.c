/* compose_check_auth.c: Apollo's rule on the authorization directives of a
 * Federation 2 subgraph: @authenticated, @requiresScopes and @policy may not
 * stand on an interface, an interface field or an @interfaceObject type
 * (AUTH_REQUIREMENTS_APPLIED_ON_INTERFACE); the requirements belong on the
 * object types that resolve the data. */
#include <string.h>

#include "compose_check_int.h"

static const cfed_dir auth_directives[] = {CFED_AUTHENTICATED, CFED_REQUIRES_SCOPES, CFED_POLICY};

static bool applies(const cmeta *m, const char *name)
{
    for (uint32_t k = 0; k < m->napplied; k++)
        if (strcmp(m->applied[k].dir->name, name) == 0) return true;
    return false;
}

static void report(compose_ctx *c, const csub *s, const char *name, const char *kind,
                   const char *coord, src_loc loc)
{
    compose_error(c, "AUTH_REQUIREMENTS_APPLIED_ON_INTERFACE", s, loc,
                  "Invalid use of @%s on %s \"%s\": @%s cannot be applied on interfaces, "
                  "interface fields and interface objects",
                  name, kind, coord, name);
}

void cc_check_auth(compose_ctx *c, const csub *s)
{
    if (!s->fed2) return;
    for (size_t d = 0; d < sizeof auth_directives / sizeof *auth_directives; d++) {
        const char *name = s->dir_names[auth_directives[d]];
        if (!name) continue;
        for (uint32_t i = 0; i < s->ntypes; i++) {
            const ctype *t = &s->types[i];
            bool itf = t->kind == SCHEMA_INTERFACE;
            if ((itf || t->interface_object) && applies(&t->m, name))
                report(c, s, name, itf ? "interface" : "interface object", t->name, t->m.loc);
            if (!itf) continue;
            for (uint32_t j = 0; j < t->nfields; j++)
                if (applies(&t->fields[j].m, name))
                    report(c, s, name, "field", cc_coord(c->arena, t, &t->fields[j]),
                           t->fields[j].m.loc);
        }
    }
}
