/* supergraph_fieldset.c: FieldSet arguments (@join__type(key:),
 * @join__field(requires:, provides:), context selections). Each is parsed
 * with parse_selection_set and checked against the schema: every field must
 * exist on its parent type, leaves take no selection and composite fields
 * need one, fragments are only inline ones on types that exist. */
#include <string.h>

#include "parser.h"
#include "supergraph_impl.h"

typedef struct fieldset_check {
    sg_loader *ld;
    const char *what; /* e.g. "[products] On type \"User\", for @join__type(key: \"id\")" */
    src_loc loc;
} fieldset_check;

static bool check_selections(fieldset_check *c, const schema_type *parent,
                             const ast_selection *sel);

static bool check_field(fieldset_check *c, const schema_type *parent, const ast_selection *sel)
{
    if (strcmp(sel->name, "__typename") == 0 && !sel->selection_set) return true;
    schema_field *f = parent->kind == SCHEMA_OBJECT || parent->kind == SCHEMA_INTERFACE
                          ? schema_get_field(parent, sel->name)
                          : NULL;
    if (!f) {
        sg_error(c->ld, c->loc, "INVALID_FEDERATION_SUPERGRAPH",
                 "%s: Cannot query field \"%s\" on type \"%s\".", c->what, sel->name, parent->name);
        return false;
    }
    if (schema_is_leaf(f->named)) {
        if (!sel->selection_set) return true;
        sg_error(c->ld, c->loc, "INVALID_FEDERATION_SUPERGRAPH",
                 "%s: Field \"%s\" must not have a selection since type \"%s\" has no subfields.",
                 c->what, sel->name, f->named->name);
        return false;
    }
    if (!sel->selection_set) {
        sg_error(c->ld, c->loc, "INVALID_FEDERATION_SUPERGRAPH",
                 "%s: Field \"%s\" of type \"%s\" must have a selection of subfields.", c->what,
                 sel->name, f->named->name);
        return false;
    }
    return check_selections(c, f->named, sel->selection_set);
}

static bool check_fragment(fieldset_check *c, const schema_type *parent, const ast_selection *sel)
{
    if (sel->kind == AST_SEL_FRAGMENT_SPREAD) {
        sg_error(c->ld, c->loc, "INVALID_FEDERATION_SUPERGRAPH",
                 "%s: Fragment spreads are not allowed in a FieldSet.", c->what);
        return false;
    }
    const schema_type *cond = parent;
    if (sel->type_condition) {
        cond = schema_get_type(c->ld->sg->full, sel->type_condition);
        if (!cond) {
            sg_error(c->ld, c->loc, "INVALID_FEDERATION_SUPERGRAPH", "%s: Unknown type \"%s\".",
                     c->what, sel->type_condition);
            return false;
        }
        if (!schema_is_composite(cond) || !schema_types_overlap(parent, cond)) {
            sg_error(c->ld, c->loc, "INVALID_FEDERATION_SUPERGRAPH",
                     "%s: Fragment cannot be spread here as objects of type \"%s\" can never be "
                     "of type \"%s\".",
                     c->what, parent->name, cond->name);
            return false;
        }
    }
    return check_selections(c, cond, sel->selection_set);
}

static bool check_selections(fieldset_check *c, const schema_type *parent, const ast_selection *sel)
{
    bool ok = true;
    for (; sel; sel = sel->next)
        ok &= sel->kind == AST_SEL_FIELD ? check_field(c, parent, sel)
                                         : check_fragment(c, parent, sel);
    return ok;
}

/* Where the brace opening at s closes, skipping string values; NULL when
 * it does not. */
static const char *closing_brace(const char *s, const char *e)
{
    unsigned depth = 0;
    for (; s < e; s++) {
        if (*s == '"') {
            for (s++; s < e && *s != '"'; s++)
                if (*s == '\\' && s + 1 < e) s++;
            if (s == e) return NULL;
        } else if (*s == '{') {
            depth++;
        } else if (*s == '}' && depth > 0 && --depth == 0) {
            return s;
        }
    }
    return NULL;
}

/* A FieldSet may be written with its outer braces ("{ currency }", as
 * context selections are); parse_selection_set wants them off. */
static void strip_braces(const char **text, size_t *len)
{
    const char *s = *text, *e = *text + *len;
    while (s < e && strchr(" \t\r\n,", *s))
        s++;
    while (e > s && strchr(" \t\r\n,", e[-1]))
        e--;
    if (s < e && *s == '{' && closing_brace(s, e) == e - 1) {
        *text = s + 1;
        *len = (size_t)(e - s - 2);
    }
}

ast_selection *sg_fieldset_parse(arena *a, const char *text, parse_error *err)
{
    const char *src = text;
    size_t len = strlen(text);
    strip_braces(&src, &len);
    return parse_selection_set(a, src, len, err);
}

bool sg_fieldset_load(sg_loader *ld, const char *text, const schema_type *parent, src_loc loc,
                      const char *what, sg_fieldset *out)
{
    parse_error perr = {0};
    ast_selection *sel = sg_fieldset_parse(ld->arena, text, &perr);
    if (!sel) {
        sg_error(ld, loc, "INVALID_FEDERATION_SUPERGRAPH", "%s: %s", what,
                 perr.message[0] ? perr.message : "Syntax Error: Expected Name, found <EOF>.");
        return false;
    }
    fieldset_check c = {ld, what, loc};
    if (!schema_is_composite(parent)) {
        sg_error(ld, loc, "INVALID_FEDERATION_SUPERGRAPH",
                 "%s: type \"%s\" has no fields to select", what, parent->name);
        return false;
    }
    if (!check_selections(&c, parent, sel)) return false;
    out->text = text;
    out->selection = sel;
    return true;
}

void sg_fieldset_walk(const schema *s, schema_type *parent, const ast_selection *sel,
                      sg_fieldset_fn fn, void *ctx)
{
    for (; sel; sel = sel->next) {
        if (sel->kind == AST_SEL_INLINE_FRAGMENT) {
            schema_type *cond =
                sel->type_condition ? schema_get_type(s, sel->type_condition) : parent;
            if (cond) sg_fieldset_walk(s, cond, sel->selection_set, fn, ctx);
            continue;
        }
        if (sel->kind != AST_SEL_FIELD) continue;
        if (parent->kind != SCHEMA_OBJECT && parent->kind != SCHEMA_INTERFACE) continue;
        schema_field *f = schema_get_field(parent, sel->name);
        if (!f) continue; /* __typename */
        fn(ctx, parent, f);
        if (sel->selection_set) sg_fieldset_walk(s, f->named, sel->selection_set, fn, ctx);
    }
}
