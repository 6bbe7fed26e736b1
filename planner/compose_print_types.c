/* compose_print_types.c: one merged type as Apollo's printSchema writes it in
 * a supergraph: the join directives that say which subgraph has what
 * (@join__implements, @join__type, @join__unionMember, @join__field,
 * @join__enumValue), each element's own directives (@inaccessible first on
 * fields and enum values, then the join ones, then @tag, pass-through ones and
 * @deprecated), descriptions as Apollo's block strings. */
#include <ctype.h>
#include <string.h>

#include "compose_print.h"
#include "printer.h"

void cp_description(sbuf *out, const char *d, const char *indent, bool first_in_block)
{
    if (!d) return;
    size_t len = strlen(d);
    bool single_line = !strchr(d, '\n');
    bool leading_space = d[0] == ' ' || d[0] == '\t';
    bool trailing_quote = len && d[len - 1] == '"';
    bool trailing_slash = len && d[len - 1] == '\\';
    bool multiple = !single_line || trailing_quote || trailing_slash || len > 70;
    if (indent[0] && !first_in_block)
        sbuf_printf(out, "\n%s", indent);
    else
        sbuf_puts(out, indent);
    sbuf_puts(out, "\"\"\"");
    if (multiple && !(single_line && leading_space)) sbuf_printf(out, "\n%s", indent);
    for (const char *p = d; *p; p++) {
        if (*p == '\n') {
            sbuf_printf(out, "\n%s", indent);
        } else if (!strncmp(p, "\"\"\"", 3)) {
            sbuf_puts(out, "\\\"\"\"");
            p += 2;
        } else {
            sbuf_putc(out, *p);
        }
    }
    if (multiple) sbuf_printf(out, "\n%s", indent);
    sbuf_puts(out, "\"\"\"\n");
}

static void print_applied(sbuf *out, const capplied *p, const char *sep)
{
    ast_directive copy = *p->dir;
    copy.name = p->name;
    copy.next = NULL;
    sbuf_puts(out, sep);
    print_directives(out, &copy);
}

static void print_applied_named(sbuf *out, const cmeta *m, const char *name, const char *sep)
{
    for (uint32_t i = 0; i < m->napplied; i++)
        if (!strcmp(m->applied[i].name, name)) print_applied(out, &m->applied[i], sep);
}

/* Apollo merges applied directives name by name, in order of first
 * appearance; on fields and interfaces the access-control ones come first. */
static const char *const access_control[3] = {"authenticated", "requiresScopes", "policy"};

static void print_applied_list(sbuf *out, const cmeta *m, bool hoist, const char *sep)
{
    if (hoist)
        for (int k = 0; k < 3; k++)
            print_applied_named(out, m, access_control[k], sep);
    for (uint32_t i = 0; i < m->napplied; i++) {
        const char *name = m->applied[i].name;
        bool seen = hoist && compose_is_access_control(name);
        for (uint32_t j = 0; j < i && !seen; j++)
            seen = !strcmp(m->applied[j].name, name);
        if (!seen) print_applied_named(out, m, name, sep);
    }
}

static void print_string_literal(sbuf *out, const char *s)
{
    print_string(out, s, strlen(s));
}

/* The directives after the join ones, on the element's line. */
static void print_meta_tail(sbuf *out, const cmeta *m, bool hoist)
{
    print_applied_list(out, m, hoist, " ");
}

static void print_type_ref(sbuf *out, const ast_type *t)
{
    print_type(out, t);
}

static void print_arg(sbuf *out, const cmfield *a)
{
    sbuf_printf(out, "%s: ", a->name);
    print_type_ref(out, a->type);
    if (a->default_value) {
        sbuf_puts(out, " = ");
        print_value(out, a->default_value);
    }
    if (a->m.inaccessible) sbuf_puts(out, " @inaccessible");
    print_meta_tail(out, &a->m, false);
}

static void print_args(sbuf *out, const cmfield *f)
{
    if (!f->nargs) return;
    bool described = false;
    for (uint32_t i = 0; i < f->nargs; i++)
        described |= f->args[i].m.description != NULL;
    sbuf_putc(out, '(');
    for (uint32_t i = 0; i < f->nargs; i++) {
        if (described) {
            sbuf_putc(out, '\n');
            cp_description(out, f->args[i].m.description, "    ", i == 0);
            sbuf_puts(out, "    ");
        } else if (i) {
            sbuf_puts(out, ", ");
        }
        print_arg(out, &f->args[i]);
    }
    if (described) sbuf_puts(out, "\n  ");
    sbuf_putc(out, ')');
}

/* "$ctx { a }": the context's name and the selection after it, as Apollo's
 * parseContext splits them (the selection keeps its leading space). */
static bool split_context(const char *value, const char **name, size_t *len, const char **selection)
{
    const char *p = value + strspn(value, " \t\n\r,");
    if (*p != '$') return false;
    p += 1 + strspn(p + 1, " \t\n\r,");
    size_t n = 0;
    while (isalnum((unsigned char)p[n]) || p[n] == '_')
        n++;
    if (!n || isdigit((unsigned char)p[0])) return false;
    *name = p;
    *len = n;
    *selection = p + n;
    return true;
}

static void print_context_arguments(compose_ctx *c, sbuf *out, const cfield *sf, const csub *s)
{
    uint32_t n = 0;
    for (uint32_t a = 0; a < sf->nargs; a++) {
        const cfield *arg = &sf->args[a];
        const char *name, *selection;
        size_t len;
        if (!arg->from_context || !split_context(arg->from_context, &name, &len, &selection))
            continue;
        sbuf_puts(out, n++ ? ", " : ", contextArguments: [");
        sbuf_printf(out, "{context: \"%s__%.*s\", name: ", s->name, (int)len, name);
        print_string_literal(out, arg->name);
        sbuf_puts(out, ", type: ");
        print_string_literal(out, schema_type_ref_text(c->arena, arg->type));
        sbuf_puts(out, ", selection: ");
        print_string_literal(out, selection);
        sbuf_putc(out, '}');
    }
    if (n) sbuf_putc(out, ']');
}

static void print_join_field(compose_ctx *c, sbuf *out, const cmfield *f, uint32_t i)
{
    const cmsource *s = &f->src[i];
    const cfield *sf = s->field;
    sbuf_printf(out, " @join__field(graph: %s", c->subs[i].graph_value);
    if (sf->requires) {
        sbuf_puts(out, ", requires: ");
        print_string_literal(out, sf->requires);
    }
    if (sf->provides) {
        sbuf_puts(out, ", provides: ");
        print_string_literal(out, sf->provides);
    }
    if (f->types_differ) {
        sbuf_puts(out, ", type: ");
        print_string_literal(out, schema_type_ref_text(c->arena, sf->type));
    }
    if (sf->external) sbuf_puts(out, ", external: true");
    if (sf->override_from) {
        sbuf_puts(out, ", override: ");
        print_string_literal(out, sf->override_from);
    }
    if (s->used_overridden) sbuf_puts(out, ", usedOverridden: true");
    if (s->override_label) {
        sbuf_puts(out, ", overrideLabel: ");
        print_string_literal(out, s->override_label);
    }
    print_context_arguments(c, out, sf, &c->subs[i]);
    sbuf_putc(out, ')');
}

static void print_field(compose_ctx *c, sbuf *out, const cmfield *f, bool first)
{
    cp_description(out, f->m.description, "  ", first);
    sbuf_printf(out, "  %s", f->name);
    print_args(out, f);
    sbuf_puts(out, ": ");
    print_type_ref(out, f->type);
    if (f->parent->kind == SCHEMA_INPUT_OBJECT && f->default_value) {
        sbuf_puts(out, " = ");
        print_value(out, f->default_value);
    }
    if (f->m.inaccessible) sbuf_puts(out, " @inaccessible");
    if (f->bare_join_field) sbuf_puts(out, " @join__field");
    if (f->join_field)
        for (uint32_t i = 0; i < c->nsubs; i++)
            if (f->src[i].field && !(f->src[i].overridden && !f->src[i].override_label))
                print_join_field(c, out, f, i);
    print_meta_tail(out, &f->m, f->parent->kind != SCHEMA_INPUT_OBJECT);
    sbuf_putc(out, '\n');
}

static void print_join_types(compose_ctx *c, sbuf *out, const cmtype *t)
{
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const ctype *st = t->src[i];
        if (!st) continue;
        const char *g = c->subs[i].graph_value;
        const char *itf_object = st->interface_object ? ", isInterfaceObject: true" : "";
        if (!st->nkeys) sbuf_printf(out, "\n  @join__type(graph: %s%s)", g, itf_object);
        for (uint32_t k = 0; k < st->nkeys; k++) {
            const ckey *key = &st->keys[k];
            sbuf_printf(out, "\n  @join__type(graph: %s, key: ", g);
            print_string_literal(out, key->fields);
            if (key->extension) sbuf_puts(out, ", extension: true");
            if (key->resolvable_written)
                sbuf_printf(out, ", resolvable: %s", key->resolvable ? "true" : "false");
            sbuf_printf(out, "%s)", itf_object);
        }
    }
}

static void print_join_implements(compose_ctx *c, sbuf *out, const cmtype *t)
{
    for (uint32_t i = 0; i < c->nsubs; i++) {
        const ctype *st = t->src[i];
        if (!st) continue;
        for (uint32_t k = 0; k < st->ninterfaces; k++)
            sbuf_printf(out, "\n  @join__implements(graph: %s, interface: \"%s\")",
                        c->subs[i].graph_value, st->interfaces[k].name);
    }
}

static void print_join_members(compose_ctx *c, sbuf *out, const cmtype *t)
{
    for (uint32_t m = 0; m < t->nmembers; m++)
        for (uint32_t i = 0; i < c->nsubs; i++) {
            const ctype *st = t->src[i];
            if (!st) continue;
            for (uint32_t k = 0; k < st->nmembers; k++)
                if (!strcmp(st->members[k].name, t->members[m].name))
                    sbuf_printf(out, "\n  @join__unionMember(graph: %s, member: \"%s\")",
                                c->subs[i].graph_value, t->members[m].name);
        }
}

/* The type's own directives, each on its line after the join ones. */
static void print_type_meta(sbuf *out, const cmtype *t)
{
    if (t->specified_by) {
        sbuf_puts(out, "\n  @specifiedBy(url: ");
        print_string_literal(out, t->specified_by);
        sbuf_putc(out, ')');
    }
    if (t->m.inaccessible) sbuf_puts(out, "\n  @inaccessible");
    print_applied_list(out, &t->m, t->kind == SCHEMA_INTERFACE, "\n  ");
}

static const char *keyword(schema_kind k)
{
    switch (k) {
    case SCHEMA_OBJECT:
        return "type";
    case SCHEMA_INTERFACE:
        return "interface";
    case SCHEMA_UNION:
        return "union";
    case SCHEMA_ENUM:
        return "enum";
    case SCHEMA_INPUT_OBJECT:
        return "input";
    default:
        return "scalar";
    }
}

static void print_values(compose_ctx *c, sbuf *out, const cmtype *t)
{
    for (uint32_t v = 0; v < t->nvalues; v++) {
        const cmvalue *val = &t->values[v];
        cp_description(out, val->m.description, "  ", v == 0);
        sbuf_printf(out, "  %s", val->name);
        if (val->m.inaccessible) sbuf_puts(out, " @inaccessible");
        for (uint32_t i = 0; i < c->nsubs; i++)
            if (val->in[i])
                sbuf_printf(out, " @join__enumValue(graph: %s)", c->subs[i].graph_value);
        print_meta_tail(out, &val->m, false);
        sbuf_putc(out, '\n');
    }
}

const char *cp_print_type(compose_ctx *c, const cmtype *t)
{
    sbuf out;
    sbuf_init(&out);
    cp_description(&out, t->m.description, "", true);
    sbuf_printf(&out, "%s %s", keyword(t->kind), t->name);
    for (uint32_t i = 0; i < t->ninterfaces; i++)
        sbuf_printf(&out, "%s%s", i ? " & " : " implements ", t->interfaces[i].name);
    if (t->kind == SCHEMA_OBJECT || t->kind == SCHEMA_INTERFACE) print_join_implements(c, &out, t);
    print_join_types(c, &out, t);
    if (t->kind == SCHEMA_UNION) print_join_members(c, &out, t);
    print_type_meta(&out, t);
    bool block = t->nfields || t->nvalues;
    if (block) sbuf_puts(&out, "\n{\n");
    for (uint32_t f = 0; f < t->nfields; f++)
        print_field(c, &out, &t->fields[f], f == 0);
    if (t->kind == SCHEMA_ENUM) print_values(c, &out, t);
    if (block) sbuf_putc(&out, '}');
    for (uint32_t m = 0; m < t->nmembers; m++)
        sbuf_printf(&out, "%s%s", m ? " | " : "\n = ", t->members[m].name);
    const char *text = arena_strndup(c->arena, out.data, out.len);
    sbuf_free(&out);
    return text;
}

/* A definition's arguments as Apollo's printArgs writes them. */
static void print_definition_args(sbuf *out, const cfield *const *args, uint32_t n)
{
    if (!n) return;
    bool described = false;
    for (uint32_t i = 0; i < n; i++)
        described |= args[i]->m.description != NULL;
    sbuf_putc(out, '(');
    for (uint32_t i = 0; i < n; i++) {
        if (described) {
            sbuf_putc(out, '\n');
            cp_description(out, args[i]->m.description, "  ", i == 0);
            sbuf_puts(out, "  ");
        } else if (i) {
            sbuf_puts(out, ", ");
        }
        sbuf_printf(out, "%s: ", args[i]->name);
        print_type_ref(out, args[i]->type);
        if (args[i]->default_value) {
            sbuf_puts(out, " = ");
            print_value(out, args[i]->default_value);
        }
        if (args[i]->m.inaccessible) sbuf_puts(out, " @inaccessible");
        print_meta_tail(out, &args[i]->m, false);
    }
    if (described) sbuf_putc(out, '\n');
    sbuf_putc(out, ')');
}

/* Executable locations as Apollo merges them: sorted by name. */
static void print_sorted_locations(sbuf *out, uint32_t locations)
{
    const char *names[32];
    uint32_t n = 0;
    for (uint32_t bit = 1; bit && n < 32; bit <<= 1)
        if (locations & bit) names[n++] = schema_location_name((schema_location)bit);
    for (uint32_t i = 1; i < n; i++)
        for (uint32_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            const char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
    for (uint32_t i = 0; i < n; i++)
        sbuf_printf(out, "%s%s", i ? " | " : "", names[i]);
}

const char *cp_print_directive(compose_ctx *c, const cmdirective *d)
{
    const cdirective *def = d->def;
    sbuf out;
    sbuf_init(&out);
    cp_description(&out, def->description, "", true);
    sbuf_printf(&out, "directive @%s", def->name);
    if (d->executable) {
        print_definition_args(&out, d->args, d->nargs);
    } else {
        const cfield **all = ARENA_ARRAY(c->arena, const cfield *, def->nargs + 1);
        for (uint32_t i = 0; i < def->nargs; i++)
            all[i] = &def->args[i];
        print_definition_args(&out, all, def->nargs);
    }
    if (d->repeatable) sbuf_puts(&out, " repeatable");
    sbuf_puts(&out, " on ");
    if (d->executable)
        print_sorted_locations(&out, d->locations);
    else
        for (const ast_name *l = def->location_names; l; l = l->next)
            sbuf_printf(&out, "%s%s", l == def->location_names ? "" : " | ", l->name);
    const char *text = arena_strndup(c->arena, out.data, out.len);
    sbuf_free(&out);
    return text;
}
