/* compose_check_compose_directive.c: DIRECTIVE_COMPOSITION_ERROR, Apollo's
 * rules on @composeDirective(name:) as it prepares the supergraph. The name
 * is "@" and a directive the subgraph defines, which a @link imports from a
 * feature other than federation's (federation directives the supergraph
 * keeps anyway only earn a DIRECTIVE_COMPOSITION_INFO hint). Across
 * subgraphs, a feature composed from is linked at one major version (a
 * mismatch elsewhere only earns a hint), and a composed name stands for the
 * same directive of the same feature. */
#include <string.h>

#include "compose_check_int.h"

/* Federation directives the supergraph keeps without being asked. */
static const cfed_dir composed_by_default[] = {
    CFED_TAG,    CFED_INACCESSIBLE, CFED_AUTHENTICATED, CFED_REQUIRES_SCOPES,
    CFED_POLICY, CFED_CONTEXT,
};

/* One directive a subgraph composes. */
typedef struct composed_item {
    const csub *s;
    const char *name;      /* in the subgraph, without '@' */
    const char *identity;  /* the feature's url without its version */
    const char *spec_name; /* its name in the feature */
    uint32_t major;
} composed_item;

static bool composed_by_default_dir(cfed_dir d)
{
    for (size_t i = 0; i < sizeof composed_by_default / sizeof *composed_by_default; i++)
        if (composed_by_default[i] == d) return true;
    return false;
}

/* The @link url:s of the subgraph's schema, in order; *n set. */
static const char **link_urls(compose_ctx *c, const csub *s, uint32_t *n)
{
    uint32_t cap = 0;
    for (const ast_definition *d = s->doc->definitions; d; d = d->next)
        if (d->kind == AST_DEF_SCHEMA)
            for (const ast_directive *dir = d->directives; dir; dir = dir->next)
                cap++;
    const char **urls = ARENA_ARRAY(c->arena, const char *, cap + 1);
    *n = 0;
    for (const ast_definition *d = s->doc->definitions; d; d = d->next) {
        if (d->kind != AST_DEF_SCHEMA) continue;
        for (const ast_directive *dir = d->directives; dir; dir = dir->next) {
            const ast_value *url = strcmp(dir->name, "link") ? NULL : cc_arg(dir, "url");
            if (url && url->kind == AST_VALUE_STRING) urls[(*n)++] = url->str;
        }
    }
    return urls;
}

/* "<feature>__name": a namespaced element of a feature the subgraph links. */
static bool namespaced_by_link(compose_ctx *c, const csub *s, const char *name)
{
    const char *sep = strstr(name, "__");
    if (!sep || sep == name) return false;
    uint32_t n;
    const char **urls = link_urls(c, s, &n);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t major, minor;
        const char *identity = compose_feature_identity(c->arena, urls[i], &major, &minor);
        const char *feature = strrchr(identity, '/');
        if (feature && strlen(feature + 1) == (size_t)(sep - name) &&
            !strncmp(feature + 1, name, (size_t)(sep - name)))
            return true;
    }
    return false;
}

/* The directives the subgraph can name: its own and federation's, and @link. */
static void not_found(compose_ctx *c, const csub *s, const ast_directive *at, const char *name)
{
    const char **options = ARENA_ARRAY(c->arena, const char *, s->ndirectives + CFED_COUNT + 2);
    size_t n = 0;
    for (uint32_t i = 0; i < s->ndirectives; i++)
        options[n++] = arena_sprintf(c->arena, "@%s", s->directives[i].name);
    for (int d = 0; d < CFED_COUNT; d++)
        if (s->dir_names[d]) options[n++] = arena_sprintf(c->arena, "@%s", s->dir_names[d]);
    if (s->fed2) options[n++] = "@link";
    sbuf b;
    sbuf_init(&b);
    cc_did_you_mean(c->arena, &b, arena_sprintf(c->arena, "@%s", name), options, n);
    compose_error_in(c, "DIRECTIVE_COMPOSITION_ERROR", s, at->loc,
                     "Could not find matching directive definition for argument to "
                     "@composeDirective \"@%s\" in subgraph \"%s\".%s",
                     name, s->name, b.data ? b.data : "");
    sbuf_free(&b);
}

/* One @composeDirective application; a directive to compose goes to items. */
static void check_application(compose_ctx *c, const csub *s, const ast_directive *at,
                              composed_item *items, uint32_t *nitems)
{
    const ast_value *v = cc_arg(at, "name");
    const char *arg = v && v->kind == AST_VALUE_STRING ? v->str : NULL;
    if (!arg || !arg[0]) {
        compose_error_in(c, "DIRECTIVE_COMPOSITION_ERROR", s, at->loc,
                         "Argument to @composeDirective in subgraph \"%s\" cannot be NULL or an "
                         "empty String",
                         s->name);
        return;
    }
    if (arg[0] != '@') {
        compose_error_in(c, "DIRECTIVE_COMPOSITION_ERROR", s, at->loc,
                         "Argument to @composeDirective \"%s\" in subgraph \"%s\" must have a "
                         "leading \"@\"",
                         arg, s->name);
        return;
    }
    const char *name = arg + 1;
    cfed_dir fed = csub_fed_dir(s, name);
    if (fed != CFED_COUNT && composed_by_default_dir(fed)) {
        compose_hint(c, "DIRECTIVE_COMPOSITION_INFO", s, at->loc,
                     "Directive \"%s\" should not be explicitly manually composed since it is a "
                     "federation directive composed by default",
                     arg);
        return;
    }
    if (fed != CFED_COUNT || (s->fed2 && !strcmp(name, "link"))) {
        compose_error_in(c, "DIRECTIVE_COMPOSITION_ERROR", s, at->loc,
                         "Composing federation directive \"%s\" in subgraph \"%s\" is not "
                         "supported",
                         arg, s->name);
        return;
    }
    const cdirective *cd = strmap_get(&s->directive_map, name);
    if (!cd) {
        not_found(c, s, at, name);
        return;
    }
    if (cd->link_url) {
        composed_item *item = &items[(*nitems)++];
        *item = (composed_item){s, name, NULL, cd->link_name, 0};
        uint32_t minor;
        item->identity = compose_feature_identity(c->arena, cd->link_url, &item->major, &minor);
        return;
    }
    if (namespaced_by_link(c, s, name)) return;
    compose_error_in(c, "DIRECTIVE_COMPOSITION_ERROR", s, at->loc,
                     "Directive \"@%s\" in subgraph \"%s\" cannot be composed because it is not "
                     "a member of a core feature",
                     name, s->name);
}

/* A feature linked by a subgraph: which, at which major version. */
typedef struct linked_feature {
    const csub *s;
    const char *identity;
    uint32_t major;
} linked_feature;

static bool composes_from(const composed_item *items, uint32_t n, const csub *s,
                          const char *identity)
{
    for (uint32_t i = 0; i < n; i++)
        if (items[i].s == s && !strcmp(items[i].identity, identity)) return true;
    return false;
}

/* Every feature each subgraph links, the first link of each identity only. */
static linked_feature *linked_features(compose_ctx *c, uint32_t *count)
{
    uint32_t cap = 0;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        uint32_t n;
        link_urls(c, &c->subs[i], &n);
        cap += n;
    }
    linked_feature *out = ARENA_ARRAY(c->arena, linked_feature, cap + 1);
    *count = 0;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        uint32_t n, first = *count;
        const char **urls = link_urls(c, &c->subs[i], &n);
        for (uint32_t k = 0; k < n; k++) {
            linked_feature f = {&c->subs[i], NULL, 0};
            uint32_t minor;
            f.identity = compose_feature_identity(c->arena, urls[k], &f.major, &minor);
            bool seen = false;
            for (uint32_t j = first; j < *count && !seen; j++)
                seen = !strcmp(out[j].identity, f.identity);
            if (!seen) out[(*count)++] = f;
        }
    }
    return out;
}

/* Apollo's getLatestIfCompatible over the subgraphs linking one feature: two
 * that compose from it at different major versions are an error; a major
 * version mismatch otherwise is worth a hint. */
static void check_feature_versions(compose_ctx *c, const linked_feature *features, uint32_t n,
                                   const char *identity, const composed_item *items,
                                   uint32_t nitems)
{
    const linked_feature *latest = NULL;
    bool latest_composed = false, hinted = false;
    for (uint32_t i = 0; i < n; i++) {
        const linked_feature *f = &features[i];
        if (strcmp(f->identity, identity)) continue;
        bool composed = composes_from(items, nitems, f->s, identity);
        if (latest && latest->major != f->major) {
            if (latest_composed && composed) {
                compose_error(c, "DIRECTIVE_COMPOSITION_ERROR", NULL, (src_loc){0, 0},
                              "Core feature \"%s\" requested to be merged has major version "
                              "mismatch across subgraphs",
                              identity);
                return;
            }
            if (!hinted)
                compose_hint(c, "DIRECTIVE_COMPOSITION_INFO", NULL, (src_loc){0, 0},
                             "Non-composed core feature \"%s\" has major version mismatch across "
                             "subgraphs",
                             identity);
            hinted = true;
            if (latest_composed) continue;
        } else if (latest && (latest_composed || !composed)) {
            continue; /* the version kept does not matter here, only its major */
        }
        latest = f;
        latest_composed = composed;
    }
}

static void check_majors(compose_ctx *c, const composed_item *items, uint32_t nitems)
{
    uint32_t n;
    const linked_feature *features = linked_features(c, &n);
    for (uint32_t i = 0; i < n; i++) {
        bool first = true;
        for (uint32_t k = 0; k < i && first; k++)
            first = strcmp(features[k].identity, features[i].identity) != 0;
        if (first) check_feature_versions(c, features, n, features[i].identity, items, nitems);
    }
}

/* A composed name stands for one directive of one feature everywhere. */
static void check_names(compose_ctx *c, const composed_item *items, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        bool first = true, other_directive = false, other_feature = false;
        for (uint32_t k = 0; k < i && first; k++)
            first = strcmp(items[k].name, items[i].name) != 0;
        if (!first) continue;
        for (uint32_t k = i + 1; k < n; k++) {
            if (strcmp(items[k].name, items[i].name)) continue;
            other_directive |= strcmp(items[k].spec_name, items[i].spec_name) != 0;
            other_feature |= strcmp(items[k].identity, items[i].identity) != 0;
        }
        if (other_directive)
            compose_error(c, "DIRECTIVE_COMPOSITION_ERROR", NULL, (src_loc){0, 0},
                          "Composed directive \"@%s\" does not refer to the same directive in "
                          "every subgraph",
                          items[i].name);
        if (other_feature)
            compose_error(c, "DIRECTIVE_COMPOSITION_ERROR", NULL, (src_loc){0, 0},
                          "Composed directive \"@%s\" is not linked by the same core feature in "
                          "every subgraph",
                          items[i].name);
    }
}

void cc_check_compose_directives(compose_ctx *c)
{
    uint32_t cap = 0;
    for (uint32_t i = 0; i < c->nsubs; i++)
        for (const ast_definition *d = c->subs[i].doc->definitions; d; d = d->next)
            if (d->kind == AST_DEF_SCHEMA)
                for (const ast_directive *dir = d->directives; dir; dir = dir->next)
                    cap++;
    composed_item *items = ARENA_ARRAY(c->arena, composed_item, cap + 1);
    uint32_t n = 0;
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const csub *s = &c->subs[i];
        for (const ast_definition *d = s->doc->definitions; d; d = d->next) {
            if (d->kind != AST_DEF_SCHEMA) continue;
            for (const ast_directive *dir = d->directives; dir; dir = dir->next)
                if (csub_fed_dir(s, dir->name) == CFED_COMPOSE_DIRECTIVE)
                    check_application(c, s, dir, items, &n);
        }
    }
    check_majors(c, items, n);
    check_names(c, items, n);
}
