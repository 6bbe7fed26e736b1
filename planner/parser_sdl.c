/* parser_sdl.c: the type-system half of the grammar: schema, scalar, type,
 * interface, union, enum, input and directive definitions, with their
 * descriptions, and every `extend` form. Shares parser_int.h with parser.c. */
#include "parser_int.h"

#include <string.h>

static const char *const type_system_keywords[] = {
    "schema", "scalar", "type", "interface", "union", "enum", "input", "directive",
};

#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

bool parse_is_type_system_keyword(const lex_token *t)
{
    for (size_t i = 0; i < COUNT(type_system_keywords); i++)
        if (parse_token_is(t, type_system_keywords[i])) return true;
    return false;
}

static ast_definition *parse_new_definition(parser *p, ast_def_kind kind)
{
    ast_definition *d = PARSE_NEW(p, ast_definition);
    d->kind = kind;
    d->loc = p->tok.loc;
    return d;
}

/* ---- pieces ---- */

static ast_name *parse_named(parser *p)
{
    ast_name *n = PARSE_NEW(p, ast_name);
    n->loc = p->tok.loc;
    n->name = parse_name(p);
    return n;
}

/* Names separated by `delimiter`, which may also lead: "& A & B", "| A | B". */
static ast_name *parse_delimited_names(parser *p, lex_kind delimiter, bool locations)
{
    ast_name *head = NULL, **tail = &head;
    parse_optional(p, delimiter);
    do {
        lex_token start = p->tok;
        ast_name *n = parse_named(p);
        if (locations) {
            size_t i = 0;
            while (i < AST_NDIRECTIVE_LOCATIONS && strcmp(n->name, ast_directive_locations[i]) != 0)
                i++;
            if (i == AST_NDIRECTIVE_LOCATIONS) parse_unexpected(p, &start);
        }
        *tail = n;
        tail = &n->next;
    } while (parse_optional(p, delimiter));
    return head;
}

static ast_name *parse_implements(parser *p)
{
    if (!parse_optional_keyword(p, "implements")) return NULL;
    return parse_delimited_names(p, LEX_AMP, false);
}

static ast_name *parse_union_members(parser *p)
{
    if (!parse_optional(p, LEX_EQUALS)) return NULL;
    return parse_delimited_names(p, LEX_PIPE, false);
}

/* An argument or input field: "desc" name: Type = default @directives */
static ast_field_def *parse_input_value_def(parser *p)
{
    ast_field_def *f = PARSE_NEW(p, ast_field_def);
    f->loc = p->tok.loc;
    f->description = parse_description(p);
    f->name = parse_name(p);
    parse_expect(p, LEX_COLON);
    f->type = parse_type_ref(p);
    if (parse_optional(p, LEX_EQUALS)) f->default_value = parse_value_literal(p, true);
    f->directives = parse_directives(p, true);
    return f;
}

/* open InputValueDefinition+ close, or nothing when `open` is absent. */
static ast_field_def *parse_input_value_defs(parser *p, lex_kind open, lex_kind close)
{
    ast_field_def *head = NULL, **tail = &head;
    if (!parse_optional(p, open)) return NULL;
    do {
        *tail = parse_input_value_def(p);
        tail = &(*tail)->next;
    } while (!parse_optional(p, close));
    return head;
}

static ast_field_def *parse_field_def(parser *p)
{
    ast_field_def *f = PARSE_NEW(p, ast_field_def);
    f->loc = p->tok.loc;
    f->description = parse_description(p);
    f->name = parse_name(p);
    f->arguments = parse_input_value_defs(p, LEX_PAREN_L, LEX_PAREN_R);
    parse_expect(p, LEX_COLON);
    f->type = parse_type_ref(p);
    f->directives = parse_directives(p, true);
    return f;
}

static ast_field_def *parse_fields(parser *p)
{
    ast_field_def *head = NULL, **tail = &head;
    if (!parse_optional(p, LEX_BRACE_L)) return NULL;
    do {
        *tail = parse_field_def(p);
        tail = &(*tail)->next;
    } while (!parse_optional(p, LEX_BRACE_R));
    return head;
}

static ast_enum_value_def *parse_enum_values(parser *p)
{
    ast_enum_value_def *head = NULL, **tail = &head;
    if (!parse_optional(p, LEX_BRACE_L)) return NULL;
    do {
        ast_enum_value_def *e = PARSE_NEW(p, ast_enum_value_def);
        e->loc = p->tok.loc;
        e->description = parse_description(p);
        if (parse_token_is(&p->tok, "true") || parse_token_is(&p->tok, "false") ||
            parse_token_is(&p->tok, "null"))
            parse_fail_at(p, p->tok.start,
                          "%s \"%.*s\" is reserved and cannot be used for an enum value.",
                          lex_kind_desc(p->tok.kind), (int)p->tok.len, p->tok.value);
        e->name = parse_name(p);
        e->directives = parse_directives(p, true);
        *tail = e;
        tail = &e->next;
    } while (!parse_optional(p, LEX_BRACE_R));
    return head;
}

/* { query: Query mutation: Mutation }, or nothing without the "{". */
static ast_root_op *parse_root_operations(parser *p)
{
    ast_root_op *head = NULL, **tail = &head;
    if (!parse_optional(p, LEX_BRACE_L)) return NULL;
    do {
        ast_root_op *r = PARSE_NEW(p, ast_root_op);
        r->loc = p->tok.loc;
        r->operation = parse_operation_type(p);
        parse_expect(p, LEX_COLON);
        r->type_loc = p->tok.loc;
        r->type_name = parse_name(p);
        *tail = r;
        tail = &r->next;
    } while (!parse_optional(p, LEX_BRACE_R));
    return head;
}

/* ---- the bodies shared by definitions and extensions ---- */

/* Parses what follows the keyword; the definition's name is already read
 * (except for schema). */
static void parse_definition_body(parser *p, ast_definition *d)
{
    switch (d->kind) {
    case AST_DEF_SCHEMA:
        d->directives = parse_directives(p, true);
        if (!d->extension && !parse_is(p, LEX_BRACE_L)) parse_expect(p, LEX_BRACE_L);
        d->root_operations = parse_root_operations(p);
        break;
    case AST_DEF_OBJECT:
    case AST_DEF_INTERFACE:
        d->interfaces = parse_implements(p);
        d->directives = parse_directives(p, true);
        d->fields = parse_fields(p);
        break;
    case AST_DEF_UNION:
        d->directives = parse_directives(p, true);
        d->members = parse_union_members(p);
        break;
    case AST_DEF_ENUM:
        d->directives = parse_directives(p, true);
        d->values = parse_enum_values(p);
        break;
    case AST_DEF_INPUT_OBJECT:
        d->directives = parse_directives(p, true);
        d->fields = parse_input_value_defs(p, LEX_BRACE_L, LEX_BRACE_R);
        break;
    default: /* scalar */
        d->directives = parse_directives(p, true);
        break;
    }
}

static bool parse_extension_is_empty(const ast_definition *d)
{
    return !d->directives && !d->root_operations && !d->interfaces && !d->fields && !d->members &&
           !d->values;
}

static ast_def_kind parse_kind_of_keyword(const lex_token *t)
{
    static const ast_def_kind kinds[] = {
        AST_DEF_SCHEMA, AST_DEF_SCALAR, AST_DEF_OBJECT,       AST_DEF_INTERFACE,
        AST_DEF_UNION,  AST_DEF_ENUM,   AST_DEF_INPUT_OBJECT, AST_DEF_DIRECTIVE,
    };
    size_t i = 0;
    while (!parse_token_is(t, type_system_keywords[i]))
        i++;
    return kinds[i];
}

/* directive @name(args) repeatable on LOCATION | LOCATION */
static void parse_directive_definition_body(parser *p, ast_definition *d)
{
    parse_expect(p, LEX_AT);
    d->name_loc = p->tok.loc;
    d->name = parse_name(p);
    d->arguments = parse_input_value_defs(p, LEX_PAREN_L, LEX_PAREN_R);
    d->repeatable = parse_optional_keyword(p, "repeatable");
    parse_expect_keyword(p, "on");
    d->locations = parse_delimited_names(p, LEX_PIPE, true);
}

ast_definition *parse_type_system_definition(parser *p)
{
    ast_definition *d = parse_new_definition(p, AST_DEF_SCHEMA);
    d->description = parse_description(p);
    d->kind = parse_kind_of_keyword(&p->tok);
    parse_advance(p);
    if (d->kind == AST_DEF_DIRECTIVE) {
        parse_directive_definition_body(p, d);
        return d;
    }
    if (d->kind != AST_DEF_SCHEMA) {
        d->name_loc = p->tok.loc;
        d->name = parse_name(p);
    }
    parse_definition_body(p, d);
    return d;
}

ast_definition *parse_type_system_extension(parser *p)
{
    const lex_token *keyword = parse_peek_ahead(p);
    if (keyword->kind != LEX_NAME || !parse_is_type_system_keyword(keyword) ||
        parse_token_is(keyword, "directive"))
        parse_unexpected(p, keyword);
    ast_definition *d = parse_new_definition(p, parse_kind_of_keyword(keyword));
    d->extension = true;
    parse_advance(p); /* extend */
    parse_advance(p); /* the keyword */
    if (d->kind != AST_DEF_SCHEMA) {
        d->name_loc = p->tok.loc;
        d->name = parse_name(p);
    }
    parse_definition_body(p, d);
    if (parse_extension_is_empty(d)) parse_unexpected(p, NULL);
    return d;
}
