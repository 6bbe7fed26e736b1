/* validate_walk.c: the type-tracking selection walker (see validate_walk.h). */
#include "validate_walk.h"

#include <string.h>

/* Type references of the introspection fields; never written to. */
static ast_type string_ref = {AST_TYPE_NAMED, {0, 0}, "String", NULL};
static ast_type string_nn_ref = {AST_TYPE_NON_NULL, {0, 0}, NULL, &string_ref};
static ast_type schema_ref = {AST_TYPE_NAMED, {0, 0}, "__Schema", NULL};
static ast_type schema_nn_ref = {AST_TYPE_NON_NULL, {0, 0}, NULL, &schema_ref};
static ast_type type_ref = {AST_TYPE_NAMED, {0, 0}, "__Type", NULL};

static void vwalk_meta_field(schema_field *f, const char *name, const ast_type *ref,
                             schema_type *named)
{
    memset(f, 0, sizeof *f);
    f->name = name;
    f->type = ref;
    f->named = named;
}

void vwalk_init(vwalk *w, const schema *s, vwalk_fn visit, void *user)
{
    memset(w, 0, sizeof *w);
    w->schema = s;
    w->visit = visit;
    w->user = user;
    vwalk_meta *m = &w->meta;
    vwalk_meta_field(&m->typename_field, "__typename", &string_nn_ref,
                     schema_get_type(s, "String"));
    vwalk_meta_field(&m->schema_field, "__schema", &schema_nn_ref, schema_get_type(s, "__Schema"));
    vwalk_meta_field(&m->type_field, "__type", &type_ref, schema_get_type(s, "__Type"));
    vwalk_meta_field(&m->type_name_arg, "name", &string_nn_ref, schema_get_type(s, "String"));
    m->type_field.args = &m->type_name_arg;
    m->type_field.nargs = 1;
}

const schema_field *vwalk_field_def(const vwalk *w, const schema_type *parent, const char *name)
{
    if (name[0] == '_' && name[1] == '_') {
        const vwalk_meta *m = &w->meta;
        if (strcmp(name, "__typename") == 0 && m->typename_field.named) return &m->typename_field;
        if (parent == w->schema->query) {
            if (strcmp(name, "__schema") == 0 && m->schema_field.named) return &m->schema_field;
            if (strcmp(name, "__type") == 0 && m->type_field.named) return &m->type_field;
        }
    }
    if (parent->kind != SCHEMA_OBJECT && parent->kind != SCHEMA_INTERFACE) return NULL;
    return schema_get_field(parent, name);
}

/* A named type usable as a selection's type: anything but an input object. */
static schema_type *vwalk_output_type(const vwalk *w, const char *name)
{
    schema_type *t = schema_get_type(w->schema, name);
    return t && t->kind != SCHEMA_INPUT_OBJECT ? t : NULL;
}

schema_type *vwalk_definition_type(const vwalk *w, const ast_definition *def)
{
    if (def->kind == AST_DEF_OPERATION) return schema_root_type(w->schema, def->operation);
    if (def->kind == AST_DEF_FRAGMENT && def->type_condition)
        return vwalk_output_type(w, def->type_condition);
    return NULL;
}

/* The type a selection's own selection set is made on (see vwalk_at.type). */
static schema_type *vwalk_selection_type(const vwalk *w, const ast_selection *sel,
                                         const schema_field *field, schema_type *enclosing)
{
    switch (sel->kind) {
    case AST_SEL_FIELD:
        return field ? field->named : NULL;
    case AST_SEL_INLINE_FRAGMENT:
        return sel->type_condition ? vwalk_output_type(w, sel->type_condition) : enclosing;
    case AST_SEL_FRAGMENT_SPREAD:
        break;
    }
    return NULL;
}

/* Walks the selection set `first` whose enclosing output type is
 * `enclosing` (may be a leaf, or NULL when unknown). */
static void vwalk_set(vwalk *w, schema_type *enclosing, const ast_selection *first, unsigned depth)
{
    if (depth > VWALK_MAX_DEPTH) {
        w->too_deep = true;
        return;
    }
    vwalk_at at = {0};
    at.parent = enclosing && schema_is_composite(enclosing) ? enclosing : NULL;
    at.depth = depth;
    for (const ast_selection *sel = first; sel; sel = sel->next) {
        at.sel = sel;
        at.field = NULL;
        if (sel->kind == AST_SEL_FIELD && at.parent)
            at.field = vwalk_field_def(w, at.parent, sel->name);
        at.type = vwalk_selection_type(w, sel, at.field, enclosing);
        w->visit(w->user, &at);
        if (sel->selection_set) vwalk_set(w, at.type, sel->selection_set, depth + 1);
    }
}

void vwalk_definition(vwalk *w, const ast_definition *def)
{
    vwalk_set(w, vwalk_definition_type(w, def), def->selection_set, 1);
}
