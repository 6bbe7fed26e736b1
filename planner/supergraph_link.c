/* supergraph_link.c: feature resolution. Reads the @link(url:, as:, for:,
 * import:) applications on the schema (or Federation 1's @core(feature:, as:,
 * for:)), checks that every feature the router must understand is one it
 * supports, and works out the names the join and inaccessible elements have
 * in this schema once `as:` and `import:` have renamed them. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "supergraph_impl.h"

#define SPECS "https://specs.apollo.dev/"

/* Features a router may be asked to honour (for: EXECUTION or SECURITY). */
static const char *const supported_features[] = {
    SPECS "core/v0.1",    SPECS "core/v0.2", SPECS "join/v0.1",         SPECS "join/v0.2",
    SPECS "join/v0.3",    SPECS "join/v0.4", SPECS "join/v0.5",         SPECS "tag/v0.1",
    SPECS "tag/v0.2",     SPECS "tag/v0.3",  SPECS "inaccessible/v0.1", SPECS "inaccessible/v0.2",
    SPECS "context/v0.1",
};

void sg_error(sg_loader *ld, src_loc loc, const char *code, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = arena_alloc(ld->arena, (size_t)n + 1);
    vsnprintf(msg, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    diag *d = diag_add(ld->errs, loc, "%s", msg);
    if (d) d->code = code;
}

bool sg_failed(const sg_loader *ld)
{
    return ld->errs->count > ld->errors_before;
}

const ast_value *sg_arg(const ast_directive *d, const char *name)
{
    const ast_argument *arg = ast_find_argument(d->arguments, name);
    return arg ? arg->value : NULL;
}

static const char *string_arg(const ast_directive *d, const char *name)
{
    const ast_value *v = sg_arg(d, name);
    return v && v->kind == AST_VALUE_STRING ? v->str : NULL;
}

/* "v0.3" -> 0, 3. */
static bool parse_version(const char *s, uint32_t *major, uint32_t *minor)
{
    if (*s++ != 'v') return false;
    char *end;
    if (*s < '0' || *s > '9') return false;
    unsigned long ma = strtoul(s, &end, 10);
    if (*end != '.' || end[1] < '0' || end[1] > '9') return false;
    unsigned long mi = strtoul(end + 1, &end, 10);
    if (*end != '\0' || ma > UINT32_MAX || mi > UINT32_MAX) return false;
    *major = (uint32_t)ma;
    *minor = (uint32_t)mi;
    return true;
}

/* "<scheme>://<host>/<path>/<name>/v<major>.<minor>" into f. */
static bool parse_url(arena *a, const char *url, sg_feature *f)
{
    const char *scheme_end = strstr(url, "://");
    const char *last = strrchr(url, '/');
    if (!scheme_end || !last || last < scheme_end + 3) return false;
    if (!parse_version(last + 1, &f->major, &f->minor)) return false;
    const char *name = last;
    while (name > scheme_end + 3 && name[-1] != '/')
        name--;
    if (name == last || name == scheme_end + 3) return false;
    f->url = url;
    f->identity = arena_strndup(a, url, (size_t)(last - url));
    f->name = arena_strndup(a, name, (size_t)(last - name));
    return true;
}

static bool feature_is(const sg_feature *f, const char *name)
{
    return strncmp(f->identity, SPECS, strlen(SPECS)) == 0 &&
           strcmp(f->identity + strlen(SPECS), name) == 0;
}

static const char *version_text(arena *a, const sg_feature *f)
{
    return arena_sprintf(a, "v%u.%u", f->major, f->minor);
}

static bool read_import(sg_loader *ld, const ast_value *v, sg_import *out)
{
    if (v->kind == AST_VALUE_STRING) {
        out->name = out->as = v->str;
        return true;
    }
    if (v->kind != AST_VALUE_OBJECT) return false;
    for (const ast_object_field *of = v->fields; of; of = of->next) {
        if (of->value->kind != AST_VALUE_STRING) return false;
        if (strcmp(of->name, "name") == 0)
            out->name = of->value->str;
        else if (strcmp(of->name, "as") == 0)
            out->as = of->value->str;
        else
            return false;
    }
    if (!out->name) return false;
    if (!out->as) out->as = out->name;
    if ((out->name[0] == '@') != (out->as[0] == '@')) {
        sg_error(ld, v->loc, "INVALID_LINK_DIRECTIVE_USAGE",
                 "Invalid @link import renaming \"%s\" to \"%s\": a directive must be imported "
                 "as a directive and a type as a type",
                 out->name, out->as);
    }
    return true;
}

static void read_imports(sg_loader *ld, const ast_directive *d, sg_feature *f)
{
    const ast_value *list = sg_arg(d, "import");
    if (!list || list->kind == AST_VALUE_NULL) return;
    uint32_t n = 0;
    if (list->kind == AST_VALUE_LIST) {
        for (const ast_value *it = list->items; it; it = it->next)
            n++;
    } else {
        n = 1; /* a lone item is coerced to a list */
    }
    f->imports = ARENA_ARRAY(ld->arena, sg_import, n);
    const ast_value *it = list->kind == AST_VALUE_LIST ? list->items : list;
    for (; it && f->nimports < n; it = list->kind == AST_VALUE_LIST ? it->next : NULL) {
        sg_import *imp = &f->imports[f->nimports];
        if (!read_import(ld, it, imp)) {
            sg_error(ld, it->loc, "INVALID_LINK_DIRECTIVE_USAGE",
                     "Invalid import in @%s(url: \"%s\"): expected a name or "
                     "{name: \"...\", as: \"...\"}",
                     d->name, f->url);
            continue;
        }
        f->nimports++;
    }
}

static void read_purpose(sg_loader *ld, const ast_directive *d, sg_feature *f)
{
    const ast_value *v = sg_arg(d, "for");
    if (!v || v->kind == AST_VALUE_NULL) return;
    if ((v->kind == AST_VALUE_ENUM || v->kind == AST_VALUE_STRING) &&
        (strcmp(v->str, "EXECUTION") == 0 || strcmp(v->str, "SECURITY") == 0)) {
        f->purpose = v->str;
        return;
    }
    sg_error(ld, v->loc, "INVALID_LINK_DIRECTIVE_USAGE",
             "Invalid for: in @%s(url: \"%s\"): expected EXECUTION or SECURITY", d->name, f->url);
}

/* The @link or @core application that links the link (or core) spec itself
 * tells which directive name the schema uses for linking. */
static const ast_directive *find_bootstrap(sg_loader *ld, const char **url_arg)
{
    const schema *s = ld->sg->full;
    for (uint32_t i = 0; i < s->nschema_directives; i++) {
        const ast_directive *d = s->schema_directives[i];
        const char *arg = sg_arg(d, "url") ? "url" : "feature";
        const char *url = string_arg(d, arg);
        sg_feature f = {0};
        if (!url || !parse_url(ld->arena, url, &f)) continue;
        const char *spec = strcmp(arg, "url") == 0 ? "link" : "core";
        if (!feature_is(&f, spec)) continue;
        const char *as = string_arg(d, "as");
        if (strcmp(d->name, as ? as : spec) == 0) {
            *url_arg = arg;
            return d;
        }
    }
    return NULL;
}

static bool read_feature(sg_loader *ld, const ast_directive *d, const char *url_arg, sg_feature *f)
{
    const char *url = string_arg(d, url_arg);
    f->loc = d->loc;
    if (!url) {
        sg_error(ld, d->loc, "INVALID_LINK_DIRECTIVE_USAGE", "@%s is missing its %s: argument",
                 d->name, url_arg);
        return false;
    }
    if (!parse_url(ld->arena, url, f)) {
        sg_error(ld, d->loc, "INVALID_LINK_IDENTIFIER",
                 "Invalid feature url \"%s\": expected <scheme>://<host>/<name>/v<major>.<minor>",
                 url);
        return false;
    }
    const char *as = string_arg(d, "as");
    f->prefix = as ? as : f->name;
    read_purpose(ld, d, f);
    read_imports(ld, d, f);
    return true;
}

static const sg_feature *find_feature(const supergraph *sg, const char *name)
{
    for (uint32_t i = 0; i < sg->nfeatures; i++)
        if (feature_is(&sg->features[i], name)) return &sg->features[i];
    return NULL;
}

static void check_link_version(sg_loader *ld, const sg_feature *f)
{
    bool known = feature_is(f, "link") ? f->major == 1 && f->minor == 0
                                       : f->major == 0 && (f->minor == 1 || f->minor == 2);
    if (!known)
        sg_error(ld, f->loc, "UNKNOWN_LINK_VERSION",
                 "Schema uses unknown version %s of the %s spec", version_text(ld->arena, f),
                 f->name);
}

static bool is_supported(arena *a, const sg_feature *f)
{
    const char *canonical = arena_sprintf(a, "%s/%s", f->identity, version_text(a, f));
    for (size_t i = 0; i < sizeof supported_features / sizeof *supported_features; i++)
        if (strcmp(canonical, supported_features[i]) == 0) return true;
    return false;
}

/* Apollo's rule: a feature the router must honour to execute or secure
 * queries correctly cannot be ignored, so an unknown one is fatal. */
static void check_support(sg_loader *ld, const sg_feature *core)
{
    const supergraph *sg = ld->sg;
    if (ld->any_feature) return;
    bool core_v01 = feature_is(core, "core") && core->minor == 1;
    for (uint32_t i = 0; i < sg->nfeatures; i++) {
        const sg_feature *f = &sg->features[i];
        if (!f->purpose) continue;
        if (core_v01) {
            sg_error(ld, f->loc, "UNSUPPORTED_LINKED_FEATURE",
                     "the `for:` argument is unsupported by version v0.1 of the core spec. Please "
                     "upgrade to at least @core v0.2 (https://specs.apollo.dev/core/v0.2).");
        } else if (!is_supported(ld->arena, f)) {
            sg_error(ld, f->loc, "UNSUPPORTED_LINKED_FEATURE",
                     "feature %s is for: %s but is unsupported", f->url, f->purpose);
        }
    }
}

/* Name in this schema of directive `element` of feature f. */
static const char *directive_name(arena *a, const sg_feature *f, const char *element)
{
    for (uint32_t i = 0; i < f->nimports; i++) {
        const sg_import *imp = &f->imports[i];
        if (imp->name[0] == '@' && strcmp(imp->name + 1, element) == 0) return imp->as + 1;
    }
    if (strcmp(element, f->name) == 0) return f->prefix;
    return arena_sprintf(a, "%s__%s", f->prefix, element);
}

static const char *type_name(arena *a, const sg_feature *f, const char *element)
{
    for (uint32_t i = 0; i < f->nimports; i++)
        if (strcmp(f->imports[i].name, element) == 0) return f->imports[i].as;
    return arena_sprintf(a, "%s__%s", f->prefix, element);
}

static bool check_join(sg_loader *ld)
{
    const sg_feature *join = find_feature(ld->sg, "join");
    if (!join) {
        sg_error(ld, (src_loc){0, 0}, "INVALID_FEDERATION_SUPERGRAPH",
                 "Invalid supergraph: must use the join spec");
        return false;
    }
    if (join->major != 0 || join->minor < 1 || join->minor > 5) {
        sg_error(ld, join->loc, "INVALID_FEDERATION_SUPERGRAPH",
                 "Invalid supergraph: uses unsupported join spec version %s (supported versions: "
                 "v0.5, v0.4, v0.3, v0.2, v0.1)",
                 version_text(ld->arena, join));
        return false;
    }
    ld->sg->join = join;
    ld->sg->fed1 = join->minor == 1;
    return true;
}

static void check_inaccessible(sg_loader *ld)
{
    const sg_feature *f = find_feature(ld->sg, "inaccessible");
    if (!f) return;
    if (f->major != 0 || (f->minor != 1 && f->minor != 2)) {
        sg_error(ld, f->loc, "INVALID_FEDERATION_SUPERGRAPH",
                 "Invalid supergraph: uses unsupported inaccessible spec version %s (supported "
                 "versions: v0.2, v0.1)",
                 version_text(ld->arena, f));
        return;
    }
    ld->names.inaccessible = directive_name(ld->arena, f, "inaccessible");
}

static void name_join_elements(sg_loader *ld)
{
    arena *a = ld->arena;
    const sg_feature *j = ld->sg->join;
    sg_names *n = &ld->names;
    n->graph_enum = type_name(a, j, "Graph");
    n->join_graph = directive_name(a, j, "graph");
    n->join_type = directive_name(a, j, "type");
    n->join_field = directive_name(a, j, "field");
    n->join_owner = directive_name(a, j, "owner");
    n->join_implements = directive_name(a, j, "implements");
    n->join_union_member = directive_name(a, j, "unionMember");
    n->join_enum_value = directive_name(a, j, "enumValue");
    n->join_directive = directive_name(a, j, "directive");
}

bool sg_link_resolve(sg_loader *ld)
{
    supergraph *sg = ld->sg;
    const char *url_arg = NULL;
    const ast_directive *boot = find_bootstrap(ld, &url_arg);
    if (!boot) {
        sg_error(ld, (src_loc){0, 0}, "INVALID_FEDERATION_SUPERGRAPH",
                 "Invalid supergraph: must be a core schema");
        return false;
    }
    const schema *s = sg->full;
    sg->features = ARENA_ARRAY(ld->arena, sg_feature, s->nschema_directives);
    const sg_feature *core = NULL;
    for (uint32_t i = 0; i < s->nschema_directives; i++) {
        const ast_directive *d = s->schema_directives[i];
        if (strcmp(d->name, boot->name) != 0) continue;
        sg_feature *f = &sg->features[sg->nfeatures];
        if (!read_feature(ld, d, url_arg, f)) continue;
        sg->nfeatures++;
        if (d == boot) core = f;
    }
    if (sg_failed(ld)) return false;
    /* versions first, like Apollo: a known feature at an unknown version is
     * reported as such rather than as unsupported */
    check_link_version(ld, core);
    if (sg_failed(ld) || !check_join(ld)) return false;
    check_inaccessible(ld);
    if (sg_failed(ld)) return false;
    check_support(ld, core);
    name_join_elements(ld);
    return !sg_failed(ld);
}

static bool has_prefix(const char *name, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(name, prefix, n) == 0 && name[n] == '_' && name[n + 1] == '_';
}

bool sg_link_owns(const supergraph *sg, const char *name, bool directive)
{
    for (uint32_t i = 0; i < sg->nfeatures; i++) {
        const sg_feature *f = &sg->features[i];
        if (has_prefix(name, f->prefix)) return true;
        if (directive && strcmp(name, f->prefix) == 0) return true;
        for (uint32_t k = 0; k < f->nimports; k++) {
            const char *as = f->imports[k].as;
            if (directive ? as[0] == '@' && strcmp(as + 1, name) == 0 : strcmp(as, name) == 0)
                return true;
        }
    }
    return false;
}
