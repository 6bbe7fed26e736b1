/* compose_check_fieldset.c: the FieldSets of @key(fields:), @requires(fields:)
 * and @provides(fields:) in one subgraph, checked the way Apollo's subgraph
 * validation checks them, in three passes per application:
 *
 *   1. resolve: parse the text and find each selected field on its parent
 *      type; the first failure ends the application (Apollo throws there).
 *      KEY_FIELDS_SELECT_INVALID_TYPE is raised here, on a @key field whose
 *      type is an interface or a union.
 *   2. validate: aliases first, then composite fields without a selection;
 *      again the first failure ends the application.
 *   3. federation rules, every failure reported: directives inside the
 *      FieldSet, fields with arguments (@key, @provides), and leaves of
 *      @requires/@provides that are not @external.
 *
 * Failures of passes 1 and 2 carry the <DIRECTIVE>_INVALID_FIELDS code. Every
 * message starts with `On type "T", for @key(...)` or `On field "T.f", for
 * @requires(...)`, as Apollo's do. */
#include <string.h>

#include "compose_check_int.h"
#include "parser.h"
#include "printer.h"

/* FieldSets nest no deeper than the parser's default bound; every walk
 * below recurses once per level of it. */

typedef enum fs_kind { FS_KEY, FS_REQUIRES, FS_PROVIDES } fs_kind;

static const char *const fs_code_prefix[] = {"KEY", "REQUIRES", "PROVIDES"};
static const cfed_dir fs_directive[] = {CFED_KEY, CFED_REQUIRES, CFED_PROVIDES};

typedef struct fs_app {
    compose_ctx *c;
    const csub *s;
    fs_kind kind;
    const char *name; /* the directive's local name: "key" */
    src_loc loc;      /* the application */
    const char *what; /* `On type "P", for @key(fields: "id")` */
} fs_app;

/* An error about this application: "<what>: <message>", located at the
 * directive, then at `extra` when it is known. */
static void fs_error(fs_app *app, const char *suffix, src_loc extra, const char *msg)
{
    const char *code = arena_sprintf(app->c->arena, "%s_%s", fs_code_prefix[app->kind], suffix);
    diag *e = compose_error(app->c, code, app->s, app->loc, "%s: %s", app->what, msg);
    if (e && extra.line) diag_loc(e, extra);
}

/* ---- parsing ---------------------------------------------------------- */

/* The FieldSet's selections, parsed as Apollo parses them: wrapped in braces
 * unless it starts with one, and required to be a single operation. NULL
 * with *msg set when that fails. */
static const ast_selection *fs_parse(arena *a, const char *text, const char **msg)
{
    const char *p = text;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == ',')
        p++;
    const char *src = *p == '{' ? text : arena_sprintf(a, "{%s}", text);
    parse_error err;
    ast_document *doc = parse_document(a, src, strlen(src), NULL, &err);
    if (!doc) {
        *msg = arena_strdup(a, err.message);
        return NULL;
    }
    if (doc->ndefinitions != 1) {
        *msg = arena_sprintf(a, "Selections should contain a single definitions, found %u",
                             doc->ndefinitions);
        return NULL;
    }
    if (doc->definitions->kind != AST_DEF_OPERATION) {
        *msg = "Expected an operation definition but got a FragmentDefinition";
        return NULL;
    }
    return doc->definitions->selection_set;
}

/* The field a selection names on parent; NULL for __typename and for names
 * parent lacks (unions have no fields). */
static const cfield *selected_field(const ctype *parent, const ast_selection *sel)
{
    if (!parent || (parent->kind != SCHEMA_OBJECT && parent->kind != SCHEMA_INTERFACE)) return NULL;
    return ctype_field(parent, sel->name);
}

/* The type an inline fragment narrows to (parent when it has no condition). */
static const ctype *fragment_type(const fs_app *app, const ctype *parent, const ast_selection *sel)
{
    return sel->type_condition ? csub_type(app->s, sel->type_condition) : parent;
}

/* ---- pass 1: resolve -------------------------------------------------- */

static bool resolve_selections(fs_app *app, const ctype *parent, const ast_selection *sel);

static void unknown_field(fs_app *app, const ctype *parent, const ast_selection *sel)
{
    const char *hint =
        app->kind == FS_KEY
            ? "the field should either be added to this subgraph or, if it should not be "
              "resolved by this subgraph, you need to add it to this subgraph with @external"
            : "if the field is defined in another subgraph, you need to add it to this "
              "subgraph with @external";
    fs_error(app, "INVALID_FIELDS", parent->m.loc,
             arena_sprintf(app->c->arena, "Cannot query field \"%s\" on type \"%s\" (%s).",
                           sel->name, parent->name, hint));
}

static bool resolve_field(fs_app *app, const ctype *parent, const ast_selection *sel)
{
    arena *a = app->c->arena;
    if (strcmp(sel->name, "__typename") == 0) return true;
    const cfield *f = selected_field(parent, sel);
    if (!f) {
        unknown_field(app, parent, sel);
        return false;
    }
    const ctype *type = cc_field_type(app->s, f);
    if (app->kind == FS_KEY && type &&
        (type->kind == SCHEMA_INTERFACE || type->kind == SCHEMA_UNION)) {
        compose_error(app->c, "KEY_FIELDS_SELECT_INVALID_TYPE", app->s, app->loc,
                      "%s: field \"%s\" is a %s type which is not allowed in @key", app->what,
                      cc_coord(a, parent, f), type->kind == SCHEMA_UNION ? "Union" : "Interface");
        return false;
    }
    if (!sel->selection_set) return true;
    if (!cc_is_composite(type)) {
        fs_error(app, "INVALID_FIELDS", f->m.loc,
                 arena_sprintf(a,
                               "Field \"%s\" must not have a selection since type \"%s\" has "
                               "no subfields.",
                               sel->name, schema_type_ref_text(a, f->type)));
        return false;
    }
    return resolve_selections(app, type, sel->selection_set);
}

static bool resolve_fragment(fs_app *app, const ctype *parent, const ast_selection *sel)
{
    arena *a = app->c->arena;
    if (sel->kind == AST_SEL_FRAGMENT_SPREAD) {
        fs_error(app, "INVALID_FIELDS", (src_loc){0, 0},
                 arena_sprintf(a, "Cannot find fragment name \"%s\" (no fragments were provided)",
                               sel->name));
        return false;
    }
    const ctype *cond = fragment_type(app, parent, sel);
    if (!cond) return true; /* Apollo lets an unknown type condition through */
    if (!cc_is_composite(cond)) {
        fs_error(app, "INVALID_FIELDS", (src_loc){0, 0},
                 arena_sprintf(a, "Fragment cannot condition on non composite type \"%s\".",
                               cond->name));
        return false;
    }
    return resolve_selections(app, cond, sel->selection_set);
}

static bool resolve_selections(fs_app *app, const ctype *parent, const ast_selection *sel)
{
    for (; sel; sel = sel->next) {
        bool ok = sel->kind == AST_SEL_FIELD ? resolve_field(app, parent, sel)
                                             : resolve_fragment(app, parent, sel);
        if (!ok) return false;
    }
    return true;
}

/* ---- pass 2: validate ------------------------------------------------- */

/* The field as Apollo writes a selection: "a: id", "f(x: 1)". */
static const char *field_text(arena *a, const ast_selection *sel)
{
    sbuf b;
    sbuf_init(&b);
    if (sel->alias) sbuf_printf(&b, "%s: ", sel->alias);
    sbuf_puts(&b, sel->name);
    if (sel->arguments) {
        sbuf_putc(&b, '(');
        for (const ast_argument *arg = sel->arguments; arg; arg = arg->next) {
            sbuf_printf(&b, "%s: ", arg->name);
            print_value(&b, arg->value);
            if (arg->next) sbuf_puts(&b, ", ");
        }
        sbuf_putc(&b, ')');
    }
    const char *text = arena_strdup(a, b.data);
    sbuf_free(&b);
    return text;
}

/* The type a resolved selection's sub-selection applies to. */
static const ctype *inner_type(const fs_app *app, const ctype *parent, const ast_selection *sel)
{
    if (sel->kind != AST_SEL_FIELD) return fragment_type(app, parent, sel);
    const cfield *f = selected_field(parent, sel);
    return f ? cc_field_type(app->s, f) : NULL;
}

static bool check_aliases(fs_app *app, const ctype *parent, const ast_selection *sel)
{
    for (; sel; sel = sel->next) {
        if (sel->kind == AST_SEL_FIELD && sel->alias) {
            arena *a = app->c->arena;
            fs_error(app, "INVALID_FIELDS", (src_loc){0, 0},
                     arena_sprintf(a,
                                   "Cannot use alias \"%s\" in \"%s\": aliases are not "
                                   "currently supported in @%s",
                                   sel->alias, field_text(a, sel), app->name));
            return false;
        }
        const ctype *inner = inner_type(app, parent, sel);
        if (sel->selection_set && inner && !check_aliases(app, inner, sel->selection_set))
            return false;
    }
    return true;
}

static bool check_complete(fs_app *app, const ctype *parent, const ast_selection *sel)
{
    for (; sel; sel = sel->next) {
        const ctype *inner = inner_type(app, parent, sel);
        const cfield *f = sel->kind == AST_SEL_FIELD ? selected_field(parent, sel) : NULL;
        if (f && cc_is_composite(inner) && !sel->selection_set) {
            arena *a = app->c->arena;
            fs_error(app, "INVALID_FIELDS", f->m.loc,
                     arena_sprintf(a,
                                   "Invalid empty selection set for field \"%s\" of non-leaf "
                                   "type %s",
                                   cc_coord(a, parent, f), schema_type_ref_text(a, f->type)));
            return false;
        }
        if (sel->selection_set && inner && !check_complete(app, inner, sel->selection_set))
            return false;
    }
    return true;
}

/* ---- pass 3: federation rules ----------------------------------------- */

static const char *directives_text(arena *a, const ast_directive *first)
{
    sbuf b;
    sbuf_init(&b);
    for (const ast_directive *d = first; d; d = d->next) {
        sbuf_puts(&b, cc_directive_text(a, d));
        if (d->next) sbuf_puts(&b, ", ");
    }
    const char *text = arena_strdup(a, b.data);
    sbuf_free(&b);
    return text;
}

/* Some object type implementing interface itf has field `name` @external:
 * then what is selected below the interface's field counts as external. */
static bool implementation_external(const csub *s, const ctype *itf, const char *name)
{
    if (itf->kind != SCHEMA_INTERFACE) return false;
    for (uint32_t i = 0; i < s->ntypes; i++) {
        const ctype *t = &s->types[i];
        if (t->kind != SCHEMA_OBJECT || !cc_implements(t, itf->name)) continue;
        const cfield *impl = ctype_field(t, name);
        if (impl && impl->external) return true;
    }
    return false;
}

static void check_rules(fs_app *app, const ctype *parent, const ast_selection *sel,
                        bool external_above)
{
    arena *a = app->c->arena;
    for (; sel; sel = sel->next) {
        if (sel->directives)
            fs_error(app, "DIRECTIVE_IN_FIELDS_ARG", (src_loc){0, 0},
                     arena_sprintf(a,
                                   "cannot have directive applications in the @%s(fields:) "
                                   "argument but found %s.",
                                   app->name, directives_text(a, sel->directives)));
        const ctype *inner = inner_type(app, parent, sel);
        if (sel->kind != AST_SEL_FIELD) {
            if (inner) check_rules(app, inner, sel->selection_set, external_above);
            continue;
        }
        const cfield *f = selected_field(parent, sel);
        if (!f) continue;
        if (app->kind != FS_REQUIRES && f->nargs > 0)
            fs_error(app, "FIELDS_HAS_ARGS", f->m.loc,
                     arena_sprintf(a,
                                   "field %s cannot be included because it has arguments "
                                   "(fields with argument are not allowed in @%s)",
                                   cc_coord(a, parent, f), app->name));
        if (app->kind != FS_KEY && !sel->selection_set && !external_above && !f->external)
            fs_error(app, "FIELDS_MISSING_EXTERNAL", f->m.loc,
                     arena_sprintf(a,
                                   "field \"%s\" should not be part of a @%s since it is "
                                   "already provided by this subgraph (it is not marked @external)",
                                   cc_coord(a, parent, f), app->name));
        if (sel->selection_set && inner)
            check_rules(app, inner, sel->selection_set,
                        external_above || f->external ||
                            implementation_external(app->s, parent, f->name));
    }
}

/* ---- applications ----------------------------------------------------- */

static void check_application(fs_app *app, const char *text, const ctype *target)
{
    const ast_directive *d = cc_directive_at(app->s, app->loc);
    const ast_value *fields = d ? cc_arg(d, "fields") : NULL;
    if (d && !fields) {
        compose_error(app->c, "INVALID_GRAPHQL", app->s, app->loc,
                      "Directive \"@%s\" argument \"fields\" of type \"%s\" is required, but it "
                      "was not provided.",
                      app->name, app->s->fed2 ? "federation__FieldSet!" : "_FieldSet!");
        return;
    }
    if (fields && fields->kind != AST_VALUE_STRING) {
        fs_error(app, "INVALID_FIELDS_TYPE", (src_loc){0, 0},
                 "Invalid value for argument \"fields\": must be a string.");
        return;
    }
    const char *msg = NULL;
    const ast_selection *sel = fs_parse(app->c->arena, text, &msg);
    if (!sel) {
        fs_error(app, "INVALID_FIELDS", (src_loc){0, 0}, msg);
        return;
    }
    if (!resolve_selections(app, target, sel)) return;
    if (!check_aliases(app, target, sel)) return;
    if (!check_complete(app, target, sel)) return;
    check_rules(app, target, sel, false);
}

/* `@key(fields: "id")` as written, for the messages. */
static const char *application_text(const fs_app *app, const char *fields)
{
    const ast_directive *d = cc_directive_at(app->s, app->loc);
    if (d) return cc_directive_text(app->c->arena, d);
    sbuf b;
    sbuf_init(&b);
    sbuf_printf(&b, "@%s(fields: ", app->name);
    print_string(&b, fields, strlen(fields));
    sbuf_putc(&b, ')');
    const char *text = arena_strdup(app->c->arena, b.data);
    sbuf_free(&b);
    return text;
}

static fs_app fs_start(compose_ctx *c, const csub *s, fs_kind kind, src_loc loc)
{
    return (fs_app){c, s, kind, s->dir_names[fs_directive[kind]], loc, NULL};
}

static void check_keys(compose_ctx *c, const csub *s, const ctype *t)
{
    for (uint32_t k = 0; k < t->nkeys; k++) {
        const ckey *key = &t->keys[k];
        fs_app app = fs_start(c, s, FS_KEY, key->loc);
        /* @key on interfaces came with federation 2.3. */
        if (t->kind == SCHEMA_INTERFACE && s->fed2 && s->fed_minor < 3)
            compose_error(c, "KEY_UNSUPPORTED_ON_INTERFACE", s, key->loc,
                          "Cannot use @%s on interface \"%s\": @%s is not yet supported on "
                          "interfaces",
                          app.name, t->name, app.name);
        app.what = arena_sprintf(c->arena, "On type \"%s\", for %s", t->name,
                                 application_text(&app, key->fields));
        check_application(&app, key->fields, t);
    }
}

/* @requires or @provides on an interface field. */
static void unsupported_on_interface(fs_app *app, const ctype *t, const cfield *f,
                                     const ctype *type)
{
    compose_ctx *c = app->c;
    const char *code =
        arena_sprintf(c->arena, "%s_UNSUPPORTED_ON_INTERFACE", fs_code_prefix[app->kind]);
    diag *e = compose_error(c, code, app->s, app->loc,
                            "Cannot use @%s on field \"%s\" of parent type \"%s\": @%s is not "
                            "yet supported within interfaces",
                            app->name, cc_coord(c->arena, t, f), t->name, app->name);
    if (e && type) diag_loc(e, type->m.loc);
}

static void check_requires(compose_ctx *c, const csub *s, const ctype *t, const cfield *f)
{
    fs_app app = fs_start(c, s, FS_REQUIRES, f->requires_loc);
    app.what = arena_sprintf(c->arena, "On field \"%s\", for %s", cc_coord(c->arena, t, f),
                             application_text(&app, f->requires));
    if (t->kind == SCHEMA_INTERFACE) unsupported_on_interface(&app, t, f, t);
    check_application(&app, f->requires, t);
}

/* False when Apollo's validation of the subgraph stops here: it throws on
 * these two instead of collecting them. */
static bool check_provides(compose_ctx *c, const csub *s, const ctype *t, const cfield *f)
{
    arena *a = c->arena;
    fs_app app = fs_start(c, s, FS_PROVIDES, f->provides_loc);
    /* These two are not about the FieldSet: Apollo reports them without the
     * "On field ..., for @provides(...)" preamble, at the field. */
    if (f->external) {
        compose_error(c, "EXTERNAL_COLLISION_WITH_ANOTHER_DIRECTIVE", s, f->m.loc,
                      "Cannot have both @provides and @external on field \"%s\"",
                      cc_coord(a, t, f));
        return false;
    }
    const ctype *type = cc_field_type(s, f);
    if (!cc_is_composite(type)) {
        compose_error(c, "PROVIDES_ON_NON_OBJECT_FIELD", s, f->m.loc,
                      "Invalid @provides directive on field \"%s\": field has type \"%s\" "
                      "which is not a Composite Type",
                      cc_coord(a, t, f), schema_type_ref_text(a, f->type));
        return false;
    }
    app.what = arena_sprintf(a, "On field \"%s\", for %s", cc_coord(a, t, f),
                             application_text(&app, f->provides));
    if (t->kind == SCHEMA_INTERFACE) unsupported_on_interface(&app, t, f, type);
    check_application(&app, f->provides, type);
    return true;
}

bool cc_check_fieldsets(compose_ctx *c, const csub *s)
{
    /* Apollo checks every @key first, then every @requires, then every
     * @provides. */
    for (uint32_t i = 0; i < s->ntypes; i++)
        if (s->types[i].kind == SCHEMA_OBJECT || s->types[i].kind == SCHEMA_INTERFACE)
            check_keys(c, s, &s->types[i]);
    for (int pass = 0; pass < 2; pass++)
        for (uint32_t i = 0; i < s->ntypes; i++) {
            const ctype *t = &s->types[i];
            if (t->kind != SCHEMA_OBJECT && t->kind != SCHEMA_INTERFACE) continue;
            for (uint32_t j = 0; j < t->nfields; j++) {
                const cfield *f = &t->fields[j];
                if (pass == 0 && f->requires) check_requires(c, s, t, f);
                if (pass == 1 && f->provides && !check_provides(c, s, t, f)) return false;
            }
        }
    return true;
}
