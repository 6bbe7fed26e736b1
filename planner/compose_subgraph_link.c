/* compose_subgraph_link.c: which federation directives a subgraph can use and
 * under which names. A Federation 2 subgraph says so with
 * @link(url: ".../federation/v2.N", as:, import:) on `schema` or `extend
 * schema`: imported directives keep their name or take the import's `as:`,
 * the others are namespaced ("federation__key", or "<as>__key"). A subgraph
 * without that link is Federation 1: Apollo upgrades it to federation v2.4 with
 * the directives it always had, under their plain names. */
#include <stdlib.h>
#include <string.h>

#include "compose_int.h"

#define FED_URL_PREFIX "https://specs.apollo.dev/federation/v2."
/* Federation 1 subgraphs are upgraded to this v2 minor version (Apollo's
 * FEDERATION2_LINK_WITH_AUTO_EXPANDED_IMPORTS_UPGRADED). */
#define FED1_UPGRADE_MINOR 4

static const char *string_arg(const ast_directive *d, const char *name)
{
    const ast_argument *a = ast_find_argument(d->arguments, name);
    return a && a->value->kind == AST_VALUE_STRING ? a->value->str : NULL;
}

/* "@key" -> "key"; NULL for anything that is not a directive import. */
static const char *directive_import_name(const char *s)
{
    return s && s[0] == '@' && s[1] ? s + 1 : NULL;
}

static void set_name(csub *s, cfed_dir d, const char *local)
{
    s->dir_names[d] = local;
    strmap_put(&s->dir_by_local, local, (void *)(uintptr_t)(d + 1));
}

/* The import list of a federation @link: local names of imported directives. */
static void apply_imports(csub *s, const ast_directive *link)
{
    const ast_argument *imports = ast_find_argument(link->arguments, "import");
    if (!imports || imports->value->kind != AST_VALUE_LIST) return;
    for (const ast_value *v = imports->value->items; v; v = v->next) {
        const char *name = NULL, *as = NULL;
        if (v->kind == AST_VALUE_STRING) {
            name = as = directive_import_name(v->str);
        } else if (v->kind == AST_VALUE_OBJECT) {
            for (const ast_object_field *f = v->fields; f; f = f->next) {
                if (f->value->kind != AST_VALUE_STRING) continue;
                if (!strcmp(f->name, "name")) name = directive_import_name(f->value->str);
                if (!strcmp(f->name, "as")) as = directive_import_name(f->value->str);
            }
            if (!as) as = name;
        }
        if (!name || !as) continue;
        for (int d = 0; d < CFED_COUNT; d++)
            if (!strcmp(cfed_dir_names[d], name) && cfed_dir_since[d] <= s->fed_minor)
                set_name(s, (cfed_dir)d, as);
    }
}

/* Imported directives go by their imported name only; the others by the
 * namespaced one. */
static void link_federation(compose_ctx *c, csub *s, const ast_directive *link, const char *url)
{
    s->fed2 = true;
    s->fed_minor = (uint32_t)strtoul(url + strlen(FED_URL_PREFIX), NULL, 10);
    apply_imports(s, link);
    const char *as = string_arg(link, "as");
    const char *prefix = as ? as : "federation";
    for (int d = 0; d < CFED_COUNT; d++)
        if (cfed_dir_since[d] <= s->fed_minor && !s->dir_names[d])
            set_name(s, (cfed_dir)d, arena_sprintf(c->arena, "%s__%s", prefix, cfed_dir_names[d]));
}

void compose_read_links(compose_ctx *c, csub *s)
{
    strmap_init(&s->dir_by_local, c->arena, 32);
    for (const ast_definition *d = s->doc->definitions; d; d = d->next) {
        if (d->kind != AST_DEF_SCHEMA) continue;
        for (const ast_directive *dir = d->directives; dir; dir = dir->next) {
            if (strcmp(dir->name, "link")) continue;
            const char *url = string_arg(dir, "url");
            if (url && !strncmp(url, FED_URL_PREFIX, strlen(FED_URL_PREFIX)))
                link_federation(c, s, dir, url);
        }
    }
    if (s->fed2) return;
    s->fed_minor = FED1_UPGRADE_MINOR;
    static const cfed_dir fed1[] = {CFED_KEY,     CFED_REQUIRES, CFED_PROVIDES,    CFED_EXTERNAL,
                                    CFED_EXTENDS, CFED_TAG,      CFED_INACCESSIBLE};
    for (size_t i = 0; i < sizeof fed1 / sizeof *fed1; i++)
        set_name(s, fed1[i], cfed_dir_names[fed1[i]]);
}
