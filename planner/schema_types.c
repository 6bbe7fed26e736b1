/* schema_types.c: questions about types once a schema is built: which
 * objects an abstract type may be, whether two composite types overlap,
 * whether a type reference may stand where another is expected, and the
 * names of directive locations. Validation and the planner ask these per
 * selection, so none of them allocates. */
#include "schema.h"

#include <string.h>

/* The specification's locations, then the one graphql-js adds for @deprecated. */
#define DIRECTIVE_DEFINITION_NAME "DIRECTIVE_DEFINITION"
#define NLOCATIONS (AST_NDIRECTIVE_LOCATIONS + 1)

static const char *location_name_at(uint32_t i)
{
    return i < AST_NDIRECTIVE_LOCATIONS ? ast_directive_locations[i] : DIRECTIVE_DEFINITION_NAME;
}

const char *schema_location_name(schema_location loc)
{
    for (uint32_t i = 0; i < NLOCATIONS; i++)
        if ((uint32_t)loc == 1u << i) return location_name_at(i);
    return NULL;
}

schema_location schema_location_from_name(const char *name)
{
    for (uint32_t i = 0; i < NLOCATIONS; i++)
        if (strcmp(name, location_name_at(i)) == 0) return (schema_location)(1u << i);
    return (schema_location)0;
}

/* A valid schema makes every object and interface list the interfaces it
 * implements transitively, so looking at the direct list is enough. */
bool schema_implements(const schema_type *sub, const schema_type *iface)
{
    for (uint32_t i = 0; i < sub->ninterfaces; i++)
        if (sub->interfaces[i] == iface) return true;
    return false;
}

bool schema_is_possible_type(const schema_type *abstract, const schema_type *obj)
{
    if (abstract == obj) return true;
    if (abstract->kind == SCHEMA_INTERFACE)
        return obj->kind == SCHEMA_OBJECT && schema_implements(obj, abstract);
    if (abstract->kind != SCHEMA_UNION) return false;
    for (uint32_t i = 0; i < abstract->npossible; i++)
        if (abstract->possible[i] == obj) return true;
    return false;
}

/* The possible object types of a composite type: itself for an object. */
static uint32_t possible_count(const schema_type *t)
{
    return t->kind == SCHEMA_OBJECT ? 1 : t->npossible;
}

static const schema_type *possible_at(const schema_type *t, uint32_t i)
{
    return t->kind == SCHEMA_OBJECT ? t : t->possible[i];
}

bool schema_types_overlap(const schema_type *a, const schema_type *b)
{
    if (a == b) return true;
    /* Walk the shorter list and ask the other type, whose membership test is
     * cheap for interfaces (the object's own short interface list). */
    if (possible_count(a) > possible_count(b)) {
        const schema_type *t = a;
        a = b;
        b = t;
    }
    for (uint32_t i = 0; i < possible_count(a); i++)
        if (schema_is_possible_type(b, possible_at(a, i))) return true;
    return false;
}

/* Named type `sub` may be used where named type `super` is expected: an
 * object or interface the abstract `super` lists (union) or that declares
 * `super` (interface). As in graphql-js, an invalid schema's union listing an
 * interface counts it too, so the errors reported match. */
static bool named_is_subtype(const schema *s, const char *sub, const char *super)
{
    if (strcmp(sub, super) == 0) return true;
    const schema_type *sup = schema_get_type(s, super);
    const schema_type *t = schema_get_type(s, sub);
    if (!sup || !t || !schema_is_abstract(sup)) return false;
    if (t->kind != SCHEMA_OBJECT && t->kind != SCHEMA_INTERFACE) return false;
    if (sup->kind == SCHEMA_INTERFACE) return schema_implements(t, sup);
    for (uint32_t i = 0; i < sup->npossible; i++)
        if (sup->possible[i] == t) return true;
    return false;
}

bool schema_is_subtype_ref(const schema *s, const ast_type *sub, const ast_type *super)
{
    for (;;) {
        if (super->kind == AST_TYPE_NON_NULL) {
            if (sub->kind != AST_TYPE_NON_NULL) return false;
            sub = sub->of;
            super = super->of;
        } else if (sub->kind == AST_TYPE_NON_NULL) {
            sub = sub->of;
        } else if (super->kind == AST_TYPE_LIST) {
            if (sub->kind != AST_TYPE_LIST) return false;
            sub = sub->of;
            super = super->of;
        } else if (sub->kind == AST_TYPE_LIST) {
            return false;
        } else {
            return named_is_subtype(s, sub->name, super->name);
        }
    }
}

bool schema_type_ref_equal(const ast_type *a, const ast_type *b)
{
    for (;;) {
        if (a->kind != b->kind) return false;
        if (a->kind == AST_TYPE_NAMED) return strcmp(a->name, b->name) == 0;
        a = a->of;
        b = b->of;
    }
}

char *schema_type_ref_text(arena *a, const ast_type *t)
{
    /* Wrappers read outside in: "[" for each list before the name, then the
     * closing "]" and "!" in the reverse order of the walk. */
    size_t wrappers = 0, lists = 0;
    const ast_type *named = t;
    for (; named->kind != AST_TYPE_NAMED; named = named->of) {
        wrappers++;
        if (named->kind == AST_TYPE_LIST) lists++;
    }
    size_t name_len = strlen(named->name);
    char *out = arena_alloc(a, lists + name_len + wrappers + 1);
    memset(out, '[', lists);
    memcpy(out + lists, named->name, name_len);
    char *end = out + lists + name_len + wrappers;
    *end = '\0';
    for (const ast_type *w = t; w->kind != AST_TYPE_NAMED; w = w->of)
        *--end = w->kind == AST_TYPE_LIST ? ']' : '!';
    return out;
}
