/* parser.c: recursive-descent GraphQL parser (see parser.h): the token
 * helpers, values, type references, directives, executable definitions and
 * the public entry points. Type-system definitions are in parser_sdl.c.
 * Error messages and locations follow graphql-js 16. */
#include "parser_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define PARSE_DEFAULT_MAX_DEPTH 256
/* A larger max_depth is lowered to this: the recursion must fit the C stack. */
#define PARSE_HARD_MAX_DEPTH 4096
/* Slabs start small, for the many small queries, and double up to the max. */
#define PARSE_FIRST_SLAB 1024
#define PARSE_MAX_SLAB 16384

/* ---- memory ---- */

void *parse_alloc_slow(parser *p, size_t size)
{
    size_t slab = p->slab_size ? p->slab_size : PARSE_FIRST_SLAB;
    if (size > slab / 4) return arena_zalloc(p->arena, size); /* keep the slab */
    p->slab_size = slab < PARSE_MAX_SLAB ? slab * 2 : slab;
    p->slab = arena_zalloc(p->arena, slab);
    p->slab_left = slab - size;
    void *mem = p->slab;
    p->slab += size;
    return mem;
}

/* A NUL-terminated copy of a token's text. */
static const char *parse_strndup(parser *p, const char *s, size_t len)
{
    char *copy = parse_alloc(p, len + 1);
    memcpy(copy, s, len);
    return copy; /* the slab is zeroed: the terminator is already there */
}

/* ---- errors ---- */

/* When snprintf filled buf (size bytes) to the brim, drops a UTF-8
 * character it cut in two at the end. */
static void parse_trim_utf8(char *buf, size_t size)
{
    size_t len = strlen(buf);
    if (len + 1 < size) return;
    size_t lead = len;
    while (lead > 0 && ((unsigned char)buf[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead == 0) return;
    unsigned char c = (unsigned char)buf[lead - 1];
    size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (len - (lead - 1) < want) buf[lead - 1] = '\0';
}

void parse_fail_at(parser *p, size_t pos, const char *fmt, ...)
{
    if (p->err) {
        static const char prefix[] = "Syntax Error: ";
        char *msg = p->err->message;
        memcpy(msg, prefix, sizeof prefix);
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg + sizeof prefix - 1, sizeof p->err->message - (sizeof prefix - 1), fmt, ap);
        va_end(ap);
        parse_trim_utf8(msg, sizeof p->err->message);
        p->err->loc = lex_loc_at(p->lx.src, p->lx.len, pos);
    }
    longjmp(p->fail, 1);
}

/* graphql-js getTokenDesc: the kind, then the value in quotes when it has one. */
static void parse_token_desc(const lex_token *t, char *buf, size_t size)
{
    if (t->value)
        snprintf(buf, size, "%s \"%.*s\"", lex_kind_desc(t->kind), (int)t->len, t->value);
    else
        snprintf(buf, size, "%s", lex_kind_desc(t->kind));
    parse_trim_utf8(buf, size);
}

void parse_unexpected(parser *p, const lex_token *t)
{
    char desc[200];
    if (!t) t = &p->tok;
    parse_token_desc(t, desc, sizeof desc);
    parse_fail_at(p, t->start, "Unexpected %s.", desc);
}

/* ---- tokens ---- */

static void parse_count_token(parser *p)
{
    if (p->tok.kind == LEX_EOF) return;
    if (++p->ntokens > p->max_tokens && p->max_tokens)
        parse_fail_at(p, p->tok.start, "Document contains more that %lu tokens. Parsing aborted.",
                      p->max_tokens);
}

void parse_advance(parser *p)
{
    if (p->has_ahead) {
        p->tok = p->ahead;
        p->has_ahead = false;
    } else if (!lex_next(&p->lx, &p->tok)) {
        parse_fail_at(p, p->lx.error_pos, "%s", p->lx.message);
    }
    parse_count_token(p);
}

const lex_token *parse_peek_ahead(parser *p)
{
    if (!p->has_ahead) {
        if (!lex_next(&p->lx, &p->ahead)) parse_fail_at(p, p->lx.error_pos, "%s", p->lx.message);
        p->has_ahead = true;
    }
    return &p->ahead;
}

bool parse_is(const parser *p, lex_kind kind)
{
    return p->tok.kind == kind;
}

bool parse_optional(parser *p, lex_kind kind)
{
    if (p->tok.kind != kind) return false;
    parse_advance(p);
    return true;
}

void parse_expect(parser *p, lex_kind kind)
{
    if (p->tok.kind == kind) {
        parse_advance(p);
        return;
    }
    char desc[200];
    parse_token_desc(&p->tok, desc, sizeof desc);
    parse_fail_at(p, p->tok.start, "Expected %s, found %s.", lex_kind_desc(kind), desc);
}

bool parse_token_is(const lex_token *t, const char *value)
{
    size_t n = strlen(value);
    return t->value && t->len == n && memcmp(t->value, value, n) == 0;
}

bool parse_is_keyword(const parser *p, const char *word)
{
    return p->tok.kind == LEX_NAME && parse_token_is(&p->tok, word);
}

bool parse_optional_keyword(parser *p, const char *word)
{
    if (!parse_is_keyword(p, word)) return false;
    parse_advance(p);
    return true;
}

void parse_expect_keyword(parser *p, const char *word)
{
    if (parse_optional_keyword(p, word)) return;
    char desc[200];
    parse_token_desc(&p->tok, desc, sizeof desc);
    parse_fail_at(p, p->tok.start, "Expected \"%s\", found %s.", word, desc);
}

void parse_enter(parser *p)
{
    if (++p->depth > p->max_depth)
        parse_fail_at(p, p->tok.start, "Document exceeds the maximum nesting depth of %u.",
                      p->max_depth);
}

void parse_leave(parser *p)
{
    p->depth--;
}

/* ---- names, values, types, directives ---- */

const char *parse_name(parser *p)
{
    if (p->tok.kind != LEX_NAME) parse_expect(p, LEX_NAME);
    const char *name = parse_strndup(p, p->tok.value, p->tok.len);
    parse_advance(p);
    return name;
}

const char *parse_description(parser *p)
{
    if (p->tok.kind != LEX_STRING && p->tok.kind != LEX_BLOCK_STRING) return NULL;
    const char *text = p->tok.value;
    parse_advance(p);
    return text;
}

ast_operation_type parse_operation_type(parser *p)
{
    lex_token t = p->tok;
    parse_expect(p, LEX_NAME);
    if (parse_token_is(&t, "query")) return AST_OP_QUERY;
    if (parse_token_is(&t, "mutation")) return AST_OP_MUTATION;
    if (parse_token_is(&t, "subscription")) return AST_OP_SUBSCRIPTION;
    parse_unexpected(p, &t);
}

static ast_value *parse_list(parser *p, ast_value *v, bool is_const)
{
    ast_value **tail = &v->items;
    parse_enter(p);
    parse_advance(p);
    while (!parse_optional(p, LEX_BRACKET_R)) {
        *tail = parse_value_literal(p, is_const);
        tail = &(*tail)->next;
    }
    parse_leave(p);
    v->kind = AST_VALUE_LIST;
    return v;
}

static ast_value *parse_object(parser *p, ast_value *v, bool is_const)
{
    ast_object_field **tail = &v->fields;
    parse_enter(p);
    parse_advance(p);
    while (!parse_optional(p, LEX_BRACE_R)) {
        ast_object_field *f = PARSE_NEW(p, ast_object_field);
        f->loc = p->tok.loc;
        f->name = parse_name(p);
        parse_expect(p, LEX_COLON);
        f->value = parse_value_literal(p, is_const);
        *tail = f;
        tail = &f->next;
    }
    parse_leave(p);
    v->kind = AST_VALUE_OBJECT;
    return v;
}

static ast_value *parse_variable_value(parser *p, ast_value *v, bool is_const)
{
    lex_token dollar = p->tok;
    parse_advance(p);
    if (is_const) {
        if (p->tok.kind == LEX_NAME)
            parse_fail_at(p, dollar.start, "Unexpected variable \"$%.*s\" in constant value.",
                          (int)p->tok.len, p->tok.value);
        parse_unexpected(p, &dollar);
    }
    v->kind = AST_VALUE_VARIABLE;
    v->str = parse_name(p);
    v->len = (uint32_t)strlen(v->str);
    return v;
}

/* true, false, null or an enum value. */
static ast_value *parse_name_value(parser *p, ast_value *v)
{
    if (parse_token_is(&p->tok, "true") || parse_token_is(&p->tok, "false")) {
        v->kind = AST_VALUE_BOOLEAN;
        v->boolean = p->tok.value[0] == 't';
    } else if (parse_token_is(&p->tok, "null")) {
        v->kind = AST_VALUE_NULL;
    } else {
        v->kind = AST_VALUE_ENUM;
        v->str = parse_strndup(p, p->tok.value, p->tok.len);
        v->len = (uint32_t)p->tok.len;
    }
    parse_advance(p);
    return v;
}

ast_value *parse_value_literal(parser *p, bool is_const)
{
    ast_value *v = PARSE_NEW(p, ast_value);
    v->loc = p->tok.loc;
    switch (p->tok.kind) {
    case LEX_BRACKET_L:
        return parse_list(p, v, is_const);
    case LEX_BRACE_L:
        return parse_object(p, v, is_const);
    case LEX_INT:
    case LEX_FLOAT:
        v->kind = p->tok.kind == LEX_INT ? AST_VALUE_INT : AST_VALUE_FLOAT;
        v->str = parse_strndup(p, p->tok.value, p->tok.len);
        v->len = (uint32_t)p->tok.len;
        parse_advance(p);
        return v;
    case LEX_STRING:
    case LEX_BLOCK_STRING:
        v->kind = AST_VALUE_STRING;
        v->block = p->tok.kind == LEX_BLOCK_STRING;
        v->str = p->tok.value;
        v->len = (uint32_t)p->tok.len;
        parse_advance(p);
        return v;
    case LEX_NAME:
        return parse_name_value(p, v);
    case LEX_DOLLAR:
        return parse_variable_value(p, v, is_const);
    default:
        parse_unexpected(p, NULL);
    }
}

ast_type *parse_type_ref(parser *p)
{
    ast_type *t = PARSE_NEW(p, ast_type);
    t->loc = p->tok.loc;
    if (parse_is(p, LEX_BRACKET_L)) {
        parse_enter(p);
        parse_advance(p);
        t->kind = AST_TYPE_LIST;
        t->of = parse_type_ref(p);
        parse_expect(p, LEX_BRACKET_R);
        parse_leave(p);
    } else {
        t->kind = AST_TYPE_NAMED;
        t->name = parse_name(p);
    }
    if (!parse_optional(p, LEX_BANG)) return t;
    ast_type *non_null = PARSE_NEW(p, ast_type);
    non_null->kind = AST_TYPE_NON_NULL;
    non_null->loc = t->loc;
    non_null->of = t;
    return non_null;
}

ast_argument *parse_arguments(parser *p, bool is_const)
{
    ast_argument *head = NULL, **tail = &head;
    if (!parse_optional(p, LEX_PAREN_L)) return NULL;
    do {
        ast_argument *a = PARSE_NEW(p, ast_argument);
        a->loc = p->tok.loc;
        a->name = parse_name(p);
        parse_expect(p, LEX_COLON);
        a->value = parse_value_literal(p, is_const);
        *tail = a;
        tail = &a->next;
    } while (!parse_optional(p, LEX_PAREN_R));
    return head;
}

ast_directive *parse_directives(parser *p, bool is_const)
{
    ast_directive *head = NULL, **tail = &head;
    while (parse_is(p, LEX_AT)) {
        ast_directive *d = PARSE_NEW(p, ast_directive);
        d->loc = p->tok.loc;
        parse_advance(p);
        d->name = parse_name(p);
        d->arguments = parse_arguments(p, is_const);
        *tail = d;
        tail = &d->next;
    }
    return head;
}

/* ---- executable definitions ---- */

static ast_selection *parse_selection(parser *p);

/* A selection set with its braces; the caller has seen the "{". */
static ast_selection *parse_selection_set_braced(parser *p)
{
    ast_selection *head = NULL, **tail = &head;
    parse_enter(p);
    parse_expect(p, LEX_BRACE_L);
    do {
        *tail = parse_selection(p);
        tail = &(*tail)->next;
    } while (!parse_optional(p, LEX_BRACE_R));
    parse_leave(p);
    return head;
}

static ast_selection *parse_field(parser *p)
{
    ast_selection *s = PARSE_NEW(p, ast_selection);
    s->kind = AST_SEL_FIELD;
    s->loc = p->tok.loc;
    s->name_loc = p->tok.loc;
    s->name = parse_name(p);
    if (parse_optional(p, LEX_COLON)) {
        s->alias = s->name;
        s->name_loc = p->tok.loc;
        s->name = parse_name(p);
    }
    s->arguments = parse_arguments(p, false);
    s->directives = parse_directives(p, false);
    if (parse_is(p, LEX_BRACE_L)) {
        s->selection_set_loc = p->tok.loc;
        s->selection_set = parse_selection_set_braced(p);
    }
    return s;
}

/* A fragment's own name: any Name but "on". */
static const char *parse_fragment_name(parser *p)
{
    if (parse_token_is(&p->tok, "on")) parse_unexpected(p, NULL);
    return parse_name(p);
}

/* "...Name" or "... on Type { }" or "... { }". */
static ast_selection *parse_fragment(parser *p)
{
    ast_selection *s = PARSE_NEW(p, ast_selection);
    s->loc = p->tok.loc;
    parse_advance(p);
    bool has_type_condition = parse_optional_keyword(p, "on");
    if (!has_type_condition && parse_is(p, LEX_NAME)) {
        s->kind = AST_SEL_FRAGMENT_SPREAD;
        s->name_loc = p->tok.loc;
        s->name = parse_fragment_name(p);
        s->directives = parse_directives(p, false);
        return s;
    }
    s->kind = AST_SEL_INLINE_FRAGMENT;
    if (has_type_condition) {
        s->type_condition_loc = p->tok.loc;
        s->type_condition = parse_name(p);
    }
    s->directives = parse_directives(p, false);
    s->selection_set_loc = p->tok.loc;
    s->selection_set = parse_selection_set_braced(p);
    return s;
}

static ast_selection *parse_selection(parser *p)
{
    return parse_is(p, LEX_SPREAD) ? parse_fragment(p) : parse_field(p);
}

static ast_variable_def *parse_variable_definitions(parser *p)
{
    ast_variable_def *head = NULL, **tail = &head;
    if (!parse_optional(p, LEX_PAREN_L)) return NULL;
    do {
        ast_variable_def *v = PARSE_NEW(p, ast_variable_def);
        v->loc = p->tok.loc;
        v->description = parse_description(p);
        parse_expect(p, LEX_DOLLAR);
        v->name = parse_name(p);
        parse_expect(p, LEX_COLON);
        v->type = parse_type_ref(p);
        if (parse_optional(p, LEX_EQUALS)) v->default_value = parse_value_literal(p, true);
        v->directives = parse_directives(p, true);
        *tail = v;
        tail = &v->next;
    } while (!parse_optional(p, LEX_PAREN_R));
    return head;
}

static ast_definition *parse_operation_definition(parser *p)
{
    ast_definition *d = PARSE_NEW(p, ast_definition);
    d->kind = AST_DEF_OPERATION;
    d->loc = p->tok.loc;
    if (parse_is(p, LEX_BRACE_L)) {
        d->operation = AST_OP_QUERY;
        d->shorthand = true;
        d->selection_set = parse_selection_set_braced(p);
        return d;
    }
    d->description = parse_description(p);
    d->operation = parse_operation_type(p);
    if (parse_is(p, LEX_NAME)) {
        d->name_loc = p->tok.loc;
        d->name = parse_name(p);
    }
    d->variables = parse_variable_definitions(p);
    d->directives = parse_directives(p, false);
    d->selection_set = parse_selection_set_braced(p);
    return d;
}

static ast_definition *parse_fragment_definition(parser *p)
{
    ast_definition *d = PARSE_NEW(p, ast_definition);
    d->kind = AST_DEF_FRAGMENT;
    d->loc = p->tok.loc;
    d->description = parse_description(p);
    parse_expect_keyword(p, "fragment");
    d->name_loc = p->tok.loc;
    d->name = parse_fragment_name(p);
    parse_expect_keyword(p, "on");
    d->type_condition_loc = p->tok.loc;
    d->type_condition = parse_name(p);
    d->directives = parse_directives(p, false);
    d->selection_set = parse_selection_set_braced(p);
    return d;
}

static ast_definition *parse_definition(parser *p)
{
    if (parse_is(p, LEX_BRACE_L)) return parse_operation_definition(p);
    bool has_description = parse_is(p, LEX_STRING) || parse_is(p, LEX_BLOCK_STRING);
    const lex_token *keyword = has_description ? parse_peek_ahead(p) : &p->tok;
    if (has_description && keyword->kind == LEX_BRACE_L)
        parse_fail_at(p, p->tok.start,
                      "Unexpected description, descriptions are not supported on shorthand "
                      "queries.");
    if (keyword->kind == LEX_NAME) {
        if (parse_is_type_system_keyword(keyword)) return parse_type_system_definition(p);
        if (parse_token_is(keyword, "query") || parse_token_is(keyword, "mutation") ||
            parse_token_is(keyword, "subscription"))
            return parse_operation_definition(p);
        if (parse_token_is(keyword, "fragment")) return parse_fragment_definition(p);
        if (has_description)
            parse_fail_at(p, p->tok.start,
                          "Unexpected description, only GraphQL definitions support "
                          "descriptions.");
        if (parse_token_is(keyword, "extend")) return parse_type_system_extension(p);
    }
    parse_unexpected(p, keyword);
}

/* ---- entry points ---- */

static void parse_init(parser *p, arena *a, const char *src, size_t len, const parse_options *opts,
                       parse_error *err)
{
    memset(p, 0, sizeof *p);
    p->arena = a;
    lex_init(&p->lx, a, src, len);
    p->tok.kind = LEX_SOF;
    p->max_depth = opts && opts->max_depth ? opts->max_depth : PARSE_DEFAULT_MAX_DEPTH;
    if (p->max_depth > PARSE_HARD_MAX_DEPTH) p->max_depth = PARSE_HARD_MAX_DEPTH;
    p->max_tokens = opts ? opts->max_tokens : 0;
    p->err = err;
    if (err) {
        err->message[0] = '\0';
        err->loc = (src_loc){0, 0};
    }
}

ast_document *parse_document(arena *a, const char *src, size_t len, const parse_options *opts,
                             parse_error *err)
{
    parser p;
    parse_init(&p, a, src, len, opts, err);
    if (setjmp(p.fail)) return NULL;
    parse_advance(&p);
    ast_document *doc = ARENA_NEW(a, ast_document);
    ast_definition **tail = &doc->definitions;
    do {
        *tail = parse_definition(&p);
        tail = &(*tail)->next;
        doc->ndefinitions++;
    } while (!parse_is(&p, LEX_EOF));
    return doc;
}

ast_value *parse_value(arena *a, const char *src, size_t len, parse_error *err)
{
    parser p;
    parse_init(&p, a, src, len, NULL, err);
    if (setjmp(p.fail)) return NULL;
    parse_advance(&p);
    ast_value *v = parse_value_literal(&p, false);
    parse_expect(&p, LEX_EOF);
    return v;
}

ast_type *parse_type(arena *a, const char *src, size_t len, parse_error *err)
{
    parser p;
    parse_init(&p, a, src, len, NULL, err);
    if (setjmp(p.fail)) return NULL;
    parse_advance(&p);
    ast_type *t = parse_type_ref(&p);
    parse_expect(&p, LEX_EOF);
    return t;
}

ast_selection *parse_selection_set(arena *a, const char *src, size_t len, parse_error *err)
{
    parser p;
    parse_init(&p, a, src, len, NULL, err);
    if (setjmp(p.fail)) return NULL;
    parse_advance(&p);
    ast_selection *head = NULL, **tail = &head;
    parse_enter(&p);
    do {
        *tail = parse_selection(&p);
        tail = &(*tail)->next;
    } while (!parse_is(&p, LEX_EOF));
    return head;
}
