/* compose_check_link.c: Apollo's checks on a subgraph's @link directives:
 * every url: names a feature and a version ("https://host/name/v1.2"); a
 * link to the link spec itself, in a subgraph without federation, is a
 * version Apollo knows (v1.0); and the link to the federation specification
 * has a version Apollo knows (v2.0 to v2.14) and an import: list naming only
 * elements that version defines, each a string or {name:, as:} with GraphQL
 * names and matching '@' prefixes. */
#include <stdlib.h>
#include <string.h>

#include "compose_check_int.h"

#define FED_URL "https://specs.apollo.dev/federation/v"
#define LINK_SPEC_URL "https://specs.apollo.dev/link/"

/* What each federation version defines, with the version it came in. */
static const struct fed_element {
    const char *name;
    uint8_t since;
} fed_elements[] = {
    {"@key", 0},
    {"@requires", 0},
    {"@provides", 0},
    {"@external", 0},
    {"@tag", 0},
    {"@extends", 0},
    {"@shareable", 0},
    {"@inaccessible", 0},
    {"@override", 0},
    {"@composeDirective", 1},
    {"@interfaceObject", 3},
    {"@authenticated", 5},
    {"@requiresScopes", 5},
    {"@policy", 6},
    {"@context", 8},
    {"@fromContext", 8},
    {"@cost", 9},
    {"@listSize", 9},
    {"@cacheTag", 12},
    {"FieldSet", 0},
    {"Scope", 5},
    {"Policy", 6},
    {"ContextFieldValue", 8},
};
#define NFED_ELEMENTS (sizeof fed_elements / sizeof *fed_elements)

static const char *string_value(const ast_value *v)
{
    return v && v->kind == AST_VALUE_STRING ? v->str : NULL;
}

/* Apollo's suggestions among the version's elements. */
static void did_you_mean(compose_ctx *c, sbuf *b, const char *name, uint32_t minor)
{
    const char *names[NFED_ELEMENTS];
    size_t n = 0;
    for (size_t i = 0; i < NFED_ELEMENTS; i++)
        if (fed_elements[i].since <= minor) names[n++] = fed_elements[i].name;
    cc_did_you_mean(c->arena, b, name, names, n);
}

static bool is_known(const char *name, uint32_t minor)
{
    for (size_t i = 0; i < NFED_ELEMENTS; i++)
        if (fed_elements[i].since <= minor && strcmp(fed_elements[i].name, name) == 0) return true;
    return false;
}

static void link_error(compose_ctx *c, const csub *s, const ast_directive *d, const char *msg)
{
    compose_error(c, "INVALID_LINK_DIRECTIVE_USAGE", s, d->loc, "%s", msg);
}

static void check_imported_name(compose_ctx *c, const csub *s, const ast_directive *d,
                                const char *name, uint32_t minor)
{
    if (is_known(name, minor)) return;
    sbuf b;
    sbuf_init(&b);
    sbuf_printf(&b, "Cannot import unknown element \"%s\".", name);
    const char *as_directive = arena_sprintf(c->arena, "@%s", name);
    if (name[0] != '@' && is_known(as_directive, minor))
        sbuf_printf(&b, " Did you mean directive \"%s\"?", as_directive);
    else
        did_you_mean(c, &b, name, minor);
    link_error(c, s, d, b.data);
    sbuf_free(&b);
}

/* /^@?[_A-Za-z][_0-9A-Za-z]*$/ */
static bool is_import_name(const char *s)
{
    if (*s == '@') s++;
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_')) return false;
    for (s++; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_' ||
              (*s >= '0' && *s <= '9')))
            return false;
    return true;
}

static void check_import_object(compose_ctx *c, const csub *s, const ast_directive *d,
                                const ast_value *v, uint32_t minor)
{
    const char *name = NULL, *as = NULL;
    for (const ast_object_field *f = v->fields; f; f = f->next) {
        bool is_name = strcmp(f->name, "name") == 0, is_as = strcmp(f->name, "as") == 0;
        if (!is_name && !is_as) return; /* Apollo's wording quotes the whole value: skipped */
        const char *str = string_value(f->value);
        if (!str || !is_import_name(str)) return;
        if (is_name) name = str;
        if (is_as) as = str;
    }
    if (!name) return;
    if (as && name[0] == '@' && as[0] != '@')
        link_error(c, s, d,
                   arena_sprintf(c->arena,
                                 "Invalid @link import renaming: directive \"%s\" imported name "
                                 "should start with a '@' character, but got \"%s\".",
                                 name, as));
    else if (as && name[0] != '@' && as[0] == '@')
        link_error(c, s, d,
                   arena_sprintf(c->arena,
                                 "Invalid @link import renaming: type \"%s\" imported name should "
                                 "not start with a '@' character, but got \"%s\" (or, if @%s is "
                                 "a directive, then it should be referred to with a '@').",
                                 name, as, name));
    check_imported_name(c, s, d, name, minor);
}

static void check_federation_link(compose_ctx *c, const csub *s, const ast_directive *d,
                                  const char *url)
{
    const char *version = url + strlen(FED_URL) - 1; /* "v2.9" */
    char *end;
    unsigned long major = strtoul(version + 1, &end, 10);
    unsigned long minor = *end == '.' ? strtoul(end + 1, &end, 10) : 0;
    if (major != 2 || minor > CC_FED_MAX_MINOR) {
        compose_error(c, "UNKNOWN_FEDERATION_LINK_VERSION", s, d->loc,
                      "Invalid version %s for the federation feature in @link directive on "
                      "schema",
                      version);
        return;
    }
    const ast_value *imports = cc_arg(d, "import");
    if (!imports || imports->kind != AST_VALUE_LIST) return;
    for (const ast_value *v = imports->items; v; v = v->next) {
        if (v->kind == AST_VALUE_STRING)
            check_imported_name(c, s, d, v->str, (uint32_t)minor);
        else if (v->kind == AST_VALUE_OBJECT)
            check_import_object(c, s, d, v, (uint32_t)minor);
    }
}

/* /^v(\d+)\.(\d+)$/ over [v, end) */
static bool is_version(const char *v, const char *end)
{
    const char *p = v + 1;
    if (v == end || *v != 'v') return false;
    const char *digits = p;
    while (p < end && *p >= '0' && *p <= '9')
        p++;
    if (p == digits || p == end || *p != '.') return false;
    digits = ++p;
    while (p < end && *p >= '0' && *p <= '9')
        p++;
    return p > digits && p == end;
}

/* The url as Apollo's URL parser prints it back: scheme and host lower-cased,
 * "/" for an empty path. */
static const char *normalized_url(arena *a, const char *url, const char *host, const char *path,
                                  const char *path_end)
{
    char *out =
        arena_sprintf(a, "%.*s%s%s", (int)(path - url), url, path == path_end ? "/" : "", path);
    for (char *p = out; p < out + (host - url) + (path - host); p++)
        if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
    return out;
}

/* INVALID_LINK_IDENTIFIER (Apollo's FeatureUrl.parse): false when the url is
 * not "scheme://host/.../name/vX.Y". A url that is no URL at all is left to
 * the other checks (Apollo fails on it without a code). */
static bool check_link_url(compose_ctx *c, const csub *s, const ast_directive *d, const char *url)
{
    const char *host = strstr(url, "://");
    if (!host) return true;
    host += 3;
    const char *path = host + strcspn(host, "/?#");
    const char *path_end = path + strcspn(path, "?#");
    const char *last = path_end;
    while (last > path && last[-1] != '/')
        last--;
    const char *message = NULL;
    if (path_end - path <= 1) {
        message = arena_sprintf(c->arena, "Missing path in feature url '%s'",
                                normalized_url(c->arena, url, host, path, path_end));
    } else if (last == path_end) {
        message = arena_sprintf(c->arena, "Missing version component in feature url '%s'",
                                normalized_url(c->arena, url, host, path, path_end));
    } else if (!is_version(last, path_end)) {
        message = arena_sprintf(c->arena, "Expected a version string (of the form v1.2), got %.*s",
                                (int)(path_end - last), last);
    } else if (last - path <= 1 || last[-2] == '/') {
        message = arena_sprintf(c->arena, "Missing feature name component in feature url '%s'",
                                normalized_url(c->arena, url, host, path, path_end));
    }
    if (message) compose_error(c, "INVALID_LINK_IDENTIFIER", s, d->loc, "%s", message);
    return message == NULL;
}

/* UNKNOWN_LINK_VERSION: a subgraph without federation may link the link spec
 * itself, but only at v1.0. */
static bool check_link_spec_version(compose_ctx *c, const csub *s, const ast_directive *d,
                                    const char *url)
{
    if (s->fed2 || strncmp(url, LINK_SPEC_URL, strlen(LINK_SPEC_URL))) return true;
    const char *version = url + strlen(LINK_SPEC_URL);
    if (!strcmp(version, "v1.0")) return true;
    compose_error(c, "UNKNOWN_LINK_VERSION", s, d->loc,
                  "Schema uses unknown version %s of the link spec", version);
    return false;
}

bool cc_check_links(compose_ctx *c, const csub *s)
{
    if (!s->doc) return true;
    for (const ast_definition *def = s->doc->definitions; def; def = def->next) {
        if (def->kind != AST_DEF_SCHEMA) continue;
        for (const ast_directive *d = def->directives; d; d = d->next) {
            const char *url = strcmp(d->name, "link") == 0 ? string_value(cc_arg(d, "url")) : NULL;
            if (!url) continue;
            if (!check_link_url(c, s, d, url) || !check_link_spec_version(c, s, d, url))
                return false;
        }
    }
    for (const ast_definition *def = s->doc->definitions; def; def = def->next) {
        if (def->kind != AST_DEF_SCHEMA) continue;
        for (const ast_directive *d = def->directives; d; d = d->next) {
            const char *url = strcmp(d->name, "link") == 0 ? string_value(cc_arg(d, "url")) : NULL;
            if (url && strncmp(url, FED_URL, strlen(FED_URL)) == 0)
                check_federation_link(c, s, d, url);
        }
    }
    return true;
}
