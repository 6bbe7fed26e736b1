/* compose_subgraph.c: reads one subgraph's SDL into the composition model
 * (csub, compose_int.h). Definitions and `extend` blocks of a type become one
 * ctype; federation directives, recognised under their local names, become
 * flags and data (keys, @external, @requires, ...); the directives that pass
 * through to the supergraph are kept as written; root types are renamed to
 * Query/Mutation/Subscription; federation's own types and fields (_Any,
 * _entities, ...) are left out, as Apollo leaves them out of merging.
 * Federation 1 rules are applied in compose_subgraph_fed1.c. */
#include <string.h>

#include "compose_int.h"
#include "parser.h"

/* The nesting limit for field sets and SDL (a subgraph is trusted input, yet
 * it comes over the network). */
#define READ_MAX_DEPTH 128

/* Capacities counted over a type's definitions before its arrays are made. */
typedef struct type_caps {
    uint32_t fields, interfaces, members, values, keys;
} type_caps;

static const char *const root_default_names[3] = {"Query", "Mutation", "Subscription"};

static bool is_type_definition(const ast_definition *d)
{
    return d->kind >= AST_DEF_SCALAR && d->kind <= AST_DEF_INPUT_OBJECT;
}

static schema_kind kind_of(ast_def_kind k)
{
    switch (k) {
    case AST_DEF_OBJECT:
        return SCHEMA_OBJECT;
    case AST_DEF_INTERFACE:
        return SCHEMA_INTERFACE;
    case AST_DEF_UNION:
        return SCHEMA_UNION;
    case AST_DEF_ENUM:
        return SCHEMA_ENUM;
    case AST_DEF_INPUT_OBJECT:
        return SCHEMA_INPUT_OBJECT;
    default:
        return SCHEMA_SCALAR;
    }
}

/* Federation's and link's own types are not merged (Apollo's isMergedType). */
static bool is_federation_type(const char *name)
{
    static const char *const names[] = {"_Any",
                                        "_Entity",
                                        "_Service",
                                        "_FieldSet",
                                        "FieldSet",
                                        "link__Import",
                                        "link__Purpose",
                                        "link__FieldSet",
                                        "federation__FieldSet",
                                        "federation__Scope",
                                        "federation__Policy",
                                        "federation__ContextFieldValue",
                                        "Scope",
                                        "Policy",
                                        "ContextFieldValue"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (!strcmp(names[i], name)) return true;
    return !strncmp(name, "federation__", 12) || !strncmp(name, "link__", 6);
}

static const char *string_arg(const ast_directive *d, const char *name)
{
    const ast_argument *a = ast_find_argument(d->arguments, name);
    return a && a->value->kind == AST_VALUE_STRING ? a->value->str : NULL;
}

/* The name a type has in the supergraph: root types take the default names. */
static const char *merged_name(const csub *s, const char *name)
{
    for (int op = 0; op < 3; op++)
        if (s->root_names[op] && !strcmp(s->root_names[op], name)) return root_default_names[op];
    return name;
}

static void read_roots(csub *s)
{
    for (const ast_definition *d = s->doc->definitions; d; d = d->next) {
        if (d->kind != AST_DEF_SCHEMA) continue;
        for (const ast_root_op *r = d->root_operations; r; r = r->next)
            s->root_names[r->operation] = r->type_name;
    }
    for (int op = 0; op < 3; op++) {
        if (s->root_names[op]) continue;
        for (const ast_definition *d = s->doc->definitions; d; d = d->next)
            if (d->kind == AST_DEF_OBJECT && !strcmp(d->name, root_default_names[op]))
                s->root_names[op] = root_default_names[op];
    }
}

/* A type reference with root type names replaced by the supergraph's. */
static const ast_type *merged_type_ref(compose_ctx *c, const csub *s, const ast_type *t)
{
    if (t->kind == AST_TYPE_NAMED) {
        const char *name = merged_name(s, t->name);
        if (name == t->name) return t;
        ast_type *copy = ARENA_NEW(c->arena, ast_type);
        *copy = *t;
        copy->name = name;
        return copy;
    }
    const ast_type *of = merged_type_ref(c, s, t->of);
    if (of == t->of) return t;
    ast_type *copy = ARENA_NEW(c->arena, ast_type);
    *copy = *t;
    copy->of = (ast_type *)of;
    return copy;
}

static uint32_t count_directives(const ast_directive *d)
{
    uint32_t n = 0;
    for (; d; d = d->next)
        n++;
    return n;
}

/* Whether a custom directive passes through to the supergraph here. */
static bool is_composed(const csub *s, const char *name)
{
    const cdirective *d = strmap_get(&s->directive_map, name);
    return d && d->composed;
}

/* @context(name: "x") as the supergraph writes it: @context(name: "<subgraph>__x"). */
static const ast_directive *context_directive(compose_ctx *c, const csub *s,
                                              const ast_directive *dir, const char *name)
{
    ast_value *v = ARENA_NEW(c->arena, ast_value);
    v->kind = AST_VALUE_STRING;
    v->str = arena_sprintf(c->arena, "%s__%s", s->name, name);
    v->len = (uint32_t)strlen(v->str);
    ast_argument *arg = ARENA_NEW(c->arena, ast_argument);
    arg->name = "name";
    arg->value = v;
    arg->loc = dir->loc;
    ast_directive *copy = ARENA_NEW(c->arena, ast_directive);
    copy->name = "context";
    copy->loc = dir->loc;
    copy->arguments = arg;
    return copy;
}

/* Reads the directives every element may carry into m; returns nothing, but
 * hands federation-specific ones to the caller through `fed` (NULL = none). */
typedef void (*fed_directive_fn)(compose_ctx *c, csub *s, void *elem, cfed_dir d,
                                 const ast_directive *dir);

static void read_meta(compose_ctx *c, csub *s, cmeta *m, const ast_directive *dirs, void *elem,
                      fed_directive_fn fed)
{
    uint32_t n = count_directives(dirs);
    if (!n) return;
    m->tags = ARENA_ARRAY(c->arena, const char *, n);
    m->applied = ARENA_ARRAY(c->arena, capplied, n);
    for (const ast_directive *d = dirs; d; d = d->next) {
        cfed_dir f = csub_fed_dir(s, d->name);
        switch (f) {
        case CFED_INACCESSIBLE:
            m->inaccessible = true;
            break;
        case CFED_TAG: {
            const char *name = string_arg(d, "name");
            if (name) m->tags[m->ntags++] = name;
            m->applied[m->napplied++] = (capplied){"tag", d, true};
            break;
        }
        case CFED_CONTEXT: {
            const char *name = string_arg(d, "name");
            if (name)
                m->applied[m->napplied++] =
                    (capplied){"context", context_directive(c, s, d, name), true};
            if (fed) fed(c, s, elem, f, d);
            break;
        }
        case CFED_AUTHENTICATED:
        case CFED_REQUIRES_SCOPES:
        case CFED_POLICY:
        case CFED_COST:
        case CFED_LIST_SIZE:
            m->applied[m->napplied++] = (capplied){cfed_dir_names[f], d, false};
            break;
        case CFED_COUNT:
            if (!strcmp(d->name, "deprecated")) {
                m->deprecated = true;
                m->deprecation_reason = string_arg(d, "reason");
                m->applied[m->napplied++] = (capplied){"deprecated", d, false};
            } else if (is_composed(s, d->name)) {
                const cdirective *cd = strmap_get(&s->directive_map, d->name);
                m->applied[m->napplied++] = (capplied){d->name, d, cd->repeatable};
            }
            break;
        default:
            if (fed) fed(c, s, elem, f, d);
            break;
        }
    }
}

static ast_selection *parse_fieldset(compose_ctx *c, const char *text)
{
    if (!text) return NULL;
    return parse_selection_set(c->arena, text, strlen(text), NULL);
}

static void type_directive(compose_ctx *c, csub *s, void *elem, cfed_dir d,
                           const ast_directive *dir)
{
    ctype *t = elem;
    (void)s;
    switch (d) {
    case CFED_KEY: {
        const ast_argument *r = ast_find_argument(dir->arguments, "resolvable");
        ckey *k = &t->keys[t->nkeys++];
        k->fields = string_arg(dir, "fields");
        if (!k->fields) k->fields = "";
        k->selection = parse_fieldset(c, k->fields);
        k->resolvable = !(r && r->value->kind == AST_VALUE_BOOLEAN && !r->value->boolean);
        k->resolvable_written = r != NULL;
        k->loc = dir->loc;
        break;
    }
    case CFED_EXTENDS:
        t->extends = true;
        break;
    case CFED_SHAREABLE:
        t->shareable = true;
        break;
    case CFED_INTERFACE_OBJECT:
        t->interface_object = true;
        break;
    case CFED_CONTEXT: {
        const char *name = string_arg(dir, "name");
        if (name) {
            const char **grown = ARENA_ARRAY(c->arena, const char *, t->ncontexts + 1);
            if (t->ncontexts) memcpy(grown, t->contexts, sizeof *grown * t->ncontexts);
            grown[t->ncontexts++] = name;
            t->contexts = grown;
        }
        break;
    }
    default:
        break;
    }
}

static void field_directive(compose_ctx *c, csub *s, void *elem, cfed_dir d,
                            const ast_directive *dir)
{
    cfield *f = elem;
    (void)s;
    switch (d) {
    case CFED_EXTERNAL:
        f->external = true;
        break;
    case CFED_SHAREABLE:
        f->shareable = true;
        break;
    case CFED_REQUIRES:
        f->requires
        = string_arg(dir, "fields");
        f->requires_sel = parse_fieldset(c, f->requires);
        f->requires_loc = dir->loc;
        break;
    case CFED_PROVIDES:
        f->provides = string_arg(dir, "fields");
        f->provides_sel = parse_fieldset(c, f->provides);
        f->provides_loc = dir->loc;
        break;
    case CFED_OVERRIDE:
        f->override_from = string_arg(dir, "from");
        f->override_label = string_arg(dir, "label");
        f->override_loc = dir->loc;
        break;
    case CFED_FROM_CONTEXT:
        f->from_context = string_arg(dir, "field");
        break;
    default:
        break;
    }
}

static uint32_t count_fields(const ast_field_def *f)
{
    uint32_t n = 0;
    for (; f; f = f->next)
        n++;
    return n;
}

static void read_field(compose_ctx *c, csub *s, cfield *f, const ast_field_def *def, ctype *parent)
{
    f->name = def->name;
    f->m.description = def->description;
    f->m.loc = def->loc;
    f->type = merged_type_ref(c, s, def->type);
    f->default_value = def->default_value;
    f->parent = parent;
    read_meta(c, s, &f->m, def->directives, f, field_directive);
    uint32_t nargs = count_fields(def->arguments);
    if (!nargs) return;
    f->args = ARENA_ARRAY(c->arena, cfield, nargs);
    for (const ast_field_def *a = def->arguments; a; a = a->next) {
        bool dup = false;
        for (uint32_t i = 0; i < f->nargs; i++)
            dup |= !strcmp(f->args[i].name, a->name);
        if (!dup) read_field(c, s, &f->args[f->nargs++], a, NULL);
    }
}

static bool has_name(const cname *names, uint32_t n, const char *name)
{
    for (uint32_t i = 0; i < n; i++)
        if (!strcmp(names[i].name, name)) return true;
    return false;
}

/* Adds one definition or extension block to its type. */
static void read_type_block(compose_ctx *c, csub *s, ctype *t, const ast_definition *d)
{
    if (d->extension) {
        t->has_extension = true;
    } else {
        t->has_definition = true;
        if (!t->m.description) t->m.description = d->description;
        t->m.loc = d->name_loc;
    }
    if (!t->m.loc.line) t->m.loc = d->name_loc;
    cmeta m = {0};
    read_meta(c, s, &m, d->directives, t, type_directive);
    /* A type's meta gathers all its blocks: merge this block's into t->m. */
    t->m.inaccessible |= m.inaccessible;
    for (uint32_t i = 0; i < m.ntags; i++) {
        const char **grown = ARENA_ARRAY(c->arena, const char *, t->m.ntags + 1);
        if (t->m.ntags) memcpy(grown, t->m.tags, sizeof *grown * t->m.ntags);
        grown[t->m.ntags++] = m.tags[i];
        t->m.tags = grown;
    }
    for (uint32_t i = 0; i < m.napplied; i++) {
        capplied *grown = ARENA_ARRAY(c->arena, capplied, t->m.napplied + 1);
        if (t->m.napplied) memcpy(grown, t->m.applied, sizeof *grown * t->m.napplied);
        grown[t->m.napplied++] = m.applied[i];
        t->m.applied = grown;
    }
    const ast_directive *spec = ast_find_directive(d->directives, "specifiedBy");
    if (spec) t->specified_by = string_arg(spec, "url");
    bool block_external = false;
    for (const ast_directive *dir = d->directives; dir; dir = dir->next)
        block_external |= csub_fed_dir(s, dir->name) == CFED_EXTERNAL;
    for (const ast_field_def *fd = d->fields; fd; fd = fd->next) {
        if (strmap_get(&t->field_map, fd->name)) continue;
        if (t->root == AST_OP_QUERY &&
            (!strcmp(fd->name, "_service") || !strcmp(fd->name, "_entities")))
            continue;
        cfield *f = &t->fields[t->nfields++];
        read_field(c, s, f, fd, t);
        f->in_extension = d->extension;
        f->external |= block_external;
        strmap_put(&t->field_map, f->name, f);
    }
    for (const ast_name *n = d->interfaces; n; n = n->next)
        if (!has_name(t->interfaces, t->ninterfaces, n->name))
            t->interfaces[t->ninterfaces++] = (cname){n->name, n->loc};
    for (const ast_name *n = d->members; n; n = n->next)
        if (!has_name(t->members, t->nmembers, n->name))
            t->members[t->nmembers++] = (cname){merged_name(s, n->name), n->loc};
    for (const ast_enum_value_def *v = d->values; v; v = v->next) {
        bool dup = false;
        for (uint32_t i = 0; i < t->nvalues; i++)
            dup |= !strcmp(t->values[i].name, v->name);
        if (dup) continue;
        cvalue *cv = &t->values[t->nvalues++];
        cv->name = v->name;
        cv->m.description = v->description;
        cv->m.loc = v->loc;
        read_meta(c, s, &cv->m, v->directives, NULL, NULL);
    }
}

static uint32_t count_names(const ast_name *n)
{
    uint32_t k = 0;
    for (; n; n = n->next)
        k++;
    return k;
}

static uint32_t count_values(const ast_enum_value_def *v)
{
    uint32_t k = 0;
    for (; v; v = v->next)
        k++;
    return k;
}

/* Every subgraph has a Query type: federation adds _service (and
 * _entities) to it, so Apollo's merge sees one even where the SDL has none. */
static void add_empty_query(compose_ctx *c, csub *s)
{
    ctype *t = &s->types[s->ntypes];
    t->index = s->ntypes++;
    t->name = "Query";
    t->kind = SCHEMA_OBJECT;
    t->root = AST_OP_QUERY;
    t->has_definition = true;
    t->fields = ARENA_ARRAY(c->arena, cfield, 1);
    strmap_init(&t->field_map, c->arena, 2);
    strmap_put(&s->type_map, t->name, t);
}

/* Pass 1 makes every ctype and counts what its blocks hold; pass 2 fills them. */
static void read_types(compose_ctx *c, csub *s)
{
    uint32_t ndefs = s->doc->ndefinitions;
    s->types = ARENA_ARRAY(c->arena, ctype, ndefs + 1); /* + 1: Query, when added */
    type_caps *caps = ARENA_ARRAY(c->arena, type_caps, ndefs ? ndefs : 1);
    strmap_init(&s->type_map, c->arena, ndefs * 2 + 8);
    for (const ast_definition *d = s->doc->definitions; d; d = d->next) {
        if (!is_type_definition(d) || is_federation_type(d->name)) continue;
        const char *name = merged_name(s, d->name);
        ctype *t = strmap_get(&s->type_map, name);
        if (!t) {
            t = &s->types[s->ntypes];
            t->index = s->ntypes++;
            t->name = name;
            t->kind = kind_of(d->kind);
            t->root = -1;
            for (int op = 0; op < 3; op++)
                if (name == root_default_names[op] || !strcmp(name, root_default_names[op]))
                    if (s->root_names[op]) t->root = op;
            strmap_put(&s->type_map, name, t);
        }
        type_caps *k = &caps[t->index];
        k->fields += count_fields(d->fields);
        k->interfaces += count_names(d->interfaces);
        k->members += count_names(d->members);
        k->values += count_values(d->values);
        k->keys += count_directives(d->directives);
    }
    for (uint32_t i = 0; i < s->ntypes; i++) {
        ctype *t = &s->types[i];
        type_caps *k = &caps[i];
        t->fields = ARENA_ARRAY(c->arena, cfield, k->fields + 1);
        strmap_init(&t->field_map, c->arena, k->fields * 2 + 2);
        t->interfaces = ARENA_ARRAY(c->arena, cname, k->interfaces + 1);
        t->members = ARENA_ARRAY(c->arena, cname, k->members + 1);
        t->values = ARENA_ARRAY(c->arena, cvalue, k->values + 1);
        t->keys = ARENA_ARRAY(c->arena, ckey, k->keys + 1);
    }
    if (!strmap_get(&s->type_map, "Query")) add_empty_query(c, s);
    for (const ast_definition *d = s->doc->definitions; d; d = d->next) {
        if (!is_type_definition(d) || is_federation_type(d->name)) continue;
        ctype *t = strmap_get(&s->type_map, merged_name(s, d->name));
        if (t->kind != kind_of(d->kind)) continue; /* a kind clash: the checks report it */
        uint32_t first_key = t->nkeys;
        read_type_block(c, s, t, d);
        for (uint32_t i = first_key; i < t->nkeys; i++)
            t->keys[i].extension = d->extension;
    }
    for (uint32_t i = 0; i < s->ntypes; i++)
        for (uint32_t k = 0; k < s->types[i].nkeys; k++)
            s->types[i].keys[k].extension |= s->types[i].extends;
}

static bool is_federation_directive(const csub *s, const char *name)
{
    return csub_fed_dir(s, name) != CFED_COUNT || !strcmp(name, "link") ||
           !strncmp(name, "federation__", 12) || !strncmp(name, "link__", 6);
}

/* The name an import item gives a directive in this schema ("@x", or the
 * as: of {name: "@x", as: "@y"}), and its name in the spec. */
static bool import_item(const ast_value *v, const char **local, const char **spec)
{
    if (v->kind == AST_VALUE_STRING) {
        *local = *spec = v->str;
        return true;
    }
    if (v->kind != AST_VALUE_OBJECT) return false;
    *local = *spec = NULL;
    for (const ast_object_field *f = v->fields; f; f = f->next) {
        if (f->value->kind != AST_VALUE_STRING) continue;
        if (!strcmp(f->name, "name")) *spec = f->value->str;
        if (!strcmp(f->name, "as")) *local = f->value->str;
    }
    if (!*local) *local = *spec;
    return *spec != NULL;
}

/* The @link that imports a directive (a composed one's: the supergraph links it too). */
static void find_link(const csub *s, cdirective *cd)
{
    for (const ast_definition *d = s->doc->definitions; d; d = d->next) {
        if (d->kind != AST_DEF_SCHEMA) continue;
        for (const ast_directive *dir = d->directives; dir; dir = dir->next) {
            const ast_argument *imports = ast_find_argument(dir->arguments, "import");
            const char *url = string_arg(dir, "url");
            if (strcmp(dir->name, "link") || !url || !imports ||
                imports->value->kind != AST_VALUE_LIST)
                continue;
            for (const ast_value *v = imports->value->items; v; v = v->next) {
                const char *local, *spec;
                if (!import_item(v, &local, &spec) || local[0] != '@' || spec[0] != '@') continue;
                if (strcmp(local + 1, cd->name)) continue;
                cd->link_url = url;
                cd->link_name = spec + 1;
                return;
            }
        }
    }
}

/* Custom directive definitions, and which of them @composeDirective names. */
static void read_directives(compose_ctx *c, csub *s)
{
    uint32_t n = 0;
    for (const ast_definition *d = s->doc->definitions; d; d = d->next)
        n += d->kind == AST_DEF_DIRECTIVE;
    s->directives = ARENA_ARRAY(c->arena, cdirective, n + 1);
    strmap_init(&s->directive_map, c->arena, n * 2 + 2);
    for (const ast_definition *d = s->doc->definitions; d; d = d->next) {
        if (d->kind != AST_DEF_DIRECTIVE || is_federation_directive(s, d->name)) continue;
        if (strmap_get(&s->directive_map, d->name)) continue;
        cdirective *cd = &s->directives[s->ndirectives++];
        cd->name = d->name;
        cd->description = d->description;
        cd->repeatable = d->repeatable;
        cd->loc = d->name_loc;
        cd->location_names = d->locations;
        for (const ast_name *l = d->locations; l; l = l->next)
            cd->locations |= schema_location_from_name(l->name);
        uint32_t nargs = count_fields(d->arguments);
        cd->args = ARENA_ARRAY(c->arena, cfield, nargs + 1);
        for (const ast_field_def *a = d->arguments; a; a = a->next)
            read_field(c, s, &cd->args[cd->nargs++], a, NULL);
        find_link(s, cd);
        strmap_put(&s->directive_map, cd->name, cd);
    }
    for (const ast_definition *d = s->doc->definitions; d; d = d->next) {
        if (d->kind != AST_DEF_SCHEMA) continue;
        for (const ast_directive *dir = d->directives; dir; dir = dir->next) {
            if (csub_fed_dir(s, dir->name) != CFED_COMPOSE_DIRECTIVE) continue;
            const char *name = string_arg(dir, "name");
            cdirective *cd =
                name && name[0] == '@' ? strmap_get(&s->directive_map, name + 1) : NULL;
            if (cd) cd->composed = true;
        }
    }
}

/* The type is an extension in Apollo's sense: only `extend` blocks, or @extends. */
static bool is_type_extension(const ctype *t)
{
    return t->extends || (t->has_extension && !t->has_definition);
}

/* Key fields marked @external on a type extension are not external: Apollo
 * keeps this Federation 1 habit for Federation 2 too ("fake externals"). */
static void unmark_key_externals(ctype *t)
{
    if (!is_type_extension(t)) return;
    for (uint32_t k = 0; k < t->nkeys; k++)
        for (const ast_selection *sel = t->keys[k].selection; sel; sel = sel->next) {
            if (sel->kind != AST_SEL_FIELD) continue;
            cfield *f = strmap_get(&t->field_map, sel->name);
            if (f) f->external = false;
        }
}

static void mark_shareable_types(csub *s)
{
    for (uint32_t i = 0; i < s->ntypes; i++) {
        ctype *t = &s->types[i];
        unmark_key_externals(t);
        if (!t->shareable) continue;
        for (uint32_t f = 0; f < t->nfields; f++)
            t->fields[f].shareable = true;
    }
}

bool compose_read_subgraph(compose_ctx *c, const compose_input *in, csub *s)
{
    parse_error err = {0};
    parse_options opts = {.max_depth = READ_MAX_DEPTH};
    s->doc = parse_document(c->arena, in->sdl, in->sdl_len, &opts, &err);
    if (!s->doc) {
        compose_error(c, "INVALID_GRAPHQL", s, err.loc, "%s", err.message);
        return false;
    }
    compose_read_links(c, s);
    read_roots(s);
    read_directives(c, s);
    read_types(c, s);
    mark_shareable_types(s);
    compose_mark_used(s);
    if (!s->fed2) compose_fed1_upgrade(s);
    return true;
}
