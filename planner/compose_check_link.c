/* compose_check_link.c: Apollo's checks on a subgraph's @link to the
 * federation specification: a version Apollo knows (v2.0 to v2.14), and an
 * import: list naming only elements that version defines, each a string or
 * {name:, as:} with GraphQL names and matching '@' prefixes. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compose_check_int.h"

#define FED_URL "https://specs.apollo.dev/federation/v"

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

/* Plain Levenshtein distance (Apollo's suggestionList uses js-levenshtein). */
static size_t levenshtein(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (lb > 63) return lb; /* element names are short; a long input matches none */
    size_t row[64];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t corner = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = corner + (a[i - 1] != b[j - 1]);
            if (up + 1 < best) best = up + 1;
            if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
            row[j] = best;
            corner = up;
        }
    }
    return row[lb];
}

typedef struct suggestion {
    const char *name;
    size_t distance;
} suggestion;

static int by_distance(const void *x, const void *y)
{
    const suggestion *a = x, *b = y;
    if (a->distance != b->distance) return a->distance < b->distance ? -1 : 1;
    int c = strcasecmp(a->name, b->name);
    return c ? c : strcmp(a->name, b->name);
}

/* Apollo's suggestionList + didYouMean over the version's elements. */
static void did_you_mean(sbuf *b, const char *name, uint32_t minor)
{
    suggestion found[NFED_ELEMENTS];
    size_t n = 0, threshold = strlen(name) * 4 / 10 + 1;
    for (size_t i = 0; i < NFED_ELEMENTS; i++) {
        if (fed_elements[i].since > minor) continue;
        size_t d = strcasecmp(name, fed_elements[i].name) == 0
                       ? 1
                       : levenshtein(name, fed_elements[i].name);
        if (d <= threshold) found[n++] = (suggestion){fed_elements[i].name, d};
    }
    if (n == 0) return;
    qsort(found, n, sizeof *found, by_distance);
    if (n > 5) n = 5;
    sbuf_puts(b, " Did you mean ");
    for (size_t i = 0; i < n; i++) {
        if (i > 0) sbuf_puts(b, n == 2 ? " or " : i == n - 1 ? ", or " : ", ");
        sbuf_printf(b, "\"%s\"", found[i].name);
    }
    sbuf_putc(b, '?');
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
        did_you_mean(&b, name, minor);
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

void cc_check_links(compose_ctx *c, const csub *s)
{
    if (!s->doc) return;
    for (const ast_definition *def = s->doc->definitions; def; def = def->next) {
        if (def->kind != AST_DEF_SCHEMA) continue;
        for (const ast_directive *d = def->directives; d; d = d->next) {
            const char *url = strcmp(d->name, "link") == 0 ? string_value(cc_arg(d, "url")) : NULL;
            if (url && strncmp(url, FED_URL, strlen(FED_URL)) == 0)
                check_federation_link(c, s, d, url);
        }
    }
}
