/* compose_diag.c: composition's shared tables and helpers: the federation
 * directive names, errors and hints with Apollo's codes, and look-ups over the
 * model (compose_int.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose_int.h"

const char *const cfed_dir_names[CFED_COUNT] = {
    [CFED_KEY] = "key",
    [CFED_REQUIRES] = "requires",
    [CFED_PROVIDES] = "provides",
    [CFED_EXTERNAL] = "external",
    [CFED_SHAREABLE] = "shareable",
    [CFED_EXTENDS] = "extends",
    [CFED_OVERRIDE] = "override",
    [CFED_INACCESSIBLE] = "inaccessible",
    [CFED_TAG] = "tag",
    [CFED_INTERFACE_OBJECT] = "interfaceObject",
    [CFED_COMPOSE_DIRECTIVE] = "composeDirective",
    [CFED_CONTEXT] = "context",
    [CFED_FROM_CONTEXT] = "fromContext",
    [CFED_AUTHENTICATED] = "authenticated",
    [CFED_REQUIRES_SCOPES] = "requiresScopes",
    [CFED_POLICY] = "policy",
    [CFED_COST] = "cost",
    [CFED_LIST_SIZE] = "listSize",
};

const uint8_t cfed_dir_since[CFED_COUNT] = {
    [CFED_COMPOSE_DIRECTIVE] = 1,
    [CFED_INTERFACE_OBJECT] = 3,
    [CFED_AUTHENTICATED] = 5,
    [CFED_REQUIRES_SCOPES] = 5,
    [CFED_POLICY] = 6,
    [CFED_CONTEXT] = 8,
    [CFED_FROM_CONTEXT] = 8,
    [CFED_COST] = 9,
    [CFED_LIST_SIZE] = 9,
};

static diag *compose_vadd(diag_list *list, const char *code, const csub *where, src_loc loc,
                          const char *fmt, va_list ap)
{
    char message[2048];
    vsnprintf(message, sizeof message, fmt, ap);
    diag *e = where ? diag_add(list, loc, "[%s] %s", where->name, message)
                    : diag_add(list, loc, "%s", message);
    if (e) {
        e->code = code;
        diag_source(e, where ? where->name : NULL);
    }
    return e;
}

diag *compose_error(compose_ctx *c, const char *code, const csub *where, src_loc loc,
                    const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag *e = compose_vadd(c->errors, code, where, loc, fmt, ap);
    va_end(ap);
    return e;
}

diag *compose_error_in(compose_ctx *c, const char *code, const csub *where, src_loc loc,
                       const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag *e = compose_vadd(c->errors, code, NULL, loc, fmt, ap);
    va_end(ap);
    diag_source(e, where ? where->name : NULL);
    return e;
}

diag *compose_hint(compose_ctx *c, const char *code, const csub *where, src_loc loc,
                   const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag *e = compose_vadd(c->hints, code, NULL, loc, fmt, ap);
    va_end(ap);
    diag_source(e, where ? where->name : NULL);
    return e;
}

bool compose_is_access_control(const char *name)
{
    return !strcmp(name, "authenticated") || !strcmp(name, "requiresScopes") ||
           !strcmp(name, "policy");
}

const ctype *csub_type(const csub *s, const char *name)
{
    return strmap_get(&s->type_map, name);
}

const cfield *ctype_field(const ctype *t, const char *name)
{
    return strmap_get(&t->field_map, name);
}

cmtype *cmerged_type(const cmerged *m, const char *name)
{
    return strmap_get(&m->type_map, name);
}

cfed_dir csub_fed_dir(const csub *s, const char *local_name)
{
    void *v = strmap_get(&s->dir_by_local, local_name);
    return v ? (cfed_dir)((uintptr_t)v - 1) : CFED_COUNT;
}

const char *compose_feature_identity(arena *a, const char *url, uint32_t *major, uint32_t *minor)
{
    const char *slash = strrchr(url, '/');
    *major = *minor = 0;
    if (!slash) return url;
    if (slash[1] == 'v') {
        char *end;
        *major = (uint32_t)strtoul(slash + 2, &end, 10);
        if (*end == '.') *minor = (uint32_t)strtoul(end + 1, NULL, 10);
    }
    return arena_strndup(a, url, (size_t)(slash - url));
}

const char *csub_link_url(arena *a, const csub *s, const char *identity)
{
    for (const ast_definition *d = s->doc ? s->doc->definitions : NULL; d; d = d->next) {
        if (d->kind != AST_DEF_SCHEMA) continue;
        for (const ast_directive *dir = d->directives; dir; dir = dir->next) {
            const ast_argument *url = ast_find_argument(dir->arguments, "url");
            uint32_t major, minor;
            if (strcmp(dir->name, "link") || !url || url->value->kind != AST_VALUE_STRING) continue;
            if (!strcmp(compose_feature_identity(a, url->value->str, &major, &minor), identity))
                return url->value->str;
        }
    }
    return NULL;
}
